"""What the agreement type's rules need: whether a flat is self-contained and the excluded
category it falls in; how notice was served and the date of a possession order; a manager's
reason for letting to a woman not assessed ready; a certificate's result and the copy she is
owed within 28 days of a check during her stay. A licence still awaiting sign-up gains the new
checklist items (ID and NI number, privacy notice, council tax and utilities, safety plan)."""

from peewee import BooleanField, CharField, Database, DateField, SqliteDatabase, TextField
from playhouse.migrate import SchemaMigrator

NEW_ITEMS = ("id_seen", "privacy_notice", "council_tax_utilities", "safety_plan")


# SQLite: (column, type) added in place. The migrator's way of adding a NOT NULL column rebuilds
# the table on SQLite, which would drop the licence table's triggers (0008).
_COLUMNS = (
    ("flat", "self_contained", "INTEGER NOT NULL DEFAULT 1"),
    ("flat", "excluded_category", "VARCHAR(40) NOT NULL DEFAULT ''"),
    ("licence", "excluded_category", "VARCHAR(40) NOT NULL DEFAULT ''"),
    ("licence", "notice_served_how", "VARCHAR(20) NOT NULL DEFAULT ''"),
    ("licence", "possession_order_on", "DATE"),
    ("licence", "readiness_override", "TEXT NOT NULL DEFAULT ''"),
    ("certificate", "satisfactory", "INTEGER NOT NULL DEFAULT 1"),
    ("certificate", "copy_due_on", "DATE"),
    ("certificate", "copy_given_on", "DATE"),
)


def up(migrator: SchemaMigrator, db: Database) -> None:
    if isinstance(db, SqliteDatabase):
        for table, column, kind in _COLUMNS:
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {kind}')
    else:
        migrator.migrate(
            migrator.add_column("flat", "self_contained", BooleanField(default=True)),
            migrator.add_column("flat", "excluded_category", CharField(max_length=40, default="")),
            migrator.add_column(
                "licence", "excluded_category", CharField(max_length=40, default="")
            ),
            migrator.add_column(
                "licence", "notice_served_how", CharField(max_length=20, default="")
            ),
            migrator.add_column("licence", "possession_order_on", DateField(null=True)),
            migrator.add_column("licence", "readiness_override", TextField(default="")),
            migrator.add_column("certificate", "satisfactory", BooleanField(default=True)),
            migrator.add_column("certificate", "copy_due_on", DateField(null=True)),
            migrator.add_column("certificate", "copy_given_on", DateField(null=True)),
        )
    waiting = [
        row[0]
        for row in db.execute_sql(
            f"SELECT id FROM licence WHERE status = {db.param}", ("pending_signup",)
        ).fetchall()
    ]
    rows = [(licence_id, key, False, "") for licence_id in waiting for key in NEW_ITEMS]
    if rows:
        db.cursor().executemany(
            'INSERT INTO signup_item (licence_id, "key", done, note) '
            f"VALUES ({db.param}, {db.param}, {db.param}, {db.param})",
            rows,
        )


def down(migrator: SchemaMigrator, db: Database) -> None:
    keys = ", ".join([db.param] * len(NEW_ITEMS))
    db.execute_sql(f'DELETE FROM signup_item WHERE "key" IN ({keys})', NEW_ITEMS)
    for table, column, _kind in _COLUMNS:
        # SQLite 3.35+ drops a column in place (its triggers stay); PostgreSQL the same.
        db.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
