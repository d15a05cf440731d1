"""Backing up, restoring and copying to another database from the File menu (administrators),
off the window's thread, with progress and Cancel.

Each runs through ``ui.operations`` on a database connection of its own; Cancel stops it at the
next step with nothing changed (a backup cut short leaves no file under its name, a copy stopped
part way leaves no new file and an untouched server database).
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


SERVER_EXAMPLE = "postgresql://housingdesk@server.example/housingdesk"


def copy_to_database(window) -> Operation | None:
    """Ask where to (a new file, or an empty PostgreSQL database), then start the copy; None when
    she stopped before it began."""
    where = messages.choose(
        window,
        "Copy to another database",
        "Copy every record into another database, checked table by table. Into a new file on "
        "this PC, or into a new, empty database on a PostgreSQL server (when the team moves "
        "onto a shared one)?",
        [("file", "A new file…"), ("server", "A PostgreSQL server…")],
    )
    if where is None:
        return None
    passphrase, plain = None, False
    if where == "file":
        name = messages.save_file_name(
            window,
            "Copy to…",
            f"housing-desk-copy-{clock.today():%Y-%m-%d}.db",
            "Housing Desk databases (*.db)",
        )
        if not name:
            return None
        passphrase = _passphrase(
            window,
            "Copy",
            "Encrypt the copy with a passphrase? Without one, anyone who has the file can read it.",
        )
        if passphrase is CANCELLED:
            return None
        if passphrase is None and transfer.open_database_is_encrypted():
            if not messages.confirm(
                window,
                "Copy",
                "This database is encrypted, but a copy without a passphrase is not: anyone who "
                "has the file could read every record. Make a plain copy anyway?",
                yes="Yes, a plain copy",
                no="Cancel",
            ):
                return None
            plain = True
        target = f"{'sqlcipher' if passphrase else 'sqlite'}:///{name}"
        shown = Path(name).name
    else:
        target = messages.ask_text(
            window,
            "Copy",
            "The address of a new, empty PostgreSQL database (its password from PGPASSWORD or "
            ".pgpass, or typed next):",
            SERVER_EXAMPLE,
        )
        if not target:
            return None
        target = _with_password(window, target.strip())
        if target is None:
            return None
        shown = "the server"

    def done(found) -> None:
        messages.information(
            window,
            "Copy",
            f"Copied {sum(c.rows for c in found)} records to {shown}, each table checked.",
        )

    return (
        Operation(
            window,
            lambda job: transfer.copy_in_use(
                window.user,
                target,
                passphrase=passphrase,
                plain=plain,
                progress=job.progress,
                cancelled=job.cancelled,
            ),
            title="Copy",
        )
        .success(done)
        .run_in_background("Copying every record…")
    )


def _with_password(window, url: str) -> str | None:
    """The server's URL with a password typed in a masked field (empty: libpq finds its own)."""
    from urllib.parse import quote, urlsplit, urlunsplit

    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres") or parts.password or not parts.username:
        return url
    password = messages.ask_secret(
        window, "Copy", f"Password of {parts.username} on the server (empty: from .pgpass):"
    )
    if password is None:
        return None
    if not password:
        return url
    netloc = f"{quote(parts.username, safe='')}:{quote(password, safe='')}@{parts.netloc.split('@', 1)[1]}"
    return urlunsplit(parts._replace(netloc=netloc))
