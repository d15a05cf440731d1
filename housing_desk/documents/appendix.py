"""Her own files at the end of her copy of her records: each picture on a page of its own, each
PDF's pages as they are, each behind a page that names it."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image

from housing_desk.documents import blocks, styles
from housing_desk.documents.page import PageMeta, render


@dataclass(frozen=True)
class OwnFile:
    filename: str
    kind: str  # in words: 'Proof of identity'
    added_on: date
    data: bytes

    @property
    def is_pdf(self) -> bool:
        return self.data[:5] == b"%PDF-"


def _picture(file: OwnFile) -> Image | None:
    try:
        reader = ImageReader(io.BytesIO(file.data))
        width, height = reader.getSize()
    except Exception:  # not a picture ReportLab can read (a Word file, a damaged scan)
        return None
    scale = min(170 * mm / width, 220 * mm / height, 1.0)
    return Image(io.BytesIO(file.data), width=width * scale, height=height * scale)


def _cover(file: OwnFile, words: str) -> list:
    return [
        blocks.text(f"Your file: {file.filename}", styles.TITLE),
        blocks.text(f"{file.kind} · added {blocks.uk_date(file.added_on)}", styles.SUBTITLE),
        blocks.text(words),
    ]


def with_files(pdf: bytes, files: list[OwnFile], meta: PageMeta) -> bytes:
    """``pdf`` with ``files`` after it."""
    if not files:
        return pdf
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(pdf)))
    for file in files:
        readable = None
        if file.is_pdf:
            try:
                readable = PdfReader(io.BytesIO(file.data))
                len(readable.pages)
            except (PyPdfError, ValueError, OSError):
                readable = None
        picture = None if file.is_pdf else _picture(file)
        if readable is not None:
            story = _cover(file, "Its pages follow, as we keep them.")
        elif picture is not None:
            story = [*_cover(file, "As we keep it:"), picture]
        else:
            story = _cover(
                file,
                "This file cannot be shown on a page. Ask us and we will give you a copy of it "
                "as it is.",
            )
        writer.append(PdfReader(io.BytesIO(render(story, meta))))
        if readable is not None:
            writer.append(readable)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
