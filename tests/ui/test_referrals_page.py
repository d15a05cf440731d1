"""The Referrals page acts on the woman chosen: a new referral, assess, decide (a manager's), find
a flat; an officer is told that a manager decides. Her page says where she lives now."""

from housing_desk import clock
from housing_desk.ui.assessment_dialog import AssessmentDialog
from housing_desk.ui.flat_choice_dialog import FlatChoiceDialog
from housing_desk.ui.main_window import MainWindow
from housing_desk.ui.person_dialog import PersonDialog
from housing_desk.ui.referral_dialogs import DecisionDialog, ReferralDialog
from tests import factories


def _record_asks(monkeypatch, *classes):
    asked = []
    for cls in classes:

        def ask(klass, parent, *args, **kwargs):
            asked.append((klass.__name__, args))
            return None

        monkeypatch.setattr(cls, "ask", classmethod(ask))
    return asked


def test_a_manager_acts_on_the_chosen_referral(qtbot, admin, monkeypatch):
    from housing_desk.services import referrals

    waiting = factories.person(admin)
    factories.accepted(admin, waiting)
    new = factories.person(admin, given_name="Ayşe", family_name="Yılmaz")
    referrals.create_referral(admin, new, received_on=clock.today(), source="self")
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("referrals")
    ui = page.ui
    assert ui.hintLabel.isHidden()  # she decides herself
    assert not ui.decideButton.isEnabled() and not ui.findFlatButton.isEnabled()
    page.ui.waitingTable.selectRow(0)  # the waiting list: accepted, so a flat is the next step
    assert ui.findFlatButton.isEnabled() and not ui.decideButton.isEnabled()
    asked = _record_asks(monkeypatch, FlatChoiceDialog, DecisionDialog, AssessmentDialog)
    ui.findFlatButton.click()
    assert asked[-1] == ("FlatChoiceDialog", (admin, waiting))
    ui.tabs.setCurrentWidget(ui.allTab)
    names = [page.all.row_at(r).name for r in range(page.all.rowCount())]
    ui.referralsTable.selectRow(names.index("Ayşe Yılmaz"))
    assert ui.decideButton.isEnabled() and ui.assessButton.isEnabled()
    assert not ui.findFlatButton.isEnabled()
    ui.decideButton.click()
    name, (_actor, referral, person) = asked[-1]
    assert (name, referral.person_id, person.id) == ("DecisionDialog", new.id, new.id)
    ui.assessButton.click()
    assert asked[-1][0] == "AssessmentDialog" and asked[-1][1][1].id == new.id


def test_an_officer_is_told_that_a_manager_decides(qtbot, admin):
    officer = factories.user(admin, "officer")
    window = MainWindow(officer)
    qtbot.addWidget(window)
    page = window.show_page("referrals")
    assert page.ui.decideButton.isHidden()
    assert not page.ui.hintLabel.isHidden()
    assert page.ui.hintLabel.text().startswith("A manager decides referrals")
    assert not page.ui.newReferralButton.isHidden() and not page.ui.assessButton.isHidden()


def test_a_new_referral_takes_her_details_then_opens_her_referral(qtbot, admin, monkeypatch):
    made = factories.person(admin, given_name="Marta", family_name="Nowak")
    asked = _record_asks(monkeypatch, ReferralDialog)
    monkeypatch.setattr(PersonDialog, "ask", classmethod(lambda cls, parent, actor: made))
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("referrals")
    page.ui.newReferralButton.click()
    assert asked == [("ReferralDialog", (admin, made))]


def test_her_page_says_where_she_lives_and_offers_the_next_step(qtbot, admin, partner):
    woman = factories.person(admin)
    factories.accepted(admin, woman)
    factories.certified_flat(admin, partner)
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("people")
    page.select_person(woman.id)
    panel = page.panel
    assert panel.ui.homeLabel.text() == "No flat with us."
    assert not panel.ui.findFlatButton.isHidden() and panel.ui.answerButton.isHidden()


def test_her_page_opens_her_licence_where_notice_and_move_out_are(qtbot, admin, partner):
    from housing_desk.services import licences

    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin)
    licence = factories.sign_up(
        admin, licences.create_licence(admin, woman, home, start_date=clock.today())
    )
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("people")
    page.select_person(woman.id)
    panel = page.panel
    assert panel.ui.homeLabel.text().startswith(f"Lives in flat {home.reference}")
    assert panel.ui.findFlatButton.isHidden() and not panel.ui.licenceButton.isHidden()
    panel.ui.licenceButton.click()
    licences_page = window.pages["licences"]
    assert window.current_page() is licences_page
    assert licences_page.selected().id == licence.id
    assert licences_page.ui.noticeButton.isEnabled()


def test_after_she_accepts_her_page_offers_her_move_in(qtbot, admin, partner, monkeypatch):
    from housing_desk.services import allocations
    from housing_desk.ui.move_in_wizard import MoveInWizard

    woman = factories.person(admin)
    referral = factories.accepted(admin, woman)
    home = factories.certified_flat(admin, partner)
    offer = allocations.make_offer(admin, referral, home, offered_on=clock.today())
    allocations.respond(admin, offer, accepted=True, responded_on=clock.today())
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("people")
    page.select_person(woman.id)
    panel = page.panel
    assert f"She accepted flat {home.reference}" in panel.ui.homeLabel.text()
    assert not panel.ui.moveInButton.isHidden() and panel.ui.findFlatButton.isHidden()
    opened = []

    def run(cls, parent, actor, flat, people=(), licence=None):
        opened.append((flat.id, list(people)))
        return cls(actor, flat, people, licence, parent=parent)

    monkeypatch.setattr(MoveInWizard, "run", classmethod(run))
    panel.ui.moveInButton.click()
    assert opened == [(home.id, [(woman.id, "Ioana Popescu")])]  # her, chosen first


def test_her_page_names_the_next_step_of_her_referral(qtbot, admin):
    from housing_desk.services import referrals

    woman = factories.person(admin)
    referrals.create_referral(admin, woman, received_on=clock.today(), source="self")
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("people")
    page.select_person(woman.id)
    assert page.panel.ui.statusSummary.text().endswith("Next: her readiness assessment (Assess).")
    factories.assess(admin, woman, on=clock.today())
    page.panel.show_person(woman.id)
    assert page.panel.ui.statusSummary.text().endswith(
        "Next: the decision on her referral (Decide)."
    )
