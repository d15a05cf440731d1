"""Failed sign-ins counted and accounts locked for a while after five; account versions."""

from peewee import Database, DateTimeField, IntegerField
from playhouse.migrate import SchemaMigrator


def up(migrator: SchemaMigrator, db: Database) -> None:
    migrator.migrate(
        migrator.add_column("app_user", "failed_attempts", IntegerField(default=0)),
        migrator.add_column("app_user", "locked_until", DateTimeField(null=True)),
        migrator.add_column("app_user", "version", IntegerField(default=1)),
    )


def down(migrator: SchemaMigrator, db: Database) -> None:
    migrator.migrate(
        migrator.drop_column("app_user", "failed_attempts"),
        migrator.drop_column("app_user", "locked_until"),
        migrator.drop_column("app_user", "version"),
    )
