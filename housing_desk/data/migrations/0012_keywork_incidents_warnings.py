"""The tenancy's life: keywork sessions, incidents, warnings and plan reviews; a support plan
in her own words with a crisis plan; risk markers on assessments."""

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

    User, Person, Flat, Licence, SupportPlan, Goal = (
        stub(t) for t in ("app_user", "person", "flat", "licence", "support_plan", "goal")
    )

    class KeyworkSession(Model):
        licence = ForeignKeyField(Licence, on_delete="RESTRICT")
        person = ForeignKeyField(Person, on_delete="RESTRICT")
        held_on = DateField()
        kind = CharField(max_length=20, default="in_person")
        duration_minutes = IntegerField(null=True)
        summary = TextField(default="")
        next_on = DateField(null=True)
        keyworker = ForeignKeyField(User, on_delete="RESTRICT")
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "keywork_session"
            indexes = ((("licence", "held_on"), False), (("person", "held_on"), False))

    class KeyworkGoal(Model):
        session = ForeignKeyField(KeyworkSession, on_delete="CASCADE")
        goal = ForeignKeyField(Goal, on_delete="CASCADE")

        class Meta:
            database = db
            table_name = "keywork_goal"
            indexes = ((("session", "goal"), True),)

    class Incident(Model):
        person = ForeignKeyField(Person, on_delete="RESTRICT")
        flat = ForeignKeyField(Flat, null=True, on_delete="RESTRICT")
        occurred_on = DateField()
        kind = CharField(max_length=30)
        severity = CharField(max_length=10, default="medium")
        description = TextField(default="")
        police_reference = CharField(max_length=100, default="")
        safeguarding_referral = BooleanField(default=False)
        referred_to = CharField(max_length=200, default="")
        follow_up = TextField(default="")
        recorded_by = ForeignKeyField(User, on_delete="RESTRICT")
        reviewed_by = ForeignKeyField(User, null=True, on_delete="RESTRICT")
        reviewed_on = DateField(null=True)
        review_notes = TextField(default="")
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "incident"
            indexes = ((("person", "occurred_on"), False), (("severity", "reviewed_on"), False))

    class TenancyWarning(Model):
        licence = ForeignKeyField(Licence, on_delete="RESTRICT")
        person = ForeignKeyField(Person, on_delete="RESTRICT")
        stage = CharField(max_length=10)
        issued_on = DateField()
        reason = TextField(default="")
        lapses_on = DateField()
        issued_by = ForeignKeyField(User, on_delete="RESTRICT")
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "tenancy_warning"
            indexes = ((("licence", "issued_on"), False),)

    class SupportReview(Model):
        plan = ForeignKeyField(SupportPlan, on_delete="CASCADE")
        reviewed_on = DateField()
        attended = TextField(default="")
        summary = TextField(default="")
        recorded_by = ForeignKeyField(User, on_delete="RESTRICT")
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "support_review"

    db.create_tables([KeyworkSession, KeyworkGoal, Incident, TenancyWarning, SupportReview])
    migrator.migrate(
        migrator.add_column("goal", "her_words", TextField(default="")),
        migrator.add_column("goal", "strengths", TextField(default="")),
        migrator.add_column("goal", "measure", TextField(default="")),
        migrator.add_column("goal", "achieved_on", DateField(null=True)),
        migrator.add_column("support_plan", "crisis_triggers", TextField(default="")),
        migrator.add_column("support_plan", "crisis_actions", TextField(default="")),
        migrator.add_column("support_plan", "crisis_contacts", TextField(default="")),
        migrator.add_column("support_plan", "consent_to_share", TextField(default="")),
        migrator.add_column("assessment", "risk_markers", CharField(max_length=400, default="")),
    )


def down(migrator: SchemaMigrator, db: Database) -> None:
    migrator.migrate(
        migrator.drop_column("assessment", "risk_markers"),
        *(
            migrator.drop_column("support_plan", column)
            for column in (
                "crisis_triggers",
                "crisis_actions",
                "crisis_contacts",
                "consent_to_share",
            )
        ),
        *(
            migrator.drop_column("goal", column)
            for column in ("her_words", "strengths", "measure", "achieved_on")
        ),
    )
    for table in (
        "support_review",
        "tenancy_warning",
        "incident",
        "keywork_goal",
        "keywork_session",
    ):
        migrator.migrate(migrator.drop_table(table))
