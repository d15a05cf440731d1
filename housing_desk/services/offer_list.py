"""The offers made of the flats: the list of them as the windows and the board read it, one
offer, and the labels of their statuses and refusal reasons."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from housing_desk.data.models import User

from dataclasses import dataclass, replace
from datetime import date

from housing_desk import clock
from housing_desk.data.models import Flat, Offer, Person, Referral
from housing_desk.data.rows import first, objects
from housing_desk.services import names, viewing
from housing_desk.services.errors import NotFound

REFUSAL_REASONS = {
    "area": "The area",
    "flat_unsuitable": "The flat does not suit her",
    "not_ready": "Not ready to move",
    "safety": "Safety",
    "other": "Other",
}
OFFER_STATUSES = {
    "pending": "Pending",
    "accepted": "Accepted",
    "refused": "Refused",
    "withdrawn": "Withdrawn",
    "expired": "Expired",
}
OVERDUE_DAYS = 14


@dataclass(frozen=True)
class OfferRow:
    offer_id: int
    flat_id: int
    reference: str
    referral_id: int
    person_id: int
    name: str
    do_not_disclose: bool
    offered_on: date
    status: str
    responded_on: date | None
    reason: str
    overdue: bool
    board_name: str = ""  # her name as the board shows it: never a confidential woman's

    @property
    def status_label(self) -> str:
        return "Overdue" if self.overdue else OFFER_STATUSES[self.status]


def offers(
    actor: User,
    status: str | None = None,
    on: date | None = None,
    flat: Flat | int | None = None,
) -> list[OfferRow]:
    """Offers newest first; a pending offer older than 14 days is overdue (one query)."""
    viewing.require(actor)
    return _offer_rows(actor, status=status, on=on, flat=flat)


def _offer_rows(
    actor: User | None, *, status: str | None, on: date | None, flat: Flat | int | None
) -> list[OfferRow]:
    on = on or clock.today()
    query = (
        Offer.select(
            Offer,
            Flat.reference,
            Referral.person,
            Person.given_name,
            Person.family_name,
            Person.preferred_name,
            Person.do_not_disclose,
        )
        .join(Flat)
        .switch(Offer)
        .join(Referral)
        .join(Person)
        .order_by(Offer.offered_on.desc(), Offer.id.desc())
    )
    if status is not None:
        query = query.where(Offer.status == status)
    if flat is not None:
        query = query.where(Offer.flat == (flat.id if isinstance(flat, Flat) else flat))
    return [
        OfferRow(
            offer_id=o.id,
            flat_id=o.flat_id,
            reference=o.reference,
            referral_id=o.referral_id,
            person_id=o.person,
            name=viewing.name_for(
                actor, o.given_name, o.family_name, o.preferred_name, o.do_not_disclose
            ),
            do_not_disclose=o.do_not_disclose,
            offered_on=o.offered_on,
            status=o.status,
            responded_on=o.responded_on,
            reason=REFUSAL_REASONS.get(o.reason, o.reason),
            overdue=o.status == "pending" and (on - o.offered_on).days >= OVERDUE_DAYS,
            board_name=names.board_name(
                o.given_name, o.family_name, o.preferred_name, o.do_not_disclose
            ),
        )
        for o in objects(query)
    ]


def pending_offers(on: date | None = None, *, actor: User | None = None) -> list[OfferRow]:
    """The offers waiting for an answer, as the board lists them: named only as the board may
    name a woman (never one whose details are not to be disclosed). Read before anyone has
    signed in too (the board is read while the password is typed); ``actor``, when given, must
    be signed in with an active account."""
    if actor is not None:
        viewing.require(actor)
    return [
        replace(row, name=row.board_name)
        for row in _offer_rows(None, status="pending", on=on, flat=None)
    ]


def get_offer(actor: User, offer_id: int) -> Offer:
    """One offer, as ``actor`` may see it (a viewer: without its notes)."""
    viewing.require(actor)
    return viewing.as_seen_by(actor, _offer(offer_id))


def _offer(offer_id: int) -> Offer:
    offer = Offer.get_or_none(Offer.id == offer_id)
    if offer is None:
        raise NotFound("That offer no longer exists.")
    return offer


def pending_offer_of_flat(actor: User, flat_id: int) -> Offer | None:
    """The flat's offer waiting for an answer, if any, as ``actor`` may see it."""
    viewing.require(actor)
    return viewing.as_seen_by(
        actor, first(Offer.select().where((Offer.flat == flat_id) & (Offer.status == "pending")))
    )
