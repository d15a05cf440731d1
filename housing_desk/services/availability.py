"""The availability board: each flat's state on a day, derived from dated intervals.

Nothing here is a status column someone must remember to update: a flat is
unavailable because a dated period out of use covers the day. Later sources of
intervals (offers, licences) join ``_intervals``. The whole board takes a fixed
number of queries, however many flats there are.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from housing_desk.data.models import Certificate, Flat, Partner, Unavailability
from housing_desk.services import compliance
from housing_desk.services.validation import uk_date

STATES = ("available", "offered", "occupied", "notice", "unavailable", "retired")
STATE_LABELS = {
    "available": "Available",
    "offered": "Offered",
    "occupied": "Occupied",
    "notice": "Notice given",
    "unavailable": "Out of use",
    "retired": "Retired",
}
# When two intervals cover the same day, the first kind listed here decides the state.
_PRECEDENCE = ("notice", "occupied", "offered", "unavailable")


@dataclass(frozen=True)
class Interval:
    """A dated period on one flat: [start, end), ``end`` None while open."""

    flat_id: int
    kind: str
    start: date
    end: date | None
    label: str = ""

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def overlaps(self, start: date, end: date) -> bool:
        return self.start < end and (self.end is None or self.end > start)


@dataclass(frozen=True)
class FlatStatus:
    flat_id: int
    reference: str
    state: str
    since: date | None
    until: date | None
    occupant: str
    compliance: str
    compliance_notes: str
    address: str = ""
    partner: str = ""
    step_free: bool = False

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


@dataclass(frozen=True)
class TimelineRow:
    flat_id: int
    reference: str
    intervals: tuple[Interval, ...] = field(default_factory=tuple)


def _intervals(flat_ids=None) -> dict[int, list[Interval]]:
    """Every dated interval of every flat, by flat, in start order."""
    by_flat: dict[int, list[Interval]] = defaultdict(list)
    query = Unavailability.select(
        Unavailability.flat, Unavailability.start, Unavailability.end, Unavailability.reason
    ).order_by(Unavailability.start)
    for row in query.tuples():
        flat_id, start, end, reason = row
        by_flat[flat_id].append(Interval(flat_id, "unavailable", start, end, reason))
    return by_flat


def _certificates() -> dict[int, list[compliance.CertificateDates]]:
    by_flat: dict[int, list[compliance.CertificateDates]] = defaultdict(list)
    query = Certificate.select(
        Certificate.flat, Certificate.kind, Certificate.issued_on, Certificate.expires_on
    )
    for flat_id, kind, issued_on, expires_on in query.tuples():
        by_flat[flat_id].append(compliance.CertificateDates(kind, issued_on, expires_on))
    return by_flat


def _state(intervals: list[Interval], on: date) -> tuple[str, date | None, date | None, Interval | None]:
    covering = [i for i in intervals if i.covers(on)]
    if covering:
        current = min(covering, key=lambda i: _PRECEDENCE.index(i.kind))
        return current.kind, current.start, current.end, current
    ended = [i.end for i in intervals if i.end is not None and i.end <= on]
    coming = [i.start for i in intervals if i.start > on]
    return "available", max(ended, default=None), min(coming, default=None), None


def availability(on: date | None = None) -> list[FlatStatus]:
    """Every flat's state, since/until and compliance on ``on`` (today when None)."""
    on = on or date.today()
    flats = Flat.select(Flat, Partner.name).join(Partner).order_by(Flat.reference).objects()
    intervals = _intervals()
    certificates = _certificates()
    board = []
    for flat in flats:
        state_of_compliance, notes = compliance.assess(certificates.get(flat.id, ()), flat.has_gas, on)
        if flat.retired:
            state, since, until, current = "retired", None, None, None
        else:
            state, since, until, current = _state(intervals.get(flat.id, []), on)
        board.append(
            FlatStatus(
                flat_id=flat.id,
                reference=flat.reference,
                state=state,
                since=since,
                until=until,
                occupant="",
                compliance=state_of_compliance,
                compliance_notes=notes,
                address=flat.address,
                partner=flat.name,
                step_free=flat.step_free,
            )
        )
    return board


def timeline(start: date, end: date) -> list[TimelineRow]:
    """Each flat in use and the intervals that touch [start, end), for the board's timeline."""
    intervals = _intervals()
    rows = []
    for flat_id, reference in (
        Flat.select(Flat.id, Flat.reference).where(~Flat.retired).order_by(Flat.reference).tuples()
    ):
        touching = tuple(i for i in intervals.get(flat_id, []) if i.overlaps(start, end))
        rows.append(TimelineRow(flat_id, reference, touching))
    return rows


def describe(status: FlatStatus) -> str:
    """One line for a tooltip: 'Out of use since 01/11/2026 until 20/11/2026'."""
    text = status.state_label
    if status.since:
        text += f" since {uk_date(status.since)}"
    if status.until:
        text += f" until {uk_date(status.until)}"
    return text
