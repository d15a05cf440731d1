"""An audit row in plain words: "12/03/2026 — Priya Shah — changed her phone number".

The audit log page and her subject access export both read the trail through ``describe`` and
``in_words``. A feature that audits a new kind of record names it in ``RECORDS`` and its fields
in ``FIELDS``; anything not named reads as its field name with spaces. A coded value (a status, a
kind, a reason) reads as the label the rest of the program shows for it (``audit_codes``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from housing_desk.services.audit import AuditEvent

from housing_desk.services import audit_codes

# entity -> (what it is, with an article; what "its" reads as before a field)
RECORDS: dict[str, tuple[str, str]] = {
    "person": ("her record", "her"),
    "referral": ("a referral", "the referral's"),
    "assessment": ("a readiness assessment", "the assessment's"),
    "offer": ("an offer of a flat", "the offer's"),
    "licence": ("a licence", "the licence's"),
    "signup_item": ("a sign-up checklist item", "the checklist item's"),
    "licence_key": ("a key", "the key's"),
    "support_plan": ("a support plan", "the support plan's"),
    "goal": ("a support plan goal", "the goal's"),
    "support_review": ("a review of her support plan", "the review's"),
    "keywork_session": ("a keywork session", "the session's"),
    "incident": ("an incident", "the incident's"),
    "tenancy_warning": ("a warning", "the warning's"),
    "subject_access_request": ("a request for her records", "the request's"),
    "flat": ("a flat", "the flat's"),
    "certificate": ("a certificate", "the certificate's"),
    "unavailability": ("a time a flat is out of use", "its"),
    "partner": ("a partner", "the partner's"),
    "user": ("an account", "the account's"),
    "setting": ("the settings", "the"),
    "report": ("a report", "the report's"),
    "board": ("the availability report", "the report's"),
    "backup": ("a backup", "the backup's"),
    "payment": ("a payment", "the payment's"),
    "charge_change": ("a change of weekly charges", "the change's"),
    "hb_decision": ("a Housing Benefit decision", "the decision's"),
    "hb_evidence": ("a request for Housing Benefit evidence", "the request's"),
    "absence": ("a time away from the flat", "the absence's"),
    "repayment_plan": ("a repayment plan", "the plan's"),
}
FIELDS: dict[str, str] = {
    "her_words": "goal in her words",
    "strengths": "strengths",
    "measure": "how we will know",
    "achieved_on": "date achieved",
    "crisis_triggers": "crisis triggers",
    "crisis_actions": "crisis actions",
    "crisis_contacts": "crisis contacts",
    "consent_to_share": "consent to share",
    "review_notes": "review notes",
    "risk_markers": "risk markers",
    "given_name": "given name",
    "family_name": "family name",
    "preferred_name": "preferred name",
    "date_of_birth": "date of birth",
    "ni_number": "National Insurance number",
    "phone": "phone number",
    "safe_contact": "safe contact",
    "message_ok": "whether a message may be left",
    "do_not_disclose": '"do not disclose" marker',
    "needs_step_free": "step-free need",
    "no_recourse_to_public_funds": "recourse to public funds",
    "areas_to_avoid": "areas to avoid",
    "notes": "notes",
    "keyworker": "keyworker",
    "archived": "archived marker",
    "anonymised": "anonymised marker",
    "hb_reference": "Housing Benefit reference",
    "hb_status": "Housing Benefit claim",
    "decision_notes": "decision notes",
    "move_out_notes": "move-out notes",
    "notice_reason": "notice reason",
    "end_date": "end date",
    "start_date": "start date",
    "served_on": "notice date",
    "received_on": "date received",
    "decided_on": "decision date",
    "due_on": "due date",
    "answered_on": "date answered",
    "risk_to_self": "risk to herself",
    "risk_to_others": "risk to others",
    "risk_from_others": "risk from others",
    "risk_to_tenancy": "risk to the tenancy",
    "target_date": "target date",
    "weekly_rent": "weekly rent",
    "password": "password",
    "correction": "reason for the correction",
    "by": "notice given by",
    "notice_by": "notice given by",
    "support_charge_payer": "support charge's payer",
    "nrpf_rent_payer": "way the rent is met for a woman with no recourse to public funds",
    "start": "first day",
    "end": "last day",
    "offered_on": "date offered",
    "assessed_on": "date assessed",
    "domain": "area",
    "served_how": "how it was served",
}
# Sums of money, written as pounds and pence ("£98.50").
MONEY_FIELDS = frozenset(
    {
        "weekly_rent",
        "eligible_service_charge",
        "ineligible_service_charge",
        "support_charge",
        "amount",
        "weekly_award",
        "weekly_amount",
        "weekly_total",
    }
)
_PENCE = re.compile(r"^-?\d+\.\d{2}$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ACTIONS = {
    "create": "created",
    "delete": "removed",
    "print": "printed",
    "export": "exported",
}
_LOGINS = {"signed in": "signed in", "failed": "tried to sign in", "locked": "was locked out"}


def record_kinds() -> list[tuple[str, str]]:
    """Each kind of record the log can hold and its name for a list ("Flat", "Warning"), in
    alphabetical order of the names."""
    kinds = []
    for entity, (what, _its) in RECORDS.items():
        noun = re.sub(r"^(a|an|the) ", "", what)
        kinds.append(
            (entity, "A woman's record" if entity == "person" else noun[:1].upper() + noun[1:])
        )
    return sorted(kinds, key=lambda kind: kind[1])


def _field(name: str) -> str:
    return FIELDS.get(name, name.replace("_", " ").replace(".", " "))


def _value(value: object) -> str:
    if value is None or value == "":
        return "nothing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        found = _ISO_DATE.match(value)
        if found:
            year, month, day = found.groups()
            return f"{day}/{month}/{year}"
        return value.replace("_", " ")
    if isinstance(value, dict):
        return ", ".join(f"{_field(k)} {_value(v)}" for k, v in value.items())
    return str(value)


def _shown(entity: str, name: str, value: object) -> str:
    """A value as the program shows it: a code by its label, a sum as pounds and pence."""
    label = audit_codes.label(entity, name, value)
    if label is not None:
        return label
    if name in MONEY_FIELDS and isinstance(value, str) and _PENCE.match(value):
        return f"£{Decimal(value):,.2f}"
    return _value(value)


def _change(entity: str, name: str, value: object) -> str:
    if value == "changed":
        return _field(name)
    if isinstance(value, list) and len(value) == 2:
        old, new = _shown(entity, name, value[0]), _shown(entity, name, value[1])
        return f"{_field(name)} from {old} to {new}"
    field = _field(name)
    # "notice given by us", not "notice given by to us"
    joined = " " if field.endswith(" by") else " to "
    return f"{field}{joined}{_shown(entity, name, value)}"


def _printed(event: AuditEvent, document: str, what: str) -> str:
    """ "printed the licence agreement", "made the subject access export" (not "exported the …
    export"), by the names the list of printed documents uses."""
    verb = _ACTIONS[event.action]
    label = audit_codes.label(event.entity, "document", document)
    if label is None:
        return f"{verb} {what}"
    words = f"{label[:1].lower()}{label[1:]}" if label[1:2].islower() else label
    if words.endswith(f" {event.action}"):
        verb = "made"
    return f"{verb} the {words}"


def _coded(entity: str, what: str, changes: dict) -> str:
    """A new record's coded values in words: ": kind Gas safety record", or ": Confirmed" where
    the record already names the field ("a Housing Benefit decision"); "" when it has none."""
    parts = [
        label if what.endswith(f" {_field(name)}") else f"{_field(name)} {label}"
        for name, value in changes.items()
        if (label := audit_codes.label(entity, name, value)) is not None
    ]
    return f": {', '.join(parts)}" if parts else ""


def _joined(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def describe(event: AuditEvent) -> str:
    """What happened, in words, without when or who: "changed her phone number and notes"."""
    what, its = RECORDS.get(event.entity, (f"a {event.entity.replace('_', ' ')}", "its"))
    changes = event.changes or {}
    if event.action == "view":
        return f"looked at {what}"
    if event.action == "login":
        return _LOGINS.get(changes.get("result", ""), "signed in")
    if event.action in ("print", "export"):
        document = changes.get("document", "")
        return _printed(event, document, what)
    if event.action == "create":
        return f"created {what}{_coded(event.entity, what, changes)}"
    if event.action in _ACTIONS:
        return f"{_ACTIONS[event.action]} {what}"
    if event.entity == "signup_item" and "key" in changes:
        key = changes["key"]
        label = audit_codes.label("signup_item", "key", key) or _value(key)
        ticked = "ticked" if changes.get("done", True) else "unticked"
        return f"{ticked} the sign-up checklist item “{label}”"
    # a value left blank says nothing worth reading ("reason to nothing")
    parts = [
        _change(event.entity, name, value)
        for name, value in changes.items()
        if value not in ("", None)
    ]
    if not parts:
        return f"changed {what}"
    if event.entity == "person":
        return f"changed her {_joined(parts)}"
    return f"changed {its} {_joined(parts)}"


def in_words(event: AuditEvent) -> str:
    """One line of the trail: "12/03/2026 — Priya Shah — changed her phone number"."""
    local = event.at.astimezone()
    who = getattr(event, "actor_name", "") or event.actor or "Housing Desk"
    return f"{local.day:02d}/{local.month:02d}/{local.year:04d} — {who} — {describe(event)}"
