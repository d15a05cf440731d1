"""Accounts, the audit log and the idle lock, in the window."""

from datetime import date

from PySide6.QtWidgets import QApplication, QDialog

from housing_desk.data.models import User
from housing_desk.services import audit, users
from housing_desk.ui.idle_lock import IdleLock
from housing_desk.ui.main_window import MainWindow
from housing_desk.ui.person_dialog import PersonDialog
from housing_desk.ui.users_page import AccountDialog, PasswordDialog
from tests import factories
from tests.databases import on_postgresql


def nav_labels(window):
    return [window.ui.navigation.item(i).text() for i in range(window.ui.navigation.count())]


def test_pages_follow_the_role(qtbot, admin):
    officer = factories.user(admin, "officer")
    manager = factories.user(admin, "manager")
    for user, audit_shown, accounts_shown in (
        (officer, False, False),
        (manager, True, False),
        (admin, True, True),
    ):
        window = MainWindow(user)
        qtbot.addWidget(window)
        labels = nav_labels(window)
        assert ("Audit log" in labels) is audit_shown and ("Accounts" in labels) is accounts_shown


def test_audit_page_lists_and_filters(qtbot, admin, shown_messages):
    woman = factories.person(admin, given_name="Ana", family_name="Lopes")
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("audit")
    assert page.model.rowCount() >= 2
    factories.person(
        admin, given_name="Anabela", family_name="Lopes", date_of_birth=date(1991, 4, 2)
    )
    page.ui.personEdit.insert("lopes")
    page.ui.personEdit.textEdited.emit("lopes")
    offered = page.completions.stringList()
    assert offered == ["Ana Lopes", "Anabela Lopes, born 02/04/1991"]
    page.ui.searchButton.click()  # typed, not chosen: she is asked to choose
    assert shown_messages.shown[-1][2].startswith("Choose her from the names offered")
    page.ui.personEdit.completer().activated.emit("Ana Lopes")
    page.ui.searchButton.click()
    assert [(e.entity, e.entity_id) for e in page.model.rows()] == [("person", woman.id)]
    page.ui.personEdit.clear()
    page.ui.searchButton.click()
    assert page.model.rowCount() >= 3


def test_accounts_page_creates_resets_and_deactivates(qtbot, admin, shown_messages):
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("users")
    dialog = AccountDialog(admin)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.fullNameEdit, "Bea Nowak")
    qtbot.keyClicks(dialog.ui.usernameEdit, "bea")
    qtbot.keyClicks(dialog.ui.passwordEdit, "short")
    dialog.ok_button().click()
    assert "at least 10" in dialog.errors.message_for("password")
    qtbot.keyClicks(dialog.ui.passwordEdit, " but longer now")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    page.refresh()
    bea = User.get(User.username == "bea")
    row = next(
        r
        for r in range(page.proxy.rowCount())
        if page.proxy.source_row(page.proxy.index(r, 0)).id == bea.id
    )
    page.ui.usersTable.selectRow(row)
    page.ui.activeButton.click()
    assert not User.get_by_id(bea.id).active
    reset = PasswordDialog(admin, bea)
    qtbot.addWidget(reset)
    assert not reset.ui.currentEdit.isEnabled()
    reset.ui.newEdit.setText("a fresh password 1")
    reset.ui.confirmEdit.setText("a fresh password 1")
    with qtbot.waitSignal(reset.accepted):
        reset.ok_button().click()


def test_changing_my_own_password(qtbot, admin):
    dialog = PasswordDialog(admin)
    qtbot.addWidget(dialog)
    dialog.ui.currentEdit.setText("not it at all")
    dialog.ui.newEdit.setText("brand new password")
    dialog.ui.confirmEdit.setText("brand new password")
    dialog.ok_button().click()
    assert "current password" in dialog.errors.message_for("current_password")
    dialog.ui.currentEdit.setText(factories.PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    assert users.authenticate("amara", "brand new password").id == admin.id


def test_idle_lock_hides_everything_keeps_the_typing_and_asks_for_the_password(qtbot, admin):
    window = MainWindow(admin)
    qtbot.addWidget(window)
    window.show()
    half_typed = PersonDialog(admin)
    qtbot.addWidget(half_typed)
    half_typed.show()
    half_typed.ui.givenNameEdit.setText("Ioana")
    lock = IdleLock(admin, minutes=0)
    lock.check()
    assert lock.locked and not window.isVisible() and not half_typed.isVisible()
    dialog = lock.dialog
    dialog.ui.passwordEdit.setText("wrong password")
    dialog.ok_button().click()
    assert lock.locked and "not your password" in dialog.errors.message_for("password")
    assert "username" not in dialog.errors.message_for("password")
    dialog.ui.passwordEdit.setText(factories.PASSWORD)
    dialog.ok_button().click()
    assert not lock.locked and window.isVisible() and half_typed.isVisible()
    assert half_typed.ui.givenNameEdit.text() == "Ioana"
    assert dialog.result() == QDialog.DialogCode.Accepted
    lock.stop()
    assert QApplication.instance() is not None
    assert audit.events("user", admin.id)[-1].changes == {"result": "signed in"}


def test_back_up_and_restore_from_the_menu(qtbot, admin, tmp_path, monkeypatch, shown_messages):
    from housing_desk.data.models import Person
    from housing_desk.ui import backup_dialogs, messages

    factories.person(admin, given_name="Ana", family_name="Lopes")
    window = MainWindow(admin)
    qtbot.addWidget(window)
    path = tmp_path / "today.housingdesk"
    monkeypatch.setattr(messages, "save_file_name", lambda *args: str(path))
    shown_messages.confirm_answer = False  # no passphrase
    backing_up = backup_dialogs.back_up(window)
    assert backing_up.progress_dialog.isVisible()  # the window keeps painting meanwhile
    qtbot.waitUntil(lambda: backing_up.done, timeout=20_000)
    assert path.exists() and "each table checked" in shown_messages.shown[-1][2]
    factories.person(admin, given_name="Bea", family_name="Nowak")
    monkeypatch.setattr(messages, "open_file_name", lambda *args: str(path))
    shown_messages.confirm_answer = True
    closed = []
    restoring = backup_dialogs.restore(window, then=lambda: closed.append(True))
    qtbot.waitUntil(lambda: restoring.done, timeout=20_000)
    if on_postgresql():  # a shared database is restored only into a new, empty one
        assert "only into a new, empty database" in shown_messages.shown[-1][2] and not closed
        assert [p.given_name for p in Person.select().order_by(Person.id)] == ["Ana", "Bea"]
        return
    assert closed == [True]
    assert [p.given_name for p in Person.select()] == ["Ana"]


def test_cancelling_a_backup_leaves_no_file(qtbot, admin, tmp_path, monkeypatch, shown_messages):
    from housing_desk.ui import backup_dialogs, messages
    from housing_desk.ui.operations import Job

    window = MainWindow(admin)
    qtbot.addWidget(window)
    folder = tmp_path / "backups"
    folder.mkdir()
    path = folder / "today.housingdesk"
    monkeypatch.setattr(messages, "save_file_name", lambda *args: str(path))
    monkeypatch.setattr(Job, "progress", lambda job, done, total: job.cancel())  # Cancel at once
    shown_messages.confirm_answer = False  # no passphrase
    backing_up = backup_dialogs.back_up(window)
    qtbot.waitUntil(lambda: backing_up.done, timeout=20_000)
    assert list(folder.iterdir()) == []  # not even a part-written file
    kind, title, text = shown_messages.shown[-1]
    assert (kind, title) == ("information", "Back up") and "Stopped" in text


def test_retention_page_and_export_button_follow_the_role(qtbot, admin):
    officer = factories.user(admin, "officer")
    manager = factories.user(admin, "manager")
    person = factories.person(admin)
    for user, shown in ((officer, False), (manager, True)):
        window = MainWindow(user)
        qtbot.addWidget(window)
        assert ("Retention" in nav_labels(window)) is shown
        page = window.show_page("people")
        page.select_person(person.id)
        assert page.panel.ui.exportButton.isHidden() is not shown
