"""What a reader may see of a woman's records: the viewer rules, written once for every read.

Every service that returns something of hers takes the acting user and passes what it read
through here. A viewer (the role that may look but not work with her) reads no notes, risks,
decision notes, evidence or summaries; a read made with no signed-in user at all (a shared
screen, a report) reads none of them either and names no woman whose details are not to be
disclosed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from housing_desk.data.models import Licence, Person, User
from housing_desk.services import audit, names, permissions

T = TypeVar("T")

# The columns of her records that only a role with 'view_sensitive' reads, by table.
HIDDEN: dict[str, tuple[str, ...]] = {
    "person": ("notes", "safe_contact"),
    "referral": ("notes", "decision_notes"),
    "assessment": (
        "risk_to_self_notes",
        "risk_to_others_notes",
        "risk_from_others_notes",
        "risk_to_tenancy_notes",
        "tool_scores",
        "notes",
    ),
    "assessment_score": ("evidence",),
    "offer": ("notes",),
    "licence": ("notice_reason", "readiness_override", "destination", "move_out_notes"),
    "signup_item": ("note",),
    "licence_key": ("notes",),
    "support_plan": (
        "risk_to_self",
        "risk_to_others",
        "risk_from_others",
        "risk_to_tenancy",
        "crisis_triggers",
        "crisis_actions",
        "crisis_contacts",
        "consent_to_share",
    ),
    "goal": ("her_words", "strengths", "outcome"),
    "hb_decision": ("notes",),
    "subject_access_request": ("notes",),
    "keywork_session": ("summary",),
    "incident": ("description", "police_reference", "follow_up", "review_notes"),
    "tenancy_warning": ("reason",),
    "support_review": ("attended", "summary"),
}


def reads_notes(actor: User | None) -> bool:
    """Whether ``actor`` reads her notes, risks and the like (no one does without signing in)."""
    return actor is not None and permissions.allowed(actor, "view_sensitive")


def require(actor: User | None) -> None:
    """Refuse a read of her records to anyone not signed in with an active account."""
    permissions.require(actor, "view")


def as_seen_by(actor: User | None, record: T) -> T:
    """``record`` (a row read from the database) with what ``actor`` may not read blanked.

    The row is the caller's own copy: nothing is written back.
    """
    if record is None or reads_notes(actor):
        return record
    return _blank(record)


def all_as_seen_by(actor: User | None, records: Iterable[T]) -> list[T]:
    """Each of ``records`` as ``actor`` may see it (one check of the account for the lot)."""
    rows = list(records)
    if reads_notes(actor):
        return rows
    return [_blank(row) for row in rows]


def _blank(record: T) -> T:
    meta = getattr(record, "_meta", None)
    for column in HIDDEN.get(getattr(meta, "table_name", ""), ()):
        if getattr(record, column, None):
            setattr(record, column, "")
    return record


def name_for(actor: User | None, given: str, family: str, preferred: str, hidden: bool) -> str:
    """Her name for ``actor``: the team reads it; a read with no one signed in (the board on a
    shared screen) never names a woman whose details are not to be disclosed."""
    if actor is None:
        return names.board_name(given, family, preferred, hidden)
    return names.display_name(given, family, preferred)


def with_her_record(actor: User, licence: Licence) -> Licence:
    """``licence`` as ``actor`` may see it, carrying her own record as ``actor`` may see it.
    Reading in full the record of a woman whose details are not to be disclosed is recorded in
    the audit log (action 'view')."""
    person = Person.get_by_id(licence.person_id)
    if person.do_not_disclose:
        audit.viewed(actor, person)
    licence.person = as_seen_by(actor, person)
    return as_seen_by(actor, licence)
