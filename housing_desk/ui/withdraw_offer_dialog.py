"""Taking back an offer, or recording that it lapsed, so neither the flat nor she waits in limbo."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from housing_desk.services import allocations
from housing_desk.ui import dates
from housing_desk.ui.form_dialog import FormDialog

HOW = (
    (False, "We are taking the offer back"),
    (True, "She did not answer in time: the offer lapsed"),
)


class WithdrawOfferDialog(FormDialog):
    FORM = "withdraw_offer_dialog"
    TITLE = "Withdraw the offer"

    def __init__(self, actor, offer, name: str, reference: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.offer = actor, offer
        ui = self.ui
        ui.introLabel.setText(
            f"The offer of flat {reference} to {name}, made {dates.uk(offer.offered_on)}. "
            "Once withdrawn, the flat can be offered again and she stays on the waiting list."
        )
        for expired, label in HOW:
            ui.howCombo.addItem(label, expired)
        self.ok_button().setText("Withdraw offer")

    def field_widgets(self):
        return {"reason": self.ui.reasonEdit, "expired": self.ui.howCombo}

    def save(self):
        return allocations.withdraw_offer(
            self.actor,
            self.offer,
            reason=self.ui.reasonEdit.toPlainText(),
            expired=self.ui.howCombo.currentData(),
        )
