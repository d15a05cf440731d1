"""What an officer can do from the board for the selected flat: match, offer, move in, notice, move out."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from housing_desk.services import allocations, flats, licence_register, people, permissions

# The dialogs are imported when first opened, to keep them off the start-up path.


class FlatActions:
    """Knows the selected flat's offer and licence, and which actions make sense for it."""

    def __init__(self, actor, parent: QWidget):
        self.actor, self.parent = actor, parent
        self.status = None
        self.offer = None
        self.licence = None

    def select(self, status) -> None:
        self.status = status
        self.offer = allocations.pending_offer_of_flat(status.flat_id) if status else None
        self.licence = licence_register.current_licence_of_flat(status.flat_id) if status else None

    def allowed(self) -> dict[str, bool]:
        can = permissions.allowed(self.actor, "allocate")
        state = self.status.state if self.status else None
        licence_status = self.licence.status if self.licence else None
        lettable = self.status is not None and self.status.compliance != "expired"
        return {
            "match": can and lettable and state in ("available", "notice") and self.offer is None,
            "answer": can and self.offer is not None,
            "withdraw": can and self.offer is not None,
            "move_in": can
            and (
                (lettable and state in ("available", "offered"))
                or licence_status == "pending_signup"
            ),
            "notice": can and licence_status == "active",
            "move_out": can and licence_status in ("active", "notice"),
        }

    def _name(self, person_id: int) -> str:
        return people.name_of(self.actor, person_id)

    def match(self):
        from housing_desk.ui.match_dialog import MatchDialog

        return MatchDialog.ask(self.parent, self.actor, flats.get_flat(self.status.flat_id))

    def answer(self):
        from housing_desk.ui.tenancy_dialogs import OfferAnswerDialog

        name = self._name(self.offer.referral.person_id)
        return OfferAnswerDialog.ask(
            self.parent, self.actor, self.offer, name, self.status.reference
        )

    def withdraw(self):
        from housing_desk.ui.withdraw_offer_dialog import WithdrawOfferDialog

        name = self._name(self.offer.referral.person_id)
        return WithdrawOfferDialog.ask(
            self.parent, self.actor, self.offer, name, self.status.reference
        )

    def move_in(self):
        from housing_desk.ui.move_in_wizard import MoveInWizard

        flat = flats.get_flat(self.status.flat_id)
        if self.licence is not None and self.licence.status == "pending_signup":
            return MoveInWizard.ask(self.parent, self.actor, flat, licence=self.licence)
        return MoveInWizard.ask(self.parent, self.actor, flat, allocations.move_in_choices(flat))

    def notice(self):
        from housing_desk.ui.tenancy_dialogs import NoticeDialog

        return NoticeDialog.ask(
            self.parent, self.actor, self.licence, self._name(self.licence.person_id)
        )

    def move_out(self):
        from housing_desk.ui.tenancy_dialogs import MoveOutDialog

        return MoveOutDialog.ask(
            self.parent, self.actor, self.licence, self._name(self.licence.person_id)
        )


def licence_actions_for(actor, licence) -> dict[str, bool]:
    can = permissions.allowed(actor, "allocate")
    return {
        "sign_up": can and licence.status == "pending_signup",
        "notice": can and licence.status == "active",
        "move_out": can and licence.status in ("active", "notice"),
    }
