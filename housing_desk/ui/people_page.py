"""People: everyone referred, with filters, and the selected woman's page beside the list."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import QVBoxLayout, QWidget

from housing_desk.services import names, people, permissions
from housing_desk.ui import dates, forms
from housing_desk.ui.person_dialog import PersonDialog
from housing_desk.ui.person_panel import PersonPanel
from housing_desk.ui.style import lock_icon
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table

PEOPLE_COLUMNS = (
    Column("Name", lambda r: r.name, sort_key=lambda r: r.sort_name,
           decoration=lambda r: lock_icon() if r.do_not_disclose else None,
           tooltip=lambda r: "Do not disclose" if r.do_not_disclose else ""),
    Column("Date of birth", lambda r: dates.uk(r.date_of_birth), sort_key=lambda r: r.date_of_birth),
    Column("Status", lambda r: r.status_label),
    Column("Keyworker", lambda r: r.keyworker),
)


class PeopleFilter(FilterProxy):
    """Name (accents and case ignored), status and keyworker filters together."""

    def __init__(self, source: RowTableModel, parent=None):
        super().__init__(source, parent)
        self.text = ""
        self.status: str | None = None
        self.keyworker_id: int | None = None

    def set_filters(self, *, text: str, status: str | None, keyworker_id: int | None) -> None:
        self.beginFilterChange()
        self.text, self.status, self.keyworker_id = names.fold(text), status, keyworker_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent):
        row = self.sourceModel().row_at(source_row)
        if self.text and self.text not in row.search_name:
            return False
        if self.status is not None and row.status != self.status:
            return False
        return self.keyworker_id is None or row.keyworker_id == self.keyworker_id


class PeoplePage(QWidget):
    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = forms.install("people_page", self)
        ui = self.ui
        self.model = RowTableModel(PEOPLE_COLUMNS, self)
        self.proxy = PeopleFilter(self.model, self)
        prepare_table(ui.peopleTable, self.proxy, presorted=True)
        self.panel = PersonPanel(actor)
        host = QVBoxLayout(ui.personHost)
        host.setContentsMargins(0, 0, 0, 0)
        host.addWidget(self.panel)
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
        ui.archivedCheck.toggled.connect(lambda _on: self.refresh())
        ui.newButton.clicked.connect(self.new_person)
        ui.newButton.setVisible(permissions.allowed(actor, "manage_people"))
        ui.peopleTable.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.panel.changed.connect(self.refresh)
        self.refresh()

    def _filter(self, *_args) -> None:
        ui = self.ui
        self.proxy.set_filters(text=ui.filterEdit.text(), status=ui.statusCombo.currentData(),
                               keyworker_id=ui.keyworkerCombo.currentData())

    def refresh(self, select_id: int | None = None) -> None:
        selected = select_id or self.selected_person_id()
        self.model.set_rows(people.list_people(include_archived=self.ui.archivedCheck.isChecked()))
        self.ui.peopleTable.resizeColumnsToContents()
        if selected is not None:
            self.select_person(selected)
        self._show_selected()

    def selected_person_id(self) -> int | None:
        indexes = self.ui.peopleTable.selectionModel().selectedRows()
        row = self.proxy.source_row(indexes[0]) if indexes else None
        return row.person_id if row else None

    def select_person(self, person_id: int) -> None:
        self.model.fetch_all()  # she may be further down than the rows shown so far
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.source_row(index).person_id == person_id:
                self.ui.peopleTable.selectRow(row)
                self.ui.peopleTable.scrollTo(index)
                return

    def _show_selected(self) -> None:
        person_id = self.selected_person_id()
        if self.panel.person is None or person_id != self.panel.person.id:
            self.panel.show_person(person_id)

    def new_person(self) -> None:
        person = PersonDialog.ask(self, self.actor)
        if person is not None:
            self.refresh(select_id=person.id)
