"""Printing a PDF: each page rendered by QtPdf at the printer's resolution."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument


def load(pdf: bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument reading from memory (keep the buffer alive as long as the document)."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def print_pdf(pdf: bytes, printer, should_continue=lambda: True) -> int:
    """Send every page to ``printer``; returns how many pages were printed."""
    document, buffer = load(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(document.pageCount()):
            if not should_continue():
                break
            if page:
                printer.newPage()
            size = (
                document.pagePointSize(page)
                .scaled(
                    QSize(target.width(), target.height()).toSizeF(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                )
                .toSize()
            )
            image = document.render(page, size)
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
            printed += 1
    finally:
        painter.end()
        document.close()
        buffer.close()
    return printed
