"""Licences: the occupancy of a flat, from sign-up to move-out.

Availability follows a licence's dates; its status records the paperwork
(``pending_signup -> active -> notice -> ended``). Two licences of one flat never
overlap, and a woman holds at most one licence that has not ended.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from housing_desk.data.models import User
    from housing_desk.services.validation import DateGiven, MoneyGiven

from datetime import date

from housing_desk.data.database import write_transaction
from housing_desk.data.models import Flat, Licence, Offer, Person, Referral, SignupItem
from housing_desk.data.rows import first
from housing_desk.services import (
    accounts,
    assessments,
    audit,
    compliance,
    housing_benefit,
    occupancy_rules,
    permissions,
    tenure,
    validation,
    viewing,
)
from housing_desk.services.endings import (
    DESTINATIONS as DESTINATIONS,
    END_REASONS as END_REASONS,
    NOTICE_BY as NOTICE_BY,
    correct_licence as correct_licence,
    end_licence as end_licence,
    give_notice as give_notice,
)
from housing_desk.services.errors import NotFound, ValidationError
from housing_desk.services.flats import CHARGES, lock_flat
from housing_desk.services.lifecycle import (
    LICENCE_ACTIONS as LICENCE_ACTIONS,
    allowed_actions as allowed_actions,
)
from housing_desk.services.occupancy import (
    check_dates_free as _check_dates_free,
    lock_licence as _lock,  # noqa: F401
)
from housing_desk.services.records import lock_row
from housing_desk.services.signup import (
    CHECKLIST_LABELS as CHECKLIST_LABELS,
    SIGNUP_CHECKLIST as SIGNUP_CHECKLIST,
    activate as activate,
    add_key as add_key,
    checklist as checklist,
    checklist_labels as checklist_labels,
    complete_signup_item as complete_signup_item,
    keys as keys,
    return_key as return_key,
)
from housing_desk.services.tenure import AGREEMENT_TYPES as AGREEMENT_TYPES

STATUSES = {
    "pending_signup": "Awaiting sign-up",
    "active": "Active",
    "notice": "Notice given",
    "ended": "Ended",
}
NOT_ENDED = ("pending_signup", "active", "notice")
HB_STATUSES = {
    "not_claimed": "Not claimed",
    "claimed": "Claimed",
    "confirmed": "Confirmed",
    "refused": "Refused",
}

# The council's decision on her claim is recorded on the licence (its rules live with the claim's).
record_hb_decision = housing_benefit.record_hb_decision


def _uk(day: date | None) -> str:
    return validation.uk_date(day)


def current_licence(actor: User, person: Person) -> Licence | None:
    """Her licence that has not ended, if any, as ``actor`` may see it."""
    viewing.require(actor)
    return viewing.as_seen_by(actor, _current_licence(person))


def _current_licence(person: Person) -> Licence | None:
    return first(
        Licence.select().where((Licence.person == person.id) & Licence.status.in_(NOT_ENDED))
    )


def create_licence(
    actor: User,
    person: Person | int,
    flat: Flat | int,
    *,
    start_date: DateGiven,
    agreement_type: str = "licence",
    excluded_category: str = "",
    readiness_override: str = "",
    **charges: MoneyGiven,
) -> Licence:
    """Let a flat to her from ``start_date``, in ``pending_signup`` until the checklist is done.

    The flat's weekly charges are copied unless given. Refused with ConflictError when the
    dates clash with another licence or a period out of use, and with ValidationError when
    she already holds a licence, is under 18 on the start date, the flat's certificates have
    lapsed on the start date, the agreement type does not fit the flat (``services.tenure``),
    or her latest assessment by then does not say she is ready and no manager has recorded a
    ``readiness_override`` (her reason for letting anyway: Housing First).
    """
    permissions.require(actor, "allocate")
    start_date = validation.a_date(start_date, "start_date", label="Start date")
    agreement_type = validation.choice(
        agreement_type, "agreement_type", label="Agreement type", choices=tuple(AGREEMENT_TYPES)
    )
    excluded_category = tenure.clean_category(excluded_category, "agreement_type")
    readiness_override = validation.text(
        readiness_override, "readiness_override", label="Reason for letting anyway", max_length=2000
    )
    if readiness_override:
        permissions.require(actor, "override_readiness")
    extras = {
        key: charges.pop(key)
        for key in ("payment_day", "inventory_reference", "hb_reference")
        if key in charges
    }
    validation.no_unknown(charges, CHARGES, "Licences")
    cleaned = {
        key: validation.money(value, key, label=CHARGES[key]) for key, value in charges.items()
    }
    details = _details(extras)
    flat_id = validation.record_id(flat, Flat, "flat")
    person_id = validation.record_id(person, Person, "person")
    with occupancy_rules.refusals(), write_transaction():
        # Her row is locked as well as the flat's: two officers moving her into two flats at
        # once queue here, and the second sees the first one's licence.
        flat = lock_flat(flat_id)
        person = lock_row(Person, person_id, "That person's record no longer exists.")
        if person.archived:
            raise ValidationError(
                "Her record is archived: restore it before letting her a flat.", "person"
            )
        if flat.retired:
            raise ValidationError(f"Flat {flat.reference} is retired and cannot be let.", "flat")
        _check_not_offered_to_another(flat, person)
        _check_dates_free(flat.id, start_date, None, "start_date")
        if _current_licence(person) is not None:
            raise ValidationError("She already holds a licence that has not ended.", "person")
        tenure.check_age(person, start_date)
        excluded_category = tenure.check_agreement(agreement_type, flat, excluded_category)
        check_compliance(flat, start_date)
        if not readiness_override:
            _check_ready(person, start_date)
        values = {key: cleaned.get(key, getattr(flat, key)) for key in CHARGES}
        referral = first(
            Referral.select()
            .where((Referral.person == person.id) & (Referral.status == "accepted"))
            .order_by(Referral.received_on.desc())
        )
        offer = _accepted_offer(referral, flat) if referral else None
        licence = Licence.create(
            person=person.id,
            flat=flat.id,
            referral=referral.id if referral else None,
            offer=offer.id if offer else None,
            agreement_type=agreement_type,
            excluded_category=excluded_category,
            readiness_override=readiness_override,
            start_date=start_date,
            created_by=actor.id,
            **values,
            **details,
        )
        SignupItem.insert_many(
            [{"licence": licence.id, "key": key} for key, _label in SIGNUP_CHECKLIST]
        ).execute()
        if referral is not None:
            Referral.update(status="housed", closed_on=start_date).where(
                Referral.id == referral.id
            ).execute()
        _settle_offers(person, flat, licence)
        accounts.settle(licence, actor=actor)  # a start already due is charged at once
        audit.record(
            actor,
            "create",
            "licence",
            licence.id,
            {
                "person": person.id,
                "flat": flat.id,
                "start_date": start_date,
                "agreement_type": agreement_type,
                "excluded_category": excluded_category,
                "readiness_override": "changed" if readiness_override else "",
                **values,
            },
        )
    return licence


def _check_not_offered_to_another(flat: Flat, person: Person) -> None:
    offer = first(occupancy_rules.offers_holding(flat.id, except_person=person.id))
    if offer is not None:
        raise ValidationError(
            f"Flat {flat.reference} is offered to another woman ({offer.status}, offered on "
            f"{_uk(offer.offered_on)}). Withdraw that offer before letting it to her.",
            "flat",
        )


def _details(extras: dict) -> dict:
    details = {}
    if "payment_day" in extras:
        details["payment_day"] = validation.choice(
            extras["payment_day"],
            "payment_day",
            label="Payment day",
            choices=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        )
    for key, label in (
        ("inventory_reference", "Inventory reference"),
        ("hb_reference", "Housing Benefit reference"),
    ):
        if key in extras:
            details[key] = validation.text(
                extras[key], key, label=label, column=getattr(Licence, key)
            )
    return details


def check_compliance(flat: Flat, on: date) -> None:
    """ValidationError (field 'flat') when the flat's compliance is 'expired' on ``on``: it
    cannot be let, nor offered, then."""
    from housing_desk.data.models import Certificate

    certs = [
        compliance.CertificateDates(c.kind, c.issued_on, c.expires_on, c.satisfactory)
        for c in Certificate.select().where(Certificate.flat == flat.id)
    ]
    state, notes = compliance.assess(certs, flat.has_gas, on)
    if state == "expired":
        raise ValidationError(
            f"Flat {flat.reference} cannot be let from {_uk(on)}: {notes}", "flat"
        )


def _check_ready(person: Person, on: date) -> None:
    latest = assessments.latest_outcome(person, on)
    # The assessment informs the match and the support; a manager may let anyway (Housing
    # First), with a reason, through ``readiness_override``.
    override = " A manager can let the flat anyway, recording why."
    if latest is None:
        raise ValidationError(
            f"She has no readiness assessment dated on or before {_uk(on)}.{override}", "person"
        )
    outcome, assessed_on = latest
    if outcome not in assessments.READY:
        raise ValidationError(
            f"Her latest assessment ({_uk(assessed_on)}) says she is not ready yet.{override}",
            "person",
        )


def _accepted_offer(referral: Referral, flat: Flat) -> Offer | None:
    return first(
        Offer.select()
        .where(
            (Offer.referral == referral.id)
            & (Offer.flat == flat.id)
            & Offer.status.in_(("pending", "accepted"))
        )
        .order_by(Offer.offered_on.desc())
    )


def _settle_offers(person: Person, flat: Flat, licence: Licence) -> None:
    # Her pending offer of this flat becomes accepted; her other offers still open lapse.
    her_referrals = Referral.select(Referral.id).where(Referral.person == person.id)
    Offer.update(status="accepted", responded_on=licence.start_date).where(
        (Offer.referral.in_(her_referrals)) & (Offer.flat == flat.id) & (Offer.status == "pending")
    ).execute()
    Offer.update(status="withdrawn", reason="housed_elsewhere").where(
        (Offer.referral.in_(her_referrals))
        & (Offer.flat != flat.id)
        & Offer.status.in_(("pending", "accepted"))
        & ~Offer.id.in_(occupancy_rules.licensed_offers())
    ).execute()


def get_licence(actor: User, licence_id: int) -> Licence:
    """One licence with her record, as ``actor`` may see them: the way a window reads a licence.
    Reading a licence of a woman whose details are not to be disclosed is audited as a view of
    her record."""
    viewing.require(actor)
    return viewing.with_her_record(actor, stored_licence(licence_id))


def stored_licence(licence_id: int) -> Licence:
    """A licence as stored, for the services that print or change it (windows use
    ``get_licence``)."""
    licence = Licence.get_or_none(Licence.id == licence_id)
    if licence is None:
        raise NotFound("That licence no longer exists.")
    return licence
