"""Report figures against small datasets worked out by hand, including intervals across the edges."""

from datetime import date

import pytest

from housing_desk import clock
from housing_desk.services import allocations, flats, licences, referrals, reports
from housing_desk.services.errors import ValidationError
from tests import factories

Q_START, Q_END = date(2026, 1, 1), date(2026, 4, 1)  # the first quarter: 90 nights


@pytest.fixture
def quarter(admin, partner):
    """Flat A: let from 1 Dec (before the range) to 11 Jan = 10 nights in range; void 11 Jan to
    1 Feb (21 nights, with repairs 15-20 Jan = 5 nights); let again from 1 Feb, still open = 59 nights.
    Flat B: nothing at all: 90 void nights."""
    a = factories.certified_flat(admin, partner, reference="A-1", since=date(2025, 1, 1))
    factories.certified_flat(admin, partner, reference="B-1", since=date(2025, 1, 1))
    first = factories.ready_woman(
        admin, given_name="Ana", family_name="Lopes", assessed_on=date(2025, 1, 1)
    )
    licence = factories.sign_up(
        admin, licences.create_licence(admin, first, a, start_date=date(2025, 12, 1))
    )
    licences.end_licence(
        admin,
        licence,
        end_date=date(2026, 1, 11),
        reason="planned_move_on",
        destination="Council tenancy",
    )
    flats.mark_unavailable(
        admin, a, start=date(2026, 1, 15), end=date(2026, 1, 20), reason="repairs"
    )
    second = factories.person(admin, given_name="Bea", family_name="Nowak")
    referral = factories.accepted(admin, second, received_on=date(2025, 11, 1))
    offer = allocations.make_offer(admin, referral, a, offered_on=date(2026, 1, 20))
    allocations.respond(admin, offer, accepted=True, responded_on=date(2026, 1, 22))
    licences.create_licence(admin, second, a, start_date=date(2026, 2, 1))
    return a


def test_occupancy_exact_to_the_night(quarter):
    rows = {r.reference: r for r in reports.occupancy(Q_START, Q_END)}
    a = rows["A-1"]
    assert (a.nights, a.occupied_nights, a.unavailable_nights, a.void_nights) == (90, 69, 5, 16)
    assert a.rate == pytest.approx(69 / 90)
    b = rows["B-1"]
    assert (b.occupied_nights, b.void_nights, b.rate) == (0, 90, 0.0)
    total = rows[reports.ALL_FLATS]
    assert (total.nights, total.occupied_nights, total.unavailable_nights, total.void_nights) == (
        180,
        69,
        5,
        106,
    )


def test_months_agree_with_the_occupancy_of_each_month(quarter):
    months = reports.occupancy_by_month(Q_START, Q_END)
    assert [m for m, _rate in months] == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    for (first, rate), following in zip(
        months, (date(2026, 2, 1), date(2026, 3, 1), Q_END), strict=False
    ):
        assert rate == pytest.approx(reports.occupancy(first, following)[-1].rate)


def test_a_range_inside_one_let(quarter):
    (a, _b, _total) = reports.occupancy(date(2026, 2, 10), date(2026, 2, 20))
    assert (a.nights, a.occupied_nights, a.rate) == (10, 10, 1.0)


def test_voids_stays_outcomes_and_waits(quarter):
    never_let, between = reports.voids(Q_START, Q_END)  # in order of their first night
    assert (between.reference, between.start, between.end, between.nights, between.reason) == (
        "A-1",
        date(2026, 1, 11),
        date(2026, 2, 1),
        21,
        "repairs",
    )
    # B-1 was not let at all: the whole quarter is one empty spell, not nothing
    assert (never_let.reference, never_let.start, never_let.end, never_let.nights) == (
        "B-1",
        Q_START,
        Q_END,
        90,
    )
    (stay,) = reports.stays(Q_START, Q_END)
    assert (stay.nights, stay.reason, stay.destination) == (
        41,
        "Planned move-on",
        "Council tenancy",
    )
    assert reports.outcomes(Q_START, Q_END)["reason"] == {"Planned move-on": 1}
    assert reports.referral_to_move_in(Q_START, Q_END) == [
        (date(2026, 2, 1) - date(2025, 11, 1)).days
    ]


def test_waiting_list_over_time_and_refusals(admin, quarter):
    assert reports.waiting_list_over_time(Q_START, Q_END) == [
        (date(2026, 1, 1), 1),
        (date(2026, 2, 1), 0),
        (date(2026, 3, 1), 0),
    ]
    woman = factories.person(admin, given_name="Cara", family_name="Test")
    referral = factories.accepted(admin, woman, received_on=date(2025, 12, 1))
    b = flats.list_flats()[1]
    offer = allocations.make_offer(admin, referral, b, offered_on=date(2026, 3, 1))
    allocations.respond(admin, offer, accepted=False, reason="area", responded_on=date(2026, 3, 3))
    assert reports.refusals(Q_START, Q_END) == {"The area": 1}


def test_bad_ranges_are_refused():
    with pytest.raises(ValidationError) as error:
        reports.occupancy(Q_END, Q_START)
    assert error.value.field == "end"


def test_summary_needs_a_manager(admin, quarter):
    from housing_desk.services.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        reports.summary(factories.user(admin, "officer"), Q_START, Q_END)
    figures = reports.summary(admin, Q_START, Q_END)
    # by hand: empty spells of 21 (A-1, between its lets) and 90 nights (B-1, never let)
    assert figures["average_void"] == (21 + 90) / 2 and figures["average_stay"] == 41
    assert reports.void_words(figures) == "2 empty spells averaging 56 nights"
    assert referrals.STATUS_LABELS["accepted"]


def test_reminders_of_what_is_due(admin, partner):
    from datetime import timedelta

    from housing_desk.services import reminders, support_plans

    today = clock.today()
    home = factories.certified_flat(
        admin, partner, reference="R-1", since=today - timedelta(days=400)
    )
    flats.record_certificate(
        admin, home, kind="pat", issued_on=today - timedelta(days=340)
    )  # due in 25 days
    hidden = factories.ready_woman(
        admin,
        given_name="Hodan",
        family_name="Warsame",
        do_not_disclose=True,
        assessed_on=today - timedelta(days=200),
    )
    licence = factories.sign_up(
        admin, licences.create_licence(admin, hidden, home, start_date=today - timedelta(days=150))
    )
    support_plans.create_plan(admin, licence, start_date=today - timedelta(days=140))
    licences.give_notice(
        admin,
        licence,
        served_on=today - timedelta(days=20),
        end_date=today + timedelta(days=8),
        by="licensee",
    )
    found = reminders.due(today)
    kinds = {r.kind for r in found}
    assert {"certificate", "review", "reassessment", "notice", "housing_benefit"} <= kinds
    assert all("Hodan" not in r.text and "Warsame" not in r.text for r in found)
    assert found[0].overdue


def test_empty_spells_agree_with_the_void_and_out_of_use_nights(quarter):
    """Every night not let is in exactly one empty spell: its void nights plus its nights out of
    use (A-1: 16 void + 5 repairs = 21; B-1: 90), before, between and after lets."""
    total = reports.occupancy(Q_START, Q_END)[-1]
    spells = reports.voids(Q_START, Q_END)
    assert sum(v.nights for v in spells) == total.void_nights + total.unavailable_nights == 111
    # a range that begins inside the first let and ends inside the second: one spell between
    (_b, spell) = reports.voids(date(2026, 1, 5), date(2026, 2, 10))
    assert (spell.start, spell.end) == (date(2026, 1, 11), date(2026, 2, 1))
    # a range after the move-out and before the next move-in: the flat is empty throughout
    (inside, _b) = reports.voids(date(2026, 1, 12), date(2026, 1, 14))  # A-1, B-1
    assert (inside.start, inside.end, inside.nights) == (date(2026, 1, 12), date(2026, 1, 14), 2)
