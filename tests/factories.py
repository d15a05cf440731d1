"""Small builders of realistic records, all made through the services."""

from datetime import date, timedelta
from decimal import Decimal

from housing_desk.services import flats, users

PASSWORD = "correct horse battery"


def admin(username="amara"):
    return users.create_user(None, username=username, full_name="Amara Okafor", role="admin", password=PASSWORD)


def user(actor, role, username=None):
    return users.create_user(
        actor, username=username or f"{role}1", full_name=f"A {role}", role=role, password=PASSWORD
    )


def partner(actor, name="Northampton Housing Trust", **details):
    return flats.create_partner(actor, name=name, kind="housing_charity", **details)


def flat(actor, partner=None, reference="NHT-01", **changes):
    values = dict(
        reference=reference,
        address_line1="Flat 2, 14 Derngate",
        town="Northampton",
        postcode="NN1 1TU",
        partner=partner,
        weekly_rent=Decimal("98.50"),
        eligible_service_charge=Decimal("22.15"),
        ineligible_service_charge=Decimal("9.80"),
        support_charge=Decimal("45.00"),
    )
    values.update(changes)
    return flats.create_flat(actor, **values)


def certify(actor, flat, on, *, has_gas=True):
    """Current certificates of every required kind, issued a month before ``on``."""
    issued = on - timedelta(days=30)
    kinds = ["eicr", "epc"] + (["gas_safety"] if has_gas else [])
    return [flats.record_certificate(actor, flat, kind=kind, issued_on=issued) for kind in kinds]


TODAY = date(2026, 11, 25)
