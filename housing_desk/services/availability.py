"""The availability board: each flat's state on a day, derived from dated intervals.

Nothing here is a status column someone must remember to update: a flat is
occupied because a licence's dates cover the day, offered because an offer is
pending, out of use because a dated period covers it. The board takes the same
few queries however many flats and years of history there are.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from peewee import SelectQuery, Value, fn

from housing_desk import clock
from housing_desk.data.models import (
    Certificate,
    Flat,
    Licence,
    Partner,
    Unavailability,
    User,
)
from housing_desk.data.rows import objects, to_date, tuples
from housing_desk.services import compliance, intervals, viewing
from housing_desk.services.flat_intervals import (
    Interval as Interval,
    _licences,
    _offers,
    _unavailability,
    initials as initials,
)
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
# When intervals cover the same day, the first kind listed here decides the state.
_PRECEDENCE = ("notice", "occupied", "unavailable", "offered")
_NOT_ENDED = ("pending_signup", "active", "notice")


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
    cannot_let: str = ""  # why a free flat cannot be let: 'gas safety expired'

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def board_label(self) -> str:
        """The state as the team's board shows it: a free flat that cannot be let says so."""
        if self.state == "available" and self.cannot_let:
            return f"{self.state_label} — cannot be let ({self.cannot_let})"
        return self.state_label


@dataclass(frozen=True)
class TimelineRow:
    flat_id: int
    reference: str
    intervals: tuple[Interval, ...] = field(default_factory=tuple)


def _covering(on: date) -> dict[int, list[Interval]]:
    by_flat: dict[int, list[Interval]] = defaultdict(list)
    found = _licences(
        Licence.select().where(
            (Licence.start_date <= on) & (Licence.end_date.is_null() | (Licence.end_date > on))
        )
    )
    found += _unavailability(
        Unavailability.select().where(
            (Unavailability.start <= on)
            & (Unavailability.end.is_null() | (Unavailability.end > on))
        )
    )
    found += _offers(on)
    for interval in found:
        if interval.covers(on):
            by_flat[interval.flat_id].append(interval)
    return by_flat


def _edges(on: date) -> tuple[dict[int, date], dict[int, date]]:
    """Per flat: the last day an interval ended by ``on``, and the next day one starts after it
    (one round trip to the database)."""
    parts: list[SelectQuery] = []
    for model, start, end in (
        (Licence, Licence.start_date, Licence.end_date),
        (Unavailability, Unavailability.start, Unavailability.end),
    ):
        parts.append(
            model.select(
                Value("ended").alias("edge"), model.flat.alias("flat_id"), fn.MAX(end).alias("day")
            )
            .where(end <= on)
            .group_by(model.flat)
        )
        parts.append(
            model.select(
                Value("coming").alias("edge"),
                model.flat.alias("flat_id"),
                fn.MIN(start).alias("day"),
            )
            .where(start > on)
            .group_by(model.flat)
        )
    query = parts[0]
    for part in parts[1:]:
        query = query.union_all(part)
    ended: dict[int, date] = {}
    coming: dict[int, date] = {}
    for edge, flat_id, day in tuples(query):
        day = to_date(day)
        if edge == "ended":
            ended[flat_id] = max(day, ended.get(flat_id, day))
        else:
            coming[flat_id] = min(day, coming.get(flat_id, day))
    return ended, coming


def _certificates(on: date) -> dict[int, list[compliance.CertificateDates]]:
    """The latest certificate of each kind of each flat issued by ``on``: all compliance needs."""
    by_flat: dict[int, list[compliance.CertificateDates]] = defaultdict(list)
    latest = (
        Certificate.select(
            Certificate.flat, Certificate.kind, fn.MAX(Certificate.issued_on).alias("latest")
        )
        .where(Certificate.issued_on <= on)
        .group_by(Certificate.flat, Certificate.kind)
        .alias("latest")
    )
    query = Certificate.select(
        Certificate.flat,
        Certificate.kind,
        Certificate.issued_on,
        Certificate.expires_on,
        Certificate.satisfactory,
    ).join(
        latest,
        on=(
            (Certificate.flat == latest.c.flat_id)
            & (Certificate.kind == latest.c.kind)
            & (Certificate.issued_on == latest.c.latest)
        ),
    )
    for flat_id, kind, issued_on, expires_on, satisfactory in tuples(query):
        by_flat[flat_id].append(
            compliance.CertificateDates(kind, issued_on, expires_on, bool(satisfactory))
        )
    return by_flat


def availability(on: date | None = None, *, actor: User | None = None) -> list[FlatStatus]:
    """Every flat's state, since/until, occupant and compliance on ``on`` (today when None).

    The board may be on a shared screen: a woman whose details are not to be disclosed is never
    its occupant, whoever asks. ``actor``, when given, must be signed in with an active account.
    """
    if actor is not None:
        viewing.require(actor)
    on = on or clock.today()
    flats = objects(
        Flat.select(
            Flat.id,
            Flat.reference,
            Flat.address_line1,
            Flat.address_line2,
            Flat.town,
            Flat.postcode,
            Flat.step_free,
            Flat.has_gas,
            Flat.retired,
            Partner.name,
        )
        .join(Partner)
        .order_by(Flat.reference)
    )
    covering = _covering(on)
    ended, coming = _edges(on)
    certificates = _certificates(on)
    board = []
    for flat in flats:
        held = certificates.get(flat.id, ())
        state_of_compliance, notes = compliance.assess(held, flat.has_gas, on)
        cannot_let = (
            compliance.missing(held, flat.has_gas, on) if state_of_compliance == "expired" else ""
        )
        occupant = ""
        if flat.retired:
            state, since, until = "retired", None, None
        elif covering.get(flat.id):
            current = min(covering[flat.id], key=lambda i: _PRECEDENCE.index(i.kind))
            state, since, until = current.kind, current.start, current.end
            if state == "offered":
                until = coming.get(flat.id)
            occupant = current.occupant
        else:
            state, since, until = "available", ended.get(flat.id), coming.get(flat.id)
        board.append(
            FlatStatus(
                flat_id=flat.id,
                reference=flat.reference,
                state=state,
                since=since,
                until=until,
                occupant=occupant,
                compliance=state_of_compliance,
                compliance_notes=notes,
                address=flat.address,
                partner=flat.name,
                step_free=flat.step_free,
                cannot_let=cannot_let,
            )
        )
    return board


def timeline(start: date, end: date, *, actor: User | None = None) -> list[TimelineRow]:
    """Each flat in use and the intervals that touch [start, end), for the board's timeline
    (named as the board names: never a woman whose details are not to be disclosed)."""
    if actor is not None:
        viewing.require(actor)
    by_flat: dict[int, list[Interval]] = defaultdict(list)
    found = _licences(
        intervals.overlapping(Licence.select(), Licence.start_date, Licence.end_date, start, end)
    )
    found += _unavailability(
        intervals.overlapping(
            Unavailability.select(), Unavailability.start, Unavailability.end, start, end
        )
    )
    found += [i for i in _offers() if i.start < end]
    for interval in sorted(found, key=lambda i: i.start):
        if interval.overlaps(start, end):
            by_flat[interval.flat_id].append(interval)
    return [
        TimelineRow(flat_id, reference, tuple(by_flat.get(flat_id, ())))
        for flat_id, reference in tuples(
            Flat.select(Flat.id, Flat.reference).where(~Flat.retired).order_by(Flat.reference)
        )
    ]


@dataclass(frozen=True)
class ComingFree:
    flat_id: int
    reference: str
    free_from: date
    why: str


def coming_free(
    on: date | None = None,
    within_days: int = 60,
    board: list[FlatStatus] | None = None,
    *,
    actor: User | None = None,
) -> list[ComingFree]:
    """Flats that are let or out of use now and free again within ``within_days``, soonest first.

    ``board`` is the day's availability when the caller already has it.
    """
    on = on or clock.today()
    found = []
    for status in availability(on, actor=actor) if board is None else board:
        if (
            status.state in ("occupied", "notice", "unavailable")
            and status.until is not None
            and (status.until - on).days <= within_days
        ):
            why = {
                "notice": "notice ends",
                "occupied": "licence ends",
                "unavailable": "back in use",
            }[status.state]
            found.append(ComingFree(status.flat_id, status.reference, status.until, why))
    return sorted(found, key=lambda c: (c.free_from, c.reference))


def describe(status: FlatStatus) -> str:
    """One line for a tooltip: 'Out of use since 01/11/2026 until 20/11/2026'."""
    text = status.state_label
    if status.since:
        text += f" since {uk_date(status.since)}"
    if status.until:
        text += f" until {uk_date(status.until)}"
    return text
