"""Test databases: SQLite files by default, a real PostgreSQL server when one is named.

Set ``HOUSING_DESK_TEST_DATABASE_URL=postgresql://user@host:port/dbname`` to run every
test on PostgreSQL.

Migrating a database takes far longer than copying or emptying one, so each run migrates once
(as Anki's ``pylib/tests/shared.py`` does): on SQLite, a migrated template file is copied into
each test's own folder; on PostgreSQL, the migrated schema is kept and every table emptied
(and its ids started again) before each test, unless a test changed the schema (tables,
migrations, triggers, constraints or indexes differ), which is then wiped and migrated again. A
login that may not bypass the audit log's trigger (not a superuser) wipes and migrates each time.
"""

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from housing_desk.data import database as database_module
from housing_desk.data.models import database as proxy

TEST_URL_VARIABLE = "HOUSING_DESK_TEST_DATABASE_URL"
TEST_FILE = "housing-desk-test.db"


def database_url_for(tmp_path) -> str:
    url = os.environ.get(TEST_URL_VARIABLE, "").strip()
    return url or f"sqlite:///{tmp_path / TEST_FILE}"


def on_postgresql() -> bool:
    return os.environ.get(TEST_URL_VARIABLE, "").startswith(("postgresql:", "postgres:"))


def wipe(url: str) -> None:
    """Empty a PostgreSQL test database completely; SQLite files are new per test."""
    if not url.startswith(("postgresql:", "postgres:")):
        return
    db = database_module.connect(url)
    try:
        db.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
        db.execute_sql("CREATE SCHEMA public")
    finally:
        db.close()


class _Templates:
    """The migrated database of this run, made the first time a test asks for one."""

    def __init__(self):
        self.sqlite: Path | None = None
        self.postgresql: tuple | None = None  # the migrated schema's fingerprint
        self.can_empty = True

    def sqlite_copy(self, target: Path) -> None:
        if self.sqlite is None:
            template = Path(tempfile.mkdtemp(prefix="housing-desk-template-")) / TEST_FILE
            database_module.open_database(f"sqlite:///{template}", bind=False).close()
            self.sqlite = template
        shutil.copy2(self.sqlite, target)  # with its owner-only mode

    def postgresql_empty(self, url: str) -> None:
        """The migrated schema with no rows: emptied in place when the schema is still the one
        migrated at the start of the run, else wiped and migrated again."""
        from peewee import DatabaseError

        if self.postgresql is not None and self.can_empty:
            db = database_module.connect(url)
            try:
                if _fingerprint(db) == self.postgresql:
                    _empty_every_table(db, self.postgresql[0])
                    return
            except DatabaseError:  # not allowed to bypass the audit log's trigger: migrate
                self.can_empty = False
            finally:
                db.close()
        wipe(url)
        db = database_module.open_database(url, bind=False)
        try:
            self.postgresql = _fingerprint(db)
        finally:
            db.close()


def _fingerprint(db) -> tuple:
    """What a test could have changed in the schema: tables, applied migrations, triggers,
    constraints and indexes of the public schema."""

    def names(sql: str) -> frozenset:
        return frozenset(row[0] for row in db.execute_sql(sql).fetchall())

    return (
        names("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"),
        names("SELECT name FROM schema_migration")
        if db.table_exists(database_module.HISTORY_TABLE)
        else frozenset(),
        names(
            "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND NOT t.tgisinternal"
        ),
        names(
            "SELECT c.conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
            "WHERE n.nspname = 'public'"
        ),
        names("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"),
    )


def _empty_every_table(db, tables: frozenset) -> None:
    # Only the test database's own rows go. As a replica would, this transaction alone skips the
    # triggers (the audit log's, which refuses the application any DELETE, and the foreign keys',
    # so the order does not matter); DELETE of a few rows is far quicker than TRUNCATE's new files.
    with db.atomic():
        db.execute_sql("SET LOCAL session_replication_role = replica")
        for table in sorted(t for t in tables if t != database_module.HISTORY_TABLE):
            db.execute_sql(f'DELETE FROM "{table}"')
        db.execute_sql(
            "SELECT setval(c.oid, 1, false) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind = 'S' AND n.nspname = 'public' "
            # The migrations' own record keeps its rows, so its numbering goes on too.
            f"AND c.relname <> '{database_module.HISTORY_TABLE}_id_seq'"
        )


TEMPLATES = _Templates()


@contextlib.contextmanager
def fresh_database(tmp_path):
    url = database_url_for(tmp_path)
    if on_postgresql():
        TEMPLATES.postgresql_empty(url)
    else:
        TEMPLATES.sqlite_copy(Path(tmp_path) / TEST_FILE)
    db = database_module.open_database(url)
    try:
        yield db
    finally:
        if not db.is_closed():
            db.close()
        proxy.initialize(None)
