"""Keywork sessions: recorded under her licence, newest first, what was said kept from viewers."""

from datetime import timedelta

import pytest

from housing_desk import clock
from housing_desk.data.models import AuditEvent, Goal, KeyworkGoal, KeyworkSession
from housing_desk.services import keywork, licences, reminders, settings, support_plans
from housing_desk.services.errors import ValidationError
from tests import factories

TODAY = clock.today()


@pytest.fixture
def licence(admin, partner):
    woman = factories.ready_woman(admin)
    home = factories.certified_flat(admin, partner)
    made = licences.create_licence(admin, woman, home, start_date=TODAY - timedelta(days=60))
    return factories.sign_up(admin, made)


@pytest.fixture
def plan(admin, licence):
    plan = support_plans.create_plan(admin, licence, start_date=TODAY - timedelta(days=59))
    support_plans.add_goal(
        admin, plan, domain="id_benefits", need="ID", action="", owner="", target_date=None
    )
    support_plans.add_goal(
        admin, plan, domain="safety", need="Safety", action="", owner="", target_date=None
    )
    return support_plans.get_plan(admin, plan.id)


def test_sessions_are_listed_newest_first_with_the_goals_worked_on(admin, licence, plan):
    first, second = plan.goals
    keywork.record_session(
        admin, licence, held_on=TODAY - timedelta(days=20), summary="Talked about her ID."
    )
    keywork.record_session(
        admin,
        licence,
        held_on=TODAY - timedelta(days=5),
        kind="phone",
        duration_minutes=30,
        summary="Phoned about the benefit claim.",
        goals=[first.id],
        achieved=[second.id],
        next_on=TODAY + timedelta(days=2),
    )
    listed = keywork.sessions(admin, licence)
    assert [s.held_on for s in listed] == [TODAY - timedelta(days=5), TODAY - timedelta(days=20)]
    assert listed[0].goal_ids == (first.id, second.id)
    assert listed[0].kind_label == "Phone" and listed[0].duration_minutes == 30
    assert listed[0].keyworker == admin.full_name
    assert Goal.get_by_id(second.id).achieved_on == TODAY - timedelta(days=5)
    assert Goal.get_by_id(second.id).status == "achieved"
    assert Goal.get_by_id(first.id).achieved_on is None
    assert keywork.sessions(admin, person=licence.person) == listed


def test_a_viewer_sees_that_a_session_happened_not_what_was_said(admin, licence):
    keywork.record_session(admin, licence, held_on=TODAY, summary="She spoke about her sister.")
    viewer = factories.user(admin, "viewer")
    (seen,) = keywork.sessions(viewer, licence)
    assert seen.held_on == TODAY and seen.summary == ""
    (own,) = keywork.sessions(admin, licence)
    assert own.summary == "She spoke about her sister."


def test_the_audit_row_holds_no_words_of_the_session(admin, licence):
    session = keywork.record_session(
        admin, licence, held_on=TODAY, summary="Her brother came round drunk."
    )
    row = (
        AuditEvent.select()
        .where((AuditEvent.entity == "keywork_session") & (AuditEvent.entity_id == session.id))
        .get()
    )
    assert "brother" not in row.changes and '"kind": "in_person"' in row.changes


@pytest.mark.parametrize(
    "field, changes",
    [
        ("held_on", {"held_on": TODAY + timedelta(days=1)}),
        ("held_on", {"held_on": TODAY - timedelta(days=400)}),
        ("kind", {"kind": "text_message"}),
        ("summary", {"summary": "  "}),
        ("summary", {"summary": "x" * 8001}),
        ("duration_minutes", {"duration_minutes": 0}),
        ("duration_minutes", {"duration_minutes": "half an hour"}),
        ("next_on", {"next_on": TODAY - timedelta(days=1)}),
        ("goals", {"goals": [999999]}),
        ("goals", {"goals": "1"}),
        ("goals", {"kind": "attempted", "summary": "", "goals": ["x"]}),
    ],
)
def test_bad_sessions_are_refused_and_nothing_is_written(admin, licence, field, changes):
    values = {"held_on": TODAY, "summary": "Talked."} | changes
    with pytest.raises(ValidationError) as caught:
        keywork.record_session(admin, licence, **values)
    assert caught.value.field == field
    assert KeyworkSession.select().count() == 0 and KeyworkGoal.select().count() == 0


def test_an_attempted_session_needs_no_summary(admin, licence):
    keywork.record_session(admin, licence, held_on=TODAY, kind="attempted", summary="")
    (seen,) = keywork.sessions(admin, licence)
    assert not seen.attended


def test_a_goal_of_another_licence_is_refused(admin, partner, licence, plan):
    other_woman = factories.ready_woman(admin, given_name="Bea", family_name="Other")
    other_flat = factories.certified_flat(admin, partner, reference="NHT-09")
    other = licences.create_licence(admin, other_woman, other_flat, start_date=TODAY)
    with pytest.raises(ValidationError) as caught:
        keywork.record_session(
            admin, other, held_on=TODAY, summary="Talked.", goals=[plan.goals[0].id]
        )
    assert caught.value.field == "goals"


def _keywork_reminders(on=None):
    return [r for r in reminders.due(on) if r.kind == "keywork"]


def test_keywork_is_overdue_after_the_days_set_without_a_session_she_attended(admin, licence):
    (overdue,) = _keywork_reminders()
    assert overdue.entity == "licence" and overdue.entity_id == licence.id
    assert "Keywork overdue" in overdue.text
    keywork.record_session(
        admin, licence, held_on=TODAY - timedelta(days=10), kind="attempted", summary=""
    )
    assert len(_keywork_reminders()) == 1  # an attempt is not a session she had
    keywork.record_session(admin, licence, held_on=TODAY - timedelta(days=10), summary="Talked.")
    assert _keywork_reminders() == []
    settings.set_keywork_overdue_days(admin, 7)
    assert len(_keywork_reminders()) == 1
