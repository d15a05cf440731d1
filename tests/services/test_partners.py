"""Partners: the organisations that lend the flats."""

import pytest

from housing_desk.data.models import Partner
from housing_desk.services import audit, flats
from housing_desk.services.errors import ConflictError, ValidationError


def test_create_partner_with_details(admin):
    partner = flats.create_partner(
        admin,
        name="Northamptonshire Council",
        kind="council",
        contact_name="Housing options",
        phone="0300 126 7000",
        email="housing@example.org.uk",
    )
    assert Partner.get_by_id(partner.id).kind == "council"
    assert audit.events("partner", partner.id)[0].action == "create"


def test_partner_names_are_unique_whatever_their_case(admin, partner):
    with pytest.raises(ValidationError) as error:
        flats.create_partner(admin, name=partner.name.upper())
    assert error.value.field == "name"


@pytest.mark.parametrize(
    "field, value", [("name", " "), ("kind", "landlord"), ("email", "not-an-email")]
)
def test_bad_partner_fields_are_named(admin, field, value):
    details = {"name": "Keystage Housing", field: value}
    with pytest.raises(ValidationError) as error:
        flats.create_partner(admin, **details)
    assert error.value.field == field
    assert Partner.select().count() == 0


def test_update_partner_with_stale_version_conflicts(admin, partner):
    flats.update_partner(admin, partner, phone="01604 000000")
    with pytest.raises(ConflictError):
        flats.update_partner(admin, partner, phone="01604 111111")
    assert Partner.get_by_id(partner.id).phone == "01604 000000"
