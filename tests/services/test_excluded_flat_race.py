"""A flat let on an excluded licence and the same flat made self-contained, at the same moment
from two connections: one of them is refused, never both stored."""

from datetime import date

import pytest

from housing_desk.data.models import Flat, Licence
from housing_desk.services import flats, licences
from housing_desk.services.errors import ValidationError
from tests import factories, races

pytestmark = pytest.mark.parametrize("round_", range(races.ROUNDS))


def test_letting_on_an_excluded_licence_and_making_the_flat_self_contained_race(
    admin, partner, db, round_
):
    hostel = factories.certified_flat(
        admin,
        partner,
        reference="HOS-01",
        self_contained=False,
        excluded_category="public_sector_hostel",
    )
    woman = factories.ready_woman(admin)
    opened = Flat.get_by_id(hostel.id)
    results = races.race(
        db,
        [
            lambda: licences.create_licence(
                admin, woman, opened, start_date=date(2025, 3, 3), agreement_type="excluded_licence"
            ),
            lambda: flats.update_flat(admin, opened, self_contained=True, excluded_category=""),
        ],
        table="flat",
        row_id=hostel.id,
    )
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(refused) == 1, results
    stored = Flat.get_by_id(hostel.id)
    let = Licence.select().where(Licence.flat == hostel.id).exists()
    if let:  # the licence went first: the flat stays shared, and says why
        assert refused[0].field == "self_contained" and not stored.self_contained
    else:  # the flat went first: no excluded licence of a self-contained flat
        assert refused[0].field == "agreement_type" and stored.self_contained
