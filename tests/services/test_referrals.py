"""Referrals: the status flow, one open referral, decisions with reasons and who made them."""

from datetime import timedelta

import pytest

from housing_desk import clock
from housing_desk.data.models import Referral
from housing_desk.services import audit, referrals
from housing_desk.services.errors import PermissionDenied, ValidationError
from tests import factories

TODAY = clock.today()


@pytest.fixture
def woman(admin):
    return factories.person(admin, given_name="Erzsébet", family_name="Kovács")


def refer(actor, person, **overrides):
    values = {
        "received_on": TODAY - timedelta(days=5),
        "source": "police_outreach",
        "referrer": "PC Dawn Hale",
        "referrer_organisation": "Northamptonshire Police",
        "notes": "Met at the Tuesday session.",
    }
    values.update(overrides)
    return referrals.create_referral(actor, person, **values)


def test_a_referral_starts_received(admin, woman):
    referral = refer(admin, woman)
    stored = Referral.get_by_id(referral.id)
    assert (stored.status, stored.source, stored.priority) == ("received", "police_outreach", 3)
    assert stored.referrer_organisation == "Northamptonshire Police"
    assert audit.events("referral", referral.id)[0].action == "create"


@pytest.mark.parametrize(
    "field, value",
    [
        ("source", "friend"),
        ("received_on", TODAY + timedelta(days=1)),
        ("received_on", None),
        ("priority", 7),
    ],
)
def test_bad_referral_fields_are_named(admin, woman, field, value):
    with pytest.raises(ValidationError) as error:
        refer(admin, woman, **{field: value})
    assert error.value.field == field
    assert Referral.select().count() == 0


def test_only_one_open_referral(admin, woman):
    refer(admin, woman)
    with pytest.raises(ValidationError) as error:
        refer(admin, woman)
    assert error.value.field is None and "open referral" in error.value.message
    assert Referral.select().count() == 1


def test_after_a_decline_she_can_be_referred_again(admin, woman):
    referral = refer(admin, woman)
    referrals.decide(admin, referral, decision="declined", reason="no_local_connection")
    assert refer(admin, woman).status == "received"


def test_an_assessment_moves_a_received_referral_to_assessing(admin, woman):
    referral = refer(admin, woman)
    factories.assess(admin, woman)
    assert Referral.get_by_id(referral.id).status == "assessing"


@pytest.mark.parametrize("start_assessing", [False, True])
def test_accepting_records_who_and_when(admin, woman, start_assessing):
    manager = factories.user(admin, "manager")
    referral = refer(admin, woman)
    if start_assessing:
        factories.assess(admin, woman)
    decided = referrals.decide(
        manager, referral, decision="accepted", reason="Good fit for a ground-floor flat"
    )
    assert (decided.status, decided.decided_by_id, decided.decided_on) == (
        "accepted",
        manager.id,
        TODAY,
    )
    assert decided.closed_on is None
    event = audit.events("referral", referral.id)[-1]
    assert event.actor == "manager1" and event.changes["status"][1] == "accepted"


@pytest.mark.parametrize(
    "decision, reason",
    [
        ("declined", "needs_more_support"),
        ("declined", "risk_to_others"),
        ("withdrawn", "disengaged"),
        ("withdrawn", "housed_elsewhere"),
    ],
)
def test_coded_reasons_are_kept(admin, woman, decision, reason):
    decided = referrals.decide(admin, refer(admin, woman), decision=decision, reason=reason)
    assert (decided.status, decided.decision_reason, decided.closed_on) == (decision, reason, TODAY)
    assert referrals.reason_label(decided) == referrals.REASONS[decision][reason]


def test_free_text_reason_becomes_other_with_its_words(admin, woman):
    decided = referrals.decide(
        admin, refer(admin, woman), decision="declined", reason="Wants to stay in Leicester"
    )
    assert (decided.decision_reason, decided.decision_notes) == (
        "other",
        "Wants to stay in Leicester",
    )
    assert referrals.reason_label(decided, admin) == "Wants to stay in Leicester"


@pytest.mark.parametrize("decision", ["declined", "withdrawn"])
def test_declining_or_withdrawing_needs_a_reason(admin, woman, decision):
    referral = refer(admin, woman)
    with pytest.raises(ValidationError) as error:
        referrals.decide(admin, referral, decision=decision)
    assert error.value.field == "reason"
    assert Referral.get_by_id(referral.id).status == "received"


def test_a_decided_referral_cannot_be_decided_again(admin, woman):
    referral = refer(admin, woman)
    referrals.decide(admin, referral, decision="accepted")
    for decision, reason in (("declined", "other"), ("accepted", ""), ("withdrawn", "moved_away")):
        with pytest.raises(ValidationError) as error:
            referrals.decide(admin, referral, decision=decision, reason=reason)
        assert error.value.field == "decision"
    assert Referral.get_by_id(referral.id).status == "accepted"


def test_a_closed_referral_cannot_be_decided(admin, woman):
    referral = factories.accepted(admin, woman)
    referrals.close(admin, referral, reason="moved_away")
    with pytest.raises(ValidationError):
        referrals.decide(admin, referral, decision="declined", reason="other")
    assert Referral.get_by_id(referral.id).status == "closed"


def test_unknown_decision_is_refused(admin, woman):
    with pytest.raises(ValidationError) as error:
        referrals.decide(admin, refer(admin, woman), decision="maybe")
    assert error.value.field == "decision"


def test_officers_refer_but_only_managers_decide(admin, woman):
    officer = factories.user(admin, "officer")
    referral = refer(officer, woman)
    with pytest.raises(PermissionDenied):
        referrals.decide(officer, referral, decision="accepted")
    viewer = factories.user(admin, "viewer")
    with pytest.raises(PermissionDenied):
        refer(viewer, factories.person(admin, given_name="Rūta", family_name="Kazlauskienė"))


def test_an_archived_woman_cannot_be_referred(admin):
    archived = factories.person(admin, archived=True)
    with pytest.raises(ValidationError):
        refer(admin, archived)


def test_the_referrals_list_is_ordered_and_filtered_by_the_database(admin, woman):
    from housing_desk.services import referral_list
    from housing_desk.services.referral_list import ReferralFilter, referrals_page

    older = factories.person(admin, given_name="Zsófia", family_name="Áron")
    first = refer(
        admin,
        older,
        received_on=TODAY - timedelta(days=400),
        source="self",
        referrer="",
        referrer_organisation="",
    )
    referrals.decide(
        admin,
        first,
        decision="declined",
        decided_on=TODAY - timedelta(days=390),
        reason="other",
        notes="Wanted a flat in Leicester\nand nowhere else",
    )
    refer(admin, older, received_on=TODAY - timedelta(days=3))
    refer(admin, woman)
    rows = referrals_page(admin)
    assert [(r.name, r.received_on) for r in rows] == [
        ("Zsófia Áron", TODAY - timedelta(days=3)),
        ("Erzsébet Kovács", TODAY - timedelta(days=5)),
        ("Zsófia Áron", TODAY - timedelta(days=400)),
    ]
    assert rows[2].reason == "Wanted a flat in Leicester" and rows[2].status_label == "Declined"
    assert rows[0].referrer == "PC Dawn Hale, Northamptonshire Police"
    assert [r.name for r in referrals_page(admin, order="name", descending=False)] == [
        "Zsófia Áron",
        "Zsófia Áron",
        "Erzsébet Kovács",
    ]
    assert [r.source_label for r in referrals_page(admin, order="source", descending=False)] == [
        "Police outreach sessions",
        "Police outreach sessions",
        "Self-referral",
    ]
    assert next(r.decided_on for r in referrals_page(admin, order="decided")) == TODAY - timedelta(
        days=390
    )
    assert [r.name for r in referrals_page(admin, offset=2)] == ["Zsófia Áron"]
    assert [r.name for r in referrals_page(admin, ReferralFilter(text="KOVACS"))] == [
        "Erzsébet Kovács"
    ]
    assert len(referrals_page(admin, ReferralFilter(text="northamptonshire"))) == 2
    assert [r.status for r in referrals_page(admin, ReferralFilter(status="declined"))] == [
        "declined"
    ]
    assert referral_list.list_referrals(admin, "received") == referrals_page(
        admin, ReferralFilter(status="received")
    )
    with pytest.raises(ValueError):
        referrals_page(admin, order="notes")
