"""Referrals: received, assessed, then accepted onto the waiting list, declined or withdrawn."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from housing_desk.data.models import User
    from housing_desk.services.validation import DateGiven

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import Person, Referral
from housing_desk.data.rows import first
from housing_desk.services import audit, permissions, validation, viewing
from housing_desk.services.errors import NotFound, ValidationError
from housing_desk.services.records import lock_row

SOURCES = {
    "street_outreach": "Street outreach team",
    "police_outreach": "Police outreach sessions",
    "self": "Self-referral",
    "other_agency": "Another agency",
}
PRIORITIES = {1: "Urgent", 2: "High", 3: "Standard"}
STATUSES = ("received", "assessing", "accepted", "declined", "withdrawn", "housed", "closed")
OPEN_STATUSES = ("received", "assessing", "accepted")
UNDECIDED = ("received", "assessing")
DECISIONS = ("accepted", "declined", "withdrawn")
REASONS = {
    "declined": {
        "needs_more_support": "Needs more support than we offer",
        "risk_to_others": "Risk to others",
        "no_local_connection": "No local connection",
        "other": "Other",
    },
    "withdrawn": {
        "disengaged": "Disengaged",
        "housed_elsewhere": "Housed elsewhere",
        "moved_away": "Moved away",
        "other": "Other",
    },
}
CLOSE_REASONS = REASONS["withdrawn"]
_ALIASES = {"accept": "accepted", "decline": "declined", "withdraw": "withdrawn"}


def _person(person_id: int) -> Person:
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise NotFound("That person's record no longer exists.")
    return person


def _lock(referral_id: int) -> Referral:
    return lock_row(Referral, referral_id, "That referral no longer exists.")


def open_referral(actor: User, person: Person | int) -> Referral | None:
    """Her referral that is received, being assessed or accepted, if there is one, as ``actor``
    may see it (a viewer: without its notes)."""
    viewing.require(actor)
    return viewing.as_seen_by(actor, current_open(person if isinstance(person, int) else person.id))


def current_open(person_id: int) -> Referral | None:
    """Her open referral as stored, for the services that change it (never shown as it is)."""
    return first(
        Referral.select()
        .where((Referral.person == person_id) & Referral.status.in_(OPEN_STATUSES))
        .order_by(Referral.received_on.desc())
    )


def create_referral(
    actor: User,
    person: Person | int,
    *,
    received_on: DateGiven,
    source: str,
    referrer: str = "",
    notes: str = "",
    referrer_organisation: str = "",
    priority: int = 3,
) -> Referral:
    """Record a referral. A woman has at most one open referral at a time."""
    permissions.require(actor, "refer")
    person_id = validation.record_id(person, Person, "person", label="the woman referred")
    received_on = validation.a_date(received_on, "received_on", label="Date received")
    if received_on > clock.today():
        raise ValidationError("The date received cannot be in the future.", "received_on")
    source = validation.choice(source, "source", label="Source", choices=tuple(SOURCES))
    referrer = validation.text(referrer, "referrer", label="Referrer", column=Referral.referrer)
    organisation = validation.text(
        referrer_organisation,
        "referrer_organisation",
        label="Organisation",
        column=Referral.referrer_organisation,
    )
    priority = validation.choice(priority, "priority", label="Priority", choices=tuple(PRIORITIES))
    notes = validation.text(notes, "notes", label="Notes", column=Referral.notes, strip=False)
    with write_transaction():
        person = _person(person_id)
        if person.archived:
            raise ValidationError("Her record is archived: restore it before referring her.", None)
        if current_open(person.id) is not None:
            raise ValidationError(
                "She already has an open referral. Decide or close it first.", None
            )
        referral = Referral.create(
            person=person.id,
            received_on=received_on,
            source=source,
            referrer=referrer,
            referrer_organisation=organisation,
            priority=priority,
            notes=notes,
        )
        audit.record(
            actor,
            "create",
            "referral",
            referral.id,
            {
                "person": person.id,
                "received_on": received_on,
                "source": source,
                "priority": priority,
            },
        )
    return referral


def decide(
    actor: User,
    referral: Referral | int,
    *,
    decision: str,
    reason: str = "",
    notes: str = "",
    decided_on: DateGiven = None,
) -> Referral:
    """Accept her onto the waiting list, or decline or withdraw the referral, with a reason.

    ``reason`` is one of ``REASONS[decision]``; any other text is kept as the
    notes of an 'other' reason. Only a referral still received or being assessed can be decided.
    """
    permissions.require(actor, "decide_referrals")
    referral_id = validation.record_id(referral, Referral, "referral")
    if isinstance(decision, str):
        decision = _ALIASES.get(decision, decision)
    decision = validation.choice(decision, "decision", label="Decision", choices=DECISIONS)
    decided_on = validation.a_date(
        decided_on, "decided_on", label="Decision date", default=clock.today()
    )
    reason = validation.text(reason, "reason", label="Reason", max_length=2000)
    notes = validation.text(notes, "notes", label="Notes", max_length=4000)
    if decision in REASONS:
        if not reason:
            raise ValidationError("Give the reason for this decision.", "reason")
        if reason not in REASONS[decision]:
            notes = f"{reason}\n{notes}".strip() if notes else reason
            reason = "other"
    with write_transaction():
        current = _lock(referral_id)
        if current.status not in UNDECIDED:
            raise ValidationError(
                f"This referral was already {current.status} and cannot be decided again.",
                "decision",
            )
        if decided_on < current.received_on:
            raise ValidationError(
                "The decision cannot come before the referral was received.", "decided_on"
            )
        Referral.update(
            status=decision,
            decision_reason=reason,
            decision_notes=notes,
            decided_by=actor.id,
            decided_on=decided_on,
            closed_on=None if decision == "accepted" else decided_on,
            version=Referral.version + 1,
        ).where(Referral.id == current.id).execute()
        audit.record(
            actor,
            "update",
            "referral",
            current.id,
            {
                "status": [current.status, decision],
                "reason": reason,
                "decided_on": decided_on,
            },
        )
    return Referral.get_by_id(current.id)


def close(
    actor: User,
    referral: Referral | int,
    *,
    reason: str,
    notes: str = "",
    closed_on: DateGiven = None,
) -> Referral:
    """Take an accepted referral off the waiting list (she moved away, was housed elsewhere…)."""
    permissions.require(actor, "decide_referrals")
    referral_id = validation.record_id(referral, Referral, "referral")
    closed_on = validation.a_date(
        closed_on, "closed_on", label="Date closed", default=clock.today()
    )
    reason = validation.choice(reason, "reason", label="Reason", choices=tuple(CLOSE_REASONS))
    notes = validation.text(notes, "notes", label="Notes", max_length=4000)
    with write_transaction():
        current = _lock(referral_id)
        if current.status != "accepted":
            raise ValidationError("Only a referral on the waiting list can be closed.", None)
        Referral.update(
            status="closed",
            closed_on=closed_on,
            decision_reason=reason,
            decision_notes=notes,
            version=Referral.version + 1,
        ).where(Referral.id == current.id).execute()
        audit.record(
            actor,
            "update",
            "referral",
            current.id,
            {"status": ["accepted", "closed"], "reason": reason},
        )
    return Referral.get_by_id(current.id)


def mark_assessing(referral_id: int) -> None:
    """An assessment has been recorded: a received referral is now being assessed (same transaction)."""
    Referral.update(status="assessing").where(
        (Referral.id == referral_id) & (Referral.status == "received")
    ).execute()


def for_person(actor: User, person: Person) -> list[Referral]:
    """Her referrals, newest first; for someone who may not see sensitive details (a viewer), the
    notes and decision notes come back blank."""
    viewing.require(actor)
    return viewing.all_as_seen_by(
        actor,
        Referral.select()
        .where(Referral.person == getattr(person, "id", person))
        .order_by(Referral.received_on.desc(), Referral.id.desc()),
    )


def reason_label(referral: Referral, actor: User | None = None) -> str:
    """The decision's reason in words; the first line of the notes for 'other' only for an
    ``actor`` who may see sensitive details (none given: the plain label)."""
    return reason_text(
        referral.status,
        referral.decision_reason,
        referral.decision_notes,
        show_notes=permissions.allowed(actor, "view_sensitive"),
    )


def reason_text(status: str, reason: str, notes: str, *, show_notes: bool = False) -> str:
    """The reason in plain words; for 'other', the first line of what was written when
    ``show_notes`` (never for a viewer: decision notes are sensitive)."""
    if reason == "other" and notes and show_notes:
        return notes.splitlines()[0]
    labels = {**REASONS.get(status, {}), **(CLOSE_REASONS if status == "closed" else {})}
    return labels.get(reason, reason)


STATUS_LABELS = {
    "received": "Received",
    "assessing": "Being assessed",
    "accepted": "Accepted (waiting)",
    "declined": "Declined",
    "withdrawn": "Withdrawn",
    "housed": "Housed",
    "closed": "Closed",
}
