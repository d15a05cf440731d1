"""The availability board: every flat's state on a day, and a timeline of the months around it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from housing_desk.services import flats
from housing_desk.services.availability import STATE_LABELS, describe
from housing_desk.services.flats import UNAVAILABILITY_REASONS
from housing_desk.ui import dates, forms
from housing_desk.ui.style import COMPLIANCE_COLOURS, COMPLIANCE_LABELS, STATE_COLOURS, dot
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table
from housing_desk.ui.timeline import Bar, Row, TimelineWidget, month_window

BOARD_COLUMNS = (
    Column("Flat", lambda s: s.reference),
    Column("State", lambda s: s.state_label, sort_key=lambda s: s.state,
           decoration=lambda s: dot(STATE_COLOURS[s.state]), tooltip=describe),
    Column("Since", lambda s: dates.uk(s.since), sort_key=lambda s: s.since),
    Column("Until", lambda s: dates.uk(s.until), sort_key=lambda s: s.until),
    Column("Occupant", lambda s: s.occupant),
    Column("Compliance", lambda s: COMPLIANCE_LABELS[s.compliance],
           sort_key=lambda s: ("expired", "due_soon", "ok").index(s.compliance),
           decoration=lambda s: dot(COMPLIANCE_COLOURS[s.compliance]), tooltip=lambda s: s.compliance_notes),
    Column("Address", lambda s: s.address),
    Column("Partner", lambda s: s.partner),
)


def board_model(parent=None) -> RowTableModel:
    return RowTableModel(BOARD_COLUMNS, parent)


class BoardPage(QWidget):
    """Home page. ``flat_activated`` carries a flat id when a row is double-clicked."""

    flat_activated = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ui = forms.install("board_page", self)
        self.model = board_model(self)
        self.proxy = FilterProxy(self.model, self)
        prepare_table(self.ui.boardTable, self.proxy)
        self.ui.boardTable.doubleClicked.connect(self._activated)

        self.timeline = TimelineWidget()
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setWidget(self.timeline)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        host_layout = QVBoxLayout(self.ui.timelineHost)
        host_layout.setContentsMargins(0, 0, 0, 0)
        host_layout.addWidget(scroller)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)

        dates.set_date(self.ui.onDateEdit, date.today())
        self.ui.onDateEdit.dateChanged.connect(lambda _day: self.refresh())
        self.ui.todayButton.clicked.connect(lambda: dates.set_date(self.ui.onDateEdit, date.today()))
        self.ui.filterEdit.textChanged.connect(self.proxy.setFilterFixedString)
        self.ui.filterEdit.setClearButtonEnabled(True)
        self.refresh()

    def on(self) -> date:
        return dates.get_date(self.ui.onDateEdit)

    def refresh(self) -> None:
        on = self.on()
        statuses = flats.availability(on)
        self.model.set_rows(statuses)
        self.ui.boardTable.resizeColumnsToContents()
        self._summarise(statuses)
        start, end = month_window(on)
        rows = [
            Row(r.flat_id, r.reference, tuple(
                Bar(i.start, i.end, i.kind, UNAVAILABILITY_REASONS.get(i.label, i.label)) for i in r.intervals
            ))
            for r in flats.timeline(start, end)
        ]
        self.timeline.set_rows(rows, start, end, on)

    def _summarise(self, statuses) -> None:
        counts = {}
        for status in statuses:
            counts[status.state] = counts.get(status.state, 0) + 1
        parts = [f"{counts[s]} {STATE_LABELS[s].lower()}" for s in STATE_LABELS if counts.get(s)]
        attention = sum(1 for s in statuses if s.compliance != "ok" and s.state != "retired")
        text = f"{len(statuses)} flats: " + ", ".join(parts) if statuses else "No flats yet: add them on the Flats page."
        if attention:
            text += f" · certificates need attention at {attention}"
        self.ui.summaryLabel.setText(text)

    def _activated(self, index) -> None:
        status = self.proxy.source_row(index)
        if status is not None:
            self.flat_activated.emit(status.flat_id)
