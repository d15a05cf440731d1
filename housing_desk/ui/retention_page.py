"""Retention: the women whose records closed long enough ago to be anonymised."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from housing_desk.services import people, retention, settings
from housing_desk.services.errors import DomainError
from housing_desk.ui import dates, forms, messages
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table

DUE_COLUMNS = (
    Column("Name", lambda r: r.name),
    Column("Last closed", lambda r: dates.uk(r.last_closed), sort_key=lambda r: r.last_closed),
)


class RetentionPage(QWidget):
    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = forms.install("retention_page", self)
        self.model = RowTableModel(DUE_COLUMNS, self)
        self.proxy = FilterProxy(self.model, self)
        prepare_table(self.ui.dueTable, self.proxy)
        self.ui.anonymiseButton.clicked.connect(self.anonymise)
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = retention.report(self.actor)
        except DomainError as error:
            messages.warning(self, "Retention", error.message)
            rows = []
        self.model.set_rows(rows)
        years = settings.retention_years()
        self.ui.summaryLabel.setText(
            f"Women whose last referral or licence closed more than {years} years ago, with nothing open. "
            "Anonymising replaces their names, contact details and every note, and keeps the dates, scores and "
            f"outcomes the statistics need. {len(rows)} due.")

    def anonymise(self) -> None:
        indexes = self.ui.dueTable.selectionModel().selectedRows()
        if not indexes:
            return
        row = self.proxy.source_row(indexes[0])
        if not messages.confirm(self, "Anonymise", f"Anonymise {row.name}'s records? This cannot be undone.",
                                yes="Anonymise"):
            return
        try:
            retention.anonymise(self.actor, people.get_person(row.person_id))
        except DomainError as error:
            messages.warning(self, "Anonymise", error.message)
        self.refresh()
