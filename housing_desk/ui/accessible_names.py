"""Every control a screen reader reaches gets a name, from the label that stands beside it.

Qt finds a label's text for its buddy only when both share a parent; a field inside a row widget
(a date with its "known" tick box, a file name with its Browse button) and a value shown in a
label would be announced without a name. Run on each form as it is loaded.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QLineEdit, QWidget


def spoken(text: str) -> str:
    """A label's words as a screen reader should say them: no markup, no '&' accelerator, no colon."""
    text = re.sub(r"<[^>]+>", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip(":").strip()


def name_controls(root: QWidget) -> None:
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and not buddy.accessibleName() and spoken(label.text()):
            buddy.setAccessibleName(spoken(label.text()))
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            _name_row(form, row)
    for edit in root.findChildren(QLineEdit):
        if not edit.accessibleName() and edit.placeholderText():
            edit.setAccessibleName(edit.placeholderText().rstrip("…").strip())


def _name_row(form: QFormLayout, row: int) -> None:
    label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
    field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
    if label_item is None or field_item is None or field_item.widget() is None:
        return
    label, field = label_item.widget(), field_item.widget()
    name = spoken(label.text()) if isinstance(label, QLabel) else ""
    if field.focusPolicy() != Qt.FocusPolicy.NoFocus:
        if name and not field.accessibleName():
            field.setAccessibleName(name)
        return
    words = name
    for child in field.findChildren(QWidget):
        if isinstance(child, QAbstractButton) and child.text():
            # "Head lease ends on", "Browse…": its own words are its name, and a tick box's
            # words name the date beside it when the row has no label of its own
            words = name or spoken(child.text())
            continue
        if child.focusPolicy() != Qt.FocusPolicy.NoFocus and not child.accessibleName() and words:
            child.setAccessibleName(words)
