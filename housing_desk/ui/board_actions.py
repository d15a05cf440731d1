"""What an officer can do from the board for the selected flat: match, offer, move in, notice, move out."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from housing_desk.services import allocations, flats, licence_register, lifecycle, people

# The dialogs are imported when first opened, to keep them off the start-up path.


class FlatActions:
    """Knows the selected flat's offer and licence, and which actions make sense for it."""

    def __init__(self, actor, parent: QWidget):
        self.actor, self.parent = actor, parent
        self.status = None
        self.offer = None
        self.licence = None
        self.started_plan = None  # the support plan started on finishing a move-in

    def select(self, status) -> None:
        self.status = status
        self.offer = (
            allocations.pending_offer_of_flat(self.actor, status.flat_id) if status else None
        )
        self.licence = (
            licence_register.licence_to_act_on(self.actor, status.flat_id) if status else None
        )

    def allowed(self) -> dict[str, bool]:
        return lifecycle.flat_actions(
            self.status.state if self.status else None,
            offer_pending=self.offer is not None,
            licence_status=self.licence.status if self.licence else None,
            compliance=self.status.compliance if self.status else "ok",
            actor=self.actor,
        )

    def _name(self, person_id: int) -> str:
        return people.name_of(self.actor, person_id)

    def match(self):
        from housing_desk.ui.match_dialog import MatchDialog

        return MatchDialog.ask(self.parent, self.actor, flats.get_flat(self.status.flat_id))

    def answer(self):
        """Her answer; when she accepts, her move-in opens at once."""
        from housing_desk.ui.next_steps import answer_offer

        name = self._name(self.offer.referral.person_id)
        answered, wizard = answer_offer(
            self.parent, self.actor, self.offer, name, self.status.reference
        )
        if wizard is not None:
            self.started_plan = wizard.plan
        return answered

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
            wizard = MoveInWizard.run(self.parent, self.actor, flat, licence=self.licence)
        else:
            wizard = MoveInWizard.run(
                self.parent, self.actor, flat, allocations.move_in_choices(self.actor, flat)
            )
        self.started_plan = wizard.plan
        return wizard.licence

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
