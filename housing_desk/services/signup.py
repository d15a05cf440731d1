"""Sign-up day: the checklist ticked before the licence becomes active, and the keys she holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from housing_desk.data.models import User
    from housing_desk.services.validation import DateGiven

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import Licence, LicenceKey, Person, SignupItem
from housing_desk.services import audit, lifecycle, permissions, validation, viewing
from housing_desk.services.errors import ValidationError
from housing_desk.services.occupancy import lock_licence as _lock
from housing_desk.services.records import lock_row

SIGNUP_CHECKLIST = [
    ("id_seen", "Her ID and National Insurance number seen"),
    ("licence_signed", "Licence explained to her, signed, and a copy given"),
    ("privacy_notice", "Privacy notice given and explained: what we keep about her and why"),
    ("hb_claim", "Housing Benefit claim made (note its reference)"),
    ("keys_issued", "Keys and fobs issued, each by number"),
    ("inventory_signed", "Inventory and condition of the flat signed"),
    ("meter_readings", "Gas, electricity and water meter readings taken"),
    ("council_tax_utilities", "Council tax and the gas, electricity and water suppliers told"),
    ("alarms_tested", "Smoke and carbon monoxide alarms tested with her"),
    ("certificates_given", "Gas safety record, EICR and EPC given to her"),
    ("fire_safety", "Fire safety induction, and how to report repairs and the out-of-hours number"),
    (
        "emergency_contacts",
        "Emergency contacts and the professionals around her, with consent to share",
    ),
    ("safety_plan", "Her safety plan made with her (people and places to avoid, who to call)"),
    ("keywork_booked", "First keywork session booked"),
]
CHECKLIST_LABELS = dict(SIGNUP_CHECKLIST)
# A woman with no recourse to public funds cannot claim Housing Benefit: no claim is asked of
# her, and the item is how her rent is met instead, explained to her (no reference needed).
NRPF_HB_LABEL = (
    "No Housing Benefit claim (she has no recourse to public funds): how her rent is met "
    "explained to her"
)


def no_recourse(licence: Licence | int) -> bool:
    return bool(
        Person.select(Person.no_recourse_to_public_funds)
        .join(Licence, on=Licence.person == Person.id)
        .where(Licence.id == validation.record_id(licence, Licence, "licence"))
        .scalar()
    )


def checklist_labels(licence: Licence) -> dict[str, str]:
    """Each checklist item's words for this licence's woman."""
    if not no_recourse(licence):
        return dict(CHECKLIST_LABELS)
    return {**CHECKLIST_LABELS, "hb_claim": NRPF_HB_LABEL}


def checklist(actor: User, licence: Licence) -> list[SignupItem]:
    """The sign-up checklist of a licence, in the order of ``SIGNUP_CHECKLIST``, as ``actor``
    may see it (a viewer: without the notes)."""
    viewing.require(actor)
    return viewing.all_as_seen_by(actor, stored_checklist(licence))


def stored_checklist(licence: Licence) -> list[SignupItem]:
    """The checklist as stored, for the services that print it or act on it."""
    items = {i.key: i for i in SignupItem.select().where(SignupItem.licence == licence.id)}
    return [items[key] for key, _label in SIGNUP_CHECKLIST if key in items]


def complete_signup_item(
    actor: User, licence: Licence | int, key: str, *, done: bool = True, note: str = ""
) -> None:
    """Tick (or untick) one sign-up item. The Housing Benefit item needs the claim's reference,
    unless she has no recourse to public funds: then no claim is made, and nothing about a claim
    is recorded on her licence."""
    permissions.require(actor, "allocate")
    validation.record_id(licence, Licence, "licence")
    validation.choice(key, "key", label="Checklist item", choices=tuple(CHECKLIST_LABELS))
    validation.flag(done, "done", label="Done")
    note = validation.text(note, "note", label="Note", column=SignupItem.note, max_length=2000)
    nrpf = key == "hb_claim" and no_recourse(licence)
    if key == "hb_claim" and done and not nrpf:
        if not note:
            raise ValidationError("Enter the Housing Benefit claim reference.", "note")
        # The note is kept as her claim's reference too.
        validation.within(
            note,
            "note",
            label="The Housing Benefit claim reference",
            max_length=Licence.hb_reference.max_length,
        )
    with write_transaction():
        current = _lock(licence)
        if not lifecycle.licence_allows(current.status, "sign_up"):
            raise ValidationError(
                "The sign-up checklist is closed once the licence is active.", None
            )
        SignupItem.update(
            done=done,
            done_on=clock.today() if done else None,
            done_by=actor.id if done else None,
            note=note,
        ).where((SignupItem.licence == current.id) & (SignupItem.key == key)).execute()
        if key == "hb_claim" and not nrpf:
            Licence.update(
                hb_reference=note if done else "", hb_status="claimed" if done else "not_claimed"
            ).where(Licence.id == current.id).execute()
        audit.record(actor, "update", "signup_item", current.id, {"key": key, "done": done})


def activate(actor: User, licence: Licence | int) -> Licence:
    """She has signed up: the licence becomes active. Refused while any checklist item is open."""
    permissions.require(actor, "allocate")
    with write_transaction():
        current = _lock(licence)
        if not lifecycle.licence_allows(current.status, "sign_up"):
            raise ValidationError("Only a licence awaiting sign-up can be activated.", None)
        labels = checklist_labels(current)
        open_items = [labels[i.key] for i in stored_checklist(current) if not i.done]
        if open_items:
            raise ValidationError(
                f"The sign-up checklist is not complete. Still to do: {'; '.join(open_items)}.",
                "checklist",
            )
        Licence.update(
            status="active", activated_on=clock.today(), version=Licence.version + 1
        ).where(Licence.id == current.id).execute()
        audit.record(
            actor, "update", "licence", current.id, {"status": ["pending_signup", "active"]}
        )
    return Licence.get_by_id(current.id)


def add_key(
    actor: User, licence: Licence | int, *, label: str, issued_on: DateGiven = None, notes: str = ""
) -> LicenceKey:
    """Record a key or fob given to her, by its number. During sign-up this ticks "Keys and fobs
    issued, each by number": the key recorded by its number is that item done."""
    permissions.require(actor, "allocate")
    validation.record_id(licence, Licence, "licence")
    label = validation.text(
        label, "label", label="Key or fob", required=True, column=LicenceKey.label
    )
    issued_on = validation.a_date(
        issued_on, "issued_on", label="Date issued", default=clock.today()
    )
    notes = validation.text(notes, "notes", label="Notes", column=LicenceKey.notes, max_length=1000)
    with write_transaction():
        current = _lock(licence)
        if current.status == "ended":
            raise ValidationError("Keys cannot be issued on an ended licence.", None)
        key = LicenceKey.create(licence=current.id, label=label, issued_on=issued_on, notes=notes)
        audit.record(
            actor, "create", "licence_key", key.id, {"licence": current.id, "label": label}
        )
        if lifecycle.licence_allows(current.status, "sign_up"):
            ticked = (
                SignupItem.update(done=True, done_on=clock.today(), done_by=actor.id)
                .where(
                    (SignupItem.licence == current.id)
                    & (SignupItem.key == "keys_issued")
                    & ~SignupItem.done
                )
                .execute()
            )
            if ticked:
                audit.record(
                    actor, "update", "signup_item", current.id, {"key": "keys_issued", "done": True}
                )
    return key


def return_key(actor: User, key: LicenceKey | int, *, returned_on: DateGiven = None) -> LicenceKey:
    permissions.require(actor, "allocate")
    key_id = validation.record_id(key, LicenceKey, "key")
    returned_on = validation.a_date(
        returned_on, "returned_on", label="Date returned", default=clock.today()
    )
    with write_transaction():
        current = lock_row(LicenceKey, key_id, "That key record no longer exists.")
        if returned_on < current.issued_on:
            raise ValidationError("A key cannot come back before it was issued.", "returned_on")
        LicenceKey.update(returned_on=returned_on).where(LicenceKey.id == current.id).execute()
        audit.record(actor, "update", "licence_key", current.id, {"returned_on": returned_on})
    return LicenceKey.get_by_id(current.id)


def keys(actor: User, licence: Licence) -> list[LicenceKey]:
    """The keys and fobs issued under a licence, as ``actor`` may see them."""
    viewing.require(actor)
    return viewing.all_as_seen_by(actor, stored_keys(licence))


def stored_keys(licence: Licence) -> list[LicenceKey]:
    """The keys as stored, for the services that print them or act on them."""
    return list(LicenceKey.select().where(LicenceKey.licence == licence.id).order_by(LicenceKey.id))
