"""Requests a woman makes for a copy of her records, and the calendar month each must be answered in."""

from peewee import (
    CharField,
    Database,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)
from playhouse.migrate import SchemaMigrator


def up(migrator: SchemaMigrator, db: Database) -> None:
    def stub(table: str) -> type[Model]:
        class Stub(Model):
            class Meta:
                database = db
                table_name = table

        return Stub

    User, Person = stub("app_user"), stub("person")

    class SubjectAccessRequest(Model):
        person = ForeignKeyField(Person, on_delete="RESTRICT")
        received_on = DateField()
        due_on = DateField()
        status = CharField(max_length=20, default="open", index=True)
        answered_on = DateField(null=True)
        notes = TextField(default="")
        recorded_by = ForeignKeyField(User, on_delete="RESTRICT")
        answered_by = ForeignKeyField(User, null=True, on_delete="RESTRICT")
        version = IntegerField(default=1)
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "subject_access_request"

    db.create_tables([SubjectAccessRequest])


def down(migrator: SchemaMigrator, db: Database) -> None:
    db.execute_sql("DROP TABLE subject_access_request")
