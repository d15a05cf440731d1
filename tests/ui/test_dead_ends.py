"""Each step leads to the next: no flat that cannot be let looks free, and an offer can be taken
back from the board and from her record."""

from datetime import timedelta

from housing_desk import clock
from housing_desk.data.models import Offer
from housing_desk.services import allocations, flats, licences
from housing_desk.ui.main_window import MainWindow
from housing_desk.ui.withdraw_offer_dialog import WithdrawOfferDialog
from tests import factories
from tests.ui.test_people_journey import drive

TODAY = clock.today()


def select(board, reference):
    board.select_flat(next(s.flat_id for s in board.model.rows() if s.reference == reference))


def board_text(board, reference, column=1):
    row = next(i for i, s in enumerate(board.model.rows()) if s.reference == reference)
    return board.model.index(row, column).data()


def test_a_free_flat_whose_gas_safety_lapsed_says_it_cannot_be_let(qtbot, admin, partner):
    lapsed = factories.flat(admin, partner, reference="NVT-02")
    issued = TODAY - timedelta(days=400)
    for kind in ("eicr", "epc"):
        flats.record_certificate(admin, lapsed, kind=kind, issued_on=TODAY - timedelta(days=30))
    flats.record_certificate(admin, lapsed, kind="gas_safety", issued_on=issued)
    factories.certified_flat(admin, partner, reference="NVT-03")
    window = MainWindow(admin)
    qtbot.addWidget(window)
    board = window.board
    assert board_text(board, "NVT-02") == "Available — cannot be let (gas safety expired)"
    assert board_text(board, "NVT-03") == "Available"
    woman = factories.person(admin)
    factories.accepted(admin, woman)
    select(board, "NVT-02")
    assert not board.ui.matchButton.isEnabled() and not board.ui.moveInButton.isEnabled()
    select(board, "NVT-03")
    assert board.ui.matchButton.isEnabled() and board.ui.moveInButton.isEnabled()


def test_no_epc_on_file_is_named_too(qtbot, admin, partner):
    bare = factories.flat(admin, partner, reference="CNC-07", has_gas=False)
    flats.record_certificate(admin, bare, kind="eicr", issued_on=TODAY - timedelta(days=30))
    window = MainWindow(admin)
    qtbot.addWidget(window)
    assert board_text(window.board, "CNC-07") == "Available — cannot be let (no EPC on file)"


def an_offer(admin, partner):
    home = factories.certified_flat(admin, partner, reference="NVT-05")
    woman = factories.person(admin, given_name="Chiamaka", family_name="Eze", preferred_name="Chi")
    referral = factories.accepted(admin, woman)
    offer = allocations.make_offer(admin, referral, home, offered_on=TODAY - timedelta(days=20))
    return home, woman, offer


def test_an_offer_is_withdrawn_from_the_board_with_a_reason(qtbot, admin, partner, monkeypatch):
    _home, woman, _offer = an_offer(admin, partner)
    window = MainWindow(admin)
    qtbot.addWidget(window)
    board = window.board
    select(board, "NVT-05")
    assert board.ui.withdrawButton.isEnabled() and not board.ui.matchButton.isEnabled()

    def fill(dialog):
        assert "Chi Eze" in dialog.ui.introLabel.text()
        dialog.ui.reasonEdit.setPlainText("No answer after two visits and three calls.")
        dialog.ui.howCombo.setCurrentIndex(dialog.ui.howCombo.findData(True))

    drive(qtbot, WithdrawOfferDialog, monkeypatch, fill)
    board.ui.withdrawButton.click()
    offer = Offer.get()
    assert (offer.status, offer.notes) == ("expired", "No answer after two visits and three calls.")
    select(board, "NVT-05")
    assert board_text(board, "NVT-05") == "Available"
    assert board.ui.matchButton.isEnabled() and not board.ui.withdrawButton.isEnabled()
    assert allocations.candidates(offer.flat)[0].person_id == woman.id  # still waiting


def test_an_offer_is_withdrawn_from_her_record(qtbot, admin, partner, monkeypatch):
    _home, woman, _offer = an_offer(admin, partner)
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("people")
    page.select_person(woman.id)
    panel = page.panel
    assert "Offered flat NVT-05" in panel.ui.homeLabel.text()
    assert not panel.ui.withdrawOfferButton.isHidden()

    def fill(dialog):
        dialog.ui.reasonEdit.setPlainText("She has found a place with her sister.")

    drive(qtbot, WithdrawOfferDialog, monkeypatch, fill)
    panel.ui.withdrawOfferButton.click()
    assert Offer.get().status == "withdrawn"
    assert panel.ui.withdrawOfferButton.isHidden()
    assert panel.ui.homeLabel.text() == "No flat with us."


def test_her_page_says_where_she_lives_now(qtbot, admin, partner):
    home = factories.certified_flat(admin, partner, reference="NVT-01")
    woman = factories.ready_woman(admin)
    start = TODAY - timedelta(days=30)
    factories.sign_up(admin, licences.create_licence(admin, woman, home, start_date=start))
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("people")
    page.select_person(woman.id)
    text = page.panel.ui.homeLabel.text()
    assert text.startswith("Lives in flat NVT-01, Flat 2, 14 Derngate, Northampton, NN1 1TU")
    assert f"since {start:%d/%m/%Y}" in text


def test_an_officer_is_told_that_a_manager_decides(qtbot, admin):
    officer = factories.user(admin, "officer")
    woman = factories.person(admin)
    from housing_desk.services import referrals

    referrals.create_referral(admin, woman, received_on=TODAY, source="self")
    for user, hinted in ((officer, True), (admin, False)):
        window = MainWindow(user)
        qtbot.addWidget(window)
        page = window.show_page("people")
        page.select_person(woman.id)
        summary = page.panel.ui.statusSummary.text()
        assert ("A manager decides referrals" in summary) is hinted


def test_the_wizard_prints_what_she_signs_and_leads_to_her_support_plan(
    qtbot, admin, partner, monkeypatch, shown_messages
):
    from housing_desk.data.models import Document, SupportPlan
    from housing_desk.ui.move_in_wizard import MoveInWizard
    from housing_desk.ui.pdf_preview import PdfPreviewDialog

    factories.organisation(admin)
    factories.certified_flat(admin, partner, reference="NVT-05")
    woman = factories.ready_woman(admin, given_name="Chiamaka", family_name="Eze")
    factories.accepted(admin, woman)
    shown = []
    monkeypatch.setattr(
        PdfPreviewDialog,
        "show_pdf",
        classmethod(lambda cls, parent, pdf, title, name, **_kw: shown.append(title)),
    )
    window = MainWindow(admin)
    qtbot.addWidget(window)
    board = window.board
    select(board, "NVT-05")

    def run(cls, parent, actor, flat, people=(), licence=None):
        wizard = cls(actor, flat, people, licence, parent=parent)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.next()  # the licence is made
        page = wizard.checklist
        page.paper_buttons["agreement"].click()
        page.paper_buttons["pack"].click()
        for box in page.boxes.values():
            box.setChecked(True)
        page.hb_reference.setText("HB/77881")
        wizard.next()
        wizard.accept()
        return wizard

    monkeypatch.setattr(MoveInWizard, "run", classmethod(run))
    shown_messages.confirm_answer = True  # "Start her support plan"
    board.ui.moveInButton.click()
    assert [t.split(" LIC-")[0] for t in shown] == ["Licence agreement", "Sign-up pack"]
    assert sorted(d.kind for d in Document.select()) == ["licence_agreement", "signup_pack"]
    plan = SupportPlan.get()
    assert plan.licence.person_id == woman.id and plan.licence.status == "active"
    page = window.current_page()
    assert page is window.pages["licences"]
    assert page.ui.detailTabs.currentWidget() is page.ui.planTab
    assert page.selected().id == plan.licence_id


def test_a_new_flat_with_no_partner_yet_offers_to_add_one(qtbot, admin, monkeypatch):
    from housing_desk.ui.flat_dialog import FlatDialog
    from housing_desk.ui.partner_dialog import PartnerDialog

    dialog = FlatDialog(admin)
    qtbot.addWidget(dialog)
    assert dialog.ui.partnerCombo.count() == 0
    assert "add" in dialog.ui.partnerCombo.placeholderText()

    def name_it(partner_dialog):
        partner_dialog.ui.nameEdit.setText("Kingsley Borough Council")

    drive(qtbot, PartnerDialog, monkeypatch, name_it)
    dialog.ui.addPartnerButton.click()
    assert dialog.ui.partnerCombo.currentText() == "Kingsley Borough Council"
    assert dialog.ui.partnerCombo.currentData() == flats.list_partners()[0].id


def test_a_viewer_is_told_a_field_is_hidden_not_missing(qtbot, admin):
    viewer = factories.user(admin, "viewer")
    woman = factories.person(admin, safe_contact="Her sister, 07700 900123")
    window = MainWindow(viewer)
    qtbot.addWidget(window)
    page = window.show_page("people")
    page.select_person(woman.id)
    contact = page.panel.ui.safeContactValue.text()
    assert contact.startswith("Hidden from viewers") and "07700" not in contact
