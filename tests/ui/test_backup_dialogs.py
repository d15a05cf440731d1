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
