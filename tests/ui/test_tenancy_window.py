"""A flat taken from free to occupied and back to free, entirely in the window."""

from datetime import date, timedelta

from PySide6.QtWidgets import QWizard

from housing_desk import clock
from housing_desk.data.models import Licence, LicenceKey, Offer
from housing_desk.services import allocations, flats, licences
from housing_desk.ui import dates
from housing_desk.ui.main_window import MainWindow
from housing_desk.ui.match_dialog import MatchDialog
from housing_desk.ui.move_in_wizard import MoveInWizard
from housing_desk.ui.tenancy_dialogs import MoveOutDialog, NoticeDialog, OfferAnswerDialog
from tests import factories
from tests.ui.test_people_journey import drive

TODAY = clock.today()


def setup_flat_and_waiting_woman(admin, partner):
    home = factories.certified_flat(admin, partner, reference="NVT-05")
    woman = factories.person(admin, given_name="Chiamaka", family_name="Eze", preferred_name="Chi")
    factories.accepted(admin, woman, received_on=TODAY - timedelta(days=60), priority=1)
    return home, woman


def select(board, reference):
    board.select_flat(next(s.flat_id for s in board.model.rows() if s.reference == reference))


def test_free_to_occupied_and_back_to_free(qtbot, admin, partner, monkeypatch, shown_messages):
    _home, _woman = setup_flat_and_waiting_woman(admin, partner)
    window = MainWindow(admin)
    qtbot.addWidget(window)
    window.show()
    board = window.board
    select(board, "NVT-05")
    assert board.ui.matchButton.isEnabled() and not board.ui.noticeButton.isEnabled()

    def ask_match(cls, parent, actor, flat):
        dialog = cls(actor, flat, parent=parent)
        qtbot.addWidget(dialog)
        assert dialog.model.row_at(0).name == "Chi Eze" and dialog.model.row_at(0).suitable
        dialog.ui.offerButton.click()
        return dialog.offer

    monkeypatch.setattr(MatchDialog, "ask", classmethod(ask_match))
    board.ui.matchButton.click()
    assert Offer.get().status == "pending"
    select(board, "NVT-05")
    assert board.model.rows()[0].state == "offered"
    assert "NVT-05: Chi Eze" in board.ui.offersList.item(0).text()

    def accept(dialog):
        dialog.ui.answerCombo.setCurrentIndex(0)

    def run_wizard(cls, parent, actor, flat, people=(), licence=None):
        wizard = cls(actor, flat, people, licence, parent=parent)
        qtbot.addWidget(wizard)
        wizard.show()
        details = wizard.details.ui
        assert details.personCombo.currentText() == "Chi Eze"
        assert details.weeklyTotalLabel.text() == "Weekly total: £175.45"
        details.supportChargeEdit.setText("40.00")
        assert details.weeklyTotalLabel.text() == "Weekly total: £170.45"
        wizard.next()  # creates the licence
        assert wizard.currentId() == 1 and wizard.licence.status == "pending_signup"
        for box in wizard.checklist.boxes.values():
            box.setChecked(True)
        wizard.next()  # the Housing Benefit reference is missing
        assert wizard.currentId() == 1
        assert (
            "Housing Benefit" in wizard.checklist.ui.errorLabel.text()
            or wizard.checklist.errors.message_for("note")
        )
        qtbot.keyClicks(wizard.checklist.hb_reference, "HB/77881")
        wizard.next()
        assert wizard.currentId() == 2
        for label in ("Front door key 1", "Entry fob 4471"):
            qtbot.keyClicks(wizard.keys_page.ui.keyEdit, label)
            wizard.keys_page.ui.addKeyButton.click()
        assert wizard.keys_page.ui.keysList.count() == 2
        wizard.button(QWizard.WizardButton.FinishButton).click()
        assert wizard.result() == 1
        return wizard

    monkeypatch.setattr(MoveInWizard, "run", classmethod(run_wizard))
    shown_messages.confirm_answer = False  # her support plan: later
    drive(qtbot, OfferAnswerDialog, monkeypatch, accept)
    board.ui.answerButton.click()  # she accepts, and her move-in opens with her chosen
    assert Offer.get().status == "accepted"
    licence = Licence.get()
    assert (licence.status, licence.hb_reference, str(licence.support_charge)) == (
        "active",
        "HB/77881",
        "40.00",
    )
    status = board.model.rows()[0]
    assert (status.state, status.occupant) == ("occupied", "Chi Eze")

    select(board, "NVT-05")

    def notice(dialog):
        assert dates.get_date(dialog.ui.endEdit) == TODAY + timedelta(
            days=28
        )  # the team's notice period
        dates.set_date(dialog.ui.servedEdit, TODAY)
        dates.set_date(dialog.ui.endEdit, TODAY + timedelta(days=28))
        assert dialog.ui.periodLabel.text().startswith("28 days' notice, ending on a ")
        assert not dialog.ui.printCheck.isVisibleTo(dialog)  # her notice: nothing to print

    drive(qtbot, NoticeDialog, monkeypatch, notice)
    board.ui.noticeButton.click()
    assert board.model.rows()[0].state == "notice"

    # She moves out early, the day after tomorrow is not allowed: it happened today.
    Licence.update(start_date=TODAY - timedelta(days=200)).where(Licence.id == licence.id).execute()

    def move_out(dialog):
        dates.set_date(dialog.ui.endEdit, TODAY)
        dialog.ui.reasonCombo.setCurrentIndex(dialog.ui.reasonCombo.findData("planned_move_on"))
        dialog.ui.destinationCombo.setCurrentText("Housing association tenancy")
        assert len(dialog.key_boxes) == 2

    select(board, "NVT-05")
    drive(qtbot, MoveOutDialog, monkeypatch, move_out)
    board.ui.moveOutButton.click()
    ended = Licence.get()
    assert (ended.status, ended.end_date, ended.destination) == (
        "ended",
        TODAY,
        "Housing association tenancy",
    )
    assert all(k.returned_on == TODAY for k in LicenceKey.select())
    assert board.model.rows()[0].state == "available"


def test_wizard_refuses_an_expired_flat_beside_the_field(qtbot, admin, partner):
    woman = factories.ready_woman(admin)
    bare = factories.flat(admin, partner, reference="NVT-09")
    wizard = MoveInWizard(admin, bare, [(woman.id, woman.display_name)])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == 0
    assert (
        "cannot be let" in wizard.details.ui.errorLabel.text()
        or "cannot be let" in wizard.details.errors.message_for("flat")
    )
    assert Licence.select().count() == 0


def test_finishing_with_items_open_says_which(qtbot, admin, partner):
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin)
    licence = licences.create_licence(admin, woman, home, start_date=TODAY)
    wizard = MoveInWizard(admin, home, licence=licence)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentId() == 1
    wizard.checklist.boxes["licence_signed"].setChecked(True)
    wizard.next()
    wizard.accept()
    assert "Still to do" in wizard.keys_page.ui.errorLabel.text()
    assert Licence.get().status == "pending_signup"
    assert [i.key for i in licences.checklist(admin, licence) if i.done] == ["licence_signed"]


def test_refusing_an_offer_needs_a_reason(qtbot, admin, partner):
    home, woman = setup_flat_and_waiting_woman(admin, partner)
    referral = woman.referrals[0]
    offer = allocations.make_offer(admin, referral, home)
    dialog = OfferAnswerDialog(admin, offer, "Chi Eze", "NVT-05")
    qtbot.addWidget(dialog)
    dialog.ui.answerCombo.setCurrentIndex(1)
    dialog.ok_button().click()
    assert "reason" in dialog.errors.message_for("reason")
    dialog.ui.reasonCombo.setCurrentIndex(dialog.ui.reasonCombo.findData("safety"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    assert (Offer.get().status, Offer.get().reason) == ("refused", "safety")
    assert flats.availability()[0].state == "available"


def test_licences_page_lists_and_filters(qtbot, admin, partner):
    home = factories.certified_flat(admin, partner)
    first = factories.ready_woman(admin, given_name="Ana", family_name="Lopes")
    second = factories.ready_woman(
        admin, given_name="Bea", family_name="Nowak", do_not_disclose=True
    )
    old = factories.sign_up(
        admin, licences.create_licence(admin, first, home, start_date=date(2024, 1, 1))
    )
    licences.end_licence(admin, old, end_date=date(2025, 1, 1), reason="planned_move_on")
    licences.create_licence(admin, second, home, start_date=date(2025, 1, 1))
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("licences")
    assert [r.name for r in page.model.rows()] == ["Bea Nowak"]
    page.ui.viewCombo.setCurrentIndex(page.ui.viewCombo.findData("all"))
    assert page.model.rowCount() == 2
    page.ui.licencesTable.selectRow(0)
    assert page.ui.signUpButton.isEnabled() and not page.ui.moveOutButton.isEnabled()


def test_the_boards_offers_list_never_names_a_confidential_woman(qtbot, admin, partner):

    from housing_desk.data.models import Referral
    from housing_desk.services import allocations, people

    home, woman = setup_flat_and_waiting_woman(admin, partner)
    people.update_person(admin, woman, do_not_disclose=True)
    referral = Referral.get(Referral.person == woman.id)
    allocations.make_offer(admin, referral, home, offered_on=clock.today())
    window = MainWindow(admin)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.board.ui.offersList.count() > 0)
    text = window.board.ui.offersList.item(0).text()
    assert text.startswith("NVT-05: a resident (confidential)")
    assert "Chi" not in text and "Eze" not in text


def test_a_viewer_sees_who_is_waiting_without_the_offer_form(qtbot, admin, partner):
    home, _woman = setup_flat_and_waiting_woman(admin, partner)
    dialog = MatchDialog(factories.user(admin, "viewer"), home)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 1
    assert not dialog.ui.offerButton.isVisible() and not dialog.ui.offeredEdit.isVisible()
    officer = MatchDialog(factories.user(admin, "officer"), home)
    qtbot.addWidget(officer)
    officer.show()
    assert officer.ui.offerButton.isVisible()


def test_both_ways_of_offering_hide_the_form_from_a_viewer(qtbot, admin, partner):
    from housing_desk.services import people
    from housing_desk.ui.flat_choice_dialog import FlatChoiceDialog

    home, woman = setup_flat_and_waiting_woman(admin, partner)
    viewer = factories.user(admin, "viewer")
    for dialog in (
        FlatChoiceDialog(viewer, people.get_person(viewer, woman.id)),
        MatchDialog(viewer, home),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.model.rowCount() == 1
        assert not dialog.ui.offerButton.isVisible() and not dialog.ui.offeredEdit.isVisible()
    officer = FlatChoiceDialog(admin, woman)
    qtbot.addWidget(officer)
    officer.show()
    assert officer.ui.offerButton.isVisible()
    assert officer.ui.offerButton.text() == "Offer her flat NVT-05"
