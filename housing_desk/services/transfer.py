"""Copying every record between databases (SQLite, PostgreSQL), backing up and restoring.

A backup is a SQLite database file of the same schema: SQLite databases are copied with
SQLite's online backup API (consistent while the database is in use); PostgreSQL databases
through a logical copy into such a file. So a backup taken from either engine restores into
either. Every copy is checked afterwards: the same number of rows and the same checksum per table.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from housing_desk.data.database import engine, open_database
from housing_desk.data.models import MODELS
from housing_desk.services.errors import ValidationError

CHUNK = 1000


@dataclass(frozen=True)
class TableCheck:
    table: str
    rows: int
    checksum: str


def _rows(db, model):
    """Every row of a table of ``db`` (whatever database the models are bound to), in id order."""
    query = model.select(*model._meta.sorted_fields).order_by(model._meta.primary_key).tuples()
    yield from query.bind(db).iterator()


def checks(db) -> list[TableCheck]:
    """Rows and a SHA-256 of the contents of every table, in a form that does not depend on the engine."""
    found = []
    for model in MODELS:
        digest = hashlib.sha256()
        count = 0
        for row in _rows(db, model):
            digest.update(repr(row).encode("utf-8"))
            count += 1
        found.append(TableCheck(model._meta.table_name, count, digest.hexdigest()))
    return found


def is_empty(db) -> bool:
    return not any(model.select().exists(db) for model in MODELS)


def copy(source, target, *, progress=None) -> list[TableCheck]:
    """Copy every record from ``source`` into the empty, migrated ``target``; verify, and return
    the checks. Refuses a target that already holds records."""
    if not is_empty(target):
        raise ValidationError(
            "The target database already holds records: copy only into an empty one.", None
        )
    total = sum(c.rows for c in checks(source)) or 1
    done = 0
    with target.atomic():
        for model in MODELS:
            names = [field.name for field in model._meta.sorted_fields]
            batch = []
            for row in _rows(source, model):
                batch.append(dict(zip(names, row, strict=False)))
                if len(batch) >= CHUNK:
                    model.insert_many(batch).as_rowcount().execute(target)
                    done += len(batch)
                    batch = []
                    if progress:
                        progress(done, total)
            if batch:
                model.insert_many(batch).as_rowcount().execute(target)
                done += len(batch)
                if progress:
                    progress(done, total)
        if engine(target) == "postgresql":
            for model in MODELS:
                table = model._meta.table_name
                target.execute_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"GREATEST((SELECT COALESCE(MAX(id), 0) FROM {table}), 1))"
                )
    before, after = checks(source), checks(target)
    for mine, theirs in zip(before, after, strict=False):
        if mine != theirs:
            raise ValidationError(
                f"The copy of {mine.table} does not match ({mine.rows} rows, {theirs.rows} "
                "copied): nothing should be trusted in the target.",
                None,
            )
    return after


def is_encrypted(path: str | Path) -> bool:
    """An SQLCipher file has no plain SQLite header."""
    with open(path, "rb") as file:
        return file.read(16) != b"SQLite format 3\x00"


def backup(
    db, path: str | Path, *, passphrase: str | None = None, progress=None
) -> list[TableCheck]:
    """Write a backup of ``db`` to the new file ``path``; with a passphrase, the file is encrypted."""
    path = Path(path)
    if path.exists():
        raise ValidationError(f"{path} already exists: choose a new file for the backup.", "file")
    if passphrase:
        target = open_database(f"sqlcipher:///{path}", passphrase, bind=False)
        try:
            return copy(db, target, progress=progress)
        finally:
            target.close()
    if engine(db) == "sqlite" and type(db) is SqliteDatabase:
        destination = sqlite3.connect(str(path))
        try:
            db.connection().backup(
                destination,
                pages=256,
                progress=(lambda status, remaining, total: progress(total - remaining, total))
                if progress
                else None,
            )
        finally:
            destination.close()
        target = open_database(f"sqlite:///{path}", bind=False)
        try:
            found = checks(target)
        finally:
            target.close()
        return found
    target = open_database(f"sqlite:///{path}", bind=False)
    try:
        return copy(db, target, progress=progress)
    finally:
        target.close()


def verify_backup(path: str | Path, passphrase: str | None = None):
    """Open a backup file read-only and check it is whole and is a Housing Desk backup."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"There is no backup file at {path}.", "file")
    if is_encrypted(path):
        return _verify_encrypted(path, passphrase)
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            status = connection.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        raise ValidationError(f"{path} is not a Housing Desk backup.", "file") from None
    if status != "ok":
        raise ValidationError(f"The backup {path} is damaged ({status}).", "file")
    missing = {m._meta.table_name for m in MODELS} - tables
    if missing:
        raise ValidationError(
            f"{path} is not a Housing Desk backup (no {sorted(missing)[0]} table).", "file"
        )
    database = SqliteDatabase(str(path), pragmas={"query_only": 1})
    database.connect()
    return database


def _verify_encrypted(path: Path, passphrase: str | None):
    from playhouse.sqlcipher_ext import SqlCipherDatabase

    from housing_desk.services.errors import PermissionDenied

    if not passphrase:
        raise ValidationError(
            f"{path} is not a plain Housing Desk backup. If it is an encrypted backup, "
            "give its passphrase.",
            "file",
        )
    database = SqlCipherDatabase(str(path), passphrase=passphrase)
    try:
        database.connect()
        status = database.execute_sql("PRAGMA integrity_check").fetchone()[0]
        tables = set(database.get_tables())
    except Exception:
        database.close()
        raise PermissionDenied(
            "That passphrase does not open this backup, or it is not a backup."
        ) from None
    missing = {m._meta.table_name for m in MODELS} - tables
    if status != "ok" or missing:
        database.close()
        raise ValidationError(
            f"The backup {path} is damaged or is not a Housing Desk backup.", "file"
        )
    return database


def restore(
    db, path: str | Path, *, force: bool = False, passphrase: str | None = None, progress=None
) -> list[TableCheck]:
    """Restore a backup into ``db``. The file is checked before anything is touched; a database
    that already holds records is refused unless ``force``, which first empties it."""
    source = verify_backup(path, passphrase)
    try:
        if not is_empty(db):
            if not force:
                raise ValidationError(
                    "This database already holds records. Restore into an empty one, or "
                    "say so explicitly (--force) to replace everything in it.",
                    None,
                )
            _empty(db)
        return copy(source, db, progress=progress)
    finally:
        source.close()


def _empty(db) -> None:
    with db.atomic():
        for model in reversed(MODELS):
            model.delete().execute(db)


def size_of(path: str | Path) -> int:
    return os.path.getsize(path)


def back_up_in_use(
    actor, path: str | Path, *, passphrase: str | None = None, progress=None
) -> list[TableCheck]:
    """An administrator backs up the database Housing Desk has open."""
    from housing_desk.data.models import database as proxy
    from housing_desk.services import audit, permissions

    permissions.require(actor, "manage_users")
    found = backup(proxy.obj, path, passphrase=passphrase, progress=progress)
    from housing_desk.data.database import write_transaction

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
    actor, path: str | Path, *, passphrase: str | None = None, progress=None
) -> list[TableCheck]:
    """An administrator replaces everything in the open database with a backup (checked first)."""
    from housing_desk.data.models import database as proxy
    from housing_desk.services import permissions

    permissions.require(actor, "manage_users")
    return restore(proxy.obj, path, force=True, passphrase=passphrase, progress=progress)
