"""The demos keep the rules one-by-one entry keeps: no eviction or abandonment without the notice
``end_licence`` asks for, and women living in the large demo's flats have keywork and a plan."""

import itertools
from datetime import date, timedelta

from housing_desk import clock
from housing_desk.data.models import Goal, KeyworkSession, Licence, SupportPlan
from housing_desk.services import demo, demo_large, endings, reminders, settings, tenure
from housing_desk.services.errors import ValidationError

BUILT_FOR = date(2026, 11, 25)


def breaking_the_rules(on: date) -> list[str]:
    """Each ended licence that ``end_licence`` would have refused, with why."""
    found = []
    for licence in Licence.select().where(Licence.status == "ended").order_by(Licence.id):
        try:
            endings._check_grounds(
                licence, licence.end_reason, licence.possession_order_on, licence.end_date
            )
        except ValidationError as refused:  # each refusal is listed, not raised
            found.append(f"licence {licence.id} ({licence.end_reason}): {refused}")
            continue
        if licence.end_reason not in ("evicted", "abandoned"):
            continue
        served = licence.notice_served_on
        if licence.notice_served_how not in tenure.SERVED_HOW:
            found.append(f"licence {licence.id}: how the notice was served is not recorded")
        if not licence.start_date < served < licence.end_date <= on:
            found.append(f"licence {licence.id}: notice served outside the stay")
        if licence.end_reason == "evicted":
            lawful_end = tenure.period_days_from(
                licence.start_date, served + timedelta(days=settings.LEAST_NOTICE_DAYS)
            )
            if not lawful_end <= licence.possession_order_on <= licence.end_date:
                found.append(f"licence {licence.id}: possession order before the notice ended")
    return found


def test_the_large_demo_ends_no_stay_by_eviction_or_abandonment_without_notice(admin):
    demo_large.build(admin, BUILT_FOR, flats=12, waiting=0)
    ended = Licence.select().where(Licence.status == "ended")
    assert ended.where(Licence.end_reason == "evicted").exists()
    assert ended.where(Licence.end_reason == "abandoned").exists()
    assert breaking_the_rules(BUILT_FOR) == []


def test_the_small_demo_ends_no_stay_by_eviction_or_abandonment_without_notice(admin):
    demo.build(clock.today(), admin=admin)
    assert Licence.select().where(Licence.end_reason == "evicted").exists()
    assert breaking_the_rules(clock.today()) == []


def test_the_large_demos_residents_have_keywork_and_plans_so_few_reminders_show(admin):
    demo_large.build(admin, BUILT_FOR, flats=40, waiting=0)
    living = Licence.select().where(Licence.status != "ended")
    residents = living.count()
    assert residents > 30  # a few flats are between lets
    # Each has a plan with goals in her words, and keywork every week or two.
    for licence in living:
        plan = SupportPlan.get(SupportPlan.licence == licence.id)
        assert plan.start_date <= licence.start_date + timedelta(days=2)
        goals = list(Goal.select().where(Goal.plan == plan.id))
        assert goals and all(g.her_words and g.measure and g.action for g in goals)
        held = [
            s.held_on
            for s in KeyworkSession.select()
            .where(KeyworkSession.licence == licence.id)
            .order_by(KeyworkSession.held_on)
        ]
        if licence.start_date <= BUILT_FOR - timedelta(days=5):  # her first week has one
            assert held and held[-1] <= BUILT_FOR
        assert all(0 < (b - a).days <= 14 for a, b in itertools.pairwise(held))
        # Her sessions are with her keyworker, who is on her record.
        keyworkers = {
            s.keyworker_id
            for s in KeyworkSession.select().where(KeyworkSession.licence == licence.id)
        }
        assert keyworkers <= {licence.person.keyworker_id}
    # The team's six keyworkers share the work.
    assert len({k for (k,) in KeyworkSession.select(KeyworkSession.keyworker).tuples()}) == 6
    kinds = KeyworkSession.select(KeyworkSession.kind).tuples()
    attempted = sum(1 for (kind,) in kinds if kind == "attempted")
    assert 0.05 < attempted / len(kinds) < 0.3
    # Reminders about keywork and plans are few: a small share of the women living there.
    due = reminders.due(BUILT_FOR)
    about_support = [r for r in due if r.kind in ("keywork", "first_plan", "review")]
    assert not [r for r in due if r.kind == "first_plan"]
    assert len(about_support) <= residents // 5, [r.text for r in about_support]
