"""The cleaning every service does: each value comes back as stored, or is refused by name."""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import Decimal

import pytest

from housing_desk.data.models import Flat, Partner, Person
from housing_desk.services import validation
from housing_desk.services.errors import ValidationError


def refuses(function, *args, **kwargs) -> str:
    with pytest.raises(ValidationError) as caught:
        function(*args, "the_field", **kwargs)
    assert caught.value.field == "the_field"
    return caught.value.message


def test_text_limits_come_from_the_column():
    assert validation.column_length(Partner.phone) == Partner.phone.max_length
    assert validation.column_length(Partner.phone, 500) == Partner.phone.max_length
    assert validation.column_length(Partner.phone, 10) == 10
    assert validation.column_length(Partner.notes) == validation.LONG_TEXT
    assert validation.column_length(Partner.notes, 2000) == 2000
    refuses(validation.text, "0" * 41, label="Phone", column=Partner.phone)
    assert validation.text(" 0 ", "phone", label="Phone", column=Partner.phone) == "0"


@pytest.mark.parametrize("value", ["a\x00b", "\ud800", "ok\udfff", 5, b"bytes", ["a"], 1.5])
def test_text_that_cannot_be_stored_is_refused(value):
    refuses(validation.text, value, label="Notes", column=Person.notes)


def test_free_text_can_be_kept_exactly_as_typed():
    kept = validation.text("  line one\n  line two \n", "notes", label="Notes", strip=False)
    assert kept == "  line one\n  line two \n"
    refuses(validation.text, "  \n", label="Notes", required=True, strip=False)


@pytest.mark.parametrize(
    "value, amount",
    [
        ("£1,234.56", "1234.56"),
        ("1,234,567", None),
        ("12,345.6", "12345.60"),
        ("95.5", "95.50"),
        (".5", "0.50"),
        ("£ 7", "7.00"),
        (95, "95.00"),
        (95.5, "95.50"),
        (Decimal("95.50"), "95.50"),
        (Decimal("-0"), "0.00"),
    ],
)
def test_money_accepts_pounds_as_people_write_them(value, amount):
    if amount is None:
        refuses(validation.money, value, label="Rent")  # over the largest weekly charge
    else:
        assert str(validation.money(value, "rent", label="Rent")) == amount


@pytest.mark.parametrize(
    "value",
    [
        "12,34",
        "12,3",
        "1,23,456",
        "12.345",
        "1e400",
        "1e3",
        "١٢",
        "--5",
        "-£5",
        "£-5",
        "£",
        "",
        None,
        True,
        math.inf,
        math.nan,
        1.005,
        Decimal("sNaN"),
        Decimal("1e400"),
        Decimal("0.001"),
        10**30,
        date(2026, 1, 1),
    ],
)
def test_money_refuses_what_it_would_have_to_guess_at(value):
    refuses(validation.money, value, label="Rent")


def test_money_names_the_point_when_a_comma_was_typed_for_it():
    assert "with a point" in refuses(validation.money, "12,34", label="Rent")


@pytest.mark.parametrize(
    "value, number", [(3, 3), ("3", 3), (" -2 ", -2), (3.0, 3), (Decimal("3"), 3)]
)
def test_whole_numbers(value, number):
    assert validation.whole_number(value, "n", label="N", minimum=-5, maximum=5) == number


@pytest.mark.parametrize(
    "value", [True, 3.5, math.inf, math.nan, Decimal("3.5"), Decimal("NaN"), "3.0", "x", 6, 2**70]
)
def test_whole_numbers_refused(value):
    refuses(validation.whole_number, value, label="N", minimum=-5, maximum=5)


def test_dates():
    assert validation.a_date("2026-11-25", "d", label="D") == date(2026, 11, 25)
    assert validation.a_date(None, "d", label="D", default=date(2026, 1, 1)) == date(2026, 1, 1)
    assert validation.a_date(None, "d", label="D", required=False) is None
    assert "time of day" in refuses(validation.a_date, datetime(2026, 1, 1), label="D")
    assert "check the year" in refuses(validation.a_date, date(9999, 12, 31), label="D")
    for value in ("20261125", "2026-W48-3", "2026-02-30", "25/11/2026", 0, math.inf, None):
        refuses(validation.a_date, value, label="D")


def test_choices_are_of_the_same_type():
    assert validation.choice(1, "p", label="P", choices=(1, 2, 3)) == 1
    for value in (True, 1.0, "1", [1], {}):
        refuses(validation.choice, value, label="P", choices=(1, 2, 3))
    refuses(validation.choice, {"a": 1}, label="Kind", choices=("a", "b"))


def test_records_are_passed_as_themselves_or_their_ids():
    flat = Flat(id=7)
    assert validation.record_id(flat, Flat, "flat") == 7
    assert validation.record_id(7, Flat, "flat") == 7
    for value in (Partner(id=7), "7", 7.0, True, 0, -1, 2**63, None, Flat()):
        with pytest.raises(ValidationError) as caught:
            validation.record_id(value, Flat, "flat")
        assert caught.value.field == "flat"


def test_unknown_keyword_arguments_are_named():
    validation.no_unknown({"a": 1}, ("a", "b"), "Things")
    with pytest.raises(ValidationError) as caught:
        validation.no_unknown({"a": 1, "zeta": 2, "colour": 3}, ("a",), "Things")
    assert caught.value.field == "colour"
    assert "Things have no field called colour" in caught.value.message


@pytest.mark.parametrize(
    ("typed", "given"),
    [
        ("5/1/2027", "2027-01-05"),
        (" 25/11/2026 ", "2026-11-25"),
        ("31/02/2026", "2026-02-31"),  # left for a_date to refuse: not a date
        ("2026-11-25", "2026-11-25"),
        ("next week", "next week"),
        (date(2026, 11, 25), date(2026, 11, 25)),
        ("  ", None),
        (None, None),
    ],
)
def test_a_date_typed_in_a_table_is_given_to_the_service_as_iso_text(typed, given):
    assert validation.from_uk_date(typed) == given


def test_a_date_typed_in_a_table_that_is_no_date_is_still_refused_by_the_service():
    message = refuses(validation.a_date, validation.from_uk_date("31/02/2026"), label="Target date")
    assert message == "Target date must be a date."


def test_a_forms_total_is_the_sum_of_its_amounts_or_none_while_one_is_not_money():
    assert validation.money_total(["175.00", "£21.40", "0", "1,000.05"]) == Decimal("1196.45")
    assert validation.money_total(["175.00", "twenty", "0", "0"]) is None
    assert validation.money_total(["175.00", "", "0", "0"]) is None
