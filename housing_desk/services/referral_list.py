"""Every referral, newest first, read a page at a time in the database's order and filters."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peewee import ColumnBase, Field

    from housing_desk.data.models import User

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from peewee import Case

from housing_desk.data.models import Person, Referral
from housing_desk.data.rows import plain_rows, to_date
from housing_desk.services import names, viewing
from housing_desk.services.listing import ascending, by_name
from housing_desk.services.referrals import SOURCES, STATUS_LABELS, reason_text

ORDERS = ("received", "name", "source", "referrer", "status", "decided")


class ReferralRow(NamedTuple):
    referral_id: int
    person_id: int
    name: str
    do_not_disclose: bool
    received_on: date
    source: str
    referrer: str
    priority: int
    status: str
    decided_on: date | None
    reason: str

    @property
    def source_label(self) -> str:
        return SOURCES[self.source]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class ReferralFilter:
    """A status (None for any), and part of her name or of the referrer's (case and accents ignored)."""

    status: str | None = None
    text: str = ""


def _labels(column: Field, labels: dict[str, str]) -> Case:
    """A coded column as the words the list shows, for ordering by what people read."""
    return Case(column, list(labels.items()), column)


def referrals_page(
    actor: User,
    filters: ReferralFilter = ReferralFilter(),
    *,
    offset: int = 0,
    limit: int | None = 500,
    order: str = "received",
    descending: bool = True,
) -> list[ReferralRow]:
    """``limit`` referrals from ``offset`` in ``order`` (one of ORDERS), with her name; one query.

    The first line of an 'other' decision's notes is shown only to an ``actor`` who may see
    sensitive details; for a viewer, the reason is its plain label."""
    viewing.require(actor)
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}")
    query = Referral.select(
        Referral.id,
        Referral.person,
        Person.given_name,
        Person.family_name,
        Person.preferred_name,
        Person.do_not_disclose,
        Referral.received_on,
        Referral.source,
        Referral.referrer,
        Referral.referrer_organisation,
        Referral.priority,
        Referral.status,
        Referral.decided_on,
        Referral.decision_reason,
        Referral.decision_notes,
    ).join(Person)
    if filters.status is not None:
        query = query.where(Referral.status == filters.status)
    if filters.text.strip():
        text = filters.text.strip()
        query = query.where(
            Person.search_name.contains(names.fold(text))
            | Referral.referrer.contains(text)
            | Referral.referrer_organisation.contains(text)
        )
    by_order: dict[str, list[ColumnBase]] = {
        "received": [Referral.received_on],
        "name": [],
        "source": [_labels(Referral.source, SOURCES)],
        "referrer": [Referral.referrer, Referral.referrer_organisation],
        "status": [_labels(Referral.status, STATUS_LABELS)],
        "decided": [Referral.decided_on],
    }
    sort = by_order[order]
    query = query.order_by(
        *ascending(sort, descending),
        *by_name(Person.sort_name, descending),
        *ascending([Referral.id], descending),
    )
    query = query.offset(offset) if offset else query
    query = query.limit(limit) if limit is not None else query
    show_notes = viewing.reads_notes(actor)
    return [
        ReferralRow(
            rid,
            pid,
            names.display_name(given, family, preferred),
            bool(hidden),
            to_date(received),
            source,
            ", ".join(p for p in (referrer, organisation) if p),
            priority,
            state,
            to_date(decided),
            reason_text(state, reason, notes, show_notes=show_notes) if reason else "",
        )
        for (
            rid,
            pid,
            given,
            family,
            preferred,
            hidden,
            received,
            source,
            referrer,
            organisation,
            priority,
            state,
            decided,
            reason,
            notes,
        ) in plain_rows(query)
    ]


def list_referrals(actor: User, status: str | None = None) -> list[ReferralRow]:
    """Every referral (or those with ``status``), newest first, with her name (see
    ``referrals_page`` for what ``actor`` may see)."""
    return referrals_page(actor, ReferralFilter(status=status), limit=None)
