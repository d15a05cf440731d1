"""The main window: the board first, pages built when opened, menus, and remembered geometry."""

from datetime import timedelta

from PySide6.QtCore import QSettings

from housing_desk import clock
from housing_desk.services import flats
from housing_desk.ui import dates
from housing_desk.ui.flat_dialog import FlatDialog
from housing_desk.ui.main_window import SETTINGS_APPLICATION, SETTINGS_ORGANISATION, MainWindow
from tests import factories


def menu(window, title):
    return next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == title)


def open_window(qtbot, user):
    window = MainWindow(user, location="File test.db")
    qtbot.addWidget(window)
    window.show()
    return window


def test_opens_on_the_board_with_every_flat(qtbot, admin, three_flats):
    window = open_window(qtbot, admin)
    assert window.current_page() is window.board
    assert list(window.pages) == ["board"]  # other pages wait until they are opened
    board = window.board
    assert board.model.rowCount() == 3
    states = {s.reference: s.state for s in board.model.rows()}
    assert states == {"NHT-01": "available", "NHT-02": "unavailable", "CNC-07": "available"}
    assert "3 flats: 2 available, 1 out of use" in board.ui.summaryLabel.text()
    assert (
        "Amara Okafor (Administrator)"
        in window.statusBar().findChildren(type(board.ui.summaryLabel))[0].text()
    )


def test_board_filter_and_date(qtbot, admin, three_flats):
    board = open_window(qtbot, admin).board
    qtbot.keyClicks(board.ui.filterEdit, "nht")
    assert board.proxy.rowCount() == 2
    board.ui.filterEdit.clear()
    dates.set_date(board.ui.onDateEdit, clock.today() - timedelta(days=1))
    states = {s.reference: s.state for s in board.model.rows()}
    assert states["NHT-02"] == "available"
    assert {s.reference: s.until for s in board.model.rows()}["NHT-02"] == clock.today()


def test_timeline_shows_intervals_and_today(qtbot, admin, three_flats):
    board = open_window(qtbot, admin).board
    rows = {row.label: row for row in board.timeline.rows}
    assert set(rows) == {"NHT-01", "NHT-02", "CNC-07"}
    (bar,) = rows["NHT-02"].bars
    assert (bar.kind, bar.start, bar.end, bar.text) == (
        "unavailable",
        clock.today(),
        None,
        "Repairs",
    )
    assert board.timeline.start <= clock.today() < board.timeline.end
    image = board.timeline.grab().toImage()
    assert not image.isNull() and image.height() >= 3 * 24


def test_navigation_builds_pages_once_and_refreshes_them(qtbot, admin, three_flats, partner):
    window = open_window(qtbot, admin)
    flats_page = window.show_page("flats")
    assert window.ui.navigation.currentItem().text() == "Flats"
    assert flats_page.model.rowCount() == 3
    factories.flat(admin, partner, reference="NHT-09")
    window.show_page("partners")
    assert window.show_page("flats") is flats_page
    assert flats_page.model.rowCount() == 4
    window.ui.navigation.setCurrentRow(0)
    assert window.current_page() is window.board
    assert window.board.model.rowCount() == 4


def test_double_clicking_a_flat_on_the_board_opens_it(qtbot, admin, three_flats):
    window = open_window(qtbot, admin)
    _first, second, _third = three_flats
    window.show_flat(second.id)
    page = window.pages["flats"]
    assert window.current_page() is page
    assert page.selected_flat().reference == "NHT-02"
    assert page.unavailable.rowCount() == 1
    assert page.certificates.rowCount() == 3


def test_new_flat_from_the_menu_goes_through_the_dialog(qtbot, admin, partner, monkeypatch):
    window = open_window(qtbot, admin)
    created = factories.flat(admin, partner, reference="NHT-05")
    monkeypatch.setattr(
        FlatDialog, "ask", classmethod(lambda cls, parent, actor, flat=None: created)
    )
    new_flat = next(a for a in menu(window, "Flats").actions() if a.text() == "&New flat…")
    new_flat.trigger()
    page = window.pages["flats"]
    assert page.selected_flat().reference == "NHT-05"


def test_viewers_see_no_editing_actions(qtbot, admin, three_flats):
    viewer = factories.user(admin, "viewer")
    window = open_window(qtbot, viewer)
    page = window.show_page("flats")
    assert page.ui.newButton.isHidden() and page.ui.editButton.isHidden()
    flats_menu = menu(window, "Flats")
    assert not any(a.isEnabled() for a in flats_menu.actions() if not a.isSeparator())


def test_window_geometry_is_remembered(qtbot, admin, flat):
    window = open_window(qtbot, admin)
    window.resize(window.minimumSizeHint().width(), 520)
    size = window.size()
    window.close()
    saved = QSettings(SETTINGS_ORGANISATION, SETTINGS_APPLICATION).value("main_window/geometry")
    assert saved is not None and not saved.isEmpty()
    again = open_window(qtbot, admin)
    assert again.size() == size


def test_flats_page_actions_use_the_selected_flat(qtbot, admin, three_flats, monkeypatch):
    from housing_desk.ui import flats_page as module

    window = open_window(qtbot, admin)
    page = window.show_page("flats")
    seen = []
    monkeypatch.setattr(
        module.CertificateDialog,
        "ask",
        classmethod(lambda cls, parent, actor, flat: seen.append(flat.reference)),
    )
    page.select_flat(three_flats[2].id)
    page.ui.addCertificateButton.click()
    assert seen == ["CNC-07"]
    assert flats.get_flat(three_flats[2].id).reference == "CNC-07"
