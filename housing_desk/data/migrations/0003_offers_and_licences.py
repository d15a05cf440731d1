"""Offers, licences, their sign-up checklists and keys."""

from peewee import (
    BigIntegerField,
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

    User, Flat, Person, Referral = (stub(t) for t in ("app_user", "flat", "person", "referral"))

    class Offer(Model):
        referral = ForeignKeyField(Referral, on_delete="RESTRICT")
        flat = ForeignKeyField(Flat, on_delete="RESTRICT")
        offered_on = DateField()
        status = CharField(max_length=20, default="pending", index=True)
        responded_on = DateField(null=True)
        reason = CharField(max_length=40, default="")
        notes = TextField(default="")
        made_by = ForeignKeyField(User, on_delete="RESTRICT")
        version = IntegerField(default=1)
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "offer"

    class Licence(Model):
        person = ForeignKeyField(Person, on_delete="RESTRICT")
        flat = ForeignKeyField(Flat, on_delete="RESTRICT")
        referral = ForeignKeyField(Referral, null=True, on_delete="SET NULL")
        offer = ForeignKeyField(Offer, null=True, on_delete="SET NULL")
        agreement_type = CharField(max_length=20, default="licence")
        start_date = DateField()
        end_date = DateField(null=True)
        # Money is kept in whole pence.
        weekly_rent = BigIntegerField(default=0)
        eligible_service_charge = BigIntegerField(default=0)
        ineligible_service_charge = BigIntegerField(default=0)
        support_charge = BigIntegerField(default=0)
        payment_day = CharField(max_length=10, default="Monday")
        inventory_reference = CharField(max_length=100, default="")
        hb_reference = CharField(max_length=100, default="")
        hb_status = CharField(max_length=20, default="not_claimed")
        status = CharField(max_length=20, default="pending_signup", index=True)
        activated_on = DateField(null=True)
        notice_by = CharField(max_length=10, default="")
        notice_served_on = DateField(null=True)
        notice_reason = TextField(default="")
        end_reason = CharField(max_length=20, default="")
        destination = CharField(max_length=200, default="")
        move_out_notes = TextField(default="")
        created_by = ForeignKeyField(User, on_delete="RESTRICT")
        version = IntegerField(default=1)
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "licence"
            indexes = ((("flat", "start_date"), False),)

    class SignupItem(Model):
        licence = ForeignKeyField(Licence, on_delete="CASCADE")
        key = CharField(max_length=40)
        done = BooleanField(default=False)
        done_on = DateField(null=True)
        done_by = ForeignKeyField(User, null=True, on_delete="RESTRICT")
        note = TextField(default="")

        class Meta:
            database = db
            table_name = "signup_item"
            indexes = ((("licence", "key"), True),)

    class LicenceKey(Model):
        licence = ForeignKeyField(Licence, on_delete="CASCADE")
        label = CharField(max_length=100)
        issued_on = DateField()
        returned_on = DateField(null=True)
        notes = TextField(default="")

        class Meta:
            database = db
            table_name = "licence_key"

    db.create_tables([Offer, Licence, SignupItem, LicenceKey])


def down(migrator: SchemaMigrator, db: Database) -> None:
    for table in ("licence_key", "signup_item", "licence", "offer"):
        migrator.migrate(migrator.drop_table(table))
