"""Everything held about one woman, for her subject access request, in one PDF."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from housing_desk.documents import blocks, styles
from housing_desk.documents.data import SubjectAccessData
from housing_desk.documents.page import MARGIN, PageMeta, render

VERSION = "subject-access-1"
_WIDTH = (A4[0] - 2 * MARGIN) / mm


def build(data: SubjectAccessData) -> bytes:
    story = [
        blocks.text("Information we hold about you", styles.TITLE),
        blocks.text(f"{data.name} · prepared on {blocks.uk_date(data.generated_on)}", styles.SUBTITLE),
        blocks.text("This is everything Housing Desk holds about you: your record, your referrals, your "
                    "assessments, your licences and support plans, the documents printed for you, and who has "
                    "looked at or changed your record. If anything is wrong, tell us and we will correct it.",
                    styles.BODY),
    ]
    for section in data.sections:
        story.extend(blocks.heading(section.title))
        count = len(section.headers)
        widths = section.widths or tuple(_WIDTH / count for _ in range(count))
        rows = [blocks.header_cells(*section.headers)]
        rows += [[blocks.text(cell, styles.CELL) for cell in row] for row in section.rows]
        if not section.rows:
            rows.append([blocks.text("Nothing held.", styles.CELL)] + [blocks.text("", styles.CELL)] * (count - 1))
        story.append(blocks.table(rows, [w * mm for w in widths]))
    return render(story, PageMeta(data.organisation.name, "Subject access", data.reference, VERSION))
