"""Date boxes that take a whole date typed after a click: "5/1/2027", "05.01.2027" or "05012027".

Qt's date box edits one part at a time where the cursor happens to land, so a click in the middle
of the month followed by a typed date gives nonsense. After a click that brings the focus, typing
starts at the day; a separator typed just after a part filled itself is skipped, not counted twice.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDateEdit

_SEPARATORS = "/.-"


class DateTyping(QObject):
    def __init__(self, edit: QDateEdit):
        super().__init__(edit)
        self.clicked_in = False
        self.digit_section: int | None = None
        edit.installEventFilter(self)

    def eventFilter(self, edit, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            self.digit_section = None
            self.clicked_in = event.reason() == Qt.FocusReason.MouseFocusReason
        elif kind == QEvent.Type.MouseButtonPress and not edit.hasFocus():
            self.clicked_in = True  # a window without focus (not yet active) still takes the click
            self.digit_section = None
        elif kind == QEvent.Type.MouseButtonRelease and self.clicked_in:
            self.clicked_in = False
            edit.setCurrentSectionIndex(0)
            edit.setSelectedSection(edit.sectionAt(0))
        elif kind == QEvent.Type.KeyPress:
            return self._key(edit, event)
        return False

    def _key(self, edit: QDateEdit, event: QKeyEvent) -> bool:
        text = event.text()
        moved_on = (
            self.digit_section is not None and edit.currentSectionIndex() != self.digit_section
        )
        self.digit_section = edit.currentSectionIndex() if text.isdigit() else None
        if not text or text not in _SEPARATORS:
            return False
        if moved_on:
            return True  # the part filled itself and moved on; this separator is already counted
        if text != "/":
            slash = QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_Slash, Qt.KeyboardModifier.NoModifier, "/"
            )
            QApplication.sendEvent(edit, slash)
            return True
        return False


def accept_typing(edit: QDateEdit) -> None:
    if edit.findChild(DateTyping) is None:
        DateTyping(edit)
