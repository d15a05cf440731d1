"""Retention: the women whose records closed long enough ago to be anonymised."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from housing_desk.services import people, retention, settings
from housing_desk.ui import dates, forms, messages
from housing_desk.ui.operations import Operation
from housing_desk.ui.table_model import Column, PagedTableModel, prepare_paged_table

DUE_COLUMNS = (
    Column("Last closed", lambda r: dates.uk(r.last_closed), order="last_closed"),
    Column("Name", lambda r: r.name),
)


class RetentionPage(QWidget):
    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = forms.install("retention_page", self)
        self.due: list = []
        self.model = PagedTableModel(DUE_COLUMNS, self._fetch, self)
        prepare_paged_table(self.ui.dueTable, self.model)
        self.ui.anonymiseButton.clicked.connect(self.anonymise)
        self.refresh()

    def _fetch(self, offset: int, limit: int, _order: str, descending: bool):
        """Names are read only for the rows shown; the list itself is read once, at refresh."""
        entries = self.due[::-1] if descending else self.due
        return retention.named(self.actor, entries[offset : offset + limit])

    def refresh(self) -> None:
        self.due = []
        Operation(self, lambda: retention.due(self.actor), title="Retention").success(
            lambda due: setattr(self, "due", due)
        ).run()
        self.model.reload()
        years = settings.retention_years()
        self.ui.summaryLabel.setText(
            f"Women whose last referral or licence closed more than {years} years ago, with nothing open. "
            "Anonymising replaces their names, contact details and every note, and keeps the dates, scores and "
            f"outcomes the statistics need. "
            + (f"{len(self.due):,} due." if self.due else "No one is due now.")
        )

    def anonymise(self) -> None:
        indexes = self.ui.dueTable.selectionModel().selectedRows()
        if not indexes:
            return
        row = self.model.row_at(indexes[0].row())
        if not messages.confirm(
            self,
            "Anonymise",
            f"Anonymise {row.name}'s records? This cannot be undone.",
            yes="Anonymise",
        ):
            return
        Operation(
            self,
            lambda: retention.anonymise(self.actor, people.get_person(self.actor, row.person_id)),
            title="Anonymise",
        ).run()
        self.refresh()
