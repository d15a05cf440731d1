"""The demo database has what a newcomer needs to see every kind of flat."""

from datetime import date

from housing_desk.services import audit, demo, flats


def test_demo_data_shows_every_situation(db):
    today = date(2026, 11, 25)
    data = demo.build(today)
    assert data.user.role == "admin"
    board = flats.availability(today)
    assert 8 <= len(board) <= 12
    partner_kinds = {p.kind for p in flats.list_partners()}
    assert {"housing_charity", "council"} <= partner_kinds
    compliance = {s.compliance for s in board}
    assert compliance == {"ok", "due_soon", "expired"}
    states = {s.state for s in board}
    assert {"available", "unavailable"} <= states
    repairs = [s for s in board if s.state == "unavailable" and s.until is not None]
    assert repairs, "a flat under repairs with a date it is back"
    assert all(e.actor == "demo" for e in audit.events("flat"))


def test_demo_women_are_at_every_stage(db):
    from housing_desk.services import people, waiting_list

    data = demo.build(date(2026, 11, 25))
    assert 25 <= data.people <= 40
    rows = people.list_people(data.user, include_archived=True)
    statuses = {r.status for r in rows}
    assert {"", "received", "assessing", "accepted", "declined", "withdrawn", "closed"} <= statuses
    assert 2 <= sum(r.do_not_disclose for r in rows) <= 6
    assert any(r.archived for r in rows)
    assert len(waiting_list.waiting_list(data.user)) >= 8
    assert any(not r.name.isascii() for r in rows)
