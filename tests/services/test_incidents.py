"""Incidents and safeguarding: recorded, reviewed by a manager, never naming a confidential woman
outside her own record."""

from datetime import timedelta

import pytest

from housing_desk import clock
from housing_desk.data.models import AuditEvent, Incident
from housing_desk.services import incidents
from housing_desk.services.errors import PermissionDenied, ValidationError
from tests import factories

TODAY = clock.today()


def _record(actor, person, **changes):
    values = {
        "person": person,
        "occurred_on": TODAY - timedelta(days=1),
        "kind": "cuckooing",
        "description": "Two men were staying in her flat and would not leave.",
        "severity": "high",
    } | changes
    return incidents.record_incident(actor, **values)


def test_an_incident_is_listed_on_her_record_and_the_flat(admin, flat):
    woman = factories.person(admin)
    _record(
        admin,
        woman,
        flat=flat,
        police_reference="NP-2611-44",
        safeguarding_referral=True,
        referred_to=["nrm", "marac"],
        follow_up="Locks changed.",
    )
    (hers,) = incidents.incidents(admin, person=woman)
    assert hers.name == "Ioana Popescu" and hers.flat_reference == flat.reference
    assert hers.referred_to == ("marac", "nrm")
    assert hers.referred_to_label == "MARAC, National Referral Mechanism"
    assert hers.kind_label.startswith("Cuckooing") and hers.severity_label == "High"
    assert incidents.incidents(admin, flat=flat) == [hers]


def test_a_confidential_woman_is_named_only_in_her_own_record(admin, flat):
    hidden = factories.person(admin, given_name="Dana", family_name="Hidden", do_not_disclose=True)
    _record(admin, hidden, flat=flat)
    (own,) = incidents.incidents(admin, person=hidden)
    assert own.name == "Dana Hidden"
    (by_flat,) = incidents.incidents(admin, flat=flat)
    (on_board,) = incidents.incidents(admin, unreviewed_high=True)
    for shared in (by_flat, on_board):
        assert "Dana" not in shared.name and "Hidden" not in shared.name
        assert shared.name == incidents.CONFIDENTIAL


def test_high_severity_incidents_stay_on_the_board_until_a_manager_reviews_them(admin):
    woman = factories.person(admin)
    high = _record(admin, woman)
    _record(admin, woman, severity="medium")
    assert [i.incident_id for i in incidents.incidents(admin, unreviewed_high=True)] == [high.id]
    officer = factories.user(admin, "officer")
    with pytest.raises(PermissionDenied):
        incidents.review_incident(officer, high)
    manager = factories.user(admin, "manager")
    reviewed = incidents.review_incident(manager, high, notes="Spoke with police; NRM made.")
    assert reviewed.reviewed_on == TODAY and reviewed.reviewed_by_id == manager.id
    assert incidents.incidents(admin, unreviewed_high=True) == []
    with pytest.raises(ValidationError):
        incidents.review_incident(manager, high)


def test_a_viewer_sees_no_description(admin):
    woman = factories.person(admin)
    _record(admin, woman, police_reference="NP-1")
    (seen,) = incidents.incidents(factories.user(admin, "viewer"), person=woman)
    assert seen.description == "" and seen.police_reference == "" and seen.kind == "cuckooing"


def test_the_audit_row_holds_codes_not_what_happened(admin):
    woman = factories.person(admin)
    made = _record(admin, woman, police_reference="NP-2611-44")
    row = AuditEvent.get((AuditEvent.entity == "incident") & (AuditEvent.entity_id == made.id))
    assert "men" not in row.changes and "NP-2611" not in row.changes
    assert '"kind": "cuckooing"' in row.changes


@pytest.mark.parametrize(
    "field, changes",
    [
        ("occurred_on", {"occurred_on": TODAY + timedelta(days=1)}),
        ("occurred_on", {"occurred_on": "yesterday"}),
        ("kind", {"kind": "fire"}),
        ("severity", {"severity": "critical"}),
        ("description", {"description": " "}),
        ("safeguarding_referral", {"safeguarding_referral": "yes"}),
        ("safeguarding_referral", {"referred_to": ["marac"]}),
        ("referred_to", {"safeguarding_referral": True, "referred_to": ["social media"]}),
        ("police_reference", {"police_reference": "x" * 101}),
        ("flat", {"flat": 999999}),
    ],
)
def test_bad_incidents_are_refused_and_nothing_is_written(admin, field, changes):
    woman = factories.person(admin)
    with pytest.raises(ValidationError) as caught:
        _record(admin, woman, **changes)
    assert caught.value.field == field
    assert Incident.select().count() == 0
