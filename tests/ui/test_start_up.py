"""Start-up as she meets it: the sign-in dialog first, the main window prepared while she types,
and the window she gets on Enter hers and up to date."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from housing_desk import clock
from housing_desk.app import Startup
from housing_desk.config import Config
from housing_desk.data.database import own_connection
from housing_desk.services import incidents, permissions
from housing_desk.ui.board_page import BoardPage
from housing_desk.ui.main_window import ALL_PAGES
from tests import factories


@pytest.fixture
def starting(qtbot, admin):
    """A start as far as the sign-in dialog, with the main window prepared behind it."""
    app = QApplication.instance()
    quits = app.quitOnLastWindowClosed()
    startup = Startup(app, Config(database_url="sqlite://"), "here")
    startup.start()
    dialog = startup.first_window
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: startup.preparation.finished, timeout=20_000)
    prepared = startup.preparation.window
    qtbot.addWidget(prepared)
    # The side lists are read a turn after the rows.
    qtbot.waitUntil(lambda: prepared.board.ui.remindersList.count() > 0, timeout=20_000)
    yield startup
    if startup.window is not None and startup.window.idle_lock is not None:
        startup.window.idle_lock.stop()
    app.setQuitOnLastWindowClosed(quits)


def _sign_in(qtbot, startup, username):
    dialog = startup.first_window
    qtbot.keyClicks(dialog.ui.usernameEdit, username)
    qtbot.keyClicks(dialog.ui.passwordEdit, factories.PASSWORD)
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
    assert startup.window is not None
    return startup.window


def _references(board) -> list[str]:
    return [status.reference for status in board.model.rows()]


def _texts(widget) -> list[str]:
    return [widget.item(row).text() for row in range(widget.count())]


def test_nothing_is_shown_before_she_signs_in(flat, starting):
    prepared = starting.preparation.window
    assert not prepared.isVisible()
    handle = prepared.windowHandle()  # laid out where no screen is, and never on one
    assert handle is None or not handle.isVisible()
    assert prepared.user is None and prepared.board.actor is None
    assert prepared.ui.navigation.count() == 0 and prepared.menuBar().actions() == []


def test_the_prepared_board_is_shown_as_read_when_nothing_changed(qtbot, admin, flat, starting):
    prepared = starting.preparation.window
    rows = prepared.board.model.rows()
    assert _references(prepared.board) == ["NHT-01"]
    window = _sign_in(qtbot, starting, admin.username)
    assert window is prepared and window.isVisible()
    assert window.board.model.rows() == rows
    assert all(
        a is b for a, b in zip(window.board.model.rows(), rows, strict=True)
    )  # not read again


def test_the_board_shows_what_another_pc_wrote_after_it_was_read(qtbot, admin, partner, starting):
    prepared = starting.preparation.window
    assert _references(prepared.board) == []

    def another_pc():
        with own_connection():  # a connection of its own, as another PC has
            factories.flat(admin, partner, reference="NHT-07")

    writer = threading.Thread(target=another_pc)
    writer.start()
    writer.join()
    window = _sign_in(qtbot, starting, admin.username)
    assert window is prepared
    assert _references(window.board) == ["NHT-07"]


def test_a_board_read_yesterday_is_read_again_for_today(qtbot, admin, flat, starting):
    prepared = starting.preparation.window
    today = clock.today()
    clock.hold(today + timedelta(days=1))
    try:
        window = _sign_in(qtbot, starting, admin.username)
        assert window is prepared
        assert window.board.on() == today + timedelta(days=1)
        assert window.board._read_on == today + timedelta(days=1)
    finally:
        clock.hold(today)


@pytest.fixture
def confidential_incident(admin, partner):
    """A high-severity incident, not yet reviewed, about a woman who is not named beyond the team."""
    factories.flat(admin, partner)
    woman = factories.person(
        admin, given_name="Roxana", family_name="Dumitru", do_not_disclose=True
    )
    incidents.record_incident(
        admin,
        person=woman,
        occurred_on=clock.today(),
        kind="missing",
        severity="high",
        description="Left with a man she had said she was afraid of",
    )


def test_a_viewer_signing_in_gets_only_what_a_viewer_may_see(
    qtbot, admin, confidential_incident, starting
):
    viewer = factories.user(admin, "viewer")
    prepared = starting.preparation.window
    assert _texts(prepared.board.ui.incidentsList) == ["None waiting"]  # read for no one

    window = _sign_in(qtbot, starting, viewer.username)
    assert window is prepared and window.user.id == viewer.id
    board = window.board
    # The incidents the board lists are read for her, and read as a fresh board reads them.
    fresh = BoardPage(viewer)
    qtbot.addWidget(fresh)
    qtbot.waitUntil(lambda: fresh.ui.incidentsList.count() > 0)
    assert _texts(board.ui.incidentsList) == _texts(fresh.ui.incidentsList)
    (listed,) = _texts(board.ui.incidentsList)
    assert "Roxana" not in listed and "Dumitru" not in listed and "afraid" not in listed
    # Her pages, menus and the board's actions are a viewer's.
    allowed = [
        key for key, _label, _keys, _factory, need in ALL_PAGES if permissions.allowed(viewer, need)
    ]
    assert window._keys == allowed
    assert "users" not in window._keys and "audit" not in window._keys
    menus = {
        a.text(): a.isEnabled() for m in window.menuBar().actions() for a in m.menu().actions()
    }
    assert menus["&Back up…"] is False and menus["&New flat…"] is False
    board.ui.boardTable.selectRow(0)
    for name in ("matchButton", "moveInButton", "noticeButton", "moveOutButton"):
        assert not getattr(board.ui, name).isEnabled()


def test_enter_before_the_window_is_prepared_builds_it_then(qtbot, admin, flat):
    app = QApplication.instance()
    quits = app.quitOnLastWindowClosed()
    startup = Startup(app, Config(database_url="sqlite://"), "here")
    startup.start()
    qtbot.addWidget(startup.first_window)
    try:
        window = _sign_in(qtbot, startup, admin.username)  # before the dialog is even painted
        qtbot.addWidget(window)
        assert startup.preparation.stopped and startup.preparation.window is None
        assert window.user.id == admin.id and _references(window.board) == ["NHT-01"]
    finally:
        if startup.window is not None and startup.window.idle_lock is not None:
            startup.window.idle_lock.stop()
        app.setQuitOnLastWindowClosed(quits)


def test_enter_before_the_database_is_opened_opens_it_first(qtbot, db, admin, flat, tmp_path):
    from housing_desk.data.models import database as models_database
    from tests.databases import database_url_for

    app = QApplication.instance()
    quits = app.quitOnLastWindowClosed()
    url = database_url_for(tmp_path)
    startup = Startup(app, Config(database_url=url), "here")
    startup.sign_in_first(url)  # as the app starts: the dialog first, the database after its paint
    qtbot.addWidget(startup.first_window)
    try:
        assert startup.preparation.db is None
        window = _sign_in(qtbot, startup, admin.username)
        qtbot.addWidget(window)
        assert startup.preparation.db is not None
        assert window.user.id == admin.id and _references(window.board) == ["NHT-01"]
    finally:
        if startup.window is not None and startup.window.idle_lock is not None:
            startup.window.idle_lock.stop()
        startup.preparation.close_database()
        models_database.initialize(db)  # back to the test's own connection
        app.setQuitOnLastWindowClosed(quits)
