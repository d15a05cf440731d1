"""The reports page: a quarter's figures in a few clicks, a chart per month, CSV and PDF exports."""

import csv
from datetime import date

from pypdf import PdfReader

from housing_desk import clock
from housing_desk.data.models import Document
from housing_desk.services import audit, licences, tenure
from housing_desk.ui import messages
from housing_desk.ui.main_window import MainWindow
from housing_desk.ui.reports_page import last_quarter
from tests import factories


def test_the_quarter_for_funders(qtbot, admin, partner, tmp_path, monkeypatch):
    home = factories.certified_flat(admin, partner, since=date(2025, 1, 1))
    hidden = factories.ready_woman(
        admin, given_name="Hodan", family_name="Warsame", do_not_disclose=True
    )
    licences.create_licence(admin, hidden, home, start_date=date(2025, 1, 10))
    factories.organisation(admin)
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("reports")
    first, last = last_quarter(clock.today())
    assert (first.day, (last.month % 3)) == (1, 0)
    occupancy = page.models["Occupancy"].rows()
    assert occupancy[-1][0] == "All flats" and occupancy[-1][-1] == "100.0%"
    assert len(page.chart.series()) == 1 and page.chart.series()[0].barSets()[0].count() == 3
    assert page.outcomes_chart.title() == "No stays ended in this period"
    assert "Occupancy 100.0%" in page.ui.summaryLabel.text()
    csv_path = tmp_path / "occupancy.csv"
    monkeypatch.setattr(messages, "save_file_name", lambda *args: str(csv_path))
    page.export_csv()
    with open(csv_path, newline="", encoding="utf-8") as file:
        read_back = list(csv.reader(file))
    assert read_back[0][0] == "Flat" and [tuple(r) for r in read_back[1:]] == occupancy
    assert audit.events("report")[-1].action == "export"
    pdf_path = tmp_path / "report.pdf"
    monkeypatch.setattr(messages, "save_file_name", lambda *args: str(pdf_path))
    page.export_pdf()
    text = " ".join(p.extract_text() for p in PdfReader(str(pdf_path)).pages)
    assert "Housing report" in text and "Hodan" not in text and "Warsame" not in text
    for path in (csv_path,):
        assert "Hodan" not in path.read_text(encoding="utf-8")


def test_the_pdf_is_refused_with_where_to_set_the_organisation_and_nothing_is_saved(
    qtbot, admin, partner, tmp_path, monkeypatch
):
    factories.certified_flat(admin, partner, since=date(2025, 1, 1))
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("reports")
    warned, asked = [], []
    monkeypatch.setattr(messages, "warning", lambda parent, title, text: warned.append(text))
    monkeypatch.setattr(messages, "save_file_name", lambda *args: asked.append(args) or "")
    printed = Document.select().count()
    page.export_pdf()
    assert warned == [
        "The organisation's name and address must be set before printing: set them in "
        "Settings, under Organisation."
    ]
    assert asked == [] and Document.select().count() == printed
    factories.organisation(admin)
    pdf_path = tmp_path / "report.pdf"
    monkeypatch.setattr(messages, "save_file_name", lambda *args: str(pdf_path))
    page.export_pdf()
    assert len(warned) == 1 and pdf_path.read_bytes().startswith(b"%PDF")


def test_reminders_on_the_board_open_their_record(qtbot, admin, partner):
    factories.flat(admin, partner, reference="NO-CERT")
    window = MainWindow(admin)
    qtbot.addWidget(window)
    reminders = window.board.ui.remindersList
    qtbot.waitUntil(lambda: reminders.count() > 0 and "NO-CERT" in reminders.item(0).text())
    window.board._open_reminder(reminders.item(0))
    assert window.current_page() is window.pages["flats"]
    assert window.pages["flats"].selected_flat().reference == "NO-CERT"


def test_the_outcomes_chart_ranks_how_stays_ended(qtbot, admin, partner):
    from datetime import timedelta

    from housing_desk.ui.reports_page import ReportsPage

    first, _last = last_quarter(clock.today())
    reasons = ("planned_move_on", "planned_move_on", "abandoned")
    for number, reason in enumerate(reasons, start=1):
        home = factories.certified_flat(
            admin, partner, reference=f"NHT-0{number}", since=date(2024, 1, 1)
        )
        woman = factories.ready_woman(
            admin, given_name="Ioana", family_name=f"Popescu{'a' * number}"
        )
        licence = factories.sign_up(
            admin,
            licences.create_licence(admin, woman, home, start_date=first - timedelta(days=60)),
        )
        if reason == "abandoned":  # only once notice is on record
            served = first - timedelta(days=50)
            licences.give_notice(
                admin,
                licence,
                served_on=served,
                end_date=tenure.period_days_from(licence.start_date, served + timedelta(days=28)),
                by="licensor",
                served_how="left_at_flat",
            )
        licences.end_licence(admin, licence, end_date=first + timedelta(days=number), reason=reason)
    page = ReportsPage(admin)
    qtbot.addWidget(page)
    series = page.outcomes_chart.series()[0]
    categories = page.outcomes_chart.axes()[0].categories()
    counts = [series.barSets()[0].at(i) for i in range(series.barSets()[0].count())]
    assert dict(zip(categories, counts, strict=False)) == {
        licences.END_REASONS["planned_move_on"]: 2,
        licences.END_REASONS["abandoned"]: 1,
    }
    assert categories[-1] == licences.END_REASONS["planned_move_on"]  # the most common at the top
    count_axis = page.outcomes_chart.axes()[1]
    # 0, 1, 2: whole stays; Qt's own "nice numbers" gave 0, 0.5, 1 … printed as 0 0 1 1 2
    assert (count_axis.min(), count_axis.max(), count_axis.tickCount()) == (0, 2, 3)
    assert not page.grab().isNull()


def test_the_page_states_the_empty_spells_and_counts_on_whole_numbers(qtbot, admin, partner):
    from housing_desk.ui import dates
    from housing_desk.ui.reports_page import whole_number_scale

    factories.certified_flat(admin, partner, reference="A-1", since=date(2025, 1, 1))
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("reports")
    dates.set_date(page.ui.fromEdit, date(2026, 1, 1))
    dates.set_date(page.ui.toEdit, date(2026, 3, 31))
    page.refresh()
    # one flat, never let in the quarter: 90 void nights in one spell of 90, not "0 nights"
    text = page.ui.summaryLabel.text()
    assert "90 void" in text and "1 empty spell averaging 90 nights" in text
    assert whole_number_scale(1) == (1, 2)  # ticks 0 and 1, not 0 0 0 0 1
    assert whole_number_scale(7) == (7, 8)
    assert whole_number_scale(23) == (25, 6)  # 0, 5, 10 … 25
    assert whole_number_scale(101) == (120, 7)
