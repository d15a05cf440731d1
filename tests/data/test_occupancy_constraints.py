"""Migration 0008: the database holds the occupancy rules, on a new database and on one with
records; a database already breaking them is refused, unchanged."""

from datetime import date

import pytest
from playhouse.migrations import Runner

from housing_desk.data import database as database_module
from housing_desk.data.models import Goal, Licence
from housing_desk.services import licences
from tests import factories

MIGRATION = "0008_occupancy_constraints"


def _rules_in_place(db) -> set:
    found = set()
    indexes = {index.name for index in db.get_indexes("licence")}
    if "licence_one_not_ended_per_person" in indexes:
        found.add("one per woman")
    if database_module.engine(db) == "postgresql":
        kinds = db.execute_sql(
            "SELECT contype FROM pg_constraint WHERE conname = 'licence_no_overlap'"
        ).fetchall()
        if kinds == [("x",)]:
            found.add("no overlap")
    else:
        triggers = {
            row[0]
            for row in db.execute_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'licence'"
            ).fetchall()
        }
        if {"licence_no_overlap_insert", "licence_no_overlap_update"} <= triggers:
            found.add("no overlap")
    return found


def test_a_migrated_database_holds_both_rules(db):
    assert _rules_in_place(db) == {"one per woman", "no overlap"}


def test_0008_on_a_database_with_records(db, admin, partner):
    """Back to before 0008 with two licences, one of them doubled by hand: refused, and nothing
    changes; once corrected, 0008 applies and keeps every record."""
    homes = [factories.certified_flat(admin, partner, reference=f"NHT-0{n}") for n in (1, 2)]
    woman = factories.ready_woman(admin)
    first = licences.create_licence(admin, woman, homes[0], start_date=date(2025, 3, 3))
    runner = Runner(
        db, directory=str(database_module.MIGRATIONS), table_name=database_module.HISTORY_TABLE
    )
    runner.down(MIGRATION)
    assert _rules_in_place(db) == set()
    columns = [
        c.name for c in db.get_columns("licence") if c.name not in ("id", "flat_id", "start_date")
    ]
    listed = ", ".join(columns)
    db.execute_sql(
        f"INSERT INTO licence (flat_id, start_date, {listed}) "
        f"SELECT {db.param}, start_date, {listed} FROM licence WHERE id = {db.param}",
        (homes[1].id, first.id),
    )
    with pytest.raises(RuntimeError) as error:
        database_module.migrate(db)
    assert "one woman holds two licences that have not ended" in str(error.value)
    assert _rules_in_place(db) == set()
    assert MIGRATION not in {m.name for m in runner.status() if m.applied}

    db.execute_sql(f"DELETE FROM licence WHERE id <> {db.param}", (first.id,))
    assert MIGRATION in database_module.migrate(db)
    assert _rules_in_place(db) == {"one per woman", "no overlap"}
    assert Licence.get_by_id(first.id).person_id == woman.id
    assert Goal.select().count() == 0  # the goal table gained its version column, empty
