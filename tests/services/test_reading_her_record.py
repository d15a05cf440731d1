"""Reading a woman's record goes through services that know who is asking."""

from datetime import date, timedelta

import pytest

from housing_desk import clock
from housing_desk.services import allocations, audit, people, referral_list, referrals, reminders
from housing_desk.services.errors import PermissionDenied
from tests import factories


@pytest.fixture
def woman(admin):
    someone = factories.person(
        admin,
        given_name="Ana",
        family_name="Lopes",
        notes="Her ex-partner looks for her at the station",
        safe_contact="Her aunt, 07700 900111",
    )
    referral = referrals.create_referral(
        admin, someone, received_on=date(2026, 10, 1), source="self", notes="Met at the drop-in"
    )
    referrals.decide(
        admin,
        referral,
        decision="declined",
        reason="other",
        notes="Living with him again for now\nsecond line",
        decided_on=date(2026, 10, 3),
    )
    return someone


def test_a_viewer_reading_through_services_gets_no_notes(admin, woman):
    viewer = factories.user(admin, "viewer")
    seen = people.get_person(viewer, woman.id)
    assert (seen.notes, seen.safe_contact) == ("", "")
    assert seen.given_name == "Ana"
    (referral,) = referrals.for_person(viewer, woman)
    assert (referral.notes, referral.decision_notes) == ("", "")
    (row,) = referral_list.list_referrals(viewer)
    assert row.reason == "Other"  # not the first line of what the manager wrote
    assert "Living with him" not in referrals.reason_label(referral, viewer)


def test_an_officer_reads_everything(admin, woman):
    officer = factories.user(admin, "officer")
    seen = people.get_person(officer, woman.id)
    assert seen.notes.startswith("Her ex-partner") and seen.safe_contact.startswith("Her aunt")
    (referral,) = referrals.for_person(officer, woman)
    assert referral.decision_notes.startswith("Living with him")
    (row,) = referral_list.list_referrals(officer)
    assert row.reason == "Living with him again for now"


def test_the_referrals_list_needs_someone_signed_in(admin, woman):
    with pytest.raises(PermissionDenied):
        referral_list.list_referrals(None)


def test_viewing_a_confidential_record_through_the_service_is_audited(admin):
    hidden = factories.person(admin, do_not_disclose=True)
    plain = factories.person(admin, given_name="Bea", family_name="Nowak")
    viewer = factories.user(admin, "viewer")
    people.get_person(viewer, hidden.id)
    people.get_person(admin, plain.id)
    views = [e for e in audit.events("person", hidden.id) if e.action == "view"]
    assert [e.actor for e in views] == ["viewer1"]
    assert [e.action for e in audit.events("person", plain.id)] == ["create"]
    # a name for a question or a title is not a view of her record
    assert people.name_of(admin, hidden.id) == "Ioana Popescu"
    assert len([e for e in audit.events("person", hidden.id) if e.action == "view"]) == 1


def test_the_actor_comes_first(admin, woman):
    with pytest.raises(TypeError):
        people.get_person(woman.id, admin)
    with pytest.raises(PermissionDenied):
        people.get_person(None, woman.id)


def test_the_boards_offers_list_hides_a_confidential_woman(admin, partner):
    home = factories.certified_flat(admin, partner)
    hidden = factories.person(
        admin, given_name="Zsófia", family_name="Kovács", do_not_disclose=True
    )
    referral = factories.accepted(admin, hidden)
    allocations.make_offer(admin, referral, home, offered_on=clock.today() - timedelta(days=20))
    (offer,) = allocations.offers(admin, status="pending")
    assert offer.board_name == "a resident (confidential)"
    assert "Kovács" not in offer.board_name
    texts = [r.text for r in reminders.due()]
    assert any("a resident (confidential)" in t for t in texts)
    assert not any("Kovács" in t for t in texts)


def test_a_viewer_reads_no_risk_notes_of_her_support_plan(admin, partner):
    from housing_desk.services import licences, support_plans

    home = factories.certified_flat(admin, partner)
    her = factories.ready_woman(admin)
    licence = licences.create_licence(admin, her, home, start_date=date(2026, 1, 5))
    plan = support_plans.create_plan(admin, licence)
    support_plans.set_risks(admin, plan, risk_from_others="Former partner known to police")
    viewer = factories.user(admin, "viewer")
    assert support_plans.current_plan(viewer, licence).risk_from_others == ""
    assert support_plans.get_plan(viewer, plan.id).risk_from_others == ""
    assert support_plans.current_plan(admin, licence).risk_from_others.startswith("Former")
