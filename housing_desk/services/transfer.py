"""Copying every record between databases (SQLite, PostgreSQL), backing up and restoring.

A backup is a SQLite (or SQLCipher) file of the same schema with a manifest written last (see
``backup_file``): plain SQLite databases are copied with SQLite's online backup API (consistent
while in use), the others through a logical copy read in one snapshot. So a backup taken from
either engine restores into either.

Nothing is ever half-done. A copy loads its target in one transaction and checks every table
before committing. A restore checks the whole file first, then on PostgreSQL loads into an
empty database in one transaction; on SQLite it builds the restored database in a new file and
puts it in place in one step (SQLite's backup API, itself one transaction), so a restore that
fails, is stopped or is killed leaves the original as it was. The restore is audited inside the
same transaction. Every function takes ``progress(done, total)`` and ``cancelled() -> bool``
and may run on a worker thread, on that thread's own connection.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

# peewee's stubs leave out its exception wrapper (the driver's errors raised as peewee's).
from peewee import (  # type: ignore[attr-defined]
    DatabaseError,
    SqliteDatabase,
    __exception_wrapper__,
)

from housing_desk.data import partial_files
from housing_desk.data.database import engine, is_busy, open_database, write_transaction
from housing_desk.data.models import MODELS, AuditEvent, User
from housing_desk.services import backup_file, validation
from housing_desk.services.backup_file import is_encrypted as is_encrypted
from housing_desk.services.errors import Busy, ValidationError
from housing_desk.services.table_checks import (
    CHUNK,
    TableCheck,
    Work,
    checks,
    counts,
    is_empty,
    rows,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

    from peewee import Database, _atomic

    from housing_desk.data.models import BaseModel
    from housing_desk.services.backup_file import Manifest

NOT_EMPTY = "The target database already holds records: copy only into an empty one."
POSTGRESQL_NOT_EMPTY = (
    "A PostgreSQL database is restored only into a new, empty database (its audit log cannot be "
    "emptied). Ask whoever looks after the server for one, then run "
    "housing-desk restore --database URL FILE. Nothing was changed."
)


def passphrase_of(db: Database) -> str | None:
    """The passphrase of an open SQLCipher database; None for any other."""
    return db.connect_params.get("passphrase") if isinstance(db, SqliteDatabase) else None


def open_database_is_encrypted() -> bool:
    """Whether the database Housing Desk has open is an encrypted (SQLCipher) file."""
    from housing_desk.data.models import database as proxy

    return bool(passphrase_of(proxy.obj))


def _snapshot(db: Database) -> _atomic:
    """One consistent read of a database that others may be writing to."""
    if engine(db) == "postgresql":
        return db.atomic(isolation_level="REPEATABLE READ")
    return db.atomic()


def _load(source: Database, target: Database, work: Work) -> None:
    """Insert every row of ``source`` into the empty ``target``, inside the caller's transaction."""
    for model in MODELS:
        insert = _inserter(model, target)
        batch = []
        try:
            for row in rows(source, model):
                batch.append(row)
                if len(batch) >= CHUNK:
                    insert(batch)
                    work.step(len(batch))
                    batch = []
            if batch:
                insert(batch)
                work.step(len(batch))
        except (DatabaseError, ValueError) as error:
            # Never the database's own message: it may quote a woman's details.
            raise ValidationError(
                f"This database refuses a value the records hold (table {model._meta.table_name}, "
                f"{type(error).__name__}). Nothing was changed.",
                None,
            ) from error
    if engine(target) == "postgresql":
        for model in MODELS:
            table = model._meta.table_name
            target.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"GREATEST((SELECT COALESCE(MAX(id), 0) FROM {table}), 1))"
            )


def _inserter(model: type[BaseModel], target: Database) -> Callable[[list[tuple[Any, ...]]], None]:
    """A fast insert of many rows of ``model`` into ``target``: the statement is built once and the
    values converted by each field, as peewee would, without building SQL for every value."""
    fields = model._meta.sorted_fields
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    table = f'"{model._meta.table_name}"'
    postgresql = engine(target) == "postgresql"

    def insert(batch: list[tuple[Any, ...]]) -> None:
        values = [tuple(f.db_value(v) for f, v in zip(fields, row, strict=True)) for row in batch]
        with __exception_wrapper__:  # the driver's errors as peewee's, whichever the engine
            cursor = target.cursor()
            if postgresql:
                from psycopg2.extras import execute_values

                execute_values(
                    cursor, f"INSERT INTO {table} ({columns}) VALUES %s", values, page_size=CHUNK
                )
            else:
                marks = ", ".join("?" * len(fields))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)

    return insert


def _checked(expected: Sequence[TableCheck], target: Database, work: Work) -> list[TableCheck]:
    found = checks(target, work)
    for mine, theirs in zip(expected, found, strict=True):
        if mine != theirs:
            raise ValidationError(
                f"The copy of {mine.table} does not match ({mine.rows} rows, {theirs.rows} "
                "copied): nothing was changed.",
                None,
            )
    return found


def copy(
    source: Database,
    target: Database,
    *,
    progress: Callable[[int, int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[TableCheck]:
    """Copy every record from ``source`` into the empty, migrated ``target`` in one transaction,
    check every table before committing, and return the checks. Refuses a target that already
    holds records; a failure, a stop or a kill leaves the target as it was."""
    if not is_empty(target):
        raise ValidationError(NOT_EMPTY, None)
    with _snapshot(source):
        work = Work(progress, cancelled, 3 * counts(source))
        expected = checks(source, work)
        with write_transaction(target):
            if not is_empty(target):
                raise ValidationError(NOT_EMPTY, None)
            _load(source, target, work)
            return _checked(expected, target, work)


def restore(
    db: Database,
    path: str | Path,
    *,
    force: bool = False,
    passphrase: str | None = None,
    actor: User | None = None,
    progress: Callable[[int, int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[TableCheck]:
    """Restore a backup into ``db``, all or nothing, and audit it in the same transaction.

    The file is checked whole before anything is touched. PostgreSQL: only into an empty database.
    SQLite: a database that already holds records is refused unless ``force``, which replaces the
    file's contents whole. ``actor`` is None from the command line."""
    path = validation.file_path(path)
    partial_files.remove_stale(path.parent)  # what a killed backup or restore left behind
    if engine(db) == "sqlite" and db.database != ":memory:":
        partial_files.remove_stale(Path(db.database).parent)
    source = backup_file.open_backup(path, passphrase)
    try:
        with source.atomic():
            work = Work(progress, cancelled, 1)
            manifest = backup_file.verify(source, path, work)
            if engine(db) == "postgresql":
                return _restore_into_empty(db, source, manifest, path, actor, work)
            return _restore_sqlite(db, source, manifest, path, actor, work, force)
    finally:
        source.close()


def _restore_into_empty(
    db: Database, source: Database, manifest: Manifest, path: Path, actor: User | None, work: Work
) -> list[TableCheck]:
    if not is_empty(db):
        raise ValidationError(POSTGRESQL_NOT_EMPTY, None)
    with write_transaction(db):
        if not is_empty(db):
            raise ValidationError(POSTGRESQL_NOT_EMPTY, None)
        _load(source, db, work)
        found = _checked(manifest.tables, db, work)
        _audit_restore(db, actor, manifest, path, replaced=0)
    return found


def _restore_sqlite(
    db: Database,
    source: Database,
    manifest: Manifest,
    path: Path,
    actor: User | None,
    work: Work,
    force: bool,
) -> list[TableCheck]:
    replaced = counts(db)
    if replaced and not force:
        raise ValidationError(
            "This database already holds records. Restore into an empty one, or "
            "say so explicitly (--force) to replace everything in it. Nothing was changed.",
            None,
        )
    key = passphrase_of(db)
    with backup_file.partial_file(Path(db.database), "restoring") as partial:
        fresh = open_database(f"{'sqlcipher' if key else 'sqlite'}:///{partial}", key, bind=False)
        try:
            with write_transaction(fresh):
                _load(source, fresh, work)
                found = _checked(manifest.tables, fresh, work)
                _audit_restore(fresh, actor, manifest, path, replaced=replaced)
            work.check()
            try:  # one write transaction on the target: all of it, or (killed, failed) none
                fresh.connection().backup(db.connection(), pages=-1, progress=_refuse_busy)
            except (DatabaseError, sqlite3.Error) as error:
                if is_busy(error):
                    raise Busy() from error
                raise ValidationError(
                    f"The restored records could not be put in place ({type(error).__name__}). "
                    "Nothing was changed.",
                    None,
                ) from error
        finally:
            fresh.close()
    return found


def _refuse_busy(status: int, remaining: int, total: int) -> None:
    # Python retries a busy backup for ever; after busy_timeout, say so instead.
    if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        raise Busy()


def _sha256_of(path: Path) -> str:
    with open(path, "rb") as file:  # read in pieces: a backup may be hundreds of megabytes
        return hashlib.file_digest(file, "sha256").hexdigest()


def _audit_restore(
    db: Database, actor: User | None, manifest: Manifest, path: Path, *, replaced: int
) -> None:
    """The restore's own audit row, in the restored records: ids, counts, dates and a digest."""
    actor_id = None
    if actor is not None:  # the same account in the restored records, if it is there
        actor_id = User.select(User.id).where(User.username == actor.username).bind(db).scalar()
    changes = {
        "restored": "backup",
        "backup_made_at": manifest.created_at,
        "backup_sha256": _sha256_of(path),
        "schema": manifest.schema[-1],
        "rows": manifest.rows,
        "replaced_rows": replaced,
    }
    if actor is not None and actor_id is None:
        changes["actor_not_in_backup"] = True
    AuditEvent.insert(
        actor=actor_id,
        action="update",
        entity="database",
        entity_id=None,
        changes=json.dumps(changes, sort_keys=True),
    ).as_rowcount().execute(db)  # the models may be bound to another engine: no RETURNING


# Writing and checking a backup file.
from housing_desk.services.backup_writing import (  # noqa: E402
    STOPPED_BACKUP as STOPPED_BACKUP,
    backup as backup,
    verify_backup as verify_backup,
)

# What the window calls: an administrator backing up, restoring or copying the open database.
from housing_desk.services.transfer_in_use import (  # noqa: E402, F401
    back_up_in_use,
    copy_in_use,
    restore_in_use,
)
