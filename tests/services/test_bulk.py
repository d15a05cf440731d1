"""The bulk path keeps the interval rules, and the large demo builds through it."""

from datetime import date

import pytest

from housing_desk.data.models import AuditEvent, Flat, Licence, Person, Referral
from housing_desk.services import bulk, demo_large, flats
from housing_desk.services.errors import ConflictError, PermissionDenied, ValidationError
from tests import factories


def batch_with_two_licences(admin, partner, second_start, second_person_same=False):
    home = factories.certified_flat(admin, partner)
    batch = bulk.Batch()
    people = [
        batch.add(Person, given_name=name, family_name="Bulk", search_name="|x|")
        for name in ("Ana", "Bea")
    ]
    batch.add(
        Licence,
        person=people[0],
        flat=home.id,
        start_date=date(2020, 1, 1),
        end_date=date(2020, 6, 1),
        status="ended",
        created_by=admin.id,
    )
    batch.add(
        Licence,
        person=people[0] if second_person_same else people[1],
        flat=home.id,
        start_date=second_start,
        created_by=admin.id,
        status="active",
    )
    return batch


def test_touching_licences_load(admin, partner):
    counts = bulk.load(admin, batch_with_two_licences(admin, partner, date(2020, 6, 1)))
    assert counts == {"person": 2, "licence": 2}
    assert Licence.select().count() == 2
    assert (
        AuditEvent.select()
        .where((AuditEvent.entity == "licence") & AuditEvent.entity_id.is_null())
        .count()
        == 1
    )


def test_overlapping_licences_are_refused_and_nothing_is_written(admin, partner):
    with pytest.raises(ConflictError):
        bulk.load(admin, batch_with_two_licences(admin, partner, date(2020, 5, 31)))
    assert Licence.select().count() == 0 and Person.select().count() == 0


def test_one_woman_two_open_licences_is_refused(admin, partner):
    batch = batch_with_two_licences(admin, partner, date(2020, 7, 1), second_person_same=True)
    batch.rows[Licence][0]["status"] = "active"
    batch.rows[Licence][0]["end_date"] = None
    with pytest.raises(ValidationError):
        bulk.load(admin, batch)


def test_only_an_administrator_loads_in_bulk(admin, partner):
    manager = factories.user(admin, "manager")
    with pytest.raises(PermissionDenied):
        bulk.load(manager, bulk.Batch())


def test_large_demo_in_miniature(admin):
    counts = demo_large.build(admin, date(2026, 11, 25), flats=3, waiting=100)
    assert counts["flat"] == 3 and counts["licence"] >= 3 * 50
    board = flats.availability(date(2026, 11, 25))
    assert len(board) == 3 and {s.compliance for s in board} == {"ok"}
    # Nothing in the history is dated after the day it was built for.
    assert (
        not Referral.select()
        .where(
            (Referral.decided_on > date(2026, 11, 25)) | (Referral.received_on > date(2026, 11, 25))
        )
        .exists()
    )
    # New records after a bulk load get fresh ids (PostgreSQL's sequences were moved on).
    assert factories.flat(admin, Flat.get().partner, reference="NEW-01").id > max(
        s.flat_id for s in board
    )


def test_the_large_demos_accounts_are_what_posting_would_post(admin):
    from housing_desk.data.models import Charge, Licence, Payment
    from housing_desk.services import accounts

    built_for = date(2026, 11, 25)
    demo_large.build(admin, built_for, flats=2, waiting=0)
    assert Charge.select().count() > 100 and Payment.select().count() > 100
    # Posting finds nothing left to post on the day it was built for, nor any difference.
    assert accounts.post_charges(admin, up_to=built_for) == 0
    for licence in Licence.select().order_by(Licence.id).limit(20):
        assert accounts._rows_to_post(licence, built_for, admin.id) == ([], [])
    assert not Payment.select().where(Payment.received_on > built_for).exists()


def test_the_large_demo_has_a_history_of_repairs(admin):
    from housing_desk.data.models import Repair
    from housing_desk.services import repairs

    built_for = date(2026, 11, 25)
    demo_large.build(admin, built_for, flats=3, waiting=0)
    assert Repair.select().count() > 3 * 20
    assert not Repair.select().where(Repair.completed_on > built_for).exists()
    assert Repair.select().where(Repair.hazard).exists()
    assert all(r.reported_on <= built_for for r in repairs.open_repairs(built_for))
