"""Licences: current and past, with sign-up, notice and move-out for the selected one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMenu, QWidget

from housing_desk.services import (
    flats,
    licence_register,
    licences,
    paperwork,
    people,
    permissions,
    support_plans,
    tenure,
)
from housing_desk.ui import dates, forms, licence_papers, messages
from housing_desk.ui.account_panel import AccountPanel
from housing_desk.ui.attachments_panel import AttachmentsPanel
from housing_desk.ui.empty_state import EmptyState
from housing_desk.ui.keywork_panel import KeyworkPanel
from housing_desk.ui.move_in_wizard import MoveInWizard
from housing_desk.ui.style import lock_icon
from housing_desk.ui.support_plan_panel import SupportPlanPanel
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table
from housing_desk.ui.tenancy_dialogs import MoveOutDialog, NoticeDialog, print_notice_to_quit
from housing_desk.ui.warnings_panel import WarningsPanel

LICENCE_COLUMNS = (
    Column("Flat", lambda r: r.reference),
    Column(
        "Resident",
        lambda r: r.name,
        decoration=lambda r: lock_icon() if r.do_not_disclose else None,
    ),
    Column("Start", lambda r: dates.uk(r.start_date), sort_key=lambda r: r.start_date),
    Column("End", lambda r: dates.uk(r.end_date), sort_key=lambda r: r.end_date),
    Column("Status", lambda r: r.status_label),
    Column(
        "Weekly total",
        lambda r: f"£{r.weekly_total:,.2f}",
        sort_key=lambda r: r.weekly_total,
        align_right=True,
    ),
    Column("Housing Benefit", lambda r: licences.HB_STATUSES[r.hb_status]),
    Column("Keys out", lambda r: str(r.keys_out), sort_key=lambda r: r.keys_out, align_right=True),
    Column("Ended because", lambda r: r.end_reason_label),
    Column("Destination", lambda r: r.destination),
)


DOCUMENT_COLUMNS = (
    Column(
        "Printed",
        lambda d: d.generated_at.astimezone().strftime("%d/%m/%Y %H:%M"),
        sort_key=lambda d: d.generated_at,
    ),
    Column("Document", lambda d: paperwork.KINDS.get(d.kind, d.kind)),
    Column("By", lambda d: d.full_name),
    Column("Wording version", lambda d: d.template_version),
    Column("Fingerprint (SHA-256)", lambda d: d.sha256[:16] + "…", tooltip=lambda d: d.sha256),
)


class LicencesPage(QWidget):
    person_activated = Signal(int)
    board_requested = Signal()  # no licences yet: a move-in starts from a free flat on the board

    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = forms.install("licences_page", self)
        ui = self.ui
        self.model = RowTableModel(LICENCE_COLUMNS, self)
        self.proxy = FilterProxy(self.model, self)
        prepare_table(ui.licencesTable, self.proxy, presorted=True)
        for key, label in licence_register.VIEWS.items():
            ui.viewCombo.addItem(f"{label} licences", key)
        ui.viewCombo.currentIndexChanged.connect(lambda _i: self.refresh())
        ui.filterEdit.setClearButtonEnabled(True)
        ui.filterEdit.textChanged.connect(self.proxy.setFilterFixedString)
        ui.licencesTable.selectionModel().selectionChanged.connect(lambda *_: self._buttons())
        ui.licencesTable.doubleClicked.connect(self._open_person)
        ui.signUpButton.clicked.connect(self.sign_up)
        ui.noticeButton.clicked.connect(self.notice)
        ui.moveOutButton.clicked.connect(self.move_out)
        self.documents = RowTableModel(DOCUMENT_COLUMNS, self)
        prepare_table(ui.documentsTable, FilterProxy(self.documents, self))
        ui.documentsTable.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.plan_panel = SupportPlanPanel(actor)
        self.plan_panel.changed.connect(self._show_documents)
        forms.place(ui.planHost, self.plan_panel)
        self.account_panel = AccountPanel(actor)
        self.account_panel.changed.connect(self._account_changed)
        ui.detailTabs.insertTab(1, self.account_panel, "&Account")
        self.files_panel = AttachmentsPanel(actor)
        ui.detailTabs.addTab(self.files_panel, "F&iles")
        self.keywork_panel = KeyworkPanel(actor)
        self.warnings_panel = WarningsPanel(actor)
        ui.detailTabs.addTab(self.keywork_panel, "&Keywork")
        ui.detailTabs.addTab(self.warnings_panel, "&Warnings")
        self.warnings_panel.changed.connect(self._show_documents)
        self._tenancy_shown = None
        ui.splitter.setSizes([380, 320])
        if not permissions.allowed(
            actor, "view_sensitive"
        ):  # a viewer sees no support plans or risks
            ui.detailTabs.removeTab(ui.detailTabs.indexOf(ui.planTab))
            ui.detailTabs.removeTab(ui.detailTabs.indexOf(self.account_panel))
        menu = QMenu(ui.paperworkButton)
        self.print_actions = {
            "agreement": menu.addAction(
                "Licence agreement…", lambda: self.print_licence("agreement")
            ),
            "pack": menu.addAction("Sign-up pack…", lambda: self.print_licence("pack")),
        }
        self.notice_action = menu.addAction("Notice to quit…", self.print_notice)
        menu.addSeparator()
        self.batch_action = menu.addAction(
            "Sign-up packs for everyone awaiting sign-up…", self.print_batch
        )
        ui.paperworkButton.setMenu(menu)
        ui.paperworkButton.setEnabled(permissions.allowed(actor, "print"))
        self.empty = EmptyState(
            ui.licencesTable,
            "No licences in this list. A licence is made when a woman moves in: choose a free flat "
            "on the board and Move in.",
            (("Open the board", self.board_requested.emit),),
        )
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(
            licence_register.list_licences(self.actor, self.ui.viewCombo.currentData())
        )
        self.ui.licencesTable.resizeColumnsToContents()
        self._buttons()

    def select_licence(self, licence_id: int) -> None:
        """Show a licence, whichever view it is in."""
        self.ui.viewCombo.setCurrentIndex(self.ui.viewCombo.findData("all"))
        self.model.fetch_all()
        for row in range(self.proxy.rowCount()):
            if self.proxy.source_row(self.proxy.index(row, 0)).licence_id == licence_id:
                self.ui.licencesTable.selectRow(row)
                return

    def show_plan(self, licence_id: int) -> None:
        """Her licence on its Support plan tab."""
        self.select_licence(licence_id)
        if self.ui.detailTabs.indexOf(self.ui.planTab) >= 0:
            self.ui.detailTabs.setCurrentWidget(self.ui.planTab)

    def show_account(self, licence_id: int, *, decision: bool = False) -> None:
        """Her licence on its Account tab; ``decision`` opens the council's decision to record."""
        self.select_licence(licence_id)
        if self.ui.detailTabs.indexOf(self.account_panel) < 0:
            return  # a viewer sees no accounts
        self.ui.detailTabs.setCurrentWidget(self.account_panel)
        if decision:
            self.account_panel.record_decision()

    def selected(self):
        indexes = self.ui.licencesTable.selectionModel().selectedRows()
        row = self.proxy.source_row(indexes[0]) if indexes else None
        return licences.get_licence(self.actor, row.licence_id) if row else None

    def _buttons(self) -> None:
        licence = self.selected()
        allowed = licences.allowed_actions(licence, self.actor) if licence else {}
        self.ui.signUpButton.setEnabled(allowed.get("sign_up", False))
        self.ui.noticeButton.setEnabled(allowed.get("notice", False))
        self.ui.moveOutButton.setEnabled(allowed.get("move_out", False))
        for action in self.print_actions.values():
            action.setEnabled(licence is not None)
        self.notice_action.setEnabled(licence is not None and tenure.notice_to_quit_due(licence))
        if (
            self.plan_panel.licence is None
            or licence is None
            or self.plan_panel.licence.id != licence.id
        ):
            self.plan_panel.show_licence(licence)
        if (
            self.account_panel.licence is None
            or licence is None
            or self.account_panel.licence.id != licence.id
        ):
            self.account_panel.show_licence(licence)
            self.files_panel.show_for(
                lambda: [("This licence", "licence", licence.id)] if licence else []
            )
        if (licence.id if licence else None) != self._tenancy_shown:
            self._tenancy_shown = licence.id if licence else None
            name = licence.person.display_name if licence else ""
            self.keywork_panel.show_for(licence=licence, name=name)
            self.warnings_panel.show_for(licence=licence, name=name)
        self._show_documents()

    def _account_changed(self) -> None:
        # A decision on her claim changes the register's Housing Benefit column too.
        current = self.account_panel.licence
        self.refresh()
        if current is not None:
            self.model.fetch_all()
            for row in range(self.proxy.rowCount()):
                if self.proxy.source_row(self.proxy.index(row, 0)).licence_id == current.id:
                    self.ui.licencesTable.selectRow(row)
                    break

    def _show_documents(self) -> None:
        licence = self.plan_panel.licence
        rows = []
        if licence is not None:
            rows = paperwork.documents_for("licence", licence.id)
            for plan in support_plans.plans_for(self.actor, licence):
                rows += paperwork.documents_for("support_plan", plan.id)
        self.documents.set_rows(sorted(rows, key=lambda d: d.generated_at, reverse=True))
        self.ui.documentsTable.resizeColumnsToContents()

    # -- paperwork -------------------------------------------------------------
    def print_licence(self, which: str) -> None:
        licence = self.selected()
        if licence is not None:
            licence_papers.show_paper(self, self.actor, licence, which, self._show_documents)

    def print_notice(self) -> None:
        licence = self.selected()
        if licence is not None:
            print_notice_to_quit(self, self.actor, licence, then=self._show_documents)

    def print_batch(self) -> None:
        """Every sign-up pack awaiting signature, made with progress (and a Cancel button), then
        printed or saved to a folder."""
        from housing_desk.ui.batch_print import print_signup_packs

        waiting = [
            r.licence_id
            for r in licence_register.list_licences(self.actor, "current")
            if r.status == "pending_signup"
        ]
        if not waiting:
            messages.information(self, "Sign-up packs", "No licence is awaiting sign-up.")
            return
        print_signup_packs(self, self.actor, waiting, then=lambda _count: self._show_documents())

    def _done(self, saved) -> None:
        if saved is not None:
            self.refresh()

    def sign_up(self) -> None:
        licence = self.selected()
        if licence is not None:
            self._done(
                MoveInWizard.ask(self, self.actor, flats.get_flat(licence.flat_id), licence=licence)
            )

    def notice(self) -> None:
        licence = self.selected()
        if licence is not None:
            self._done(
                NoticeDialog.ask(
                    self, self.actor, licence, people.name_of(self.actor, licence.person_id)
                )
            )

    def move_out(self) -> None:
        licence = self.selected()
        if licence is not None:
            name = people.name_of(self.actor, licence.person_id)
            self._done(MoveOutDialog.ask(self, self.actor, licence, name))

    def _open_person(self, index) -> None:
        row = self.proxy.source_row(index)
        if row is not None:
            self.person_activated.emit(row.person_id)
