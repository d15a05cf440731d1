"""Open a database by URL, apply pending migrations, and bind the models to it."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from peewee import Database, DatabaseError, OperationalError, PostgresqlDatabase, SqliteDatabase

from housing_desk.data import drivers
from housing_desk.data.models import database as database_proxy
from housing_desk.errors import Busy, PermissionDenied
from housing_desk.private_files import ensure_private_database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    # A writer waits this long (ms) for another's write to finish, then is told calmly (Busy).
    "busy_timeout": 5_000,
}


class DatabaseUrlError(ValueError):
    """The database URL cannot be understood."""


def _sqlite_path(url: str, scheme: str) -> str:
    # sqlite:///relative.db and sqlite:////absolute/path.db, as in SQLAlchemy.
    rest = url[len(scheme) + 3 :]
    if not rest.startswith("/") or rest == "/":
        raise DatabaseUrlError(
            f"A {scheme} URL looks like {scheme}:///file.db or {scheme}:////path/file.db"
        )
    path = rest[1:]
    if path != ":memory:":
        Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        ensure_private_database(Path(path).expanduser())
    return path


def connect(url: str, passphrase: str | None = None) -> Database:
    """A peewee database for ``url``, connected but not yet migrated."""
    scheme = url.split(":", 1)[0].lower()
    db: Database
    if scheme == "sqlite":
        db = SqliteDatabase(_sqlite_path(url, scheme), pragmas=SQLITE_PRAGMAS)
    elif scheme == "sqlcipher":
        db = _sqlcipher(_sqlite_path(url, scheme), passphrase)
    elif scheme in ("postgresql", "postgres"):
        db = drivers.PostgresqlDatabase(**postgresql_parameters(url))
    else:
        raise DatabaseUrlError(f"Housing Desk cannot open a database of kind '{scheme}'")
    db.connect()
    return db


def postgresql_parameters(url: str) -> dict:
    """psycopg2's keywords for a PostgreSQL URL: the user, host, port and database from the URL
    itself and every libpq parameter of its query string (``sslmode``, ``sslrootcert``,
    ``connect_timeout``, ``application_name``, ``passfile``…). What the URL leaves out, libpq
    takes from its own environment: ``PGPASSWORD``, ``PGPASSFILE`` or ``~/.pgpass``, ``PGSSLMODE``."""
    parts = urlsplit(url)
    try:
        query = dict(parse_qsl(parts.query, keep_blank_values=True, strict_parsing=True))
    except ValueError:
        if parts.query:
            raise DatabaseUrlError(
                "The part of the PostgreSQL URL after '?' should read like "
                "?sslmode=verify-full&sslrootcert=/path/root.crt"
            ) from None
        query = {}
    parameters = {
        "database": unquote(parts.path.lstrip("/")),
        "user": unquote(parts.username) if parts.username else None,
        "password": unquote(parts.password) if parts.password else None,
        "host": unquote(parts.hostname) if parts.hostname else None,
        "port": parts.port or None,
    }
    parameters["database"] = query.pop("dbname", parameters["database"])
    parameters.update(query)
    if not parameters["database"]:
        raise DatabaseUrlError(
            "A PostgreSQL URL needs a database name: postgresql://user@host/dbname"
        )
    return {key: value for key, value in parameters.items() if value is not None}


def _sqlcipher(path: str, passphrase: str | None) -> Database:
    if not passphrase:
        raise PermissionDenied("This database is encrypted: enter its passphrase to open it.")
    try:
        from playhouse.sqlcipher_ext import SqlCipherDatabase
    except ImportError as exc:  # pragma: no cover - depends on the optional driver
        raise DatabaseUrlError("Encrypted databases need the sqlcipher3 package installed") from exc
    db: Database = SqlCipherDatabase(path, passphrase=passphrase, pragmas=SQLITE_PRAGMAS)
    try:
        db.connect()
        db.execute_sql("SELECT count(*) FROM sqlite_master")
    except DatabaseError as exc:
        db.close()
        raise PermissionDenied("That passphrase does not open this database.") from exc
    db.close()
    return db


HISTORY_TABLE = "schema_migration"  # playhouse.migrations' own record of what has been applied


def _up_to_date(db: Database) -> bool:
    # A quick look first, so an up-to-date database does not load the migration runner.
    names = {path.stem for path in MIGRATIONS.glob("[0-9]*.py")}
    if not db.table_exists(HISTORY_TABLE):
        return False
    applied = {row[0] for row in db.execute_sql(f"SELECT name FROM {HISTORY_TABLE}").fetchall()}
    return names <= applied


def migrate(db: Database) -> list[str]:
    """Apply every pending migration, each in its own transaction; return their names."""
    if _up_to_date(db):
        return []
    from playhouse.migrations import Runner

    applied: list[str] = Runner(db, directory=str(MIGRATIONS), table_name=HISTORY_TABLE).up()
    return applied


def open_database(
    url: str | None = None, passphrase: str | None = None, *, bind: bool = True
) -> Database:
    """Connect to ``url`` (the configured default when None), migrate it, and bind the models to it
    (``bind=False`` leaves them bound where they are: for copies, backups and restores)."""
    if url is None:
        from housing_desk.config import default_database_url

        url = default_database_url()
    db = connect(url, passphrase)
    try:
        migrate(db)
    except Exception:
        db.close()
        raise
    if bind:
        database_proxy.initialize(db)
        if engine(db) == "sqlite" and db.database != ":memory:":
            from housing_desk.data.partial_files import remove_stale

            remove_stale(Path(db.database).parent)  # what a killed restore or backup left
    return db


def engine(db: Database | None = None) -> str:
    """'sqlite' or 'postgresql', for the few places that differ."""
    db = db or database_proxy.obj
    return "postgresql" if isinstance(db, PostgresqlDatabase) else "sqlite"


@contextlib.contextmanager
def write_transaction(db: Database | None = None) -> Iterator[object]:
    """A transaction for a write (on the open database, or on ``db``): on SQLite it takes the
    write lock at once.

    ``BEGIN IMMEDIATE`` serialises writers, so a rule checked at the start of
    the transaction still holds when the write commits. A writer that waits longer than
    ``busy_timeout`` for another's lock is told so calmly (``Busy``), and nothing is written.
    """
    db = db or database_proxy.obj
    if db is None:
        raise RuntimeError("No database is open")
    if not isinstance(db, SqliteDatabase):
        with db.atomic() as transaction:
            yield transaction
        return
    try:
        with db.atomic(lock_type="IMMEDIATE") as transaction:  # a nested call becomes a savepoint
            yield transaction
    except OperationalError as error:
        if is_busy(error):
            raise Busy() from error
        raise


def is_busy(error: Exception) -> bool:
    """SQLite's 'database is locked': another connection held the write lock too long."""
    return isinstance(error, (OperationalError, sqlite3.OperationalError)) and (
        "database is locked" in str(error)
    )


@contextlib.contextmanager
def own_connection() -> Iterator[Database]:
    """A connection of this thread's own to the database the models are bound to, closed after.

    peewee keeps one connection per thread, so work on another thread opens its own: a new
    connection to the same file on SQLite (WAL lets the window keep reading meanwhile), a new
    connection to the server on PostgreSQL. The window's connection is left as it is."""
    db = database_proxy.obj
    if db is None:
        raise RuntimeError("No database is open")
    opened = db.connect(reuse_if_open=True)
    try:
        yield db
    finally:
        if opened and not db.is_closed():
            db.close()


@contextlib.contextmanager
def bound_to(db: Database) -> Iterator[Database]:
    """Temporarily point the models at ``db`` (used to compare two connections)."""
    previous = database_proxy.obj
    database_proxy.initialize(db)
    try:
        yield db
    finally:
        database_proxy.initialize(previous)
