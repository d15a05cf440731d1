"""Drives the real windows as a person does and counts what it costs her: each mouse click, each
field typed into, each window opened. A dialog opened with ``ask`` (or a wizard with ``run``, a
preview with ``show_pdf``) is built for real, shown and filled by the step that expected it; a
window nobody expected fails the walk, so a new confirmation cannot creep in uncounted."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QWidget,
)

from housing_desk.ui import messages


@dataclass
class Counts:
    clicks: int = 0
    fields: int = 0
    windows: int = 0


class Walker:
    def __init__(self, qtbot, monkeypatch):
        self.qtbot, self.monkeypatch = qtbot, monkeypatch
        self.steps: dict[str, Counts] = {}
        self.current = Counts()
        self.expected: dict[str, deque] = {}
        monkeypatch.setattr(messages, "confirm", self._confirm)

    # -- counting ------------------------------------------------------------
    def step(self, name: str) -> None:
        self.current = self.steps.setdefault(name, Counts())

    def totals(self) -> Counts:
        return Counts(
            sum(c.clicks for c in self.steps.values()),
            sum(c.fields for c in self.steps.values()),
            sum(c.windows for c in self.steps.values()),
        )

    def report(self) -> str:
        lines = [f"{'step':<24}{'clicks':>7}{'fields':>7}{'windows':>8}"]
        for name, c in self.steps.items():
            lines.append(f"{name:<24}{c.clicks:>7}{c.fields:>7}{c.windows:>8}")
        t = self.totals()
        lines.append(f"{'total':<24}{t.clicks:>7}{t.fields:>7}{t.windows:>8}")
        return "\n".join(lines)

    # -- what a person does --------------------------------------------------
    def click(self, widget: QWidget) -> None:
        assert widget.isVisible() and widget.isEnabled(), f"cannot click {widget.objectName()}"
        self.current.clicks += 1
        if isinstance(widget, QCheckBox):  # on its box: a wide row is not all of it clickable
            self.qtbot.mouseClick(
                widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2)
            )
        else:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def type(self, edit: QLineEdit, text: str) -> None:
        """Click into a field and type."""
        self.click(edit)
        self.current.fields += 1
        self.qtbot.keyClicks(edit, text)

    def choose(self, combo: QComboBox, data) -> None:
        """Open a drop-down and pick an entry: two clicks."""
        assert combo.isVisible() and combo.isEnabled(), combo.objectName()
        index = combo.findData(data)
        if index < 0 and isinstance(data, str):
            index = combo.findText(data)  # a list of words with no data behind them
        assert index >= 0, (combo.objectName(), data)
        self.current.clicks += 2
        combo.setCurrentIndex(index)

    def pick_row(self, view: QAbstractItemView, row: int) -> None:
        index = view.model().index(row, 0)
        view.scrollTo(index)
        self.current.clicks += 1
        self.qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
        assert view.selectionModel().isRowSelected(row, index.parent()) or isinstance(
            view, QListWidget
        )

    def go(self, navigation: QListWidget, label: str) -> None:
        """A page chosen in the sidebar."""
        (item,) = navigation.findItems(label, Qt.MatchFlag.MatchExactly)
        self.current.clicks += 1
        self.qtbot.mouseClick(
            navigation.viewport(),
            Qt.MouseButton.LeftButton,
            pos=navigation.visualItemRect(item).center(),
        )

    # -- windows -------------------------------------------------------------
    def expect(self, cls, fill, method: str = "ask") -> None:
        """The next ``cls.method(...)`` builds the real window, shows it and lets ``fill`` drive it;
        ``fill`` returns what the method returns."""
        queue = self.expected.setdefault(f"{cls.__name__}.{method}", deque())
        queue.append(fill)
        if len(queue) > 1:
            return
        walker = self

        def opened(klass, parent, *args, **kwargs):
            fills = walker.expected.get(f"{klass.__name__}.{method}")
            assert fills, f"{klass.__name__} opened unexpectedly"
            window = klass(*args, parent=parent, **kwargs)
            walker.qtbot.addWidget(window)
            window.resize(min(window.width(), 1366), min(window.height(), 728))
            window.show()
            walker.qtbot.waitExposed(window)
            walker.current.windows += 1
            try:
                return fills.popleft()(window)
            finally:
                window.close()

        self.monkeypatch.setattr(cls, method, classmethod(opened))

    def expect_confirm(self, answer: bool) -> None:
        self.expected.setdefault("confirm", deque()).append(answer)

    def _confirm(self, parent, title, text, **_buttons) -> bool:
        answers = self.expected.get("confirm")
        assert answers, f"unexpected question: {title}"
        self.current.windows += 1
        self.current.clicks += 1
        return answers.popleft()

    def unanswered(self) -> list[str]:
        return [key for key, queue in self.expected.items() if queue]
