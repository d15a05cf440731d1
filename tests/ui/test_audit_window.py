"""The Audit log page reads in words: when, who, what happened and to which record."""

from decimal import Decimal

from PySide6.QtCore import Qt

from housing_desk.services import audit_log, audit_words, flats
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
    assert headings == ["When", "Who", "Record", "What"]
    rows = _cells(page)
    assert ["Flat NHT-05", "Changed the flat's weekly rent from £98.50 to £99.00"] in [
        row[2:] for row in rows
    ]
    assert ["Ana Lopes", "Created her record"] in [row[2:] for row in rows]
    assert [audit_log.CONFIDENTIAL, "Created her record"] in [row[2:] for row in rows]
    for when, who, record, what in rows:
        assert len(when) == len("01/12/2026 13:05") and when[2] == "/" and when[5] == "/"
        assert who in (admin.full_name, "Housing Desk")
        assert "{" not in what and "_" not in what
        assert "Dobos" not in record and "Maria" not in record


def test_the_audit_page_fits_a_laptop_and_offers_every_kind_of_record(qtbot, admin, partner):
    flat = factories.flat(admin, partner, reference="NHT-05")
    for rent in ("99.00", "101.25", "104.60"):
        flat = flats.update_flat(
            admin, flat, weekly_rent=Decimal(rent), notes="A long note " * 20, bedrooms=2
        )
    window = MainWindow(admin)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("audit")
    table = page.ui.eventsTable
    # the change in words is cut at the table's edge (its tooltip reads it whole): the page never
    # scrolls sideways, and every filter is inside the page
    assert table.horizontalHeader().length() <= table.viewport().width()
    for control in (page.ui.userCombo, page.ui.personEdit, page.ui.untilEdit, page.ui.searchButton):
        right = control.mapTo(page, control.rect().topRight()).x()
        assert right <= page.width(), control.objectName()
    offered = {page.ui.entityCombo.itemData(i) for i in range(page.ui.entityCombo.count())}
    assert offered - {None} == set(audit_words.RECORDS)
    labels = [page.ui.entityCombo.itemText(i) for i in range(1, page.ui.entityCombo.count())]
    assert "Flat" in labels and "Warning" in labels and "A woman's record" in labels
    assert all("_" not in label for label in labels)
