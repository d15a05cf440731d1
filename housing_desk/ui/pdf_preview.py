"""A document on screen before it is printed or saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from housing_desk.ui import forms, messages, printing, window_fit


class PdfPreviewDialog(QDialog):
    def __init__(self, pdf: bytes, title: str, suggested_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf, self.suggested_name = pdf, suggested_name
        self.ui = forms.install("pdf_preview_dialog", self)
        self.setWindowTitle(title)
        self.document, self._buffer = printing.load(pdf, self)
        self.view = QPdfView(self)
        self.view.setAccessibleName(title)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        forms.place(self.ui.viewHost, self.view)
        pages = self.document.pageCount()
        self.ui.pagesLabel.setText(f"{pages} page{'s' if pages != 1 else ''}")
        self.ui.printButton.clicked.connect(self.print_document)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        window_fit.fit(self, 820, 900)  # A4-shaped where there is room, within the screen always

    def print_document(self) -> None:
        printer = messages.choose_printer(self, self.document.pageCount())
        if printer is not None:
            printing.print_pdf(self.pdf, printer)

    def save(self) -> None:
        name = messages.save_file_name(
            self, "Save as PDF", self.suggested_name, "PDF documents (*.pdf)"
        )
        if name:
            Path(name).write_bytes(self.pdf)

    @classmethod
    def show_pdf(cls, parent, pdf: bytes, title: str, suggested_name: str) -> None:
        cls(pdf, title, suggested_name, parent=parent).exec()
