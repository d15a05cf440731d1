"""A new woman taken from first contact to 'accepted, on the waiting list', entirely in the window."""

from datetime import date, timedelta

from PySide6.QtCore import Qt

from housing_desk import clock
from housing_desk.data.models import Assessment, Person, Referral
from housing_desk.services import assessments, people
from housing_desk.ui import dates
from housing_desk.ui.assessment_dialog import AssessmentDialog
from housing_desk.ui.main_window import MainWindow
from housing_desk.ui.person_dialog import PersonDialog
from housing_desk.ui.referral_dialogs import DecisionDialog, ReferralDialog
from tests import factories


def drive(qtbot, dialog_class, monkeypatch, fill):
    """Replace ``ask`` so the real dialog is built, filled by ``fill`` and saved with its button."""
    saved = {}

    def ask(cls, parent, *args, **kwargs):
        dialog = cls(*args, parent=parent, **kwargs)
        qtbot.addWidget(dialog)
        fill(dialog)
        with qtbot.waitSignal(dialog.accepted):
            dialog.ok_button().click()
        saved["value"] = dialog.result_value
        return dialog.result_value

    monkeypatch.setattr(dialog_class, "ask", classmethod(ask))
    return saved


def test_new_referral_to_the_waiting_list_in_the_window(qtbot, admin, monkeypatch):
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("people")

    def new_person(dialog):
        # QTest can only type ASCII keys; insert() enters other letters as a keyboard layout would.
        dialog.ui.givenNameEdit.insert("Erzsébet")
        dialog.ui.familyNameEdit.insert("Szőke-Kővári")
        qtbot.keyClicks(dialog.ui.preferredNameEdit, "Erzsi")
        dialog.ui.birthKnownCheck.setChecked(True)
        dates.set_date(dialog.ui.birthEdit, date(1991, 3, 14))
        qtbot.keyClicks(dialog.ui.areasEdit, "nn1, nn3")
        dialog.ui.doNotDiscloseCheck.setChecked(True)

    def referral(dialog):
        dialog.ui.sourceCombo.setCurrentIndex(dialog.ui.sourceCombo.findData("police_outreach"))
        qtbot.keyClicks(dialog.ui.referrerEdit, "PC Dawn Hale")
        dialog.ui.priorityCombo.setCurrentIndex(dialog.ui.priorityCombo.findData(1))

    drive(qtbot, PersonDialog, monkeypatch, new_person)
    # Her referral's window opens as soon as her details are saved, with her chosen.
    drive(qtbot, ReferralDialog, monkeypatch, referral)
    page.ui.newButton.click()
    person = Person.get()
    assert (person.given_name, person.family_name, person.areas_to_avoid) == (
        "Erzsébet",
        "Szőke-Kővári",
        "NN1, NN3",
    )
    panel = page.panel
    assert panel.person.id == person.id
    assert panel.ui.nameLabel.text().startswith("Erzsi Szőke-Kővári")
    assert not panel.ui.confidentialBanner.isHidden()
    assert Referral.get().status == "received"
    assert not panel.ui.referButton.isEnabled()

    def assessment(dialog):
        dates.set_date(dialog.ui.assessedEdit, clock.today() - timedelta(days=1))
        dialog.set_scores({key: 4 for key, _label in assessments.DOMAINS})
        dialog.evidence_edits["safety"].setPlainText("Has a safety plan & uses it <always>.")
        dialog.risk_combos["from_others"].setCurrentIndex(
            dialog.risk_combos["from_others"].findData("medium")
        )
        dialog.ui.outcomeCombo.setCurrentIndex(
            dialog.ui.outcomeCombo.findData("ready_with_support")
        )

    drive(qtbot, AssessmentDialog, monkeypatch, assessment)
    panel.ui.assessButton.click()
    stored = Assessment.get()
    assert (stored.outcome, stored.risk_from_others) == ("ready_with_support", "medium")
    assert Referral.get().status == "assessing"
    assert panel.assessment_rows.rowCount() == 1

    def accept(dialog):
        dialog.ui.decisionCombo.setCurrentIndex(dialog.ui.decisionCombo.findData("accepted"))

    drive(qtbot, DecisionDialog, monkeypatch, accept)
    panel.ui.decideButton.click()
    assert Referral.get().status == "accepted"
    assert "On the waiting list, number 1" in panel.ui.statusSummary.text()
    rows = {r.name: r for r in page.model.rows()}
    assert rows["Erzsi Szőke-Kővári"].status_label == "On the waiting list"

    referrals_page = window.show_page("referrals")
    assert referrals_page.waiting.rowCount() == 1
    assert referrals_page.waiting.row_at(0).name == "Erzsi Szőke-Kővári"


def test_assessment_dialog_refuses_a_missing_score_and_keeps_the_rest(qtbot, admin):
    person = factories.person(admin)
    dialog = AssessmentDialog(admin, person)
    qtbot.addWidget(dialog)
    dialog.set_scores({key: 3 for key, _label in assessments.DOMAINS[:-1]})
    dialog.ui.outcomeCombo.setCurrentIndex(0)
    dialog.ok_button().click()
    last_label = assessments.DOMAINS[-1][1]
    assert last_label in dialog.ui.errorLabel.text() or last_label in dialog.errors.message_for(
        "scores"
    )
    assert Assessment.select().count() == 0
    assert dialog.score_buttons["id_benefits"].value() == 3


def test_assessment_dialog_shows_the_words_and_the_previous_score(qtbot, admin):
    person = factories.person(admin)
    factories.assess(admin, person, value=2)
    (previous,) = assessments.history(admin, person)
    dialog = AssessmentDialog(admin, person, previous)
    qtbot.addWidget(dialog)
    assert "(previous: 2)" in dialog.descriptions["safety"].text()
    dialog.set_scores({"safety": 5})
    assert (
        dialog.descriptions["safety"].text().startswith(assessments.SCORE_DESCRIPTIONS["safety"][5])
    )


def test_decline_needs_a_coded_reason(qtbot, admin):
    from housing_desk.services import referrals

    person = factories.person(admin)
    referral = referrals.create_referral(admin, person, received_on=clock.today(), source="self")
    dialog = DecisionDialog(admin, referral, person)
    qtbot.addWidget(dialog)
    dialog.ui.decisionCombo.setCurrentIndex(dialog.ui.decisionCombo.findData("declined"))
    reasons = [dialog.ui.reasonCombo.itemText(i) for i in range(dialog.ui.reasonCombo.count())]
    assert reasons[1:] == [
        "Needs more support than we offer",
        "Risk to others",
        "No local connection",
        "Other",
    ]
    dialog.ok_button().click()
    assert "reason" in dialog.errors.message_for("reason")
    dialog.ui.reasonCombo.setCurrentIndex(dialog.ui.reasonCombo.findData("no_local_connection"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    assert Referral.get().decision_reason == "no_local_connection"


def test_person_dialog_warns_of_a_possible_duplicate(qtbot, admin, shown_messages):
    factories.person(
        admin, given_name="Ioana", family_name="Popescu", date_of_birth=date(1994, 5, 17)
    )
    dialog = PersonDialog(admin)
    qtbot.addWidget(dialog)
    dialog.ui.givenNameEdit.insert("IOÁNA")
    qtbot.keyClicks(dialog.ui.familyNameEdit, "popescu")
    dialog.ui.birthKnownCheck.setChecked(True)
    dates.set_date(dialog.ui.birthEdit, date(1994, 5, 17))
    shown_messages.confirm_answer = False
    dialog.ok_button().click()
    assert shown_messages.shown[-1][1] == "She may already be on file"
    assert "Ioana Popescu, born 17/05/1994" in shown_messages.shown[-1][2]
    assert dialog.result() == 0 and Person.select().count() == 1
    assert dialog.ui.givenNameEdit.text() == "IOÁNA"
    shown_messages.confirm_answer = True
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    assert Person.select().count() == 2


def test_person_dialog_names_the_bad_field(qtbot, admin):
    dialog = PersonDialog(admin)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.givenNameEdit, "Ioana")
    qtbot.keyClicks(dialog.ui.familyNameEdit, "Popescu")
    qtbot.keyClicks(dialog.ui.niEdit, "12345")
    dialog.ok_button().click()
    assert "National Insurance" in dialog.errors.message_for("ni_number")
    assert Person.select().count() == 0


def test_people_filters(qtbot, admin):
    officer = factories.user(admin, "officer")
    factories.accepted(
        admin,
        factories.person(admin, given_name="Siobhán", family_name="Ní Bhriain", keyworker=officer),
    )
    factories.person(admin, given_name="Ayşe", family_name="Yılmaz")
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("people")
    assert page.model.rowCount() == 2
    qtbot.keyClicks(page.ui.filterEdit, "siobhan")
    assert page.model.rowCount() == 1
    page.ui.filterEdit.clear()
    page.ui.statusCombo.setCurrentIndex(page.ui.statusCombo.findData("accepted"))
    assert [r.name for r in page.model.rows()] == ["Siobhán Ní Bhriain"]
    page.ui.statusCombo.setCurrentIndex(page.ui.statusCombo.findData(""))
    assert [r.name for r in page.model.rows()] == ["Ayşe Yılmaz"]
    page.ui.statusCombo.setCurrentIndex(0)
    page.ui.keyworkerCombo.setCurrentIndex(page.ui.keyworkerCombo.findData(officer.id))
    assert page.model.rowCount() == 1


def test_the_chart_has_one_series_per_domain(qtbot, admin):
    person = factories.person(admin)
    factories.assess(admin, person, on=clock.today() - timedelta(days=100), value=2)
    factories.assess(admin, person, on=clock.today() - timedelta(days=10), value=4, safety=3)
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("people")
    page.select_person(person.id)
    series = page.panel.chart.series()
    assert list(series) == [key for key, _label in assessments.DOMAINS]
    assert series["safety"] == [
        (clock.today() - timedelta(days=100), 2),
        (clock.today() - timedelta(days=10), 3),
    ]
    assert not page.panel.chart.grab().toImage().isNull()


def test_viewers_see_no_notes_or_assessments(qtbot, admin):
    viewer = factories.user(admin, "viewer")
    person = factories.person(admin, notes="Private words")
    factories.assess(admin, person)
    window = MainWindow(viewer)
    qtbot.addWidget(window)
    page = window.show_page("people")
    page.select_person(person.id)
    tabs = [page.panel.ui.detailTabs.tabText(i) for i in range(page.panel.ui.detailTabs.count())]
    # keywork and warnings show that they happened (not what was said); no notes, assessments,
    # incidents or timeline
    assert tabs == ["Referrals", "&Keywork", "&Warnings"]
    assert page.panel.ui.notesView.toPlainText() == ""
    assert page.panel.ui.assessButton.isHidden() and page.ui.newButton.isHidden()


def test_opening_a_waiting_woman_from_the_list(qtbot, admin):
    person = factories.person(admin)
    factories.accepted(admin, person)
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("referrals")
    page.ui.waitingTable.selectRow(0)
    page.ui.openButton.click()
    assert window.current_page() is window.pages["people"]
    assert window.pages["people"].panel.person.id == person.id
    assert people.get_person(admin, person.id).display_name == "Ioana Popescu"


def test_a_score_is_one_click_and_the_words_follow_it(qtbot, admin):
    person = factories.person(admin)
    dialog = AssessmentDialog(admin, person)
    qtbot.addWidget(dialog)
    scorer = dialog.score_buttons["safety"]
    assert scorer.value() is None
    qtbot.mouseClick(scorer.buttons[2], Qt.MouseButton.LeftButton)
    assert scorer.value() == 2
    assert dialog.descriptions["safety"].text() == assessments.SCORE_DESCRIPTIONS["safety"][2]
    qtbot.mouseClick(scorer.buttons[5], Qt.MouseButton.LeftButton)
    assert scorer.value() == 5 and not scorer.buttons[2].isChecked()
    scorer.set_value(None)
    assert scorer.value() is None and dialog.descriptions["safety"].text() == "Choose a score."
    assert scorer.buttons[3].accessibleName().startswith("Score 3 for ")
