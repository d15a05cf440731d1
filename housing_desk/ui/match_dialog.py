"""Find a match: every woman waiting, the reasons for and against each, and offering the flat."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from housing_desk import clock
from housing_desk.services import allocations, permissions
from housing_desk.ui import dates, forms, window_fit
from housing_desk.ui.field_errors import FieldErrors
from housing_desk.ui.operations import Operation
from housing_desk.ui.style import COMPLIANCE_COLOURS, dot, lock_icon
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table

CANDIDATE_COLUMNS = (
    Column(
        "Suitable",
        lambda c: "Yes" if c.suitable else "No",
        sort_key=lambda c: not c.suitable,
        decoration=lambda c: dot(COMPLIANCE_COLOURS["ok" if c.suitable else "expired"]),
    ),
    Column(
        "Name", lambda c: c.name, decoration=lambda c: lock_icon() if c.do_not_disclose else None
    ),
    Column("Priority", lambda c: c.priority_label, sort_key=lambda c: c.priority),
    Column(
        "Days waiting",
        lambda c: str(c.days_waiting),
        sort_key=lambda c: c.days_waiting,
        align_right=True,
    ),
    Column("Why", lambda c: "; ".join(c.reasons), tooltip=lambda c: "\n".join(c.reasons)),
)


class MatchDialog(QDialog):
    def __init__(self, actor, flat, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.flat = actor, flat
        self.offer = None
        self.ui = forms.install("match_dialog", self)
        self.setWindowTitle(f"Find a match for flat {flat.reference}")
        ui = self.ui
        access = "step-free" if flat.step_free else "not step-free"
        ui.introLabel.setText(
            f"Flat {flat.reference}, {flat.address} ({flat.bedrooms} bedroom, {access}). "
            "Suitable women first, then by priority and time waiting."
        )
        self.model = RowTableModel(CANDIDATE_COLUMNS, self)
        self.proxy = FilterProxy(self.model, self)
        prepare_table(ui.candidatesTable, self.proxy)
        self.model.set_rows(allocations.candidates(flat, actor=self.actor))
        self.proxy.sort(-1)  # keep the service's order: suitable, priority, days waiting
        ui.candidatesTable.resizeColumnsToContents()
        ui.candidatesTable.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        dates.set_date(ui.offeredEdit, clock.today())
        self.errors = FieldErrors({"offered_on": ui.offeredEdit}, ui.errorLabel)
        ui.offerButton.clicked.connect(self.make_offer)
        ui.buttonBox.rejected.connect(self.reject)
        if self.model.rowCount():
            ui.candidatesTable.selectRow(0)
        self._selected()
        ui.offerButton.setDefault(True)
        # Someone who may look but not offer (a viewer) sees the list without the offer form.
        offers = permissions.allowed(actor, "allocate")
        for widget in (ui.offerButton, ui.offeredEdit, ui.offeredEditLabel):
            widget.setVisible(offers)
        window_fit.fit(self, 900, 520)

    def selected(self):
        indexes = self.ui.candidatesTable.selectionModel().selectedRows()
        return self.proxy.source_row(indexes[0]) if indexes else None

    def _selected(self) -> None:
        candidate = self.selected()
        self.ui.offerButton.setEnabled(candidate is not None)
        if candidate is None:
            self.ui.reasonsLabel.setText(
                "No one is waiting for a flat." if not self.model.rowCount() else ""
            )
            return
        verdict = "Suitable" if candidate.suitable else "Not suitable"
        self.ui.reasonsLabel.setText(
            f"<b>{candidate.name}: {verdict}.</b><br>"
            + "<br>".join(_escape(r) for r in candidate.reasons)
        )
        self.ui.offerButton.setText(f"Offer the flat to {candidate.name}")

    def make_offer(self) -> None:
        candidate = self.selected()
        if candidate is None:
            return
        offered_on = dates.get_date(self.ui.offeredEdit)
        Operation(
            self,
            lambda: allocations.make_offer(
                self.actor, candidate.referral_id, self.flat, offered_on=offered_on
            ),
            title="Offer",
        ).errors(self.errors).success(self._offered).run()

    def _offered(self, offer) -> None:
        self.offer = offer
        self.accept()

    @classmethod
    def ask(cls, parent, actor, flat):
        dialog = cls(actor, flat, parent=parent)
        return dialog.offer if dialog.exec() == QDialog.DialogCode.Accepted else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
