"""Her scores over time as a table of colours: a row per area, a column per assessment.

A line per area drew fifteen lines over five possible values, one blob of dots. Here each cell
holds the score itself on its colour, so it reads at a glance and a screen reader reads it as a
table; the last column gives the change since the assessment before the latest.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from housing_desk.services import assessment_changes, assessments
from housing_desk.ui import dates
from housing_desk.ui.style import NOT_SCORED_COLOURS, SCORE_COLOURS

CAPTION = "Oldest first. Key:"
SHORT = {
    assessment_changes.NEW: "new",
    assessment_changes.DROPPED: "dropped",
    assessment_changes.SAME: "→ same",
}
LABEL_WIDTH = 270
LEGEND = {1: "1 high need", 2: "2", 3: "3", 4: "4", 5: "5 managing independently"}


class ScoreModel(QAbstractTableModel):
    """Rows: the areas her assessments were scored on; columns: the assessments, then the change."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.history: list = []
        self.keys: list[str] = []
        self.changes: dict = {}  # area key -> AreaChange, latest against the one before

    def set_history(self, history) -> None:
        self.beginResetModel()
        self.history = list(history)
        keys = assessment_changes.area_keys(*self.history)
        current = [key for key, _label in assessments.DOMAINS]
        # Every area assessed now, even one none of hers was scored on yet, then older areas.
        self.keys = [*current, *(key for key in keys if key not in current)] if history else []
        if len(self.history) > 1:
            compared = assessment_changes.compare(self.history[-1], self.history[-2])
            self.changes = {area.key: area for area in compared.areas}
        else:
            self.changes = {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.keys)

    def columnCount(self, parent=QModelIndex()):
        if parent.isValid() or not self.history:
            return 0
        return len(self.history) + (1 if len(self.history) > 1 else 0)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Vertical:
            return assessment_changes.area_label(self.keys[section])
        if section < len(self.history):
            view = self.history[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{dates.uk(view.assessed_on)}: {view.outcome_label}, by {view.assessor}"
            return dates.uk(view.assessed_on)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "The latest assessment against the one before it"
        return "Change"

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self.keys[index.row()]
        if index.column() >= len(self.history):
            return self._change_data(key, role)
        score = self.history[index.column()].scores.get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(score) if score is not None else "–"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            day = dates.uk(self.history[index.column()].assessed_on)
            if score is None:
                return f"{assessment_changes.area_label(key)}, {day}: not assessed then"
            words = assessment_changes.score_words(key, score)
            return f"{assessment_changes.area_label(key)}, {day}: {score} of 5. {words}"
        background, colour = SCORE_COLOURS.get(score, NOT_SCORED_COLOURS)  # type: ignore[arg-type]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(background)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(colour)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _change_data(self, key: str, role):
        area = self.changes.get(key)
        if area is None:  # an area neither of the last two was scored on
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:  # short, to keep the table narrow; words below
            if area.change in SHORT:
                return SHORT[area.change]
            steps = f"{area.after - area.before:+d}".replace("-", "−")  # type: ignore[operator]
            return f"{area.arrow} {steps}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{area.label}, since the assessment before the latest: {area.words}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None


class ScoreChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = ScoreModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.caption = QLabel(CAPTION)
        # The caption and the key share one line above the table, leaving it the height.
        layout.addLayout(self._legend())
        self.table = QTableView()
        self.table.setObjectName("scoresTable")
        self.table.setAccessibleName("Her scores over time, by area")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        # Long area names are cut short with "…" (the whole name is its tooltip), so that the
        # scores, not the names, have the width.
        self.table.verticalHeader().setMaximumWidth(LABEL_WIDTH)
        self.table.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 4)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setDefaultSectionSize(84)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.empty = QLabel("No assessments yet: her scores will show here once she is assessed.")
        layout.addWidget(self.empty)
        self.set_history([])

    def _legend(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.caption)
        for score, words in LEGEND.items():
            background, colour = SCORE_COLOURS[score]
            chip = QLabel(words)
            chip.setStyleSheet(
                f"background:{background}; color:{colour}; padding:2px 8px; border-radius:3px;"
            )
            row.addWidget(chip)
        row.addStretch(1)
        return row

    def set_history(self, history) -> None:
        """``history``: AssessmentView objects, oldest first."""
        self.model.set_history(history)
        self.table.setVisible(bool(history))
        self.empty.setVisible(not history)
        self.table.resizeColumnToContents(len(self.model.history))
        # The latest on screen first: with many assessments the older ones are a scroll away.
        self.table.horizontalScrollBar().setValue(self.table.horizontalScrollBar().maximum())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.table.horizontalScrollBar().setValue(self.table.horizontalScrollBar().maximum())

    def series(self) -> dict[str, list[tuple[date, int]]]:
        """Each area's (date, score) cells, as shown, for the areas any assessment scored."""
        return {
            key: [(v.assessed_on, v.scores[key]) for v in self.model.history if key in v.scores]
            for key in self.model.keys
            if any(key in v.scores for v in self.model.history)
        }
