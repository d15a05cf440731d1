"""The main window: a sidebar of pages, menus and shortcuts, the signed-in user in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QWidget

from housing_desk import __version__
from housing_desk.services import permissions, users
from housing_desk.ui import forms, messages, window_fit
from housing_desk.ui.board_page import BoardPage
from housing_desk.ui.main_pages import ALL_PAGES as ALL_PAGES

SETTINGS_ORGANISATION = "housing-desk"
SETTINGS_APPLICATION = "Housing Desk"
SIDEBAR_PADDING = 14


class MainWindow(QMainWindow):
    """Built with a ``user``, or built before anyone signs in (``user`` None: the board is read,
    nothing else; ``board_read`` what the board shows, read beforehand) and then given the officer by ``sign_in``,
    which decides everything that depends on who she is."""

    def __init__(
        self,
        user=None,
        *,
        location: str = "",
        idle_minutes: float | None = None,
        parent: QWidget | None = None,
        board_read=None,
    ):
        super().__init__(parent)
        self.user = None
        self.idle_lock = None
        self.ui = forms.install("main_window", self)
        self.setWindowTitle("Housing Desk")
        self.pages: dict[str, QWidget] = {}
        self.page_list: list = []
        self.rights: frozenset[str] = frozenset()
        self._keys: list[str] = []
        holder = window_fit.scrolling(stack=self.ui.pages)
        self.board = BoardPage(None, holder.widget(), read=board_read)  # in its place: styled once
        self._add_page("board", self.board, holder)
        self.board.flat_activated.connect(self.show_flat)
        self.board.person_activated.connect(self.show_person)
        self.board.licence_activated.connect(self.show_licence)
        self.board.account_requested.connect(self.show_account)
        self.board.plan_requested.connect(self.show_plan)
        self.board.add_flat_requested.connect(lambda: self.show_page("flats").new_flat())
        self.ui.navigation.currentRowChanged.connect(self._row_chosen)
        window_fit.fit(self, 1180, 760)
        self._restore_geometry()
        if user is not None:
            self.sign_in(user, location=location, idle_minutes=idle_minutes)

    def sign_in(self, user, *, location: str = "", idle_minutes: float | None = None) -> None:
        """Make the window hers: the pages, menus and actions her role allows, her name in the
        status bar, the lock after ``idle_minutes``, and a board that is up to date for her."""
        if self.user is not None:
            raise RuntimeError("This window already belongs to someone signed in")
        self.user = user
        self.rights = permissions.rights(user)  # one read of her account for the whole window
        self.page_list = [p[:4] for p in ALL_PAGES if p[4] in self.rights]
        self._keys = [key for key, *_ in self.page_list]
        for _key, label, shortcut, _factory in self.page_list:
            item = QListWidgetItem(label)
            item.setToolTip(f"{label} ({shortcut})" if shortcut else label)
            self.ui.navigation.addItem(item)
        # as wide as its longest label, so that a scaled laptop screen is left to the page
        navigation = self.ui.navigation
        navigation.setFixedWidth(min(200, navigation.sizeHintForColumn(0) + 2 * SIDEBAR_PADDING))
        self.board.sign_in(user)
        self._build_menus()
        role = users.ROLE_LABELS.get(user.role, user.role)
        status = QLabel(
            f"Signed in as {user.full_name} ({role})" + (f"  ·  {location}" if location else "")
        )
        self.statusBar().addPermanentWidget(status)
        self.ui.navigation.setCurrentRow(0)
        if idle_minutes:
            from housing_desk.ui.idle_lock import IdleLock

            self.idle_lock = IdleLock(user, idle_minutes, self)
        self.lock_action.setEnabled(self.idle_lock is not None)

    def _row_chosen(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.show_page(self._keys[row])

    # -- pages ---------------------------------------------------------------
    def _add_page(self, key: str, page: QWidget, holder=None) -> None:
        self.pages[key] = page
        # Each page scrolls inside the window rather than push it past a small or scaled screen.
        if holder is None:
            window_fit.scrolling(page, stack=self.ui.pages)
        else:
            holder.widget().hold(page)

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built the first time it is needed."""
        if key not in self.pages:
            factory = {k: f for k, _l, _s, f in self.page_list}[key]
            self._add_page(key, factory(self))
        return self.pages[key]

    def show_page(self, key: str) -> QWidget:
        """Switch to a page; a page shown again is refreshed, since others may have changed things."""
        built_now = key not in self.pages
        page = self.page(key)
        switching = self.current_page() is not page
        self.ui.pages.setCurrentWidget(window_fit.holder(page))
        row = self._keys.index(key)
        if self.ui.navigation.currentRow() != row:
            self.ui.navigation.setCurrentRow(row)  # comes back here, no longer switching
        if switching and not built_now:
            page.refresh()
        return page

    def current_page(self) -> QWidget | None:
        holder = self.ui.pages.currentWidget()
        return holder.widget().page if holder is not None else None

    def show_flat(self, flat_id: int) -> None:
        self.show_page("flats").select_flat(flat_id)

    def show_person(self, person_id: int) -> None:
        self.show_page("people").select_person(person_id)

    def show_licence(self, licence_id: int) -> None:
        self.show_page("licences").select_licence(licence_id)

    def show_plan(self, licence_id: int) -> None:
        self.show_page("licences").show_plan(licence_id)

    def show_account(self, licence_id: int, decision: bool = False) -> None:
        self.show_page("licences").show_account(licence_id, decision=decision)

    def refresh(self) -> None:
        page = self.current_page()
        if hasattr(page, "refresh"):
            page.refresh()

    # -- menus ---------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, *, enabled: bool = True) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        action.setEnabled(enabled)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&Refresh", self.refresh, QKeySequence.StandardKey.Refresh)
        self._action(
            file_menu,
            "&Availability report…",
            self.availability_report,
            "Ctrl+P",
            enabled="print" in self.rights,
        )
        self._action(file_menu, "Change my &password…", self.change_password)
        file_menu.addSeparator()
        can_back_up = "manage_users" in self.rights
        self._action(file_menu, "&Back up…", self.back_up, enabled=can_back_up)
        self._action(file_menu, "R&estore…", self.restore, enabled=can_back_up)
        self._action(
            file_menu, "&Copy to another database…", self.copy_database, enabled=can_back_up
        )
        can_import = "import" in self.rights
        self._action(
            file_menu, "&Import from a spreadsheet…", self.import_lists, enabled=can_import
        )
        self._action(file_menu, "E&xport a list…", self.export_list, enabled=can_import)
        self.lock_action = self._action(file_menu, "&Lock now", self.lock_now, "Ctrl+L")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        go_menu = bar.addMenu("&Go")
        for key, label, shortcut, _factory in self.page_list:
            self._action(go_menu, label, lambda _checked=False, k=key: self.show_page(k), shortcut)

        people_menu = bar.addMenu("&People")
        self._action(
            people_menu,
            "&New person…",
            lambda: self.show_page("people").new_person(),
            "Ctrl+Shift+N",
            enabled="manage_people" in self.rights,
        )
        self._action(people_menu, "&Waiting list", lambda: self.show_page("referrals"))

        can_manage = "manage_flats" in self.rights
        flats_menu = bar.addMenu("F&lats")
        self._action(
            flats_menu,
            "&New flat…",
            lambda: self.show_page("flats").new_flat(),
            "Ctrl+N",
            enabled=can_manage,
        )
        self._action(
            flats_menu,
            "&Record certificate…",
            lambda: self.show_page("flats").record_certificate(),
            enabled=can_manage,
        )
        self._action(
            flats_menu,
            "Take &out of use…",
            lambda: self.show_page("flats").mark_unavailable(),
            enabled=can_manage,
        )
        flats_menu.addSeparator()
        self._action(
            flats_menu,
            "New &partner…",
            lambda: self.show_page("partners").new_partner(),
            enabled="manage_partners" in self.rights,
        )

        help_menu = bar.addMenu("&Help")
        from housing_desk.services import setup_guide

        if setup_guide.offered_to(self.user):  # until set-up is finished
            self.guide_action = self._action(help_menu, "&Set-up guide…", self.open_setup_guide)
        self._action(help_menu, "&About Housing Desk", self.about)

    def open_setup_guide(self) -> None:
        from housing_desk.ui.setup_guide import SetupGuide

        self.guide = SetupGuide.open_for(self, self.user)
        if self.guide is not None:
            self.guide.finished.connect(lambda _result: self._guide_closed())

    def _guide_closed(self) -> None:
        from housing_desk.services import setup_guide

        self.guide_action.setVisible(setup_guide.offered_to(self.user))
        self.refresh()

    def change_password(self) -> None:
        from housing_desk.ui.users_page import PasswordDialog

        if PasswordDialog.ask(self, self.user) is not None:
            messages.information(self, "Password", "Your password is changed.")

    def back_up(self) -> None:
        from housing_desk.ui.backup_dialogs import back_up

        back_up(self)

    def copy_database(self) -> None:
        from housing_desk.ui.backup_dialogs import copy_to_database

        copy_to_database(self)

    def import_lists(self) -> None:
        from housing_desk.ui.import_dialogs import ImportDialog

        if ImportDialog.ask(self, self.user):
            self.refresh()

    def export_list(self) -> None:
        from housing_desk.ui.import_dialogs import ExportDialog

        ExportDialog.ask(self, self.user)

    def restore(self) -> None:
        from housing_desk.ui.backup_dialogs import restore

        restore(self, then=self.close)

    def lock_now(self) -> None:
        if self.idle_lock is not None:
            self.idle_lock.lock()

    def availability_report(self) -> None:
        """The board as a PDF for partners and the council, naming no woman; the dialog offers the
        team's own copy with names (off unless ticked)."""
        from housing_desk.ui.availability_report_dialog import AvailabilityReportDialog
        from housing_desk.ui.pdf_preview import PdfPreviewDialog

        on = self.board.on()
        pdf = AvailabilityReportDialog.ask(self, self.user, on)
        if pdf is None:
            return
        PdfPreviewDialog.show_pdf(
            self, pdf, "Availability report", f"availability-{on:%Y-%m-%d}.pdf"
        )

    def about(self) -> None:
        messages.information(
            self,
            "About Housing Desk",
            f"Housing Desk {__version__}\n\nPartner flats, referrals, licences and paperwork "
            "for a supported-housing team.",
        )

    # -- geometry ------------------------------------------------------------
    def _settings(self) -> QSettings:
        return QSettings(SETTINGS_ORGANISATION, SETTINGS_APPLICATION)

    def _restore_geometry(self) -> None:
        geometry = self._settings().value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            window_fit.fit(self, self.width(), self.height())  # a bigger screen may be gone

    def closeEvent(self, event) -> None:
        if self.idle_lock is not None:
            self.idle_lock.stop()
        self._settings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
