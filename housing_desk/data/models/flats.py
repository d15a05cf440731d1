"""Partners, flats, their safety certificates and the dates they are out of use."""

from decimal import Decimal

from peewee import (
    BooleanField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from housing_desk.data.fields import MoneyField, UTCDateTimeField, utc_now
from housing_desk.data.models.base import BaseModel


class Partner(BaseModel):
    name = CharField(max_length=200, unique=True)
    kind = CharField(max_length=40, default="housing_charity")
    contact_name = CharField(max_length=200, default="")
    phone = CharField(max_length=40, default="")
    email = CharField(max_length=200, default="")
    address = TextField(default="")
    notes = TextField(default="")
    version = IntegerField(default=1)
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "partner"


class Flat(BaseModel):
    reference = CharField(max_length=20, unique=True)
    address_line1 = CharField(max_length=200)
    address_line2 = CharField(max_length=200, default="")
    town = CharField(max_length=100)
    postcode = CharField(max_length=10)
    partner = ForeignKeyField(Partner, backref="flats", on_delete="RESTRICT")
    partner_id: int
    bedrooms = IntegerField(default=1)
    floor = IntegerField(default=0)
    step_free = BooleanField(default=False)
    has_gas = BooleanField(default=True)
    furnished = BooleanField(default=True)
    weekly_rent = MoneyField(default=0)
    eligible_service_charge = MoneyField(default=0)
    ineligible_service_charge = MoneyField(default=0)
    support_charge = MoneyField(default=0)
    head_lease_end = DateField(null=True)
    self_contained = BooleanField(default=True)  # False: she shares a kitchen or bathroom
    excluded_category = CharField(max_length=40, default="")  # see services.tenure
    retired = BooleanField(default=False)
    notes = TextField(default="")
    version = IntegerField(default=1)
    created_at = UTCDateTimeField(default=utc_now)
    updated_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "flat"

    @property
    def weekly_total(self) -> Decimal:
        total: Decimal = (
            self.weekly_rent
            + self.eligible_service_charge
            + self.ineligible_service_charge
            + self.support_charge
        )
        return total

    @property
    def address(self) -> str:
        parts = [self.address_line1, self.address_line2, self.town, self.postcode]
        return ", ".join(p for p in parts if p)


class Certificate(BaseModel):
    flat = ForeignKeyField(Flat, backref="certificates", on_delete="CASCADE")
    flat_id: int
    kind = CharField(max_length=20)
    issued_on = DateField()
    expires_on = DateField()
    reference = CharField(max_length=100, default="")
    satisfactory = BooleanField(default=True)  # an unsatisfactory one covers nothing
    copy_due_on = DateField(null=True)  # a check during a stay: her copy within 28 days
    copy_given_on = DateField(null=True)
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "certificate"
        indexes = ((("flat", "kind", "issued_on"), False),)


class Unavailability(BaseModel):
    flat = ForeignKeyField(Flat, backref="unavailabilities", on_delete="CASCADE")
    flat_id: int
    start = DateField()
    end = DateField(null=True)
    reason = CharField(max_length=20)
    notes = TextField(default="")
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "unavailability"
        indexes = ((("flat", "start"), False), (("flat", "end"), False))
