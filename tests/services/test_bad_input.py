"""Bad input that once reached the caller as a raw database or Python error, or was saved as
something else: each is now a ValidationError naming the field, with nothing written."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from housing_desk import clock
from housing_desk.data.models import Assessment, Partner, Person
from housing_desk.services import assessments, flats, licences, people, users
from housing_desk.services.errors import ValidationError
from tests import factories
from tests.services.write_calls import row_counts


def refused(field, function, *args, **kwargs) -> ValidationError:
    """Call, expect a ValidationError naming ``field``, and check nothing was written."""
    before = row_counts()
    with pytest.raises(ValidationError) as caught:
        function(*args, **kwargs)
    assert caught.value.field == field, caught.value.message
    assert row_counts() == before
    return caught.value


def test_a_nul_byte_is_refused_on_every_engine(admin):
    refused("name", flats.create_partner, admin, name="Nene\x00Housing")
    refused("notes", people.create_person, admin, given_name="Ioana", family_name="P", notes="\x00")


def test_a_lone_surrogate_is_refused(admin):
    error = refused(
        "notes", people.create_person, admin, given_name="Ioana", family_name="P", notes="a\ud800b"
    )
    assert "cannot be stored" in error.message


def test_a_partners_phone_longer_than_its_column_is_refused(admin):
    limit = Partner.phone.max_length
    refused("phone", flats.create_partner, admin, name="Nene Housing", phone="0" * (limit + 1))
    partner = flats.create_partner(admin, name="Nene Housing", phone="0" * limit)
    assert Partner.get_by_id(partner.id).phone == "0" * limit


def test_the_tool_used_longer_than_its_column_is_refused(admin):
    someone = factories.person(admin)
    limit = Assessment.tool_used.max_length
    refused(
        "tool_used",
        assessments.record_assessment,
        admin,
        someone,
        assessed_on=clock.today(),
        scores=factories.scores(3),
        outcome="ready",
        tool_used="T" * (limit + 1),
    )


@pytest.fixture
def licence(admin, partner):
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin)
    return licences.create_licence(admin, woman, home, start_date=date(2025, 1, 6))


def test_a_housing_benefit_note_too_long_for_the_claim_reference_is_refused(admin, licence):
    from housing_desk.data.models import Licence

    limit = Licence.hb_reference.max_length
    refused(
        "note", licences.complete_signup_item, admin, licence, "hb_claim", note="H" * (limit + 1)
    )
    licences.complete_signup_item(admin, licence, "hb_claim", note="H" * limit)
    assert Licence.get_by_id(licence.id).hb_reference == "H" * limit


def test_a_destination_too_long_for_its_column_is_refused_when_correcting(admin, licence):
    from housing_desk.data.models import Licence

    factories.sign_up(admin, licence)
    ended = licences.end_licence(
        admin, licence, end_date=date(2026, 1, 5), reason="planned_move_on", notes="Keys kept"
    )
    limit = Licence.destination.max_length
    refused(
        "destination",
        licences.correct_licence,
        admin,
        ended,
        reason="Typed wrongly",
        destination="D" * (limit + 1),
    )


def test_names_too_long_together_for_the_search_key_are_refused(admin):
    # Each fits its own column; together they do not fit the key the duplicate check reads.
    long = "a" * Person.given_name.max_length
    refused(
        "given_name",
        people.create_person,
        admin,
        given_name=long,
        family_name=long,
        preferred_name=long[1:],
    )
    someone = people.create_person(admin, given_name=long, family_name=long)
    refused("preferred_name", people.update_person, admin, someone, preferred_name=long)


def test_a_name_that_folds_longer_is_checked_after_folding(admin):
    # 'ﷺ' is one letter that folds to eighteen characters.
    refused("given_name", people.create_person, admin, given_name="ﷺ" * 20, family_name="Amin")


def test_a_flat_reference_that_grows_in_upper_case_is_refused(admin, partner):
    refused("reference", factories.flat, admin, partner, reference="ﬀ" * 20)


def test_a_username_that_grows_in_lower_case_is_refused(admin):
    refused(
        "username",
        users.create_user,
        admin,
        username="İ" * 60,
        full_name="A N Other",
        role="officer",
        password=factories.PASSWORD,
    )


@pytest.mark.parametrize(
    "value", [datetime(2026, 1, 1, 9, 30), datetime(2026, 1, 1, tzinfo=UTC), "2026-01-01T09:30"]
)
def test_a_datetime_where_a_date_is_expected_is_refused(admin, flat, value):
    refused("issued_on", flats.record_certificate, admin, flat, kind="eicr", issued_on=value)


@pytest.mark.parametrize("value", [math.inf, -math.inf, "inf", "-Infinity", Decimal("Infinity")])
def test_infinite_money_is_refused(admin, partner, value):
    refused("weekly_rent", factories.flat, admin, partner, weekly_rent=value)


@pytest.mark.parametrize("value", ["1e400", 1e400, Decimal("1e400"), Decimal("-1e400")])
def test_an_amount_beyond_any_charge_is_refused(admin, partner, value):
    refused("weekly_rent", factories.flat, admin, partner, weekly_rent=value)


@pytest.mark.parametrize("value", [date(9999, 12, 31), "9999-12-31", date(1, 1, 1)])
def test_a_date_whose_arithmetic_would_overflow_is_refused(admin, flat, value):
    # A certificate's expiry is its issue date plus the kind's term in years.
    refused("issued_on", flats.record_certificate, admin, flat, kind="epc", issued_on=value)


def test_the_dates_accepted_leave_room_for_the_arithmetic_done_on_them():
    from housing_desk.services import compliance, validation

    longest_term = max(years for _label, years in compliance.CERTIFICATE_KINDS.values())
    assert compliance.add_years(validation.LAST_DATE, longest_term) < date.max
    assert assessments.add_months(validation.LAST_DATE, 12) < date.max
    assert validation.LAST_DATE + timedelta(days=366) < date.max
    assert assessments.add_months(validation.FIRST_DATE, -12 * 50) > date.min


@pytest.mark.parametrize(
    "field, value",
    [
        ("bedrooms", []),
        ("bedrooms", math.inf),
        ("bedrooms", 1.5),
        ("bedrooms", True),
        ("partner", "Northampton Housing Trust"),
        ("partner", 2**70),
        ("partner", 1.0),
        ("step_free", "no"),
        ("postcode", 1234),
        ("head_lease_end", 20310331),
    ],
)
def test_wrong_types_are_refused(admin, partner, field, value):
    values = {"partner": partner, field: value}
    refused(field, factories.flat, admin, **values)


def test_a_record_of_another_kind_is_refused(admin, partner, flat):
    refused("flat", flats.record_certificate, admin, partner, kind="eicr", issued_on=clock.today())


def test_renaming_a_partner_to_a_name_taken_in_another_alphabet_is_refused(admin):
    flats.create_partner(admin, name="Żywiec Housing")
    other = flats.create_partner(admin, name="Nene Housing")
    refused("name", flats.update_partner, admin, other, name="Żywiec Housing")
    refused("name", flats.update_partner, admin, other, name="żYWIEC housing")
    refused("name", flats.create_partner, admin, name="ŻYWIEC HOUSING")


@pytest.mark.parametrize("value", ["12,34", "1,2", "£12,34", "1,23,456.00"])
def test_a_comma_that_is_not_a_thousands_separator_is_refused(admin, partner, value):
    error = refused("weekly_rent", factories.flat, admin, partner, weekly_rent=value)
    assert "such as" in error.message


@pytest.mark.parametrize(
    "value, amount",
    [
        ("£1,234.56", Decimal("1234.56")),
        ("1,234", Decimal("1234.00")),
        (" £95.5 ", Decimal("95.50")),
        ("0", Decimal("0.00")),
        (Decimal("-0"), Decimal("0.00")),
    ],
)
def test_money_as_typed_is_read_exactly(admin, partner, value, amount):
    made = factories.flat(admin, partner, weekly_rent=value)
    stored = flats.get_flat(made.id).weekly_rent
    assert stored == amount and str(stored) == str(amount)


@pytest.mark.parametrize(
    "function, kwargs",
    [
        (flats.create_partner, {"name": "Nene Housing"}),
        (people.create_person, {"given_name": "Ioana", "family_name": "Popescu"}),
    ],
)
def test_an_unknown_keyword_argument_is_refused_by_name(admin, function, kwargs):
    refused("colour", function, admin, **kwargs, colour="red")


def test_an_unknown_flat_detail_is_refused_by_name(admin, partner):
    refused("colour", factories.flat, admin, partner, colour="red")


def test_a_version_that_is_not_a_number_is_refused(admin, partner):
    refused("version", flats.update_partner, admin, partner, notes="x", version="v1")


def test_a_priority_of_true_is_not_taken_as_urgent(admin):
    from housing_desk.services import referrals

    someone = factories.person(admin)
    refused(
        "priority",
        referrals.create_referral,
        admin,
        someone,
        received_on=clock.today(),
        source="self",
        priority=True,
    )


def test_a_yes_no_answer_given_as_text_is_refused(admin, licence):
    from housing_desk.services import support_plans

    plan = support_plans.create_plan(admin, licence, start_date=date(2025, 1, 6))
    refused("she_agreed", support_plans.agree, admin, plan, she_agreed="no")
