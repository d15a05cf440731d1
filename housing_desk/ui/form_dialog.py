"""The shape every editing dialog shares: a form, Save/Cancel, one service call, errors by field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from housing_desk.ui import forms, window_fit
from housing_desk.ui.discard_guard import DiscardGuard
from housing_desk.ui.field_errors import FieldErrors


class FormDialog(QDialog):
    """Subclasses set ``FORM`` and ``TITLE``, map fields in ``field_widgets`` and implement ``save``.

    On Save the dialog calls ``save()`` (one service call). A refusal is shown
    beside the field it names; what was typed stays, and nothing is saved.
    """

    FORM = ""
    TITLE = ""
    KEEP_OPEN = (
        object()
    )  # returned by save() when the officer chose to go back and change something

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = forms.install(self.FORM, self)
        self.body = window_fit.scroll_body(self, self.ui)
        self.guard = DiscardGuard()
        self.setWindowTitle(self.TITLE)
        self.result_value: Any = None
        self.build()
        self.errors = FieldErrors(self.field_widgets(), self.ui.errorLabel)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        ok = self.ok_button()
        if ok is not None:
            ok.setDefault(True)

    def showEvent(self, event) -> None:
        if self.guard.start is None:
            if self.testAttribute(Qt.WidgetAttribute.WA_Resized):
                window_fit.fit(self, self.width(), self.height())  # the size it asked for, capped
            else:
                window_fit.fit_to_content(self)
            self.guard.remember(self)  # after the subclass filled in its defaults
        super().showEvent(event)

    def reject(self) -> None:
        """Esc, Cancel or the close button: typed work is only dropped when she says so."""
        if self.guard.may_close(self):
            super().reject()

    def build(self) -> None:
        """Hook for widgets made in code (rows that come from data), before errors are mapped."""

    def field_widgets(self) -> dict[str, QWidget]:
        return {}

    def save(self) -> Any:
        raise NotImplementedError

    def accept(self) -> None:
        from housing_desk.ui.operations import Operation  # off the way to the sign-in dialog

        operation = Operation(self, self.save, title=self.TITLE or "Housing Desk")
        operation.errors(self.errors).success(self._saved)
        if hasattr(self, "reload"):
            operation.reload(self.reload)
        operation.run()

    def _saved(self, saved: Any) -> None:
        if saved is self.KEEP_OPEN:
            return
        self.result_value = saved
        super().accept()

    def ok_button(self):
        buttons = self.ui.buttonBox
        return buttons.button(QDialogButtonBox.StandardButton.Save) or buttons.button(
            QDialogButtonBox.StandardButton.Ok
        )

    @classmethod
    def ask(cls, parent: QWidget | None, *args, **kwargs):
        """Show the dialog; the saved record, or None when cancelled."""
        dialog = cls(*args, parent=parent, **kwargs)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.result_value if accepted else None
