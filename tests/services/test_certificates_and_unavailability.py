"""Certificates and periods out of use, through the services."""

from datetime import date

import pytest

from housing_desk.data.models import Certificate, Unavailability
from housing_desk.services import audit, flats
from housing_desk.services.errors import ConflictError, ValidationError


@pytest.mark.parametrize(
    "kind, expires",
    [
        ("gas_safety", date(2027, 3, 1)),
        ("eicr", date(2031, 3, 1)),
        ("epc", date(2036, 3, 1)),
        ("fire_risk", date(2027, 3, 1)),
        ("alarms", date(2027, 3, 1)),
        ("legionella", date(2028, 3, 1)),
        ("pat", date(2027, 3, 1)),
    ],
)
def test_default_validity_by_kind(admin, flat, kind, expires):
    cert = flats.record_certificate(
        admin, flat, kind=kind, issued_on=date(2026, 3, 1), reference="GS-1"
    )
    assert Certificate.get_by_id(cert.id).expires_on == expires
    assert audit.events("certificate", cert.id)[0].changes["kind"] == kind


def test_explicit_expiry_is_kept(admin, flat):
    cert = flats.record_certificate(
        admin, flat, kind="eicr", issued_on=date(2026, 3, 1), expires_on=date(2029, 3, 1)
    )
    assert cert.expires_on == date(2029, 3, 1)


@pytest.mark.parametrize("expires", [date(2026, 3, 1), date(2026, 2, 28)])
def test_expiry_must_be_after_issue(admin, flat, expires):
    with pytest.raises(ValidationError) as error:
        flats.record_certificate(
            admin, flat, kind="eicr", issued_on=date(2026, 3, 1), expires_on=expires
        )
    assert error.value.field == "expires_on"
    assert Certificate.select().count() == 0


@pytest.mark.parametrize(
    "field, values",
    [
        ("kind", {"kind": "asbestos"}),
        ("issued_on", {"issued_on": None}),
        ("issued_on", {"issued_on": "yesterday"}),
    ],
)
def test_certificate_fields_are_named(admin, flat, field, values):
    arguments = {"kind": "eicr", "issued_on": date(2026, 3, 1), **values}
    with pytest.raises(ValidationError) as error:
        flats.record_certificate(admin, flat, **arguments)
    assert error.value.field == field


def test_certificates_newest_first(admin, flat):
    flats.record_certificate(admin, flat, kind="eicr", issued_on=date(2020, 3, 1))
    flats.record_certificate(admin, flat, kind="gas_safety", issued_on=date(2026, 3, 1))
    assert [c.kind for c in flats.certificates(flat)] == ["gas_safety", "eicr"]


def test_mark_unavailable_open_ended(admin, flat):
    row = flats.mark_unavailable(admin, flat, start=date(2026, 11, 1), reason="repairs")
    assert Unavailability.get_by_id(row.id).end is None
    assert audit.events("unavailability", row.id)[0].changes["reason"] == "repairs"


@pytest.mark.parametrize("end", [date(2026, 11, 1), date(2026, 10, 31)])
def test_unavailability_must_end_after_it_starts(admin, flat, end):
    with pytest.raises(ValidationError) as error:
        flats.mark_unavailable(admin, flat, start=date(2026, 11, 1), end=end, reason="repairs")
    assert error.value.field == "end"


def test_unavailability_reason_is_checked(admin, flat):
    with pytest.raises(ValidationError) as error:
        flats.mark_unavailable(admin, flat, start=date(2026, 11, 1), reason="holiday")
    assert error.value.field == "reason"


@pytest.mark.parametrize(
    "start, end",
    [
        (date(2026, 11, 5), date(2026, 11, 6)),
        (date(2026, 10, 1), date(2026, 11, 2)),
        (date(2026, 11, 9), None),
        (date(2026, 10, 1), None),
        (date(2026, 10, 1), date(2026, 12, 1)),
    ],
)
def test_overlapping_periods_are_refused(admin, flat, start, end):
    flats.mark_unavailable(
        admin, flat, start=date(2026, 11, 1), end=date(2026, 11, 10), reason="repairs"
    )
    with pytest.raises(ValidationError) as error:
        flats.mark_unavailable(admin, flat, start=start, end=end, reason="void_works")
    assert error.value.field == "start"
    assert isinstance(error.value, ConflictError)
    assert "01/11/2026" in error.value.message
    assert Unavailability.select().count() == 1


def test_touching_periods_do_not_overlap(admin, flat):
    flats.mark_unavailable(
        admin, flat, start=date(2026, 11, 1), end=date(2026, 11, 10), reason="repairs"
    )
    flats.mark_unavailable(
        admin, flat, start=date(2026, 11, 10), end=date(2026, 11, 20), reason="void_works"
    )
    flats.mark_unavailable(
        admin, flat, start=date(2026, 10, 20), end=date(2026, 11, 1), reason="other"
    )
    assert Unavailability.select().count() == 3


def test_an_open_period_blocks_everything_after_it(admin, flat):
    flats.mark_unavailable(admin, flat, start=date(2026, 11, 1), reason="repairs")
    with pytest.raises(ValidationError):
        flats.mark_unavailable(
            admin, flat, start=date(2027, 6, 1), end=date(2027, 6, 5), reason="repairs"
        )


def test_other_flats_periods_do_not_clash(admin, partner, flat):
    from tests import factories

    other = factories.flat(admin, partner, reference="NHT-02")
    flats.mark_unavailable(admin, flat, start=date(2026, 11, 1), reason="repairs")
    flats.mark_unavailable(admin, other, start=date(2026, 11, 1), reason="repairs")


def test_ending_a_period_and_its_rules(admin, flat):
    open_row = flats.mark_unavailable(admin, flat, start=date(2026, 11, 1), reason="repairs")
    with pytest.raises(ValidationError) as error:
        flats.end_unavailability(admin, open_row, end=date(2026, 11, 1))
    assert error.value.field == "end"
    ended = flats.end_unavailability(admin, open_row, end=date(2026, 11, 20))
    assert ended.end == date(2026, 11, 20)
    assert audit.events("unavailability", open_row.id)[-1].changes == {"end": [None, "2026-11-20"]}
