"""Locking the window after a while without use, on shared office PCs, keeping unsaved work.

While locked every window of Housing Desk is hidden (not closed: what was typed stays) and a
small dialog asks for the signed-in officer's password.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from housing_desk.services import users
from housing_desk.ui.form_dialog import FormDialog

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class LockDialog(FormDialog):
    FORM = "lock_dialog"
    TITLE = "Housing Desk is locked"

    def __init__(self, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.user = user
        self.ui.introLabel.setText(
            f"Housing Desk was locked after a while without use. {user.full_name}, your work "
            "is kept: enter your password to carry on."
        )

    def field_widgets(self):
        return {"password": self.ui.passwordEdit}

    def save(self):
        try:
            return users.unlock(self.user, self.ui.passwordEdit.text())
        finally:
            self.ui.passwordEdit.clear()


class IdleLock(QObject):
    """Watches for keyboard and mouse use; locks after ``minutes`` without any."""

    def __init__(self, user, minutes: float, parent=None):
        super().__init__(parent)
        self.user = user
        self.seconds = minutes * 60
        self.last_activity = time.monotonic()
        self.locked = False
        self.hidden: list[QWidget] = []
        QApplication.instance().installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(15_000)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def eventFilter(self, watched, event):
        if event.type() in _ACTIVITY:
            self.last_activity = time.monotonic()
        return False

    def check(self) -> None:
        if not self.locked and time.monotonic() - self.last_activity >= self.seconds:
            self.lock()

    def lock(self) -> None:
        self.locked = True
        self.hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for widget in self.hidden:
            widget.hide()
        self.dialog = LockDialog(self.user)
        self.dialog.accepted.connect(self.unlock)
        self.dialog.rejected.connect(QApplication.instance().quit)
        self.dialog.open()

    def unlock(self) -> None:
        for widget in self.hidden:
            widget.show()
        self.hidden = []
        self.locked = False
        self.last_activity = time.monotonic()

    def stop(self) -> None:
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)
