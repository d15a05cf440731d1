"""The flat register: every flat, and the certificates and periods out of use of the selected one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from housing_desk.services import flats, permissions
from housing_desk.services.compliance import CERTIFICATE_KINDS, SHORT_NAMES
from housing_desk.ui import dates, forms
from housing_desk.ui.attachments_panel import AttachmentsPanel
from housing_desk.ui.certificate_dialog import CertificateDialog
from housing_desk.ui.empty_state import EmptyState
from housing_desk.ui.flat_dialog import FlatDialog
from housing_desk.ui.operations import Operation
from housing_desk.ui.repairs_panel import RepairsPanel
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table
from housing_desk.ui.unavailability_dialogs import BackInUseDialog, UnavailabilityDialog


def _money(value) -> str:
    return f"£{value:,.2f}"


def _yes(flag: bool) -> str:
    return "Yes" if flag else "No"


FLAT_COLUMNS = (
    Column("Flat", lambda f: f.reference),
    Column("Address", lambda f: ", ".join(p for p in (f.address_line1, f.address_line2) if p)),
    Column("Town", lambda f: f.town),
    Column("Postcode", lambda f: f.postcode),
    Column("Partner", lambda f: f.partner.name),
    Column("Bedrooms", lambda f: str(f.bedrooms), sort_key=lambda f: f.bedrooms, align_right=True),
    Column(
        "Floor", lambda f: "Ground" if f.floor == 0 else str(f.floor), sort_key=lambda f: f.floor
    ),
    Column("Step-free", lambda f: _yes(f.step_free)),
    Column(
        "Weekly total",
        lambda f: _money(f.weekly_total),
        sort_key=lambda f: f.weekly_total,
        align_right=True,
        tooltip=lambda f: (
            f"Rent {_money(f.weekly_rent)}, eligible service {_money(f.eligible_service_charge)}, "
            f"ineligible service {_money(f.ineligible_service_charge)}, "
            f"support {_money(f.support_charge)}"
        ),
    ),
    Column("In use", lambda f: "Retired" if f.retired else "Yes"),
)
CERTIFICATE_COLUMNS = (
    Column("Certificate", lambda c: CERTIFICATE_KINDS[c.kind][0]),
    Column("Issued", lambda c: dates.uk(c.issued_on), sort_key=lambda c: c.issued_on),
    Column("Expires", lambda c: dates.uk(c.expires_on), sort_key=lambda c: c.expires_on),
    Column("Reference", lambda c: c.reference),
    Column("Result", lambda c: "Satisfactory" if c.satisfactory else "Unsatisfactory"),
    Column(
        "Her copy",
        lambda c: (
            f"Given {dates.uk(c.copy_given_on)}"
            if c.copy_given_on
            else (f"Due by {dates.uk(c.copy_due_on)}" if c.copy_due_on else "")
        ),
    ),
)
UNAVAILABLE_COLUMNS = (
    Column("From", lambda u: dates.uk(u.start), sort_key=lambda u: u.start),
    Column("Back in use", lambda u: dates.uk(u.end) or "Not known yet", sort_key=lambda u: u.end),
    Column("Reason", lambda u: flats.UNAVAILABILITY_REASONS[u.reason]),
    Column("Notes", lambda u: u.notes.replace("\n", " ")),
)


def _file_targets(flat) -> list[tuple[str, str, int]]:
    """The flat itself, then each of its certificates (their PDFs are kept with them)."""
    if flat is None:
        return []
    return [("This flat", "flat", flat.id)] + [
        (
            f"{SHORT_NAMES[c.kind]}, {dates.uk(c.issued_on)}",
            "certificate",
            c.id,
        )
        for c in flats.certificates(flat)
    ]


class FlatsPage(QWidget):
    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = forms.install("flats_page", self)
        self.model = RowTableModel(FLAT_COLUMNS, self)
        self.proxy = FilterProxy(self.model, self)
        prepare_table(self.ui.flatsTable, self.proxy)
        self.certificates = RowTableModel(CERTIFICATE_COLUMNS, self)
        self.certificates_proxy = FilterProxy(self.certificates, self)
        prepare_table(self.ui.certificatesTable, self.certificates_proxy)
        self.ui.certificatesTable.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.unavailable = RowTableModel(UNAVAILABLE_COLUMNS, self)
        self.unavailable_proxy = FilterProxy(self.unavailable, self)
        prepare_table(self.ui.unavailableTable, self.unavailable_proxy)
        self.ui.unavailableTable.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.repairs_panel = RepairsPanel(actor)
        self.ui.detailTabs.addTab(self.repairs_panel, "&Repairs")
        self.files_panel = AttachmentsPanel(actor)
        self.ui.detailTabs.addTab(self.files_panel, "F&iles")
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)

        ui = self.ui
        ui.filterEdit.setClearButtonEnabled(True)
        ui.filterEdit.textChanged.connect(self.proxy.setFilterFixedString)
        ui.newButton.clicked.connect(self.new_flat)
        ui.editButton.clicked.connect(self.edit_flat)
        ui.unavailableButton.clicked.connect(self.mark_unavailable)
        ui.addCertificateButton.clicked.connect(self.record_certificate)
        ui.backInUseButton.clicked.connect(self.back_in_use)
        ui.copyGivenButton.clicked.connect(self.copy_given)
        ui.copyGivenButton.setVisible(permissions.allowed(actor, "allocate"))
        ui.certificatesTable.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        ui.flatsTable.doubleClicked.connect(lambda _index: self.edit_flat())
        ui.flatsTable.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        ui.unavailableTable.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        for button in (
            ui.newButton,
            ui.editButton,
            ui.unavailableButton,
            ui.addCertificateButton,
            ui.backInUseButton,
        ):
            button.setVisible(permissions.allowed(actor, "manage_flats"))
        self.empty = EmptyState(
            ui.flatsTable,
            "No flats yet. Add each flat a partner lends, then its gas safety record, EICR and "
            "EPC: a flat is let only while they are in date.",
            (("Add a flat…", self.new_flat),) if permissions.allowed(actor, "manage_flats") else (),
        )
        self.refresh()

    # -- data ----------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        selected = select_id or self.selected_flat_id()
        self.model.set_rows(flats.list_flats())
        self.ui.flatsTable.resizeColumnsToContents()
        if selected is not None:
            self.select_flat(selected)
        self._show_selected()

    def selected_flat(self):
        indexes = self.ui.flatsTable.selectionModel().selectedRows()
        return self.proxy.source_row(indexes[0]) if indexes else None

    def selected_flat_id(self) -> int | None:
        flat = self.selected_flat()
        return flat.id if flat else None

    def select_flat(self, flat_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.source_row(index).id == flat_id:
                self.ui.flatsTable.selectRow(row)
                self.ui.flatsTable.scrollTo(index)
                return

    def _show_selected(self) -> None:
        flat = self.selected_flat()
        self.certificates.set_rows(flats.certificates(flat) if flat else [])
        self.unavailable.set_rows(flats.unavailabilities(flat) if flat else [])
        self.ui.certificatesTable.resizeColumnsToContents()
        self.ui.unavailableTable.resizeColumnsToContents()
        self.repairs_panel.show_flat(flat)
        self.files_panel.show_for(lambda: _file_targets(flat))
        self.ui.certificatesSummary.setText(
            f"Certificates of flat {flat.reference}"
            if flat
            else "Select a flat to see its certificates."
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_flat = self.selected_flat() is not None
        for button in (self.ui.editButton, self.ui.unavailableButton, self.ui.addCertificateButton):
            button.setEnabled(has_flat)
        self.ui.backInUseButton.setEnabled(self._selected_unavailability() is not None)
        cert = self._selected_certificate()
        self.ui.copyGivenButton.setEnabled(
            cert is not None and cert.copy_due_on is not None and cert.copy_given_on is None
        )

    def _selected_certificate(self):
        indexes = self.ui.certificatesTable.selectionModel().selectedRows()
        return self.certificates_proxy.source_row(indexes[0]) if indexes else None

    def _selected_unavailability(self):
        indexes = self.ui.unavailableTable.selectionModel().selectedRows()
        return self.unavailable_proxy.source_row(indexes[0]) if indexes else None

    # -- actions -------------------------------------------------------------
    def new_flat(self) -> None:
        flat = FlatDialog.ask(self, self.actor)
        if flat is not None:
            self.refresh(select_id=flat.id)

    def edit_flat(self) -> None:
        flat = self.selected_flat()
        if flat is not None and permissions.allowed(self.actor, "manage_flats"):
            saved = FlatDialog.ask(self, self.actor, flats.get_flat(flat.id))
            if saved is not None:
                self.refresh(select_id=saved.id)

    def mark_unavailable(self) -> None:
        flat = self.selected_flat()
        if flat is not None and UnavailabilityDialog.ask(self, self.actor, flat) is not None:
            self.refresh(select_id=flat.id)
            self.ui.detailTabs.setCurrentWidget(self.ui.unavailableTab)

    def record_certificate(self) -> None:
        flat = self.selected_flat()
        if flat is not None and CertificateDialog.ask(self, self.actor, flat) is not None:
            self.refresh(select_id=flat.id)
            self.ui.detailTabs.setCurrentWidget(self.ui.certificatesTab)

    def copy_given(self) -> None:
        cert, flat = self._selected_certificate(), self.selected_flat()
        if cert is None or flat is None:
            return
        Operation(self, lambda: flats.copy_given(self.actor, cert), title="Her copy").success(
            lambda _saved: self.refresh(select_id=flat.id)
        ).run()

    def back_in_use(self) -> None:
        row = self._selected_unavailability()
        if row is not None and BackInUseDialog.ask(self, self.actor, row) is not None:
            self.refresh()
