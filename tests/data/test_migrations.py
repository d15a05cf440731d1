"""Migrating an empty database yields exactly the models, on every engine."""

from playhouse.schema_diff import diff_models

from housing_desk.data.database import migrate
from housing_desk.data.models import MODELS

# Indexes that exist only to back a constraint the models cannot declare (PostgreSQL's
# exclusion constraint on licences); tests/data/test_occupancy_constraints.py checks them.
CONSTRAINT_INDEXES = {"licence_no_overlap"}


def test_migrated_schema_matches_the_models_exactly(db):
    diff = diff_models(db, MODELS)
    diff = diff._replace(
        drop_indexes=[i for i in diff.drop_indexes if i.name not in CONSTRAINT_INDEXES]
    )
    assert not diff, f"the migrations and the models disagree:\n{diff}"


def test_every_model_has_its_table(db):
    tables = set(db.get_tables())
    for model in MODELS:
        assert model._meta.table_name in tables


def test_migrating_again_applies_nothing(db):
    assert migrate(db) == []


def test_people_recorded_before_the_sort_key_get_one(tmp_path):
    """0007 fills the People list's order for women already recorded, on either engine."""
    from playhouse.migrations import Runner

    from housing_desk.data import database as database_module
    from housing_desk.services import names
    from tests.databases import database_url_for, wipe

    url = database_url_for(tmp_path)
    wipe(url)
    db = database_module.connect(url)
    try:
        runner = Runner(
            db, directory=str(database_module.MIGRATIONS), table_name=database_module.HISTORY_TABLE
        )
        runner.up("0006_sign_in_lockout")
        for given, family, preferred in (
            ("Siobhán", "Ní Bhriain", ""),
            ("Agnieszka", "Łukasiewicz", "Aga"),
        ):
            db.execute_sql(
                f"INSERT INTO person (given_name, family_name, preferred_name, search_name, ni_number, "
                f"phone, safe_contact, message_ok, do_not_disclose, needs_step_free, areas_to_avoid, "
                f"notes, archived, version, created_at, updated_at) VALUES ({', '.join([db.param] * 16)})",
                (
                    given,
                    family,
                    preferred,
                    "",
                    "",
                    "",
                    "",
                    False,
                    False,
                    False,
                    "",
                    "",
                    False,
                    1,
                    "2026-01-01 00:00:00",
                    "2026-01-01 00:00:00",
                ),
            )
        assert database_module.migrate(db)[0] == "0007_people_sort_name"
        stored = dict(db.execute_sql("SELECT given_name, sort_name FROM person").fetchall())
        assert stored == {"Siobhán": "ni bhriain siobhan", "Agnieszka": "lukasiewicz aga"}
        assert stored["Siobhán"] == names.sort_key("Siobhán", "Ní Bhriain")
    finally:
        db.close()


def test_0010_keeps_flats_licences_and_certificates_and_extends_open_checklists(db, admin):
    """Back to before 0010 and forward again, with records in the database."""
    from datetime import date

    from playhouse.migrations import Runner

    from housing_desk.data import database as database_module
    from housing_desk.data.models import Certificate, Flat, Licence, SignupItem
    from housing_desk.services import licences
    from tests import factories
    from tests.databases import on_postgresql

    home = factories.certified_flat(admin, factories.partner(admin))
    waiting = licences.create_licence(
        admin, factories.ready_woman(admin), home, start_date=date(2025, 3, 3)
    )
    runner = Runner(
        db, directory=str(database_module.MIGRATIONS), table_name=database_module.HISTORY_TABLE
    )
    if on_postgresql():  # the history's ids run on from the rows kept between tests
        db.execute_sql(
            "SELECT setval(pg_get_serial_sequence('schema_migration', 'id'), "
            "(SELECT MAX(id) FROM schema_migration))"
        )
    runner.down("0010_tenure")
    left = {row[0] for row in db.execute_sql('SELECT "key" FROM signup_item').fetchall()}
    assert "safety_plan" not in left and "licence_signed" in left
    assert "0010_tenure" in database_module.migrate(db)
    flat = Flat.get_by_id(home.id)
    assert (flat.self_contained, flat.excluded_category) == (True, "")
    assert {c.satisfactory for c in Certificate.select()} == {True}
    assert Licence.get_by_id(waiting.id).possession_order_on is None
    keys = {i.key for i in SignupItem.select().where(SignupItem.licence == waiting.id)}
    assert keys == {key for key, _label in licences.SIGNUP_CHECKLIST}


def test_records_made_before_0012_read_back_after_it(tmp_path):
    """An assessment scored on the old single health area, and a goal, survive 0012 on either
    engine; the new columns take their defaults."""
    from playhouse.migrations import Runner

    from housing_desk.data import database as database_module
    from housing_desk.data.models import database as proxy
    from housing_desk.services import assessments
    from tests.databases import database_url_for, wipe

    url = database_url_for(tmp_path)
    wipe(url)
    db = database_module.connect(url)
    try:
        runner = Runner(
            db, directory=str(database_module.MIGRATIONS), table_name=database_module.HISTORY_TABLE
        )
        runner.up("0007_people_sort_name")
        p = db.param
        db.execute_sql(
            "INSERT INTO app_user (username, full_name, role, password_hash, active, "
            f"failed_attempts, version, created_at) VALUES ({', '.join([p] * 8)})",
            ("amara", "Amara Okafor", "admin", "x", True, 0, 1, "2026-01-01 00:00:00"),
        )
        db.execute_sql(
            "INSERT INTO person (given_name, family_name, preferred_name, search_name, sort_name, "
            "ni_number, phone, safe_contact, message_ok, do_not_disclose, needs_step_free, "
            f"areas_to_avoid, notes, archived, version, created_at, updated_at) VALUES "
            f"({', '.join([p] * 17)})",
            ("Ana", "Lopes", "", "", "", "", "", "", False, False, False, "", "", False, 1)
            + ("2026-01-01 00:00:00",) * 2,
        )
        db.execute_sql(
            "INSERT INTO assessment (person_id, assessed_on, assessor_id, outcome, risk_to_self, "
            "risk_to_self_notes, risk_to_others, risk_to_others_notes, risk_from_others, "
            "risk_from_others_notes, risk_to_tenancy, risk_to_tenancy_notes, tool_used, "
            f"tool_scores, notes, created_at) VALUES ({', '.join([p] * 16)})",
            (1, "2025-01-01", 1, "ready") + ("",) * 11 + ("2026-01-01 00:00:00",),
        )
        db.execute_sql(
            f"INSERT INTO assessment_score (assessment_id, domain, score, evidence) VALUES "
            f"({p}, {p}, {p}, {p})",
            (1, "health", 2, "Sees her GP"),
        )
        assert "0012_keywork_incidents_warnings" in database_module.migrate(db)
        proxy.initialize(db)
        from housing_desk.data.models import Person, User

        (old,) = assessments.history(User.get_by_id(1), Person.get_by_id(1))
        assert old.scores == {"health": 2} and old.evidence == {"health": "Sees her GP"}
        assert old.risk_markers == ()
        assert assessments.DOMAIN_LABELS["health"] == "Physical and mental health"
    finally:
        proxy.initialize(None)
        db.close()
