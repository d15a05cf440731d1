"""The rules about who may live where: held by the services, and by the database behind them."""

from datetime import date, timedelta

import pytest
from peewee import IntegrityError

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import Licence, Offer, Person, Unavailability
from housing_desk.services import allocations, bulk, licences, people
from housing_desk.services.errors import ConflictError, ValidationError
from tests import factories

START = date(2026, 1, 5)


@pytest.fixture
def home(admin, partner):
    return factories.certified_flat(admin, partner)


def waiting_woman(admin, given):
    woman = factories.person(admin, given_name=given, family_name="Test")
    return woman, factories.accepted(admin, woman)


# The database itself


def test_the_database_refuses_a_second_licence_not_ended_for_one_woman(admin, partner, home):
    other = factories.certified_flat(admin, partner, reference="NHT-02")
    woman = factories.ready_woman(admin)
    licences.create_licence(admin, woman, home, start_date=START)
    with pytest.raises(IntegrityError), write_transaction():
        Licence.create(person=woman.id, flat=other.id, start_date=START, created_by=admin.id)
    # An ended licence of hers does not count.
    Licence.update(status="ended", end_date=START + timedelta(days=7)).execute()
    with write_transaction():
        Licence.create(person=woman.id, flat=other.id, start_date=START, created_by=admin.id)


def test_the_database_refuses_overlapping_licences_of_one_flat(admin, home):
    ana, bea = (factories.ready_woman(admin, given_name=n) for n in ("Ana", "Bea"))
    licences.create_licence(admin, ana, home, start_date=START)
    Licence.update(end_date=START + timedelta(days=10), status="ended").execute()
    with pytest.raises(IntegrityError), write_transaction():
        Licence.create(
            person=bea.id, flat=home.id, start_date=START + timedelta(days=9), created_by=admin.id
        )
    # [start, end) is half-open: a licence may start on the day the last one ended.
    with write_transaction():
        later = Licence.create(
            person=bea.id, flat=home.id, start_date=START + timedelta(days=10), created_by=admin.id
        )
    # Moving a licence's dates over another is refused too.
    with pytest.raises(IntegrityError), write_transaction():
        Licence.update(start_date=START + timedelta(days=3)).where(Licence.id == later.id).execute()


def test_when_the_checks_miss_a_clash_the_database_refusal_is_a_plain_error(
    admin, home, monkeypatch
):
    """As if another officer's licence slipped past the checks: the service still refuses in
    plain words, writes nothing, and never lets a raw database error through."""
    ana, bea = (factories.ready_woman(admin, given_name=n) for n in ("Ana", "Bea"))
    licences.create_licence(admin, ana, home, start_date=START)
    monkeypatch.setattr(licences, "_check_dates_free", lambda *args, **kwargs: None)
    monkeypatch.setattr(licences, "_current_licence", lambda person: None)
    with pytest.raises(ConflictError) as error:
        licences.create_licence(admin, bea, home, start_date=START + timedelta(days=30))
    assert error.value.field == "start_date"
    second = factories.certified_flat(admin, home.partner, reference="NHT-02")
    with pytest.raises(ValidationError) as error:
        licences.create_licence(admin, ana, second, start_date=START)
    assert error.value.field == "person"
    assert Licence.select().count() == 1


# Letting


def test_no_licence_for_an_archived_woman(admin, home):
    woman = factories.ready_woman(admin)
    people.update_person(admin, woman, archived=True)
    with pytest.raises(ValidationError) as error:
        licences.create_licence(admin, woman, home, start_date=START)
    assert error.value.field == "person"
    assert Licence.select().count() == 0


@pytest.mark.parametrize("accepted", [False, True])
def test_no_licence_over_another_womans_offer(admin, home, accepted):
    ana, ana_referral = waiting_woman(admin, "Ana")
    bea, _bea_referral = waiting_woman(admin, "Bea")
    offer = allocations.make_offer(admin, ana_referral, home)
    if accepted:
        allocations.respond(admin, offer, accepted=True)
    with pytest.raises(ValidationError) as error:
        licences.create_licence(admin, bea, home, start_date=clock.today())
    assert error.value.field == "flat"
    assert "another woman" in error.value.message
    assert Licence.select().count() == 0
    # The woman offered it can move in, and her offer becomes the licence's.
    licence = licences.create_licence(admin, ana, home, start_date=clock.today())
    assert licence.offer_id == offer.id


def test_her_other_open_offers_lapse_when_she_moves_in(admin, partner, home):
    other = factories.certified_flat(admin, partner, reference="NHT-02")
    ana, referral = waiting_woman(admin, "Ana")
    accepted = allocations.respond(
        admin, allocations.make_offer(admin, referral, other), accepted=True
    )
    licences.create_licence(admin, ana, home, start_date=clock.today())
    assert Offer.get_by_id(accepted.id).status == "withdrawn"
    _bea, bea_referral = waiting_woman(admin, "Bea")
    assert allocations.make_offer(admin, bea_referral, other).status == "pending"


# Offers


def test_a_flat_accepted_by_one_woman_is_not_offered_to_another(admin, home):
    _ana, ana_referral = waiting_woman(admin, "Ana")
    _bea, bea_referral = waiting_woman(admin, "Bea")
    first = allocations.respond(
        admin, allocations.make_offer(admin, ana_referral, home), accepted=True
    )
    with pytest.raises(ValidationError) as error:
        allocations.make_offer(admin, bea_referral, home)
    assert error.value.field == "flat"
    assert Offer.select().count() == 1
    # She is not moving in after all: her accepted offer is withdrawn, and the flat is free.
    assert allocations.withdraw_offer(admin, first, reason="Changed her mind").status == (
        "withdrawn"
    )
    second = allocations.make_offer(admin, bea_referral, home)
    assert allocations.respond(admin, second, accepted=True).status == "accepted"


def test_an_accepted_offer_cannot_lapse_and_a_licensed_one_cannot_be_withdrawn(admin, home):
    ana, referral = waiting_woman(admin, "Ana")
    offer = allocations.respond(admin, allocations.make_offer(admin, referral, home), accepted=True)
    with pytest.raises(ValidationError):
        allocations.withdraw_offer(admin, offer, expired=True)
    licences.create_licence(admin, ana, home, start_date=clock.today())
    with pytest.raises(ValidationError):
        allocations.withdraw_offer(admin, offer)
    assert Offer.get_by_id(offer.id).status == "accepted"


def test_a_second_acceptance_of_one_flat_is_refused(admin, home):
    """Offers from before the rule: two of one flat, one accepted; the other cannot be."""
    _ana, ana_referral = waiting_woman(admin, "Ana")
    _bea, bea_referral = waiting_woman(admin, "Bea")
    allocations.respond(admin, allocations.make_offer(admin, ana_referral, home), accepted=True)
    with write_transaction():
        second = Offer.create(
            referral=bea_referral.id, flat=home.id, offered_on=clock.today(), made_by=admin.id
        )
    with pytest.raises(ValidationError) as error:
        allocations.respond(admin, second, accepted=True)
    assert error.value.field == "accepted"
    assert Offer.get_by_id(second.id).status == "pending"


def test_a_flat_that_cannot_be_let_is_not_offered(admin, partner):
    bare = factories.flat(admin, partner, reference="NHT-07")  # no certificates at all
    _ana, referral = waiting_woman(admin, "Ana")
    with pytest.raises(ValidationError) as error:
        allocations.make_offer(admin, referral, bare, offered_on=clock.today())
    assert error.value.field == "flat"
    assert Offer.select().count() == 0
    # Certified from the day after: still not on the day offered, offered the day after.
    factories.certify(admin, bare, clock.today() + timedelta(days=31))
    with pytest.raises(ValidationError):
        allocations.make_offer(admin, referral, bare, offered_on=clock.today())
    offered = allocations.make_offer(
        admin, referral, bare, offered_on=clock.today() + timedelta(days=1)
    )
    assert offered.flat_id == bare.id


# The bulk path


def _batch_licence(admin, flat_id, person_id, start, end=None, status="active"):
    batch = bulk.Batch()
    batch.add(
        Licence,
        person=person_id,
        flat=flat_id,
        start_date=start,
        end_date=end,
        status=status,
        created_by=admin.id,
    )
    return batch


def test_bulk_load_refuses_a_licence_over_one_already_recorded(admin, home):
    ana, bea = (factories.ready_woman(admin, given_name=n) for n in ("Ana", "Bea"))
    licences.create_licence(admin, ana, home, start_date=START)
    batch = _batch_licence(admin, home.id, bea.id, date(2025, 1, 1), START + timedelta(days=1))
    with pytest.raises(ConflictError):
        bulk.load(admin, batch)
    batch = _batch_licence(admin, home.id, bea.id, date(2025, 1, 1), START, status="ended")
    assert bulk.load(admin, batch) == {"licence": 1}


def test_bulk_load_refuses_a_licence_over_a_period_out_of_use(admin, home):
    bea = factories.ready_woman(admin, given_name="Bea")
    with write_transaction():
        Unavailability.create(flat=home.id, start=START, end=None, reason="repairs")
    with pytest.raises(ConflictError):
        bulk.load(admin, _batch_licence(admin, home.id, bea.id, START + timedelta(days=3)))
    assert Licence.select().count() == 0


def test_bulk_load_refuses_a_second_licence_not_ended_for_a_woman(admin, partner, home):
    other = factories.certified_flat(admin, partner, reference="NHT-02")
    ana = factories.ready_woman(admin, given_name="Ana")
    licences.create_licence(admin, ana, home, start_date=START)
    with pytest.raises(ValidationError) as error:
        bulk.load(admin, _batch_licence(admin, other.id, ana.id, START))
    assert error.value.field == "person"
    assert Licence.select().count() == 1 and Person.select().count() == 1


def test_a_woman_who_accepted_one_flat_is_not_offered_another(admin, partner, home):
    other = factories.certified_flat(admin, partner, reference="NHT-02")
    _ana, referral = waiting_woman(admin, "Ana")
    accepted = allocations.respond(
        admin, allocations.make_offer(admin, referral, home), accepted=True
    )
    with pytest.raises(ValidationError) as error:
        allocations.make_offer(admin, referral, other)
    assert error.value.field == "referral"
    allocations.withdraw_offer(admin, accepted, reason="She chose to wait")
    assert allocations.make_offer(admin, referral, other).flat_id == other.id
