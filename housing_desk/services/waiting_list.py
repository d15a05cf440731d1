"""The waiting list: accepted referrals not yet housed, by priority and then time waiting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from housing_desk import clock
from housing_desk.data.models import Person, Referral, User
from housing_desk.data.rows import plain_rows, to_date
from housing_desk.services import assessments, names, viewing
from housing_desk.services.referrals import PRIORITIES


@dataclass(frozen=True)
class WaitingEntry:
    position: int
    referral_id: int
    person_id: int
    name: str
    do_not_disclose: bool
    priority: int
    waiting_since: date
    days_waiting: int
    latest_outcome: str  # '' when she has not been assessed
    latest_assessed_on: date | None
    days_since_assessment: int | None
    needs_step_free: bool
    areas_to_avoid: str

    @property
    def priority_label(self) -> str:
        return PRIORITIES[self.priority]

    @property
    def outcome_label(self) -> str:
        return assessments.OUTCOMES.get(self.latest_outcome, "Not assessed")


def waiting_list(actor: User, on: date | None = None) -> list[WaitingEntry]:
    """Everyone waiting for a flat, in the order the team offers flats (two queries)."""
    viewing.require(actor)
    on = on or clock.today()
    query = (
        Referral.select(
            Referral.id,
            Referral.priority,
            Referral.decided_on,
            Referral.received_on,
            Person.id,
            Person.given_name,
            Person.family_name,
            Person.preferred_name,
            Person.do_not_disclose,
            Person.needs_step_free,
            Person.areas_to_avoid,
        )
        .join(Person)
        .where((Referral.status == "accepted") & ~Person.archived)
        .order_by(Referral.priority, Referral.decided_on, Referral.received_on, Referral.id)
    )
    rows = plain_rows(query)
    outcomes = assessments.latest_outcomes(row[4] for row in rows)
    entries = []
    for position, (
        referral_id,
        priority,
        decided,
        received,
        person_id,
        given,
        family,
        preferred,
        hidden,
        step_free,
        areas,
    ) in enumerate(rows, start=1):
        since = to_date(decided or received)
        outcome, assessed_on = outcomes.get(person_id, ("", None))
        entries.append(
            WaitingEntry(
                position=position,
                referral_id=referral_id,
                person_id=person_id,
                name=names.display_name(given, family, preferred),
                do_not_disclose=bool(hidden),
                priority=priority,
                waiting_since=since,
                days_waiting=(on - since).days,
                latest_outcome=outcome,
                latest_assessed_on=assessed_on,
                days_since_assessment=(on - assessed_on).days if assessed_on else None,
                needs_step_free=bool(step_free),
                areas_to_avoid=areas,
            )
        )
    return entries


def position_of(actor: User, person_id: int, on: date | None = None) -> int | None:
    """Her place on the waiting list, or None when she is not on it."""
    for entry in waiting_list(actor, on):
        if entry.person_id == person_id:
            return entry.position
    return None
