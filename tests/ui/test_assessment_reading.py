"""Her past assessments read back from her page: opened by double-click, Enter or a button, set
beside the one before, and her scores over time as a table that reads at a glance."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog

from housing_desk import clock
from housing_desk.data.models import AssessmentScore
from housing_desk.services import assessment_changes, assessments
from housing_desk.ui.assessment_comparison import AssessmentComparisonDialog
from housing_desk.ui.assessment_view import AssessmentViewDialog
from housing_desk.ui.main_window import MainWindow
from housing_desk.ui.score_chart import ScoreChart, ScoreModel
from tests import factories

TODAY = clock.today()


@pytest.fixture
def woman(admin):
    return factories.person(admin, given_name="Ioana", family_name="Popescu")


@pytest.fixture
def two(admin, woman):
    """An old assessment scored on the areas of its day, and a new one with evidence and risks."""
    old = factories.assess(admin, woman, on=TODAY - timedelta(days=90), value=2, safety=4)
    AssessmentScore.delete().where(
        (AssessmentScore.assessment == old.id)
        & AssessmentScore.domain.in_(("physical_health", "mental_health"))
    ).execute()
    AssessmentScore.create(assessment=old.id, domain="health", score=2, evidence="GP in May")
    new = assessments.record_assessment(
        admin,
        woman,
        assessed_on=TODAY - timedelta(days=2),
        scores=factories.scores(3, safety=2),
        evidence={"safety": "Her ex-partner <b>found</b> her address."},
        risks={"from_others": ("high", "Ex-partner; police aware")},
        risk_markers=["marac_referral"],
        outcome="ready_with_support",
        notes="Review once the safety plan is in place.",
    )
    return old, new


def _her_page(qtbot, admin, woman):
    window = MainWindow(admin)
    qtbot.addWidget(window)
    page = window.show_page("people")
    page.select_person(woman.id)
    panel = page.panel
    panel.ui.detailTabs.setCurrentWidget(panel.ui.assessmentsTab)
    return window, panel


def _choose(panel, row):
    table = panel.ui.assessmentsTable
    table.selectionModel().setCurrentIndex(
        table.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    return table


def test_her_page_opens_an_assessment_by_double_click_enter_and_button(
    qtbot, admin, woman, two, monkeypatch
):
    opened = []
    monkeypatch.setattr(
        AssessmentViewDialog,
        "show_assessment",
        classmethod(lambda cls, parent, actor, assessment_id, name: opened.append(assessment_id)),
    )
    window, panel = _her_page(qtbot, admin, woman)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    old, new = two
    assert not panel.ui.openAssessmentButton.isEnabled()  # nothing chosen yet
    table = _choose(panel, 0)  # newest first
    assert panel.chosen_assessment().assessment_id == new.id
    assert panel.ui.openAssessmentButton.isEnabled()
    rect = table.visualRect(table.model().index(0, 1))
    # A double-click arrives as a click and then a double-click, as from a real mouse.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.mouseClick(panel.ui.openAssessmentButton, Qt.MouseButton.LeftButton)
    assert opened == [new.id, new.id, new.id]
    _choose(panel, 1)
    assert not panel.ui.compareAssessmentButton.isEnabled()  # her first has none before it
    qtbot.mouseClick(panel.ui.openAssessmentButton, Qt.MouseButton.LeftButton)
    assert opened[-1] == old.id


def test_her_page_compares_the_chosen_assessment_with_the_one_before(
    qtbot, admin, woman, two, monkeypatch
):
    shown = []
    monkeypatch.setattr(
        AssessmentComparisonDialog,
        "show_comparison",
        classmethod(lambda cls, parent, comparison, name: shown.append((comparison, name))),
    )
    _window, panel = _her_page(qtbot, admin, woman)
    _choose(panel, 0)
    assert panel.ui.compareAssessmentButton.isEnabled()
    qtbot.mouseClick(panel.ui.compareAssessmentButton, Qt.MouseButton.LeftButton)
    ((comparison, name),) = shown
    assert name == "Ioana Popescu"
    assert (comparison.later.assessment_id, comparison.earlier.assessment_id) == (
        two[1].id,
        two[0].id,
    )


def test_the_view_reads_back_scores_evidence_risks_and_notes(qtbot, admin, woman, two):
    _old, new = two
    dialog = AssessmentViewDialog(admin, new.id, "Ioana Popescu")
    qtbot.addWidget(dialog)
    text = dialog.ui.assessmentText.toPlainText()
    assert dialog.windowTitle() == f"Assessment of {(TODAY - timedelta(days=2)):%d/%m/%Y}"
    for words in (
        admin.full_name,
        "Ready with support",
        "Safety: exploitation, abuse, people and places to avoid",
        assessments.SCORE_DESCRIPTIONS["safety"][2],
        "Her ex-partner <b>found</b> her address.",  # typed text shown as typed, not as markup
        "Risk from others",
        "High",
        "Ex-partner; police aware",
        "Referred to MARAC",
        "Review once the safety plan is in place.",
    ):
        assert words in text
    assert "Physical and mental health" not in text  # the areas of its own day
    assert dialog.ui.compareButton.isEnabled() and dialog.ui.firstLabel.text() == ""


def test_an_old_assessment_reads_back_under_its_own_areas(qtbot, admin, woman, two):
    old, _new = two
    dialog = AssessmentViewDialog(admin, old.id, "Ioana Popescu")
    qtbot.addWidget(dialog)
    text = dialog.ui.assessmentText.toPlainText()
    assert "Physical and mental health" in text and "GP in May" in text
    assert "Mental health and wellbeing" not in text
    assert not dialog.ui.compareButton.isEnabled()
    assert "first assessment" in dialog.ui.firstLabel.text()


def test_the_view_opens_the_comparison_and_esc_closes_it(qtbot, admin, woman, two, monkeypatch):
    shown = []
    monkeypatch.setattr(
        AssessmentComparisonDialog,
        "show_comparison",
        classmethod(lambda cls, parent, comparison, name: shown.append(comparison)),
    )
    dialog = AssessmentViewDialog(admin, two[1].id, "Ioana Popescu")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.ui.compareButton, Qt.MouseButton.LeftButton)
    assert shown[0].earlier.assessment_id == two[0].id
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing to discard: no question asked
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def test_the_comparison_says_each_change_with_both_evidence(qtbot, admin, woman, two):
    comparison = assessment_changes.with_previous(admin, two[1].id)
    dialog = AssessmentComparisonDialog(comparison, "Ioana Popescu")
    qtbot.addWidget(dialog)
    text = dialog.ui.comparisonText.toPlainText()
    assert "Down 2, from 4 to 2" in text  # safety
    assert "Up 1, from 2 to 3" in text
    assert "New area, scored 3" in text  # physical health, assessed apart since
    assert "No longer assessed (was 2)" in text and "GP in May" in text
    assert "Her ex-partner <b>found</b> her address." in text
    assert "Ready → Ready with support" in dialog.ui.headingLabel.text()
    assert dialog.ui.summaryLabel.text() == comparison.summary
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


@pytest.mark.parametrize("count", [1, 2, 10])
def test_the_scores_table_reads_for_one_two_and_ten_assessments(qtbot, admin, woman, count):
    for n in range(count):
        factories.assess(admin, woman, on=TODAY - timedelta(days=30 * (count - n)), value=1 + n % 5)
    chart = ScoreChart()
    qtbot.addWidget(chart)
    chart.resize(700, 420)
    chart.set_history(assessments.history(admin, woman))
    chart.show()
    qtbot.waitExposed(chart)
    model = chart.model
    areas = [key for key, _label in assessments.DOMAINS]
    assert model.rowCount() == len(areas)
    assert model.columnCount() == count + (1 if count > 1 else 0)  # a change column from two on
    horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    first = TODAY - timedelta(days=30 * count)
    assert model.headerData(0, horizontal) == first.strftime("%d/%m/%Y")
    assert model.headerData(0, vertical) == assessments.DOMAINS[0][1]
    assert model.data(model.index(0, 0)) == "1"  # whole scores, printed in the cell
    latest = model.index(0, count - 1)
    assert model.data(latest) == str(1 + (count - 1) % 5)
    assert model.data(latest, Qt.ItemDataRole.BackgroundRole) is not None
    assert "of 5" in model.data(latest, Qt.ItemDataRole.AccessibleTextRole)
    if count > 1:
        assert model.headerData(count, horizontal) == "Change"
        assert model.data(model.index(0, count)) == "↑ +1"
    bar = chart.table.horizontalScrollBar()
    assert bar.value() == bar.maximum()  # the latest assessment is on screen


def test_the_scores_table_keeps_an_old_area_and_marks_what_was_not_scored(qtbot, admin, woman, two):
    chart = ScoreChart()
    qtbot.addWidget(chart)
    chart.set_history(assessments.history(admin, woman))
    model = chart.model
    assert model.keys[-1] == "health"
    row = model.keys.index("health")
    assert [model.data(model.index(row, c)) for c in range(2)] == ["2", "–"]
    assert model.data(model.index(row, 2)) == "dropped"
    physical = model.keys.index("physical_health")
    assert (
        model.data(model.index(physical, 0)) == "–"
        and model.data(model.index(physical, 2)) == "new"
    )
    assert chart.series()["health"] == [(TODAY - timedelta(days=90), 2)]


def test_no_assessments_says_so(qtbot, admin):
    chart = ScoreChart()
    qtbot.addWidget(chart)
    chart.set_history([])
    assert chart.table.isHidden() and not chart.empty.isHidden()
    assert chart.model.rowCount() == 0 and chart.series() == {}


def test_the_scores_model_keeps_qt_model_rules(qapp, qtmodeltester, admin, woman, two):
    model = ScoreModel()
    model.set_history(assessments.history(admin, woman))
    qtmodeltester.check(model, force_py=True)
    model.set_history(assessments.history(admin, woman)[:1])
    qtmodeltester.check(model, force_py=True)


def test_two_assessments_on_one_day_list_the_later_recorded_first(qtbot, admin, woman):
    morning = factories.assess(admin, woman, on=TODAY - timedelta(days=1), outcome="not_ready")
    afternoon = factories.assess(admin, woman, on=TODAY - timedelta(days=1), outcome="ready")
    _window, panel = _her_page(qtbot, admin, woman)
    _choose(panel, 0)
    assert panel.chosen_assessment().assessment_id == afternoon.id
    assert panel.ui.compareAssessmentButton.isEnabled()
    _choose(panel, 1)
    assert panel.chosen_assessment().assessment_id == morning.id
    assert not panel.ui.compareAssessmentButton.isEnabled()  # the first of hers


def test_her_tabs_keep_room_for_a_list_on_a_scaled_laptop_and_the_page_scrolls(
    qtbot, admin, woman, two
):
    # 1366×768 less a taskbar at 150 %: the window has 911×485 to lay her page out in
    window, panel = _her_page(qtbot, admin, woman)
    window.resize(911, 485)
    window.show()
    qtbot.waitExposed(window)
    panel.ui.detailTabs.setCurrentWidget(panel.ui.assessmentsTab)
    qtbot.wait(20)
    table = panel.ui.assessmentsTable
    assert table.viewport().height() >= 120, "her list is squeezed to a sliver"
    scroller = window.ui.pages.currentWidget()
    assert scroller.verticalScrollBar().maximum() > 0, "the page scrolls, not her tabs"
