"""Load a Qt Designer form from ``forms/`` into a window or dialog at run time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QFile, QIODevice, Qt
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDateEdit, QDialog, QMainWindow, QScrollArea, QVBoxLayout, QWidget

from housing_desk import paths
from housing_desk.ui import accessible_names, date_typing

_loader: QUiLoader | None = None


def _ui_loader() -> QUiLoader:
    global _loader
    if _loader is None:
        # Our forms use Qt's own widgets only. With no library paths, the loader skips scanning
        # Designer's plugin folders, which would load QtQuick and QtWebEngine for nothing.
        paths = QCoreApplication.libraryPaths()
        QCoreApplication.setLibraryPaths([])
        try:
            _loader = QUiLoader()
        finally:
            QCoreApplication.setLibraryPaths(paths)
    return _loader


def load(name: str, parent: QWidget | None = None) -> QWidget:
    """The widget described by ``forms/<name>.ui``; its children are attributes of it."""
    path = paths.form(name)
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"Cannot open the form {path}")
    try:
        widget = _ui_loader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"The form {path} could not be loaded: {_ui_loader().errorString()}")
    for edit in widget.findChildren(QDateEdit):
        date_typing.accept_typing(edit)
    for scroller in widget.findChildren(QScrollArea):
        scroller.setFocusPolicy(
            Qt.FocusPolicy.NoFocus
        )  # Tab reaches the fields; it scrolls to them
    accessible_names.name_controls(widget)
    return widget


def place(host: QWidget, *widgets: QWidget) -> None:
    """Fill a placeholder ``host`` in a form with ``widgets``, top to bottom, edge to edge."""
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)


def install(name: str, host: QWidget) -> QWidget:
    """Load a form and make it the whole content of ``host`` (a page, dialog or main window)."""
    widget = load(name, host)
    if isinstance(host, QMainWindow):
        host.setCentralWidget(widget)
    else:
        layout = QVBoxLayout(host)
        if not isinstance(host, QDialog):
            layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget)
    return widget
