"""Backing up and restoring from the File menu, off the window's thread, with progress and Cancel.

Each runs through ``ui.operations`` on a database connection of its own; Cancel stops it at the
next step with nothing changed (a backup cut short leaves no file under its name).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from housing_desk import clock
from housing_desk.services import transfer
from housing_desk.ui import messages
from housing_desk.ui.operations import Operation

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


def back_up(window) -> Operation | None:
    """Ask where and how, then start the backup; None when she stopped before it began."""
    name = messages.save_file_name(
        window,
        "Back up to…",
        f"housing-desk-{clock.today():%Y-%m-%d}.housingdesk",
        "Housing Desk backups (*.housingdesk)",
    )
    if not name:
        return None
    passphrase = _passphrase(
        window,
        "Back up",
        "Protect the backup with a passphrase? Without one, anyone who has the file can read it.",
    )
    if passphrase is CANCELLED:
        return None
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
            return None
        plain = True

    def done(found) -> None:
        messages.information(
            window,
            "Back up",
            f"Backed up {sum(c.rows for c in found)} records to {Path(name).name}, "
            "each table checked.",
        )

    return (
        Operation(
            window,
            lambda job: transfer.back_up_in_use(
                window.user,
                name,
                passphrase=passphrase,
                plain=plain,
                progress=job.progress,
                cancelled=job.cancelled,
            ),
            title="Back up",
        )
        .success(done)
        .run_in_background("Backing up…")
    )


def restore(window, *, then: Callable[[], object] | None = None) -> Operation | None:
    """Ask which file, then start the restore; ``then()`` once it is done (the window closes)."""
    name = messages.open_file_name(
        window, "Restore from…", "Housing Desk backups (*.housingdesk);;All files (*)"
    )
    if not name:
        return None
    if not messages.confirm(
        window,
        "Restore",
        "Restoring replaces everything in this database with the backup. "
        "Housing Desk closes afterwards; sign in again.",
        yes="Replace everything",
    ):
        return None
    passphrase = None
    if transfer.is_encrypted(name):
        passphrase = messages.ask_secret(window, "Restore", "The backup's passphrase:")
        if passphrase is None:
            return None

    def done(_found) -> None:
        messages.information(
            window, "Restore", "Restored. Housing Desk will now close: start it again and sign in."
        )
        if then is not None:
            then()

    return (
        Operation(
            window,
            lambda job: transfer.restore_in_use(
                window.user,
                name,
                passphrase=passphrase,
                progress=job.progress,
                cancelled=job.cancelled,
            ),
            title="Restore",
        )
        .success(done)
        .run_in_background("Restoring…")
    )
