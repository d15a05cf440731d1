"""Paperwork from the window: preview, print, save, a batch with progress, the plan editor, settings."""

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from housing_desk.data.models import Document, Goal
from housing_desk.services import licences, paperwork, settings, support_plans
from housing_desk.services.errors import ValidationError
from housing_desk.ui import messages
from housing_desk.ui.main_window import MainWindow
from housing_desk.ui.pdf_preview import PdfPreviewDialog
from tests import factories


def a_licence(admin, partner, **details):
    factories.organisation(admin)
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin, given_name="Ayşe", family_name="Yılmaz", **details)
    factories.assess(admin, woman, on=date(2025, 1, 1), value=3, safety=2)
    return licences.create_licence(admin, woman, home, start_date=date(2025, 2, 1))


def pdf_printer(path):
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_preview_prints_and_saves(qtbot, admin, partner, tmp_path, monkeypatch):
    pdf = paperwork.licence_agreement(admin, a_licence(admin, partner))
    dialog = PdfPreviewDialog(pdf, "Licence agreement", "agreement.pdf")
    qtbot.addWidget(dialog)
    assert dialog.document.pageCount() == len(PdfReader(io.BytesIO(pdf)).pages)
    assert dialog.ui.pagesLabel.text().endswith("pages")
    printed = tmp_path / "printed.pdf"
    monkeypatch.setattr(messages, "choose_printer", lambda parent, pages=0: pdf_printer(printed))
    dialog.ui.printButton.click()
    assert len(PdfReader(str(printed)).pages) == dialog.document.pageCount()
    saved = tmp_path / "saved.pdf"
    monkeypatch.setattr(messages, "save_file_name", lambda *args: str(saved))
    dialog.ui.saveButton.click()
    assert saved.read_bytes() == pdf


def test_licences_page_prints_the_sign_up_pack_and_lists_it(qtbot, admin, partner, monkeypatch):
    licence = a_licence(admin, partner)
    shown = []
    monkeypatch.setattr(
        PdfPreviewDialog,
        "show_pdf",
        classmethod(lambda cls, parent, pdf, title, name, **_: shown.append((title, name, pdf))),
    )
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("licences")
    page.ui.licencesTable.selectRow(0)
    page.print_actions["pack"].trigger()
    ((title, name, pdf),) = shown
    assert (
        title.startswith("Sign-up pack LIC-") and name.endswith(".pdf") and pdf.startswith(b"%PDF")
    )
    assert page.documents.rowCount() == 1
    assert page.documents.row_at(0).kind == "signup_pack"
    assert Document.get().entity_id == licence.id


def test_batch_of_sign_up_packs_with_progress_saved_to_a_folder(
    qtbot, admin, partner, tmp_path, monkeypatch, shown_messages
):
    from housing_desk.ui import batch_print

    first = a_licence(admin, partner)
    other_flat = factories.certified_flat(admin, partner, reference="NHT-02")
    second_woman = factories.ready_woman(admin, given_name="Ana", family_name="Lopes")
    second = licences.create_licence(admin, second_woman, other_flat, start_date=date(2025, 3, 1))
    folders = []
    monkeypatch.setattr(
        messages, "choose_folder", lambda parent, title: folders.append(title) or str(tmp_path)
    )
    printed = []
    shown_messages.choose_answer = None  # Esc or Cancel: nothing printed, nothing saved
    making = batch_print.print_signup_packs(None, admin, [first.id, second.id], printed.append)
    qtbot.waitUntil(lambda: making.done, timeout=20_000)
    assert printed == [0] and folders == [] and list(tmp_path.glob("*.pdf")) == []
    shown_messages.choose_answer = "save"
    making = batch_print.print_signup_packs(None, admin, [first.id, second.id], printed.append)
    qtbot.waitUntil(lambda: making.done, timeout=20_000)
    assert printed == [0, 2]
    assert sorted(p.name for p in tmp_path.glob("signup-pack-*.pdf")) == [
        f"signup-pack-LIC-{first.id:06d}.pdf",
        f"signup-pack-LIC-{second.id:06d}.pdf",
    ]


def test_cancelling_a_batch_keeps_what_was_made(qtbot, admin, partner, monkeypatch):
    from housing_desk.ui import batch_print
    from housing_desk.ui.operations import Job

    first = a_licence(admin, partner)

    def cancel_once_one_is_made(job, done, total):
        if done >= 1:
            job.cancel()  # as the Cancel button does

    monkeypatch.setattr(Job, "progress", cancel_once_one_is_made)
    made = []
    making = batch_print.make_packs(None, admin, [first.id, first.id, first.id], made.extend)
    qtbot.waitUntil(lambda: making.done, timeout=20_000)
    assert len(made) == 1 and Document.select().count() == 1


def test_support_plan_editor(qtbot, qtmodeltester, admin, partner, shown_messages, monkeypatch):
    from housing_desk.ui.goal_dialog import GoalDialog
    from tests.ui.test_people_journey import drive

    licence = a_licence(admin, partner)
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("licences")
    page.ui.licencesTable.selectRow(0)
    panel = page.plan_panel
    assert "No support plan yet" in panel.ui.planSummary.text()
    panel.ui.newPlanButton.click()
    plan = support_plans.current_plan(admin, licence)
    assert panel.model.rowCount() == 1 and panel.model.goals[0].domain == "safety"
    need = panel.model.index(0, 1)
    assert panel.model.flags(need) & Qt.ItemFlag.ItemIsEditable
    assert panel.model.setData(need, "Keep her address from her ex-partner")
    assert Goal.get().need == "Keep her address from her ex-partner"
    from housing_desk.ui.support_plan_panel import GOAL_FIELDS

    by = panel.model.index(0, GOAL_FIELDS.index("target_date"))
    assert not panel.model.setData(by, "31/13/2026")  # refused, and said so
    assert "date" in panel.ui.errorLabel.text()
    assert panel.model.setData(by, "31/12/2026") and Goal.get().target_date == date(2026, 12, 31)
    words = panel.model.index(0, GOAL_FIELDS.index("her_words"))
    assert panel.model.setData(words, "I want to feel safe at night")
    assert Goal.get().her_words == "I want to feel safe at night"

    def new_goal(dialog):
        dialog.ui.needEdit.setPlainText("Somewhere to keep her documents safe")

    drive(qtbot, GoalDialog, monkeypatch, new_goal)
    panel.ui.addGoalButton.click()
    assert panel.model.rowCount() == 2
    panel.ui.riskFromOthersEdit.setText("Panic alarm fitted")
    panel.ui.saveRisksButton.click()
    assert support_plans.get_plan(admin, plan.id).risk_from_others == "Panic alarm fitted"
    panel.ui.agreeButton.click()
    assert support_plans.get_plan(admin, plan.id).status == "agreed"
    assert not panel.model.flags(need) & Qt.ItemFlag.ItemIsEditable
    assert (
        panel.model.flags(panel.model.index(0, GOAL_FIELDS.index("status")))
        & Qt.ItemFlag.ItemIsEditable
    )  # status stays editable
    qtmodeltester.check(panel.model, force_py=True)


def test_settings_page_refuses_an_unknown_placeholder(qtbot, admin, tmp_path, monkeypatch):
    bad = tmp_path / "ours.txt"
    bad.write_text("version: 1\n## One\nDear {first_name}\n", encoding="utf-8")
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("settings")
    monkeypatch.setattr(messages, "open_file_name", lambda *args: str(bad))
    page.ui.chooseTemplateButton.click()
    assert "{first_name}" in page.errors.message_for(settings.TEMPLATE_KEY)
    assert settings.licence_template_path() == ""
    page.ui.nameEdit.setText("Nene Outreach Housing")
    page.ui.charityNumberEdit.setText("1187654")
    page.ui.saveOrganisationButton.click()
    assert settings.organisation().name == "Nene Outreach Housing"


def test_settings_page_keeps_the_notice_period(qtbot, admin, shown_messages):
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("settings")
    assert page.ui.noticeSpin.value() == 28
    page.ui.noticeSpin.setValue(56)
    page.ui.saveSecurityButton.click()
    assert settings.notice_days() == 56 and shown_messages.shown[-1][0] == "information"


def test_printing_refuses_until_the_organisation_is_named_and_has_an_address(admin, partner):
    licence = a_licence(admin, partner)
    settings.save_organisation(admin, name="Nene Outreach Housing", address="")
    for make in (paperwork.licence_agreement, paperwork.signup_pack):
        with pytest.raises(ValidationError) as refused:
            make(admin, licence)
        assert refused.value.field == "organisation"
        assert "address must be set before printing" in refused.value.message
        assert "Settings" in refused.value.message
    assert Document.select().count() == 0  # nothing recorded as printed
    factories.organisation(admin)
    assert paperwork.licence_agreement(admin, licence).startswith(b"%PDF")
    assert Document.select().count() == 1
