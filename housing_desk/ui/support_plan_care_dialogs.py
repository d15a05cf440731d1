"""Her crisis plan with consent to share agency by agency, and the record of a plan's review."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from housing_desk import clock
from housing_desk.services import support_plans
from housing_desk.services.support_plan_care import COMMON_AGENCIES
from housing_desk.ui import dates
from housing_desk.ui.form_dialog import FormDialog


class CrisisPlanDialog(FormDialog):
    FORM = "crisis_plan_dialog"
    TITLE = "Crisis plan"

    def __init__(self, actor, plan, parent: QWidget | None = None):
        self.plan = plan
        self.agency_boxes: dict[str, QCheckBox] = {}
        super().__init__(parent)
        self.actor = actor
        ui = self.ui
        ui.triggersEdit.setPlainText(plan.crisis_triggers)
        ui.actionsEdit.setPlainText(plan.crisis_actions)
        ui.contactsEdit.setPlainText(plan.crisis_contacts)
        chosen = support_plans.agencies(plan)
        for name, box in self.agency_boxes.items():
            box.setChecked(name in chosen)
        ui.otherAgenciesEdit.setPlainText(
            "\n".join(name for name in chosen if name not in self.agency_boxes)
        )
        self.resize(640, self.sizeHint().height())

    def build(self) -> None:
        grid = QGridLayout(self.ui.agenciesHost)
        grid.setContentsMargins(0, 0, 0, 0)
        for number, name in enumerate(COMMON_AGENCIES):
            box = QCheckBox(name)
            grid.addWidget(box, number // 2, number % 2)
            self.agency_boxes[name] = box

    def field_widgets(self):
        ui = self.ui
        return {
            "triggers": ui.triggersEdit,
            "actions": ui.actionsEdit,
            "contacts": ui.contactsEdit,
            "consent_to_share": ui.otherAgenciesEdit,
        }

    def agencies(self) -> list[str]:
        ticked = [name for name, box in self.agency_boxes.items() if box.isChecked()]
        others = [line.strip() for line in self.ui.otherAgenciesEdit.toPlainText().splitlines()]
        return ticked + [name for name in others if name]

    def save(self):
        ui = self.ui
        return support_plans.set_crisis_plan(
            self.actor,
            self.plan,
            triggers=ui.triggersEdit.toPlainText(),
            actions=ui.actionsEdit.toPlainText(),
            contacts=ui.contactsEdit.toPlainText(),
            consent_to_share=self.agencies(),
        )


class PlanReviewDialog(FormDialog):
    FORM = "plan_review_dialog"
    TITLE = "Review of her plan"

    def __init__(self, actor, plan, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.plan = actor, plan
        dates.set_date(self.ui.reviewedEdit, clock.today())
        self.resize(560, self.sizeHint().height())

    def field_widgets(self):
        ui = self.ui
        return {
            "reviewed_on": ui.reviewedEdit,
            "attended": ui.attendedEdit,
            "summary": ui.summaryEdit,
        }

    def save(self):
        ui = self.ui
        return support_plans.record_review(
            self.actor,
            self.plan,
            reviewed_on=dates.get_date(ui.reviewedEdit),
            attended=ui.attendedEdit.text(),
            summary=ui.summaryEdit.toPlainText(),
        )
