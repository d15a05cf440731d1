"""The board and timeline with licences, notice, offers and the coming-free list."""

from datetime import date, timedelta

from housing_desk import clock
from housing_desk.services import availability, flats, licences, tenure
from tests import factories

TODAY = clock.today()


def test_occupied_notice_and_confidential_occupants(admin, partner):
    home = factories.certified_flat(admin, partner, reference="NHT-01")
    hidden_home = factories.certified_flat(admin, partner, reference="NHT-02")
    ana = factories.ready_woman(admin, given_name="Ana", family_name="Lopes")
    hodan = factories.ready_woman(
        admin, given_name="Hodan", family_name="Warsame", do_not_disclose=True
    )
    start = TODAY - timedelta(days=100)
    licence = factories.sign_up(admin, licences.create_licence(admin, ana, home, start_date=start))
    factories.sign_up(admin, licences.create_licence(admin, hodan, hidden_home, start_date=start))
    board = {s.reference: s for s in flats.availability(TODAY)}
    assert (board["NHT-01"].state, board["NHT-01"].since, board["NHT-01"].until) == (
        "occupied",
        start,
        None,
    )
    assert board["NHT-01"].occupant == "Ana Lopes"
    assert (board["NHT-02"].state, board["NHT-02"].occupant) == ("occupied", "")
    ends = TODAY + timedelta(days=20)
    licences.give_notice(
        admin, licence, served_on=TODAY - timedelta(days=8), end_date=ends, by="licensee"
    )
    status = {s.reference: s for s in flats.availability(TODAY)}["NHT-01"]
    assert (status.state, status.since, status.until) == ("notice", TODAY - timedelta(days=8), ends)
    after = {s.reference: s for s in flats.availability(ends)}["NHT-01"]
    assert (after.state, after.since, after.occupant) == ("available", ends, "")
    (coming,) = availability.coming_free(TODAY)
    assert (coming.reference, coming.free_from, coming.why) == ("NHT-01", ends, "notice ends")


def test_timeline_has_initials_and_nothing_for_confidential_women(admin, partner):
    home = factories.certified_flat(admin, partner, reference="NHT-01")
    hidden_home = factories.certified_flat(admin, partner, reference="NHT-02")
    ana = factories.ready_woman(admin, given_name="Ana", family_name="Lopes")
    hodan = factories.ready_woman(
        admin, given_name="Hodan", family_name="Warsame", do_not_disclose=True
    )
    first = factories.sign_up(
        admin, licences.create_licence(admin, ana, home, start_date=TODAY - timedelta(days=60))
    )
    licences.give_notice(
        admin,
        first,
        served_on=TODAY - timedelta(days=10),
        end_date=tenure.period_days_from(first.start_date, TODAY + timedelta(days=18)),
        by="licensor",
        served_how="in_person",
    )
    licences.create_licence(admin, hodan, hidden_home, start_date=TODAY - timedelta(days=5))
    rows = {
        r.reference: r
        for r in flats.timeline(TODAY - timedelta(days=90), TODAY + timedelta(days=180))
    }
    kinds = [(i.kind, i.label) for i in rows["NHT-01"].intervals]
    assert kinds == [("occupied", "AL"), ("notice", "AL")]
    assert [(i.kind, i.label) for i in rows["NHT-02"].intervals] == [("occupied", "")]


def test_the_board_still_takes_a_fixed_number_of_queries_with_history(
    admin, partner, db, monkeypatch
):
    counted = []
    original = db.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        counted.append(sql)
        return original(sql, params, *args, **kwargs)

    def board_queries():
        counted.clear()
        monkeypatch.setattr(db, "execute_sql", counting)
        flats.availability(TODAY)
        monkeypatch.setattr(db, "execute_sql", original)
        return len(counted)

    home = factories.certified_flat(admin, partner, reference="NHT-01")
    few = board_queries()
    for n in range(4):
        woman = factories.ready_woman(admin, given_name="Ana", family_name="Lopes" + "a" * n)
        start = date(2021, 1, 1) + timedelta(days=200 * n)
        licence = factories.sign_up(
            admin, licences.create_licence(admin, woman, home, start_date=start)
        )
        licences.end_licence(
            admin, licence, end_date=start + timedelta(days=150), reason="planned_move_on"
        )
        factories.certified_flat(admin, partner, reference=f"NHT-1{n}")
    assert board_queries() == few
