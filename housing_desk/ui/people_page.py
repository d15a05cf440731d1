"""People: everyone referred, with filters, and the selected woman's page beside the list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from housing_desk.services import people, permissions
from housing_desk.ui import dates, forms
from housing_desk.ui.empty_state import EmptyState
from housing_desk.ui.person_panel import PersonPanel
from housing_desk.ui.style import lock_icon
from housing_desk.ui.table_model import Column, PagedTableModel, prepare_paged_table

PEOPLE_COLUMNS = (
    Column(
        "Name",
        lambda r: r.name,
        order="name",
        decoration=lambda r: lock_icon() if r.do_not_disclose else None,
        tooltip=lambda r: "Do not disclose" if r.do_not_disclose else "",
    ),
    Column("Date of birth", lambda r: dates.uk(r.date_of_birth), order="date_of_birth"),
    Column("Status", lambda r: r.status_label, order="status"),
    Column("Keyworker", lambda r: r.keyworker, order="keyworker"),
)


class PeoplePage(QWidget):
    """``licence_requested`` carries the id of the licence her page asked to open."""

    licence_requested = Signal(int)

    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = forms.install("people_page", self)
        ui = self.ui
        self.filters = people.PeopleFilter()
        self.model = PagedTableModel(PEOPLE_COLUMNS, self._fetch, self)
        prepare_paged_table(ui.peopleTable, self.model)
        self.panel = PersonPanel(actor)
        forms.place(ui.personHost, self.panel)
        ui.splitter.setStretchFactor(1, 1)
        ui.splitter.setSizes([430, 800])
        ui.statusCombo.addItem("Any status", None)
        for status, label in people.STATUS_LABELS.items():
            ui.statusCombo.addItem(label, status)
        ui.keyworkerCombo.addItem("Anyone", None)
        for user in people.keyworkers():
            ui.keyworkerCombo.addItem(user.full_name, user.id)
        ui.filterEdit.setClearButtonEnabled(True)
        ui.filterEdit.textChanged.connect(self._filter)
        ui.statusCombo.currentIndexChanged.connect(self._filter)
        ui.keyworkerCombo.currentIndexChanged.connect(self._filter)
        ui.archivedCheck.toggled.connect(self._filter)
        ui.newButton.clicked.connect(self.new_person)
        ui.newButton.setVisible(permissions.allowed(actor, "manage_people"))
        ui.peopleTable.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.panel.changed.connect(self.refresh)
        self.panel.licence_requested.connect(self.licence_requested)
        self.empty = EmptyState(
            ui.peopleTable,
            "No one on file yet. A woman is added when she is referred for a flat: her details, "
            "then the referral.",
            (("New referral…", self.new_person),)
            if permissions.allowed(actor, "manage_people")
            else (),
            is_empty=lambda: self.model.rowCount() == 0 and self.filters == people.PeopleFilter(),
        )
        self.refresh()

    def _fetch(self, offset: int, limit: int, order: str, descending: bool):
        return people.people_page(
            self.actor, self.filters, offset=offset, limit=limit, order=order, descending=descending
        )

    def _filter(self, *_args) -> None:
        ui = self.ui
        self.filters = people.PeopleFilter(
            text=ui.filterEdit.text(),
            status=ui.statusCombo.currentData(),
            keyworker_id=ui.keyworkerCombo.currentData(),
            include_archived=ui.archivedCheck.isChecked(),
        )
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        selected = select_id or self.selected_person_id()
        self.model.reload()
        self.ui.peopleTable.resizeColumnsToContents()
        if selected is not None:
            self.select_person(selected)
        self._show_selected()

    def selected_person_id(self) -> int | None:
        indexes = self.ui.peopleTable.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()).person_id if indexes else None

    def select_person(self, person_id: int) -> None:
        """Select her, reading on through the list if she is further down than the rows read so far."""
        row = self.model.find_row(lambda r: r.person_id == person_id)
        if row is not None:
            self.ui.peopleTable.selectRow(row)
            self.ui.peopleTable.scrollTo(self.model.index(row, 0))

    def _show_selected(self) -> None:
        person_id = self.selected_person_id()
        if self.panel.person is None or person_id != self.panel.person.id:
            self.panel.show_person(person_id)

    def new_person(self) -> None:
        """Her details, then her referral (the reason she is added)."""
        from housing_desk.ui.next_steps import new_woman_referred

        person = new_woman_referred(self, self.actor)
        if person is not None:
            self.refresh(select_id=person.id)
