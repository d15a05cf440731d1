"""Finding the right woman for a flat, and offering it to her."""

from datetime import timedelta

import pytest

from housing_desk import clock
from housing_desk.data.models import Offer
from housing_desk.services import allocations, flats, licences
from housing_desk.services.errors import ValidationError
from tests import factories

TODAY = clock.today()


@pytest.fixture
def home(admin, partner):
    return factories.certified_flat(admin, partner, postcode="NN1 4QX", step_free=False)


def waiting(admin, given, days_ago=30, priority=3, outcome="ready", **details):
    woman = factories.person(admin, given_name=given, family_name="Test", **details)
    received = TODAY - timedelta(days=days_ago)
    referral = factories.accepted(admin, woman, received_on=received, priority=priority)
    if outcome != "ready":
        factories.assess(admin, woman, on=TODAY - timedelta(days=1), outcome=outcome)
    return woman, referral


def test_candidates_with_reasons_suitable_first(admin, home):
    waiting(admin, "Ana", days_ago=100)
    waiting(admin, "Bea", days_ago=50, priority=1)
    waiting(admin, "Cara", days_ago=300, needs_step_free=True)
    waiting(admin, "Dana", days_ago=200, areas_to_avoid="NN1")
    waiting(admin, "Ema", days_ago=250, outcome="not_ready")
    found = allocations.candidates(home, TODAY)
    assert [c.name for c in found if c.suitable] == ["Bea Test", "Ana Test"]
    by_name = {c.name: c for c in found}
    assert any("step-free" in r for r in by_name["Cara Test"].reasons)
    assert "Wants to avoid NN1, where this flat is" in by_name["Dana Test"].reasons
    assert by_name["Ema Test"].reasons[0].startswith("Not ready yet")
    assert by_name["Ana Test"].reasons[0].startswith("Ready (assessed")
    assert by_name["Bea Test"].reasons[-1] == "Urgent priority, waiting 48 days"
    assert [c.name for c in found if not c.suitable] == ["Cara Test", "Ema Test", "Dana Test"]


def test_a_step_free_flat_meets_the_need(admin, partner):
    level = factories.certified_flat(admin, partner, reference="NHT-09", step_free=True)
    waiting(admin, "Cara", needs_step_free=True)
    (candidate,) = allocations.candidates(level)
    assert candidate.suitable and "this flat is step-free" in candidate.reasons[1]


def test_women_already_housed_are_not_candidates(admin, home, partner):
    woman, _ = waiting(admin, "Ana")
    other = factories.certified_flat(admin, partner, reference="NHT-02")
    licences.create_licence(admin, woman, other, start_date=TODAY)
    assert allocations.candidates(home) == []


def test_offer_one_pending_per_flat_and_per_woman(admin, home, partner):
    _ana, ana_referral = waiting(admin, "Ana")
    _bea, bea_referral = waiting(admin, "Bea")
    offer = allocations.make_offer(admin, ana_referral, home, offered_on=TODAY)
    assert offer.status == "pending"
    with pytest.raises(ValidationError) as error:
        allocations.make_offer(admin, bea_referral, home)
    assert error.value.field == "flat"
    other = factories.certified_flat(admin, partner, reference="NHT-02")
    with pytest.raises(ValidationError) as error:
        allocations.make_offer(admin, ana_referral, other)
    assert error.value.field == "referral"
    candidates = {c.name: c for c in allocations.candidates(other)}
    assert "Has a pending offer of flat NHT-01" in candidates["Ana Test"].reasons
    assert not candidates["Ana Test"].suitable


def test_a_flat_with_a_pending_offer_is_offered_on_the_board(admin, home):
    _, referral = waiting(admin, "Ana")
    allocations.make_offer(admin, referral, home, offered_on=TODAY - timedelta(days=2))
    (status,) = flats.availability(TODAY)
    assert (status.state, status.since) == ("offered", TODAY - timedelta(days=2))


def test_refusal_needs_a_reason_and_frees_the_flat(admin, home):
    _, referral = waiting(admin, "Ana")
    offer = allocations.make_offer(admin, referral, home)
    with pytest.raises(ValidationError) as error:
        allocations.respond(admin, offer, accepted=False)
    assert error.value.field == "reason"
    refused = allocations.respond(admin, offer, accepted=False, reason="area")
    assert (refused.status, refused.reason) == ("refused", "area")
    assert flats.availability(TODAY)[0].state == "available"
    with pytest.raises(ValidationError):
        allocations.respond(admin, offer, accepted=True)


def test_accepting_then_signing_up_settles_the_offer(admin, home):
    woman, referral = waiting(admin, "Ana")
    offer = allocations.make_offer(admin, referral, home)
    allocations.respond(admin, offer, accepted=True)
    assert flats.availability(TODAY)[0].state == "offered"
    licence = licences.create_licence(admin, woman, home, start_date=TODAY)
    assert licence.offer_id == offer.id
    status = flats.availability(TODAY)[0]
    assert (status.state, status.occupant) == ("occupied", "Ana Test")


def test_offers_pending_fourteen_days_are_overdue(admin, home):
    _, referral = waiting(admin, "Ana")
    allocations.make_offer(admin, referral, home, offered_on=TODAY - timedelta(days=14))
    (row,) = allocations.offers(admin)
    assert row.overdue and row.status_label == "Overdue"


def test_only_the_waiting_list_can_be_offered(admin, home):
    woman = factories.person(admin)
    from housing_desk.services import referrals

    referral = referrals.create_referral(admin, woman, received_on=TODAY, source="self")
    with pytest.raises(ValidationError) as error:
        allocations.make_offer(admin, referral, home)
    assert error.value.field == "referral"
    assert Offer.select().count() == 0
