"""On an empty database every page says what belongs there and offers its first action."""

from housing_desk.ui.flat_dialog import FlatDialog
from housing_desk.ui.main_window import MainWindow
from housing_desk.ui.partner_dialog import PartnerDialog
from housing_desk.ui.person_dialog import PersonDialog
from tests import factories


def _window(qtbot, user):
    window = MainWindow(user)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    return window


def _opens(monkeypatch, cls):
    opened = []
    monkeypatch.setattr(cls, "ask", classmethod(lambda klass, parent, *a, **k: opened.append(a)))
    return opened


def test_each_empty_page_says_what_belongs_there_and_offers_the_first_action(
    qtbot, admin, monkeypatch
):
    window = _window(qtbot, admin)
    board = window.board
    assert board.empty.isVisible() and board.empty.label.text().startswith("No flats yet")
    flats_opened = _opens(monkeypatch, FlatDialog)
    (add_flat,) = board.empty.buttons
    add_flat.click()  # from the board, straight to the new flat on the Flats page
    assert window.current_page() is window.pages["flats"] and len(flats_opened) == 1
    flats_page = window.pages["flats"]
    assert flats_page.empty.isVisible()
    flats_page.empty.buttons[0].click()
    assert len(flats_opened) == 2

    partners_opened = _opens(monkeypatch, PartnerDialog)
    partners_page = window.show_page("partners")
    assert partners_page.empty.label.text().startswith("No partners yet")
    partners_page.empty.buttons[0].click()
    assert len(partners_opened) == 1

    people_opened = _opens(monkeypatch, PersonDialog)
    people_page = window.show_page("people")
    assert people_page.empty.isVisible()
    people_page.empty.buttons[0].click()
    assert len(people_opened) == 1  # cancelled there: no referral follows

    licences_page = window.show_page("licences")
    assert licences_page.empty.isVisible()
    licences_page.empty.buttons[0].click()
    assert window.current_page() is board

    referrals_page = window.show_page("referrals")
    assert "New referral" in referrals_page.ui.waitingSummary.text()
    assert not referrals_page.ui.newReferralButton.isHidden()
    window.grab().save("/tmp/t14_journey-empty-referrals.png")
    window.show_page("board")
    window.grab().save("/tmp/t14_journey-empty-board.png")


def test_the_note_goes_once_there_is_something_to_list(qtbot, admin, partner):
    window = _window(qtbot, admin)
    partners_page = window.show_page("partners")
    assert not partners_page.empty.isVisible()  # the partner of the fixture
    factories.flat(admin, partner)
    window.refresh()
    window.show_page("board").refresh()
    assert not window.board.empty.isVisible()
    people_page = window.show_page("people")
    qtbot.keyClicks(people_page.ui.filterEdit, "nobody")
    assert not people_page.empty.isVisible()  # a filter matching no one is not an empty list


def test_a_viewer_is_told_what_belongs_there_with_no_button_she_cannot_use(qtbot, admin):
    viewer = factories.user(admin, "viewer")
    window = _window(qtbot, viewer)
    assert window.board.empty.isVisible() and window.board.empty.buttons[0].isHidden()
    assert window.show_page("flats").empty.buttons == []
