"""The People list: every woman referred, read a page at a time in the database's order.

Filtering and ordering happen in the query, so the list opens and narrows as you type in the same
few milliseconds whether the team has twenty records or twenty thousand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from peewee import JOIN, Case, ModelSelect, fn

from housing_desk.data.models import Person, Referral, User
from housing_desk.data.rows import plain_rows, to_date
from housing_desk.services import names, viewing
from housing_desk.services.listing import ascending, by_name

if TYPE_CHECKING:
    from peewee import ColumnBase

STATUS_LABELS = {
    "": "Not referred",
    "received": "Referral received",
    "assessing": "Being assessed",
    "accepted": "On the waiting list",
    "declined": "Declined",
    "withdrawn": "Withdrawn",
    "housed": "Housed",
    "closed": "Closed",
}
ORDERS = ("name", "date_of_birth", "status", "keyworker")


class PersonRow(NamedTuple):
    """One line of the People list."""

    person_id: int
    name: str
    date_of_birth: date | None
    status: str
    keyworker_id: int | None
    keyworker: str
    do_not_disclose: bool
    archived: bool

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class PeopleFilter:
    """What the list is narrowed to: part of a name (accents and case ignored), her latest referral's
    status ('' for never referred), her keyworker, and whether archived records are included."""

    text: str = ""
    status: str | None = None
    keyworker_id: int | None = None
    include_archived: bool = False


def _latest_status() -> ModelSelect[Referral]:
    """Her latest referral's status (by date received, then entry), as a column of the list."""
    latest = Referral.alias()
    return (
        latest.select(latest.status)
        .where(latest.person == Person.id)
        .order_by(latest.received_on.desc(), latest.id.desc())
        .limit(1)
    )


def people_page(
    actor: User,
    filters: PeopleFilter = PeopleFilter(),
    *,
    offset: int = 0,
    limit: int | None = 500,
    order: str = "name",
    descending: bool = False,
) -> list[PersonRow]:
    """``limit`` rows from ``offset`` of the filtered list in ``order`` (one of ORDERS); one query.

    The team's own list: names, dates of birth and keyworkers, never notes.
    """
    viewing.require(actor)
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}")
    status = _latest_status()
    query = Person.select(
        Person.id,
        Person.given_name,
        Person.family_name,
        Person.preferred_name,
        Person.date_of_birth,
        status.alias("status"),
        Person.keyworker,
        User.full_name,
        Person.do_not_disclose,
        Person.archived,
    ).join(User, JOIN.LEFT_OUTER, on=(Person.keyworker == User.id))
    if not filters.include_archived:
        query = query.where(~Person.archived)
    text = names.fold(filters.text)
    if text:
        query = query.where(Person.search_name.contains(text))
    if filters.status == "":
        query = query.where(~fn.EXISTS(Referral.select().where(Referral.person == Person.id)))
    elif filters.status is not None:
        query = query.where(status == filters.status)
    if filters.keyworker_id is not None:
        query = query.where(Person.keyworker == filters.keyworker_id)
    by_order: dict[str, list[ColumnBase]] = {
        "name": [],
        "date_of_birth": [Person.date_of_birth],
        "status": [
            Case(
                status,
                [(code, label) for code, label in STATUS_LABELS.items() if code],
                STATUS_LABELS[""],
            )
        ],
        "keyworker": [User.full_name],
    }
    sort = by_order[order]
    query = query.order_by(
        *ascending(sort, descending), *by_name(Person.sort_name, descending), Person.id
    )
    query = query.offset(offset) if offset else query
    query = query.limit(limit) if limit is not None else query
    return [
        PersonRow(
            pid,
            names.display_name(given, family, preferred),
            to_date(born),
            state or "",
            keyworker_id,
            keyworker or "",
            bool(hidden),
            bool(archived),
        )
        for pid, given, family, preferred, born, state, keyworker_id, keyworker, hidden, archived in plain_rows(
            query
        )
    ]


def list_people(actor: User, include_archived: bool = False) -> list[PersonRow]:
    """Everyone, by family name then first name (accents and case ignored)."""
    return people_page(actor, PeopleFilter(include_archived=include_archived), limit=None)
