"""A support plan that is hers: her words, strengths, how we will know, a crisis plan with consent
to share agency by agency, and the record of each review."""

from datetime import timedelta

import pytest

from housing_desk import clock
from housing_desk.data.models import AuditEvent, Goal, SupportReview
from housing_desk.services import licences, support_plans
from housing_desk.services.errors import ValidationError
from tests import factories

TODAY = clock.today()


@pytest.fixture
def plan(admin, partner):
    woman = factories.ready_woman(admin)
    home = factories.certified_flat(admin, partner)
    licence = licences.create_licence(admin, woman, home, start_date=TODAY - timedelta(days=30))
    return support_plans.create_plan(admin, licence, start_date=TODAY - timedelta(days=29))


def test_a_goal_holds_her_words_her_strengths_and_how_we_will_know(admin, plan):
    goal = support_plans.add_goal(
        admin,
        plan,
        domain="own_goals",
        need="Work she chooses",
        her_words="I want to stop working the street by the summer.",
        strengths="She is determined and good with people.",
        action="Meet the employment adviser",
        owner="Keyworker",
        target_date=TODAY + timedelta(days=60),
        measure="She has had a first meeting with the adviser.",
    )
    stored = Goal.get_by_id(goal.id)
    assert stored.her_words.startswith("I want to stop") and stored.strengths.startswith("She is")
    assert stored.measure.startswith("She has had")
    row = AuditEvent.get((AuditEvent.entity == "goal") & (AuditEvent.entity_id == goal.id))
    assert "street" not in row.changes


def test_a_goal_achieved_on_a_date_is_achieved_even_on_an_agreed_plan(admin, plan):
    goal = support_plans.add_goal(
        admin, plan, domain="", need="ID", action="", owner="", target_date=None
    )
    agreed = support_plans.agree(admin, plan)
    updated = support_plans.update_goal(admin, goal, achieved_on=TODAY - timedelta(days=1))
    assert (updated.status, updated.achieved_on) == ("achieved", TODAY - timedelta(days=1))
    with pytest.raises(ValidationError):
        support_plans.update_goal(admin, goal, her_words="changed after agreeing")
    with pytest.raises(ValidationError) as caught:
        support_plans.update_goal(admin, goal, achieved_on=TODAY + timedelta(days=3))
    assert caught.value.field == "achieved_on"
    reopened = support_plans.update_goal(admin, updated, status="open")
    assert reopened.achieved_on is None
    assert agreed.status == "agreed"


def test_an_edited_goal_is_audited_without_its_words(admin, plan):
    goal = support_plans.add_goal(
        admin, plan, domain="", need="ID", action="", owner="", target_date=None
    )
    support_plans.update_goal(admin, goal, her_words="My mum's address is where I get post.")
    row = (
        AuditEvent.select()
        .where((AuditEvent.entity == "goal") & (AuditEvent.action == "update"))
        .get()
    )
    assert "mum" not in row.changes and '"her_words": "changed"' in row.changes


def test_the_crisis_plan_and_consent_to_share_with_named_agencies(admin, plan):
    saved = support_plans.set_crisis_plan(
        admin,
        plan,
        triggers="Hearing that he is out of prison.",
        actions="Stay with her sister; call the team.",
        contacts="Sister 07700 900123; out-of-hours line",
        consent_to_share=["GP", "Drug and alcohol service", "GP", " "],
    )
    assert saved.crisis_triggers.startswith("Hearing")
    assert support_plans.agencies(saved) == ["GP", "Drug and alcohol service"]
    row = (
        AuditEvent.select()
        .where((AuditEvent.entity == "support_plan") & (AuditEvent.action == "update"))
        .get()
    )
    assert "prison" not in row.changes and "07700" not in row.changes
    with pytest.raises(ValidationError) as caught:
        support_plans.set_crisis_plan(
            admin, plan, triggers="", actions="", contacts="", consent_to_share="GP"
        )
    assert caught.value.field == "consent_to_share"


def test_a_review_records_who_came_and_what_changed(admin, plan):
    with pytest.raises(ValidationError):
        support_plans.record_review(
            admin, plan, reviewed_on=TODAY, attended="Her and me", summary="x"
        )
    support_plans.agree(admin, plan)
    for field, changes in (
        ("reviewed_on", {"reviewed_on": TODAY + timedelta(days=1)}),
        ("reviewed_on", {"reviewed_on": TODAY - timedelta(days=90)}),
        ("attended", {"attended": ""}),
        ("summary", {"summary": " "}),
    ):
        values = {"reviewed_on": TODAY, "attended": "Her, keyworker", "summary": "New goal."}
        with pytest.raises(ValidationError) as caught:
            support_plans.record_review(admin, plan, **(values | changes))
        assert caught.value.field == field
    assert SupportReview.select().count() == 0
    support_plans.record_review(
        admin, plan, reviewed_on=TODAY, attended="Her, her keyworker", summary="Added a goal."
    )
    (review,) = support_plans.reviews(admin, plan)
    assert review.attended == "Her, her keyworker" and review.recorded_by == admin.full_name


def test_the_first_plan_is_prompted_within_48_hours_of_moving_in(admin, partner):
    from housing_desk.services import reminders

    woman = factories.ready_woman(admin, given_name="Bea", family_name="Moved")
    home = factories.certified_flat(admin, partner, reference="NHT-07")
    licence = licences.create_licence(admin, woman, home, start_date=TODAY - timedelta(days=1))
    (prompt,) = [r for r in reminders.due() if r.kind == "first_plan"]
    assert prompt.due_on == TODAY + timedelta(days=1) and not prompt.overdue
    assert "48 hours" in prompt.text and prompt.entity_id == licence.id
    (late,) = [r for r in reminders.due(TODAY + timedelta(days=2)) if r.kind == "first_plan"]
    assert late.overdue
    support_plans.create_plan(admin, licence)
    assert [r for r in reminders.due() if r.kind == "first_plan"] == []
