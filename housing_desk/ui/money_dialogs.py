"""Dialogs for her account: a payment, a correction, the council's decision on her claim, a
repayment plan, evidence asked for, an absence, and a date."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from housing_desk import clock
from housing_desk.services import accounts, arrears, housing_benefit, licences
from housing_desk.ui import dates
from housing_desk.ui.field_errors import FieldErrors
from housing_desk.ui.form_dialog import FormDialog


class PaymentDialog(FormDialog):
    FORM = "payment_dialog"
    TITLE = "Record a payment"

    def __init__(self, actor, licence, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.licence = actor, licence
        dates.set_date(self.ui.receivedEdit, clock.today())
        for key, label in accounts.SOURCES.items():
            self.ui.sourceCombo.addItem(label, key)

    def field_widgets(self):
        ui = self.ui
        return {
            "received_on": ui.receivedEdit,
            "amount": ui.amountEdit,
            "source": ui.sourceCombo,
            "reference": ui.referenceEdit,
        }

    def save(self):
        ui = self.ui
        return accounts.record_payment(
            self.actor,
            self.licence,
            received_on=dates.get_date(ui.receivedEdit),
            amount=ui.amountEdit.text(),
            source=ui.sourceCombo.currentData(),
            reference=ui.referenceEdit.text(),
        )


class ReversePaymentDialog(FormDialog):
    FORM = "reverse_payment_dialog"
    TITLE = "Correct a payment"

    def __init__(self, actor, payment, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.payment = actor, payment
        source = accounts.SOURCES.get(payment.source, payment.source)
        self.ui.introLabel.setText(
            f"Reverse the payment of £{payment.amount:,.2f} ({source}) received "
            f"{dates.uk(payment.received_on)}. {self.ui.introLabel.text()}"
        )
        dates.set_date(self.ui.reversedEdit, clock.today())

    def field_widgets(self):
        return {"reversed_on": self.ui.reversedEdit, "reason": self.ui.reasonEdit}

    def save(self):
        return accounts.reverse_payment(
            self.actor,
            self.payment,
            reversed_on=dates.get_date(self.ui.reversedEdit),
            reason=self.ui.reasonEdit.text(),
        )


class HousingBenefitDecisionDialog(FormDialog):
    FORM = "hb_decision_dialog"
    TITLE = "Housing Benefit decision"

    def __init__(self, actor, licence, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.licence = actor, licence
        ui = self.ui
        for key, label in housing_benefit.DECISIONS.items():
            ui.decisionCombo.addItem(label, key)
        dates.set_date(ui.decidedEdit, clock.today())
        dates.set_date(ui.awardFromEdit, licence.start_date)
        ui.awardEdit.setPlaceholderText(
            f"Her eligible charges are £{housing_benefit.shortfall(actor, licence).eligible:,.2f} a week"
        )
        ui.decisionCombo.currentIndexChanged.connect(self._confirmed)
        self._confirmed()

    def _confirmed(self, *_args) -> None:
        confirmed = self.ui.decisionCombo.currentData() == "confirmed"
        self.ui.awardEdit.setEnabled(confirmed)
        if confirmed:
            dates.set_date(self.ui.awardFromEdit, self.licence.start_date)
        else:
            dates.set_date(self.ui.awardFromEdit, dates.get_date(self.ui.decidedEdit))

    def field_widgets(self):
        ui = self.ui
        return {
            "decision": ui.decisionCombo,
            "decided_on": ui.decidedEdit,
            "weekly_award": ui.awardEdit,
            "award_from": ui.awardFromEdit,
            "notes": ui.notesEdit,
        }

    def save(self):
        ui = self.ui
        confirmed = ui.decisionCombo.currentData() == "confirmed"
        return licences.record_hb_decision(
            self.actor,
            self.licence,
            decision=ui.decisionCombo.currentData(),
            decided_on=dates.get_date(ui.decidedEdit),
            weekly_award=ui.awardEdit.text() if confirmed else None,
            award_from=dates.get_date(ui.awardFromEdit),
            notes=ui.notesEdit.toPlainText(),
        )


class RepaymentPlanDialog(FormDialog):
    FORM = "repayment_plan_dialog"
    TITLE = "Repayment plan"

    def __init__(self, actor, licence, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.licence = actor, licence
        dates.set_date(self.ui.startEdit, clock.today())
        plan = arrears.repayment_plan(actor, licence)
        if plan is not None:
            self.ui.introLabel.setText(
                f"{self.ui.introLabel.text()} The plan now in force is £{plan.weekly_amount:,.2f} "
                f"a week from {dates.uk(plan.start_on)}; a new plan replaces it."
            )

    def field_widgets(self):
        return {"weekly_amount": self.ui.amountEdit, "start_on": self.ui.startEdit}

    def save(self):
        return arrears.set_repayment_plan(
            self.actor,
            self.licence,
            weekly_amount=self.ui.amountEdit.text(),
            start_on=dates.get_date(self.ui.startEdit),
        )


class EvidenceDialog(FormDialog):
    FORM = "evidence_dialog"
    TITLE = "Evidence asked for"

    def __init__(self, actor, licence, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.licence = actor, licence
        dates.set_date(self.ui.requestedEdit, clock.today())

    def field_widgets(self):
        return {"requested_on": self.ui.requestedEdit, "what": self.ui.whatEdit}

    def save(self):
        return housing_benefit.request_evidence(
            self.actor,
            self.licence,
            requested_on=dates.get_date(self.ui.requestedEdit),
            what=self.ui.whatEdit.text(),
        )


class AbsenceDialog(FormDialog):
    FORM = "absence_dialog"
    TITLE = "Away from the flat"

    def __init__(self, actor, licence, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.licence = actor, licence
        dates.set_date(self.ui.startEdit, clock.today())
        for key, label in housing_benefit.ABSENCE_REASONS.items():
            self.ui.reasonCombo.addItem(label, key)

    def field_widgets(self):
        return {"start": self.ui.startEdit, "reason": self.ui.reasonCombo}

    def save(self):
        return housing_benefit.record_absence(
            self.actor,
            self.licence,
            start=dates.get_date(self.ui.startEdit),
            reason=self.ui.reasonCombo.currentData(),
        )


class DateDialog(FormDialog):
    """One date and one service call: 'she is back', 'the evidence went in', 'we chased it'."""

    FORM = "date_dialog"

    def __init__(self, title: str, intro: str, field: str, save, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.ui.introLabel.setText(intro)
        self._save = save
        self.errors = FieldErrors({field: self.ui.dateEdit}, self.ui.errorLabel)
        dates.set_date(self.ui.dateEdit, clock.today())

    def save(self):
        return self._save(dates.get_date(self.ui.dateEdit))
