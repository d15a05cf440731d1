"""Her timeline: referrals, assessments, offers, licences, keywork, incidents, warnings, notices
and documents, newest first, filterable."""

from datetime import timedelta

import pytest

from housing_desk import clock
from housing_desk.services import (
    allocations,
    her_timeline,
    incidents,
    keywork,
    licences,
    paperwork,
    support_plans,
    warnings as tenancy_warnings,
)
from housing_desk.services.errors import PermissionDenied
from tests import factories

TODAY = clock.today()


def test_everything_that_happened_with_her_in_order(admin, partner):
    factories.organisation(admin)  # her papers are refused until it is named
    woman = factories.person(admin)
    referral = factories.accepted(admin, woman, received_on=TODAY - timedelta(days=100))
    home = factories.certified_flat(admin, partner)
    offer = allocations.make_offer(admin, referral, home, offered_on=TODAY - timedelta(days=95))
    allocations.respond(admin, offer, accepted=True, responded_on=TODAY - timedelta(days=94))
    licence = licences.create_licence(admin, woman, home, start_date=TODAY - timedelta(days=90))
    factories.sign_up(admin, licence)
    support_plans.create_plan(admin, licence, start_date=TODAY - timedelta(days=89))
    keywork.record_session(
        admin, licence, held_on=TODAY - timedelta(days=30), summary="Talked about ID.\nMore."
    )
    incidents.record_incident(
        admin,
        person=woman,
        occurred_on=TODAY - timedelta(days=20),
        kind="missing",
        description="Not seen for two days.",
    )
    warning = tenancy_warnings.issue_warning(
        admin, licence, stage="written", issued_on=TODAY - timedelta(days=10), reason="Noise."
    )
    paperwork.warning_letter(admin, warning)
    licences.give_notice(
        admin,
        licence,
        served_on=TODAY - timedelta(days=5),
        end_date=TODAY + timedelta(days=23),
        by="licensee",
    )
    entries = her_timeline.timeline(admin, woman)
    days = [e.on for e in entries]
    assert days == sorted(days, reverse=True)
    kinds = {e.kind for e in entries}
    assert kinds == set(her_timeline.KINDS)
    titles = [e.title for e in entries]
    assert titles[0] == "Printed: Warning letter" and titles[1] == "She gave notice"
    assert "Keywork: In person" in titles and "Written warning" in titles
    assert "Incident: Missing (medium)" in titles and "Offered flat NHT-01" in titles
    (session,) = [e for e in entries if e.kind == "keywork"]
    assert session.detail == "Talked about ID."
    only = her_timeline.timeline(admin, woman, kinds=["warning", "incident"])
    assert [e.kind for e in only] == ["warning", "incident"]


def test_a_viewer_has_no_timeline(admin):
    woman = factories.person(admin)
    with pytest.raises(PermissionDenied):
        her_timeline.timeline(factories.user(admin, "viewer"), woman)
