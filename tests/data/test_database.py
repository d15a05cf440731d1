"""open_database: URLs, SQLite settings, and exact money and UTC times."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from housing_desk.config import default_database_url
from housing_desk.data.database import DatabaseUrlError, connect, engine, open_database
from housing_desk.data.models import Flat, database
from tests.databases import on_postgresql


def test_sqlite_has_wal_and_foreign_keys(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        assert db.pragma("journal_mode") == "wal"
        assert db.pragma("foreign_keys") == 1
        assert engine(db) == "sqlite"
    finally:
        db.close()
        database.initialize(None)


def test_sqlite_absolute_url_creates_the_folder(tmp_path):
    path = tmp_path / "deeper" / "folder" / "housing.db"
    db = open_database(f"sqlite:///{path}")
    db.close()
    database.initialize(None)
    assert path.exists()


@pytest.mark.parametrize("url", ["mysql://x/y", "sqlite:", "sqlite://", "postgresql://host/"])
def test_urls_that_cannot_be_opened_are_refused_plainly(url):
    with pytest.raises(DatabaseUrlError):
        connect(url)


def test_environment_variable_chooses_the_database():
    assert (
        default_database_url({"HOUSING_DESK_DATABASE_URL": "postgresql://u@h/d"})
        == "postgresql://u@h/d"
    )


def test_default_is_sqlite_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    url = default_database_url({})
    assert url.startswith("sqlite:///") and str(tmp_path) in url and url.endswith("housing-desk.db")


def test_money_is_stored_exactly(flat):
    Flat.update(weekly_rent=Decimal("0.10") + Decimal("0.20")).where(Flat.id == flat.id).execute()
    assert Flat.get_by_id(flat.id).weekly_rent == Decimal("0.30")
    total = Flat.select((Flat.weekly_rent + Flat.support_charge).alias("t")).scalar()
    assert total == 4530  # pence: 0.30 + 45.00, summed exactly by the database


def test_times_come_back_as_aware_utc(flat):
    created = Flat.get_by_id(flat.id).created_at
    assert created.tzinfo is UTC
    assert abs((datetime.now(UTC) - created).total_seconds()) < 60


def test_engine_matches_the_test_database(db):
    assert engine(db) == ("postgresql" if on_postgresql() else "sqlite")
