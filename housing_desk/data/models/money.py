"""Her rent account: charges posted, payments received, and her Housing Benefit claim."""

from decimal import Decimal

from peewee import CharField, DateField, ForeignKeyField, IntegerField, TextField

from housing_desk.data.fields import MoneyField, UTCDateTimeField, utc_now
from housing_desk.data.models.base import BaseModel
from housing_desk.data.models.tenancy import Licence
from housing_desk.data.models.users import User


class Charge(BaseModel):
    """What fell due for one period of a licence, each of the four charges apart.

    A period is posted once (``sequence`` 0); when what is due for it changes later (a move-out
    part-way through a week already posted, a change of charges), the difference is posted as a
    further row (``sequence`` 1, 2 …), never by editing the first.
    """

    licence = ForeignKeyField(Licence, backref="charges", on_delete="RESTRICT")
    licence_id: int
    due_on = DateField()  # the first night of the period, when it falls due (in advance)
    period_end = DateField()  # the day after its last night
    sequence = IntegerField(default=0)
    weekly_rent = MoneyField(default=0)
    eligible_service_charge = MoneyField(default=0)
    ineligible_service_charge = MoneyField(default=0)
    support_charge = MoneyField(default=0)
    # The part Housing Benefit (or, for a woman with no recourse to public funds, our own
    # funding) is expected to pay: not her share.
    housing_benefit = MoneyField(default=0)
    posted_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "charge"
        indexes = (
            (("licence", "due_on", "sequence"), True),
            (("due_on",), False),
        )

    @property
    def total(self) -> Decimal:
        total: Decimal = (
            self.weekly_rent
            + self.eligible_service_charge
            + self.ineligible_service_charge
            + self.support_charge
        )
        return total


class ChargeChange(BaseModel):
    """New weekly charges for a licence from a date on (the first night they apply)."""

    licence = ForeignKeyField(Licence, backref="charge_changes", on_delete="RESTRICT")
    licence_id: int
    effective_from = DateField()
    weekly_rent = MoneyField(default=0)
    eligible_service_charge = MoneyField(default=0)
    ineligible_service_charge = MoneyField(default=0)
    support_charge = MoneyField(default=0)
    created_by = ForeignKeyField(User, on_delete="RESTRICT")
    created_by_id: int
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "charge_change"
        indexes = ((("licence", "effective_from"), True),)


class Payment(BaseModel):
    """Money received, or (a negative amount) a refund or correction of an earlier payment."""

    licence = ForeignKeyField(Licence, backref="payments", on_delete="RESTRICT")
    licence_id: int
    received_on = DateField()
    amount = MoneyField()
    source = CharField(max_length=20)  # housing_benefit | resident | other
    reference = CharField(max_length=100, default="")
    period_start = DateField(null=True)  # the period it pays for, when allocated to one
    reverses = ForeignKeyField("self", null=True, backref="reversals", on_delete="RESTRICT")
    reverses_id: int | None
    created_by = ForeignKeyField(User, on_delete="RESTRICT")
    created_by_id: int
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "payment"
        indexes = ((("licence", "received_on"), False),)


class HousingBenefitDecision(BaseModel):
    """The council's decision on her claim, from ``award_from`` until a later decision."""

    licence = ForeignKeyField(Licence, backref="hb_decisions", on_delete="RESTRICT")
    licence_id: int
    decision = CharField(max_length=20)  # confirmed | refused | suspended
    decided_on = DateField()
    award_from = DateField()
    weekly_award = MoneyField(null=True)
    notes = TextField(default="")
    created_by = ForeignKeyField(User, on_delete="RESTRICT")
    created_by_id: int
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "hb_decision"


class HousingBenefitEvidence(BaseModel):
    """Evidence the council asked for: when, what, when we chased it, when it went in."""

    licence = ForeignKeyField(Licence, backref="hb_evidence", on_delete="RESTRICT")
    licence_id: int
    requested_on = DateField()
    what = CharField(max_length=200)
    chased_on = DateField(null=True)
    sent_on = DateField(null=True)
    created_by = ForeignKeyField(User, on_delete="RESTRICT")
    created_by_id: int

    class Meta:
        table_name = "hb_evidence"


class Absence(BaseModel):
    """She told us she will be away. Housing Benefit usually continues for 13 weeks, or 52 in
    hospital, on remand or in fear of violence."""

    licence = ForeignKeyField(Licence, backref="absences", on_delete="RESTRICT")
    licence_id: int
    start = DateField()
    end = DateField(null=True)  # the day she is back; open while she is away
    reason = CharField(max_length=30)  # hospital | remand | fear_of_violence | other
    created_by = ForeignKeyField(User, on_delete="RESTRICT")
    created_by_id: int

    class Meta:
        table_name = "absence"


class RepaymentPlan(BaseModel):
    """An amount a week towards arrears, agreed with her, from a date."""

    licence = ForeignKeyField(Licence, backref="repayment_plans", on_delete="RESTRICT")
    licence_id: int
    weekly_amount = MoneyField()
    start_on = DateField()
    ended_on = DateField(null=True)
    created_by = ForeignKeyField(User, on_delete="RESTRICT")
    created_by_id: int
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "repayment_plan"
