"""Every style the documents use, in one place."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from housing_desk.documents import fonts

INK = colors.HexColor("#1f2a33")
NAVY = colors.HexColor("#1f3347")
RULE = colors.HexColor("#b8c4cf")
SHADE = colors.HexColor("#eef2f6")
MUTED = colors.HexColor("#5b6b7a")

fonts.register()

BODY = ParagraphStyle(
    "body", fontName=fonts.REGULAR, fontSize=9.5, leading=13, textColor=INK, spaceAfter=4
)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10.5, textColor=MUTED)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName=fonts.BOLD, fontSize=17, leading=21, textColor=NAVY, spaceAfter=2
)
SUBTITLE = ParagraphStyle("subtitle", parent=BODY, fontSize=10, textColor=MUTED, spaceAfter=10)
HEADING = ParagraphStyle(
    "heading",
    parent=BODY,
    fontName=fonts.BOLD,
    fontSize=11,
    leading=14,
    textColor=NAVY,
    spaceBefore=8,
    spaceAfter=3,
)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=11, spaceAfter=0)
CELL_BOLD = ParagraphStyle("cell_bold", parent=CELL, fontName=fonts.BOLD)
CELL_RIGHT = ParagraphStyle("cell_right", parent=CELL, alignment=TA_RIGHT)
CELL_RIGHT_BOLD = ParagraphStyle("cell_right_bold", parent=CELL_RIGHT, fontName=fonts.BOLD)
BANNER = ParagraphStyle(
    "banner", parent=BODY, fontName=fonts.BOLD, fontSize=10.5, leading=14, textColor=INK
)
BANNER_FILL = colors.HexColor("#fde8c8")
BANNER_EDGE = colors.HexColor("#c46a00")
HEADER_CELL = ParagraphStyle(
    "header_cell", parent=CELL, fontName=fonts.BOLD, textColor=colors.white
)


def grid(header_rows: int = 1, total_row: bool = False) -> TableStyle:
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), NAVY))
    commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, SHADE]))
    if total_row:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 1, NAVY))
    return TableStyle(commands)


def banner() -> TableStyle:
    return TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, -1), BANNER_FILL),
            ("BOX", (0, 0), (-1, -1), 1.2, BANNER_EDGE),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ]
    )
