"""Reports on the tenancy's life: keywork delivered per month and keyworker, incidents by kind per
quarter. Counts only: no woman is named, so they can go to funders and commissioners."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from housing_desk.data.models import Incident, KeyworkSession, User
from housing_desk.data.rows import plain_rows, to_date
from housing_desk.services import incidents, keywork, permissions, validation
from housing_desk.services.errors import ValidationError

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class KeyworkRow:
    month: date  # the first of the month
    keyworker: str
    attended: int
    attempted: int

    @property
    def month_label(self) -> str:
        return f"{_MONTHS[self.month.month - 1]} {self.month.year}"


@dataclass(frozen=True)
class IncidentRow:
    quarter: str  # "2026 Q3"
    kind: str
    count: int

    @property
    def kind_label(self) -> str:
        return incidents.KINDS[self.kind]


def _period(start: object, end: object) -> tuple[date, date]:
    start = validation.a_date(start, "start", label="From")
    end = validation.a_date(end, "end", label="To")
    if end <= start:
        raise ValidationError("The end of the period comes after its start.", "end")
    return start, end


def keywork_by_month(actor: User, start: object, end: object) -> list[KeyworkRow]:
    """Sessions held in [start, end), per month and keyworker: attended and attempted."""
    permissions.require(actor, "reports")
    start, end = _period(start, end)
    query = (
        KeyworkSession.select(KeyworkSession.held_on, KeyworkSession.kind, User.full_name)
        .join(User, on=(KeyworkSession.keyworker == User.id))
        .where((KeyworkSession.held_on >= start) & (KeyworkSession.held_on < end))
    )
    counts: Counter = Counter()
    for held_on, kind, keyworker in plain_rows(query):
        held_on = to_date(held_on)
        counts[(held_on.replace(day=1), keyworker, kind in keywork.ATTENDED)] += 1
    months = sorted({(month, who) for month, who, _attended in counts})
    return [
        KeyworkRow(month, who, counts[(month, who, True)], counts[(month, who, False)])
        for month, who in months
    ]


def quarter_of(day: date) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def incidents_by_quarter(actor: User, start: object, end: object) -> list[IncidentRow]:
    """Incidents that happened in [start, end), counted by quarter and kind."""
    permissions.require(actor, "reports")
    start, end = _period(start, end)
    query = Incident.select(Incident.occurred_on, Incident.kind).where(
        (Incident.occurred_on >= start) & (Incident.occurred_on < end)
    )
    counts = Counter((quarter_of(to_date(day)), kind) for day, kind in plain_rows(query))
    order = list(incidents.KINDS)
    return [
        IncidentRow(quarter, kind, counts[(quarter, kind)])
        for quarter, kind in sorted(counts, key=lambda k: (k[0], order.index(k[1])))
    ]


def tables(
    actor: User, start: object, end: object
) -> dict[str, tuple[tuple[str, ...], list[tuple[str, ...]]]]:
    """The two reports as text tables, title -> (headers, rows); counts and staff names only."""
    keywork_rows: list[tuple[str, ...]] = [
        (r.month_label, r.keyworker, str(r.attended), str(r.attempted))
        for r in keywork_by_month(actor, start, end)
    ]
    incident_rows: list[tuple[str, ...]] = [
        (r.quarter, r.kind_label, str(r.count)) for r in incidents_by_quarter(actor, start, end)
    ]
    return {
        "Keywork": (("Month", "Keyworker", "Sessions she attended", "Attempted"), keywork_rows),
        "Incidents": (("Quarter", "Kind", "Incidents"), incident_rows),
    }
