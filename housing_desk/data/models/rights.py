"""Her rights over her data: the requests she makes for a copy of her records."""

from peewee import CharField, DateField, ForeignKeyField, IntegerField, TextField

from housing_desk.data.fields import UTCDateTimeField, utc_now
from housing_desk.data.models.base import BaseModel
from housing_desk.data.models.people import Person
from housing_desk.data.models.users import User


class SubjectAccessRequest(BaseModel):
    person = ForeignKeyField(Person, backref="access_requests", on_delete="RESTRICT")
    person_id: int
    received_on = DateField()
    due_on = DateField()  # one calendar month after it was received
    status = CharField(max_length=20, default="open", index=True)  # open | answered
    answered_on = DateField(null=True)
    notes = TextField(default="")
    recorded_by = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    recorded_by_id: int
    answered_by = ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    answered_by_id: int | None
    version = IntegerField(default=1)
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "subject_access_request"
