"""The audit log for managers: who did what, to which record, and when."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QCompleter, QHeaderView, QWidget

from housing_desk import clock
from housing_desk.services import audit_log, audit_words, people, users
from housing_desk.ui import dates, forms, messages
from housing_desk.ui.operations import Operation
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table

EVENT_COLUMNS = (
    Column("When", lambda line: line.when, sort_key=lambda line: line.at),
    Column("Who", lambda line: line.who),
    Column("Record", lambda line: line.record, tooltip=lambda line: line.record),
    # last, so that it takes the width left and a long change is cut at the edge, not the record
    Column("What", lambda line: line.what, tooltip=lambda line: line.what),
)
RECORD, WHAT = 2, 3
MATCHES = 20


class AuditPage(QWidget):
    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = forms.install("audit_page", self)
        ui = self.ui
        self.model = RowTableModel(EVENT_COLUMNS, self)
        prepare_table(ui.eventsTable, FilterProxy(self.model, self), presorted=True)
        # the change in words takes the width that is left, however long: its tooltip reads it
        # whole, and the page never needs scrolling sideways
        ui.eventsTable.horizontalHeader().setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        ui.userCombo.addItem("Anyone", None)
        for user in users.list_users():
            ui.userCombo.addItem(f"{user.full_name} ({user.username})", user.username)
        ui.entityCombo.addItem("Any record", None)
        for entity, label in audit_words.record_kinds():
            ui.entityCombo.addItem(label, entity)
        # Twenty thousand women do not fit a drop-down: her name is typed, and the first matches offered.
        self.person_id: int | None = None
        self._matches: dict[str, int] = {}
        self.completions = QStringListModel(self)
        completer = QCompleter(self.completions, self)
        # The database has already matched the name (accents and case ignored): offer all it found.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.popup().setMinimumWidth(340)  # room for "name, born dd/mm/yyyy"
        completer.activated.connect(self.choose_person)
        ui.personEdit.setCompleter(completer)
        ui.personEdit.setClearButtonEnabled(True)
        ui.personEdit.textEdited.connect(self._offer_people)
        dates.set_date(ui.sinceEdit, clock.today() - timedelta(days=30))
        dates.set_date(ui.untilEdit, clock.today())
        ui.searchButton.clicked.connect(self.refresh)
        self.refresh()

    def _offer_people(self, text: str) -> None:
        self.person_id = self._matches.get(text)
        rows = (
            people.people_page(
                self.actor, people.PeopleFilter(text=text, include_archived=True), limit=MATCHES
            )
            if text
            else []
        )
        self._matches = {}
        for row in rows:
            label = (
                f"{row.name}, born {dates.uk(row.date_of_birth)}" if row.date_of_birth else row.name
            )
            if label in self._matches:
                label = f"{label} (record {row.person_id})"
            self._matches[label] = row.person_id
        self.completions.setStringList(list(self._matches))

    def choose_person(self, label: str) -> None:
        """Narrow the log to the woman chosen from the names offered."""
        self.person_id = self._matches.get(label)

    def refresh(self) -> None:
        ui = self.ui
        if ui.personEdit.text().strip() and self.person_id is None:
            messages.warning(
                self,
                "Audit log",
                "Choose her from the names offered as you type, or clear the "
                "Person box to see everyone.",
            )
            return
        if not ui.personEdit.text().strip():
            self.person_id = None
        found: list = []
        Operation(
            self,
            lambda: audit_log.lines(
                self.actor,
                username=ui.userCombo.currentData(),
                entity=ui.entityCombo.currentData(),
                person_id=self.person_id,
                since=dates.get_date(ui.sinceEdit),
                until=dates.get_date(ui.untilEdit),
            ),
            title="Audit log",
        ).success(found.extend).run()
        self.model.set_rows(found)
        table = ui.eventsTable
        table.resizeColumnsToContents()
        # the record's name may be long ("Ana Lopes, flat NHT-07"): its tooltip reads it whole
        table.setColumnWidth(RECORD, min(table.columnWidth(RECORD), 260))
        ui.summaryLabel.setText(
            f"{len(found)} events" + (" (the latest 2,000)" if len(found) >= 2000 else "")
        )
