"""Keywork per month and keyworker, incidents by kind per quarter: counts, never names."""

from datetime import date

import pytest

from housing_desk.services import incidents, keywork, licences, tenancy_reports
from housing_desk.services.errors import ValidationError
from tests import factories


@pytest.fixture
def licence(admin, partner):
    woman = factories.ready_woman(admin, given_name="Zsófia", family_name="Kovács")
    home = factories.certified_flat(admin, partner)
    made = licences.create_licence(admin, woman, home, start_date=date(2025, 1, 6))
    return factories.sign_up(admin, made)


def test_keywork_delivered_per_month_and_keyworker(admin, licence):
    officer = factories.user(admin, "officer")
    for held_on, kind, who in (
        (date(2025, 2, 3), "in_person", admin),
        (date(2025, 2, 10), "attempted", admin),
        (date(2025, 2, 17), "phone", officer),
        (date(2025, 3, 3), "video", admin),
        (date(2025, 4, 1), "in_person", admin),  # outside the period
    ):
        keywork.record_session(who, licence, held_on=held_on, kind=kind, summary="Talked.")
    rows = tenancy_reports.keywork_by_month(admin, date(2025, 2, 1), date(2025, 4, 1))
    assert [(r.month_label, r.keyworker, r.attended, r.attempted) for r in rows] == [
        ("February 2025", "A officer", 1, 0),
        ("February 2025", "Amara Okafor", 1, 1),
        ("March 2025", "Amara Okafor", 1, 0),
    ]


def test_incidents_by_kind_per_quarter_hold_no_names(admin, licence):
    for day, kind in (
        (date(2025, 1, 10), "missing"),
        (date(2025, 2, 10), "missing"),
        (date(2025, 3, 31), "overdose"),
        (date(2025, 4, 1), "missing"),
    ):
        incidents.record_incident(
            admin, person=licence.person, occurred_on=day, kind=kind, description="x"
        )
    rows = tenancy_reports.incidents_by_quarter(admin, date(2025, 1, 1), date(2026, 1, 1))
    assert [(r.quarter, r.kind_label, r.count) for r in rows] == [
        ("2025 Q1", "Missing", 2),
        ("2025 Q1", "Overdose", 1),
        ("2025 Q2", "Missing", 1),
    ]
    assert "Zsófia" not in repr(rows) and "Kovács" not in repr(rows)
    with pytest.raises(ValidationError) as caught:
        tenancy_reports.incidents_by_quarter(admin, date(2025, 1, 1), date(2025, 1, 1))
    assert caught.value.field == "end"
