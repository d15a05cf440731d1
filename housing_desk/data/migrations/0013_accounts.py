"""Her rent account: charges, changes of charges, payments, Housing Benefit decisions and
evidence, absences and repayment plans."""

from peewee import (
    BigIntegerField,
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

    User, Licence = stub("app_user"), stub("licence")

    class Charge(Model):
        licence = ForeignKeyField(Licence, on_delete="RESTRICT")
        due_on = DateField()
        period_end = DateField()
        sequence = IntegerField(default=0)
        weekly_rent = BigIntegerField(default=0)
        eligible_service_charge = BigIntegerField(default=0)
        ineligible_service_charge = BigIntegerField(default=0)
        support_charge = BigIntegerField(default=0)
        housing_benefit = BigIntegerField(default=0)
        posted_at = DateTimeField()

        class Meta:
            database = db
            table_name = "charge"
            indexes = ((("licence", "due_on", "sequence"), True), (("due_on",), False))

    class ChargeChange(Model):
        licence = ForeignKeyField(Licence, on_delete="RESTRICT")
        effective_from = DateField()
        weekly_rent = BigIntegerField(default=0)
        eligible_service_charge = BigIntegerField(default=0)
        ineligible_service_charge = BigIntegerField(default=0)
        support_charge = BigIntegerField(default=0)
        created_by = ForeignKeyField(User, on_delete="RESTRICT")
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "charge_change"
            indexes = ((("licence", "effective_from"), True),)

    class Payment(Model):
        licence = ForeignKeyField(Licence, on_delete="RESTRICT")
        received_on = DateField()
        amount = BigIntegerField()
        source = CharField(max_length=20)
        reference = CharField(max_length=100, default="")
        period_start = DateField(null=True)
        reverses = ForeignKeyField("self", null=True, on_delete="RESTRICT")
        created_by = ForeignKeyField(User, on_delete="RESTRICT")
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "payment"
            indexes = ((("licence", "received_on"), False),)

    class HousingBenefitDecision(Model):
        licence = ForeignKeyField(Licence, on_delete="RESTRICT")
        decision = CharField(max_length=20)
        decided_on = DateField()
        award_from = DateField()
        weekly_award = BigIntegerField(null=True)
        notes = TextField(default="")
        created_by = ForeignKeyField(User, on_delete="RESTRICT")
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "hb_decision"

    class HousingBenefitEvidence(Model):
        licence = ForeignKeyField(Licence, on_delete="RESTRICT")
        requested_on = DateField()
        what = CharField(max_length=200)
        chased_on = DateField(null=True)
        sent_on = DateField(null=True)
        created_by = ForeignKeyField(User, on_delete="RESTRICT")

        class Meta:
            database = db
            table_name = "hb_evidence"

    class Absence(Model):
        licence = ForeignKeyField(Licence, on_delete="RESTRICT")
        start = DateField()
        end = DateField(null=True)
        reason = CharField(max_length=30)
        created_by = ForeignKeyField(User, on_delete="RESTRICT")

        class Meta:
            database = db
            table_name = "absence"

    class RepaymentPlan(Model):
        licence = ForeignKeyField(Licence, on_delete="RESTRICT")
        weekly_amount = BigIntegerField()
        start_on = DateField()
        ended_on = DateField(null=True)
        created_by = ForeignKeyField(User, on_delete="RESTRICT")
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "repayment_plan"

    db.create_tables(
        [
            Charge,
            ChargeChange,
            Payment,
            HousingBenefitDecision,
            HousingBenefitEvidence,
            Absence,
            RepaymentPlan,
        ]
    )


def down(migrator: SchemaMigrator, db: Database) -> None:
    for table in (
        "repayment_plan",
        "absence",
        "hb_evidence",
        "hb_decision",
        "payment",
        "charge_change",
        "charge",
    ):
        migrator.migrate(migrator.drop_table(table))
