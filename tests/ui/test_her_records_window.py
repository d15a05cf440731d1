"""Her records from the window: her request recorded, her copy shown with the banner, a warning
before it is saved, and her request marked answered."""

from datetime import date, timedelta

from housing_desk import clock
from housing_desk.data.models import SubjectAccessRequest
from housing_desk.services import audit, subject_access
from housing_desk.ui import messages
from housing_desk.ui.access_request_dialog import AccessRequestDialog
from housing_desk.ui.pdf_preview import PdfPreviewDialog
from housing_desk.ui.person_panel import PersonPanel
from tests import factories


def panel_for(qtbot, actor, woman):
    panel = PersonPanel(actor)
    qtbot.addWidget(panel)
    panel.show_person(woman.id)
    return panel


def test_recording_her_request_from_her_record(qtbot, admin, monkeypatch):
    woman = factories.person(admin, given_name="Ana", family_name="Lopes")
    panel = panel_for(qtbot, admin, woman)

    def ask(cls, parent, actor, person, name):
        dialog = cls(actor, person, name, parent=parent)
        qtbot.addWidget(dialog)
        dialog.resize(1366, 768)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.grab().save("/tmp/her-data-request-dialog.png")
        assert "Ana Lopes has asked" in dialog.ui.introLabel.text()
        dialog.ui.receivedEdit.setDate(clock.today() - timedelta(days=3))
        dialog.ui.notesEdit.setText("Asked at the drop-in")
        dialog.ok_button().click()
        return dialog.result_value

    monkeypatch.setattr(AccessRequestDialog, "ask", classmethod(ask))
    panel.resize(1366, 768)
    panel.show()
    qtbot.waitExposed(panel)
    panel.grab().save("/tmp/her-data-person-panel.png")
    panel.ui.requestButton.click()
    (request,) = SubjectAccessRequest.select()
    assert request.received_on == clock.today() - timedelta(days=3)


def test_her_copy_carries_the_banner_and_a_warning_before_it_is_saved(
    qtbot, admin, monkeypatch, tmp_path
):
    factories.organisation(admin)  # her papers are refused until it is named
    woman = factories.person(admin, given_name="Hodan", family_name="Warsame", do_not_disclose=True)
    subject_access.record_request(admin, woman, received_on=clock.today())
    panel = panel_for(qtbot, admin, woman)
    shown = {}

    def show(cls, parent, pdf, title, name, *, banner="", warning=""):
        dialog = cls(pdf, title, name, parent=parent, banner=banner, warning=warning)
        qtbot.addWidget(dialog)
        dialog.resize(1366, 768)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.grab().save("/tmp/her-data-export-preview.png")
        shown["banner"] = dialog.ui.bannerLabel.text()
        shown["visible"] = dialog.ui.bannerLabel.isVisible()
        asked = []
        saved = tmp_path / "hers.pdf"
        monkeypatch.setattr(messages, "save_file_name", lambda *a: str(saved))
        monkeypatch.setattr(messages, "confirm", lambda p, t, text, **k: asked.append(text))
        dialog.ui.saveButton.click()  # the warning is declined: nothing saved
        assert asked and "must go only to her" in asked[0] and not saved.exists()
        monkeypatch.setattr(messages, "confirm", lambda p, t, text, **k: True)
        dialog.ui.saveButton.click()
        assert saved.read_bytes() == pdf

    monkeypatch.setattr(PdfPreviewDialog, "show_pdf", classmethod(show))
    panel.ui.exportButton.click()
    assert shown == {"banner": "This has her address on it. Give it only to her.", "visible": True}
    # after the copy, her open request was offered to be marked answered (and confirm said yes)
    (request,) = subject_access.requests(person=woman)
    assert request.status == "answered"
    assert "export" in [e.action for e in audit.events("person", woman.id)]


def test_her_own_documents_show_the_banner_only_for_a_confidential_woman(qtbot, admin, partner):
    from housing_desk.services import licences, paperwork

    factories.organisation(admin)
    home = factories.certified_flat(admin, partner)
    hidden = factories.ready_woman(admin, do_not_disclose=True)
    licence = licences.create_licence(admin, hidden, home, start_date=date(2026, 1, 5))
    assert paperwork.address_banner(licence) == "This has her address on it. Give it only to her."
    plain = factories.person(admin, given_name="Ana", family_name="Lopes")
    assert paperwork.address_banner(plain) == ""
    dialog = PdfPreviewDialog(paperwork.licence_agreement(admin, licence), "Licence", "l.pdf")
    qtbot.addWidget(dialog)
    assert dialog.ui.bannerLabel.isHidden()


def test_the_settings_page_keeps_the_privacy_officer_and_retention_wording(
    qtbot, admin, shown_messages
):
    from housing_desk.services import privacy
    from housing_desk.ui.main_window import MainWindow

    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("settings")
    page.ui.privacyOfficerEdit.setText("Jo Bright, 01604 000111")
    page.ui.retentionWordingEdit.setPlainText("Kept for six years after you leave.")
    page.ui.savePrivacyButton.click()
    assert privacy.privacy_settings() == {
        "officer": "Jo Bright, 01604 000111",
        "retention": "Kept for six years after you leave.",
    }
    page.ui.privacyOfficerEdit.setText("x" * 501)
    page.ui.savePrivacyButton.click()
    assert "at most 500" in page.errors.message_for("officer")
    assert privacy.privacy_settings()["officer"] == "Jo Bright, 01604 000111"
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.grab().save("/tmp/her-data-settings.png")
