"""Keywork, incidents, warnings and her timeline, from the window."""

from datetime import date, timedelta

from PySide6.QtCore import Qt

from housing_desk import clock
from housing_desk.data.models import Goal, Incident, KeyworkSession, Licence, TenancyWarning
from housing_desk.services import incidents, licences, support_plans
from housing_desk.ui.board_page import BoardPage
from housing_desk.ui.incidents_panel import IncidentDialog, IncidentReviewDialog
from housing_desk.ui.keywork_panel import KeyworkDialog
from housing_desk.ui.person_panel import PersonPanel
from housing_desk.ui.tenancy_dialogs import NoticeDialog
from housing_desk.ui.warnings_panel import WarningDialog, WarningsPanel
from tests import factories
from tests.ui.test_people_journey import drive

TODAY = clock.today()


def living(admin, partner, **details):
    woman = factories.ready_woman(admin, given_name="Aurelia", family_name="Stan", **details)
    home = factories.certified_flat(admin, partner)
    licence = licences.create_licence(admin, woman, home, start_date=TODAY - timedelta(days=40))
    return woman, factories.sign_up(admin, licence)


def test_a_session_is_recorded_from_her_page_with_a_goal_ticked(qtbot, admin, partner, monkeypatch):
    woman, licence = living(admin, partner)
    plan = support_plans.create_plan(admin, licence)
    goal = support_plans.add_goal(
        admin, plan, domain="id_benefits", need="ID", action="", owner="", target_date=None
    )
    panel = PersonPanel(admin)
    qtbot.addWidget(panel)
    panel.show_person(woman.id)
    tabs = [panel.ui.detailTabs.tabText(i) for i in range(panel.ui.detailTabs.count())]
    assert {"&Timeline", "&Keywork", "Incide&nts", "&Warnings"} <= set(tabs)

    def fill(dialog):
        assert dialog.ui.goalsTable.rowCount() == 1
        dialog.ui.summaryEdit.setPlainText("Went to the jobcentre together.")
        dialog.ui.durationSpin.setValue(45)
        dialog.ui.goalsTable.item(0, 2).setCheckState(Qt.CheckState.Checked)

    drive(qtbot, KeyworkDialog, monkeypatch, fill)
    panel.keywork.ui.recordButton.click()
    session = KeyworkSession.get()
    assert session.duration_minutes == 45 and Goal.get_by_id(goal.id).achieved_on == TODAY
    assert panel.keywork.model.rowCount() == 1
    assert "Keywork: In person" in [e.title for e in panel.timeline.entries]


def test_a_refused_session_keeps_what_was_typed(qtbot, admin, partner):
    _woman, licence = living(admin, partner)
    dialog = KeyworkDialog(admin, licence, "Aurelia")
    qtbot.addWidget(dialog)
    dialog.ui.summaryEdit.setPlainText("")
    dialog.ok_button().click()
    assert "plain words" in dialog.errors.message_for("summary")
    assert KeyworkSession.select().count() == 0


def test_a_viewer_sees_sessions_but_not_their_words(qtbot, admin, partner):
    from housing_desk.services import keywork

    woman, licence = living(admin, partner)
    keywork.record_session(admin, licence, held_on=TODAY, summary="Private words.")
    panel = PersonPanel(factories.user(admin, "viewer"))
    qtbot.addWidget(panel)
    panel.show_person(woman.id)
    assert panel.keywork.model.rowCount() == 1
    assert panel.keywork.model.row_at(0).summary == ""
    assert panel.incidents is None and panel.timeline is None
    assert not panel.keywork.ui.recordButton.isVisible()


def test_a_high_incident_shows_on_the_board_without_her_name_until_reviewed(
    qtbot, admin, partner, monkeypatch
):
    woman, _licence = living(admin, partner, do_not_disclose=True)
    panel = PersonPanel(admin)
    qtbot.addWidget(panel)
    panel.show_person(woman.id)

    def fill(dialog):
        dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("cuckooing"))
        dialog.ui.severityCombo.setCurrentIndex(dialog.ui.severityCombo.findData("high"))
        dialog.ui.descriptionEdit.setPlainText("Men staying in the flat.")
        dialog.ui.safeguardingCheck.setChecked(True)
        dialog.referred["nrm"].setChecked(True)

    drive(qtbot, IncidentDialog, monkeypatch, fill)
    panel.incidents.ui.recordButton.click()
    incident = Incident.get()
    assert incident.referred_to == "nrm" and incident.flat_id == _licence.flat_id
    board = BoardPage(admin)
    qtbot.addWidget(board)
    board._side_lists(TODAY, [])
    text = board.ui.incidentsList.item(0).text()
    assert "Cuckooing" in text and "Aurelia" not in text and "confidential" in text
    panel.incidents.ui.incidentsTable.selectRow(0)
    drive(qtbot, IncidentReviewDialog, monkeypatch, lambda d: d.ui.notesEdit.setPlainText("ok"))
    panel.incidents.ui.reviewButton.click()
    assert incidents.incidents(admin, unreviewed_high=True) == []
    board._side_lists(TODAY, [])
    assert board.ui.incidentsList.item(0).text() == "None waiting"


def test_a_final_warning_prints_its_letter(qtbot, admin, partner, monkeypatch):
    factories.organisation(admin)  # her papers are refused until it is named
    from housing_desk.ui.pdf_preview import PdfPreviewDialog

    _woman, licence = living(admin, partner)
    shown = []
    monkeypatch.setattr(
        PdfPreviewDialog, "show_pdf", classmethod(lambda cls, p, pdf, *a: shown.append(pdf))
    )
    panel = WarningsPanel(admin)
    qtbot.addWidget(panel)
    panel.show_for(licence=licence, name="Aurelia")

    def fill(dialog):
        dialog.ui.stageCombo.setCurrentIndex(dialog.ui.stageCombo.findData("final"))
        dialog.ui.reasonEdit.setPlainText("Visitors late at night.")
        assert "12 months" in dialog.ui.lapseValue.text()

    drive(qtbot, WarningDialog, monkeypatch, fill)
    panel.ui.warnButton.click()
    assert TenancyWarning.get().stage == "final" and shown and shown[0].startswith(b"%PDF")
    assert "final warning" in panel.ui.hintLabel.text()


def test_notice_from_us_without_a_final_warning_asks_first(
    qtbot, admin, partner, monkeypatch, shown_messages
):
    _woman, licence = living(admin, partner)
    dialog = NoticeDialog(admin, licence, "Aurelia")
    qtbot.addWidget(dialog)
    dialog.ui.byCombo.setCurrentIndex(dialog.ui.byCombo.findData("licensor"))
    shown_messages.confirm_answer = False
    dialog.ok_button().click()
    assert shown_messages.shown[-1][1] == "No final warning on record"
    assert Licence.get_by_id(licence.id).status == "active" and dialog.result_value is None


def test_her_crisis_plan_and_a_review_from_the_plan_tab(qtbot, admin, partner, monkeypatch):
    from housing_desk.data.models import SupportPlan, SupportReview
    from housing_desk.ui.support_plan_care_dialogs import CrisisPlanDialog, PlanReviewDialog
    from housing_desk.ui.support_plan_panel import GOAL_FIELDS, SupportPlanPanel

    _woman, licence = living(admin, partner)
    plan = support_plans.create_plan(admin, licence)
    panel = SupportPlanPanel(admin)
    qtbot.addWidget(panel)
    panel.show_licence(licence)
    assert not panel.ui.recordReviewButton.isEnabled()

    def fill(dialog):
        dialog.ui.triggersEdit.setPlainText("Not sleeping")
        dialog.ui.actionsEdit.setPlainText("Call the team")
        dialog.agency_boxes["GP"].setChecked(True)
        dialog.ui.otherAgenciesEdit.setPlainText("St Giles Trust\n")

    drive(qtbot, CrisisPlanDialog, monkeypatch, fill)
    panel.ui.crisisButton.click()
    saved = SupportPlan.get_by_id(plan.id)
    assert support_plans.agencies(saved) == ["GP", "St Giles Trust"]
    assert "Crisis plan written" in panel.ui.careSummary.text()
    support_plans.agree(admin, saved)
    panel.show_licence(licence)
    drive(
        qtbot,
        PlanReviewDialog,
        monkeypatch,
        lambda d: (d.ui.attendedEdit.setText("Her and me"), d.ui.summaryEdit.setPlainText("Fine")),
    )
    panel.ui.recordReviewButton.click()
    assert SupportReview.get().attended == "Her and me"
    assert "her_words" in GOAL_FIELDS and "achieved_on" in GOAL_FIELDS


def test_keywork_and_warning_periods_are_set_in_settings(qtbot, admin, shown_messages):
    from housing_desk.services import settings
    from housing_desk.ui.settings_page import SettingsPage

    page = SettingsPage(admin)
    qtbot.addWidget(page)
    assert page.tenancy.ui.keyworkSpin.value() == 14
    assert page.tenancy.ui.finalSpin.value() == 12
    page.tenancy.ui.keyworkSpin.setValue(10)
    page.tenancy.ui.verbalSpin.setValue(2)
    page.tenancy.ui.saveTenancyButton.click()
    assert settings.keywork_overdue_days() == 10 and settings.warning_lapse_months("verbal") == 2
    officer_page = SettingsPage(factories.user(admin, "officer"))
    qtbot.addWidget(officer_page)
    assert not officer_page.tenancy.ui.tenancyGroup.isEnabled()


def test_the_reports_count_keywork_and_incidents(qtbot, admin, partner, monkeypatch, tmp_path):
    from housing_desk.services import keywork
    from housing_desk.ui import dates, messages
    from housing_desk.ui.reports_page import ReportsPage

    woman, licence = living(admin, partner)
    keywork.record_session(admin, licence, held_on=TODAY - timedelta(days=3), summary="Talked.")
    incidents.record_incident(
        admin, person=woman, occurred_on=TODAY - timedelta(days=2), kind="missing", description="x"
    )
    page = ReportsPage(admin)
    qtbot.addWidget(page)
    dates.set_date(page.ui.fromEdit, TODAY - timedelta(days=30))
    dates.set_date(page.ui.toEdit, TODAY)
    page.refresh()
    (row,) = page.models["Keywork"].rows()
    assert row[1:] == ("Amara Okafor", "1", "0")
    (counted,) = page.models["Incidents"].rows()
    assert counted[1:] == ("Missing", "1")
    page.ui.tabs.setCurrentIndex(page.ui.tabs.indexOf(page.ui.incidentsTab))
    target = tmp_path / "incidents.csv"
    monkeypatch.setattr(messages, "save_file_name", lambda *a: str(target))
    page.export_csv()
    text = target.read_text("utf-8")
    assert "Missing" in text and "Aurelia" not in text


def test_the_assessment_records_risk_markers(qtbot, admin):
    from housing_desk.data.models import Assessment
    from housing_desk.services import assessments
    from housing_desk.ui.assessment_dialog import AssessmentDialog

    person = factories.person(admin)
    dialog = AssessmentDialog(admin, person)
    qtbot.addWidget(dialog)
    dialog.set_scores({key: 3 for key, _label in assessments.DOMAINS})
    dialog.ui.outcomeCombo.setCurrentIndex(0)
    dialog.marker_boxes["dash_done"].setChecked(True)
    dialog.marker_boxes["missing_episodes"].setChecked(True)
    assert "sex work" in dialog.evidence_edits["own_goals"].placeholderText()
    dialog.ok_button().click()
    assert Assessment.get().risk_markers == "dash_done,missing_episodes"


def test_the_score_chart_draws_every_area_and_a_retired_one_from_old_assessments(qtbot):
    from housing_desk.services.assessments import DOMAINS, AssessmentView
    from housing_desk.ui.score_chart import ScoreChart

    old = AssessmentView(1, 1, date(2024, 1, 1), "A", "ready", None, scores={"health": 2})
    new = AssessmentView(2, 1, date(2025, 1, 1), "A", "ready", None, {k: 3 for k, _ in DOMAINS})
    chart = ScoreChart()
    qtbot.addWidget(chart)
    chart.set_history([old, new])
    series = chart.series()
    assert list(series)[: len(DOMAINS)] == [key for key, _label in DOMAINS]
    assert series["health"] == [(date(2024, 1, 1), 2)]
    assert chart.model.headerData(len(DOMAINS), Qt.Orientation.Vertical) == (
        "Physical and mental health"
    )
