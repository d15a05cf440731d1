"""The backup file: a SQLite (or SQLCipher) database of Housing Desk's tables with a manifest.

The manifest is written last, after every record is in and checked: the file's format, the
schema (the migrations its tables were made by), when it was made, and each table's rows and
SHA-256. A file without one was cut short, or is a database rather than a backup, and is
refused; a file whose tables do not match it was damaged or altered. Files are made under a
temporary name beside their destination (mode 0600) and take their real name only when whole.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from peewee import DatabaseError, SqliteDatabase

from housing_desk.data.database import HISTORY_TABLE, MIGRATIONS
from housing_desk.data.models import MODELS, User
from housing_desk.data.partial_files import partial_file as partial_file  # for callers
from housing_desk.services import validation
from housing_desk.services.errors import PermissionDenied, ValidationError
from housing_desk.services.table_checks import TableCheck, Work, checks

if TYPE_CHECKING:
    from peewee import Database

FORMAT = "housing-desk-backup/1"
MANIFEST_TABLE = "backup_manifest"
SQLITE_HEADER = b"SQLite format 3\x00"
# Beginnings of files people pick by mistake: a PDF, a zip (or .xlsx/.docx), a picture. Whole
# signatures only: an encrypted file begins with 16 random bytes (its salt), and a short prefix
# such as "{" or "<" would turn one encrypted backup in a hundred into "not a backup". Text is
# told by its first 16 bytes all being printable.
OTHER_FORMATS = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff\xe0",
    b"\xff\xd8\xff\xe1",
    b"\xff\xd8\xff\xdb",
    b"GIF87a",
    b"GIF89a",
)


@dataclass(frozen=True)
class Manifest:
    format: str
    schema: tuple[str, ...]
    created_at: str
    tables: tuple[TableCheck, ...]

    @property
    def rows(self) -> int:
        return sum(check.rows for check in self.tables)


def current_schema() -> tuple[str, ...]:
    """The migrations this version of Housing Desk has: its schema version."""
    return tuple(sorted(path.stem for path in MIGRATIONS.glob("[0-9]*.py")))


def schema_of(db: Database) -> tuple[str, ...]:
    if not db.table_exists(HISTORY_TABLE):
        return ()
    found = db.execute_sql(f"SELECT name FROM {HISTORY_TABLE}").fetchall()
    return tuple(sorted(row[0] for row in found))


def write_manifest(db: Database, found: list[TableCheck]) -> Manifest:
    """Write the manifest into the finished backup ``db``, in one transaction: the last thing done."""
    manifest = Manifest(
        FORMAT, schema_of(db), datetime.now(UTC).isoformat(timespec="seconds"), tuple(found)
    )
    values = {
        "format": manifest.format,
        "schema": list(manifest.schema),
        "created_at": manifest.created_at,
        "tables": [[c.table, c.rows, c.checksum] for c in manifest.tables],
    }
    with db.atomic():
        db.execute_sql(
            f"CREATE TABLE {MANIFEST_TABLE} (name TEXT PRIMARY KEY, value TEXT NOT NULL)"
        )
        for name, value in values.items():
            db.execute_sql(f"INSERT INTO {MANIFEST_TABLE} VALUES (?, ?)", (name, json.dumps(value)))
    return manifest


def read_manifest(db: Database, path: str | Path) -> Manifest:
    try:
        values = {
            name: json.loads(value)
            for name, value in db.execute_sql(f"SELECT name, value FROM {MANIFEST_TABLE}")
        }
        return Manifest(
            values["format"],
            tuple(values["schema"]),
            values["created_at"],
            tuple(TableCheck(t, int(n), str(c)) for t, n, c in values["tables"]),
        )
    except (KeyError, TypeError, ValueError, DatabaseError):
        raise ValidationError(f"The backup {path} has a damaged manifest.", "file") from None


def kind_of(path: Path) -> str:
    """'sqlite', 'encrypted' (what an SQLCipher file looks like: no header, whole pages) or 'other'."""
    with open(path, "rb") as file:
        start = file.read(16)
    if start == SQLITE_HEADER:
        return "sqlite"
    size = path.stat().st_size
    printable = all(32 <= byte < 127 or byte in b"\t\r\n" for byte in start)
    if size and size % 512 == 0 and not start.startswith(OTHER_FORMATS) and not printable:
        return "encrypted"
    return "other"


def not_a_backup(path: str | Path) -> ValidationError:
    return ValidationError(f"{path} is not a Housing Desk backup. Nothing was changed.", "file")


def open_backup(path: str | Path, passphrase: str | None = None) -> Database:
    """Open a backup file read-only, after a look at what kind of file it is."""
    path = validation.file_path(path)
    passphrase = validation.passphrase(passphrase)
    if not path.is_file():
        raise ValidationError(f"There is no backup file at {path}.", "file")
    kind = kind_of(path)
    if kind == "other":
        raise not_a_backup(path)
    if kind == "sqlite":
        db: Database = SqliteDatabase(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            db.connect()
            db.execute_sql("SELECT count(*) FROM sqlite_master")
        except DatabaseError:
            db.close()
            raise not_a_backup(path) from None
        return db
    if not passphrase:
        raise ValidationError(
            f"{path} is not a plain Housing Desk backup. If it is an encrypted backup, "
            "give its passphrase.",
            "file",
        )
    from playhouse.sqlcipher_ext import SqlCipherDatabase

    db = SqlCipherDatabase(str(path), passphrase=passphrase, pragmas={"query_only": 1})
    try:
        db.connect()
        db.execute_sql("SELECT count(*) FROM sqlite_master")
    except DatabaseError:
        db.close()
        raise PermissionDenied(
            "That passphrase does not open this backup, or it is not a backup."
        ) from None
    return db


def verify(db: Database, path: str | Path, work: Work | None = None) -> Manifest:
    """Check an open backup whole: intact file, a manifest, this schema, every table as recorded."""
    status = db.execute_sql("PRAGMA integrity_check").fetchone()[0]
    if status != "ok":
        raise ValidationError(
            f"The backup {path} is damaged ({status}). Nothing was changed.", "file"
        )
    tables = set(db.get_tables())
    if MANIFEST_TABLE not in tables:
        if HISTORY_TABLE not in tables:
            raise not_a_backup(path)
        raise ValidationError(
            f"{path} is not a complete Housing Desk backup: it has no manifest, so it was cut "
            "short, or is a database rather than a backup, or was made by a Housing Desk from "
            "before backups had one. Nothing was changed.",
            "file",
        )
    manifest = read_manifest(db, path)
    if manifest.format != FORMAT:
        raise ValidationError(
            f"{path} is a backup of a kind this Housing Desk does not know ({manifest.format}).",
            "file",
        )
    if work is not None:
        work.total = max(3 * manifest.rows, 1)  # checking the file, loading, checking the load
    mine = current_schema()
    if manifest.schema != mine or schema_of(db) != mine:
        raise ValidationError(
            f"{path} was made by another version of Housing Desk (its records are at schema "
            f"{(manifest.schema or ('none',))[-1]}, this Housing Desk's at {mine[-1]}). "
            "Restore it with the version that made it. Nothing was changed.",
            "file",
        )
    if not {model._meta.table_name for model in MODELS} <= tables:
        raise not_a_backup(path)
    try:
        found = checks(db, work)
    except DatabaseError:
        raise not_a_backup(path) from None
    if tuple(found) != manifest.tables:
        recorded = {check.table: check for check in manifest.tables}
        table = next((c.table for c in found if recorded.get(c.table) != c), "list")
        raise ValidationError(
            f"The backup {path} does not match its manifest (table {table}): it has been "
            "damaged or altered since it was made. Nothing was changed.",
            "file",
        )
    if not next(check.rows for check in found if check.table == User._meta.table_name):
        raise ValidationError(
            f"The backup {path} holds no accounts: restoring it would let whoever is at the PC "
            "make themselves administrator. Nothing was changed.",
            "file",
        )
    return manifest


def seal(db: Database) -> None:
    """Make a finished file self-contained (no -wal beside it) and closed."""
    db.execute_sql("PRAGMA journal_mode=DELETE")
    db.close()


def put_in_place(partial: Path, path: Path) -> None:
    """Give a finished file its real name, never over an existing file, durably."""
    with open(partial, "rb") as file:
        os.fsync(file.fileno())
    try:
        os.link(partial, path)  # fails if ``path`` exists: a backup never overwrites another
    except FileExistsError:
        raise ValidationError(
            f"{path} already exists: choose a new file for the backup.", "file"
        ) from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise ValidationError(
                f"{path} already exists: choose a new file for the backup.", "file"
            ) from None
        os.replace(partial, path)
    with contextlib.suppress(OSError):
        directory = os.open(path.absolute().parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def is_encrypted(path: str | Path) -> bool:
    """True for what looks like an encrypted (SQLCipher) backup, whose passphrase must be asked."""
    path = Path(path)
    return path.is_file() and kind_of(path) == "encrypted"
