"""A document on screen before it is printed or saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from housing_desk.ui import forms, messages, printing, window_fit
from housing_desk.ui.style import BANNER_STYLE


class PdfPreviewDialog(QDialog):
    """``banner``: shown above the document (her address is on it, and she is not to be found);
    ``warning``: asked to be acknowledged before it is printed or saved."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        suggested_name: str,
        parent: QWidget | None = None,
        *,
        banner: str = "",
        warning: str = "",
    ):
        super().__init__(parent)
        self.pdf, self.suggested_name, self.warning = pdf, suggested_name, warning
        self.ui = forms.install("pdf_preview_dialog", self)
        self.setWindowTitle(title)
        self.ui.bannerLabel.setText(banner)
        self.ui.bannerLabel.setStyleSheet(BANNER_STYLE)
        self.ui.bannerLabel.setVisible(bool(banner))
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

    def _leaves_with_care(self, doing: str) -> bool:
        if not self.warning:
            return True
        return messages.confirm(
            self, "It must go only to her", self.warning, yes=f"I understand: {doing}"
        )

    def print_document(self) -> None:
        if not self._leaves_with_care("print it"):
            return
        printer = messages.choose_printer(self, self.document.pageCount())
        if printer is not None:
            printing.print_pdf(self.pdf, printer)

    def save(self) -> None:
        if not self._leaves_with_care("save it"):
            return
        name = messages.save_file_name(
            self, "Save as PDF", self.suggested_name, "PDF documents (*.pdf)"
        )
        if name:
            Path(name).write_bytes(self.pdf)

    @classmethod
    def show_pdf(
        cls, parent, pdf: bytes, title: str, suggested_name: str, *, banner="", warning=""
    ) -> None:
        cls(pdf, title, suggested_name, parent=parent, banner=banner, warning=warning).exec()
