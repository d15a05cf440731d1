"""Licences: the occupancy of a flat, from sign-up to move-out.

Availability follows a licence's dates; its status records the paperwork
(``pending_signup -> active -> notice -> ended``). Two licences of one flat never
overlap, and a woman holds at most one licence that has not ended.
"""

from __future__ import annotations

from datetime import date

from housing_desk.data.database import write_transaction
from housing_desk.data.models import (
    Flat,
    Licence,
    LicenceKey,
    Offer,
    Person,
    Referral,
    SignupItem,
    Unavailability,
)
from housing_desk.services import (
    assessments,
    audit,
    compliance,
    intervals,
    permissions,
    settings,
    validation,
)
from housing_desk.services.errors import NotFound, OverlapError, ValidationError
from housing_desk.services.flats import CHARGES, lock_flat
from housing_desk.services.records import lock_row

AGREEMENT_TYPES = {
    "licence": "Licence to occupy",
    "excluded_licence": "Excluded licence",
    "assured_periodic": "Assured periodic tenancy",
}
STATUSES = {
    "pending_signup": "Awaiting sign-up",
    "active": "Active",
    "notice": "Notice given",
    "ended": "Ended",
}
NOT_ENDED = ("pending_signup", "active", "notice")
SIGNUP_CHECKLIST = [
    ("licence_signed", "Licence explained to her, signed, and a copy given"),
    ("hb_claim", "Housing Benefit claim made (note its reference)"),
    ("keys_issued", "Keys and fobs issued, each by number"),
    ("inventory_signed", "Inventory and condition of the flat signed"),
    ("meter_readings", "Gas, electricity and water meter readings taken"),
    ("alarms_tested", "Smoke and carbon monoxide alarms tested with her"),
    ("certificates_given", "Gas safety record, EICR and EPC given to her"),
    ("fire_safety", "Fire safety induction, and how to report repairs and the out-of-hours number"),
    (
        "emergency_contacts",
        "Emergency contacts and the professionals around her, with consent to share",
    ),
    ("keywork_booked", "First keywork session booked"),
]
CHECKLIST_LABELS = dict(SIGNUP_CHECKLIST)
NOTICE_BY = {"licensee": "She gave notice", "licensor": "We gave notice"}
END_REASONS = {
    "planned_move_on": "Planned move-on",
    "evicted": "Evicted",
    "abandoned": "Abandoned",
    "custody": "Custody",
    "hospital": "Hospital",
    "died": "Died",
    "left_unplanned": "Left unplanned",
    "transfer": "Transfer",
    "safety_move": "Safety move",
}
DESTINATIONS = (
    "Council tenancy",
    "Housing association tenancy",
    "Private rented",
    "Family or friends",
    "Other supported housing",
    "Refuge",
    "Hospital",
    "Custody",
    "Not known",
)
HB_STATUSES = {
    "not_claimed": "Not claimed",
    "claimed": "Claimed",
    "confirmed": "Confirmed",
    "refused": "Refused",
}


def _uk(day):
    return validation.uk_date(day)


def _person(value) -> Person:
    person = Person.get_or_none(Person.id == (value.id if isinstance(value, Person) else value))
    if person is None:
        raise NotFound("That person's record no longer exists.")
    return person


def _lock(licence) -> Licence:
    return lock_row(
        Licence,
        licence.id if isinstance(licence, Licence) else licence,
        "That licence no longer exists.",
    )


def _clashing_licence(flat_id: int, start: date, end: date | None, exclude_id: int | None = None):
    query = Licence.select().where(Licence.flat == flat_id)
    if exclude_id is not None:
        query = query.where(Licence.id != exclude_id)
    return intervals.overlapping(query, Licence.start_date, Licence.end_date, start, end).first()


def _check_dates_free(
    flat_id: int, start: date, end: date | None, field: str, exclude_id: int | None = None
):
    other = _clashing_licence(flat_id, start, end, exclude_id)
    if other is not None:
        until = f"until {_uk(other.end_date)}" if other.end_date else "with no end date yet"
        raise OverlapError(
            f"The flat is let on those dates: another licence runs from {_uk(other.start_date)} "
            f"{until}.",
            field,
        )
    out_of_use = intervals.overlapping(
        Unavailability.select().where(Unavailability.flat == flat_id),
        Unavailability.start,
        Unavailability.end,
        start,
        end,
    ).first()
    if out_of_use is not None:
        until = f"until {_uk(out_of_use.end)}" if out_of_use.end else "with no end date yet"
        raise OverlapError(
            f"The flat is out of use on those dates, from {_uk(out_of_use.start)} {until}.", field
        )


def current_licence(person) -> Licence | None:
    """Her licence that has not ended, if any."""
    return (
        Licence.select()
        .where((Licence.person == person.id) & Licence.status.in_(NOT_ENDED))
        .first()
    )


def create_licence(
    actor, person, flat, *, start_date, agreement_type="licence", **charges
) -> Licence:
    """Let a flat to her from ``start_date``, in ``pending_signup`` until the checklist is done.

    The flat's weekly charges are copied unless given. Refused with ConflictError when the
    dates clash with another licence or a period out of use, and with ValidationError when
    she already holds a licence, the flat's certificates have lapsed on the start date, or
    her latest assessment by then does not say she is ready.
    """
    permissions.require(actor, "allocate")
    start_date = validation.a_date(start_date, "start_date", label="Start date")
    agreement_type = validation.choice(
        agreement_type, "agreement_type", label="Agreement type", choices=tuple(AGREEMENT_TYPES)
    )
    extras = {
        key: charges.pop(key)
        for key in ("payment_day", "inventory_reference", "hb_reference")
        if key in charges
    }
    unknown = sorted(set(charges) - set(CHARGES))
    if unknown:
        raise ValidationError(f"Licences have no field called {unknown[0]}.", unknown[0])
    cleaned = {
        key: validation.money(value, key, label=CHARGES[key]) for key, value in charges.items()
    }
    details = _details(extras)
    with write_transaction():
        flat = lock_flat(flat.id if isinstance(flat, Flat) else flat)
        person = _person(person)
        if flat.retired:
            raise ValidationError(f"Flat {flat.reference} is retired and cannot be let.", "flat")
        _check_dates_free(flat.id, start_date, None, "start_date")
        if current_licence(person) is not None:
            raise ValidationError("She already holds a licence that has not ended.", "person")
        _check_compliance(flat, start_date)
        _check_ready(person, start_date)
        values = {key: cleaned.get(key, getattr(flat, key)) for key in CHARGES}
        referral = (
            Referral.select()
            .where((Referral.person == person.id) & (Referral.status == "accepted"))
            .order_by(Referral.received_on.desc())
            .first()
        )
        offer = _accepted_offer(referral, flat) if referral else None
        licence = Licence.create(
            person=person.id,
            flat=flat.id,
            referral=referral.id if referral else None,
            offer=offer.id if offer else None,
            agreement_type=agreement_type,
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
                **values,
            },
        )
    return licence


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
            details[key] = validation.text(extras[key], key, label=label, max_length=100)
    return details


def _check_compliance(flat: Flat, on: date) -> None:
    from housing_desk.data.models import Certificate

    certs = [
        compliance.CertificateDates(c.kind, c.issued_on, c.expires_on)
        for c in Certificate.select().where(Certificate.flat == flat.id)
    ]
    state, notes = compliance.assess(certs, flat.has_gas, on)
    if state == "expired":
        raise ValidationError(
            f"Flat {flat.reference} cannot be let from {_uk(on)}: {notes}", "flat"
        )


def _check_ready(person: Person, on: date) -> None:
    latest = assessments.latest(person, on)
    if latest is None:
        raise ValidationError(
            f"She has no readiness assessment dated on or before {_uk(on)}.", "person"
        )
    if latest.outcome not in assessments.READY:
        raise ValidationError(
            f"Her latest assessment ({_uk(latest.assessed_on)}) says she is not ready yet.",
            "person",
        )


def _accepted_offer(referral: Referral, flat: Flat) -> Offer | None:
    return (
        Offer.select()
        .where(
            (Offer.referral == referral.id)
            & (Offer.flat == flat.id)
            & Offer.status.in_(("pending", "accepted"))
        )
        .order_by(Offer.offered_on.desc())
        .first()
    )


def _settle_offers(person: Person, flat: Flat, licence: Licence) -> None:
    # Her pending offer of this flat becomes accepted; other pending offers to her lapse.
    her_referrals = Referral.select(Referral.id).where(Referral.person == person.id)
    Offer.update(status="accepted", responded_on=licence.start_date).where(
        (Offer.referral.in_(her_referrals)) & (Offer.flat == flat.id) & (Offer.status == "pending")
    ).execute()
    Offer.update(status="withdrawn", reason="housed_elsewhere").where(
        (Offer.referral.in_(her_referrals)) & (Offer.flat != flat.id) & (Offer.status == "pending")
    ).execute()


def checklist(licence) -> list[SignupItem]:
    """The sign-up checklist of a licence, in the order of ``SIGNUP_CHECKLIST``."""
    items = {i.key: i for i in SignupItem.select().where(SignupItem.licence == licence.id)}
    return [items[key] for key, _label in SIGNUP_CHECKLIST if key in items]


def complete_signup_item(actor, licence, key, *, done=True, note="") -> None:
    """Tick (or untick) one sign-up item. The Housing Benefit item needs the claim's reference."""
    permissions.require(actor, "allocate")
    validation.choice(key, "key", label="Checklist item", choices=tuple(CHECKLIST_LABELS))
    validation.flag(done, "done", label="Done")
    note = validation.text(note, "note", label="Note", max_length=2000)
    if key == "hb_claim" and done and not note:
        raise ValidationError("Enter the Housing Benefit claim reference.", "note")
    with write_transaction():
        current = _lock(licence)
        if current.status != "pending_signup":
            raise ValidationError(
                "The sign-up checklist is closed once the licence is active.", None
            )
        SignupItem.update(
            done=done,
            done_on=date.today() if done else None,
            done_by=actor.id if done else None,
            note=note,
        ).where((SignupItem.licence == current.id) & (SignupItem.key == key)).execute()
        if key == "hb_claim":
            Licence.update(
                hb_reference=note if done else "", hb_status="claimed" if done else "not_claimed"
            ).where(Licence.id == current.id).execute()
        audit.record(actor, "update", "signup_item", current.id, {"key": key, "done": done})


def activate(actor, licence) -> Licence:
    """She has signed up: the licence becomes active. Refused while any checklist item is open."""
    permissions.require(actor, "allocate")
    with write_transaction():
        current = _lock(licence)
        if current.status != "pending_signup":
            raise ValidationError("Only a licence awaiting sign-up can be activated.", None)
        open_items = [CHECKLIST_LABELS[i.key] for i in checklist(current) if not i.done]
        if open_items:
            raise ValidationError(
                f"The sign-up checklist is not complete. Still to do: {'; '.join(open_items)}.",
                "checklist",
            )
        Licence.update(
            status="active", activated_on=date.today(), version=Licence.version + 1
        ).where(Licence.id == current.id).execute()
        audit.record(
            actor, "update", "licence", current.id, {"status": ["pending_signup", "active"]}
        )
    return Licence.get_by_id(current.id)


def add_key(actor, licence, *, label, issued_on=None, notes="") -> LicenceKey:
    """Record a key or fob given to her, by its number."""
    permissions.require(actor, "allocate")
    label = validation.text(label, "label", label="Key or fob", required=True, max_length=100)
    issued_on = validation.a_date(issued_on or date.today(), "issued_on", label="Date issued")
    notes = validation.text(notes, "notes", label="Notes", max_length=1000)
    with write_transaction():
        current = _lock(licence)
        if current.status == "ended":
            raise ValidationError("Keys cannot be issued on an ended licence.", None)
        key = LicenceKey.create(licence=current.id, label=label, issued_on=issued_on, notes=notes)
        audit.record(
            actor, "create", "licence_key", key.id, {"licence": current.id, "label": label}
        )
    return key


def return_key(actor, key, *, returned_on=None) -> LicenceKey:
    permissions.require(actor, "allocate")
    returned_on = validation.a_date(
        returned_on or date.today(), "returned_on", label="Date returned"
    )
    with write_transaction():
        current = lock_row(LicenceKey, key.id, "That key record no longer exists.")
        if returned_on < current.issued_on:
            raise ValidationError("A key cannot come back before it was issued.", "returned_on")
        LicenceKey.update(returned_on=returned_on).where(LicenceKey.id == current.id).execute()
        audit.record(actor, "update", "licence_key", current.id, {"returned_on": returned_on})
    return LicenceKey.get_by_id(current.id)


def keys(licence) -> list[LicenceKey]:
    return list(LicenceKey.select().where(LicenceKey.licence == licence.id).order_by(LicenceKey.id))


def give_notice(actor, licence, *, served_on, end_date, by, reason="") -> Licence:
    """Record notice to end the licence on ``end_date`` (the move-out day)."""
    permissions.require(actor, "allocate")
    served_on = validation.a_date(served_on, "served_on", label="Date served")
    end_date = validation.a_date(end_date, "end_date", label="End date")
    by = validation.choice(by, "by", label="Notice given by", choices=tuple(NOTICE_BY))
    reason = validation.text(reason, "reason", label="Reason", max_length=4000)
    if end_date <= served_on:
        raise ValidationError("The end date must be after the day notice was served.", "end_date")
    shortest = settings.notice_days()
    if by == "licensor" and (end_date - served_on).days < shortest:
        raise ValidationError(
            f"Notice from us must give at least {shortest} days (the notice period in Settings); "
            f"this gives {(end_date - served_on).days}.",
            "end_date",
        )
    with write_transaction():
        current = _lock(licence)
        if current.status != "active":
            raise ValidationError("Notice can only be given on an active licence.", None)
        if served_on < current.start_date:
            raise ValidationError(
                "Notice cannot be served before the licence started.", "served_on"
            )
        _check_dates_free(
            current.flat_id, current.start_date, end_date, "end_date", exclude_id=current.id
        )
        Licence.update(
            status="notice",
            notice_served_on=served_on,
            notice_by=by,
            notice_reason=reason,
            end_date=end_date,
            version=Licence.version + 1,
        ).where(Licence.id == current.id).execute()
        audit.record(
            actor,
            "update",
            "licence",
            current.id,
            {
                "status": ["active", "notice"],
                "served_on": served_on,
                "end_date": end_date,
                "by": by,
            },
        )
    return Licence.get_by_id(current.id)


def end_licence(
    actor, licence, *, end_date, reason, destination="", notes="", returned_keys=()
) -> Licence:
    """Record a move-out that has happened. ``returned_keys`` (key ids) came back that day;
    keys still not returned need a note saying why."""
    permissions.require(actor, "allocate")
    end_date = validation.a_date(end_date, "end_date", label="Move-out date")
    if end_date > date.today():
        raise ValidationError(
            "A move-out is recorded once it has happened: the date cannot be in the future. "
            "Give notice to plan an end date.",
            "end_date",
        )
    reason = validation.choice(reason, "reason", label="Reason", choices=tuple(END_REASONS))
    destination = validation.text(destination, "destination", label="Destination")
    notes = validation.text(notes, "notes", label="Notes", max_length=4000)
    with write_transaction():
        current = _lock(licence)
        if current.status not in ("active", "notice"):
            raise ValidationError("Only an active licence, or one under notice, can end.", None)
        if end_date <= current.start_date:
            raise ValidationError("The move-out date must be after the start date.", "end_date")
        returned = {k.id if isinstance(k, LicenceKey) else k for k in returned_keys}
        unreturned = [
            k.label for k in keys(current) if k.returned_on is None and k.id not in returned
        ]
        if unreturned and not notes:
            raise ValidationError(
                f"Keys not returned ({', '.join(unreturned)}): add a note saying why.", "notes"
            )
        _check_dates_free(
            current.flat_id, current.start_date, end_date, "end_date", exclude_id=current.id
        )
        if returned:
            LicenceKey.update(returned_on=end_date).where(
                (LicenceKey.licence == current.id)
                & LicenceKey.id.in_(list(returned))
                & LicenceKey.returned_on.is_null()
            ).execute()
        Licence.update(
            status="ended",
            end_date=end_date,
            end_reason=reason,
            destination=destination,
            move_out_notes=notes,
            version=Licence.version + 1,
        ).where(Licence.id == current.id).execute()
        audit.record(
            actor,
            "update",
            "licence",
            current.id,
            {
                "status": [current.status, "ended"],
                "end_date": end_date,
                "reason": reason,
            },
        )
    return Licence.get_by_id(current.id)


def correct_licence(actor, licence, *, reason, **changes) -> Licence:
    """A manager corrects a mistake on an ended licence; the correction and its reason are audited."""
    permissions.require(actor, "correct_records")
    reason = validation.text(
        reason, "reason", label="Reason for the correction", required=True, max_length=2000
    )
    allowed = {"end_date", "end_reason", "destination", "move_out_notes", "start_date", *CHARGES}
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise ValidationError(f"'{unknown[0]}' cannot be corrected here.", unknown[0])
    values = {}
    for key, value in changes.items():
        if key in CHARGES:
            values[key] = validation.money(value, key, label=CHARGES[key])
        elif key in ("end_date", "start_date"):
            values[key] = validation.a_date(value, key, label=key.replace("_", " ").capitalize())
        elif key == "end_reason":
            values[key] = validation.choice(value, key, label="Reason", choices=tuple(END_REASONS))
        else:
            values[key] = validation.text(
                value, key, label=key.replace("_", " ").capitalize(), max_length=4000
            )
    with write_transaction():
        current = _lock(licence)
        if current.status != "ended":
            raise ValidationError("Only an ended licence is corrected this way.", None)
        start = values.get("start_date", current.start_date)
        end = values.get("end_date", current.end_date)
        if end <= start:
            raise ValidationError("The move-out date must be after the start date.", "end_date")
        _check_dates_free(current.flat_id, start, end, "end_date", exclude_id=current.id)
        before = {key: getattr(current, key) for key in values}
        Licence.update(**values, version=Licence.version + 1).where(
            Licence.id == current.id
        ).execute()
        audit.record(
            actor,
            "update",
            "licence",
            current.id,
            {**audit.diff(before, values), "correction": reason},
        )
    return Licence.get_by_id(current.id)


def get_licence(licence_id: int) -> Licence:
    licence = Licence.get_or_none(Licence.id == licence_id)
    if licence is None:
        raise NotFound("That licence no longer exists.")
    return licence
