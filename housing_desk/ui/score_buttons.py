"""A score from 1 to 5 chosen with one click: five buttons in a row, one of them pressed (none
until she is scored). Replaces a drop-down that took two clicks per area."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

SCORES = range(1, 6)


class ScoreButtons(QWidget):
    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[int, QToolButton] = {}
        for score in SCORES:
            button = QToolButton()
            button.setText(str(score))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setObjectName(f"score{score}")
            button.setAccessibleName(f"Score {score} for {label}")
            button.setMinimumWidth(30)
            self.group.addButton(button, score)
            row.addWidget(button)
            self.buttons[score] = button
        # The pressed score must stand out at a glance, in every style and theme.
        self.setStyleSheet(
            "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);"
            " font-weight: bold; border: 1px solid palette(dark); border-radius: 3px; }"
        )
        self.group.idToggled.connect(lambda _id, checked: checked and self.changed.emit())

    def value(self) -> int | None:
        score = self.group.checkedId()
        return score if score in SCORES else None

    def set_value(self, score: int | None) -> None:
        if score in self.buttons:
            self.buttons[score].setChecked(True)
            return
        checked = self.group.checkedButton()
        if checked is not None:  # no score: an exclusive group must let go to clear
            self.group.setExclusive(False)
            checked.setChecked(False)
            self.group.setExclusive(True)
            self.changed.emit()
