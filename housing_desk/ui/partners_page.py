"""Partners: the housing charity, the council and anyone else who lends a flat."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from housing_desk.services import flats, permissions
from housing_desk.ui import forms
from housing_desk.ui.empty_state import EmptyState
from housing_desk.ui.partner_dialog import PartnerDialog
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table

PARTNER_COLUMNS = (
    Column("Name", lambda p: p.name),
    Column("Kind", lambda p: flats.PARTNER_KINDS.get(p.kind, p.kind)),
    Column("Contact", lambda p: p.contact_name),
    Column("Phone", lambda p: p.phone),
    Column("Email", lambda p: p.email),
)


class PartnersPage(QWidget):
    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = forms.install("partners_page", self)
        self.model = RowTableModel(PARTNER_COLUMNS, self)
        self.proxy = FilterProxy(self.model, self)
        prepare_table(self.ui.partnersTable, self.proxy)
        self.ui.filterEdit.setClearButtonEnabled(True)
        self.ui.filterEdit.textChanged.connect(self.proxy.setFilterFixedString)
        self.ui.newButton.clicked.connect(self.new_partner)
        self.ui.editButton.clicked.connect(self.edit_partner)
        self.ui.partnersTable.doubleClicked.connect(lambda _index: self.edit_partner())
        self.ui.partnersTable.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        can_edit = permissions.allowed(actor, "manage_partners")
        self.ui.newButton.setVisible(can_edit)
        self.ui.editButton.setVisible(can_edit)
        self.empty = EmptyState(
            self.ui.partnersTable,
            "No partners yet. A partner is the housing charity, council or landlord that lends "
            "the team a flat: add one before its flats.",
            (("Add a partner…", self.new_partner),) if can_edit else (),
        )
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(flats.list_partners())
        self.ui.partnersTable.resizeColumnsToContents()
        self._update_buttons()

    def selected_partner(self):
        indexes = self.ui.partnersTable.selectionModel().selectedRows()
        return self.proxy.source_row(indexes[0]) if indexes else None

    def _update_buttons(self) -> None:
        self.ui.editButton.setEnabled(self.selected_partner() is not None)

    def new_partner(self) -> None:
        if PartnerDialog.ask(self, self.actor) is not None:
            self.refresh()

    def edit_partner(self) -> None:
        partner = self.selected_partner()
        if (
            partner is not None
            and permissions.allowed(self.actor, "manage_partners")
            and PartnerDialog.ask(self, self.actor, flats.get_partner(partner.id)) is not None
        ):
            self.refresh()
