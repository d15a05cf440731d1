"""Small builders of realistic records, all made through the services."""

import contextlib
from datetime import date, timedelta
from decimal import Decimal

from housing_desk import clock
from housing_desk.services import flats, users

PASSWORD = "correct horse battery"


def admin(username="amara"):
    return users.create_user(
        None, username=username, full_name="Amara Okafor", role="admin", password=PASSWORD
    )


def user(actor, role, username=None):
    return users.create_user(
        actor, username=username or f"{role}1", full_name=f"A {role}", role=role, password=PASSWORD
    )


def partner(actor, name="Northampton Housing Trust", **details):
    return flats.create_partner(actor, name=name, kind="housing_charity", **details)


def flat(actor, partner=None, reference="NHT-01", **changes):
    values = {
        "reference": reference,
        "address_line1": "Flat 2, 14 Derngate",
        "town": "Northampton",
        "postcode": "NN1 1TU",
        "partner": partner,
        "weekly_rent": Decimal("98.50"),
        "eligible_service_charge": Decimal("22.15"),
        "ineligible_service_charge": Decimal("9.80"),
        "support_charge": Decimal("45.00"),
    }
    values.update(changes)
    return flats.create_flat(actor, **values)


def certify(actor, flat, on, *, has_gas=True):
    """Current certificates of every required kind, issued a month before ``on``."""
    issued = on - timedelta(days=30)
    kinds = ["eicr", "epc"] + (["gas_safety"] if has_gas else [])
    return [flats.record_certificate(actor, flat, kind=kind, issued_on=issued) for kind in kinds]


TODAY = date(2026, 11, 25)


def person(actor, given_name="Ioana", family_name="Popescu", **details):
    from housing_desk.services import people

    return people.create_person(actor, given_name=given_name, family_name=family_name, **details)


def scores(value=3, **overrides):
    from housing_desk.services import assessments

    result = {key: value for key, _label in assessments.DOMAINS}
    result.update(overrides)
    return result


def assess(actor, someone, on=None, outcome="ready", value=4, **overrides):
    from housing_desk.services import assessments

    return assessments.record_assessment(
        actor,
        someone,
        assessed_on=on or clock.today() - timedelta(days=3),
        scores=scores(value, **overrides),
        outcome=outcome,
    )


def accepted(actor, someone, received_on=None, priority=3):
    """A referral taken all the way to the waiting list."""
    from housing_desk.services import referrals

    received_on = received_on or clock.today() - timedelta(days=20)
    referral = referrals.create_referral(
        actor, someone, received_on=received_on, source="street_outreach", priority=priority
    )
    assess(actor, someone, on=received_on + timedelta(days=1))
    return referrals.decide(
        actor, referral, decision="accepted", decided_on=received_on + timedelta(days=2)
    )


def ready_woman(actor, given_name="Ioana", family_name="Popescu", assessed_on=None, **details):
    """A woman whose latest assessment says she is ready."""
    someone = person(actor, given_name=given_name, family_name=family_name, **details)
    assess(actor, someone, on=assessed_on or date(2020, 1, 1), outcome="ready")
    return someone


def certified_flat(actor, partner, reference="NHT-01", since=date(2020, 1, 1), **changes):
    """A flat whose required certificates cover every day from ``since`` to well beyond today."""
    from housing_desk.services import flats as flat_service

    made = flat(actor, partner, reference=reference, **changes)
    for kind in ("gas_safety", "eicr", "epc"):
        flat_service.record_certificate(
            actor, made, kind=kind, issued_on=since, expires_on=date(2099, 1, 1)
        )
    return made


def sign_up(actor, licence):
    """Tick every sign-up item and activate."""
    from housing_desk.services import licences

    for key, _label in licences.SIGNUP_CHECKLIST:
        licences.complete_signup_item(
            actor, licence, key, note="HB/123456" if key == "hb_claim" else ""
        )
    return licences.activate(actor, licence)


@contextlib.contextmanager
def rolled_back():
    """Run the body in a transaction that is then rolled back: to try a write and keep nothing."""
    from housing_desk.data.models import database

    with database.obj.atomic() as transaction:
        yield
        transaction.rollback()


def organisation(actor, **details):
    """The team's own details, as the set-up guide records them before anything is printed."""
    from housing_desk.services import settings

    values = {
        "name": "Nene Outreach Housing",
        "charity_number": "1187654",
        "address": "The Hub, 12 Sheep Street\nNorthampton NN1 2LU",
        "phone": "01604 000999",
        "out_of_hours_phone": "07700 900999",
        **details,
    }
    return settings.save_organisation(actor, **values)
