"""The part the two ways of making an offer share: a list of choices with the reasons for and
against each, the date offered, and the offer made through the service. The board's "Find a
match" chooses a woman for a flat (match_dialog); her page's "Find a flat" chooses a flat for her
(flat_choice_dialog)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QTableView, QWidget

from housing_desk import clock
from housing_desk.services import allocations, permissions
from housing_desk.ui import dates, forms, window_fit
from housing_desk.ui.field_errors import FieldErrors
from housing_desk.ui.operations import Operation
from housing_desk.ui.style import COMPLIANCE_COLOURS, dot
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table

SUITABLE_COLUMN = Column(
    "Suitable",
    lambda c: "Yes" if c.suitable else "No",
    sort_key=lambda c: not c.suitable,
    decoration=lambda c: dot(COMPLIANCE_COLOURS["ok" if c.suitable else "expired"]),
)
WHY_COLUMN = Column("Why", lambda c: "; ".join(c.reasons), tooltip=lambda c: "\n".join(c.reasons))


class OfferChoiceDialog(QDialog):
    """A subclass names its form, its table, its columns and what "nothing to choose" says, and
    says how a choice is named and offered."""

    FORM = ""
    TABLE = ""
    COLUMNS: Sequence[Column] = ()
    NOTHING = ""
    SIZE = (900, 480)

    def __init__(self, actor, rows, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.offer = None
        self.ui = forms.install(self.FORM, self)
        ui = self.ui
        ui.introLabel.setText(intro)
        self.table: QTableView = getattr(ui, self.TABLE)
        self.model = RowTableModel(self.COLUMNS, self)
        self.proxy = FilterProxy(self.model, self)
        prepare_table(self.table, self.proxy)
        self.model.set_rows(rows)
        self.proxy.sort(-1)  # keep the service's order: suitable first
        self.table.resizeColumnsToContents()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        dates.set_date(ui.offeredEdit, clock.today())
        self.errors = FieldErrors({"offered_on": ui.offeredEdit}, ui.errorLabel)
        ui.offerButton.clicked.connect(self.make_offer)
        ui.buttonBox.rejected.connect(self.reject)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._selected()
        ui.offerButton.setDefault(True)
        # Someone who may look but not offer (a viewer) sees the list without the offer form.
        offers = permissions.allowed(actor, "allocate")
        for widget in (ui.offerButton, ui.offeredEdit, ui.offeredEditLabel):
            widget.setVisible(offers)
        window_fit.fit(self, *self.SIZE)

    def named(self, choice) -> str:
        """How the reasons name a choice ("Ana Lopes", "Flat NHT-07")."""
        raise NotImplementedError

    def offer_label(self, choice) -> str:
        raise NotImplementedError

    def offer_of(self, choice) -> tuple[int, object]:
        """The referral and the flat that choosing ``choice`` offers."""
        raise NotImplementedError

    def selected(self):
        indexes = self.table.selectionModel().selectedRows()
        return self.proxy.source_row(indexes[0]) if indexes else None

    def _selected(self) -> None:
        choice = self.selected()
        self.ui.offerButton.setEnabled(choice is not None)
        if choice is None:
            self.ui.reasonsLabel.setText(self.NOTHING if not self.model.rowCount() else "")
            self.ui.offerButton.setText("Offer the flat")
            return
        verdict = "Suitable" if choice.suitable else "Not suitable"
        self.ui.reasonsLabel.setText(
            f"<b>{_escape(self.named(choice))}: {verdict}.</b><br>"
            + "<br>".join(_escape(r) for r in choice.reasons)
        )
        self.ui.offerButton.setText(self.offer_label(choice))

    def make_offer(self) -> None:
        choice = self.selected()
        if choice is None:
            return
        referral, flat = self.offer_of(choice)
        offered_on = dates.get_date(self.ui.offeredEdit)
        Operation(
            self,
            lambda: allocations.make_offer(self.actor, referral, flat, offered_on=offered_on),
            title="Offer",
        ).errors(self.errors).success(self._offered).run()

    def _offered(self, offer) -> None:
        self.offer = offer
        self.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
