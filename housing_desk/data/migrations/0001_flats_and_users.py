"""Users, the audit trail, partners, flats, certificates and unavailability."""

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
    class User(Model):
        username = CharField(unique=True, max_length=60)
        full_name = CharField(max_length=200)
        role = CharField(max_length=20)
        password_hash = CharField(max_length=255)
        active = BooleanField(default=True)
        created_at = DateTimeField()
        last_login_at = DateTimeField(null=True)

        class Meta:
            database = db
            table_name = "app_user"

    class AuditEvent(Model):
        at = DateTimeField(index=True)
        actor = ForeignKeyField(User, null=True, on_delete="RESTRICT")
        action = CharField(max_length=20)
        entity = CharField(max_length=40)
        entity_id = IntegerField(null=True)
        changes = TextField(default="{}")

        class Meta:
            database = db
            table_name = "audit_event"
            indexes = ((("entity", "entity_id"), False),)

    class Partner(Model):
        name = CharField(unique=True, max_length=200)
        kind = CharField(max_length=40, default="housing_charity")
        contact_name = CharField(max_length=200, default="")
        phone = CharField(max_length=40, default="")
        email = CharField(max_length=200, default="")
        address = TextField(default="")
        notes = TextField(default="")
        version = IntegerField(default=1)
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "partner"

    class Flat(Model):
        reference = CharField(unique=True, max_length=20)
        address_line1 = CharField(max_length=200)
        address_line2 = CharField(max_length=200, default="")
        town = CharField(max_length=100)
        postcode = CharField(max_length=10)
        partner = ForeignKeyField(Partner, on_delete="RESTRICT")
        bedrooms = IntegerField(default=1)
        floor = IntegerField(default=0)
        step_free = BooleanField(default=False)
        has_gas = BooleanField(default=True)
        furnished = BooleanField(default=True)
        # Money is kept in whole pence: exact on every engine.
        weekly_rent = BigIntegerField(default=0)
        eligible_service_charge = BigIntegerField(default=0)
        ineligible_service_charge = BigIntegerField(default=0)
        support_charge = BigIntegerField(default=0)
        head_lease_end = DateField(null=True)
        retired = BooleanField(default=False)
        notes = TextField(default="")
        version = IntegerField(default=1)
        created_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            database = db
            table_name = "flat"

    class Certificate(Model):
        flat = ForeignKeyField(Flat, on_delete="CASCADE")
        kind = CharField(max_length=20)
        issued_on = DateField()
        expires_on = DateField()
        reference = CharField(max_length=100, default="")
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "certificate"
            indexes = ((("flat", "kind", "issued_on"), False),)

    class Unavailability(Model):
        flat = ForeignKeyField(Flat, on_delete="CASCADE")
        start = DateField()
        end = DateField(null=True)
        reason = CharField(max_length=20)
        notes = TextField(default="")
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "unavailability"
            indexes = ((("flat", "start"), False),)

    db.create_tables([User, AuditEvent, Partner, Flat, Certificate, Unavailability])


def down(migrator: SchemaMigrator, db: Database) -> None:
    for table in ("unavailability", "certificate", "flat", "partner", "audit_event", "app_user"):
        migrator.migrate(migrator.drop_table(table))
