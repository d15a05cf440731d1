"""Flat register rules: each refusal names its field and writes nothing."""

from datetime import date
from decimal import Decimal

import pytest

from housing_desk.data.models import AuditEvent, Flat
from housing_desk.services import audit, flats
from housing_desk.services.errors import ConflictError, PermissionDenied, ValidationError
from tests import factories


def test_create_flat_stores_every_field_exactly(admin, partner):
    flat = factories.flat(
        admin,
        partner,
        reference="nht-02",
        address_line2="Derngate",
        bedrooms=2,
        floor=3,
        step_free=True,
        has_gas=False,
        furnished=False,
        head_lease_end=date(2031, 3, 31),
        notes="Lift <B>",
    )
    stored = Flat.get_by_id(flat.id)
    assert stored.reference == "NHT-02"
    assert stored.postcode == "NN1 1TU"
    assert (stored.bedrooms, stored.floor, stored.step_free, stored.has_gas) == (2, 3, True, False)
    assert stored.weekly_rent == Decimal("98.50")
    assert stored.weekly_total == Decimal("175.45")
    assert stored.head_lease_end == date(2031, 3, 31)
    assert stored.notes == "Lift <B>"
    assert stored.version == 1


@pytest.mark.parametrize("second", ["NHT-01", "nht-01", " Nht-01 "])
def test_reference_is_unique_whatever_its_case(admin, partner, flat, second):
    with pytest.raises(ValidationError) as error:
        factories.flat(admin, partner, reference=second)
    assert error.value.field == "reference"
    assert Flat.select().count() == 1


@pytest.mark.parametrize(
    "given, stored",
    [
        ("nn1 1tu", "NN1 1TU"),
        ("NN11TU", "NN1 1TU"),
        ("sw1a 1aa", "SW1A 1AA"),
        ("M1 1AE", "M1 1AE"),
        ("B33 8TH", "B33 8TH"),
        ("CR2 6XH", "CR2 6XH"),
        ("DN55 1PT", "DN55 1PT"),
        ("W1A 0AX", "W1A 0AX"),
    ],
)
def test_postcodes_are_normalised(admin, partner, given, stored):
    assert factories.flat(admin, partner, postcode=given).postcode == stored


@pytest.mark.parametrize(
    "bad", ["", "NN1", "12345", "NN1 1T", "QQ1 1AA", "NN1 1TUX", "NN1 1TU 1", "NN1-1TU"]
)
def test_bad_postcodes_are_refused(admin, partner, bad):
    with pytest.raises(ValidationError) as error:
        factories.flat(admin, partner, postcode=bad)
    assert error.value.field == "postcode"
    assert Flat.select().count() == 0


@pytest.mark.parametrize(
    "charge",
    ["weekly_rent", "eligible_service_charge", "ineligible_service_charge", "support_charge"],
)
@pytest.mark.parametrize(
    "bad",
    ["-1", Decimal("-0.01"), "12.345", Decimal("1.001"), "abc", "NaN", "Infinity", None, True],
)
def test_charges_must_be_pounds_and_pence_not_negative(admin, partner, charge, bad):
    with pytest.raises(ValidationError) as error:
        factories.flat(admin, partner, **{charge: bad})
    assert error.value.field == charge
    assert Flat.select().count() == 0
    assert not AuditEvent.select().where(AuditEvent.entity == "flat").exists()


@pytest.mark.parametrize(
    "given, stored", [("95.5", "95.50"), ("£1,200.00", "1200.00"), (0, "0.00"), ("0.10", "0.10")]
)
def test_charges_are_kept_as_exact_decimals(admin, partner, given, stored):
    flat = factories.flat(admin, partner, weekly_rent=given)
    assert Flat.get_by_id(flat.id).weekly_rent == Decimal(stored)


@pytest.mark.parametrize(
    "field, value",
    [
        ("address_line1", "  "),
        ("town", ""),
        ("partner", None),
        ("partner", 9999),
        ("bedrooms", -1),
        ("bedrooms", "two"),
        ("floor", 100),
        ("reference", ""),
        ("reference", "A" * 21),
        ("reference", "NHT#1"),
        ("step_free", "yes"),
        ("head_lease_end", "31/03/2031"),
    ],
)
def test_each_bad_field_is_named(admin, partner, field, value):
    values = {"partner": partner, field: value}
    with pytest.raises(ValidationError) as error:
        factories.flat(admin, **values)
    assert error.value.field == field
    assert error.value.message
    assert Flat.select().count() == 0


def test_unknown_field_is_refused(admin, partner):
    with pytest.raises(ValidationError) as error:
        factories.flat(admin, partner, colour="blue")
    assert error.value.field == "colour"


def test_update_flat_changes_fields_bumps_version_and_audits(admin, flat):
    updated = flats.update_flat(admin, flat, weekly_rent="101.25", town="Kingsthorpe")
    assert updated.version == 2
    assert updated.weekly_rent == Decimal("101.25")
    event = audit.events("flat", flat.id)[-1]
    assert event.action == "update" and event.actor == "amara"
    assert event.changes == {
        "weekly_rent": ["98.50", "101.25"],
        "town": ["Northampton", "Kingsthorpe"],
    }


def test_update_with_a_stale_version_conflicts_and_changes_nothing(admin, flat):
    flats.update_flat(
        admin, flat, town="Kingsthorpe"
    )  # someone else saves first; `flat` is now stale
    events_before = len(audit.events())
    with pytest.raises(ConflictError):
        flats.update_flat(admin, flat, town="Duston")
    assert Flat.get_by_id(flat.id).town == "Kingsthorpe"
    assert Flat.get_by_id(flat.id).version == 2
    assert len(audit.events()) == events_before


def test_explicit_version_is_checked(admin, flat):
    with pytest.raises(ConflictError):
        flats.update_flat(admin, flat, town="Duston", version=7)


def test_update_cannot_take_another_flats_reference(admin, partner, flat):
    other = factories.flat(admin, partner, reference="NHT-02")
    with pytest.raises(ValidationError) as error:
        flats.update_flat(admin, other, reference="nht-01")
    assert error.value.field == "reference"
    assert Flat.get_by_id(other.id).reference == "NHT-02"


def test_bad_update_writes_nothing(admin, flat):
    with pytest.raises(ValidationError):
        flats.update_flat(admin, flat, town="Duston", weekly_rent="-3")
    stored = Flat.get_by_id(flat.id)
    assert (stored.town, stored.version) == ("Northampton", 1)


def test_creating_a_flat_is_audited_in_the_same_transaction(admin, partner):
    flat = factories.flat(admin, partner)
    (event,) = audit.events("flat", flat.id)
    assert event.action == "create"
    assert event.changes["reference"] == "NHT-01"
    assert event.changes["weekly_rent"] == "98.50"


def test_officers_and_viewers_cannot_change_flats(admin, partner, flat):
    for role in ("officer", "viewer"):
        someone = factories.user(admin, role)
        with pytest.raises(PermissionDenied):
            factories.flat(someone, partner, reference="NHT-09")
        with pytest.raises(PermissionDenied):
            flats.update_flat(someone, flat, town="Duston")
    manager = factories.user(admin, "manager")
    assert flats.update_flat(manager, flat, town="Duston").town == "Duston"


def test_no_actor_no_write(partner):
    with pytest.raises(PermissionDenied):
        factories.flat(None, partner)


def test_list_flats_loads_partners(admin, partner, flat):
    (listed,) = flats.list_flats()
    assert listed.partner.name == partner.name


def test_a_conflict_says_who_changed_it_and_when(admin, flat):
    manager = factories.user(admin, "manager")
    flats.update_flat(manager, flat, town="Kingsthorpe")
    with pytest.raises(ConflictError) as error:
        flats.update_flat(admin, flat, town="Duston")
    assert error.value.message.startswith("A manager, at ")
    assert "changed flat NHT-01 since you opened it" in error.value.message
