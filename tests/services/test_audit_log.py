"""The audit log: every change written with it, searchable by managers, never edited."""

from datetime import date, timedelta

import pytest

from housing_desk.services import audit, people
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
    today = date.today()
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
