"""Money in the reports: charges due and collected each month, Housing Benefit paid against what
was expected, and arrears on a day. Sums only: no woman is named."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from housing_desk.data.fields import from_pence
from housing_desk.data.models import Charge, Payment
from housing_desk.data.rows import plain_rows, to_date
from housing_desk.services import arrears, charging, rent_funding
from housing_desk.services.validation import uk_date

ZERO = charging.ZERO
AGES = arrears.AGES


@dataclass(frozen=True)
class MonthMoney:
    month: date  # its first day
    charged: Decimal
    collected: Decimal
    hb_expected: Decimal
    hb_paid: Decimal
    funded: Decimal = ZERO  # rent of women with no recourse to public funds met from our funding


def _months(start: date, end: date) -> list[date]:
    months = []
    month = date(start.year, start.month, 1)
    while month < end:
        months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def by_month(start: date, end: date) -> list[MonthMoney]:
    """For each month of [start, end): charges that fell due, money received (refunds and
    corrections netted), the part Housing Benefit was expected to pay and what it paid, and the
    rent met from our own funding (credited on the day it falls due: neither money received nor
    Housing Benefit)."""
    totals: dict[date, list[Decimal]] = {m: [ZERO] * 5 for m in _months(start, end)}

    def bucket(day: date) -> list[Decimal]:
        return totals[date(day.year, day.month, 1)]

    charges = Charge.select(
        Charge.due_on,
        Charge.weekly_rent
        + Charge.eligible_service_charge
        + Charge.ineligible_service_charge
        + Charge.support_charge,
        Charge.housing_benefit,
    ).where((Charge.due_on >= start) & (Charge.due_on < end))
    for due_on, total, hb in plain_rows(charges):
        month = bucket(to_date(due_on))
        month[0] += from_pence(total)
        month[2] += from_pence(hb)
    payments = Payment.select(Payment.received_on, Payment.amount, Payment.source).where(
        (Payment.received_on >= start) & (Payment.received_on < end)
    )
    for received_on, amount, source in plain_rows(payments):
        month = bucket(to_date(received_on))
        if source == rent_funding.FUNDING:
            month[2] -= from_pence(amount)  # the charges' column held it as expected
            month[4] += from_pence(amount)
            continue
        month[1] += from_pence(amount)
        if source == "housing_benefit":
            month[3] += from_pence(amount)
    return [MonthMoney(m, *values) for m, values in totals.items()]


@dataclass(frozen=True)
class ArrearsSummary:
    on: date
    accounts: int
    owed: Decimal  # every account in debit, summed
    her_share: Decimal  # the part owed from residents' own shares
    by_age: Counter  # accounts by the age of the oldest unpaid charge


def arrears_on(on: date) -> ArrearsSummary:
    rows = arrears.arrears(on)
    return ArrearsSummary(
        on,
        len(rows),
        sum((r.balance for r in rows), ZERO),
        sum((max(r.her_balance, ZERO) for r in rows), ZERO),
        Counter(r.age for r in rows),
    )


def tables(figures: dict) -> dict:
    """The Money table of the reports: month by month, then the arrears at the range's end."""
    if "money" not in figures:
        return {}
    pounds = "£{:,.2f}".format
    rows = [
        (
            f"{m.month:%B %Y}",
            pounds(m.charged),
            pounds(m.collected),
            pounds(m.hb_expected),
            pounds(m.hb_paid),
            pounds(m.funded),
        )
        for m in figures["money"]
    ]
    owing = figures.get("arrears")
    if owing is not None:
        rows.append(
            (
                f"In arrears on {uk_date(owing.on)}: {owing.accounts} accounts",
                pounds(owing.owed),
                f"of which residents' own shares {pounds(owing.her_share)}",
                "; ".join(f"{age}: {owing.by_age.get(age, 0)}" for age in AGES),
                "",
                "",
            )
        )
    return {
        "Money": (
            (
                "Month",
                "Charges due",
                "Collected",
                "Housing Benefit expected",
                "Housing Benefit paid",
                "Met from our funding",
            ),
            rows,
        )
    }
