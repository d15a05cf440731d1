"""Licences: the rules of letting, sign-up, notice, move-out and corrections."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from housing_desk import clock
from housing_desk.data.models import Licence, LicenceKey, Referral
from housing_desk.services import audit, flats, licences, referrals
from housing_desk.services.errors import ConflictError, PermissionDenied, ValidationError
from tests import factories

TODAY = clock.today()
START = date(2025, 3, 3)


@pytest.fixture
def home(admin, partner):
    return factories.certified_flat(admin, partner)


@pytest.fixture
def woman(admin):
    return factories.ready_woman(admin)


def test_a_new_licence_copies_the_flats_charges_and_awaits_sign_up(admin, home, woman):
    licence = licences.create_licence(admin, woman, home, start_date=START)
    stored = Licence.get_by_id(licence.id)
    assert (stored.status, stored.agreement_type, stored.end_date) == (
        "pending_signup",
        "licence",
        None,
    )
    assert (stored.weekly_rent, stored.support_charge) == (Decimal("98.50"), Decimal("45.00"))
    assert stored.weekly_total == Decimal("175.45")
    assert [i.key for i in licences.checklist(admin, stored)] == [
        k for k, _ in licences.SIGNUP_CHECKLIST
    ]
    assert audit.events("licence", licence.id)[0].changes["weekly_rent"] == "98.50"


def test_charges_can_be_overridden_and_are_checked(admin, home, woman):
    licence = licences.create_licence(
        admin,
        woman,
        home,
        start_date=START,
        weekly_rent="101.10",
        agreement_type="assured_periodic",
    )
    assert (licence.weekly_rent, licence.agreement_type) == (Decimal("101.10"), "assured_periodic")
    other = factories.ready_woman(admin, given_name="Rūta", family_name="Kazlauskienė")
    second_flat = factories.certified_flat(admin, home.partner, reference="NHT-02")
    with pytest.raises(ValidationError) as error:
        licences.create_licence(admin, other, second_flat, start_date=START, support_charge="-1")
    assert error.value.field == "support_charge"


def test_the_referral_moves_to_housed(admin, home):
    woman = factories.person(admin)
    referral = factories.accepted(admin, woman, received_on=date(2024, 1, 1))
    licence = licences.create_licence(admin, woman, home, start_date=START)
    assert Referral.get_by_id(referral.id).status == "housed"
    assert licence.referral_id == referral.id


@pytest.mark.parametrize(
    "start, end", [(START + timedelta(days=10), None), (START - timedelta(days=30), None)]
)
def test_overlapping_licences_conflict(admin, home, woman, start, end):
    licences.create_licence(admin, woman, home, start_date=START)
    other = factories.ready_woman(admin, given_name="Hodan", family_name="Warsame")
    with pytest.raises(ConflictError):
        licences.create_licence(admin, other, home, start_date=start)
    assert Licence.select().count() == 1


def test_a_licence_may_start_the_day_the_previous_one_ended(admin, home, woman):
    first = factories.sign_up(admin, licences.create_licence(admin, woman, home, start_date=START))
    licences.end_licence(
        admin,
        first,
        end_date=date(2025, 9, 1),
        reason="planned_move_on",
        destination="Council tenancy",
    )
    other = factories.ready_woman(admin, given_name="Hodan", family_name="Warsame")
    second = licences.create_licence(admin, other, home, start_date=date(2025, 9, 1))
    assert second.start_date == date(2025, 9, 1)


def test_unavailability_blocks_a_licence_and_the_other_way_round(admin, home, woman):
    flats.mark_unavailable(
        admin, home, start=START, end=START + timedelta(days=20), reason="repairs"
    )
    with pytest.raises(ConflictError):
        licences.create_licence(admin, woman, home, start_date=START + timedelta(days=5))
    licence = licences.create_licence(admin, woman, home, start_date=START + timedelta(days=20))
    with pytest.raises(ConflictError):
        flats.mark_unavailable(admin, home, start=START + timedelta(days=40), reason="repairs")
    assert licence.id


def test_she_holds_one_licence_at_a_time(admin, home, woman):
    licences.create_licence(admin, woman, home, start_date=START)
    other_flat = factories.certified_flat(admin, home.partner, reference="NHT-02")
    with pytest.raises(ValidationError) as error:
        licences.create_licence(admin, woman, other_flat, start_date=START)
    assert error.value.field == "person" and "already holds" in error.value.message


def test_a_flat_with_lapsed_certificates_cannot_be_let(admin, partner, woman):
    bare = factories.flat(admin, partner, reference="NHT-07")
    flats.record_certificate(admin, bare, kind="eicr", issued_on=date(2022, 1, 1))
    flats.record_certificate(admin, bare, kind="epc", issued_on=date(2022, 1, 1))
    with pytest.raises(ValidationError) as error:
        licences.create_licence(admin, woman, bare, start_date=START)
    assert error.value.field == "flat" and "gas safety" in error.value.message
    flats.record_certificate(admin, bare, kind="gas_safety", issued_on=START - timedelta(days=10))
    assert licences.create_licence(admin, woman, bare, start_date=START).id


@pytest.mark.parametrize(
    "outcome, dated, allowed",
    [
        ("not_ready", START - timedelta(days=1), False),
        ("ready_with_support", START, True),
        ("ready", START + timedelta(days=1), False),
        ("ready", START - timedelta(days=400), True),
    ],
)
def test_her_latest_assessment_by_the_start_must_say_ready(admin, home, outcome, dated, allowed):
    woman = factories.person(admin)
    factories.assess(admin, woman, on=dated, outcome=outcome)
    if allowed:
        assert licences.create_licence(admin, woman, home, start_date=START).id
    else:
        with pytest.raises(ValidationError) as error:
            licences.create_licence(admin, woman, home, start_date=START)
        assert error.value.field == "person"


def test_a_later_not_ready_assessment_counts(admin, home, woman):
    factories.assess(admin, woman, on=START - timedelta(days=5), outcome="not_ready")
    with pytest.raises(ValidationError):
        licences.create_licence(admin, woman, home, start_date=START)


def test_activate_refuses_while_any_item_is_open_and_says_which(admin, home, woman):
    licence = licences.create_licence(admin, woman, home, start_date=START)
    for key, _label in licences.SIGNUP_CHECKLIST[:-1]:
        licences.complete_signup_item(
            admin, licence, key, note="HB/99" if key == "hb_claim" else ""
        )
    with pytest.raises(ValidationError) as error:
        licences.activate(admin, licence)
    assert "First keywork session booked" in error.value.message
    assert Licence.get_by_id(licence.id).status == "pending_signup"
    licences.complete_signup_item(admin, licence, "keywork_booked")
    active = licences.activate(admin, licence)
    assert (
        active.status == "active"
        and active.hb_reference == "HB/99"
        and active.hb_status == "claimed"
    )


def test_housing_benefit_item_needs_its_reference(admin, home, woman):
    licence = licences.create_licence(admin, woman, home, start_date=START)
    with pytest.raises(ValidationError) as error:
        licences.complete_signup_item(admin, licence, "hb_claim")
    assert error.value.field == "note"
    with pytest.raises(ValidationError) as error:
        licences.complete_signup_item(admin, licence, "tea_made")
    assert error.value.field == "key"


def test_notice_then_move_out(admin, home, woman):
    licence = factories.sign_up(
        admin, licences.create_licence(admin, woman, home, start_date=START)
    )
    with pytest.raises(ValidationError) as error:
        licences.give_notice(
            admin, licence, served_on=date(2025, 8, 1), end_date=date(2025, 7, 1), by="licensee"
        )
    assert error.value.field == "end_date"
    with pytest.raises(ValidationError) as error:
        licences.give_notice(
            admin, licence, served_on=date(2025, 8, 1), end_date=date(2025, 9, 1), by="landlord"
        )
    assert error.value.field == "by"
    noticed = licences.give_notice(
        admin,
        licence,
        served_on=date(2025, 8, 1),
        end_date=date(2025, 8, 29),
        by="licensee",
        reason="Moving to a council flat",
    )
    assert (noticed.status, noticed.end_date, noticed.notice_by) == (
        "notice",
        date(2025, 8, 29),
        "licensee",
    )
    ended = licences.end_licence(
        admin,
        noticed,
        end_date=date(2025, 8, 29),
        reason="planned_move_on",
        destination="Council tenancy",
    )
    assert (ended.status, ended.end_reason, ended.destination) == (
        "ended",
        "planned_move_on",
        "Council tenancy",
    )


def test_move_out_rules(admin, home, woman):
    licence = factories.sign_up(
        admin, licences.create_licence(admin, woman, home, start_date=START)
    )
    for end_date, reason, field in (
        (TODAY + timedelta(days=1), "evicted", "end_date"),
        (START, "evicted", "end_date"),
        (date(2025, 6, 1), "bored", "reason"),
    ):
        with pytest.raises(ValidationError) as error:
            licences.end_licence(admin, licence, end_date=end_date, reason=reason)
        assert error.value.field == field
    key = licences.add_key(admin, licence, label="Front door key 2", issued_on=START)
    with pytest.raises(ValidationError) as error:
        licences.end_licence(admin, licence, end_date=date(2025, 6, 1), reason="left_unplanned")
    assert error.value.field == "notes" and "Front door key 2" in error.value.message
    ended = licences.end_licence(
        admin,
        licence,
        end_date=date(2025, 6, 1),
        reason="left_unplanned",
        notes="She left the key with a friend; collecting it.",
    )
    assert ended.status == "ended"
    assert LicenceKey.get_by_id(key.id).returned_on is None


def test_abandonment_custody_and_death_need_no_notice(admin, home, woman):
    licence = factories.sign_up(
        admin, licences.create_licence(admin, woman, home, start_date=START)
    )
    assert (
        licences.end_licence(admin, licence, end_date=date(2025, 5, 5), reason="custody").status
        == "ended"
    )


def test_a_pending_licence_cannot_end(admin, home, woman):
    licence = licences.create_licence(admin, woman, home, start_date=START)
    with pytest.raises(ValidationError):
        licences.end_licence(admin, licence, end_date=date(2025, 6, 1), reason="left_unplanned")


def test_ended_licences_are_corrected_only_by_managers_with_a_reason(admin, home, woman):
    licence = factories.sign_up(
        admin, licences.create_licence(admin, woman, home, start_date=START)
    )
    licences.end_licence(admin, licence, end_date=date(2025, 6, 1), reason="left_unplanned")
    officer = factories.user(admin, "officer")
    with pytest.raises(PermissionDenied):
        licences.correct_licence(officer, licence, reason="Typo", end_date=date(2025, 6, 2))
    with pytest.raises(ValidationError) as error:
        licences.correct_licence(admin, licence, reason="", end_date=date(2025, 6, 2))
    assert error.value.field == "reason"
    corrected = licences.correct_licence(
        admin,
        licence,
        reason="Date typed wrongly",
        end_date=date(2025, 6, 2),
        end_reason="planned_move_on",
    )
    assert (corrected.end_date, corrected.end_reason) == (date(2025, 6, 2), "planned_move_on")
    # the reason is typed text, so the audit row says only that one was given
    changes = audit.events("licence", licence.id)[-1].changes
    assert changes["correction"] == "changed"
    assert changes["end_date"][1] == "2025-06-02"


def test_keys_register(admin, home, woman):
    licence = licences.create_licence(admin, woman, home, start_date=START)
    key = licences.add_key(admin, licence, label="Fob 2231", issued_on=START)
    with pytest.raises(ValidationError) as error:
        licences.return_key(admin, key, returned_on=START - timedelta(days=1))
    assert error.value.field == "returned_on"
    assert licences.return_key(admin, key, returned_on=date(2025, 6, 1)).returned_on == date(
        2025, 6, 1
    )
    with pytest.raises(ValidationError) as error:
        licences.add_key(admin, licence, label=" ")
    assert error.value.field == "label"


def test_viewers_cannot_let_flats(admin, home, woman):
    viewer = factories.user(admin, "viewer")
    with pytest.raises(PermissionDenied):
        licences.create_licence(viewer, woman, home, start_date=START)


def test_ended_referral_stays_closed(admin, home):
    woman = factories.person(admin)
    referral = factories.accepted(admin, woman, received_on=date(2024, 1, 1))
    licences.create_licence(admin, woman, home, start_date=START)
    with pytest.raises(ValidationError):
        referrals.decide(admin, referral, decision="declined", reason="other")


def test_keys_returned_on_the_day_of_move_out(admin, home, woman):
    licence = factories.sign_up(
        admin, licences.create_licence(admin, woman, home, start_date=START)
    )
    door = licences.add_key(admin, licence, label="Front door key 1", issued_on=START)
    fob = licences.add_key(admin, licence, label="Fob 12", issued_on=START)
    with pytest.raises(ValidationError):
        licences.end_licence(
            admin,
            licence,
            end_date=date(2025, 6, 1),
            reason="planned_move_on",
            returned_keys=[door.id],
        )
    assert LicenceKey.get_by_id(door.id).returned_on is None  # nothing half-written
    licences.end_licence(
        admin,
        licence,
        end_date=date(2025, 6, 1),
        reason="planned_move_on",
        returned_keys=[door.id, fob.id],
    )
    assert {k.returned_on for k in licences.keys(admin, licence)} == {date(2025, 6, 1)}


def test_our_notice_is_at_least_the_teams_notice_period(admin, home, woman):
    from housing_desk.services import settings

    licence = factories.sign_up(
        admin,
        licences.create_licence(admin, woman, home, start_date=START),  # a Monday
    )
    assert settings.notice_days() == 28
    with pytest.raises(ValidationError) as error:
        licences.give_notice(
            admin,
            licence,
            served_on=date(2025, 8, 1),
            end_date=date(2025, 8, 25),
            by="licensor",
            served_how="in_person",
        )
    assert error.value.field == "end_date" and "at least 28 days" in error.value.message
    settings.set_notice_days(admin, 56)  # a team whose agreements promise eight weeks
    with pytest.raises(ValidationError):
        licences.give_notice(
            admin,
            licence,
            served_on=date(2025, 8, 1),
            end_date=date(2025, 9, 22),
            by="licensor",
            served_how="in_person",
        )
    with pytest.raises(ValidationError) as error:
        settings.set_notice_days(admin, 0)
    assert error.value.field == "days"
    noticed = licences.give_notice(
        admin,
        licence,
        served_on=date(2025, 8, 1),
        end_date=date(2025, 9, 29),
        by="licensor",
        reason="Rent arrears after the final warning",
        served_how="first_class_post",
    )
    assert noticed.notice_by == "licensor" and noticed.end_date == date(2025, 9, 29)
    assert noticed.notice_served_how == "first_class_post"
