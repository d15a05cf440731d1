"""What falls due on a licence: its weekly periods and each period's four charges, exactly.

Plain arithmetic, no database. Charges fall due weekly in advance on the licence's period day
(the weekday of its start date) from the start date to the end date (the move-out day). A part
of a period is charged by the night, 1/7 of the weekly charge a night, the part's total rounded
to the penny, half up. A change of charges applies from the night it names; a Housing Benefit
decision likewise, so each period also carries the part Housing Benefit is expected to pay.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

PENNY = Decimal("0.01")
WEEK = timedelta(days=7)
KINDS = ("weekly_rent", "eligible_service_charge", "ineligible_service_charge", "support_charge")
# Housing Benefit can meet rent and eligible service charges, never the other two.
ELIGIBLE = ("weekly_rent", "eligible_service_charge")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Rates:
    """Weekly charges in force from ``effective_from``."""

    effective_from: date
    weekly_rent: Decimal
    eligible_service_charge: Decimal
    ineligible_service_charge: Decimal
    support_charge: Decimal

    @property
    def eligible(self) -> Decimal:
        return self.weekly_rent + self.eligible_service_charge


@dataclass(frozen=True)
class Award:
    """Housing Benefit a week from ``start`` (0 for a refusal or a suspension)."""

    start: date
    weekly: Decimal


_Entry = TypeVar("_Entry", Rates, Award)  # an entry of a timeline: rates, or an award


@dataclass(frozen=True)
class PeriodDue:
    due_on: date
    period_end: date
    weekly_rent: Decimal
    eligible_service_charge: Decimal
    ineligible_service_charge: Decimal
    support_charge: Decimal
    housing_benefit: Decimal

    def values(self) -> dict[str, Decimal]:
        return {kind: getattr(self, kind) for kind in (*KINDS, "housing_benefit")}

    @property
    def total(self) -> Decimal:
        return sum((getattr(self, kind) for kind in KINDS), ZERO)


def by_the_night(weekly: Decimal, nights: int) -> Decimal:
    """The charge for ``nights`` nights of a weekly amount, to the penny, half up."""
    if nights == 7:
        return weekly
    return (weekly * nights / 7).quantize(PENNY, rounding=ROUND_HALF_UP)


def periods(start: date, end: date | None, up_to: date) -> list[tuple[date, date]]:
    """Every period [due_on, period_end) of a licence that has fallen due by ``up_to``."""
    found = []
    due_on = start
    while due_on <= up_to and (end is None or due_on < end):
        period_end = due_on + WEEK
        found.append((due_on, period_end if end is None else min(period_end, end)))
        due_on += WEEK
    return found


def _in_force(timeline: Sequence[_Entry], night: date) -> _Entry | None:
    # The last entry starting on or before ``night`` (timelines are sorted by their start).
    current = None
    for entry in timeline:
        start = entry.effective_from if isinstance(entry, Rates) else entry.start
        if start > night:
            break
        current = entry
    return current


def period_due(
    due_on: date,
    period_end: date,
    rates: list[Rates],
    awards: list[Award],
    *,
    support_paid_by_her: bool,
) -> PeriodDue:
    """The charges of one period, split where the rates or the award change inside it."""
    bounds = {due_on, period_end}
    bounds |= {r.effective_from for r in rates if due_on < r.effective_from < period_end}
    bounds |= {a.start for a in awards if due_on < a.start < period_end}
    edges = sorted(bounds)
    totals = dict.fromkeys((*KINDS, "housing_benefit"), ZERO)
    for first, after in itertools.pairwise(edges):
        nights = (after - first).days
        rate = _in_force(rates, first)
        if rate is None:
            continue
        for kind in KINDS:
            if kind == "support_charge" and not support_paid_by_her:
                continue
            totals[kind] += by_the_night(getattr(rate, kind), nights)
        award = _in_force(awards, first)
        if award is not None and award.weekly > 0:
            totals["housing_benefit"] += by_the_night(min(award.weekly, rate.eligible), nights)
    return PeriodDue(due_on, period_end, **totals)


def schedule(
    start: date,
    end: date | None,
    up_to: date,
    rates: list[Rates],
    awards: list[Award],
    *,
    support_paid_by_her: bool,
) -> list[PeriodDue]:
    """Everything due on a licence by ``up_to``, period by period."""
    rates = sorted(rates, key=lambda r: r.effective_from)
    awards = sorted(awards, key=lambda a: a.start)
    return [
        period_due(first, after, rates, awards, support_paid_by_her=support_paid_by_her)
        for first, after in periods(start, end, up_to)
    ]
