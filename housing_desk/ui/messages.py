"""The one place that opens message boxes and file dialogs, so tests can replace them."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def information(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warning(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def confirm(
    parent: QWidget | None, title: str, text: str, *, yes: str = "Yes", no: str = "Cancel"
) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes_button


def choose(
    parent: QWidget | None, title: str, text: str, options: list[tuple[str, str]]
) -> str | None:
    """One of ``options`` (key, button text), the first being the default; None for Cancel or Esc."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    buttons = {}
    for key, label in options:
        buttons[key] = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(cancel)
    box.setDefaultButton(buttons[options[0][0]])
    box.exec()
    return next((key for key, button in buttons.items() if box.clickedButton() is button), None)


def save_file_name(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return name


def open_file_name(parent: QWidget | None, title: str, filters: str) -> str:
    name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return name


def choose_printer(parent: QWidget | None, pages: int = 0):
    """The printer the officer chose in the print dialog, or None when she cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if pages:
        dialog.setMinMax(1, pages)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def choose_folder(parent: QWidget | None, title: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title)


def ask_secret(parent: QWidget | None, title: str, label: str) -> str | None:
    """A passphrase typed in a masked field, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    text, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if accepted else None


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text typed in a plain field, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    typed, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return typed if accepted else None
