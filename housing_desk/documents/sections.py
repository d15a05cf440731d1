"""A document made of titled tables: the subject access export and the reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from housing_desk.documents import blocks, fonts, styles
from housing_desk.documents.data import RecordSection
from housing_desk.documents.page import MARGIN, PageMeta, render

if TYPE_CHECKING:
    from collections.abc import Sequence

_WIDTH = (A4[0] - 2 * MARGIN) / mm
_PADDING = 12 / mm  # a cell's left and right padding together, in millimetres
_LONGEST = 60  # a word wider than this (a pasted web address) may break


def _needs(headers: tuple[str, ...], rows: Sequence[Sequence[str]]) -> list[float]:
    """Each column's narrowest width (mm) that breaks no word: a date, a reference, a name."""
    needs = []
    for index, header in enumerate(headers):
        words = [(w, fonts.BOLD, styles.HEADER_CELL.fontSize) for w in header.split()]
        words += [
            (w, fonts.REGULAR, styles.CELL.fontSize)
            for row in rows
            for w in (row[index] or "").split()
        ]
        widest = max((stringWidth(w, font, size) / mm for w, font, size in words), default=0)
        needs.append(min(widest + _PADDING + 0.5, _LONGEST))
    return needs


def fitted_widths(
    headers: tuple[str, ...], rows: Sequence[Sequence[str]], widths: tuple[float, ...]
) -> list[float]:
    """``widths`` (mm, adding up to the page) widened where a word would break, the difference
    taken from the columns with room to spare; when there is not room enough for every word, in
    proportion to what each needs."""
    wanted = list(widths) or [_WIDTH / len(headers)] * len(headers)
    needs = _needs(headers, rows)
    if sum(needs) >= sum(wanted):
        return [sum(wanted) * n / sum(needs) for n in needs]
    short = sum(max(n - w, 0) for n, w in zip(needs, wanted, strict=True))
    spare = sum(max(w - n, 0) for n, w in zip(needs, wanted, strict=True))
    return [
        n if n > w else w - (w - n) * short / spare if spare else w
        for n, w in zip(needs, wanted, strict=True)
    ]


def build(
    title: str,
    subtitle: str,
    introduction: str,
    sections: tuple[RecordSection, ...],
    meta: PageMeta,
    information: tuple[tuple[str, str], ...] = (),
) -> bytes:
    """Title, introduction, then ``information`` as headed paragraphs, then each table."""
    story = [blocks.text(title, styles.TITLE), blocks.text(subtitle, styles.SUBTITLE)]
    if introduction:
        story.append(blocks.text(introduction, styles.BODY))
    for heading, paragraph in information:
        story.extend(blocks.heading(heading))
        story.append(blocks.text(paragraph, styles.BODY))
    for section in sections:
        story.extend(blocks.heading(section.title))
        count = len(section.headers)
        widths = fitted_widths(section.headers, section.rows, section.widths)
        rows = [blocks.header_cells(*section.headers)]
        rows += [[blocks.text(cell, styles.CELL) for cell in row] for row in section.rows]
        if not section.rows:
            rows.append(
                [blocks.text("Nothing held.", styles.CELL)]
                + [blocks.text("", styles.CELL)] * (count - 1)
            )
        story.append(blocks.table(rows, [w * mm for w in widths]))
    return render(story, meta)
