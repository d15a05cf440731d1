"""The audit log: every change written with it, searchable by managers, never edited."""

from datetime import date, timedelta

import pytest

from housing_desk import clock
from housing_desk.services import audit, people, users
from housing_desk.services.errors import PermissionDenied
from tests import factories


def test_search_by_person_user_record_and_date(admin):
    officer = factories.user(admin, "officer")
    woman = factories.person(officer, given_name="Ana", family_name="Lopes")
    other = factories.person(admin, given_name="Bea", family_name="Nowak")
    factories.accepted(admin, woman)
    people.update_person(officer, woman, phone="07700 900321")
    about_her = audit.search(admin, person_id=woman.id)
    assert {e.entity for e in about_her} == {"person", "referral", "assessment"}
    assert all(e.entity_id != other.id or e.entity != "person" for e in about_her)
    by_officer = audit.search(admin, username="officer1")
    assert {e.action for e in by_officer} == {"create", "update"}
    assert [e.entity_id for e in audit.search(admin, entity="person", entity_id=other.id)] == [
        other.id
    ]
    today = clock.today()
    assert audit.search(admin, since=today, until=today)
    assert audit.search(admin, until=today - timedelta(days=1)) == []


def test_only_managers_read_the_log(admin):
    officer = factories.user(admin, "officer")
    with pytest.raises(PermissionDenied):
        audit.search(officer)


def test_viewing_a_confidential_womans_record_is_recorded(admin):
    hidden = factories.person(admin, do_not_disclose=True)
    plain = factories.person(admin, given_name="Ana", family_name="Lopes")
    audit.viewed(admin, hidden)
    audit.viewed(admin, plain)
    assert [e.action for e in audit.events("person", hidden.id)] == ["create", "view"]
    assert [e.action for e in audit.events("person", plain.id)] == ["create"]


def test_no_service_edits_or_deletes_an_audit_row():
    import ast
    from pathlib import Path

    import housing_desk

    for path in (Path(housing_desk.__file__).parent / "services").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in ("update", "delete", "delete_instance")
                and isinstance(node.value, ast.Name)
                and node.value.id in ("AuditRow", "AuditEvent")
            ):
                pytest.fail(f"{path.name} changes audit rows")


def test_audit_rows_keep_codes_dates_and_numbers_but_no_personal_value(admin):
    from decimal import Decimal

    from housing_desk.data.database import write_transaction

    with write_transaction():
        audit.record(
            admin,
            "update",
            "incident",
            7,
            {
                "status": ["open", "closed"],
                "severity": "high",
                "reason": "She told us her cousin Maria was back",  # typed text under a code's name
                "occurred_on": date(2026, 3, 12),
                "date_of_birth": date(1990, 4, 2),
                "amount": Decimal("12.50"),
                "police_reference": "NP-2026-001234",
                "description": ["", "Maria came to the flat"],
                "safeguarding_referral": True,
                "flat": 3,
            },
        )
    (event,) = audit.events("incident", 7)
    assert event.changes == {
        "status": ["open", "closed"],
        "severity": "high",
        "reason": "changed",
        "occurred_on": "2026-03-12",
        "date_of_birth": "changed",
        "amount": "12.50",
        "police_reference": "changed",
        "description": "changed",
        "safeguarding_referral": True,
        "flat": 3,
    }


def test_a_womans_details_never_reach_the_audit_log(admin):
    woman = factories.person(
        admin,
        given_name="Zsófia",
        family_name="Kovács",
        date_of_birth=date(1991, 7, 14),
        ni_number="AB123456C",
        phone="07700 900456",
        safe_contact="Her aunt on Abington Street",
        notes="Prefers afternoons",
        areas_to_avoid="NN3",
    )
    people.update_person(admin, woman, phone="07700 900789", family_name="Kovácsné")
    stored = " ".join(e.changes.__repr__() for e in audit.events("person", woman.id))
    for value in (
        "Zsófia",
        "Kovács",
        "1991",
        "AB123456C",
        "07700",
        "Abington",
        "afternoons",
        "NN3",
    ):
        assert value not in stored


def test_an_audit_row_in_words(admin):
    officer = users.create_user(
        admin, username="priya", full_name="Priya Shah", role="officer", password="long enough pw"
    )
    woman = factories.person(officer, given_name="Ana", family_name="Lopes")
    people.update_person(officer, woman, phone="07700 900321", notes="Rang on Monday")
    created, changed = audit.events("person", woman.id)
    assert audit.describe(created) == "created her record"
    assert audit.describe(changed) == "changed her notes and phone number"
    local = changed.at.astimezone()
    assert audit.in_words(changed) == (
        f"{local:%d/%m/%Y} — Priya Shah — changed her notes and phone number"
    )
