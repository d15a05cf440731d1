"""The board: states, since/until and compliance derived from dated intervals."""

from datetime import date

import pytest

from housing_desk import clock
from housing_desk.services import flats
from tests import factories

D = date(2026, 11, 25)


def status_of(flat, on=D):
    (status,) = [s for s in flats.availability(on) if s.flat_id == flat.id]
    return status


def test_a_new_flat_is_available_and_not_compliant(flat):
    status = status_of(flat)
    assert (status.state, status.since, status.until, status.occupant) == (
        "available",
        None,
        None,
        "",
    )
    assert status.compliance == "expired"
    assert "gas safety record" in status.compliance_notes


def test_certified_flat_is_compliant(admin, flat):
    factories.certify(admin, flat, D)
    assert (status_of(flat).compliance, status_of(flat).compliance_notes) == (
        "ok",
        "All certificates are current.",
    )


def test_unavailable_during_the_period_with_since_and_until(admin, flat):
    flats.mark_unavailable(
        admin, flat, start=date(2026, 11, 20), end=date(2026, 12, 4), reason="repairs"
    )
    before, first, last, after = (
        status_of(flat, d)
        for d in (date(2026, 11, 19), date(2026, 11, 20), date(2026, 12, 3), date(2026, 12, 4))
    )
    assert (before.state, before.until) == ("available", date(2026, 11, 20))
    assert (first.state, first.since, first.until) == (
        "unavailable",
        date(2026, 11, 20),
        date(2026, 12, 4),
    )
    assert last.state == "unavailable"
    assert (after.state, after.since, after.until) == ("available", date(2026, 12, 4), None)


def test_open_ended_unavailability_has_no_until(admin, flat):
    flats.mark_unavailable(admin, flat, start=date(2026, 11, 1), reason="void_works")
    status = status_of(flat)
    assert (status.state, status.since, status.until) == ("unavailable", date(2026, 11, 1), None)


def test_retired_flat_is_retired_whatever_its_intervals(admin, flat):
    flats.mark_unavailable(admin, flat, start=date(2026, 11, 1), reason="owner_use")
    flats.update_flat(admin, flat, retired=True)
    assert status_of(flat).state == "retired"


def test_every_flat_is_listed_in_reference_order(admin, partner):
    for ref in ("NHT-03", "CNC-01", "NHT-01"):
        factories.flat(admin, partner, reference=ref)
    assert [s.reference for s in flats.availability(D)] == ["CNC-01", "NHT-01", "NHT-03"]


def test_default_day_is_today(admin, flat):
    today = clock.today()
    flats.mark_unavailable(
        admin, flat, start=today, end=date.fromordinal(today.toordinal() + 1), reason="other"
    )
    assert status_of(flat, None).state == "unavailable"


class QueryCounter:
    def __init__(self, db):
        self.db, self.count = db, 0

    def __call__(self, sql, params=None, *args, **kwargs):
        self.count += 1
        return self.original(sql, params, *args, **kwargs)


@pytest.fixture
def count_queries(db, monkeypatch):
    counter = QueryCounter(db)
    counter.original = db.execute_sql
    monkeypatch.setattr(db, "execute_sql", counter)
    return counter


def test_the_board_takes_the_same_few_queries_for_any_number_of_flats(
    admin, partner, db, count_queries
):
    def queries_for_board():
        count_queries.count = 0
        flats.availability(D)
        return count_queries.count

    factories.flat(admin, partner, reference="A-1")
    few = queries_for_board()
    for n in range(2, 12):
        flat = factories.flat(admin, partner, reference=f"A-{n}")
        factories.certify(admin, flat, D)
        flats.mark_unavailable(
            admin, flat, start=date(2026, 1, n), end=date(2026, 2, n), reason="repairs"
        )
    assert queries_for_board() == few <= 10


def test_timeline_lists_intervals_touching_the_window(admin, partner, flat):
    flats.mark_unavailable(
        admin, flat, start=date(2026, 1, 1), end=date(2026, 2, 1), reason="repairs"
    )
    flats.mark_unavailable(
        admin, flat, start=date(2026, 11, 1), end=date(2026, 12, 1), reason="void_works"
    )
    factories.flat(admin, partner, reference="NHT-02")
    rows = flats.timeline(date(2026, 8, 1), date(2027, 6, 1))
    assert [r.reference for r in rows] == ["NHT-01", "NHT-02"]
    (interval,) = rows[0].intervals
    assert (interval.kind, interval.start, interval.end, interval.label) == (
        "unavailable",
        date(2026, 11, 1),
        date(2026, 12, 1),
        "void_works",
    )
    assert rows[1].intervals == ()
