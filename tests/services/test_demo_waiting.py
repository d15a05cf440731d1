"""The large demo's waiting list looks like a team's: each woman waiting is reassessed every three
months, so only the few whose review has slipped are on today's reminders."""

import itertools
from datetime import date, timedelta

from housing_desk.data.models import Assessment, Referral
from housing_desk.services import assessments, demo_large, reminders

BUILT_FOR = date(2026, 11, 25)


def test_the_large_demos_reassessment_reminders_are_a_small_share_of_waiting_women(admin):
    demo_large.build(admin, BUILT_FOR, flats=3, waiting=300)
    waiting = {
        person
        for (person,) in Referral.select(Referral.person)
        .where(Referral.status == "accepted")
        .tuples()
    }
    assert len(waiting) == 300
    due = [r for r in reminders.due(BUILT_FOR) if r.kind == "reassessment"]
    on_the_list = [r for r in due if r.entity_id in waiting]
    # A few slipped reviews, not the whole list.
    assert 0 < len(on_the_list) <= len(waiting) // 10, len(on_the_list)
    for person in waiting:
        history = list(
            Assessment.select().where(Assessment.person == person).order_by(Assessment.assessed_on)
        )
        assert history[-1].assessed_on <= BUILT_FOR
        # Each review was done within a week before it fell due.
        for before, after in itertools.pairwise(history):
            due_on = assessments.add_months(before.assessed_on, 3)
            assert due_on - timedelta(days=7) <= after.assessed_on <= due_on
