"""The dated periods a flat's state is derived from: each licence (occupied, then under notice),
each offer waiting to be signed up, each period out of use, read as ``Interval``s."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from housing_desk.data.models import Licence, Offer, Person, Referral, Unavailability
from housing_desk.data.rows import tuples
from housing_desk.services import intervals, names

if TYPE_CHECKING:
    from peewee import ModelSelect


@dataclass(frozen=True)
class Interval:
    """A dated period on one flat: [start, end), ``end`` None while open."""

    flat_id: int
    kind: str
    start: date
    end: date | None
    label: str = ""
    occupant: str = ""

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def overlaps(self, start: date, end: date) -> bool:
        return intervals.overlaps(self.start, self.end, start, end)


def initials(given: str, family: str, preferred: str = "") -> str:
    return "".join(part[:1].upper() for part in ((preferred or given), family) if part)


def _licence_intervals(
    flat_id: int,
    start: date,
    end: date | None,
    served: date | None,
    given: str,
    family: str,
    preferred: str,
    hidden: bool,
) -> list[Interval]:
    """Occupied from the start; under notice from the day notice was served."""
    name = "" if hidden else names.display_name(given, family, preferred)
    label = "" if hidden else initials(given, family, preferred)
    if served and served > start and (end is None or served < end):
        return [
            Interval(flat_id, "occupied", start, served, label, name),
            Interval(flat_id, "notice", served, end, label, name),
        ]
    kind = "notice" if served and served <= start else "occupied"
    return [Interval(flat_id, kind, start, end, label, name)]


def _licences(query: ModelSelect[Licence]) -> list[Interval]:
    rows = tuples(
        query.select(
            Licence.flat,
            Licence.start_date,
            Licence.end_date,
            Licence.notice_served_on,
            Person.given_name,
            Person.family_name,
            Person.preferred_name,
            Person.do_not_disclose,
        ).join(Person)
    )
    found = []
    for row in rows:
        found.extend(_licence_intervals(*row))
    return found


def _offers(on: date | None = None) -> list[Interval]:
    """Pending offers, and accepted ones not yet signed up, show the flat as offered."""
    signed = Licence.select(Licence.offer).where(Licence.offer.is_null(False))
    query = (
        Offer.select(
            Offer.flat,
            Offer.offered_on,
            Person.given_name,
            Person.family_name,
            Person.preferred_name,
            Person.do_not_disclose,
        )
        .join(Referral)
        .join(Person)
        .where(
            (Offer.status == "pending") | ((Offer.status == "accepted") & Offer.id.not_in(signed))
        )
    )
    if on is not None:
        query = query.where(Offer.offered_on <= on)
    return [
        Interval(
            flat_id,
            "offered",
            offered_on,
            None,
            "" if hidden else initials(given, family, preferred),
        )
        for flat_id, offered_on, given, family, preferred, hidden in tuples(query)
    ]


def _unavailability(query: ModelSelect[Unavailability]) -> list[Interval]:
    return [
        Interval(flat_id, "unavailable", start, end, reason)
        for flat_id, start, end, reason in tuples(
            query.select(
                Unavailability.flat, Unavailability.start, Unavailability.end, Unavailability.reason
            )
        )
    ]
