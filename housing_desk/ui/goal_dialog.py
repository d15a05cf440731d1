"""One goal of her support plan in a proper form: the area from a list; what she needs, in her own
words, her strengths, what will be done, by whom and by when, and how we will know it worked; and
later its status, the outcome and the date achieved. Long answers take several lines.

Each goal field is one entry of ``GoalDialog.FIELDS`` (the service's keyword and the widget that
edits it): a field added to goals takes a row in ``forms/goal_dialog.ui`` and a line here.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from housing_desk import clock
from housing_desk.services import assessments, support_plans
from housing_desk.ui import dates
from housing_desk.ui.form_dialog import FormDialog


class GoalDialog(FormDialog):
    FORM = "goal_dialog"
    TITLE = "Support plan goal"
    FIELDS: ClassVar[dict[str, str]] = {
        "domain": "domainCombo",
        "need": "needEdit",
        "her_words": "herWordsEdit",
        "strengths": "strengthsEdit",
        "action": "actionEdit",
        "owner": "ownerEdit",
        "target_date": "targetEdit",
        "measure": "measureEdit",
        "status": "statusCombo",
        "outcome": "outcomeEdit",
        "achieved_on": "achievedEdit",
    }
    # A date that may be left out: the box ticked when it is given.
    DATE_CHECKS: ClassVar[dict[str, str]] = {
        "target_date": "targetCheck",
        "achieved_on": "achievedCheck",
    }
    # What can still change once she has agreed the plan (the service's rule, shown as such).
    AFTER_AGREEING = ("status", "outcome", "achieved_on")

    def __init__(self, actor, plan, goal=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.plan, self.goal = actor, plan, goal
        ui = self.ui
        ui.domainCombo.addItem("Other (no assessment area)", "")
        for key, label in assessments.DOMAINS:
            ui.domainCombo.addItem(label, key)
        for key, label in support_plans.GOAL_STATUSES.items():
            ui.statusCombo.addItem(label, key)
        for field, check in self.DATE_CHECKS.items():
            box, edit = getattr(ui, check), self._widget(field)
            box.toggled.connect(edit.setEnabled)
            edit.setEnabled(False)
        dates.set_date(ui.targetEdit, assessments.add_months(clock.today(), 3))
        dates.set_date(ui.achievedEdit, clock.today())
        agreed = plan.status != "draft"
        if goal is None:
            ui.introLabel.setText("A new goal of her support plan.")
            for field in self.AFTER_AGREEING:  # a new goal is open, with no outcome yet
                self._row_visible(field, False)
        else:
            ui.introLabel.setText(
                "Her plan is agreed: only the status, the outcome and the date achieved can change now."
                if agreed
                else "A goal of her draft support plan."
            )
            self._fill(goal)
        if agreed:
            for field, name in self.FIELDS.items():
                if field not in self.AFTER_AGREEING:
                    getattr(ui, name).setEnabled(False)
            ui.targetCheck.setEnabled(False)
        self.resize(720, 680)  # every row without scrolling, on a 1366×768 screen

    def field_widgets(self):
        return {field: getattr(self.ui, name) for field, name in self.FIELDS.items()}

    def _row_visible(self, field: str, visible: bool) -> None:
        widget = getattr(self.ui, self.FIELDS[field])
        if field in self.DATE_CHECKS:  # the date sits in a row with its box
            widget = widget.parentWidget()
        self.ui.formLayout.setRowVisible(widget, visible)

    def _fill(self, goal) -> None:
        for field in self.FIELDS:
            if field in self.DATE_CHECKS:
                value = getattr(goal, field)
                getattr(self.ui, self.DATE_CHECKS[field]).setChecked(value is not None)
                if value is not None:
                    dates.set_date(self._widget(field), value)
            else:
                _set(self._widget(field), getattr(goal, field))

    def _widget(self, field: str) -> QWidget:
        return getattr(self.ui, self.FIELDS[field])

    def values(self) -> dict:
        """Every field as the service takes it."""
        found = {}
        for field in self.FIELDS:
            if field in self.DATE_CHECKS:
                given = getattr(self.ui, self.DATE_CHECKS[field]).isChecked()
                found[field] = dates.get_date(self._widget(field)) if given else None
            else:
                found[field] = _get(self._widget(field))
        return found

    def save(self):
        values = self.values()
        if self.goal is None:
            for field in self.AFTER_AGREEING:
                values.pop(field)
            return support_plans.add_goal(self.actor, self.plan, **values)
        # Only what changed: an agreed plan takes a new status or outcome and nothing else.
        changes = {k: v for k, v in values.items() if v != getattr(self.goal, k)}
        if not changes:
            return self.goal
        return support_plans.update_goal(self.actor, self.goal, **changes)


def _get(widget: QWidget):
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(f"No value for {type(widget).__name__}")


def _set(widget: QWidget, value) -> None:
    if isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(widget.findData(value or ""), 0))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value or "")
    elif isinstance(widget, QLineEdit):
        widget.setText(value or "")
