"""Support plans and goals, the record of documents printed, and the team's settings."""

from peewee import (
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

    User, Person, Licence = (stub(t) for t in ("app_user", "person", "licence"))

    class SupportPlan(Model):
        person = ForeignKeyField(Person, on_delete="RESTRICT")
        licence = ForeignKeyField(Licence, on_delete="RESTRICT")
        start_date = DateField()
        review_due = DateField(null=True)
        status = CharField(max_length=20, default="draft", index=True)
        agreed_on = DateField(null=True)
        she_agreed = BooleanField(default=False)
        risk_to_self = TextField(default="")
        risk_to_others = TextField(default="")
        risk_from_others = TextField(default="")
        risk_to_tenancy = TextField(default="")
        created_by = ForeignKeyField(User, on_delete="RESTRICT")
        version = IntegerField(default=1)
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "support_plan"

    class Goal(Model):
        plan = ForeignKeyField(SupportPlan, on_delete="CASCADE")
        position = IntegerField(default=0)
        domain = CharField(max_length=40, default="")
        need = TextField(default="")
        action = TextField(default="")
        owner = CharField(max_length=200, default="")
        target_date = DateField(null=True)
        status = CharField(max_length=20, default="open")
        outcome = TextField(default="")

        class Meta:
            database = db
            table_name = "goal"

    class Document(Model):
        kind = CharField(max_length=40)
        entity = CharField(max_length=40)
        entity_id = IntegerField()
        generated_at = DateTimeField()
        generated_by = ForeignKeyField(User, on_delete="RESTRICT")
        template_version = CharField(max_length=40, default="")
        sha256 = CharField(max_length=64)
        size = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "document"
            indexes = ((("entity", "entity_id"), False),)

    class Setting(Model):
        key = CharField(max_length=80, unique=True)
        value = TextField(default="")

        class Meta:
            database = db
            table_name = "setting"

    db.create_tables([SupportPlan, Goal, Document, Setting])


def down(migrator: SchemaMigrator, db: Database) -> None:
    for table in ("setting", "document", "goal", "support_plan"):
        migrator.migrate(migrator.drop_table(table))
