"""Her statement, the arrears list and repayment plans.

A balance is what was posted minus what was paid (positive: owed). Housing Benefit is paid to us
in arrears, usually four-weekly, so the part it is expected to pay is kept apart: her own share is
what the charges cost less what Housing Benefit is expected to pay, and her arrears are that
share less what she (or anyone but Housing Benefit) has paid. The rent of a woman with no
recourse to public funds met from our funding is kept apart the same way, and credited as it is
posted (see rent_funding).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peewee import ModelSelect

    from housing_desk.data.models import User
    from housing_desk.services.validation import DateGiven, MoneyGiven

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.fields import from_pence
from housing_desk.data.models import (
    Charge,
    ChargeChange,
    Flat,
    Licence,
    Payment,
    Person,
    RepaymentPlan,
)
from housing_desk.data.rows import plain_rows
from housing_desk.services import (
    accounts,
    audit,
    charging,
    debt_age,
    names,
    permissions,
    rent_funding,
    settings,
    validation,
    viewing,
)
from housing_desk.services.errors import ValidationError
from housing_desk.services.occupancy import lock_licence

ZERO = charging.ZERO
AGES = debt_age.AGES


def pounds(amount: Decimal | None) -> str:
    """£1,234.56, or '' for no amount."""
    return "" if amount is None else f"£{amount:,.2f}"


def owed_words(balance: Decimal) -> str:
    """A balance as it is said: '£12.00 owed', '£3.00 in credit' or 'nothing owed'."""
    if balance > 0:
        return f"{pounds(balance)} owed"
    if balance < 0:
        return f"{pounds(-balance)} in credit"
    return "nothing owed"


@dataclass(frozen=True)
class StatementLine:
    on: date
    description: str
    charge: Decimal | None
    payment: Decimal | None
    balance: Decimal
    payment_id: int | None = None  # the payment on this line, to correct it


@dataclass(frozen=True)
class Statement:
    lines: list[StatementLine]
    balance: Decimal  # everything owed: positive means owed to us
    opening_balance: Decimal
    charged: Decimal
    paid: Decimal
    hb_expected: Decimal
    hb_paid: Decimal

    @property
    def her_balance(self) -> Decimal:
        """What she owes herself: her share of the charges less what she and others paid."""
        return self.charged - self.hb_expected - (self.paid - self.hb_paid)

    @property
    def hb_balance(self) -> Decimal:
        """What Housing Benefit is expected to pay and has not paid yet."""
        return self.hb_expected - self.hb_paid


def _charge_line(row: Charge) -> str:
    last_night = validation.uk_date(row.period_end - timedelta(days=1))
    span = f"{validation.uk_date(row.due_on)} to {last_night}"
    return f"Charges, {span}" if row.sequence == 0 else f"Correction of charges, {span}"


def _payment_line(row: Payment) -> str:
    if row.source == rent_funding.FUNDING:
        return rent_funding.FUNDING_LABEL if row.amount > 0 else "Correction: met from our funding"
    source = accounts.SOURCES.get(row.source, row.source)
    if row.reverses_id is not None:
        return f"Correction of a payment ({source})"
    return f"Payment: {source}" + (f", {row.reference}" if row.reference else "")


def statement(
    licence: Licence | int,
    *,
    start: date | None = None,
    end: date | None = None,
    actor: User | None = None,
) -> Statement:
    """Her account line by line with a running balance, from ``start`` to ``end``. ``actor``,
    when given (every window gives it), must be signed in with an active account."""
    if actor is not None:
        viewing.require(actor)
    licence = Licence.get_by_id(licence.id if isinstance(licence, Licence) else licence)
    # (on, charges before payments, line, charged, paid, the record)
    entries: list[tuple[date, int, str, Decimal | None, Decimal | None, Charge | Payment]] = []
    for due in Charge.select().where(Charge.licence == licence.id).order_by(Charge.due_on):
        # A correction of only the part Housing Benefit pays moves no line of her statement.
        shown = bool(due.total) or due.sequence == 0
        entries.append((due.due_on, 0, _charge_line(due) if shown else "", due.total, None, due))
    for received in (
        Payment.select().where(Payment.licence == licence.id).order_by(Payment.received_on)
    ):
        entries.append(
            (received.received_on, 1, _payment_line(received), None, received.amount, received)
        )
    entries.sort(key=lambda e: (e[0], e[1], e[5].id))
    opening = ZERO
    balance = ZERO
    lines = []
    charged = paid = hb_expected = hb_paid = ZERO
    for on, _order, text, charge, payment, row in entries:
        if end is not None and on > end:
            break
        balance += (charge or ZERO) - (payment or ZERO)
        if isinstance(row, Charge):
            charged += row.total
            hb_expected += row.housing_benefit
        else:
            paid += row.amount
            if row.source in rent_funding.NOT_HERS:
                hb_paid += row.amount
        if start is not None and on < start:
            opening = balance
            continue
        if text:
            # A credit from our funding follows her charges: it is not corrected by hand.
            by_hand = isinstance(row, Payment) and row.source != rent_funding.FUNDING
            payment_id = row.id if by_hand else None
            lines.append(StatementLine(on, text, charge, payment, balance, payment_id))
    return Statement(lines, balance, opening, charged, paid, hb_expected, hb_paid)


@dataclass(frozen=True)
class ArrearsRow:
    licence_id: int
    reference: str  # the flat's reference
    balance: Decimal  # posted minus paid
    weeks_in_arrears: Decimal
    her_balance: Decimal
    hb_balance: Decimal
    age: str  # of the oldest unpaid charge: one of AGES
    name: str  # '' for a woman whose details are not to be disclosed
    ended: bool
    plan: str  # '' or "£5.00 a week from 05/01/2027"
    on_plan: bool | None  # None without a plan


def _plans_in_force(ids: list[int], on: date) -> dict[int, RepaymentPlan]:
    query = (
        RepaymentPlan.select()
        .where(
            RepaymentPlan.licence.in_(ids)
            & (RepaymentPlan.start_on <= on)
            & (RepaymentPlan.ended_on.is_null() | (RepaymentPlan.ended_on > on))
        )
        .order_by(RepaymentPlan.start_on)
    )
    return {plan.licence_id: plan for plan in query}  # the latest begun wins


def _weekly_charges(licences: dict[int, tuple]) -> dict[int, Decimal]:
    # What a full week costs her now: its latest change of charges, or its own (the first four
    # values of each licence's row, in pence), less the rent met from our funding (the row's
    # last value says she has no recourse to public funds).
    paid_by_her = settings.support_charge_payer() == "resident"
    count = 4 if paid_by_her else 3
    funding = settings.nrpf_rent_payer() == "service"
    latest = {
        change.licence_id: [getattr(change, kind) for kind in charging.KINDS]
        for change in ChargeChange.select()
        .where(ChargeChange.licence.in_(list(licences)))
        .order_by(ChargeChange.effective_from)
    }
    found = {}
    for licence_id, row in licences.items():
        first = len(charging.ELIGIBLE) if funding and row[-1] else 0
        if licence_id in latest:
            found[licence_id] = sum(latest[licence_id][first:count], ZERO)
        else:
            found[licence_id] = sum((from_pence(p) for p in row[first:count]), ZERO)
    return found


def _keeping_to(plan: RepaymentPlan, licence_id: int, on: date) -> bool:
    # Since the plan began she should have paid her share of the charges plus the plan's amount
    # for every week begun.
    weeks = (on - plan.start_on).days // 7 + 1
    share = sum(
        (
            r.total - r.housing_benefit
            for r in Charge.select().where(
                (Charge.licence == licence_id)
                & (Charge.due_on >= plan.start_on)
                & (Charge.due_on <= on)
            )
        ),
        ZERO,
    )
    paid = sum(
        (
            p.amount
            for p in Payment.select().where(
                (Payment.licence == licence_id)
                & Payment.source.not_in(rent_funding.NOT_HERS)
                & (Payment.received_on >= plan.start_on)
                & (Payment.received_on <= on)
            )
        ),
        ZERO,
    )
    return bool(paid >= share + plan.weekly_amount * weeks)


def arrears(
    on: date | None = None, *, include_ended: bool = True, actor: User | None = None
) -> list[ArrearsRow]:
    """Every licence whose account is in debit on ``on``, most weeks in arrears first; an ended
    licence with a debt stays on the list unless ``include_ended`` is False. A woman whose
    details are not to be disclosed is not named, whoever asks; ``actor``, when given, must be
    signed in with an active account."""
    if actor is not None:
        viewing.require(actor)
    on = on or clock.today()
    open_ones: ModelSelect[Licence] | None = (
        None if include_ended else Licence.select(Licence.id).where(Licence.status != "ended")
    )
    sums = accounts.balances(open_ones, on=on)
    owing = {
        licence_id: s
        for licence_id, s in sums.items()
        if s["charged"] - s["hb_paid"] - s["her_paid"] > 0
    }
    if not owing:
        return []
    ids = list(owing)
    query = (
        Licence.select(
            *(getattr(Licence, kind) for kind in charging.KINDS),
            Licence.id,
            Licence.status,
            Flat.reference,
            Person.given_name,
            Person.family_name,
            Person.preferred_name,
            Person.do_not_disclose,
            Person.no_recourse_to_public_funds,
        )
        .join(Person)
        .switch(Licence)
        .join(Flat)
        .where(Licence.id.in_(ids))
    )
    licences = {row[4]: row for row in plain_rows(query)}
    charges, plans = debt_age.charges_of(ids, on), _plans_in_force(ids, on)
    funded = debt_age.funded(ids, on)
    weekly = _weekly_charges(licences)
    rows = []
    for licence_id, row in licences.items():
        status, reference, given, family, preferred, hidden = row[5:11]
        s = owing[licence_id]
        balance = s["charged"] - s["hb_paid"] - s["her_paid"]
        weekly_total = weekly[licence_id]
        weeks = (
            (balance / weekly_total).quantize(Decimal("0.1"), ROUND_DOWN) if weekly_total else ZERO
        )
        plan = plans.get(licence_id)
        rows.append(
            ArrearsRow(
                licence_id,
                reference,
                balance,
                weeks,
                s["charged"] - s["hb_expected"] - s["her_paid"],
                s["hb_expected"] - s["hb_paid"],
                debt_age.age(
                    charges[licence_id],
                    s["hb_paid"] + s["her_paid"] - funded.get(licence_id, ZERO),
                    on,
                ),
                "" if hidden else names.display_name(given, family, preferred),
                status == "ended",
                f"£{plan.weekly_amount:,.2f} a week from {validation.uk_date(plan.start_on)}"
                if plan
                else "",
                _keeping_to(plan, licence_id, on) if plan else None,
            )
        )
    return sorted(rows, key=lambda r: (-r.weeks_in_arrears, -r.balance, r.reference))


def set_repayment_plan(
    actor: User, licence: Licence | int, *, weekly_amount: MoneyGiven, start_on: DateGiven
) -> RepaymentPlan:
    """An amount a week towards her arrears, agreed with her; it replaces any plan in force."""
    permissions.require(actor, "allocate")
    licence_id = validation.record_id(licence, Licence, "licence")
    weekly_amount = validation.money(weekly_amount, "weekly_amount", label="Amount a week")
    if weekly_amount <= 0:
        raise ValidationError("The amount a week must be more than £0.00.", "weekly_amount")
    start_on = validation.a_date(start_on, "start_on", label="Starting on")
    with write_transaction():
        current = lock_licence(licence_id)
        RepaymentPlan.update(ended_on=start_on).where(
            (RepaymentPlan.licence == current.id) & RepaymentPlan.ended_on.is_null()
        ).execute()
        plan = RepaymentPlan.create(
            licence=current.id, weekly_amount=weekly_amount, start_on=start_on, created_by=actor.id
        )
        audit.record(
            actor,
            "create",
            "repayment_plan",
            plan.id,
            {"licence": current.id, "weekly_amount": weekly_amount, "start_on": start_on},
        )
    return plan


def repayment_plan(actor: User, licence: Licence, on: date | None = None) -> RepaymentPlan | None:
    """The repayment plan in force on ``on`` (today when None), if any."""
    viewing.require(actor)
    return plan_in_force(licence, on)


def plan_in_force(licence: Licence, on: date | None = None) -> RepaymentPlan | None:
    """The plan in force, for the services that print or check it (windows use
    ``repayment_plan``)."""
    return _plans_in_force([licence.id], on or clock.today()).get(licence.id)
