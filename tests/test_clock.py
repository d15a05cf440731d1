"""A held day is the today of every service, whatever the real date."""

from datetime import date

from housing_desk import clock
from housing_desk.services import referrals
from tests import factories


def test_a_held_day_is_what_the_services_call_today(admin):
    held = clock.today()
    try:
        clock.hold(date(2031, 2, 14))
        woman = factories.person(admin)
        referral = referrals.create_referral(
            admin, woman, received_on=date(2031, 2, 14), source="self"
        )
        assert referrals.decide(admin, referral, decision="accepted").decided_on == date(
            2031, 2, 14
        )
    finally:
        clock.hold(held)
    assert clock.today() == held
