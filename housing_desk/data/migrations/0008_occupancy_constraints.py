"""The occupancy rules held by the database itself, and versions for support-plan goals.

A woman holds at most one licence that has not ended (a partial unique index, on both
engines), and two licences of one flat never share a night (an exclusion constraint over
half-open date ranges on PostgreSQL, triggers on SQLite). The services check both first and
lock the rows involved; these are what still hold if two writers ever slip past each other.
A database that already breaks either rule is not changed: the migration stops and says which
licences to correct.
"""

from peewee import Database, IntegerField, PostgresqlDatabase
from playhouse.migrate import SchemaMigrator

ONE_PER_WOMAN = "licence_one_not_ended_per_person"
NO_OVERLAP = "licence_no_overlap"

_OVERLAPPING = """
    SELECT a.id, b.id FROM licence a JOIN licence b
      ON a.flat_id = b.flat_id AND a.id < b.id
     AND (a.end_date IS NULL OR a.end_date > b.start_date)
     AND (b.end_date IS NULL OR b.end_date > a.start_date)
"""
_DOUBLED = """
    SELECT a.id, b.id FROM licence a JOIN licence b
      ON a.person_id = b.person_id AND a.id < b.id
     AND a.status <> 'ended' AND b.status <> 'ended'
"""
# SQLite: a licence is refused when another licence of the flat shares a night with it.
_SQLITE_CLASH = """
    EXISTS (SELECT 1 FROM licence other
             WHERE other.flat_id = NEW.flat_id AND other.id IS NOT NEW.id
               AND (other.end_date IS NULL OR other.end_date > NEW.start_date)
               AND (NEW.end_date IS NULL OR NEW.end_date > other.start_date))
"""


def _refuse_broken_rows(db: Database) -> None:
    for query, rule in (
        (_OVERLAPPING, "two licences of one flat overlap"),
        (_DOUBLED, "one woman holds two licences that have not ended"),
    ):
        pairs = db.execute_sql(query).fetchall()
        if pairs:
            listed = ", ".join(f"{a} and {b}" for a, b in pairs[:10])
            raise RuntimeError(
                f"This database cannot be upgraded while {rule} (licences {listed}). "
                "Correct them with the previous version of Housing Desk, then open it again."
            )


def up(migrator: SchemaMigrator, db: Database) -> None:
    migrator.migrate(migrator.add_column("goal", "version", IntegerField(default=1)))
    _refuse_broken_rows(db)
    db.execute_sql(
        f"CREATE UNIQUE INDEX {ONE_PER_WOMAN} ON licence (person_id) WHERE status <> 'ended'"
    )
    if isinstance(db, PostgresqlDatabase):
        # btree_gist lets a GiST index compare the flat's id with '='; it is a trusted
        # extension, so the database's owner can create it without being a superuser.
        db.execute_sql("CREATE EXTENSION IF NOT EXISTS btree_gist")
        db.execute_sql(
            f"ALTER TABLE licence ADD CONSTRAINT {NO_OVERLAP} EXCLUDE USING gist "
            "(flat_id WITH =, daterange(start_date, end_date, '[)') WITH &&)"
        )
    else:
        for event in ("INSERT", "UPDATE OF flat_id, start_date, end_date"):
            suffix = "insert" if event == "INSERT" else "update"
            db.execute_sql(
                f"CREATE TRIGGER {NO_OVERLAP}_{suffix} BEFORE {event} ON licence "
                f"WHEN {_SQLITE_CLASH} "
                f"BEGIN SELECT RAISE(ABORT, '{NO_OVERLAP}'); END"
            )


def down(migrator: SchemaMigrator, db: Database) -> None:
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql(f"ALTER TABLE licence DROP CONSTRAINT {NO_OVERLAP}")
    else:
        for suffix in ("insert", "update"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {NO_OVERLAP}_{suffix}")
    db.execute_sql(f"DROP INDEX {ONE_PER_WOMAN}")
    migrator.migrate(migrator.drop_column("goal", "version"))
