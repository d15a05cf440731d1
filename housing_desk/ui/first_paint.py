"""Doing something just after a window is first painted: the start-up's next steps, the side
lists of a board read again, and ``--quit-after-startup``'s report."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _PaintWatch(QObject):
    """Calls ``then`` once, on the turn of the event loop after ``widget`` is first painted."""

    def __init__(self, widget: QWidget, then: Callable[[], object]):
        super().__init__(widget)
        self.widget, self.then = widget, then
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            QTimer.singleShot(0, self.then)  # once this paint is done and on screen
        return False


def after_painting(widget: QWidget, then: Callable[[], object]) -> None:
    """Run ``then`` just after ``widget``'s next paint."""
    _PaintWatch(widget, then)
