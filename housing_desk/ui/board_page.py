"""The availability board: every flat's state on a day, a timeline of the months around it,
what is coming free, the offers waiting for an answer, and the actions for the selected flat."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidgetItem, QScrollArea, QWidget

from housing_desk import clock
from housing_desk.services import audit, incidents, permissions
from housing_desk.services.availability import STATE_LABELS, describe
from housing_desk.services.flats import UNAVAILABILITY_REASONS
from housing_desk.ui import dates, forms
from housing_desk.ui.board_actions import FlatActions
from housing_desk.ui.board_read import BoardRead, SideLists, read_board, read_side_lists
from housing_desk.ui.empty_state import EmptyState
from housing_desk.ui.first_paint import after_painting
from housing_desk.ui.style import (
    COMPLIANCE_COLOURS,
    COMPLIANCE_LABELS,
    STATE_COLOURS,
    dot,
    lock_icon,
)
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table
from housing_desk.ui.timeline import Bar, Row, TimelineWidget

BOARD_COLUMNS = (
    Column("Flat", lambda s: s.reference),
    Column(
        "State",
        lambda s: s.board_label,
        sort_key=lambda s: s.state,
        decoration=lambda s: dot(STATE_COLOURS[s.state]),
        tooltip=describe,
    ),
    Column("Since", lambda s: dates.uk(s.since), sort_key=lambda s: s.since),
    Column("Until", lambda s: dates.uk(s.until), sort_key=lambda s: s.until),
    Column("Occupant", lambda s: s.occupant),
    Column(
        "Compliance",
        lambda s: COMPLIANCE_LABELS[s.compliance],
        sort_key=lambda s: ("expired", "due_soon", "ok").index(s.compliance),
        decoration=lambda s: dot(COMPLIANCE_COLOURS[s.compliance]),
        tooltip=lambda s: s.compliance_notes,
    ),
    Column("Address", lambda s: s.address),
    Column("Partner", lambda s: s.partner),
)
_ACTIONS = {
    "match": "matchButton",
    "answer": "answerButton",
    "withdraw": "withdrawButton",
    "move_in": "moveInButton",
    "notice": "noticeButton",
    "move_out": "moveOutButton",
}


def board_model(parent=None) -> RowTableModel:
    return RowTableModel(BOARD_COLUMNS, parent)


# Reminders about her account open it on the licence's Account tab.
ACCOUNT_REMINDERS = ("housing_benefit", "hb_evidence", "absence", "arrears")


class BoardPage(QWidget):
    """Home page. ``flat_activated`` carries a flat id when a row is double-clicked."""

    flat_activated = Signal(int)
    person_activated = Signal(int)
    licence_activated = Signal(int)
    plan_requested = Signal(int)  # a licence id: show her support plan
    account_requested = Signal(int, bool)  # licence id; True to record the council's decision
    add_flat_requested = Signal()  # no flats yet: add the first

    def __init__(self, actor=None, parent=None, *, read: BoardRead | None = None):
        super().__init__(parent)
        self.actor = actor
        self.actions = FlatActions(actor, self)
        self.ui = forms.install("board_page", self)
        ui = self.ui
        self.model = board_model(self)
        self.proxy = FilterProxy(self.model, self)
        prepare_table(ui.boardTable, self.proxy, presorted=True)  # by reference, from the service
        ui.boardTable.doubleClicked.connect(self._activated)
        ui.boardTable.selectionModel().selectionChanged.connect(
            lambda *_: self._selection_changed()
        )

        self.timeline = TimelineWidget()
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setWidget(self.timeline)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setAccessibleName("Timeline of the months around the day shown")
        legend = QLabel(
            "  ".join(
                f'<span style="color:{STATE_COLOURS[state]}">&#9632;</span> {STATE_LABELS[state]}'
                for state in ("occupied", "notice", "offered", "unavailable")
            )
            + "  ·  a pale bar has no end date yet"
        )
        legend.setObjectName("legendLabel")
        forms.place(ui.timelineHost, legend, scroller)
        ui.splitter.setSizes([330, 330])
        ui.sideSplitter.setStretchFactor(0, 1)
        ui.sideSplitter.setSizes([880, 300])
        ui.comingFreeList.setWordWrap(True)
        ui.offersList.setWordWrap(True)
        ui.remindersList.setWordWrap(True)
        ui.remindersList.itemDoubleClicked.connect(self._open_reminder)
        ui.incidentsList.setWordWrap(True)
        ui.incidentsList.itemDoubleClicked.connect(self._open_incident)
        for title in (
            ui.actionsTitle,
            ui.comingFreeTitle,
            ui.offersTitle,
            ui.incidentsTitle,
            ui.remindersTitle,
        ):
            title.setObjectName("panelTitle")
        for key, name in _ACTIONS.items():
            getattr(ui, name).clicked.connect(lambda _checked=False, k=key: self._act(k))
        ui.comingFreeList.itemDoubleClicked.connect(
            lambda item: self.select_flat(item.data(Qt.ItemDataRole.UserRole))
        )
        ui.offersList.itemDoubleClicked.connect(
            lambda item: self.select_flat(item.data(Qt.ItemDataRole.UserRole))
        )

        dates.set_date(ui.onDateEdit, clock.today())
        ui.onDateEdit.dateChanged.connect(lambda _day: self.refresh())
        ui.todayButton.clicked.connect(lambda: dates.set_date(ui.onDateEdit, clock.today()))
        ui.filterEdit.textChanged.connect(self.proxy.setFilterFixedString)
        ui.filterEdit.setClearButtonEnabled(True)
        self.empty = EmptyState(
            ui.boardTable,
            "No flats yet. The board shows every flat the team holds, whether it is free, let or "
            "coming free: add the first flat to begin.",
            (("Add a flat…", self.add_flat_requested.emit),),
        )
        self._empty_actions()
        if read is None:
            self.refresh()
        else:  # read beforehand, on a thread of its own
            self.show_read(read)

    def on(self) -> date:
        return dates.get_date(self.ui.onDateEdit)

    def sign_in(self, actor) -> None:
        """The board read before anyone signed in becomes hers: the actions her role allows,
        the incidents she may see, and the rows read again if anything was written since they
        were read (here or on another PC) or the day has changed; then the side lists follow
        the board's first paint."""
        self.actor = actor
        self.actions = FlatActions(actor, self)
        self._empty_actions()
        today = clock.today()
        if self._read_on != today and self.on() == self._read_on:
            self.ui.onDateEdit.blockSignals(True)  # read once below, for today
            dates.set_date(self.ui.onDateEdit, today)
            self.ui.onDateEdit.blockSignals(False)
            self.refresh(side_lists_when_painted=True)
        elif audit.changed_since(self._read_mark):
            self.refresh(side_lists_when_painted=True)
        else:
            self._selection_changed()
        self._incidents()  # read for her: none were read for no one

    def _empty_actions(self) -> None:
        """'Add a flat' only for someone who may add one (and no one before sign-in)."""
        (add_flat,) = self.empty.buttons
        add_flat.setVisible(permissions.allowed(self.actor, "manage_flats"))

    def refresh(self, *, side_lists_when_painted: bool = False) -> None:
        self.show_read(
            read_board(self.on(), actor=self.actor), side_lists_when_painted=side_lists_when_painted
        )

    def show_read(self, read: BoardRead, *, side_lists_when_painted: bool = False) -> None:
        """Show what ``read_board`` read; side lists it did not read are read a moment later."""
        self._read_mark, self._read_on = read.mark, read.read_on
        selected = self.selected_status()
        if self.on() != read.on:
            self.ui.onDateEdit.blockSignals(True)
            dates.set_date(self.ui.onDateEdit, read.on)
            self.ui.onDateEdit.blockSignals(False)
        self.model.set_rows(read.statuses)
        self.ui.boardTable.resizeColumnsToContents()
        self._summarise(read.statuses)
        rows = [
            Row(
                r.flat_id,
                r.reference,
                tuple(
                    Bar(i.start, i.end, i.kind, UNAVAILABILITY_REASONS.get(i.label, i.label))
                    for i in r.intervals
                ),
            )
            for r in read.timeline
        ]
        self.timeline.set_rows(rows, read.start, read.end, read.on)

        def side_lists():
            self._side_lists(read.on, read.statuses, read.side_lists)

        if side_lists_when_painted:
            after_painting(self.ui.boardTable.viewport(), side_lists)
        elif self.isVisible():
            side_lists()
        else:  # opening: the board first, the side lists a moment after it is on screen
            QTimer.singleShot(0, side_lists)
        if selected is not None:
            self.select_flat(selected.flat_id)
        self._selection_changed()

    def _side_lists(self, on: date, statuses, lists: SideLists | None = None) -> None:
        """The side lists on ``on``: as read with the rows, else read now."""
        lists = lists or read_side_lists(on, statuses, actor=self.actor)
        ui = self.ui
        ui.comingFreeList.clear()
        for item in lists.coming_free:
            entry = QListWidgetItem(
                f"{item.reference}: free from {dates.uk(item.free_from)} ({item.why})"
            )
            entry.setData(Qt.ItemDataRole.UserRole, item.flat_id)
            ui.comingFreeList.addItem(entry)
        if not ui.comingFreeList.count():
            ui.comingFreeList.addItem("Nothing in the next 60 days")
        ui.offersList.clear()
        for offer in lists.offers:
            text = f"{offer.reference}: {offer.board_name}, offered {dates.uk(offer.offered_on)}"
            entry = QListWidgetItem(text + (" (overdue)" if offer.overdue else ""))
            entry.setData(Qt.ItemDataRole.UserRole, offer.flat_id)
            if offer.do_not_disclose:
                entry.setIcon(lock_icon())
            if offer.overdue:
                entry.setForeground(QColor(COMPLIANCE_COLOURS["expired"]))
            ui.offersList.addItem(entry)
        if not ui.offersList.count():
            ui.offersList.addItem("No offers waiting")
        self._incidents()
        ui.remindersList.clear()
        for reminder in lists.reminders:
            entry = QListWidgetItem(reminder.text)
            entry.setData(
                Qt.ItemDataRole.UserRole, (reminder.entity, reminder.entity_id, reminder.kind)
            )
            entry.setToolTip("Double-click to open it")
            if reminder.overdue:
                entry.setForeground(QColor(COMPLIANCE_COLOURS["expired"]))
            ui.remindersList.addItem(entry)
        if not ui.remindersList.count():
            ui.remindersList.addItem("Nothing due")

    def _incidents(self) -> None:
        """High-severity incidents stay here until a manager has reviewed them. The board may be
        on a shared screen: a confidential woman is not named."""
        listed = self.ui.incidentsList
        listed.clear()
        shown = (
            incidents.incidents(self.actor, unreviewed_high=True) if self.actor is not None else []
        )
        for incident in shown:
            where = f" at {incident.flat_reference}" if incident.flat_reference else ""
            entry = QListWidgetItem(
                f"{incident.kind_label}{where}, {dates.uk(incident.occurred_on)}: {incident.name}"
            )
            entry.setData(Qt.ItemDataRole.UserRole, incident.person_id)
            entry.setToolTip("Double-click to open her record; a manager marks it reviewed there")
            entry.setForeground(QColor(COMPLIANCE_COLOURS["expired"]))
            listed.addItem(entry)
        if not listed.count():
            listed.addItem("None waiting")

    def _open_incident(self, item) -> None:
        person_id = item.data(Qt.ItemDataRole.UserRole)
        if person_id is not None:
            self.person_activated.emit(person_id)

    def _summarise(self, statuses) -> None:
        counts = {}
        for status in statuses:
            counts[status.state] = counts.get(status.state, 0) + 1
        parts = [f"{counts[s]} {STATE_LABELS[s].lower()}" for s in STATE_LABELS if counts.get(s)]
        attention = sum(1 for s in statuses if s.compliance != "ok" and s.state != "retired")
        text = f"{len(statuses)} flats: " + ", ".join(parts) if statuses else "No flats yet."
        if attention:
            text += f" · certificates need attention at {attention}"
        self.ui.summaryLabel.setText(text)

    # -- selection and actions ------------------------------------------------
    def selected_status(self):
        indexes = self.ui.boardTable.selectionModel().selectedRows()
        return self.proxy.source_row(indexes[0]) if indexes else None

    def select_flat(self, flat_id) -> None:
        if flat_id is None:
            return
        for row in range(self.proxy.rowCount()):
            if self.proxy.source_row(self.proxy.index(row, 0)).flat_id == flat_id:
                self.ui.boardTable.selectRow(row)
                return

    def _selection_changed(self) -> None:
        status = self.selected_status()
        self.actions.select(status)
        allowed = self.actions.allowed()
        for key, name in _ACTIONS.items():
            getattr(self.ui, name).setEnabled(allowed[key])
        licence = self.actions.licence
        self.ui.moveInButton.setText(
            "Continue &sign-up…" if licence and licence.status == "pending_signup" else "Move &in…"
        )
        self.ui.actionsTitle.setText(
            f"Flat {status.reference}: {status.state_label.lower()}" if status else "Select a flat"
        )

    def _act(self, key: str) -> None:
        self.actions.started_plan = None
        done = getattr(self.actions, key)()
        if done is not None or key == "move_in":
            self.refresh()
        if self.actions.started_plan is not None:
            self.plan_requested.emit(self.actions.started_plan.licence_id)

    def _open_reminder(self, item) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if not target:
            return
        entity, entity_id, kind = target
        if kind in ACCOUNT_REMINDERS:  # her account's tab, or the council's decision itself
            self.account_requested.emit(entity_id, kind == "housing_benefit")
            return
        {
            "flat": self.flat_activated,
            "person": self.person_activated,
            "licence": self.licence_activated,
        }[entity].emit(entity_id)

    def _activated(self, index) -> None:
        status = self.proxy.source_row(index)
        if status is not None:
            self.flat_activated.emit(status.flat_id)
