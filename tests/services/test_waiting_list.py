"""The waiting list: accepted and not yet housed, by priority then days waiting."""

from datetime import timedelta

from housing_desk import clock
from housing_desk.services import referrals, waiting_list
from tests import factories

TODAY = clock.today()


def test_order_is_priority_then_days_waiting(admin):
    names = {}
    for given, days_ago, priority in (
        ("Ana", 100, 3),
        ("Bea", 40, 1),
        ("Cara", 200, 3),
        ("Dana", 10, 1),
        ("Ema", 60, 2),
    ):
        person = factories.person(admin, given_name=given, family_name="Test")
        factories.accepted(
            admin, person, received_on=TODAY - timedelta(days=days_ago), priority=priority
        )
        names[given] = person
    entries = waiting_list.waiting_list(admin, TODAY)
    assert [e.name for e in entries] == [
        "Bea Test",
        "Dana Test",
        "Ema Test",
        "Cara Test",
        "Ana Test",
    ]
    assert [e.position for e in entries] == [1, 2, 3, 4, 5]
    bea = entries[0]
    assert (bea.priority_label, bea.days_waiting) == ("Urgent", 38)
    assert (bea.latest_outcome, bea.outcome_label, bea.days_since_assessment) == (
        "ready",
        "Ready",
        39,
    )
    assert waiting_list.position_of(admin, names["Cara"].id, TODAY) == 4


def test_only_accepted_referrals_wait(admin):
    waiting = factories.person(admin, given_name="Waiting", family_name="One")
    factories.accepted(admin, waiting)
    received = factories.person(admin, given_name="Received", family_name="Two")
    referrals.create_referral(admin, received, received_on=TODAY, source="self")
    declined = factories.person(admin, given_name="Declined", family_name="Three")
    referral = referrals.create_referral(admin, declined, received_on=TODAY, source="self")
    referrals.decide(admin, referral, decision="declined", reason="other")
    closed = factories.person(admin, given_name="Closed", family_name="Four")
    referrals.close(admin, factories.accepted(admin, closed), reason="housed_elsewhere")
    assert [e.name for e in waiting_list.waiting_list(admin)] == ["Waiting One"]
    assert waiting_list.position_of(admin, received.id) is None


def test_not_yet_assessed_shows_plainly(admin):
    person = factories.person(admin)
    referral = referrals.create_referral(admin, person, received_on=TODAY, source="self")
    referrals.decide(admin, referral, decision="accepted")
    (entry,) = waiting_list.waiting_list(admin)
    assert (entry.latest_outcome, entry.outcome_label, entry.days_since_assessment) == (
        "",
        "Not assessed",
        None,
    )
