"""The other side of matching: for one woman on the waiting list, the flats that can be offered
now, whether each suits her and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from housing_desk import clock
from housing_desk.data.models import Flat, Offer, Unavailability, User
from housing_desk.data.rows import to_date, tuples
from housing_desk.services import allocations, assessments, flats, occupancy_rules, referrals
from housing_desk.services.errors import ValidationError

if TYPE_CHECKING:
    from housing_desk.data.models import Person


@dataclass(frozen=True)
class FlatChoice:
    flat_id: int
    referral_id: int
    reference: str
    address: str
    bedrooms: int
    step_free: bool
    suitable: bool
    reasons: list[str] = field(default_factory=list)


def flats_for(actor: User, person: Person, on: date | None = None) -> list[FlatChoice]:
    """Every flat that can be offered to her on ``on`` (today when None): free on its dates, its
    certificates in date, no offer of it waiting, no works booked ahead (a licence has no end date
    to stop before them). Each says whether it suits her and why; suitable first, then by
    reference. ``ValidationError`` (field 'person') when she is not on the waiting list."""
    on = on or clock.today()
    referral = referrals.open_referral(actor, person)
    if referral is None or referral.status != "accepted":
        raise ValidationError(
            "She is not on the waiting list: a manager accepts her referral first.", "person"
        )
    free = [
        s
        for s in flats.availability(on, actor=actor)
        if s.state == "available" and s.compliance != "expired" and not s.cannot_let
    ]
    ids = [s.flat_id for s in free]
    booked = {}
    for flat_id, start in tuples(
        Unavailability.select(Unavailability.flat, Unavailability.start)
        .where(Unavailability.flat.in_(ids) & (Unavailability.start > on))
        .order_by(Unavailability.start.desc())
    ):
        booked[flat_id] = to_date(start)  # the earliest, read last
    taken = {i for i in ids if occupancy_rules.offers_holding(i).exists()}
    pending = (
        Offer.select(Flat.reference)
        .join(Flat)
        .where((Offer.referral == referral.id) & (Offer.status == "pending"))
        .scalar()
    )
    latest = assessments.latest_outcomes([person.id]).get(person.id)
    found = []
    for flat in Flat.select().where(Flat.id.in_([i for i in ids if i not in taken])):
        judged = allocations.candidate_for(referral, flat, on, latest, pending, actor)
        reasons, suitable = list(judged.reasons), judged.suitable
        if flat.id in booked:
            reasons.append(f"Works booked from {booked[flat.id]:%d/%m/%Y}: it cannot be let now")
            suitable = False
        found.append(
            FlatChoice(
                flat_id=flat.id,
                referral_id=referral.id,
                reference=flat.reference,
                address=flat.address,
                bedrooms=flat.bedrooms,
                step_free=flat.step_free,
                suitable=suitable,
                reasons=reasons,
            )
        )
    return sorted(found, key=lambda c: (not c.suitable, c.reference))
