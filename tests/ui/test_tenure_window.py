"""The agreement type's rules in the windows: notice, the notice to quit, move-out, flats,
certificates and settings."""

import os
from datetime import timedelta

import pytest

from housing_desk import clock
from housing_desk.data.models import Certificate, Document, Flat, Licence
from housing_desk.services import flats, licences, settings, tenure
from housing_desk.ui import dates
from housing_desk.ui.certificate_dialog import CertificateDialog
from housing_desk.ui.flat_dialog import FlatDialog
from housing_desk.ui.main_window import MainWindow
from housing_desk.ui.move_in_wizard import MoveInWizard
from housing_desk.ui.pdf_preview import PdfPreviewDialog
from housing_desk.ui.tenancy_dialogs import MoveOutDialog, NoticeDialog
from tests import factories

SHOTS = os.environ.get("HOUSING_DESK_SCREENSHOTS", "")


def shot(qtbot, widget, name):
    """Save what a window looks like (the main window at 1366×768, a dialog at the size it
    opens at) when asked to (HOUSING_DESK_SCREENSHOTS)."""
    if SHOTS:
        if isinstance(widget, MainWindow):
            widget.resize(1366, 768)
        widget.show()
        qtbot.waitExposed(widget)
        widget.grab().save(os.path.join(SHOTS, f"tenure-{name}.png"))


def save(qtbot, dialog):
    dialog.ok_button().click()
    qtbot.wait(10)


@pytest.fixture
def living(admin, partner):
    """A woman living in a certified flat on a licence that began 60 days ago."""
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin)
    start = clock.today() - timedelta(days=60)
    return factories.sign_up(admin, licences.create_licence(admin, woman, home, start_date=start))


def test_our_notice_needs_how_it_was_served_then_offers_the_notice_to_quit(
    qtbot, admin, living, monkeypatch
):
    factories.organisation(admin)  # her papers are refused until it is named
    shown = []
    monkeypatch.setattr(
        PdfPreviewDialog, "show_pdf", classmethod(lambda cls, *args: shown.append(args))
    )
    dialog = NoticeDialog(admin, living, "Ioana Popescu")
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.byCombo.setCurrentIndex(ui.byCombo.findData("licensor"))
    assert ui.printCheck.isVisibleTo(dialog) and ui.printCheck.isChecked()
    end = dates.get_date(ui.endEdit)  # the nearest lawful end date is offered
    assert end.weekday() == living.start_date.weekday()
    assert (end - clock.today()).days >= 28
    assert "court order" in ui.ruleLabel.text()
    shot(qtbot, dialog, "notice-dialog")
    save(qtbot, dialog)
    assert "served" in dialog.errors.message_for("served_how").lower()
    assert Licence.get_by_id(living.id).status == "active"
    ui.servedHowCombo.setCurrentIndex(ui.servedHowCombo.findData("in_person"))
    dates.set_date(ui.endEdit, end + timedelta(days=2))  # not her licence's weekday
    save(qtbot, dialog)
    assert "nearest lawful end dates" in dialog.errors.message_for("end_date")
    dates.set_date(ui.endEdit, end)
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    noticed = Licence.get_by_id(living.id)
    assert (noticed.status, noticed.notice_served_how, noticed.end_date) == (
        "notice",
        "in_person",
        end,
    )
    assert len(shown) == 1 and shown[0][1].startswith(b"%PDF")
    assert Document.select().where(Document.kind == "notice_to_quit").count() == 1


def test_a_tenancy_offers_only_her_own_notice(qtbot, admin, partner):
    home = factories.certified_flat(admin, partner)
    tenancy = factories.sign_up(
        admin,
        licences.create_licence(
            admin,
            factories.ready_woman(admin),
            home,
            start_date=clock.today() - timedelta(days=30),
            agreement_type="assured_periodic",
        ),
    )
    dialog = NoticeDialog(admin, tenancy, "Ioana Popescu")
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert [ui.byCombo.itemData(i) for i in range(ui.byCombo.count())] == ["licensee"]
    assert "no effect" in ui.ruleLabel.text() and not ui.printCheck.isVisibleTo(dialog)


def test_the_move_out_dialog_explains_an_eviction_and_takes_the_order_date(qtbot, admin, living):
    dialog = MoveOutDialog(admin, living, "Ioana Popescu")
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert not ui.orderEdit.isVisibleTo(dialog) and not ui.reasonHelpLabel.isVisibleTo(dialog)
    ui.reasonCombo.setCurrentIndex(ui.reasonCombo.findData("evicted"))
    assert ui.orderEdit.isVisibleTo(dialog) and "possession order" in ui.reasonHelpLabel.text()
    shot(qtbot, dialog, "move-out-dialog")
    save(qtbot, dialog)
    assert "notice" in dialog.errors.message_for("reason")
    assert Licence.get_by_id(living.id).status == "active"
    # With our notice on record and the court's order, the eviction is recorded.
    served = clock.today() - timedelta(days=45)
    licences.give_notice(
        admin,
        living,
        served_on=served,
        end_date=tenure.period_days_from(living.start_date, served + timedelta(days=28)),
        by="licensor",
        served_how="in_person",
    )
    dialog = MoveOutDialog(admin, Licence.get_by_id(living.id), "Ioana Popescu")
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.reasonCombo.setCurrentIndex(ui.reasonCombo.findData("evicted"))
    dates.set_date(ui.endEdit, clock.today())
    dates.set_date(ui.orderEdit, clock.today() - timedelta(days=7))
    ui.notesEdit.setPlainText("Keys not returned.")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    ended = Licence.get_by_id(living.id)
    assert (ended.end_reason, ended.possession_order_on) == (
        "evicted",
        clock.today() - timedelta(days=7),
    )


def test_the_move_in_wizard_offers_an_excluded_licence_only_where_it_fits(qtbot, admin, partner):
    home = factories.certified_flat(admin, partner)
    shared = factories.certified_flat(
        admin,
        partner,
        reference="HOS-01",
        self_contained=False,
        excluded_category="interim_homelessness_accommodation",
    )
    for flat, expected in (
        (home, ["licence", "assured_periodic"]),
        (shared, ["licence", "assured_periodic", "excluded_licence"]),
    ):
        wizard = MoveInWizard(admin, flat)
        qtbot.addWidget(wizard)
        combo = wizard.details.ui.agreementCombo
        assert [combo.itemData(i) for i in range(combo.count())] == expected


def test_the_flat_dialog_records_shared_facilities_and_the_category(qtbot, admin, partner):
    flat = factories.flat(admin, partner)
    dialog = FlatDialog(admin, flats.get_flat(flat.id))
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert ui.selfContainedCheck.isChecked() and not ui.excludedCombo.isEnabled()
    ui.selfContainedCheck.setChecked(False)
    assert ui.excludedCombo.isEnabled()
    ui.excludedCombo.setCurrentIndex(ui.excludedCombo.findData("shared_with_licensor"))
    shot(qtbot, dialog, "flat-dialog")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    saved = Flat.get_by_id(flat.id)
    assert (saved.self_contained, saved.excluded_category) == (False, "shared_with_licensor")


def test_the_certificate_dialog_records_an_unsatisfactory_result(qtbot, admin, flat):
    dialog = CertificateDialog(admin, flat)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("eicr"))
    assert ui.satisfactoryCheck.isChecked()
    ui.satisfactoryCheck.setChecked(False)
    shot(qtbot, dialog, "certificate-dialog")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    assert Certificate.get().satisfactory is False


def test_her_copy_of_a_check_is_ticked_on_the_flats_page(qtbot, admin, living):
    cert = flats.record_certificate(
        admin, living.flat, kind="gas_safety", issued_on=clock.today() - timedelta(days=2)
    )
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("flats")
    page.select_flat(living.flat_id)
    table = page.ui.certificatesTable
    for row in range(page.certificates_proxy.rowCount()):
        if page.certificates_proxy.source_row(page.certificates_proxy.index(row, 0)).id == cert.id:
            table.selectRow(row)
    assert page.ui.copyGivenButton.isEnabled()
    shot(qtbot, window, "flats-page")
    page.ui.copyGivenButton.click()
    qtbot.waitUntil(lambda: Certificate.get_by_id(cert.id).copy_given_on is not None)
    assert Certificate.get_by_id(cert.id).copy_given_on == clock.today()


def test_settings_choose_who_pays_the_support_charge_and_each_agreements_wording(
    qtbot, admin, shown_messages
):
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("settings")
    ui = page.ui
    assert ui.noticeSpin.minimum() == 28
    ui.supportPayerCombo.setCurrentIndex(ui.supportPayerCombo.findData("resident"))
    ui.saveSecurityButton.click()
    qtbot.waitUntil(lambda: settings.support_charge_payer() == "resident")
    ui.templateTypeCombo.setCurrentIndex(ui.templateTypeCombo.findData("assured_periodic"))
    assert "Tenancy agreement" in ui.templateStatus.text()
    shot(qtbot, window, "settings-page")


def test_a_manager_can_move_in_a_woman_not_assessed_ready_saying_why(qtbot, admin, partner):
    home = factories.certified_flat(admin, partner)
    woman = factories.person(admin)
    factories.assess(admin, woman, on=clock.today() - timedelta(days=5), outcome="not_ready")
    officer = factories.user(admin, "officer")
    wizard = MoveInWizard(officer, home, [(woman.id, "Ioana Popescu")])
    qtbot.addWidget(wizard)
    assert not wizard.details.ui.overrideEdit.isVisibleTo(wizard.details)
    manager = factories.user(admin, "manager")
    wizard = MoveInWizard(manager, home, [(woman.id, "Ioana Popescu")])
    qtbot.addWidget(wizard)
    wizard.show()
    details = wizard.details.ui
    wizard.next()
    assert wizard.currentId() == 0 and "manager" in wizard.details.errors.message_for("person")
    details.overrideEdit.setText("Housing First: rough sleeping, a home first.")
    wizard.next()
    assert wizard.currentId() == 1
    assert Licence.get().readiness_override.startswith("Housing First")


def test_the_flat_dialog_shows_why_a_flat_let_on_an_excluded_licence_stays_shared(
    qtbot, admin, partner
):
    hostel = factories.certified_flat(
        admin,
        partner,
        reference="HOS-01",
        self_contained=False,
        excluded_category="public_sector_hostel",
    )
    woman = factories.ready_woman(admin)
    factories.sign_up(
        admin,
        licences.create_licence(
            admin, woman, hostel, start_date=clock.today(), agreement_type="excluded_licence"
        ),
    )
    dialog = FlatDialog(admin, flats.get_flat(hostel.id))
    qtbot.addWidget(dialog)
    dialog.ui.selfContainedCheck.setChecked(True)
    dialog.ok_button().click()
    assert "excluded licence" in dialog.errors.message_for("self_contained")
    assert dialog.result() == 0
    shot(qtbot, dialog, "flat-dialog-excluded-live")
    assert not Flat.get_by_id(hostel.id).self_contained


def test_her_record_and_the_settings_say_she_has_no_recourse_to_public_funds(
    qtbot, admin, shown_messages
):
    from housing_desk.data.models import Person
    from housing_desk.ui.person_dialog import PersonDialog

    woman = factories.person(admin)
    dialog = PersonDialog(admin, woman)
    qtbot.addWidget(dialog)
    assert not dialog.ui.nrpfCheck.isChecked()
    dialog.ui.nrpfCheck.setChecked(True)
    shot(qtbot, dialog, "person-dialog-nrpf")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    assert Person.get_by_id(woman.id).no_recourse_to_public_funds
    from housing_desk.ui.person_panel import PersonPanel

    panel = PersonPanel(admin)
    qtbot.addWidget(panel)
    panel.show_person(woman.id)
    assert panel.ui.fundsValue.text().startswith("No recourse to public funds")
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("settings")
    combo = page.ui.nrpfRentCombo
    assert combo.currentData() == "service"
    combo.setCurrentIndex(combo.findData("resident"))
    page.ui.saveSecurityButton.click()
    qtbot.waitUntil(lambda: settings.nrpf_rent_payer() == "resident")
    shot(qtbot, window, "settings-page-nrpf")


def test_her_sign_up_asks_for_no_claim_when_she_has_no_recourse_to_public_funds(
    qtbot, admin, partner
):
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin, no_recourse_to_public_funds=True)
    licence = licences.create_licence(admin, woman, home, start_date=clock.today())
    wizard = MoveInWizard(admin, home, licence=licence)
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    qtbot.waitExposed(wizard)
    page = wizard.checklist
    assert "no recourse to public funds" in page.boxes["hb_claim"].text()
    assert page.hb_reference.isHidden()
    shot(qtbot, wizard, "sign-up-nrpf")
    for box in page.boxes.values():
        box.setChecked(True)
    wizard.next()  # no claim reference is asked for
    assert wizard.currentId() == 2
    stored = Licence.get_by_id(licence.id)
    assert (stored.hb_status, stored.hb_reference) == ("not_claimed", "")


@pytest.mark.parametrize("payer", ["service", "resident"])
def test_her_account_summary_speaks_of_no_claim_when_she_has_no_recourse(admin, partner, payer):
    from housing_desk.services import accounts
    from housing_desk.ui.account_panel import summary

    settings.set_nrpf_rent_payer(admin, payer)
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin, no_recourse_to_public_funds=True)
    start = clock.today() - timedelta(days=14)
    licence = licences.create_licence(admin, woman, home, start_date=start)
    accounts.post_charges(admin, up_to=clock.today())
    text = summary(admin, licence)
    assert "awaiting Housing Benefit" not in text and "Housing Benefit: Not claimed" not in text
    assert "She has no recourse to public funds, so no Housing Benefit" in text
    met = "met from our own funding" if payer == "service" else "paid by her"
    assert f"eligible service charge are {met}" in text
    claimant = factories.ready_woman(admin, given_name="Bea", family_name="Okoro")
    other = licences.create_licence(
        admin,
        claimant,
        factories.certified_flat(admin, partner, reference="NVT-09"),
        start_date=start,
    )
    assert "awaiting Housing Benefit" in summary(admin, other)
