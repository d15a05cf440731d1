"""The audit log for managers: who did what, to which record, and when."""

from __future__ import annotations

import json
from datetime import date, timedelta

from PySide6.QtWidgets import QWidget

from housing_desk.services import audit, people, users
from housing_desk.services.errors import DomainError
from housing_desk.ui import dates, forms, messages
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table

ACTION_WORDS = {"create": "Created", "update": "Changed", "delete": "Deleted", "print": "Printed",
                "export": "Exported", "login": "Sign-in", "view": "Viewed"}
EVENT_COLUMNS = (
    Column("When", lambda e: e.at.astimezone().strftime("%d/%m/%Y %H:%M:%S"), sort_key=lambda e: e.at),
    Column("Who", lambda e: e.actor or "(set-up)"),
    Column("What", lambda e: ACTION_WORDS.get(e.action, e.action)),
    Column("Record", lambda e: e.entity.replace("_", " ")),
    Column("Number", lambda e: "" if e.entity_id is None else str(e.entity_id),
           sort_key=lambda e: e.entity_id or 0, align_right=True),
    Column("Details", lambda e: json.dumps(e.changes, ensure_ascii=False)[:200],
           tooltip=lambda e: json.dumps(e.changes, ensure_ascii=False, indent=1)),
)
ENTITIES = ("person", "referral", "assessment", "offer", "licence", "support_plan", "flat", "certificate",
            "unavailability", "partner", "user", "setting")


class AuditPage(QWidget):
    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = forms.install("audit_page", self)
        ui = self.ui
        self.model = RowTableModel(EVENT_COLUMNS, self)
        prepare_table(ui.eventsTable, FilterProxy(self.model, self), presorted=True)
        ui.userCombo.addItem("Anyone", None)
        for user in users.list_users():
            ui.userCombo.addItem(f"{user.full_name} ({user.username})", user.username)
        ui.entityCombo.addItem("Any record", None)
        for entity in ENTITIES:
            ui.entityCombo.addItem(entity.replace("_", " ").capitalize(), entity)
        ui.personCombo.addItem("Anyone", None)
        for row in people.list_people(include_archived=True):
            ui.personCombo.addItem(row.name, row.person_id)
        dates.set_date(ui.sinceEdit, date.today() - timedelta(days=30))
        dates.set_date(ui.untilEdit, date.today())
        ui.searchButton.clicked.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        ui = self.ui
        try:
            found = audit.search(self.actor, username=ui.userCombo.currentData(), entity=ui.entityCombo.currentData(),
                                 person_id=ui.personCombo.currentData(), since=dates.get_date(ui.sinceEdit),
                                 until=dates.get_date(ui.untilEdit))
        except DomainError as error:
            messages.warning(self, "Audit log", error.message)
            found = []
        self.model.set_rows(found)
        ui.eventsTable.resizeColumnsToContents()
        ui.summaryLabel.setText(f"{len(found)} events" + (" (the latest 2,000)" if len(found) >= 2000 else ""))
