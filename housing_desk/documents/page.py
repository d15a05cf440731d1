"""One page template for every document: the organisation and title at the top, the reference,
template version and 'Page n of N' at the foot."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from housing_desk.documents import fonts, styles

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, BinaryIO

    from reportlab.pdfgen.canvas import Canvas

MARGIN = 18 * mm


@dataclass(frozen=True)
class PageMeta:
    organisation: str
    title: str
    reference: str
    template_version: str = ""
    author: str = "Housing Desk"
    logo_path: str = ""
    landscape: bool = False  # A4 on its side, for a wide table

    @property
    def pagesize(self) -> tuple[float, float]:
        size: tuple[float, float] = landscape(A4) if self.landscape else A4
        return size


class NumberedCanvas(pdf_canvas.Canvas):
    """Holds every page until the end so that each footer can say 'Page n of N'."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for page in self._pages:
            self.__dict__.update(page)
            self.setFont(fonts.REGULAR, 7.5)
            self.setFillColor(styles.MUTED)
            self.drawRightString(
                self._pagesize[0] - MARGIN, 10 * mm, f"Page {self._pageNumber} of {total}"
            )
            super().showPage()
        super().save()


def _decorate(meta: PageMeta) -> Callable[[Canvas, object], None]:
    def draw(canvas: Canvas, _document: object) -> None:
        width, height = meta.pagesize
        canvas.saveState()
        left = MARGIN
        if meta.logo_path:
            try:
                image = ImageReader(meta.logo_path)
                across, down = image.getSize()
                logo_width = min(7 * mm * across / max(down, 1), 30 * mm)
                canvas.drawImage(
                    image,
                    MARGIN,
                    height - 13.5 * mm,
                    width=logo_width,
                    height=7 * mm,
                    preserveAspectRatio=True,
                    anchor="sw",
                    mask="auto",
                )
                left += logo_width + 3 * mm
            except OSError:
                pass  # a logo file that has gone missing leaves just the name
        canvas.setFont(fonts.BOLD, 9)
        canvas.setFillColor(styles.NAVY)
        canvas.drawString(left, height - 12 * mm, meta.organisation)
        canvas.setFont(fonts.REGULAR, 8.5)
        canvas.setFillColor(styles.MUTED)
        canvas.drawRightString(width - MARGIN, height - 12 * mm, f"{meta.title} · {meta.reference}")
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, height - 14 * mm, width - MARGIN, height - 14 * mm)
        canvas.line(MARGIN, 14 * mm, width - MARGIN, 14 * mm)
        canvas.setFont(fonts.REGULAR, 7.5)
        footer = f"Reference {meta.reference}"
        if meta.template_version:
            footer += f" · wording version {meta.template_version}"
        canvas.drawString(MARGIN, 10 * mm, footer)
        canvas.restoreState()

    return draw


class HousingDocTemplate(BaseDocTemplate):
    def __init__(self, output: BinaryIO, meta: PageMeta) -> None:
        super().__init__(
            output,
            pagesize=meta.pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=22 * mm,
            bottomMargin=20 * mm,
            title=f"{meta.title} {meta.reference}",
            author=meta.author,
            creator="Housing Desk",
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_decorate(meta))])


def render(story: list, meta: PageMeta) -> bytes:
    """The PDF for ``story`` with the house page template, as bytes."""
    output = io.BytesIO()
    HousingDocTemplate(output, meta).build(story, canvasmaker=NumberedCanvas)
    return output.getvalue()
