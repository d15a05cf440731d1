"""Indexes for the board's questions on years of history: what covers a day, what ended last."""

from peewee import Database
from playhouse.migrate import SchemaMigrator


def up(migrator: SchemaMigrator, db: Database) -> None:
    migrator.migrate(
        migrator.add_index("licence", ("end_date",), False),
        migrator.add_index("licence", ("flat_id", "end_date"), False),
        migrator.add_index("unavailability", ("flat_id", "end"), False),
    )


def down(migrator: SchemaMigrator, db: Database) -> None:
    migrator.migrate(
        migrator.drop_index("licence", "licence_end_date"),
        migrator.drop_index("licence", "licence_flat_id_end_date"),
        migrator.drop_index("unavailability", "unavailability_flat_id_end"),
    )
