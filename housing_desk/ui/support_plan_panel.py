"""The support plan of the selected licence: goals in an editable table, risks, agree and review."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QWidget

from housing_desk.services import assessments, paperwork, permissions, support_plans, validation
from housing_desk.ui import dates, forms, messages
from housing_desk.ui.field_errors import FieldErrors
from housing_desk.ui.operations import Operation

GOAL_FIELDS = (
    "domain",
    "need",
    "her_words",
    "strengths",
    "action",
    "owner",
    "target_date",
    "measure",
    "status",
    "achieved_on",
    "outcome",
)
GOAL_TITLES = (
    "Area",
    "What she needs",
    "In her words",
    "Her strengths",
    "What will be done",
    "Who",
    "By (dd/mm/yyyy)",
    "How we will know",
    "Status",
    "Achieved on",
    "Outcome",
)
_PROGRESS = ("status", "achieved_on", "outcome")  # still editable once the plan is agreed
_DATES = ("target_date", "achieved_on")
_LONG = ("need", "her_words", "strengths", "action", "measure", "outcome")
_RISK_EDITS = {
    "risk_to_self": "riskToSelfEdit",
    "risk_to_others": "riskToOthersEdit",
    "risk_from_others": "riskFromOthersEdit",
    "risk_to_tenancy": "riskToTenancyEdit",
}


class GoalsModel(QAbstractTableModel):
    """Goals of one plan. An edit is saved at once through the service; a refusal is shown in
    ``errors`` (the panel's), or in a warning."""

    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.goals = []
        self.editable = False
        self.errors: FieldErrors | None = None

    def set_goals(self, goals, editable: bool) -> None:
        self.beginResetModel()
        self.goals, self.editable = list(goals), editable
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.goals)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(GOAL_FIELDS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(GOAL_TITLES)
        ):
            return GOAL_TITLES[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        field = GOAL_FIELDS[index.column()]
        if self.editable or field in _PROGRESS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.goals):
            return None
        goal, field = self.goals[index.row()], GOAL_FIELDS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = getattr(goal, field)
            if field == "domain":
                return (
                    assessments.DOMAIN_LABELS.get(value, "Other")
                    if role == Qt.ItemDataRole.DisplayRole
                    else value
                )
            if field in _DATES:
                return dates.uk(value)
            if field == "status":
                return (
                    support_plans.GOAL_STATUSES[value]
                    if role == Qt.ItemDataRole.DisplayRole
                    else value
                )
            return value
        if role == Qt.ItemDataRole.ToolTipRole and field in _LONG:
            return getattr(goal, field)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        goal, field = self.goals[index.row()], GOAL_FIELDS[index.column()]
        if field in _DATES:
            value = validation.from_uk_date(value)
        elif field == "status":
            value = _status_key(value)

        def saved(goal) -> None:
            self.goals[index.row()] = goal
            self.dataChanged.emit(index, index)

        operation = Operation(
            None,
            lambda: support_plans.update_goal(self.actor, goal, **{field: value}),
            title="Goal",
        )
        if self.errors is not None:
            operation.errors(self.errors)
        return operation.success(saved).run()


def _status_key(value) -> str:
    text = str(value or "").strip().lower()
    return {label.lower(): key for key, label in support_plans.GOAL_STATUSES.items()}.get(
        text, text
    )


def _care_summary(actor, plan) -> str:
    if plan is None:
        return ""
    parts = ["crisis plan written" if plan.crisis_actions else "no crisis plan yet"]
    shared = support_plans.agencies(plan)
    parts.append(f"shared with {len(shared)} agencies" if shared else "shared with no one")
    reviews = (
        support_plans.reviews(actor, plan) if permissions.allowed(actor, "view_sensitive") else []
    )
    if reviews:
        parts.append(f"last reviewed {dates.uk(reviews[0].reviewed_on)}")
    return "; ".join(parts).capitalize()


class SupportPlanPanel(QWidget):
    changed = Signal()

    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.licence = None
        self.plan = None
        self.ui = forms.install("support_plan_panel", self)
        ui = self.ui
        self.model = GoalsModel(actor, self)
        ui.goalsTable.setModel(self.model)
        # A goal opens in a form (area from a list, need, action and outcome of any length),
        # not in one-line cells.
        ui.goalsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        ui.goalsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        ui.goalsTable.setWordWrap(True)
        ui.goalsTable.activated.connect(lambda _index: self.edit_goal())
        ui.goalsTable.verticalHeader().setVisible(False)
        ui.goalsTable.horizontalHeader().setStretchLastSection(True)
        self.errors = FieldErrors(
            {key: getattr(ui, edit) for key, edit in _RISK_EDITS.items()}, ui.errorLabel
        )
        self.model.errors = self.errors
        ui.newPlanButton.clicked.connect(self.new_plan)
        ui.addGoalButton.clicked.connect(self.add_goal)
        ui.editGoalButton.clicked.connect(self.edit_goal)
        ui.removeGoalButton.clicked.connect(self.remove_goal)
        ui.agreeButton.clicked.connect(self.agree)
        ui.reviewButton.clicked.connect(self.start_review)
        ui.printPlanButton.clicked.connect(self.print_plan)
        ui.saveRisksButton.clicked.connect(self.save_risks)
        ui.crisisButton.clicked.connect(self.crisis_plan)
        ui.recordReviewButton.clicked.connect(self.record_review)
        self.can_edit = permissions.allowed(actor, "plan_support")
        self.show_licence(None)

    def show_licence(self, licence) -> None:
        self.licence = licence
        self.plan = support_plans.current_plan(self.actor, licence) if licence else None
        self._show()

    def _show(self) -> None:
        ui, plan = self.ui, self.plan
        draft = plan is not None and plan.status == "draft"
        goals = support_plans.goals(self.actor, plan) if plan else []
        self.model.set_goals(goals, editable=draft and self.can_edit)
        ui.goalsTable.resizeColumnsToContents()
        for key, edit in _RISK_EDITS.items():
            getattr(ui, edit).setText(getattr(plan, key) if plan else "")
            getattr(ui, edit).setEnabled(draft and self.can_edit)
        if self.licence is None:
            ui.planSummary.setText("Select a licence to see its support plan.")
        elif plan is None:
            ui.planSummary.setText(
                "No support plan yet. Start one within a couple of days of moving in."
            )
        else:
            status = f"agreed on {dates.uk(plan.agreed_on)}" if plan.status == "agreed" else "draft"
            overdue = " · review overdue" if support_plans.review_overdue(plan) else ""
            ui.planSummary.setText(
                f"Plan from {dates.uk(plan.start_date)}, {status}; review due "
                f"{dates.uk(plan.review_due)}{overdue}."
            )
        ongoing = self.licence is not None and self.licence.status != "ended"
        ui.newPlanButton.setEnabled(self.can_edit and ongoing and not draft)
        ui.addGoalButton.setEnabled(self.can_edit and draft)
        ui.removeGoalButton.setEnabled(self.can_edit and draft)
        ui.editGoalButton.setEnabled(self.can_edit and bool(goals))
        ui.saveRisksButton.setEnabled(self.can_edit and draft)
        ui.agreeButton.setEnabled(self.can_edit and draft)
        ui.reviewButton.setEnabled(
            self.can_edit and plan is not None and plan.status == "agreed" and ongoing
        )
        ui.printPlanButton.setEnabled(plan is not None and permissions.allowed(self.actor, "print"))
        ui.crisisButton.setEnabled(
            self.can_edit and plan is not None and plan.status != "superseded"
        )
        ui.recordReviewButton.setEnabled(
            self.can_edit and plan is not None and plan.status == "agreed"
        )
        ui.careSummary.setText(_care_summary(self.actor, plan))

    def _do(self, action) -> None:
        Operation(self, action, title="Support plan").errors(self.errors).success(self._done).run()

    def _done(self, result) -> None:
        if result is not None and hasattr(result, "licence_id"):
            self.plan = support_plans.get_plan(self.actor, result.id)
        elif self.plan is not None:
            self.plan = support_plans.get_plan(self.actor, self.plan.id)
        self._show()
        self.changed.emit()

    def new_plan(self) -> None:
        self._do(lambda: support_plans.create_plan(self.actor, self.licence))

    def add_goal(self) -> None:
        from housing_desk.ui.goal_dialog import GoalDialog

        if self.plan is not None and GoalDialog.ask(self, self.actor, self.plan) is not None:
            self._done(None)

    def selected_goal(self):
        model = self.ui.goalsTable.selectionModel()
        rows = model.selectedRows() if model else []
        return self.model.goals[rows[0].row()] if rows else None

    def edit_goal(self) -> None:
        from housing_desk.ui.goal_dialog import GoalDialog

        goal = self.selected_goal()
        if (
            goal is not None
            and self.can_edit
            and GoalDialog.ask(self, self.actor, self.plan, goal) is not None
        ):
            self._done(None)

    def remove_goal(self) -> None:
        indexes = (
            self.ui.goalsTable.selectionModel().selectedIndexes()
            if self.ui.goalsTable.selectionModel()
            else []
        )
        if indexes and messages.confirm(
            self, "Remove goal", "Remove this goal from the draft plan?", yes="Remove"
        ):
            goal = self.model.goals[indexes[0].row()]
            self._do(lambda: support_plans.remove_goal(self.actor, goal))

    def agree(self) -> None:
        if messages.confirm(
            self,
            "Agree the plan",
            "Has she agreed this plan with you today?",
            yes="Yes, she agreed it",
            no="Not yet",
        ):
            self._do(lambda: support_plans.agree(self.actor, self.plan))

    def start_review(self) -> None:
        self._do(lambda: support_plans.start_review(self.actor, self.plan))

    def crisis_plan(self) -> None:
        from housing_desk.ui.support_plan_care_dialogs import CrisisPlanDialog

        if self.plan is not None and CrisisPlanDialog.ask(self, self.actor, self.plan) is not None:
            self._done(None)

    def record_review(self) -> None:
        from housing_desk.ui.support_plan_care_dialogs import PlanReviewDialog

        if self.plan is not None and PlanReviewDialog.ask(self, self.actor, self.plan) is not None:
            self._done(None)

    def save_risks(self) -> None:
        values = {key: getattr(self.ui, edit).text() for key, edit in _RISK_EDITS.items()}
        self._do(lambda: support_plans.set_risks(self.actor, self.plan, **values))

    def print_plan(self) -> None:
        from housing_desk.ui.pdf_preview import PdfPreviewDialog

        def preview(pdf: bytes) -> None:
            PdfPreviewDialog.show_pdf(
                self,
                pdf,
                "Support plan",
                f"support-plan-{self.plan.id}.pdf",
                banner=paperwork.address_banner(self.plan),
            )
            self.changed.emit()

        Operation(
            self, lambda: paperwork.support_plan(self.actor, self.plan), title="Support plan"
        ).errors(self.errors).success(preview).run()
