"""Finding a flat for one woman: the flats that can be offered now, whether each suits her, why."""

from datetime import timedelta

import pytest

from housing_desk import clock
from housing_desk.services import allocations, flat_choice, flats
from housing_desk.services.errors import ValidationError
from tests import factories


def test_only_flats_that_can_be_offered_now_suitable_first(admin, partner):
    today = clock.today()
    woman = factories.person(admin, needs_step_free=True)
    factories.accepted(admin, woman)
    stairs = factories.certified_flat(admin, partner, reference="AAA-01", step_free=False)
    level = factories.certified_flat(admin, partner, reference="ZZZ-01", step_free=True)
    out = factories.certified_flat(admin, partner, reference="OUT-01", step_free=True)
    flats.mark_unavailable(admin, out, start=today, reason="repairs")
    booked = factories.certified_flat(admin, partner, reference="BKD-01", step_free=True)
    flats.mark_unavailable(
        admin,
        booked,
        start=today + timedelta(days=10),
        end=today + timedelta(days=20),
        reason="void_works",
    )
    factories.flat(admin, partner, reference="NOC-01", step_free=True)  # no certificates
    found = flat_choice.flats_for(admin, woman)
    by_reference = {c.reference: c for c in found}
    assert "NOC-01" not in by_reference  # cannot be let: nothing on file
    assert "OUT-01" not in by_reference  # out of use
    assert found[0].reference == "ZZZ-01"
    assert by_reference["ZZZ-01"].suitable
    assert not by_reference["AAA-01"].suitable
    assert "Needs step-free access: this flat is not step-free" in by_reference["AAA-01"].reasons
    assert not by_reference["BKD-01"].suitable
    when = (today + timedelta(days=10)).strftime("%d/%m/%Y")
    assert f"Works booked from {when}: it cannot be let now" in by_reference["BKD-01"].reasons
    assert (
        stairs.id == by_reference["AAA-01"].flat_id and level.id == by_reference["ZZZ-01"].flat_id
    )


def test_a_flat_offered_or_accepted_is_not_listed(admin, partner):
    today = clock.today()
    first = factories.person(admin)
    second = factories.person(admin, given_name="Ayşe", family_name="Yılmaz")
    referral = factories.accepted(admin, first)
    factories.accepted(admin, second)
    home = factories.certified_flat(admin, partner)
    offer = allocations.make_offer(admin, referral, home, offered_on=today)
    assert flat_choice.flats_for(admin, second) == []
    allocations.respond(admin, offer, accepted=True, responded_on=today)
    assert flat_choice.flats_for(admin, second) == []  # held for the woman who accepted it


def test_only_for_a_woman_on_the_waiting_list(admin):
    woman = factories.person(admin)
    with pytest.raises(ValidationError) as error:
        flat_choice.flats_for(admin, woman)
    assert error.value.field == "person"
