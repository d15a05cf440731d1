"""Matching a free flat to the women waiting, and offering it to one of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from housing_desk.data.models import User
    from housing_desk.services.validation import DateGiven

from dataclasses import dataclass, field
from datetime import date

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import Flat, Licence, Offer, Person, Referral
from housing_desk.data.rows import first, tuples
from housing_desk.services import (
    assessments,
    audit,
    licences,
    occupancy_rules,
    permissions,
    validation,
    viewing,
)
from housing_desk.services.errors import ValidationError
from housing_desk.services.flats import lock_flat
from housing_desk.services.offer_list import (
    OFFER_STATUSES as OFFER_STATUSES,
    OVERDUE_DAYS as OVERDUE_DAYS,
    REFUSAL_REASONS as REFUSAL_REASONS,
    OfferRow as OfferRow,
    _offer,
    get_offer as get_offer,
    offers as offers,
    pending_offer_of_flat as pending_offer_of_flat,
    pending_offers as pending_offers,
)
from housing_desk.services.records import lock_row
from housing_desk.services.referrals import PRIORITIES

STALE_ASSESSMENT_DAYS = 180


@dataclass(frozen=True)
class Candidate:
    person_id: int
    referral_id: int
    name: str
    suitable: bool
    reasons: list[str] = field(default_factory=list)
    waiting_since: date | None = None
    priority: int = 3
    do_not_disclose: bool = False
    days_waiting: int = 0

    @property
    def priority_label(self) -> str:
        return PRIORITIES[self.priority]


def _district(postcode: str) -> str:
    return postcode.split(" ")[0]


def candidates(
    flat: Flat | int, on: date | None = None, *, actor: User | None = None
) -> list[Candidate]:
    """Every accepted referral whose person holds no licence that has not ended, suitable or not.

    Each comes with reasons for and against in plain words. Suitable first, then by
    priority and days waiting. A fixed number of queries, whatever the list's length. The
    team (``actor``) reads every name; without an actor no woman whose details are not to be
    disclosed is named.
    """
    if actor is not None:
        viewing.require(actor)
    on = on or clock.today()
    flat = flat if isinstance(flat, Flat) else Flat.get_by_id(flat)
    housed = Licence.select(Licence.person).where(
        Licence.status.in_(("pending_signup", "active", "notice"))
    )
    rows = list(
        Referral.select(Referral, Person)
        .join(Person)
        .where((Referral.status == "accepted") & ~Person.archived & ~Person.id.in_(housed))
    )
    outcomes = assessments.latest_outcomes(r.person_id for r in rows)
    pending = {}
    query = (
        Offer.select(Offer.referral, Flat.reference)
        .join(Flat)
        .where((Offer.status == "pending") & Offer.referral.in_([r.id for r in rows]))
    )
    for referral_id, reference in tuples(query):
        pending[referral_id] = reference
    found = [
        candidate_for(r, flat, on, outcomes.get(r.person_id), pending.get(r.id), actor)
        for r in rows
    ]
    return sorted(found, key=lambda c: (not c.suitable, c.priority, -c.days_waiting, c.name))


def candidate_for(
    referral: Referral,
    flat: Flat,
    on: date,
    latest: tuple[str, date] | None,
    pending_reference: str | None,
    actor: User | None = None,
) -> Candidate:
    """Whether one accepted referral suits one flat, and why, in plain words; named for
    ``actor`` as ``candidates`` names her."""
    person = referral.person
    reasons, suitable = [], True
    if latest is None:
        reasons.append("Not assessed yet")
        suitable = False
    else:
        outcome, assessed_on = latest
        age = (on - assessed_on).days
        when = "today" if age == 0 else "yesterday" if age == 1 else f"{age} days ago"
        words = f"{assessments.OUTCOMES[outcome]} (assessed {when})"
        if outcome not in assessments.READY:
            suitable = False
        elif age > STALE_ASSESSMENT_DAYS:
            words += ": reassess before moving in"
        reasons.append(words)
    if person.needs_step_free:
        if flat.step_free:
            reasons.append("Needs step-free access: this flat is step-free")
        else:
            reasons.append("Needs step-free access: this flat is not step-free")
            suitable = False
    district = _district(flat.postcode)
    if district in person.areas_to_avoid_list:
        reasons.append(f"Wants to avoid {district}, where this flat is")
        suitable = False
    if pending_reference and pending_reference != flat.reference:
        reasons.append(f"Has a pending offer of flat {pending_reference}")
        suitable = False
    elif pending_reference:
        reasons.append("Already offered this flat")
    since = referral.decided_on or referral.received_on
    days = (on - since).days
    reasons.append(f"{PRIORITIES[referral.priority]} priority, waiting {days} days")
    return Candidate(
        person_id=person.id,
        referral_id=referral.id,
        name=viewing.name_for(
            actor,
            person.given_name,
            person.family_name,
            person.preferred_name,
            person.do_not_disclose,
        ),
        suitable=suitable,
        reasons=reasons,
        waiting_since=since,
        priority=referral.priority,
        do_not_disclose=person.do_not_disclose,
        days_waiting=days,
    )


def make_offer(
    actor: User,
    referral: Referral | int,
    flat: Flat | int,
    *,
    offered_on: DateGiven = None,
    notes: str = "",
) -> Offer:
    """Offer a flat to a woman on the waiting list. One pending offer per flat and per woman;
    refused (field 'flat') for a flat that cannot be let on ``offered_on`` (certificates
    lapsed), or whose accepted offer has not yet become a licence."""
    permissions.require(actor, "allocate")
    referral_id = validation.record_id(referral, Referral, "referral")
    flat_id = validation.record_id(flat, Flat, "flat")
    offered_on = validation.a_date(
        offered_on, "offered_on", label="Date offered", default=clock.today()
    )
    notes = validation.text(notes, "notes", label="Notes", column=Offer.notes, max_length=2000)
    with write_transaction():
        flat = lock_flat(flat_id)
        referral = lock_row(Referral, referral_id, "That referral no longer exists.")
        if referral.status != "accepted":
            raise ValidationError(
                "Only a woman on the waiting list can be offered a flat.", "referral"
            )
        if flat.retired:
            raise ValidationError(f"Flat {flat.reference} is retired.", "flat")
        holding = first(occupancy_rules.offers_holding(flat.id))
        if holding is not None and holding.status == "pending":
            raise ValidationError(f"Flat {flat.reference} already has a pending offer.", "flat")
        if holding is not None:
            when = f" on {validation.uk_date(holding.responded_on)}" if holding.responded_on else ""
            raise ValidationError(
                f"Flat {flat.reference} was accepted by a woman{when} and is waiting for her "
                "licence. Withdraw that offer first if she is not moving in.",
                "flat",
            )
        licences.check_compliance(flat, offered_on)
        her_referrals = Referral.select(Referral.id).where(Referral.person == referral.person_id)
        if (
            Offer.select()
            .where(Offer.referral.in_(her_referrals) & (Offer.status == "pending"))
            .exists()
        ):
            raise ValidationError("She already has a pending offer of a flat.", "referral")
        if (
            Offer.select()
            .where(
                Offer.referral.in_(her_referrals)
                & (Offer.status == "accepted")
                & ~Offer.id.in_(occupancy_rules.licensed_offers())
            )
            .exists()
        ):
            raise ValidationError(
                "She has accepted another flat and is waiting for her licence. Withdraw that "
                "offer first if she is not moving there.",
                "referral",
            )
        offer = Offer.create(
            referral=referral.id, flat=flat.id, offered_on=offered_on, made_by=actor.id, notes=notes
        )
        audit.record(
            actor,
            "create",
            "offer",
            offer.id,
            {"referral": referral.id, "flat": flat.id, "offered_on": offered_on},
        )
    return offer


def respond(
    actor: User,
    offer: Offer | int,
    *,
    accepted: bool,
    reason: str = "",
    responded_on: DateGiven = None,
    notes: str = "",
) -> Offer:
    """Record her answer. A refusal needs one of ``REFUSAL_REASONS`` (other text becomes 'other')."""
    permissions.require(actor, "allocate")
    offer_id = validation.record_id(offer, Offer, "offer")
    validation.flag(accepted, "accepted", label="Accepted")
    responded_on = validation.a_date(
        responded_on, "responded_on", label="Date of answer", default=clock.today()
    )
    reason = validation.text(reason, "reason", label="Reason", column=Offer.notes, max_length=2000)
    notes = validation.text(notes, "notes", label="Notes", column=Offer.notes, max_length=2000)
    if not accepted:
        if not reason:
            raise ValidationError("Give the reason she refused.", "reason")
        if reason not in REFUSAL_REASONS:
            notes, reason = (f"{reason}\n{notes}".strip(), "other")
    with write_transaction():
        # The flat first, as every write about who lives there locks it first.
        lock_flat(_offer(offer_id).flat_id)
        current = lock_row(Offer, offer_id, "That offer no longer exists.")
        if current.status != "pending":
            raise ValidationError(f"This offer is already {current.status}.", "accepted")
        if responded_on < current.offered_on:
            raise ValidationError("The answer cannot come before the offer.", "responded_on")
        if (
            accepted
            and occupancy_rules.offers_holding(current.flat_id)
            .where(Offer.id != current.id)
            .exists()
        ):
            raise ValidationError(
                "Another woman has already accepted this flat: withdraw that offer first.",
                "accepted",
            )
        status = "accepted" if accepted else "refused"
        Offer.update(
            status=status,
            responded_on=responded_on,
            reason="" if accepted else reason,
            notes=notes or current.notes,
            version=Offer.version + 1,
        ).where(Offer.id == current.id).execute()
        audit.record(
            actor, "update", "offer", current.id, {"status": ["pending", status], "reason": reason}
        )
    return Offer.get_by_id(current.id)


def withdraw_offer(
    actor: User, offer: Offer | int, *, reason: str = "", expired: bool = False
) -> Offer:
    """Take back a pending offer (``expired=True`` when it lapsed without an answer), or an
    accepted one that has not become a licence (she is not moving in after all)."""
    permissions.require(actor, "allocate")
    offer_id = validation.record_id(offer, Offer, "offer")
    reason = validation.text(reason, "reason", label="Reason", column=Offer.notes, max_length=2000)
    status = "expired" if validation.flag(expired, "expired", label="Expired") else "withdrawn"
    with write_transaction():
        current = lock_row(Offer, offer_id, "That offer no longer exists.")
        holding = occupancy_rules.offers_holding(current.flat_id).where(Offer.id == current.id)
        if not holding.exists():
            if current.status == "accepted":
                raise ValidationError("This offer has become her licence.", None)
            raise ValidationError(f"This offer is already {current.status}.", None)
        if expired and current.status != "pending":
            raise ValidationError("Only an offer still waiting for her answer can lapse.", None)
        Offer.update(
            status=status,
            responded_on=clock.today(),
            notes=reason or current.notes,
            version=Offer.version + 1,
        ).where(Offer.id == current.id).execute()
        audit.record(actor, "update", "offer", current.id, {"status": [current.status, status]})
    return Offer.get_by_id(current.id)


def move_in_choices(actor: User, flat: Flat | int, on: date | None = None) -> list[tuple[int, str]]:
    """Who may move in: women offered this flat first, then the other suitable candidates."""
    flat_id = flat.id if isinstance(flat, Flat) else flat
    waiting = candidates(flat, on, actor=actor)  # only women not already housed
    offered = {
        row.person_id
        for row in offers(actor, flat=flat_id)
        if row.status in ("pending", "accepted")
    }
    first = [(c.person_id, c.name) for c in waiting if c.person_id in offered]
    rest = [(c.person_id, c.name) for c in waiting if c.suitable and c.person_id not in offered]
    return first + rest
