"""Files holding records are 0600; PostgreSQL URLs keep their libpq parameters; a busy SQLite
writer is told calmly."""

import logging
import os
import sqlite3
import stat

import pytest

from housing_desk import app
from housing_desk.data import database
from housing_desk.services import partners
from housing_desk.services.errors import Busy, DomainError
from tests.databases import TEST_URL_VARIABLE


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_sqlite_database_and_its_wal_and_shm_are_private(tmp_path):
    path = tmp_path / "new.db"
    db = database.open_database(f"sqlite:///{path}", bind=False)
    try:
        db.execute_sql("CREATE TABLE scratch (x)")  # something in the write-ahead log
        assert {mode(f"{path}{suffix}") for suffix in ("", "-wal", "-shm")} == {0o600}
    finally:
        db.close()


def test_an_existing_readable_database_is_tightened(tmp_path):
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()
    os.chmod(path, 0o644)
    database.open_database(f"sqlite:///{path}", bind=False).close()
    assert mode(path) == 0o600


def test_the_log_file_is_private(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    before = list(logging.getLogger().handlers)
    try:
        path = app.configure_logging()
        logging.getLogger("housing_desk").warning("a line")
        assert path.exists() and mode(path) == 0o600
    finally:
        for handler in set(logging.getLogger().handlers) - set(before):
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_every_libpq_parameter_of_the_url_is_kept():
    found = database.postgresql_parameters(
        "postgresql://office%20app@db.example:6543/housing?sslmode=verify-full"
        "&sslrootcert=/etc/hd/root.crt&connect_timeout=5&application_name=housing-desk"
    )
    assert found == {
        "database": "housing",
        "user": "office app",
        "host": "db.example",
        "port": 6543,
        "sslmode": "verify-full",
        "sslrootcert": "/etc/hd/root.crt",
        "connect_timeout": "5",
        "application_name": "housing-desk",
    }


def test_a_url_without_a_password_leaves_it_to_pgpass_or_pgpassword():
    assert "password" not in database.postgresql_parameters("postgresql://app@db.example/hd")


def test_a_garbled_query_string_is_refused_plainly():
    with pytest.raises(database.DatabaseUrlError):
        database.postgresql_parameters("postgresql://app@db.example/hd?sslmode")


@pytest.mark.postgresql_only  # needs the PostgreSQL server
def test_the_parameters_reach_the_server(db):
    url = os.environ[TEST_URL_VARIABLE]
    joiner = "&" if "?" in url else "?"
    other = database.connect(
        f"{url}{joiner}application_name=hd-trust-check&passfile=/nonexistent/pgpass"
    )
    try:
        assert other.connect_params["application_name"] == "hd-trust-check"
        assert other.execute_sql("SHOW application_name").fetchone()[0] == "hd-trust-check"
        assert other.connection().get_dsn_parameters()["passfile"] == "/nonexistent/pgpass"
    finally:
        other.close()
    # This test server speaks no SSL: a URL that insists on it must not quietly connect in clear.
    with pytest.raises(Exception, match="SSL"):
        database.connect(f"{url}{joiner}sslmode=require")


@pytest.mark.sqlite_only  # SQLite's single write lock
def test_a_writer_kept_waiting_is_told_calmly_and_writes_nothing(admin, db):
    db.execute_sql("PRAGMA busy_timeout = 200")  # the real wait is a few seconds
    other = sqlite3.connect(db.database, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another PC saving
    try:
        with pytest.raises(Busy) as error:
            partners.create_partner(admin, name="Riverside Housing")
    finally:
        other.rollback()
        other.close()
    assert isinstance(error.value, DomainError)
    assert error.value.message == "Someone else is saving just now; try again in a moment."
    assert database.SQLITE_PRAGMAS["busy_timeout"] <= 5_000
    assert partners.create_partner(admin, name="Riverside Housing").id
