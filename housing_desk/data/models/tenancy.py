"""Offers of a flat, the licences under which women live there, sign-up checklists and keys."""

from decimal import Decimal

from peewee import BooleanField, CharField, DateField, ForeignKeyField, IntegerField, TextField

from housing_desk.data.fields import MoneyField, UTCDateTimeField, utc_now
from housing_desk.data.models.base import BaseModel
from housing_desk.data.models.flats import Flat
from housing_desk.data.models.people import Person, Referral
from housing_desk.data.models.users import User


class Offer(BaseModel):
    referral = ForeignKeyField(Referral, backref="offers", on_delete="RESTRICT")
    referral_id: int
    flat = ForeignKeyField(Flat, backref="offers", on_delete="RESTRICT")
    flat_id: int
    offered_on = DateField()
    status = CharField(max_length=20, default="pending", index=True)
    responded_on = DateField(null=True)
    reason = CharField(max_length=40, default="")
    notes = TextField(default="")
    made_by = ForeignKeyField(User, backref="offers_made", on_delete="RESTRICT")
    made_by_id: int
    version = IntegerField(default=1)
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "offer"


class Licence(BaseModel):
    person = ForeignKeyField(Person, backref="licences", on_delete="RESTRICT")
    person_id: int
    flat = ForeignKeyField(Flat, backref="licences", on_delete="RESTRICT")
    flat_id: int
    referral = ForeignKeyField(Referral, null=True, backref="licences", on_delete="SET NULL")
    referral_id: int | None
    offer = ForeignKeyField(Offer, null=True, backref="licences", on_delete="SET NULL")
    offer_id: int | None
    agreement_type = CharField(max_length=20, default="licence")
    excluded_category = CharField(max_length=40, default="")
    start_date = DateField()
    end_date = DateField(null=True)
    weekly_rent = MoneyField(default=0)
    eligible_service_charge = MoneyField(default=0)
    ineligible_service_charge = MoneyField(default=0)
    support_charge = MoneyField(default=0)
    payment_day = CharField(max_length=10, default="Monday")
    inventory_reference = CharField(max_length=100, default="")
    hb_reference = CharField(max_length=100, default="")
    hb_status = CharField(max_length=20, default="not_claimed")
    status = CharField(max_length=20, default="pending_signup", index=True)
    activated_on = DateField(null=True)
    notice_by = CharField(max_length=10, default="")
    notice_served_on = DateField(null=True)
    notice_reason = TextField(default="")
    notice_served_how = CharField(max_length=20, default="")
    possession_order_on = DateField(null=True)
    readiness_override = TextField(default="")  # a manager's reason (Housing First)
    end_reason = CharField(max_length=20, default="")
    destination = CharField(max_length=200, default="")
    move_out_notes = TextField(default="")
    created_by = ForeignKeyField(User, backref="licences_created", on_delete="RESTRICT")
    created_by_id: int
    version = IntegerField(default=1)
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "licence"
        indexes = (
            (("flat", "start_date"), False),
            (("end_date",), False),
            (("flat", "end_date"), False),
        )

    @property
    def weekly_total(self) -> Decimal:
        total: Decimal = (
            self.weekly_rent
            + self.eligible_service_charge
            + self.ineligible_service_charge
            + self.support_charge
        )
        return total


# The database holds the rule too (migration 0008): at most one licence of hers not ended.
Licence.add_index(
    Licence.index(
        Licence.person,
        unique=True,
        where=(Licence.status != "ended"),
        name="licence_one_not_ended_per_person",
    )
)


class SignupItem(BaseModel):
    licence = ForeignKeyField(Licence, backref="signup_items", on_delete="CASCADE")
    licence_id: int
    key = CharField(max_length=40)
    done = BooleanField(default=False)
    done_on = DateField(null=True)
    done_by = ForeignKeyField(User, null=True, on_delete="RESTRICT")
    done_by_id: int | None
    note = TextField(default="")

    class Meta:
        table_name = "signup_item"
        indexes = ((("licence", "key"), True),)


class LicenceKey(BaseModel):
    licence = ForeignKeyField(Licence, backref="keys", on_delete="CASCADE")
    licence_id: int
    label = CharField(max_length=100)
    issued_on = DateField()
    returned_on = DateField(null=True)
    notes = TextField(default="")

    class Meta:
        table_name = "licence_key"
