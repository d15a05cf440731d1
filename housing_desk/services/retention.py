"""Keeping records no longer than needed: who is due to be anonymised, and anonymising them.

A woman's record is due when her last referral or licence closed more than the retention period
ago (six years unless the team sets otherwise) and nothing of hers is open. Anonymising replaces
every personal detail and all free text, and keeps the dates, scores and outcomes the team's
statistics rest on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from housing_desk.data.models import User

from datetime import date
from typing import NamedTuple

from peewee import Select, fn

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import (
    Licence,
    Person,
    Referral,
)
from housing_desk.data.rows import plain_rows, to_date
from housing_desk.services import (
    attachments,
    audit,
    her_records,
    names,
    permissions,
    settings,
    validation,
)
from housing_desk.services.assessments import add_months
from housing_desk.services.errors import ValidationError
from housing_desk.services.records import lock_row
from housing_desk.services.referrals import OPEN_STATUSES

ANONYMOUS_GIVEN = "Anonymised"


class RetentionRow(NamedTuple):
    person_id: int
    name: str
    last_closed: date
    years: int


def _closed_before(cutoff: date, person_id: int | None = None) -> dict[int, date]:
    """Each woman's latest closing date of a referral or a licence, for those whose latest is before
    ``cutoff`` and who have nothing open (everyone, or one woman). One grouped read of both tables."""

    def hers(query: Select, model: type[Referral] | type[Licence]) -> Select:
        return query if person_id is None else query.where(model.person == person_id)

    closings = (
        hers(
            Referral.select(
                Referral.person.alias("who"),
                fn.COALESCE(Referral.closed_on, Referral.decided_on, Referral.received_on).alias(
                    "day"
                ),
            ),
            Referral,
        )
        .union_all(
            hers(
                Licence.select(Licence.person.alias("who"), Licence.end_date.alias("day")), Licence
            )
        )
        .alias("closing")
    )
    last = fn.MAX(closings.c.day)
    query = (
        Select([closings], [closings.c.who, last]).group_by(closings.c.who).having(last < cutoff)
    )
    open_people = {
        pid
        for (pid,) in plain_rows(
            hers(
                Referral.select(Referral.person).where(Referral.status.in_(OPEN_STATUSES)), Referral
            )
        )
    }
    open_people |= {
        pid
        for (pid,) in plain_rows(
            hers(Licence.select(Licence.person).where(Licence.status != "ended"), Licence)
        )
    }
    return {
        pid: to_date(day)
        for pid, day in plain_rows(query.bind(Person._meta.database))
        if pid not in open_people
    }


def _cutoff(on: date | None) -> date:
    return add_months(on or clock.today(), -12 * settings.retention_years())


def due(actor: User, on: date | None = None) -> list[tuple[int, date]]:
    """Who is due, as (person id, last closed), oldest first: the whole list in two grouped reads,
    without reading anyone's name (``named`` does that for the rows shown)."""
    permissions.require(actor, "retention")
    anonymised = {
        pid
        for (pid,) in plain_rows(
            Person.select(Person.id).where(Person.given_name == ANONYMOUS_GIVEN)
        )
    }
    return sorted(
        ((pid, day) for pid, day in _closed_before(_cutoff(on)).items() if pid not in anonymised),
        key=lambda item: (item[1], item[0]),
    )


def named(actor: User, entries: list[tuple[int, date]]) -> list[RetentionRow]:
    """Rows of ``due``'s list with their names, in the same order (read 500 at a time)."""
    permissions.require(actor, "retention")
    years = settings.retention_years()
    names_by_id = {}
    for start in range(0, len(entries), 500):
        ids = [pid for pid, _day in entries[start : start + 500]]
        query = Person.select(
            Person.id, Person.given_name, Person.family_name, Person.preferred_name
        ).where(Person.id.in_(ids))
        names_by_id.update(
            {
                pid: names.display_name(given, family, preferred)
                for pid, given, family, preferred in plain_rows(query)
            }
        )
    return [
        RetentionRow(pid, names_by_id[pid], day, years)
        for pid, day in entries
        if pid in names_by_id
    ]


def report(actor: User, on: date | None = None) -> list[RetentionRow]:
    """People whose records closed more than the retention period ago, oldest first."""
    return named(actor, due(actor, on))


def is_due(person_id: int, on: date | None = None) -> bool:
    """Whether her records closed more than the retention period ago, with nothing open."""
    return person_id in _closed_before(_cutoff(on), person_id)


def anonymise(actor: User, person: Person | int) -> Person:
    """Replace every personal detail of a woman whose records are due; statistics are kept.

    Her own row keeps only the year of her birth; every other table's rows of hers lose all
    their free text (``her_records``). The audit log holds no personal value to remove."""
    permissions.require(actor, "retention")
    person_id = validation.record_id(person, Person, "person")
    with write_transaction():
        current = lock_row(Person, person_id, "That person's record no longer exists.")
        if current.given_name == ANONYMOUS_GIVEN or not is_due(current.id):
            raise ValidationError("Her records are not yet due to be anonymised.", None)
        birth_year = current.date_of_birth.year if current.date_of_birth else None
        family = f"#{current.id}"
        Person.update(
            given_name=ANONYMOUS_GIVEN,
            family_name=family,
            preferred_name="",
            **names.stored_keys(ANONYMOUS_GIVEN, family),
            date_of_birth=date(birth_year, 1, 1) if birth_year else None,
            ni_number="",
            phone="",
            safe_contact="",
            message_ok=False,
            no_recourse_to_public_funds=False,
            areas_to_avoid="",
            notes="",
            archived=True,
            version=Person.version + 1,
        ).where(Person.id == current.id).execute()
        # every free text of hers in every table: notes, decision notes, evidence, risk notes,
        # checklist notes (her Housing Benefit reference), offers, keys, payments...
        her_records.clear(current.id)
        attachments.forget(current.id)  # her files: deleted, not cleared
        audit.record(actor, "update", "person", current.id, {"anonymised": True})
    return Person.get_by_id(current.id)
