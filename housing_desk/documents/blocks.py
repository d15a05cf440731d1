"""Small building blocks: text typed by officers printed literally, money, dates, tables, signatures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

from housing_desk.documents import styles

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle


def text(value: str, style: ParagraphStyle = styles.BODY) -> Paragraph:
    """A paragraph of literal text: '<', '&' and quotes print as typed; line breaks are kept."""
    return Paragraph(escape(value or "").replace("\n", "<br/>"), style)


def markup(value: str, style: ParagraphStyle = styles.BODY) -> Paragraph:
    """A paragraph of our own markup (already escaped where it holds typed text)."""
    return Paragraph(value, style)


def heading(value: str) -> list:
    """A heading that never sits alone at the foot of a page (what follows may still split)."""
    return [CondPageBreak(30 * mm), text(value, styles.HEADING)]


def money(amount: Decimal) -> str:
    return f"£{amount:,.2f}"


def uk_date(day: date | None, blank: str = "") -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}" if day else blank


def table(
    rows: list[list], widths: list[float], *, header_rows: int = 1, total_row: bool = False
) -> Table:
    """A table whose header row repeats when it splits across pages."""
    # splitInRow: a row too tall for one page (very long notes) carries on over the next.
    result = Table(rows, colWidths=widths, repeatRows=header_rows, hAlign="LEFT", splitInRow=1)
    result.setStyle(styles.grid(header_rows, total_row))
    return result


def banner(value: str) -> Table:
    """A boxed warning across the page, for what must not go to the wrong person."""
    box = Table([[text(value, styles.BANNER)]], colWidths=["100%"], hAlign="LEFT")
    box.setStyle(styles.banner())
    return box


def header_cells(*titles: str) -> list[Paragraph]:
    return [Paragraph(escape(title), styles.HEADER_CELL) for title in titles]


def signature_block(parties: list[tuple[str, str]], note: str = "") -> KeepTogether:
    """Lines to sign for each (role, printed name); never split across pages."""
    rows = []
    for role, name in parties:
        rows.append(
            [
                text(role, styles.CELL_BOLD),
                text(f"Name: {name}" if name else "Name:", styles.CELL),
                text("Signature:", styles.CELL),
                text("Date:", styles.CELL),
            ]
        )
    block = Table(
        rows,
        colWidths=[32 * mm, 55 * mm, 55 * mm, 30 * mm],
        rowHeights=[14 * mm] * len(rows),
        hAlign="LEFT",
    )
    block.setStyle(styles.grid(header_rows=0))
    flowables = [Spacer(1, 4 * mm)]
    if note:
        flowables.append(text(note))
    flowables.append(block)
    return KeepTogether(flowables)
