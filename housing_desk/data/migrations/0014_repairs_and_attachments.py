"""Repairs of the flats, and attachments kept inside the database."""

from peewee import (
    BlobField,
    BooleanField,
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

    User, Flat, Unavailability = (stub(t) for t in ("app_user", "flat", "unavailability"))

    class Repair(Model):
        flat = ForeignKeyField(Flat, on_delete="RESTRICT")
        reported_on = DateField()
        reported_by = CharField(max_length=200, default="")
        description = TextField()
        priority = CharField(max_length=20)
        hazard = BooleanField(default=False)
        target_on = DateField()
        investigated_on = DateField(null=True)
        passed_to = CharField(max_length=200, default="")
        passed_on = DateField(null=True)
        completed_on = DateField(null=True)
        notes = TextField(default="")
        unavailability = ForeignKeyField(Unavailability, null=True, on_delete="SET NULL")
        created_by = ForeignKeyField(User, on_delete="RESTRICT")
        created_at = DateTimeField()
        version = IntegerField(default=1)

        class Meta:
            database = db
            table_name = "repair"
            indexes = ((("flat", "reported_on"), False), (("completed_on",), False))

    class Attachment(Model):
        entity = CharField(max_length=20)
        entity_id = IntegerField()
        filename = CharField(max_length=255)
        kind = CharField(max_length=20)
        size = IntegerField()
        sha256 = CharField(max_length=64)
        data = BlobField()
        expires_on = DateField(null=True)
        created_by = ForeignKeyField(User, on_delete="RESTRICT")
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "attachment"
            indexes = ((("entity", "entity_id"), False), (("expires_on",), False))

    db.create_tables([Repair, Attachment])


def down(migrator: SchemaMigrator, db: Database) -> None:
    for table in ("attachment", "repair"):
        migrator.migrate(migrator.drop_table(table))
