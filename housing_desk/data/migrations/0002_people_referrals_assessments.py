"""People, their referrals, and readiness assessments with a score per domain."""

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
    class User(Model):
        class Meta:
            database = db
            table_name = "app_user"

    class Person(Model):
        given_name = CharField(max_length=100)
        family_name = CharField(max_length=100)
        preferred_name = CharField(max_length=100, default="")
        search_name = CharField(max_length=320, index=True, default="")
        date_of_birth = DateField(null=True)
        ni_number = CharField(max_length=9, default="")
        phone = CharField(max_length=40, default="")
        safe_contact = TextField(default="")
        message_ok = BooleanField(default=False)
        do_not_disclose = BooleanField(default=False)
        needs_step_free = BooleanField(default=False)
        areas_to_avoid = CharField(max_length=200, default="")
        notes = TextField(default="")
        keyworker = ForeignKeyField(User, null=True, on_delete="SET NULL")
        archived = BooleanField(default=False)
        version = IntegerField(default=1)
        created_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            database = db
            table_name = "person"

    class Referral(Model):
        person = ForeignKeyField(Person, on_delete="RESTRICT")
        received_on = DateField()
        source = CharField(max_length=20)
        referrer = CharField(max_length=200, default="")
        referrer_organisation = CharField(max_length=200, default="")
        priority = IntegerField(default=3)
        notes = TextField(default="")
        status = CharField(max_length=20, default="received", index=True)
        decision_reason = CharField(max_length=40, default="")
        decision_notes = TextField(default="")
        decided_by = ForeignKeyField(User, null=True, on_delete="RESTRICT")
        decided_on = DateField(null=True)
        closed_on = DateField(null=True)
        version = IntegerField(default=1)
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "referral"

    class Assessment(Model):
        person = ForeignKeyField(Person, on_delete="RESTRICT")
        referral = ForeignKeyField(Referral, null=True, on_delete="SET NULL")
        assessed_on = DateField()
        assessor = ForeignKeyField(User, on_delete="RESTRICT")
        outcome = CharField(max_length=20)
        next_review_on = DateField(null=True)
        risk_to_self = CharField(max_length=10, default="")
        risk_to_self_notes = TextField(default="")
        risk_to_others = CharField(max_length=10, default="")
        risk_to_others_notes = TextField(default="")
        risk_from_others = CharField(max_length=10, default="")
        risk_from_others_notes = TextField(default="")
        risk_to_tenancy = CharField(max_length=10, default="")
        risk_to_tenancy_notes = TextField(default="")
        tool_used = CharField(max_length=100, default="")
        tool_scores = TextField(default="")
        notes = TextField(default="")
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "assessment"
            indexes = ((("person", "assessed_on"), False),)

    class AssessmentScore(Model):
        assessment = ForeignKeyField(Assessment, on_delete="CASCADE")
        domain = CharField(max_length=40)
        score = IntegerField()
        evidence = TextField(default="")

        class Meta:
            database = db
            table_name = "assessment_score"
            indexes = ((("assessment", "domain"), True),)

    db.create_tables([Person, Referral, Assessment, AssessmentScore])


def down(migrator: SchemaMigrator, db: Database) -> None:
    for table in ("assessment_score", "assessment", "referral", "person"):
        migrator.migrate(migrator.drop_table(table))
