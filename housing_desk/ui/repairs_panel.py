"""A flat's repairs: report one, say who it went to, when a hazard was looked into, when it was done."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from housing_desk.services import permissions, repairs
from housing_desk.ui import dates, forms
from housing_desk.ui.money_dialogs import DateDialog
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table
from housing_desk.ui.upkeep_dialogs import RepairDialog, RepairPassDialog

_LATE = QColor("#b3261e")


def _state(row) -> str:
    if row.completed_on:
        return f"Done {dates.uk(row.completed_on)}"
    return "Overdue" if row.overdue else "Open"


REPAIR_COLUMNS = (
    Column("Reported", lambda r: dates.uk(r.reported_on), sort_key=lambda r: r.reported_on),
    Column(
        "Priority",
        lambda r: (
            ("Damp or mould · " if r.hazard else "") + repairs.PRIORITIES[r.priority].split(" (")[0]
        ),
    ),
    Column("What", lambda r: r.description),
    Column("Due by", lambda r: dates.uk(r.target_on), sort_key=lambda r: r.target_on),
    Column("Passed to", lambda r: r.passed_to),
    Column("State", _state, foreground=lambda r: _LATE if r.overdue else None),
)


class RepairsPanel(QWidget):
    def __init__(self, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.flat = None
        self.ui = forms.install("repairs_panel", self)
        self.model = RowTableModel(REPAIR_COLUMNS, self)
        self.proxy = FilterProxy(self.model, self)
        prepare_table(self.ui.repairsTable, self.proxy, presorted=True)
        ui = self.ui
        ui.reportButton.clicked.connect(self.report)
        ui.passButton.clicked.connect(self.pass_on)
        ui.investigateButton.clicked.connect(self.investigated)
        ui.completeButton.clicked.connect(self.completed)
        ui.repairsTable.selectionModel().selectionChanged.connect(lambda *_: self._buttons())
        self.show_flat(None)

    def show_flat(self, flat) -> None:
        self.flat = flat
        rows = repairs.repairs_for(flat) if flat is not None else []
        self.model.set_rows(rows)
        open_ones = [r for r in rows if r.completed_on is None]
        late = [r for r in open_ones if r.overdue]
        self.ui.summaryLabel.setText(
            "Choose a flat to see its repairs."
            if flat is None
            else "No repairs recorded for this flat yet: report one when it is needed."
            if not rows
            else f"{len(open_ones)} open, {len(late)} overdue. Damp and mould is investigated "
            "within 10 working days and made safe within 5 working days after that."
        )
        self.ui.repairsTable.resizeColumnsToContents()
        self._buttons()

    def _selected(self):
        indexes = self.ui.repairsTable.selectionModel().selectedRows()
        return self.proxy.source_row(indexes[0]) if indexes else None

    def _buttons(self) -> None:
        working = permissions.allowed(self.actor, "allocate")
        row = self._selected()
        still_open = row is not None and row.completed_on is None and working
        self.ui.reportButton.setEnabled(self.flat is not None and working)
        self.ui.passButton.setEnabled(still_open)
        self.ui.completeButton.setEnabled(still_open)
        self.ui.investigateButton.setEnabled(still_open and row.hazard)

    def _refresh(self, saved) -> None:
        if saved is not None:
            self.show_flat(self.flat)

    def report(self) -> None:
        if self.flat is not None:
            self._refresh(RepairDialog.ask(self, self.actor, self.flat))

    def pass_on(self) -> None:
        row = self._selected()
        if row is not None:
            self._refresh(RepairPassDialog.ask(self, self.actor, repairs.get_repair(row.repair_id)))

    def investigated(self) -> None:
        row = self._selected()
        if row is not None:
            self._refresh(
                DateDialog.ask(
                    self,
                    "Damp or mould investigated",
                    f"{row.description[:80]}: when was it investigated? It is then to be made "
                    "safe within 5 working days.",
                    "investigated_on",
                    lambda day: repairs.record_investigation(
                        self.actor, row.repair_id, investigated_on=day
                    ),
                )
            )

    def completed(self) -> None:
        row = self._selected()
        if row is not None:
            self._refresh(
                DateDialog.ask(
                    self,
                    "Repair completed",
                    f"{row.description[:80]}: when was it done?",
                    "completed_on",
                    lambda day: repairs.complete_repair(
                        self.actor, row.repair_id, completed_on=day
                    ),
                )
            )
