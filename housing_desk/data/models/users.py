"""Accounts of the people who use Housing Desk, and the audit trail of what they did."""

from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from housing_desk.data.fields import UTCDateTimeField, utc_now
from housing_desk.data.models.base import BaseModel


class User(BaseModel):
    username = CharField(max_length=60, unique=True)
    full_name = CharField(max_length=200)
    role = CharField(max_length=20)
    password_hash = CharField(max_length=255)
    active = BooleanField(default=True)
    created_at = UTCDateTimeField(default=utc_now)
    last_login_at = UTCDateTimeField(null=True)
    failed_attempts = IntegerField(default=0)
    locked_until = UTCDateTimeField(null=True)
    version = IntegerField(default=1)

    class Meta:
        table_name = "app_user"


class AuditEvent(BaseModel):
    at = UTCDateTimeField(default=utc_now, index=True)
    actor = ForeignKeyField(User, null=True, backref="audit_events", on_delete="RESTRICT")
    actor_id: int | None
    action = CharField(max_length=20)
    entity = CharField(max_length=40)
    entity_id = IntegerField(null=True)
    changes = TextField(default="{}")

    class Meta:
        table_name = "audit_event"
        indexes = ((("entity", "entity_id"), False),)
