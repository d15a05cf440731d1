"""Steps of the journey that lead straight into the next, the record already chosen: a new woman's
details into her referral; her answer to an offer, when she accepts, into her move-in. Cancel in
the next window leaves that step for another day."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from housing_desk.services import allocations, flats, permissions


def answer_offer(parent: QWidget, actor, offer, name: str, reference: str):
    """Her answer, then her move-in when she accepted. Returns (the answered offer or None when
    cancelled, the move-in wizard or None)."""
    from housing_desk.ui.tenancy_dialogs import OfferAnswerDialog

    answered = OfferAnswerDialog.ask(parent, actor, offer, name, reference)
    if answered is None or answered.status != "accepted":
        return answered, None
    return answered, move_in(parent, actor, answered.flat_id)


def move_in(parent: QWidget, actor, flat_id: int):
    """The move-in wizard for a flat, the woman who accepted it first in its list."""
    from housing_desk.ui.move_in_wizard import MoveInWizard

    flat = flats.get_flat(flat_id)
    return MoveInWizard.run(parent, actor, flat, allocations.move_in_choices(actor, flat))


def new_woman_referred(parent: QWidget, actor):
    """A woman new to the team: her details, then her referral's window at once, with her chosen
    (Cancel there leaves her on file without one). Returns her record, or None when cancelled."""
    from housing_desk.ui.person_dialog import PersonDialog
    from housing_desk.ui.referral_dialogs import ReferralDialog

    person = PersonDialog.ask(parent, actor)
    if person is not None and permissions.allowed(actor, "refer"):
        ReferralDialog.ask(parent, actor, person)
    return person
