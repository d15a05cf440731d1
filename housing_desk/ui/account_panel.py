"""Her account on the licence's page: what is owed, the statement line by line, and what can be
done about it (a payment, a correction, the council's decision, a plan, a letter)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QMenu, QWidget

from housing_desk.services import (
    accounts,
    agreement_wording,
    arrears,
    housing_benefit,
    licences,
    paperwork,
    permissions,
    settings,
)
from housing_desk.ui import dates, forms
from housing_desk.ui.money_dialogs import (
    AbsenceDialog,
    DateDialog,
    EvidenceDialog,
    HousingBenefitDecisionDialog,
    PaymentDialog,
    RepaymentPlanDialog,
    ReversePaymentDialog,
)
from housing_desk.ui.operations import Operation
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table

STATEMENT_COLUMNS = (
    Column("Date", lambda line: dates.uk(line.on), sort_key=lambda line: line.on),
    Column("What", lambda line: line.description),
    Column("Charge", lambda line: arrears.pounds(line.charge), align_right=True),
    Column("Paid", lambda line: arrears.pounds(line.payment), align_right=True),
    Column("Balance", lambda line: arrears.pounds(line.balance), align_right=True),
)


def summary(actor, licence) -> str:
    """Her account in a few plain lines, for the panel and the move-out dialog."""
    account = arrears.statement(licence, actor=actor)
    balance = f"<b>Balance: {arrears.owed_words(account.balance)}</b>"
    her_share = f"her own share: {arrears.owed_words(account.her_balance)}"
    charges = f"Charges £{accounts.weekly_charge(licence):,.2f} a week."
    claims = not agreement_wording.no_recourse(licence)
    if claims:
        gap = housing_benefit.shortfall(actor, licence)
        claim = licences.HB_STATUSES.get(licence.hb_status, licence.hb_status)
        lines = [
            f"{balance} · {her_share} · awaiting Housing Benefit: "
            f"{arrears.owed_words(account.hb_balance)}",
            f"{charges} Housing Benefit: {claim}"
            + (
                "."
                if gap.award is None
                else f", £{gap.award:,.2f} a week, which covers the eligible charges in full."
                if not gap.shortfall
                else f", £{gap.award:,.2f} a week, leaving her £{gap.shortfall:,.2f} a week of "
                "the eligible charges to pay herself."
            ),
        ]
    else:
        # no claim to wait for: her rent is met from our funding, or is hers to pay (the setting)
        met = settings.NRPF_RENT_PAYERS[settings.nrpf_rent_payer()]
        lines = [
            f"{balance} · {her_share}",
            f"{charges} She has no recourse to public funds, so no Housing Benefit: her rent and "
            f"eligible service charge are {met[:1].lower()}{met[1:]}.",
        ]
    plan = arrears.repayment_plan(actor, licence)
    if plan is not None:
        lines.append(
            f"Repayment plan: £{plan.weekly_amount:,.2f} a week from {dates.uk(plan.start_on)}."
        )
    away = [a for a in housing_benefit.absences(actor, licence) if a.end is None]
    if away and claims:
        lines.append(
            f"Away since {dates.uk(away[0].start)}; Housing Benefit usually stops if she is still "
            f"away on {dates.uk(housing_benefit.absence_limit(away[0]))}."
        )
    return "<br>".join(lines)


class AccountPanel(QWidget):
    changed = Signal()

    def __init__(self, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.licence = None
        self.ui = forms.install("account_panel", self)
        ui = self.ui
        self.model = RowTableModel(STATEMENT_COLUMNS, self)
        self.proxy = FilterProxy(self.model, self)
        prepare_table(ui.statementTable, self.proxy, presorted=True)
        header = ui.statementTable.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(len(STATEMENT_COLUMNS)):  # amounts never cut short; the words stretch
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if column == 1
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        ui.paymentButton.clicked.connect(lambda: self._ask(PaymentDialog))
        ui.reverseButton.clicked.connect(self.reverse)
        ui.planButton.clicked.connect(lambda: self._ask(RepaymentPlanDialog))
        ui.statementTable.selectionModel().selectionChanged.connect(lambda *_: self._buttons())
        benefit = QMenu(ui.benefitButton)
        benefit.addAction(
            "The council's decision…", lambda: self._ask(HousingBenefitDecisionDialog)
        )
        benefit.addAction("Evidence asked for…", lambda: self._ask(EvidenceDialog))
        self.evidence_menu = benefit.addMenu("Evidence chased or sent")
        benefit.addSeparator()
        benefit.addAction("She will be away…", lambda: self._ask(AbsenceDialog))
        self.back_action = benefit.addAction("She is back…", self.back_home)
        ui.benefitButton.setMenu(benefit)
        printing = QMenu(ui.printButton)
        printing.addAction("Her statement…", lambda: self._print("statement"))
        printing.addAction("First letter about arrears…", lambda: self._print("first"))
        printing.addAction("Letter: let's agree a plan…", lambda: self._print("plan"))
        self.move_out_action = printing.addAction(
            "Letter closing her account (after she moved out)…", lambda: self._print("move_out")
        )
        ui.printButton.setMenu(printing)
        self.show_licence(None)

    def show_licence(self, licence) -> None:
        self.licence = licence
        if licence is None:
            self.model.set_rows([])
            self.ui.summaryLabel.setText("Choose a licence to see her account.")
        else:
            self.model.set_rows(arrears.statement(licence, actor=self.actor).lines)
            self.ui.summaryLabel.setText(summary(self.actor, licence))
            self.ui.statementTable.scrollToBottom()
        self._buttons()

    def _buttons(self) -> None:
        working = self.licence is not None and permissions.allowed(self.actor, "allocate")
        for button in (self.ui.paymentButton, self.ui.benefitButton, self.ui.planButton):
            button.setEnabled(working)
        self.ui.printButton.setEnabled(
            self.licence is not None and permissions.allowed(self.actor, "print")
        )
        self.move_out_action.setEnabled(self.licence is not None and self.licence.status == "ended")
        self.ui.reverseButton.setEnabled(
            self._selected_payment() is not None
            and permissions.allowed(self.actor, "correct_records")
        )
        self.back_action.setEnabled(
            self.licence is not None
            and any(a.end is None for a in housing_benefit.absences(self.actor, self.licence))
        )
        self.evidence_menu.clear()
        waiting = (
            [e for e in housing_benefit.evidence(self.actor, self.licence) if e.sent_on is None]
            if self.licence is not None
            else []
        )
        for item in waiting:
            self.evidence_menu.addAction(
                f"{item.what} (asked for {dates.uk(item.requested_on)}): we chased it…",
                lambda item=item: self._evidence(item, "chased_on"),
            )
            self.evidence_menu.addAction(
                f"{item.what}: it went in…", lambda item=item: self._evidence(item, "sent_on")
            )
        self.evidence_menu.setEnabled(bool(waiting))

    def _selected_payment(self):
        indexes = self.ui.statementTable.selectionModel().selectedRows()
        if not indexes:
            return None
        line = self.proxy.source_row(indexes[0])
        if line is None or line.payment_id is None or line.payment is None or line.payment < 0:
            return None
        return accounts.payment(self.actor, line.payment_id)

    def _refresh(self, *_args) -> None:
        self.show_licence(licences.get_licence(self.actor, self.licence.id))
        self.changed.emit()

    def _ask(self, dialog) -> None:
        if self.licence is not None and dialog.ask(self, self.actor, self.licence) is not None:
            self._refresh()

    def record_decision(self) -> None:
        if permissions.allowed(self.actor, "allocate"):
            self._ask(HousingBenefitDecisionDialog)

    def reverse(self) -> None:
        payment = self._selected_payment()
        if payment is not None and ReversePaymentDialog.ask(self, self.actor, payment) is not None:
            self._refresh()

    def back_home(self) -> None:
        away = [a for a in housing_benefit.absences(self.actor, self.licence) if a.end is None]
        if not away:
            return
        saved = DateDialog.ask(
            self,
            "She is back",
            f"She has been away since {dates.uk(away[0].start)}. When did she come back?",
            "end",
            lambda day: housing_benefit.end_absence(self.actor, away[0], end=day),
        )
        if saved is not None:
            self._refresh()

    def _evidence(self, item, field: str) -> None:
        words = {"chased_on": "We chased it on", "sent_on": "It went in on"}
        saved = DateDialog.ask(
            self,
            "Evidence for her claim",
            f"{item.what}, asked for {dates.uk(item.requested_on)}. {words[field]}:",
            field,
            lambda day: housing_benefit.update_evidence(self.actor, item, **{field: day}),
        )
        if saved is not None:
            self._refresh()

    def _print(self, which: str) -> None:
        from housing_desk.ui.pdf_preview import PdfPreviewDialog

        licence = self.licence
        if licence is None:
            return
        reference = paperwork.licence_reference(licence)
        if which == "statement":
            build, title = (lambda: paperwork.statement(self.actor, licence)), "Account statement"
        elif which == "move_out":
            build = lambda: paperwork.move_out_letter(self.actor, licence)  # noqa: E731
            title = "Letter closing her account"
        else:
            build = lambda: paperwork.arrears_letter(self.actor, licence, stage=which)  # noqa: E731
            title = "Letter about arrears"

        def preview(pdf: bytes) -> None:
            self.changed.emit()
            PdfPreviewDialog.show_pdf(
                self,
                pdf,
                f"{title} {reference}",
                f"{title.lower().replace(' ', '-')}-{reference}.pdf",
                banner=paperwork.address_banner(licence),
            )

        Operation(self, build, title=title).success(preview).run()
