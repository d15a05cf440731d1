"""A document made of titled tables: the subject access export and the reports."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from housing_desk.documents import blocks, styles
from housing_desk.documents.data import RecordSection
from housing_desk.documents.page import MARGIN, PageMeta, render

_WIDTH = (A4[0] - 2 * MARGIN) / mm


def build(
    title: str,
    subtitle: str,
    introduction: str,
    sections: tuple[RecordSection, ...],
    meta: PageMeta,
) -> bytes:
    story = [blocks.text(title, styles.TITLE), blocks.text(subtitle, styles.SUBTITLE)]
    if introduction:
        story.append(blocks.text(introduction, styles.BODY))
    for section in sections:
        story.extend(blocks.heading(section.title))
        count = len(section.headers)
        widths = section.widths or tuple(_WIDTH / count for _ in range(count))
        rows = [blocks.header_cells(*section.headers)]
        rows += [[blocks.text(cell, styles.CELL) for cell in row] for row in section.rows]
        if not section.rows:
            rows.append(
                [blocks.text("Nothing held.", styles.CELL)]
                + [blocks.text("", styles.CELL)] * (count - 1)
            )
        story.append(blocks.table(rows, [w * mm for w in widths]))
    return render(story, meta)
