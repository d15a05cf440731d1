"""Keywork sessions of a licence (or all of hers), newest first, and the dialog to record one."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableWidgetItem, QWidget

from housing_desk import clock
from housing_desk.services import assessments, keywork, licences, permissions, support_plans
from housing_desk.ui import dates, forms, viewers
from housing_desk.ui.form_dialog import FormDialog
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table

SESSION_COLUMNS = (
    Column("Date", lambda s: dates.uk(s.held_on), sort_key=lambda s: s.held_on),
    Column("Kind", lambda s: s.kind_label),
    Column(
        "Length",
        lambda s: f"{s.duration_minutes} min" if s.duration_minutes else "",
        sort_key=lambda s: s.duration_minutes or 0,
        align_right=True,
    ),
    Column("Keyworker", lambda s: s.keyworker),
    Column("Goals", lambda s: str(len(s.goal_ids)) if s.goal_ids else "", align_right=True),
    Column("Next", lambda s: dates.uk(s.next_on), sort_key=lambda s: s.next_on or date.min),
)


def session_columns(sensitive: bool) -> tuple[Column, ...]:
    """The sessions' columns; a viewer reads "Hidden from viewers" where the summary is kept from her."""
    return (
        *SESSION_COLUMNS,
        Column(
            "What was talked about",
            lambda s: viewers.or_hidden(s.summary.splitlines()[0] if s.summary else "", sensitive),
            tooltip=lambda s: s.summary,
        ),
    )


_WORKED, _ACHIEVED = 1, 2


class KeyworkDialog(FormDialog):
    FORM = "keywork_dialog"
    TITLE = "Keywork session"

    def __init__(self, actor, licence, name: str, parent: QWidget | None = None):
        self.actor, self.licence = actor, licence
        plan = support_plans.current_plan(self.actor, licence)
        self.goals = (
            [g for g in support_plans.goals(self.actor, plan) if g.achieved_on is None]
            if plan
            else []
        )
        super().__init__(parent)
        ui = self.ui
        ui.introLabel.setText(f"A keywork session with {name}.")
        for key, label in keywork.KINDS.items():
            ui.kindCombo.addItem(label, key)
        dates.set_date(ui.heldEdit, clock.today())
        dates.set_date(ui.nextEdit, clock.today() + timedelta(days=7))
        ui.nextEdit.setAccessibleName("Date of the next session")
        ui.nextEdit.setEnabled(False)
        ui.nextCheck.toggled.connect(ui.nextEdit.setEnabled)
        ui.kindCombo.currentIndexChanged.connect(self._attended)
        self.resize(620, self.sizeHint().height())

    def build(self) -> None:
        table = self.ui.goalsTable
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(["Goal in her plan", "Worked on", "Achieved"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setRowCount(len(self.goals))
        for row, goal in enumerate(self.goals):
            area = assessments.DOMAIN_LABELS.get(goal.domain, "")
            text = f"{area}: {goal.need}" if area else goal.need
            table.setItem(row, 0, QTableWidgetItem(text))
            for column in (_WORKED, _ACHIEVED):
                box = QTableWidgetItem()
                box.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                box.setCheckState(Qt.CheckState.Unchecked)
                table.setItem(row, column, box)
        table.horizontalHeader().setStretchLastSection(False)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(
            0, table.horizontalHeader().ResizeMode.Stretch
        )
        table.setVisible(bool(self.goals))
        label = self.ui.goalsTableLabel
        label.setText("&Goals" if self.goals else "Goals: none open in her plan")

    def field_widgets(self):
        ui = self.ui
        return {
            "held_on": ui.heldEdit,
            "kind": ui.kindCombo,
            "duration_minutes": ui.durationSpin,
            "summary": ui.summaryEdit,
            "goals": ui.goalsTable,
            "achieved": ui.goalsTable,
            "next_on": ui.nextEdit,
        }

    def _attended(self, *_args) -> None:
        attended = self.ui.kindCombo.currentData() != "attempted"
        self.ui.goalsTable.setEnabled(attended)
        self.ui.summaryEdit.setPlaceholderText(
            "In plain words, as you would say it to her"
            if attended
            else "How you tried to reach her (optional)"
        )

    def ticked(self, column: int) -> list[int]:
        table = self.ui.goalsTable
        return [
            goal.id
            for row, goal in enumerate(self.goals)
            if table.item(row, column).checkState() == Qt.CheckState.Checked
        ]

    def save(self):
        ui = self.ui
        duration = ui.durationSpin.value()
        return keywork.record_session(
            self.actor,
            self.licence,
            held_on=dates.get_date(ui.heldEdit),
            kind=ui.kindCombo.currentData(),
            duration_minutes=duration or None,
            summary=ui.summaryEdit.toPlainText(),
            goals=self.ticked(_WORKED),
            achieved=self.ticked(_ACHIEVED),
            next_on=dates.get_date(ui.nextEdit) if ui.nextCheck.isChecked() else None,
        )


class KeyworkPanel(QWidget):
    """Sessions of one licence (the licence page) or of one woman (her page)."""

    changed = Signal()

    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.licence = None
        self.person = None
        self.name = ""
        self.ui = forms.install("keywork_panel", self)
        self.model = RowTableModel(
            session_columns(permissions.allowed(actor, "view_sensitive")), self
        )
        prepare_table(self.ui.sessionsTable, FilterProxy(self.model, self))
        self.ui.sessionsTable.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.ui.sessionsTable.setAccessibleName("Keywork sessions")
        self.ui.recordButton.clicked.connect(self.record)
        self.ui.recordButton.setVisible(permissions.allowed(actor, "keywork"))
        self.show_for()

    def show_for(self, *, licence=None, person=None, name: str = "") -> None:
        """Show a licence's sessions, or (``person``) hers across every licence."""
        self.person, self.name = person, name
        self.licence = licence
        if licence is None and person is not None:
            self.licence = licences.current_licence(self.actor, person)
        if licence is not None:
            rows = keywork.sessions(self.actor, licence)
        elif person is not None:
            rows = keywork.sessions(self.actor, person=person)
        else:
            rows = []
        self.model.set_rows(rows)
        self.ui.sessionsTable.resizeColumnsToContents()
        ongoing = self.licence is not None and self.licence.status in ("active", "notice")
        self.ui.recordButton.setEnabled(ongoing)
        hint = ""
        if not permissions.allowed(self.actor, "view_sensitive") and rows:
            hint = "You can see when sessions happened; what was said is for the team."
        elif (licence or person) is not None and not ongoing:
            hint = "Sessions are recorded while she lives in a flat."
        elif rows and rows[0].held_on < clock.today() - timedelta(days=14):
            hint = f"Last session {dates.uk(rows[0].held_on)}."
        self.ui.hintLabel.setText(hint)
        self.ui.hintLabel.setVisible(bool(hint))

    def record(self) -> None:
        if self.licence is None:
            return
        saved = KeyworkDialog.ask(self, self.actor, self.licence, self.name or "her")
        if saved is not None:
            self.show_for(
                licence=None if self.person else self.licence, person=self.person, name=self.name
            )
            self.changed.emit()
