"""The Audit log page reads in words: when, who, what happened and to which record."""

from decimal import Decimal

from PySide6.QtCore import Qt

from housing_desk.services import audit_log, flats
from housing_desk.ui.main_window import MainWindow
from tests import factories


def _cells(page):
    model = page.ui.eventsTable.model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_the_audit_page_shows_events_in_words_and_hides_confidential_names(qtbot, admin, partner):
    flat = factories.flat(admin, partner, reference="NHT-05")
    flats.update_flat(admin, flat, weekly_rent=Decimal("99.00"))
    factories.person(admin, given_name="Ana", family_name="Lopes")
    factories.person(admin, given_name="Maria", family_name="Dobos", do_not_disclose=True)
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("audit")
    model = page.ui.eventsTable.model()
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headings == ["When", "Who", "What", "Record"]
    rows = _cells(page)
    assert ["Changed the flat's weekly rent from £98.50 to £99.00", "Flat NHT-05"] in [
        row[2:] for row in rows
    ]
    assert ["Created her record", "Ana Lopes"] in [row[2:] for row in rows]
    assert ["Created her record", audit_log.CONFIDENTIAL] in [row[2:] for row in rows]
    for when, who, what, record in rows:
        assert len(when) == len("01/12/2026 13:05") and when[2] == "/" and when[5] == "/"
        assert who in (admin.full_name, "Housing Desk")
        assert "{" not in what and "_" not in what
        assert "Dobos" not in record and "Maria" not in record
