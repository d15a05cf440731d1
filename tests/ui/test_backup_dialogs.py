"""The File menu's backup of an encrypted database is not plain unless the administrator says so."""

from PySide6.QtWidgets import QWidget

from housing_desk.data.database import bound_to, open_database
from housing_desk.services import transfer
from housing_desk.ui import backup_dialogs, messages
from tests import factories


def test_an_encrypted_database_is_backed_up_plain_only_when_asked(
    qtbot, tmp_path, monkeypatch, shown_messages
):
    encrypted = open_database(f"sqlcipher:///{tmp_path / 'enc.db'}", "passphrase 1", bind=False)
    path = tmp_path / "plain.housingdesk"
    monkeypatch.setattr(messages, "save_file_name", lambda *args: str(path))
    with bound_to(encrypted):
        window = QWidget()
        qtbot.addWidget(window)
        window.user = factories.admin()
        shown_messages.confirm_answer = False  # no passphrase; and then: not plain either
        assert not backup_dialogs.back_up(window)
        assert "is encrypted" in shown_messages.shown[-1][2] and not path.exists()
        answers = iter([False, True])  # no passphrase; yes, a plain backup
        monkeypatch.setattr(messages, "confirm", lambda *args, **kwargs: next(answers))
        backing_up = backup_dialogs.back_up(window)
        qtbot.waitUntil(lambda: backing_up.done, timeout=20_000)
        assert path.exists() and not transfer.is_encrypted(path)
    encrypted.close()


def _copy_action(window):
    from tests.ui.test_main_window import menu

    return next(a for a in menu(window, "File").actions() if "Copy to another database" in a.text())


def _follow(monkeypatch) -> list:
    """Every Operation started in the background, noted before its thread starts."""
    from housing_desk.ui import operations

    started = []
    run = operations.Operation.run_in_background

    def noted(self, *args, **kwargs):
        started.append(self)
        return run(self, *args, **kwargs)

    monkeypatch.setattr(operations.Operation, "run_in_background", noted)
    return started


def test_the_file_menu_copies_into_a_new_file_in_the_background(
    qtbot, db, admin, three_flats, tmp_path, monkeypatch, shown_messages
):
    from housing_desk.ui.main_window import MainWindow

    window = MainWindow(admin)
    qtbot.addWidget(window)
    window.show()
    target = tmp_path / "copy.db"
    shown_messages.choose_answer = "file"
    shown_messages.confirm_answer = False  # no passphrase
    monkeypatch.setattr(messages, "save_file_name", lambda *args: str(target))
    started = _follow(monkeypatch)
    before = transfer.checks(db)
    _copy_action(window).trigger()
    copying = started[-1]
    assert copying.progress_dialog is not None and copying.progress_dialog.isVisible()
    assert copying._thread.name == "operation: Copy"
    qtbot.waitUntil(lambda: copying.done, timeout=30_000)
    assert shown_messages.shown[-1][:2] == ("information", "Copy")
    assert "copy.db, each table checked" in shown_messages.shown[-1][2]
    copy = open_database(f"sqlite:///{target}", bind=False)
    assert transfer.checks(copy) == before
    copy.close()


def test_cancel_stops_the_copy_and_leaves_no_file(
    qtbot, admin, three_flats, tmp_path, monkeypatch, shown_messages
):
    from housing_desk.services import table_checks

    window = QWidget()
    qtbot.addWidget(window)
    window.user = admin
    target = tmp_path / "copy.db"
    shown_messages.choose_answer = "file"
    shown_messages.confirm_answer = False
    monkeypatch.setattr(messages, "save_file_name", lambda *args: str(target))
    monkeypatch.setattr(table_checks, "CHUNK", 1)  # a step per row: Cancel lands mid-way
    pressed, started = [], _follow(monkeypatch)
    step = table_checks.Work.step

    def press_cancel_once(work, rows):  # as if she pressed Cancel once the copy was under way
        if not pressed:
            pressed.append(True)
            started[-1].job.cancel()
        step(work, rows)

    monkeypatch.setattr(table_checks.Work, "step", press_cancel_once)
    copying = backup_dialogs.copy_to_database(window)
    assert copying is started[-1]
    qtbot.waitUntil(lambda: copying.done, timeout=30_000)
    assert pressed and shown_messages.shown[-1][:2] == ("information", "Copy")
    assert "Stopped" in shown_messages.shown[-1][2]
    assert not list(tmp_path.glob("copy.db*"))


def test_only_an_administrator_has_the_copy(qtbot, admin):
    from housing_desk.ui.main_window import MainWindow

    officer = factories.user(admin, role="officer")
    window = MainWindow(officer)
    qtbot.addWidget(window)
    assert not _copy_action(window).isEnabled()
