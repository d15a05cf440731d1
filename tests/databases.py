"""Test databases: SQLite files by default, a real PostgreSQL server when one is named.

Set ``HOUSING_DESK_TEST_DATABASE_URL=postgresql://user@host:port/dbname`` to run every
test on PostgreSQL.

Migrating a database takes far longer than copying one, so each run migrates once and copies
the result for every test (as Anki's ``pylib/tests/shared.py`` does): on SQLite, a migrated
template file copied into the test's own folder; on PostgreSQL, a template database
(``<dbname>_template``) from which the test database is created afresh for each test. A login
that may not create databases falls back to wiping the ``public`` schema and migrating.
"""

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

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
        self.postgresql: bool | None = None  # None: not tried yet; False: cannot create databases

    def sqlite_copy(self, target: Path) -> None:
        if self.sqlite is None:
            template = Path(tempfile.mkdtemp(prefix="housing-desk-template-")) / TEST_FILE
            database_module.open_database(f"sqlite:///{template}", bind=False).close()
            self.sqlite = template
        shutil.copy2(self.sqlite, target)  # with its owner-only mode

    def postgresql_copy(self, url: str) -> None:
        name, maintenance = _names(url)
        if self.postgresql is None:
            wipe(url)
            database_module.open_database(url, bind=False).close()
            self.postgresql = _try(
                maintenance,
                f'DROP DATABASE IF EXISTS "{name}_template" WITH (FORCE)',
                f'CREATE DATABASE "{name}_template" TEMPLATE "{name}" STRATEGY FILE_COPY',
            )
        if not self.postgresql:
            wipe(url)
            return
        _try(
            maintenance,
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
            f'CREATE DATABASE "{name}" TEMPLATE "{name}_template" STRATEGY FILE_COPY',
        )


def _names(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.path.lstrip("/"), urlunsplit(parts._replace(path="/postgres"))


def _try(maintenance_url: str, *statements: str) -> bool:
    from peewee import DatabaseError

    db = database_module.connect(maintenance_url)
    try:
        for statement in statements:
            db.execute_sql(statement)
    except DatabaseError:
        return False
    finally:
        db.close()
    return True


TEMPLATES = _Templates()


@contextlib.contextmanager
def fresh_database(tmp_path):
    url = database_url_for(tmp_path)
    if on_postgresql():
        TEMPLATES.postgresql_copy(url)
    else:
        TEMPLATES.sqlite_copy(Path(tmp_path) / TEST_FILE)
    db = database_module.open_database(url)
    try:
        yield db
    finally:
        if not db.is_closed():
            db.close()
        proxy.initialize(None)
