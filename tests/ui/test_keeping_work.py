"""Typed work is not dropped by Esc, Enter means what the box it is typed in says, and the
dialogs that guard access ask only what they need."""

from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QDialog

from housing_desk import clock
from housing_desk.config import Config
from housing_desk.data.models import LicenceKey
from housing_desk.services import licences
from housing_desk.ui import backup_dialogs, dates, messages
from housing_desk.ui.assessment_dialog import AssessmentDialog
from housing_desk.ui.flat_dialog import FlatDialog
from housing_desk.ui.move_in_wizard import KEYS, MoveInWizard
from housing_desk.ui.person_dialog import PersonDialog
from tests import factories


def test_esc_on_a_typed_dialog_asks_before_discarding(qtbot, admin, shown_messages):
    dialog = PersonDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes without a question
    assert dialog.result() == QDialog.DialogCode.Rejected and shown_messages.shown == []

    dialog = PersonDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.ui.givenNameEdit, "Ioana")
    shown_messages.confirm_answer = False  # "Keep editing"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.ui.givenNameEdit.text() == "Ioana"
    assert shown_messages.shown[-1][:2] == ("confirm", "Discard what you typed?")
    shown_messages.confirm_answer = True
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_long_assessment_is_not_lost_to_esc(qtbot, admin, shown_messages):
    woman = factories.person(admin)
    dialog = AssessmentDialog(admin, woman)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_scores(factories.scores(4))
    dialog.evidence_edits["safety"].setPlainText("Keeps away from the places she named.")
    shown_messages.confirm_answer = False
    dialog.reject()
    assert dialog.isVisible()
    assert dialog.evidence_edits["safety"].toPlainText().startswith("Keeps away")


def test_every_editing_dialog_has_a_default_button(qtbot, admin, partner):
    for dialog in (
        PersonDialog(admin),
        FlatDialog(admin),
        AssessmentDialog(admin, factories.person(admin)),
    ):
        qtbot.addWidget(dialog)
        assert dialog.ok_button().isDefault()


def test_enter_in_the_keys_box_adds_a_key_and_does_not_finish(qtbot, admin, partner):
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin)
    licence = licences.create_licence(admin, woman, home, start_date=clock.today())
    wizard = MoveInWizard(admin, home, licence=licence)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == KEYS
    edit = wizard.keys_page.ui.keyEdit
    edit.setFocus()
    qtbot.keyClicks(edit, "Front door")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert wizard.isVisible() and wizard.result() != QDialog.DialogCode.Accepted
    assert [k.label for k in LicenceKey.select()] == ["Front door"]
    assert licences.get_licence(admin, licence.id).status == "pending_signup"


def test_a_date_can_be_typed_after_a_click_anywhere_in_it(qtbot, admin):
    dialog = PersonDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    edit: QDateEdit = dialog.ui.birthEdit
    dialog.ui.birthKnownCheck.setChecked(True)
    for typed in ("05/01/1990", "5/1/1990", "05.01.1990", "05011990"):
        edit.setDate(QDate(2001, 11, 25))
        dialog.ui.givenNameEdit.setFocus()  # the click is what brings the focus
        middle = QPoint(edit.width() // 2, edit.height() // 2)  # in the month, not the day
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=middle)
        qtbot.keyClicks(edit, typed)
        assert dates.get_date(edit) == date(1990, 1, 5), typed


def test_a_backup_passphrase_is_asked_twice(qtbot, admin, tmp_path, monkeypatch, shown_messages):
    from housing_desk.services import transfer
    from housing_desk.ui.main_window import MainWindow

    window = MainWindow(admin)
    qtbot.addWidget(window)
    path = tmp_path / "today.housingdesk"
    monkeypatch.setattr(messages, "save_file_name", lambda *args: str(path))
    typed = iter(["a long passphrase", None])
    monkeypatch.setattr(messages, "ask_secret", lambda *args: next(typed))
    assert not backup_dialogs.back_up(window)  # cancelled at the second box: no plain backup
    assert not path.exists()
    typed = iter(
        ["a long passphrase", "a long passphrasf", "a long passphrase", "a long passphrase"]
    )
    backing_up = backup_dialogs.back_up(window)
    qtbot.waitUntil(lambda: backing_up.done, timeout=20_000)
    assert any("not the same" in text for _kind, _title, text in shown_messages.shown)
    assert transfer.is_encrypted(str(path))


def test_the_demo_does_not_lock_itself_for_good(qtbot, admin):
    from housing_desk.app import Startup
    from housing_desk.ui.main_window import MainWindow

    app = QApplication.instance()
    quits = app.quitOnLastWindowClosed()
    for demo, locks in ((True, False), (False, True)):
        startup = Startup(app, Config(database_url="sqlite://", demo=demo), "here")
        startup.open_main_window(admin)
        window: MainWindow = startup.window
        qtbot.addWidget(window)
        assert (window.idle_lock is not None) is locks
        assert window.lock_action.isEnabled() is locks
        if window.idle_lock is not None:
            window.idle_lock.stop()
    app.setQuitOnLastWindowClosed(quits)
