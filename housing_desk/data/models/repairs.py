"""Repairs of the flats, and the files kept with a record (scans, certificates, photos)."""

from peewee import (
    BlobField,
    BooleanField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from housing_desk.data.fields import UTCDateTimeField, utc_now
from housing_desk.data.models.base import BaseModel
from housing_desk.data.models.flats import Flat, Unavailability
from housing_desk.data.models.users import User


class Repair(BaseModel):
    flat = ForeignKeyField(Flat, backref="repairs", on_delete="RESTRICT")
    flat_id: int
    reported_on = DateField()
    reported_by = CharField(max_length=200, default="")
    description = TextField()
    priority = CharField(max_length=20)  # emergency | urgent | routine
    hazard = BooleanField(default=False)  # damp and mould: a clock of its own
    target_on = DateField()
    investigated_on = DateField(null=True)  # for a hazard: when it was looked into
    passed_to = CharField(max_length=200, default="")
    passed_on = DateField(null=True)
    completed_on = DateField(null=True)
    notes = TextField(default="")
    unavailability = ForeignKeyField(
        Unavailability, null=True, backref="repairs", on_delete="SET NULL"
    )
    unavailability_id: int | None
    created_by = ForeignKeyField(User, on_delete="RESTRICT")
    created_by_id: int
    created_at = UTCDateTimeField(default=utc_now)
    version = IntegerField(default=1)

    class Meta:
        table_name = "repair"
        indexes = ((("flat", "reported_on"), False), (("completed_on",), False))


class Attachment(BaseModel):
    """A file kept inside the database, so that encryption and backups cover it too."""

    entity = CharField(max_length=20)  # person | licence | flat | certificate | repair
    entity_id = IntegerField()
    filename = CharField(max_length=255)
    kind = CharField(max_length=20)
    size = IntegerField()
    sha256 = CharField(max_length=64)
    data = BlobField()
    expires_on = DateField(null=True)
    created_by = ForeignKeyField(User, on_delete="RESTRICT")
    created_by_id: int
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "attachment"
        indexes = ((("entity", "entity_id"), False), (("expires_on",), False))
