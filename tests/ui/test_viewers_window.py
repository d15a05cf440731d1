"""What a viewer sees: pages without empty bands, and "Hidden from viewers" where a field is kept
from her, never a blank that reads as if nothing were recorded."""

from datetime import timedelta

import pytest

from housing_desk import clock
from housing_desk.services import keywork, licences, tenancy_warnings
from housing_desk.ui import viewers
from housing_desk.ui.main_window import MainWindow
from tests import factories


@pytest.mark.parametrize("role", ["viewer", "officer", "admin"])
def test_no_page_has_an_empty_band_under_its_title(qtbot, admin, partner, role):
    factories.certified_flat(admin, partner)
    factories.person(admin, given_name="Ana", family_name="Lopes")
    user = admin if role == "admin" else factories.user(admin, role)
    window = MainWindow(user)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    for key in window._keys:
        page = window.show_page(key)
        qtbot.wait(1)
        header = page.ui.layout().itemAt(0)  # the title and the buttons beside it
        assert header.layout().indexOf(page.ui.titleLabel) == 0
        # the title row is as tall as it asks, whatever buttons the role hides beside it
        asked = header.sizeHint().height()
        assert header.geometry().height() <= asked, (key, header.geometry().height(), asked)


def _lived_in(admin, partner):
    flat = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin, given_name="Ana", family_name="Lopes")
    licence = licences.create_licence(
        admin, woman, flat, start_date=clock.today() - timedelta(days=30)
    )
    factories.sign_up(admin, licence)
    keywork.record_session(
        admin,
        licence,
        held_on=clock.today() - timedelta(days=3),
        summary="Talked about her sister's visits",
    )
    tenancy_warnings.issue_warning(
        admin,
        licence,
        stage="written",
        issued_on=clock.today() - timedelta(days=2),
        reason="Visitors after midnight",
    )
    return woman, licence


def _column(panel_model, title):
    column = next(i for i, c in enumerate(panel_model.columns) if c.title == title)
    return [panel_model.index(row, column).data() for row in range(panel_model.rowCount())]


def test_a_viewer_reads_hidden_where_the_team_reads_the_words(qtbot, admin, partner):
    woman, licence = _lived_in(admin, partner)
    viewer = factories.user(admin, "viewer")
    for user, summary, reason in (
        (viewer, viewers.HIDDEN, viewers.HIDDEN),
        (admin, "Talked about her sister's visits", "Visitors after midnight"),
    ):
        window = MainWindow(user)
        qtbot.addWidget(window)
        people = window.show_page("people")
        people.select_person(woman.id)
        panel = people.panel
        assert _column(panel.keywork.model, "What was talked about") == [summary]
        assert _column(panel.warnings.model, "Reason") == [reason]
        page = window.show_page("licences")
        page.select_licence(licence.id)
        assert _column(page.keywork_panel.model, "What was talked about") == [summary]
        assert _column(page.warnings_panel.model, "Reason") == [reason]


def test_staff_read_a_blank_as_blank(qtbot, admin):
    woman = factories.person(admin)
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("people")
    page.select_person(woman.id)
    assert page.panel.ui.safeContactValue.text().startswith("Not recorded")
