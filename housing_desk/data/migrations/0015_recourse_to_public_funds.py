"""Whether a woman has no recourse to public funds (NRPF): her agreement then never says Housing
Benefit meets her rent, and the Housing Benefit reminders do not ask for a claim she cannot make."""

from peewee import BooleanField, SqliteDatabase


def up(migrator, db):
    if isinstance(db, SqliteDatabase):
        # Added in place: the migrator's way of adding a NOT NULL column rebuilds the table on
        # SQLite, which would drop any trigger on it.
        db.execute_sql(
            'ALTER TABLE "person" ADD COLUMN "no_recourse_to_public_funds" '
            "INTEGER NOT NULL DEFAULT 0"
        )
    else:
        migrator.migrate(
            migrator.add_column(
                "person", "no_recourse_to_public_funds", BooleanField(default=False)
            )
        )


def down(migrator, db):
    db.execute_sql('ALTER TABLE "person" DROP COLUMN "no_recourse_to_public_funds"')
