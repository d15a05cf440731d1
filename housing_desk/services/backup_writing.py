"""Writing a backup file of an open database, and checking one: SQLite's online backup API
for a plain SQLite database (consistent while in use), a logical copy read in one snapshot for
the others (see ``transfer.copy``). The file appears under its name only when whole."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from peewee import SqliteDatabase

from housing_desk.data import partial_files
from housing_desk.data.database import open_database
from housing_desk.services import backup_file, validation
from housing_desk.services.errors import Cancelled, ValidationError
from housing_desk.services.table_checks import TableCheck, Work, checks, counts

if TYPE_CHECKING:
    from collections.abc import Callable

    from peewee import Database

STOPPED_BACKUP = "Stopped: no backup was made."


def backup(
    db: Database,
    path: str | Path,
    *,
    passphrase: str | None = None,
    plain: bool = False,
    progress: Callable[[int, int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[TableCheck]:
    """Write a backup of ``db`` to the new file ``path`` (0600), with its manifest last.

    With a passphrase the file is encrypted. A backup of an encrypted database must be encrypted
    too unless ``plain`` asks otherwise. The file appears under its name only when whole: a
    backup that fails or is stopped leaves nothing, one that is killed leaves at most a file
    named ``….incomplete``, which restore refuses."""
    path = validation.file_path(path)
    passphrase = validation.passphrase(passphrase)
    validation.flag(plain, "plain", label="A plain backup")
    if path.exists():
        raise ValidationError(f"{path} already exists: choose a new file for the backup.", "file")
    partial_files.remove_stale(path.parent)  # what a killed backup left there
    from housing_desk.services.transfer import passphrase_of  # transfer re-exports this module

    if passphrase_of(db) and not passphrase and not plain:
        raise ValidationError(
            "This database is encrypted, so its backup is encrypted too: give a passphrase for "
            "it, or ask for a plain backup in so many words.",
            "passphrase",
        )
    with backup_file.partial_file(path, "incomplete") as partial:
        if passphrase or type(db) is not SqliteDatabase:
            found = _logical_backup(db, partial, passphrase, progress, cancelled)
        else:
            found = _online_backup(db, partial, progress, cancelled)
        backup_file.put_in_place(partial, path)
    return found


def _logical_backup(
    db: Database,
    partial: Path,
    passphrase: str | None,
    progress: Callable[[int, int], object] | None,
    cancelled: Callable[[], bool] | None,
) -> list[TableCheck]:
    """Every record copied (and checked) into a new file, encrypted with a passphrase."""
    from housing_desk.services.transfer import copy  # transfer re-exports this module

    url = f"sqlcipher:///{partial}" if passphrase else f"sqlite:///{partial}"
    target = open_database(url, passphrase, bind=False)
    try:
        try:
            found = copy(db, target, progress=progress, cancelled=cancelled)
        except Cancelled:
            raise Cancelled(STOPPED_BACKUP) from None
        Work(cancelled=cancelled, message=STOPPED_BACKUP).check()
        backup_file.write_manifest(target, found)
        backup_file.seal(target)
    finally:
        target.close()
    return found


def _online_backup(
    db: Database,
    partial: Path,
    progress: Callable[[int, int], object] | None,
    cancelled: Callable[[], bool] | None,
) -> list[TableCheck]:
    """SQLite's online backup API (a consistent copy while in use), then the checks: one bar."""
    message = STOPPED_BACKUP
    pages = Work(_share(progress, 0, 2), cancelled, 1, message)

    def step(status: int, remaining: int, total: int) -> None:
        pages.total = total
        pages.step(total - remaining - pages.done)

    target = SqliteDatabase(str(partial))
    try:
        db.connection().backup(target.connection(), pages=256, progress=step)
        found = checks(target, Work(_share(progress, 1, 2), cancelled, counts(target), message))
        pages.check()
        backup_file.write_manifest(target, found)
        backup_file.seal(target)
    finally:
        target.close()
    return found


def _share(
    progress: Callable[[int, int], object] | None, part: int, parts: int
) -> Callable[[int, int], object] | None:
    """Progress of one of ``parts`` equal phases of work, reported as a share of the whole."""
    if progress is None:
        return None
    return lambda done, total: progress(part * total + done, parts * total)


def verify_backup(path: str | Path, passphrase: str | None = None) -> backup_file.Manifest:
    """Check a backup file whole (format, schema, every table against its manifest), read-only."""
    source = backup_file.open_backup(path, passphrase)
    try:
        return backup_file.verify(source, path)
    finally:
        source.close()
