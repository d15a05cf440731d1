"""What the agreement type's rules need: whether a flat is self-contained and the excluded
category it falls in; how notice was served and the date of a possession order; a manager's
reason for letting to a woman not assessed ready; a certificate's result and the copy she is
owed within 28 days of a check during her stay. A licence still awaiting sign-up gains the new
checklist items (ID and NI number, privacy notice, council tax and utilities, safety plan)."""

from peewee import BooleanField, CharField, DateField, TextField

NEW_ITEMS = ("id_seen", "privacy_notice", "council_tax_utilities", "safety_plan")


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("flat", "self_contained", BooleanField(default=True)),
        migrator.add_column("flat", "excluded_category", CharField(max_length=40, default="")),
        migrator.add_column("licence", "excluded_category", CharField(max_length=40, default="")),
        migrator.add_column("licence", "notice_served_how", CharField(max_length=20, default="")),
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


def down(migrator, db):
    keys = ", ".join([db.param] * len(NEW_ITEMS))
    db.execute_sql(f'DELETE FROM signup_item WHERE "key" IN ({keys})', NEW_ITEMS)
    migrator.migrate(
        migrator.drop_column("flat", "self_contained"),
        migrator.drop_column("flat", "excluded_category"),
        migrator.drop_column("licence", "excluded_category"),
        migrator.drop_column("licence", "notice_served_how"),
        migrator.drop_column("licence", "possession_order_on"),
        migrator.drop_column("licence", "readiness_override"),
        migrator.drop_column("certificate", "satisfactory"),
        migrator.drop_column("certificate", "copy_due_on"),
        migrator.drop_column("certificate", "copy_given_on"),
    )
