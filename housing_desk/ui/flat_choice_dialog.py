"""Find her a flat: from her record, the flats that can be offered now, whether each suits her,
and offering one (the board's match, seen from her side)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from housing_desk import clock
from housing_desk.services import allocations, flat_choice
from housing_desk.ui import dates, forms, window_fit
from housing_desk.ui.field_errors import FieldErrors
from housing_desk.ui.operations import Operation
from housing_desk.ui.style import COMPLIANCE_COLOURS, dot
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table

FLAT_COLUMNS = (
    Column(
        "Suitable",
        lambda c: "Yes" if c.suitable else "No",
        sort_key=lambda c: not c.suitable,
        decoration=lambda c: dot(COMPLIANCE_COLOURS["ok" if c.suitable else "expired"]),
    ),
    Column("Flat", lambda c: c.reference),
    Column("Address", lambda c: c.address),
    Column("Bedrooms", lambda c: str(c.bedrooms), align_right=True),
    Column("Step-free", lambda c: "Yes" if c.step_free else "No"),
    Column("Why", lambda c: "; ".join(c.reasons), tooltip=lambda c: "\n".join(c.reasons)),
)


class FlatChoiceDialog(QDialog):
    def __init__(self, actor, person, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.person = actor, person
        self.offer = None
        self.ui = forms.install("flat_choice_dialog", self)
        self.setWindowTitle(f"Find a flat for {person.display_name}")
        ui = self.ui
        ui.introLabel.setText(
            f"Flats that can be offered to {person.display_name} now: free, their certificates "
            "in date, no offer waiting. Suitable flats first."
        )
        self.model = RowTableModel(FLAT_COLUMNS, self)
        self.proxy = FilterProxy(self.model, self)
        prepare_table(ui.flatsTable, self.proxy)
        self.model.set_rows(flat_choice.flats_for(actor, person))
        self.proxy.sort(-1)  # keep the service's order: suitable first
        ui.flatsTable.resizeColumnsToContents()
        ui.flatsTable.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        dates.set_date(ui.offeredEdit, clock.today())
        self.errors = FieldErrors({"offered_on": ui.offeredEdit}, ui.errorLabel)
        ui.offerButton.clicked.connect(self.make_offer)
        ui.buttonBox.rejected.connect(self.reject)
        if self.model.rowCount():
            ui.flatsTable.selectRow(0)
        self._selected()
        ui.offerButton.setDefault(True)
        window_fit.fit(self, 900, 480)

    def selected(self):
        indexes = self.ui.flatsTable.selectionModel().selectedRows()
        return self.proxy.source_row(indexes[0]) if indexes else None

    def _selected(self) -> None:
        choice = self.selected()
        self.ui.offerButton.setEnabled(choice is not None)
        if choice is None:
            self.ui.reasonsLabel.setText(
                "No flat can be offered now: the board shows which are coming free."
                if not self.model.rowCount()
                else ""
            )
            self.ui.offerButton.setText("Offer the flat")
            return
        verdict = "Suitable" if choice.suitable else "Not suitable"
        self.ui.reasonsLabel.setText(
            f"<b>Flat {choice.reference}: {verdict}.</b><br>"
            + "<br>".join(_escape(r) for r in choice.reasons)
        )
        self.ui.offerButton.setText(f"Offer her flat {choice.reference}")

    def make_offer(self) -> None:
        choice = self.selected()
        if choice is None:
            return
        offered_on = dates.get_date(self.ui.offeredEdit)
        Operation(
            self,
            lambda: allocations.make_offer(
                self.actor, choice.referral_id, choice.flat_id, offered_on=offered_on
            ),
            title="Offer",
        ).errors(self.errors).success(self._offered).run()

    def _offered(self, offer) -> None:
        self.offer = offer
        self.accept()

    @classmethod
    def ask(cls, parent, actor, person):
        dialog = cls(actor, person, parent=parent)
        return dialog.offer if dialog.exec() == QDialog.DialogCode.Accepted else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
