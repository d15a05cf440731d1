"""Keywork per month and keyworker, incidents by kind per quarter: counts, never names."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from housing_desk.services import incidents, keywork, licences, reports, tenancy_reports
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


def test_the_reports_pdf_carries_keywork_and_incidents_as_counts_with_no_woman_named(
    admin, licence
):
    factories.organisation(admin)
    officer = factories.user(admin, "officer")
    for held_on, kind, who in (
        (date(2025, 2, 3), "in_person", admin),
        (date(2025, 2, 10), "attempted", admin),
        (date(2025, 2, 12), "attempted", admin),
        (date(2025, 2, 17), "phone", officer),
        (date(2025, 3, 3), "video", admin),
        (date(2025, 3, 10), "in_person", admin),
        (date(2025, 7, 1), "in_person", admin),  # after the period
    ):
        keywork.record_session(who, licence, held_on=held_on, kind=kind, summary="Talked.")
    for day, kind in (
        (date(2025, 1, 10), "missing"),
        (date(2025, 2, 10), "missing"),
        (date(2025, 3, 31), "overdose"),
        (date(2025, 4, 1), "cuckooing"),
        (date(2025, 6, 30), "cuckooing"),
        (date(2025, 6, 30), "cuckooing"),
        (date(2025, 7, 1), "missing"),  # after the period
    ):
        incidents.record_incident(
            admin, person=licence.person, occurred_on=day, kind=kind, description="x"
        )
    pdf = reports.report_pdf(admin, date(2025, 1, 1), date(2025, 7, 1))
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )
    assert "Keywork sessions per month and keyworker" in text
    assert "Month Keyworker Sessions she attended Attempted" in text
    # Worked out by hand from the sessions above: attended, then attempted.
    for line in (
        "February 2025 A officer 1 0",
        "February 2025 Amara Okafor 1 2",
        "March 2025 Amara Okafor 2 0",
    ):
        assert line in text, line
    assert "July 2025" not in text
    assert "Incidents by kind per quarter" in text
    for line in (
        "2025 Q1 Missing 2",
        "2025 Q1 Overdose 1",
        "2025 Q2 Cuckooing (her home taken over) 3",
    ):
        assert line in text, line
    assert "2025 Q3" not in text
    for name in ("Zsófia", "Kovács", "Talked", "x x"):
        assert name not in text, name
