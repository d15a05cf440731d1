"""Who lives where, under concurrency: a third session holds the row the rule is about, two
officers' writes queue behind it on connections of their own, and exactly one gets through."""

from datetime import date

import pytest

from housing_desk.data.models import Licence, Offer
from housing_desk.services import allocations, licences
from housing_desk.services.errors import ConflictError, ValidationError
from tests import factories, races

pytestmark = pytest.mark.parametrize("round_", range(races.ROUNDS))
START = date(2026, 1, 5)


def test_one_woman_moved_into_two_flats_at_once_gets_one(admin, partner, db, round_):
    homes = [factories.certified_flat(admin, partner, reference=f"NHT-0{n}") for n in (1, 2)]
    woman = factories.ready_woman(admin, given_name="Ana", family_name="Racer")
    results = races.race(
        db,
        [
            lambda home=home: licences.create_licence(admin, woman, home, start_date=START)
            for home in homes
        ],
        table="person",
        row_id=woman.id,
    )
    winners, losers = races.outcome(results, Licence, ValidationError)
    assert len(winners) == 1 and len(losers) == 1
    assert losers[0].field == "person"
    assert Licence.select().where(Licence.person == woman.id).count() == 1


def test_two_women_moved_into_one_flat_at_once_one_gets_it(admin, partner, db, round_):
    home = factories.certified_flat(admin, partner)
    women = [
        factories.ready_woman(admin, given_name=name, family_name="Racer")
        for name in ("Ana", "Bea")
    ]
    results = races.race(
        db,
        [
            lambda woman=woman: licences.create_licence(admin, woman, home, start_date=START)
            for woman in women
        ],
        table="flat",
        row_id=home.id,
    )
    winners, losers = races.outcome(results, Licence, ConflictError)
    assert len(winners) == 1 and len(losers) == 1
    assert Licence.select().where(Licence.flat == home.id).count() == 1


def test_two_offers_of_one_flat_at_once_one_is_made(admin, partner, db, round_):
    home = factories.certified_flat(admin, partner)
    referrals = [
        factories.accepted(admin, factories.person(admin, given_name=name, family_name="Racer"))
        for name in ("Ana", "Bea")
    ]
    results = races.race(
        db,
        [
            lambda referral=referral: allocations.make_offer(admin, referral, home)
            for referral in referrals
        ],
        table="flat",
        row_id=home.id,
    )
    winners, losers = races.outcome(results, Offer, ValidationError)
    assert len(winners) == 1 and len(losers) == 1 and losers[0].field == "flat"
    assert Offer.select().where(Offer.flat == home.id).count() == 1
