"""Support plans: seeded from the assessment, edited as a draft, agreed, reviewed."""

from datetime import date, timedelta

import pytest

from housing_desk import clock
from housing_desk.data.models import Goal, SupportPlan
from housing_desk.services import assessments, licences, support_plans
from housing_desk.services.errors import ValidationError
from tests import factories


@pytest.fixture
def licence(admin, partner):
    home = factories.certified_flat(admin, partner)
    woman = factories.person(
        admin,
        given_name="Kateřina",
        family_name="Dvořáková",
        keyworker=factories.user(admin, "officer"),
    )
    factories.assess(admin, woman, on=date(2025, 1, 1), value=3, substance_use=1, safety=2)
    return licences.create_licence(admin, woman, home, start_date=date(2025, 2, 1))


def test_a_new_plan_seeds_a_goal_for_each_area_scored_one_or_two(admin, licence):
    plan = support_plans.create_plan(admin, licence, start_date=date(2025, 2, 3))
    assert [g.domain for g in plan.goals] == ["substance_use", "safety"]
    # A seeded goal reads as a need in plain words, not as the score's description.
    assert plan.goals[0].need == assessments.DOMAIN_NEEDS["substance_use"]
    assert "Scored" not in plan.goals[1].need and plan.goals[0].owner == "A officer"
    assert (plan.status, plan.review_due) == ("draft", date(2025, 5, 3))


def test_review_due_must_follow_the_start(admin, licence):
    with pytest.raises(ValidationError) as error:
        support_plans.create_plan(
            admin, licence, start_date=date(2025, 2, 3), review_due=date(2025, 2, 3)
        )
    assert error.value.field == "review_due"


def test_goals_are_added_edited_and_removed_while_a_draft(admin, licence):
    plan = support_plans.create_plan(admin, licence)
    goal = support_plans.add_goal(
        admin,
        plan,
        domain="income_budgeting",
        need="Clear rent arrears <£200>",
        action="Agree a plan with the council",
        owner="Her and Grace",
        target_date=date(2026, 1, 31),
    )
    assert Goal.get_by_id(goal.id).need == "Clear rent arrears <£200>"
    support_plans.update_goal(admin, goal, status="achieved", outcome="Arrears cleared")
    with pytest.raises(ValidationError) as error:
        support_plans.update_goal(admin, goal, status="finished")
    assert error.value.field == "status"
    support_plans.remove_goal(admin, goal)
    assert not Goal.select().where(Goal.id == goal.id).exists()
    with pytest.raises(ValidationError) as error:
        support_plans.add_goal(
            admin, plan, domain="", need=" ", action="", owner="", target_date=None
        )
    assert error.value.field == "need"


def test_agreeing_supersedes_the_last_agreed_plan_and_locks_goals(admin, licence):
    first = support_plans.agree(admin, support_plans.create_plan(admin, licence))
    assert first.status == "agreed" and first.she_agreed
    with pytest.raises(ValidationError):
        support_plans.add_goal(
            admin, first, domain="", need="x", action="", owner="", target_date=None
        )
    review = support_plans.start_review(admin, first)
    assert review.status == "draft" and len(review.goals) == 2
    support_plans.agree(admin, review)
    assert SupportPlan.get_by_id(first.id).status == "superseded"
    assert support_plans.current_plan(admin, licence).id == review.id


def test_a_plan_is_agreed_only_with_her(admin, licence):
    plan = support_plans.create_plan(admin, licence)
    with pytest.raises(ValidationError) as error:
        support_plans.agree(admin, plan, she_agreed=False)
    assert error.value.field == "she_agreed"


def test_overdue_review_is_flagged(admin, licence):
    plan = support_plans.create_plan(admin, licence, start_date=clock.today() - timedelta(days=120))
    assert support_plans.review_overdue(plan)


def test_risk_management_notes(admin, licence):
    plan = support_plans.create_plan(admin, licence)
    updated = support_plans.set_risks(
        admin, plan, risk_from_others="Ex-partner: address never shared."
    )
    assert updated.risk_from_others == "Ex-partner: address never shared."
