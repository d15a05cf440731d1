"""Who may do what. Every service that writes asks here first."""

from __future__ import annotations

from housing_desk.data.models import User
from housing_desk.services.errors import PermissionDenied

# The smallest role that may do each thing; roles are ordered viewer < officer < manager < admin.
_RANK = {"viewer": 0, "officer": 1, "manager": 2, "admin": 3}
_NEEDS = {
    "view": "viewer",
    "view_sensitive": "officer",
    "manage_people": "officer",
    "refer": "officer",
    "assess": "officer",
    "decide_referrals": "manager",
    "allocate": "officer",
    "override_readiness": "manager",
    "correct_records": "manager",
    "print": "officer",
    "plan_support": "officer",
    "keywork": "officer",
    "record_incidents": "officer",
    "review_incidents": "manager",
    "issue_warnings": "officer",
    "manage_settings": "admin",
    "view_audit": "manager",
    "retention": "manager",
    "reports": "manager",
    "export": "manager",
    "import": "manager",
    "manage_flats": "manager",
    "manage_partners": "manager",
    "manage_users": "admin",
}
_WORDS = {
    "view_sensitive": "see notes, assessments or risks",
    "manage_people": "add or change people's records",
    "refer": "record referrals",
    "assess": "record assessments",
    "decide_referrals": "decide referrals",
    "allocate": "offer flats or record licences",
    "override_readiness": "let a flat to a woman not assessed ready",
    "correct_records": "correct an ended licence",
    "print": "print paperwork",
    "plan_support": "write support plans",
    "keywork": "record keywork sessions",
    "record_incidents": "record incidents",
    "review_incidents": "review incidents",
    "issue_warnings": "issue warnings",
    "manage_settings": "change the settings",
    "view_audit": "see the audit log",
    "retention": "anonymise records",
    "reports": "see the reports",
    "export": "export records",
    "import": "import records from a spreadsheet",
    "manage_flats": "change flats, certificates or dates out of use",
    "manage_partners": "change partners",
    "manage_users": "manage accounts",
    "view": "use Housing Desk",
}


def allowed(actor: User | None, action: str) -> bool:
    """Whether ``actor`` may do ``action`` now. The account's role and whether it is active are
    read afresh (one primary-key read), so an account deactivated or demoted by an
    administrator loses its rights at once, not when it next signs in."""
    if actor is None or not _refresh(actor):
        return False
    return _RANK.get(actor.role, -1) >= _RANK[_NEEDS[action]]


def rights(actor: User | None) -> frozenset[str]:
    """Every action ``actor`` may do now, from one read of the account (as ``allowed`` reads it):
    for a window that asks about many actions at once."""
    if actor is None or not _refresh(actor):
        return frozenset()
    rank = _RANK.get(actor.role, -1)
    return frozenset(action for action, role in _NEEDS.items() if rank >= _RANK[role])


def _refresh(actor: User) -> bool:
    """Bring the in-memory account's role and active flag up to date; False if it is gone or
    deactivated."""
    stored = (
        User.select(User.role, User.active)
        .where(User.id == getattr(actor, "id", None))
        .tuples()
        .first()
    )
    if stored is None:
        return False
    actor.role, actor.active = stored
    return bool(actor.active)


def require(actor: User | None, action: str) -> None:
    """Raise PermissionDenied unless ``actor`` may do ``action``."""
    if actor is None:
        raise PermissionDenied("Sign in first.")
    if not allowed(actor, action):
        raise PermissionDenied(f"Your account cannot {_WORDS[action]}. Ask a manager.")
