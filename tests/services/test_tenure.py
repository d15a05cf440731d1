"""The agreement type decides the rules: notice, excluded licences, evictions, age, readiness."""

from datetime import date

import pytest

from housing_desk.data.models import Licence, Setting
from housing_desk.services import licences, settings, tenure
from housing_desk.services.errors import PermissionDenied, ValidationError
from tests import factories

START = date(2025, 3, 3)  # a Monday: each weekly period of these licences starts on a Monday
SERVED = date(2025, 8, 1)  # a Friday


@pytest.fixture
def home(admin, partner):
    return factories.certified_flat(admin, partner)


@pytest.fixture
def shared(admin, partner):
    return factories.certified_flat(
        admin,
        partner,
        reference="HOS-01",
        self_contained=False,
        excluded_category="public_sector_hostel",
    )


def let(admin, flat, agreement_type="licence", given_name="Ioana", **extra):
    woman = factories.ready_woman(admin, given_name=given_name)
    return factories.sign_up(
        admin,
        licences.create_licence(
            admin, woman, flat, start_date=START, agreement_type=agreement_type, **extra
        ),
    )


def notice(admin, licence, end_date, by="licensor", served_how="in_person", served_on=SERVED):
    return licences.give_notice(
        admin, licence, served_on=served_on, end_date=end_date, by=by, served_how=served_how
    )


def refused(field, call, *args, **kwargs):
    with pytest.raises(ValidationError) as error:
        call(*args, **kwargs)
    assert error.value.field == field, error.value.message
    return error.value.message


# Notice on a licence


def test_a_licence_needs_28_days_notice_whatever_an_old_setting_says(admin, home):
    licence = let(admin, home)
    # A database from before the rule may hold a shorter setting; the law's floor still holds.
    Setting.create(key=settings.NOTICE_KEY, value="7")
    assert settings.notice_days() == 28
    message = refused("end_date", notice, admin, licence, date(2025, 8, 11))  # a Monday, 10 days
    assert "at least 28 days" in message and "01/09/2025" in message
    assert Licence.get_by_id(licence.id).status == "active"


def test_our_notice_ends_on_the_licences_period_day_naming_the_nearest_lawful_dates(admin, home):
    licence = let(admin, home)
    message = refused("end_date", notice, admin, licence, date(2025, 9, 3))  # a Wednesday
    assert "Monday" in message and "01/09/2025" in message and "08/09/2025" in message
    # Just past the 28 days, the Monday before is too soon: only the next one is named.
    message = refused("end_date", notice, admin, licence, date(2025, 8, 30))  # a Saturday
    assert "01/09/2025" in message and "25/08/2025" not in message
    noticed = notice(admin, licence, date(2025, 9, 1))
    assert (noticed.status, noticed.end_date, noticed.notice_served_how) == (
        "notice",
        date(2025, 9, 1),
        "in_person",
    )


def test_how_our_notice_was_served_is_recorded(admin, home):
    licence = let(admin, home)
    refused("served_how", notice, admin, licence, date(2025, 9, 1), served_how="")
    refused("served_how", notice, admin, licence, date(2025, 9, 1), served_how="pigeon")
    assert notice(admin, licence, date(2025, 9, 1), served_how="left_at_flat").notice_served_how


def test_her_own_notice_is_recorded_as_she_gives_it(admin, home):
    licence = let(admin, home)
    noticed = notice(admin, licence, date(2025, 8, 13), by="licensee", served_how="")
    assert (noticed.notice_by, noticed.end_date) == ("licensee", date(2025, 8, 13))


def test_the_notice_setting_cannot_go_below_28_days(admin):
    assert "at least 28 days" in refused("days", settings.set_notice_days, admin, 27)
    refused("days", settings.set_notice_days, admin, "four weeks")
    assert settings.set_notice_days(admin, 28) == 28 and settings.notice_days() == 28


# An assured periodic tenancy


def test_our_notice_to_quit_a_tenancy_is_refused_and_hers_is_recorded(admin, home):
    tenancy = let(admin, home, agreement_type="assured_periodic")
    message = refused("by", notice, admin, tenancy, date(2025, 12, 1))
    assert "court order" in message and "ground" in message
    assert Licence.get_by_id(tenancy.id).status == "active"
    noticed = notice(admin, tenancy, date(2025, 10, 1), by="licensee", served_how="")
    assert (noticed.status, noticed.notice_by) == ("notice", "licensee")


def test_a_tenancy_is_ended_by_eviction_only_with_a_possession_order(admin, home):
    tenancy = let(admin, home, agreement_type="assured_periodic")
    refused(
        "possession_order_on",
        licences.end_licence,
        admin,
        tenancy,
        end_date=date(2025, 11, 3),
        reason="evicted",
    )
    ended = licences.end_licence(
        admin,
        tenancy,
        end_date=date(2025, 11, 3),
        reason="evicted",
        possession_order_on=date(2025, 10, 20),
    )
    assert (ended.status, ended.possession_order_on) == ("ended", date(2025, 10, 20))


# An excluded licence


def test_an_excluded_licence_is_refused_on_a_self_contained_flat(admin, home):
    woman = factories.ready_woman(admin)
    message = refused(
        "agreement_type",
        licences.create_licence,
        admin,
        woman,
        home,
        start_date=START,
        agreement_type="excluded_licence",
        excluded_category="shared_with_licensor",
    )
    assert "self-contained" in message and "court order" in message
    assert Licence.select().count() == 0


def test_an_excluded_licence_needs_a_category_the_law_allows(admin, partner):
    bare = factories.certified_flat(admin, partner, reference="SH-01", self_contained=False)
    woman = factories.ready_woman(admin)
    for category in ("", "friendly_landlord"):
        refused(
            "agreement_type",
            licences.create_licence,
            admin,
            woman,
            bare,
            start_date=START,
            agreement_type="excluded_licence",
            excluded_category=category,
        )
    assert tenure.allowed_types(bare) == ["licence", "assured_periodic"]
    refused(
        "agreement_type",
        licences.create_licence,
        admin,
        woman,
        bare,
        start_date=START,
        excluded_category="public_sector_hostel",
    )  # a category belongs to an excluded licence only


def test_an_excluded_licence_on_a_shared_flat_takes_reasonable_notice(admin, shared):
    assert "excluded_licence" in tenure.allowed_types(shared)
    licence = let(admin, shared, agreement_type="excluded_licence")
    assert licence.excluded_category == "public_sector_hostel"
    noticed = notice(admin, licence, date(2025, 8, 8))  # seven days, a Friday
    assert noticed.end_date == date(2025, 8, 8)
    # No court order is needed to end it, but our notice must be on record.
    ended = licences.end_licence(admin, noticed, end_date=date(2025, 8, 8), reason="evicted")
    assert (ended.status, ended.possession_order_on) == ("ended", None)


def test_a_flat_let_on_a_live_excluded_licence_stays_shared_until_it_ends(admin, shared):
    from housing_desk.data.models import Flat
    from housing_desk.services import flats

    licence = let(admin, shared, agreement_type="excluded_licence")
    message = refused(
        "self_contained",
        flats.update_flat,
        admin,
        shared,
        self_contained=True,
        excluded_category="",
    )
    assert "excluded licence" in message and "once that licence has ended" in message
    refused("excluded_category", flats.update_flat, admin, shared, excluded_category="")
    stored = Flat.get_by_id(shared.id)
    assert (stored.self_contained, stored.excluded_category) == (False, "public_sector_hostel")
    # Another category, or any other change, is still made while she lives there.
    flats.update_flat(admin, stored, excluded_category="interim_homelessness_accommodation")
    # Once her licence has ended, the flat can be made self-contained.
    ended_on = date(2025, 8, 8)
    licences.end_licence(
        admin, notice(admin, licence, ended_on), end_date=ended_on, reason="planned_move_on"
    )
    changed = flats.update_flat(
        admin, Flat.get_by_id(shared.id), self_contained=True, excluded_category=""
    )
    assert (changed.self_contained, changed.excluded_category) == (True, "")


def test_a_flat_let_on_a_licence_can_be_made_self_contained(admin, partner):
    from housing_desk.services import flats

    hostel = factories.certified_flat(
        admin,
        partner,
        reference="HOS-02",
        self_contained=False,
        excluded_category="public_sector_hostel",
    )
    let(admin, hostel)  # an ordinary licence: self-contained or not, it fits
    changed = flats.update_flat(admin, hostel, self_contained=True, excluded_category="")
    assert changed.self_contained


def test_a_flats_excluded_category_needs_shared_facilities(admin, partner, home):
    from housing_desk.services import flats

    refused(
        "excluded_category",
        factories.flat,
        admin,
        partner,
        reference="NHT-09",
        excluded_category="public_sector_hostel",
    )
    refused("excluded_category", flats.update_flat, admin, home, excluded_category="shared_house")
    refused(
        "excluded_category",
        flats.update_flat,
        admin,
        home,
        excluded_category="interim_homelessness_accommodation",
    )
    changed = flats.update_flat(
        admin,
        home,
        self_contained=False,
        excluded_category="interim_homelessness_accommodation",
    )
    assert (changed.self_contained, changed.excluded_category) == (
        False,
        "interim_homelessness_accommodation",
    )


# Evictions and abandonment


def test_an_eviction_needs_our_notice_and_a_possession_order(admin, home):
    licence = let(admin, home)
    message = refused(
        "reason", licences.end_licence, admin, licence, end_date=date(2025, 9, 1), reason="evicted"
    )
    assert "notice" in message
    notice(admin, licence, date(2025, 9, 1))
    message = refused(
        "possession_order_on",
        licences.end_licence,
        admin,
        licence,
        end_date=date(2025, 10, 6),
        reason="evicted",
    )
    assert "court" in message and "criminal offence" in message
    refused(
        "possession_order_on",
        licences.end_licence,
        admin,
        licence,
        end_date=date(2025, 10, 6),
        reason="evicted",
        possession_order_on=date(2025, 10, 7),
    )
    ended = licences.end_licence(
        admin,
        licence,
        end_date=date(2025, 10, 6),
        reason="evicted",
        possession_order_on=date(2025, 9, 29),
    )
    assert (ended.end_reason, ended.possession_order_on) == ("evicted", date(2025, 9, 29))


def test_her_notice_is_not_enough_to_record_an_eviction(admin, home):
    licence = let(admin, home)
    notice(admin, licence, date(2025, 9, 1), by="licensee", served_how="")
    refused(
        "reason",
        licences.end_licence,
        admin,
        licence,
        end_date=date(2025, 9, 1),
        reason="evicted",
        possession_order_on=date(2025, 8, 20),
    )


def test_abandonment_needs_notice_on_record(admin, home):
    licence = let(admin, home)
    message = refused(
        "reason",
        licences.end_licence,
        admin,
        licence,
        end_date=date(2025, 6, 2),
        reason="abandoned",
    )
    assert "locks" in message
    notice(admin, licence, date(2025, 9, 1))
    ended = licences.end_licence(admin, licence, end_date=date(2025, 9, 1), reason="abandoned")
    assert ended.end_reason == "abandoned"


# Who can hold a licence


def test_a_girl_under_18_cannot_be_given_a_licence(admin, home):
    girl = factories.ready_woman(admin, date_of_birth=date(2007, 3, 4))
    message = refused(
        "person", licences.create_licence, admin, girl, home, start_date=date(2025, 3, 3)
    )
    assert "under 18" in message and "children's services" in message
    assert Licence.select().count() == 0
    # On her 18th birthday she can.
    assert licences.create_licence(admin, girl, home, start_date=date(2025, 3, 4)).id


def test_born_on_29_february_she_is_18_on_1_march(admin, home):
    woman = factories.ready_woman(admin, date_of_birth=date(2008, 2, 29))
    refused("person", licences.create_licence, admin, woman, home, start_date=date(2026, 2, 28))
    assert licences.create_licence(admin, woman, home, start_date=date(2026, 3, 1)).id


def test_a_manager_can_let_to_a_woman_not_assessed_ready_with_a_reason(admin, home):
    officer = factories.user(admin, "officer")
    manager = factories.user(admin, "manager")
    woman = factories.person(admin)
    factories.assess(admin, woman, on=date(2025, 1, 6), outcome="not_ready")
    message = refused("person", licences.create_licence, officer, woman, home, start_date=START)
    assert "manager" in message
    with pytest.raises(PermissionDenied):
        licences.create_licence(
            officer, woman, home, start_date=START, readiness_override="Housing First"
        )
    assert Licence.select().count() == 0
    licence = licences.create_licence(
        manager,
        woman,
        home,
        start_date=START,
        readiness_override="Housing First: a home first, support around her.",
    )
    assert licence.readiness_override.startswith("Housing First")
    from housing_desk.services import audit

    assert audit.events("licence", licence.id)[0].changes["readiness_override"] == "changed"


def test_a_woman_never_assessed_can_be_let_to_by_a_manager_with_a_reason(admin, home):
    manager = factories.user(admin, "manager")
    woman = factories.person(admin)
    refused("person", licences.create_licence, manager, woman, home, start_date=START)
    refused(
        "readiness_override",
        licences.create_licence,
        manager,
        woman,
        home,
        start_date=START,
        readiness_override="x" * 2001,
    )
    assert licences.create_licence(
        manager, woman, home, start_date=START, readiness_override="Rough sleeping; at risk."
    ).id


# Settings


def test_the_support_charge_payer_is_a_setting(admin):
    assert settings.support_charge_payer() == "service"
    assert settings.set_support_charge_payer(admin, "resident") == "resident"
    assert settings.support_charge_payer() == "resident"
    refused("payer", settings.set_support_charge_payer, admin, "council")
    officer = factories.user(admin, "officer")
    with pytest.raises(PermissionDenied):
        settings.set_support_charge_payer(officer, "service")


def test_a_tenancy_template_that_denies_a_tenancy_is_refused(admin, tmp_path):
    from housing_desk.documents import template

    wrong = tmp_path / "tenancy.txt"
    shipped = template.default_path("licence_agreement.txt").read_text(encoding="utf-8")
    wrong.write_text(
        shipped.replace("It is a licence, not a tenancy", "It does not give you a tenancy"),
        encoding="utf-8",
    )
    key = settings.TEMPLATE_KEYS["assured_periodic"]
    refused(key, settings.set_licence_template, admin, str(wrong), "assured_periodic")
    assert settings.licence_template_path("assured_periodic") == ""
    # The same file is a licence's wording, and is accepted for a licence.
    settings.set_licence_template(admin, str(wrong), "licence")
    assert settings.licence_template_path("licence") == str(wrong)
    assert settings.licence_template("assured_periodic").title == "Tenancy agreement"


def test_the_sign_up_checklist_has_what_sign_up_day_needs(admin, home):
    keys = [key for key, _label in licences.SIGNUP_CHECKLIST]
    for key in ("id_seen", "council_tax_utilities", "safety_plan", "privacy_notice"):
        assert key in keys
    licence = licences.create_licence(admin, factories.ready_woman(admin), home, start_date=START)
    assert len(licences.checklist(admin, licence)) == len(keys)


def test_the_nearest_period_day(admin):
    assert tenure.period_days_from(START, date(2025, 9, 1)) == date(2025, 9, 1)
    assert tenure.period_days_from(START, date(2025, 9, 2)) == date(2025, 9, 8)
    assert tenure.least_notice_days("excluded_licence") == 0
    assert tenure.least_notice_days("licence") == 28
    settings.set_notice_days(admin, 42)
    assert tenure.least_notice_days("licence") == 42


def test_saving_the_settings_together_keeps_the_28_day_floor_and_the_payer(admin):
    with pytest.raises(ValidationError) as error:
        settings.save_security(
            admin,
            idle_lock_minutes=10,
            retention_years=6,
            notice_days=14,
            support_charge_payer="resident",
        )
    assert error.value.field == settings.NOTICE_KEY
    assert (settings.notice_days(), settings.support_charge_payer()) == (28, "service")
    settings.save_security(
        admin,
        idle_lock_minutes=10,
        retention_years=6,
        notice_days=35,
        support_charge_payer="resident",
    )
    assert (settings.notice_days(), settings.support_charge_payer()) == (35, "resident")
    with pytest.raises(ValidationError) as error:
        settings.save_security(
            admin, idle_lock_minutes=10, retention_years=6, notice_days=35, support_charge_payer="x"
        )
    assert error.value.field == "payer"


def test_a_correction_cannot_turn_a_move_out_into_an_eviction_the_rules_refuse(admin, home):
    licence = let(admin, home)
    ended = licences.end_licence(admin, licence, end_date=date(2025, 6, 2), reason="left_unplanned")
    message = refused(
        "end_reason",
        licences.correct_licence,
        admin,
        ended,
        reason="Typed the wrong reason",
        end_reason="evicted",
    )
    assert "notice" in message
    refused(
        "end_reason",
        licences.correct_licence,
        admin,
        ended,
        reason="Typed the wrong reason",
        end_reason="abandoned",
    )
    assert Licence.get_by_id(ended.id).end_reason == "left_unplanned"
    assert (
        licences.correct_licence(
            admin, ended, reason="It was custody", end_reason="custody"
        ).end_reason
        == "custody"
    )
