"""Esc or Cancel on a dialog that holds typed work asks first, instead of silently dropping it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def snapshot(window: QWidget) -> list[tuple[str, object]]:
    """What every input in ``window`` holds now, in the order of the widget tree. Passwords are
    not work to keep, so they are left out."""
    values = []
    for widget in window.findChildren(QWidget):
        value = _value(widget)
        if value is not None:
            values.append((widget.objectName(), value))
    return values


def _value(widget: QWidget):
    if isinstance(widget, QLineEdit):
        if widget.echoMode() != QLineEdit.EchoMode.Normal or isinstance(
            widget.parentWidget(), (QAbstractSpinBox, QComboBox)
        ):
            return None
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QDateEdit):
        return widget.date().toJulianDay()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentIndex()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    return None


class DiscardGuard:
    """Remembers a window's inputs when it is first shown; ``may_close()`` asks before losing changes.

    It holds no reference to the window (a cycle would leave the window to Python's collector, which
    may free it at any moment, even in the middle of building another window).
    """

    def __init__(self):
        self.start: list[tuple[str, object]] | None = None

    def remember(self, window: QWidget) -> None:
        self.start = snapshot(window)

    def changed(self, window: QWidget) -> bool:
        if self.start is None:
            return False
        return snapshot(window) != self.start

    def may_close(self, window: QWidget) -> bool:
        """True when nothing was typed, or the officer chose to discard it."""
        if not self.changed(window):
            return True
        from housing_desk.ui import messages  # its dialogs' classes are off the start-up path

        return messages.confirm(
            window,
            "Discard what you typed?",
            "You have typed or changed something here that is not saved. Discard it and close?",
            yes="Discard",
            no="Keep editing",
        )
