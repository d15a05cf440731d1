"""The print dialog of the availability report: the partners' copy unless the team's is ticked."""

import io
from datetime import date

from pypdf import PdfReader

from housing_desk.data.models import Document
from housing_desk.services import licences, settings
from housing_desk.ui.availability_report_dialog import AvailabilityReportDialog
from housing_desk.ui.main_window import MainWindow
from housing_desk.ui.pdf_preview import PdfPreviewDialog
from tests import factories


def text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_names_are_left_out_unless_the_team_copy_is_chosen(qtbot, admin, partner):
    factories.organisation(admin)
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin, given_name="Ana", family_name="Lopes")
    licences.create_licence(admin, woman, home, start_date=date(2026, 1, 5))
    dialog = AvailabilityReportDialog(admin, date(2026, 3, 1))
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save("/tmp/her-data-availability-dialog.png")
    assert not dialog.ui.namesCheck.isChecked()
    dialog.ok_button().click()
    assert "Lopes" not in text(dialog.result_value) and "NHT-01" in text(dialog.result_value)
    dialog = AvailabilityReportDialog(admin, date(2026, 3, 1))
    qtbot.addWidget(dialog)
    dialog.ui.namesCheck.setChecked(True)
    dialog.ok_button().click()
    assert "Ana Lopes" in text(dialog.result_value)


def test_the_report_is_refused_in_the_dialog_while_the_organisation_has_no_address(
    qtbot, admin, partner
):
    factories.certified_flat(admin, partner)
    settings.save_organisation(admin, name="Nene Outreach Housing")
    printed = Document.select().count()
    dialog = AvailabilityReportDialog(admin, date(2026, 3, 1))
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.ok_button().click()
    dialog.grab().save("/tmp/t14_follow-availability-refused.png")
    assert dialog.isVisible() and dialog.result_value is None
    said = dialog.ui.errorLabel.text()
    assert dialog.ui.errorLabel.isVisible()
    assert "address must be set before printing" in said and "Settings, under Organisation" in said
    assert Document.select().count() == printed
    factories.organisation(admin)
    dialog.ok_button().click()
    assert dialog.result_value.startswith(b"%PDF") and Document.select().count() == printed + 1


def test_the_main_window_asks_which_copy_then_previews_it(qtbot, admin, monkeypatch):
    window = MainWindow(admin)
    qtbot.addWidget(window)
    asked, shown = [], []
    monkeypatch.setattr(
        AvailabilityReportDialog,
        "ask",
        classmethod(lambda cls, parent, actor, on: asked.append(on) or b"%PDF-partners"),
    )
    monkeypatch.setattr(
        PdfPreviewDialog, "show_pdf", classmethod(lambda cls, parent, pdf, *a: shown.append(pdf))
    )
    window.availability_report()
    assert asked == [window.board.on()] and shown == [b"%PDF-partners"]
