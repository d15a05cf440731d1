"""0009: audit rows written before it lose every personal value; PostgreSQL's log is append-only."""

import json

import pytest
from peewee import DatabaseError

from housing_desk.data import database as database_module
from housing_desk.data.models import AuditEvent
from tests.databases import database_url_for, wipe

# What the audit log held before 0009, as the services of the time wrote it.
OLD_ROWS = (
    (
        "person",
        {
            "given_name": "Siobhán",
            "family_name": "Ní Bhriain",
            "date_of_birth": "1990-04-02",
            "ni_number": "AB123456C",
            "phone": "07700 900123",
            "safe_contact": "Her sister, 12 Elm Road",
            "do_not_disclose": True,
            "keyworker": 1,
        },
    ),
    ("person", {"phone": ["07700 900123", "07700 900999"], "notes": "changed"}),
    ("licence", {"status": ["active", "notice"], "end_date": "2026-03-02", "by": "licensor"}),
    ("licence", {"weekly_rent": "98.50", "correction": "Her sister Maria rang"}),
    ("referral", {"status": ["assessing", "declined"], "reason": "other", "person": 1}),
    ("assessment", {"outcome": "ready", "scores": {"safety": 2, "income": 4}}),
    ("flat", {"reference": "NHT-01", "town": "Northampton", "notes": "Key safe 4471"}),
    ("user", {"result": "signed in"}),
    ("user", {"password": "reset"}),
    ("setting", {"organisation.name": "Northampton Outreach"}),
)
PERSONAL = ("Siobhán", "Bhriain", "1990-04-02", "AB123456C", "07700", "Elm Road", "Maria", "4471")


def _previous_migration() -> str:
    names = sorted(p.stem for p in database_module.MIGRATIONS.glob("[0-9]*.py"))
    return max(n for n in names if n < "0009")


@pytest.fixture
def before_0009(tmp_path):
    """A database at the schema just before 0009, holding old audit rows."""
    from playhouse.migrations import Runner

    url = database_url_for(tmp_path)
    wipe(url)
    db = database_module.connect(url)
    Runner(
        db, directory=str(database_module.MIGRATIONS), table_name=database_module.HISTORY_TABLE
    ).up(_previous_migration())
    for entity, changes in OLD_ROWS:
        db.execute_sql(
            f"INSERT INTO audit_event (at, action, entity, entity_id, changes) "
            f"VALUES ({', '.join([db.param] * 5)})",
            ("2026-01-05 10:00:00", "update", entity, 1, json.dumps(changes, ensure_ascii=False)),
        )
    try:
        yield db
    finally:
        db.close()


def test_old_audit_rows_keep_no_personal_value(before_0009):
    db = before_0009
    assert "0009_audit_append_only" in database_module.migrate(db)
    stored = [
        json.loads(changes)
        for (changes,) in db.execute_sql("SELECT changes FROM audit_event ORDER BY id").fetchall()
    ]
    text = json.dumps(stored, ensure_ascii=False)
    for value in PERSONAL:
        assert value not in text
    person, phone, notice, correction, decision, assessment, flat, login, reset, setting = stored
    assert person["given_name"] == person["date_of_birth"] == person["ni_number"] == "changed"
    assert person["do_not_disclose"] is True and person["keyworker"] == 1
    assert phone == {"phone": "changed", "notes": "changed"}
    assert notice == {"status": ["active", "notice"], "end_date": "2026-03-02", "by": "licensor"}
    assert correction == {"weekly_rent": "98.50", "correction": "changed"}
    assert decision["reason"] == "other" and decision["status"] == ["assessing", "declined"]
    assert assessment == {"outcome": "ready", "scores": {"safety": 2, "income": 4}}
    assert flat == {"reference": "NHT-01", "town": "Northampton", "notes": "changed"}
    assert (login, reset) == ({"result": "signed in"}, {"password": "reset"})
    assert setting == {"organisation.name": "Northampton Outreach"}


@pytest.mark.postgresql_only  # the append-only trigger is PostgreSQL's
@pytest.mark.parametrize(
    "statement",
    (
        "UPDATE audit_event SET changes = '{}'",
        "DELETE FROM audit_event",
        "TRUNCATE audit_event",
        "TRUNCATE audit_event CASCADE",
    ),
)
def test_the_apps_connection_cannot_alter_the_audit_log(db, admin, statement):
    """The application's own login (here the server's superuser, which can do most things) is
    refused by the trigger; the rows are all still there afterwards."""
    before = AuditEvent.select().count()
    assert before > 0
    with pytest.raises(DatabaseError, match="can only be added to"), db.atomic():
        db.execute_sql(statement)
    with pytest.raises(DatabaseError), db.atomic():
        AuditEvent.update(changes="{}").execute()
    with pytest.raises(DatabaseError), db.atomic():
        AuditEvent.delete().execute()
    assert AuditEvent.select().count() == before
    assert AuditEvent.select().where(AuditEvent.changes == "{}").count() == 0
