"""Which actions a licence's or a flat's state allows: the one place the rules and the window
agree on. The services refuse what is not allowed here; the window asks here which buttons to
offer, rather than repeating the rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from housing_desk.data.models import Licence, User

from housing_desk.services import permissions

# A licence's status -> what may be done with it next.
LICENCE_ACTIONS: dict[str, tuple[str, ...]] = {
    "sign_up": ("pending_signup",),  # the checklist, keys and activating it
    "notice": ("active",),
    "move_out": ("active", "notice"),
}

# A flat's state on the board -> what may be done with it next (and while a licence is pending
# sign-up, moving in finishes that sign-up).
FLAT_STATES_TO_MATCH = ("available", "notice")  # no offer pending either
FLAT_STATES_TO_MOVE_IN = ("available", "offered")


def licence_allows(status: str, action: str) -> bool:
    """Whether a licence in ``status`` allows ``action`` (a key of ``LICENCE_ACTIONS``)."""
    return status in LICENCE_ACTIONS[action]


def allowed_actions(licence: Licence, actor: User | None = None) -> dict[str, bool]:
    """Each action of ``LICENCE_ACTIONS`` and whether this licence allows it now (and, when
    ``actor`` is given, whether her role may do it)."""
    can = actor is None or permissions.allowed(actor, "allocate")
    return {
        action: can and licence.status in statuses for action, statuses in LICENCE_ACTIONS.items()
    }


def flat_actions(
    state: str | None,
    *,
    offer_pending: bool,
    licence_status: str | None,
    compliance: str = "ok",
    actor: User | None = None,
) -> dict[str, bool]:
    """What the board may offer for a flat in ``state`` (None: nothing selected). A flat whose
    compliance is ``expired`` cannot be offered or let (a pending sign-up can still finish)."""
    can = actor is None or permissions.allowed(actor, "allocate")
    lettable = state is not None and compliance != "expired"
    return {
        "match": can and lettable and state in FLAT_STATES_TO_MATCH and not offer_pending,
        "answer": can and offer_pending,
        "withdraw": can and offer_pending,
        "move_in": can
        and ((lettable and state in FLAT_STATES_TO_MOVE_IN) or licence_status == "pending_signup"),
        "notice": can and licence_status is not None and licence_allows(licence_status, "notice"),
        "move_out": can
        and licence_status is not None
        and licence_allows(licence_status, "move_out"),
    }
