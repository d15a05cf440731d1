"""Her timeline on her page: everything that happened, newest first, filtered by kind or words."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from housing_desk.services import her_timeline
from housing_desk.ui import dates, forms
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table

TIMELINE_COLUMNS = (
    Column("Date", lambda e: dates.uk(e.on), sort_key=lambda e: e.on),
    Column("What", lambda e: e.kind_label),
    Column("Event", lambda e: e.title),
    Column("Detail", lambda e: e.detail, tooltip=lambda e: e.detail),
)


class HerTimelineView(QWidget):
    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor, self.person, self.entries = actor, None, []
        self.ui = forms.install("her_timeline_view", self)
        ui = self.ui
        self.model = RowTableModel(TIMELINE_COLUMNS, self)
        self.proxy = FilterProxy(self.model, self)
        prepare_table(ui.timelineTable, self.proxy, presorted=True)
        ui.timelineTable.setAccessibleName("Her timeline")
        ui.kindCombo.addItem("Everything", None)
        for key, label in her_timeline.KINDS.items():
            ui.kindCombo.addItem(label, key)
        ui.kindCombo.setAccessibleName("Show")
        ui.kindCombo.currentIndexChanged.connect(lambda _i: self._fill())
        ui.filterEdit.setClearButtonEnabled(True)
        ui.filterEdit.setAccessibleName("Filter her timeline")
        ui.filterEdit.textChanged.connect(self.proxy.setFilterFixedString)
        ui.hintLabel.setVisible(False)

    def show_person(self, person) -> None:
        self.person = person
        self.entries = her_timeline.timeline(self.actor, person) if person is not None else []
        self._fill()

    def _fill(self) -> None:
        kind = self.ui.kindCombo.currentData()
        rows = [e for e in self.entries if kind is None or e.kind == kind]
        self.model.set_rows(rows)
        self.ui.timelineTable.resizeColumnsToContents()
