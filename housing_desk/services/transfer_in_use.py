"""What the window runs on the database Housing Desk has open: an administrator backs it up,
restores a backup over it, or copies every record into another, empty database (a new file, or
the office's PostgreSQL server when the team moves onto one). Each may run on a worker thread, on
that thread's own connection, with ``progress(done, total)`` and ``cancelled() -> bool``."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from peewee import Database, DatabaseError, InterfaceError, OperationalError

from housing_desk.data.database import (
    DatabaseUrlError,
    engine,
    open_database,
    postgresql_parameters,
    write_transaction,
)
from housing_desk.data.models import User
from housing_desk.private_files import SQLITE_COMPANIONS
from housing_desk.services import audit, permissions, validation
from housing_desk.services.errors import PermissionDenied, ValidationError
from housing_desk.services.table_checks import TableCheck

Progress = Callable[[int, int], object] | None
Cancelled = Callable[[], bool] | None

FILE_SCHEMES = ("sqlite", "sqlcipher")
SERVER_SCHEMES = ("postgresql", "postgres")


def _open_database() -> Database:
    from housing_desk.data.models import database as proxy

    opened: Database = proxy.obj
    return opened


def back_up_in_use(
    actor: User,
    path: str | Path,
    *,
    passphrase: str | None = None,
    plain: bool = False,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> list[TableCheck]:
    """An administrator backs up the database Housing Desk has open."""
    from housing_desk.services import transfer  # it re-exports this module's calls

    permissions.require(actor, "manage_users")
    found = transfer.backup(
        _open_database(),
        path,
        passphrase=passphrase,
        plain=plain,
        progress=progress,
        cancelled=cancelled,
    )
    with write_transaction():
        audit.record(
            actor,
            "export",
            "backup",
            None,
            {"rows": sum(c.rows for c in found), "encrypted": bool(passphrase)},
        )
    return found


def restore_in_use(
    actor: User,
    path: str | Path,
    *,
    passphrase: str | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> list[TableCheck]:
    """An administrator replaces everything in the open database with a backup (checked first)."""
    from housing_desk.services import transfer  # it re-exports this module's calls

    permissions.require(actor, "manage_users")
    return transfer.restore(
        _open_database(),
        path,
        force=True,
        passphrase=passphrase,
        actor=actor,
        progress=progress,
        cancelled=cancelled,
    )


def copy_in_use(
    actor: User,
    target: str,
    *,
    passphrase: str | None = None,
    plain: bool = False,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> list[TableCheck]:
    """An administrator copies every record of the open database into ``target``, checked table by
    table, in one transaction: ``sqlite:///new-file.db``, ``sqlcipher:///new-file.db`` (with its
    ``passphrase``) or ``postgresql://user@host/dbname`` (a new, empty database; its password in
    the URL or from libpq's ``PGPASSWORD`` or ``.pgpass``).

    A file must be new; a copy that fails or is stopped removes it again. A copy of an encrypted
    database into a plain file is made only when ``plain`` asks for it in so many words. The audit
    row (in the open database) says how many rows went to which kind of database, never where."""
    from housing_desk.services import transfer  # it re-exports this module's calls

    permissions.require(actor, "manage_users")
    target = validation.text(target, "target", label="The other database", required=True)
    passphrase = validation.passphrase(passphrase)
    validation.flag(plain, "plain", label="A plain copy")
    source = _open_database()
    scheme = target.split(":", 1)[0].lower()
    made = None
    if scheme in FILE_SCHEMES:
        made = _new_file(target, scheme)
        if _same_file(source, made):
            raise ValidationError("That is the database Housing Desk has open.", "target")
        if scheme == "sqlcipher" and not passphrase:
            raise ValidationError("An encrypted copy needs a passphrase.", "passphrase")
        if scheme == "sqlite" and transfer.passphrase_of(source) and not plain:
            raise ValidationError(
                "This database is encrypted, so its copy is encrypted too: give a passphrase for "
                "it, or ask for a plain copy in so many words.",
                "passphrase",
            )
    elif scheme in SERVER_SCHEMES:
        if _same_server_database(source, target):
            raise ValidationError("That is the database Housing Desk has open.", "target")
    else:
        raise ValidationError(
            "Give a new file (sqlite:///…) or a PostgreSQL database (postgresql://user@host/name).",
            "target",
        )
    copied = False
    try:
        other = _connect(target, passphrase if scheme == "sqlcipher" else None)
        try:
            found = transfer.copy(source, other, progress=progress, cancelled=cancelled)
        finally:
            other.close()
        copied = True
    finally:
        if made is not None and not copied:
            _remove(made)  # a copy that failed or was stopped leaves no file behind
    with write_transaction():
        audit.record(
            actor,
            "export",
            "copy",
            None,
            {
                "rows": sum(c.rows for c in found),
                "engine": engine(other),
                "encrypted": scheme == "sqlcipher",
            },
            keep=("engine",),  # 'sqlite' or 'postgresql': about no one
        )
    return found


def _new_file(url: str, scheme: str) -> Path:
    path = url.split(":", 1)[1]
    if not path.startswith("///") or len(path) <= 3:
        raise ValidationError(f"A file is given as {scheme}:///path/to/new-file.db.", "target")
    chosen = validation.file_path(path[3:], "target").expanduser()
    if chosen.exists():
        raise ValidationError(
            f"{chosen} already exists: copy only into a new file (choose another name).", "target"
        )
    return chosen


def _same_file(source: Database, path: Path) -> bool:
    if engine(source) != "sqlite":
        return False
    return Path(source.database).absolute() == path.absolute()


def _same_server_database(source: Database, url: str) -> bool:
    if engine(source) != "postgresql":
        return False
    try:
        theirs = postgresql_parameters(url)
    except DatabaseUrlError as error:
        raise ValidationError(str(error), "target") from None
    mine = source.connect_params

    def where(parameters: dict, database: object) -> tuple:
        return (parameters.get("host"), str(parameters.get("port") or 5432), database)

    return where(mine, source.database) == where(theirs, theirs.get("database"))


def _connect(url: str, passphrase: str | None) -> Database:
    """The other database, opened and migrated; its driver's own message is never shown (a
    server's may quote a password or a user's name)."""
    try:
        return open_database(url, passphrase, bind=False)
    except (DatabaseUrlError, ValueError) as error:
        raise ValidationError(str(error), "target") from None
    except PermissionDenied as error:
        raise ValidationError(error.message, "passphrase") from None
    except (OperationalError, InterfaceError, DatabaseError) as error:
        where = urlsplit(url).hostname or "that file"
        raise ValidationError(
            f"Housing Desk could not open the other database on {where} "
            f"({type(error).__name__}): check its address, name and password.",
            "target",
        ) from None


def _remove(path: Path) -> None:
    for suffix in ("", *SQLITE_COMPANIONS):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")
