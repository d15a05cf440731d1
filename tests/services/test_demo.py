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
