"""Whether a woman has no recourse to public funds (NRPF): her agreement then never says Housing
Benefit meets her rent, and the Housing Benefit reminders do not ask for a claim she cannot make."""

from peewee import BooleanField, Database, SqliteDatabase
from playhouse.migrate import SchemaMigrator


def up(migrator: SchemaMigrator, db: Database) -> None:
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


def down(migrator: SchemaMigrator, db: Database) -> None:
    db.execute_sql('ALTER TABLE "person" DROP COLUMN "no_recourse_to_public_funds"')
