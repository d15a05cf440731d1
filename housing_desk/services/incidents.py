"""Incidents and safeguarding: what happened, how serious, who was told, and a manager's review.

A woman whose details are not to be disclosed is named only in her own record: a list by flat,
the board's panel and the reports say "a resident (confidential)".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from peewee import JOIN

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import Flat, Incident, Person, User
from housing_desk.services import audit, names, permissions, validation, viewing
from housing_desk.services.errors import NotFound, ValidationError
from housing_desk.services.records import lock_row

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from housing_desk.data.models import BaseModel
    from housing_desk.services.validation import DateGiven

KINDS = {
    "exploitation": "Exploitation",
    "cuckooing": "Cuckooing (her home taken over)",
    "domestic_abuse": "Domestic abuse",
    "missing": "Missing",
    "overdose": "Overdose",
    "self_harm": "Self-harm",
    "violence": "Violence",
    "anti_social_behaviour": "Anti-social behaviour",
    "damage": "Damage to the flat",
    "other": "Something else",
}
SEVERITIES = {"low": "Low", "medium": "Medium", "high": "High"}
REFERRED_TO = {
    "marac": "MARAC",
    "adult_safeguarding": "Adult safeguarding",
    "nrm": "National Referral Mechanism",
    "childrens_services": "Children's services",
    "police": "Police",
}
CONFIDENTIAL = "a resident (confidential)"


@dataclass(frozen=True)
class IncidentView:
    """An incident as a list shows it. ``name`` is blank-safe: never a confidential woman's name
    outside her own record; the notes are blank for those who may not read them."""

    incident_id: int
    person_id: int
    name: str
    flat_id: int | None
    flat_reference: str
    occurred_on: date
    kind: str
    severity: str
    description: str
    police_reference: str
    safeguarding_referral: bool
    referred_to: tuple[str, ...]
    follow_up: str
    recorded_by: str
    reviewed_on: date | None
    reviewed_by: str

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def severity_label(self) -> str:
        return SEVERITIES[self.severity]

    @property
    def referred_to_label(self) -> str:
        return ", ".join(REFERRED_TO[key] for key in self.referred_to)


def _referred_to(value: object, referral: bool) -> list[str]:
    if isinstance(value, str) or not hasattr(value, "__iter__"):
        raise ValidationError("Choose whom the safeguarding referral went to.", "referred_to")
    value = list(value)
    if not all(isinstance(key, str) for key in value):
        raise ValidationError("Choose whom the safeguarding referral went to.", "referred_to")
    chosen = [key for key in REFERRED_TO if key in set(value)]
    unknown = [key for key in value if key not in REFERRED_TO]
    if unknown:
        raise ValidationError(f"There is no agency called '{unknown[0]}' here.", "referred_to")
    if chosen and not referral:
        raise ValidationError(
            "Tick that a safeguarding referral was made, or clear whom it went to.",
            "safeguarding_referral",
        )
    return chosen


def record_incident(
    actor: User,
    *,
    person: Person | int,
    occurred_on: DateGiven,
    kind: str,
    description: str,
    flat: Flat | int | None = None,
    severity: str = "medium",
    police_reference: str = "",
    safeguarding_referral: bool = False,
    referred_to: Iterable[str] = (),
    follow_up: str = "",
) -> Incident:
    """Record an incident in her life or at her flat. A high-severity one shows on the board
    until a manager has reviewed it."""
    permissions.require(actor, "record_incidents")
    person_id = validation.record_id(person, Person, "person", label="the woman it is about")
    flat_id = None if flat is None else validation.record_id(flat, Flat, "flat", label="the flat")
    occurred_on = validation.a_date(occurred_on, "occurred_on", label="Date it happened")
    if occurred_on > clock.today():
        raise ValidationError("An incident is recorded once it has happened.", "occurred_on")
    kind = validation.choice(kind, "kind", label="Kind of incident", choices=tuple(KINDS))
    severity = validation.choice(severity, "severity", label="Severity", choices=tuple(SEVERITIES))
    description = validation.text(
        description, "description", label="What happened", required=True, max_length=8000
    )
    police_reference = validation.text(
        police_reference,
        "police_reference",
        label="Police reference",
        column=Incident.police_reference,
        max_length=100,
    )
    safeguarding_referral = validation.flag(
        safeguarding_referral, "safeguarding_referral", label="Safeguarding referral made"
    )
    agencies = _referred_to(referred_to, safeguarding_referral)
    follow_up = validation.text(follow_up, "follow_up", label="Follow-up actions", max_length=4000)
    with write_transaction():
        her = lock_row(Person, person_id, "That person's record no longer exists.")
        if flat_id is not None and Flat.get_or_none(Flat.id == flat_id) is None:
            raise ValidationError("That flat no longer exists.", "flat")
        incident = Incident.create(
            person=her.id,
            flat=flat_id,
            occurred_on=occurred_on,
            kind=kind,
            severity=severity,
            description=description,
            police_reference=police_reference,
            safeguarding_referral=safeguarding_referral,
            referred_to=",".join(agencies),
            follow_up=follow_up,
            recorded_by=actor.id,
        )
        audit.record(
            actor,
            "create",
            "incident",
            incident.id,
            {
                "person": her.id,
                "flat": flat_id,
                "occurred_on": occurred_on,
                "kind": kind,
                "severity": severity,
                "safeguarding_referral": safeguarding_referral,
                "referred_to": agencies,
                "police_reference": "recorded" if police_reference else "",
            },
        )
    return incident


def review_incident(
    actor: User, incident: Incident | int, *, reviewed_on: DateGiven = None, notes: str = ""
) -> Incident:
    """A manager has looked at the incident and what was done; it leaves the board's panel."""
    permissions.require(actor, "review_incidents")
    reviewed_on = validation.a_date(
        clock.today() if reviewed_on is None else reviewed_on, "reviewed_on", label="Date reviewed"
    )
    if reviewed_on > clock.today():
        raise ValidationError("A review is recorded once it is done.", "reviewed_on")
    notes = validation.text(notes, "notes", label="Review notes", max_length=4000)
    with write_transaction():
        current = lock_row(
            Incident,
            validation.record_id(incident, Incident, "incident", label="the incident"),
            "That incident no longer exists.",
        )
        if current.reviewed_on is not None:
            raise ValidationError("This incident has already been reviewed.", None)
        if reviewed_on < current.occurred_on:
            raise ValidationError("The review comes after the incident.", "reviewed_on")
        Incident.update(reviewed_by=actor.id, reviewed_on=reviewed_on, review_notes=notes).where(
            Incident.id == current.id
        ).execute()
        audit.record(
            actor,
            "update",
            "incident",
            current.id,
            {"reviewed_on": reviewed_on, "review_notes": "changed" if notes else ""},
        )
    return Incident.get_by_id(current.id)


def incidents(
    actor: User,
    *,
    person: Person | int | None = None,
    flat: Flat | int | None = None,
    unreviewed_high: bool = False,
) -> list[IncidentView]:
    """Incidents, newest first: hers (named, in her own record), a flat's, or the high-severity
    ones not yet reviewed (for the board). Outside her own record a confidential woman is not
    named; without the right to read notes, what happened is blank."""
    permissions.require(actor, "view")
    reviewer = User.alias()
    query = (
        Incident.select(
            Incident,
            Person.given_name,
            Person.family_name,
            Person.preferred_name,
            Person.do_not_disclose,
            Flat.reference,
            User.full_name,
            reviewer.full_name.alias("reviewer_name"),
        )
        .join(Person, on=(Incident.person == Person.id))
        .switch(Incident)
        .join(Flat, JOIN.LEFT_OUTER, on=(Incident.flat == Flat.id))
        .switch(Incident)
        .join(User, on=(Incident.recorded_by == User.id))
        .switch(Incident)
        .join(reviewer, JOIN.LEFT_OUTER, on=(Incident.reviewed_by == reviewer.id))
    )
    if person is not None:
        query = query.where(Incident.person == _id(person))
    if flat is not None:
        query = query.where(Incident.flat == _id(flat))
    if unreviewed_high:
        query = query.where((Incident.severity == "high") & Incident.reviewed_on.is_null())
    own_record = person is not None
    sensitive = viewing.reads_notes(actor)
    rows = query.order_by(Incident.occurred_on.desc(), Incident.id.desc()).objects()
    return [_view(row, own_record, sensitive) for row in rows]


def _view(row: Any, own_record: bool, sensitive: bool) -> IncidentView:
    if row.do_not_disclose and not own_record:
        name = CONFIDENTIAL
    else:
        name = names.display_name(row.given_name, row.family_name, row.preferred_name)
    return IncidentView(
        incident_id=row.id,
        person_id=row.person_id,
        name=name,
        flat_id=row.flat_id,
        flat_reference=row.reference or "",
        occurred_on=row.occurred_on,
        kind=row.kind,
        severity=row.severity,
        description=row.description if sensitive else "",
        police_reference=row.police_reference if sensitive else "",
        safeguarding_referral=row.safeguarding_referral,
        referred_to=tuple(key for key in row.referred_to.split(",") if key),
        follow_up=row.follow_up if sensitive else "",
        recorded_by=row.full_name,
        reviewed_on=row.reviewed_on,
        reviewed_by=row.reviewer_name or "",
    )


def get_incident(actor: User, incident_id: int) -> Incident:
    """One incident; a viewer reads its kind and date, not what happened."""
    viewing.require(actor)
    incident = Incident.get_or_none(Incident.id == incident_id)
    if incident is None:
        raise NotFound("That incident no longer exists.")
    return viewing.as_seen_by(actor, incident)


def _id(record: BaseModel | int) -> int:
    return record if isinstance(record, int) else record.id
