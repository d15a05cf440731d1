"""Backing up and restoring from the File menu, with progress."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from housing_desk.services import transfer
from housing_desk.services.errors import DomainError
from housing_desk.ui import messages


def _progress(parent, title: str):
    dialog = QProgressDialog(title, None, 0, 100, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)

    def update(done: int, total: int) -> None:
        dialog.setValue(min(100, done * 100 // max(total, 1)))
        QApplication.processEvents()

    return dialog, update


CANCELLED = object()


def _passphrase(parent, title: str, question: str):
    """A new passphrase typed twice alike; None for a plain backup, CANCELLED to stop.

    A typing slip in a passphrase asked once would lock the team out of its own backup for good.
    """
    if not messages.confirm(parent, title, question, yes="Yes, with a passphrase", no="No"):
        return None
    while True:
        first = messages.ask_secret(parent, title, "Passphrase (at least 10 characters):")
        if not first:
            return CANCELLED
        again = messages.ask_secret(parent, title, "The same passphrase again, to be sure:")
        if again is None:
            return CANCELLED
        if again == first:
            return first
        messages.warning(parent, title, "The two passphrases are not the same. Type them again.")


def back_up(window) -> bool:
    name = messages.save_file_name(
        window,
        "Back up to…",
        f"housing-desk-{date.today():%Y-%m-%d}.housingdesk",
        "Housing Desk backups (*.housingdesk)",
    )
    if not name:
        return False
    passphrase = _passphrase(
        window,
        "Back up",
        "Protect the backup with a passphrase? Without one, anyone who has the file can read it.",
    )
    if passphrase is CANCELLED:
        return False
    plain = False
    if passphrase is None and transfer.open_database_is_encrypted():
        if not messages.confirm(
            window,
            "Back up",
            "This database is encrypted, but a backup without a passphrase is not: anyone who has "
            "the file could read every record. Make a plain backup anyway?",
            yes="Yes, a plain backup",
            no="Cancel",
        ):
            return False
        plain = True
    dialog, update = _progress(window, "Backing up…")
    try:
        found = transfer.back_up_in_use(
            window.user, name, passphrase=passphrase, plain=plain, progress=update
        )
    except DomainError as error:
        dialog.close()
        messages.warning(window, "Back up", error.message)
        return False
    dialog.close()
    messages.information(
        window,
        "Back up",
        f"Backed up {sum(c.rows for c in found)} records to {Path(name).name}, each table checked.",
    )
    return True


def restore(window) -> bool:
    name = messages.open_file_name(
        window, "Restore from…", "Housing Desk backups (*.housingdesk);;All files (*)"
    )
    if not name:
        return False
    if not messages.confirm(
        window,
        "Restore",
        "Restoring replaces everything in this database with the backup. "
        "Housing Desk closes afterwards; sign in again.",
        yes="Replace everything",
    ):
        return False
    passphrase = None
    if transfer.is_encrypted(name):
        passphrase = messages.ask_secret(window, "Restore", "The backup's passphrase:")
        if passphrase is None:
            return False
    dialog, update = _progress(window, "Restoring…")
    try:
        transfer.restore_in_use(window.user, name, passphrase=passphrase, progress=update)
    except DomainError as error:
        dialog.close()
        messages.warning(window, "Restore", error.message)
        return False
    dialog.close()
    messages.information(
        window, "Restore", "Restored. Housing Desk will now close: start it again and sign in."
    )
    return True
