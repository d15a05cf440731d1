"""A new referral, and the decision on it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from housing_desk import clock
from housing_desk.services import referrals
from housing_desk.ui import dates
from housing_desk.ui.form_dialog import FormDialog

DECISION_LABELS = {
    "accepted": "Accept onto the waiting list",
    "declined": "Decline",
    "withdrawn": "Withdrawn",
}


class ReferralDialog(FormDialog):
    FORM = "referral_dialog"
    TITLE = "New referral"

    def __init__(self, actor, person, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.person = actor, person
        ui = self.ui
        ui.introLabel.setText(f"Referral of {person.display_name} for a flat.")
        for key, label in referrals.SOURCES.items():
            ui.sourceCombo.addItem(label, key)
        for key, label in referrals.PRIORITIES.items():
            ui.priorityCombo.addItem(label, key)
        ui.priorityCombo.setCurrentIndex(ui.priorityCombo.findData(3))
        dates.set_date(ui.receivedEdit, clock.today())
        self.resize(500, self.sizeHint().height())

    def field_widgets(self):
        ui = self.ui
        return {
            "received_on": ui.receivedEdit,
            "source": ui.sourceCombo,
            "referrer": ui.referrerEdit,
            "referrer_organisation": ui.organisationEdit,
            "priority": ui.priorityCombo,
            "notes": ui.notesEdit,
        }

    def save(self):
        ui = self.ui
        return referrals.create_referral(
            self.actor,
            self.person,
            received_on=dates.get_date(ui.receivedEdit),
            source=ui.sourceCombo.currentData(),
            referrer=ui.referrerEdit.text(),
            referrer_organisation=ui.organisationEdit.text(),
            priority=ui.priorityCombo.currentData(),
            notes=ui.notesEdit.toPlainText(),
        )


class DecisionDialog(FormDialog):
    FORM = "decision_dialog"
    TITLE = "Decide referral"

    def __init__(self, actor, referral, person, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.referral = actor, referral
        ui = self.ui
        ui.introLabel.setText(
            f"Referral of {person.display_name}, received {dates.uk(referral.received_on)} "
            f"from {referrals.SOURCES[referral.source].lower()}."
        )
        for key, label in DECISION_LABELS.items():
            ui.decisionCombo.addItem(label, key)
        ui.decisionCombo.currentIndexChanged.connect(self._reasons)
        dates.set_date(ui.decidedEdit, clock.today())
        self._reasons()
        self.resize(480, self.sizeHint().height())

    def field_widgets(self):
        ui = self.ui
        return {
            "decision": ui.decisionCombo,
            "reason": ui.reasonCombo,
            "decided_on": ui.decidedEdit,
            "notes": ui.notesEdit,
        }

    def _reasons(self, *_args) -> None:
        combo = self.ui.reasonCombo
        combo.clear()
        reasons = referrals.REASONS.get(self.ui.decisionCombo.currentData())
        combo.setEnabled(bool(reasons))
        if reasons:
            combo.addItem("Choose a reason…", "")
            for key, label in reasons.items():
                combo.addItem(label, key)
        else:
            combo.addItem("No reason needed", "")

    def save(self):
        ui = self.ui
        return referrals.decide(
            self.actor,
            self.referral,
            decision=ui.decisionCombo.currentData(),
            reason=ui.reasonCombo.currentData() or "",
            notes=ui.notesEdit.toPlainText(),
            decided_on=dates.get_date(ui.decidedEdit),
        )
