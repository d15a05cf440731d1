"""Test databases: SQLite files by default, a real PostgreSQL server when one is named.

Set ``HOUSING_DESK_TEST_DATABASE_URL=postgresql://user@host:port/dbname`` to run every
test on PostgreSQL: each test gets the ``public`` schema wiped and migrated afresh.
"""

import contextlib
import os

from housing_desk.data import database as database_module
from housing_desk.data.models import database as proxy

TEST_URL_VARIABLE = "HOUSING_DESK_TEST_DATABASE_URL"


def database_url_for(tmp_path) -> str:
    url = os.environ.get(TEST_URL_VARIABLE, "").strip()
    return url or f"sqlite:///{tmp_path / 'housing-desk-test.db'}"


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


@contextlib.contextmanager
def fresh_database(tmp_path):
    url = database_url_for(tmp_path)
    wipe(url)
    db = database_module.open_database(url)
    try:
        yield db
    finally:
        if not db.is_closed():
            db.close()
        proxy.initialize(None)
