"""Show a service's ValidationError beside the field it names, and clear it again."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from housing_desk.services.errors import DomainError, ValidationError

_ERROR_STYLE = "color: #b3261e;"


class FieldErrors:
    """Knows which widget shows which service field, and where to put messages.

    ``fields`` maps a service field name to the widget that edits it. A message
    for a field is shown in a label inserted just below that widget's row of
    its form layout; any other message goes to ``general`` (the dialog's error label).
    """

    def __init__(self, fields: dict[str, QWidget], general: QLabel):
        self.fields = fields
        self.general = general
        self._labels: list[tuple[QFormLayout, QLabel]] = []
        self._marked: list[QWidget] = []

    def clear(self) -> None:
        for form, label in self._labels:
            form.removeRow(label)
        self._labels.clear()
        for widget in self._marked:
            widget.setProperty("invalid", False)
            widget.setStyleSheet("")
            widget.setToolTip("")
        self._marked.clear()
        self.general.setVisible(False)
        self.general.setText("")

    def show(self, error: DomainError) -> None:
        """Show ``error`` and move the keyboard focus to the field it names."""
        self.clear()
        field = error.field if isinstance(error, ValidationError) else None
        widget = self.fields.get(field) if field else None
        if widget is None:
            self._show_general(error.message)
            return
        widget.setProperty("invalid", True)
        widget.setStyleSheet("border: 1px solid #b3261e; border-radius: 3px;")
        widget.setToolTip(error.message)
        self._marked.append(widget)
        if not self._insert_below(widget, error.message):
            self._show_general(error.message)
        widget.setFocus()

    def message_for(self, field: str) -> str:
        """The message shown under ``field`` (empty when none): for tests and screen readers."""
        widget = self.fields.get(field)
        return widget.toolTip() if widget in self._marked else ""

    def _show_general(self, message: str) -> None:
        self.general.setText(message)
        self.general.setStyleSheet(_ERROR_STYLE)
        self.general.setVisible(True)

    def _insert_below(self, widget: QWidget, message: str) -> bool:
        form, row, spanning = _form_row(widget)
        if form is None:
            return False
        label = QLabel(message)
        label.setWordWrap(True)  # a long reason reads in full, not cut at the dialog's edge
        label.setStyleSheet(_ERROR_STYLE)
        label.setObjectName("fieldErrorLabel")
        if spanning:
            form.insertRow(row + 1, label)
        else:
            form.insertRow(row + 1, "", label)
        self._labels.append((form, label))
        return True


def _form_row(widget: QWidget) -> tuple[QFormLayout | None, int, bool]:
    # Walk up from the widget until a QFormLayout holds it (it may sit inside a row widget or a group).
    child = widget
    parent = widget.parentWidget()
    while parent is not None:
        for form in parent.findChildren(QFormLayout):
            row, role = form.getWidgetPosition(child)
            if row >= 0:
                return form, row, role == QFormLayout.ItemRole.SpanningRole
        child, parent = parent, parent.parentWidget()
    return None, -1, False
