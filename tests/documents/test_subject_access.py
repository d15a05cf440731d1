"""A subject access export gathers everything held about her into one PDF."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from housing_desk.services import audit, licences, subject_access, support_plans
from housing_desk.services.errors import PermissionDenied
from tests import factories


def test_everything_about_her_and_nobody_else(admin, partner):
    home = factories.certified_flat(admin, partner)
    woman = factories.person(
        admin,
        given_name="Erzsébet",
        family_name="Kovács",
        notes="Likes <tea> & toast",
        date_of_birth=date(1988, 2, 3),
    )
    factories.accepted(admin, woman, received_on=date(2025, 1, 1))
    licence = licences.create_licence(admin, woman, home, start_date=date(2025, 3, 1))
    licences.add_key(admin, licence, label="Front door key 7", issued_on=date(2025, 3, 1))
    plan = support_plans.create_plan(admin, licence)
    support_plans.add_goal(
        admin,
        plan,
        domain="health",
        need="Register with a GP",
        action="Go with her",
        owner="Grace",
        target_date=None,
    )
    factories.person(admin, given_name="Other", family_name="Woman")
    pdf = subject_access.export(admin, woman)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    for expected in (
        "Erzsébet",
        "Kovács",
        "03/02/1988",
        "Likes <tea> & toast",
        "Street outreach team",
        "Front door key 7",
        "Register with a GP",
        "Substance use and treatment",
        "Who looked at or changed your record",
    ):
        assert expected in text, expected
    assert "Other Woman" not in text
    assert audit.events("person", woman.id)[-1].action == "export"


def test_only_managers_export(admin):
    woman = factories.person(admin)
    with pytest.raises(PermissionDenied):
        subject_access.export(factories.user(admin, "officer"), woman)
