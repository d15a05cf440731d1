"""The availability report: the board as a table.

The copy for partners and the council names no woman at all: "Occupied" is all they need, and a
name left out against only some flats would point at the one where a woman at risk lives. The
team's own copy (``data.with_names``) adds an occupant column, still blank for a woman whose
details are not to be disclosed, and says on every page that it is not for sharing.

Columns that hold codes, dates and states are as wide as their longest entry, so a flat
reference, a date or a state never breaks mid-word; the address and partner share what is left.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from housing_desk.documents import blocks, fonts, styles
from housing_desk.documents.data import AvailabilityReportData
from housing_desk.documents.page import MARGIN, PageMeta, render

VERSION = "availability-2"
TEAM_ONLY = (
    "For the team's own use. This copy names residents: never give it to a partner, the council "
    "or anyone outside the team."
)
_PADDING = 12  # a cell's left and right padding together, in points (ReportLab's default)
_WIDTH = landscape(A4)[0] - 2 * MARGIN  # printed on its side: a row of short columns is wide


def _fitted(header: str, values: list[str], *, by_word: bool = False) -> float:
    """The width that holds the header's longest word and every value on one line (or, with
    ``by_word``, every value's longest word, for a column whose text may wrap between words)."""
    pieces = [word for value in values for word in value.split()] if by_word else values
    widest: float = max(
        [stringWidth(word, fonts.BOLD, styles.HEADER_CELL.fontSize) for word in header.split()]
        + [stringWidth(piece, fonts.REGULAR, styles.CELL.fontSize) for piece in pieces]
    )
    return widest + _PADDING + 1


def column_widths(data: AvailabilityReportData) -> list[float]:
    """Widths in points: fitted for reference, state, dates and certificates; the rest shared."""
    lines = data.lines
    fixed = {
        "Flat": _fitted("Flat", [line.reference for line in lines]),
        "State": _fitted("State", [line.state for line in lines]),
        "Since": _fitted("Since", [blocks.uk_date(line.since) for line in lines]),
        "Until": _fitted("Until", [blocks.uk_date(line.until) for line in lines]),
        "Certificates": _fitted("Certificates", [line.compliance for line in lines]),
    }
    wrapping = [
        _fitted("Address", [line.address for line in lines], by_word=True),
        _fitted("Partner", [line.partner for line in lines], by_word=True),
    ]
    shares = [0.45, 0.25]
    if data.with_names:
        wrapping.append(_fitted("Occupant", [line.occupant for line in lines], by_word=True))
        shares.append(0.30)
    least = sum(wrapping)
    if _WIDTH - sum(fixed.values()) < least:
        # only references of twenty capital Ws get here: the reference wraps, not the page
        fixed["Flat"] = max(fixed["Flat"] - (least - (_WIDTH - sum(fixed.values()))), 16 * mm)
    left = _WIDTH - sum(fixed.values()) - least
    flexible = [
        need + max(left, 0) * share / sum(shares)
        for need, share in zip(wrapping, shares, strict=True)
    ]
    address, partner = flexible[0], flexible[1]
    widths = [fixed["Flat"], address, partner, fixed["State"], fixed["Since"], fixed["Until"]]
    if data.with_names:
        widths.append(flexible[2])
    widths.append(fixed["Certificates"])
    return widths


def build(data: AvailabilityReportData) -> bytes:
    headers = ["Flat", "Address", "Partner", "State", "Since", "Until"]
    if data.with_names:
        headers.append("Occupant")
    headers.append("Certificates")
    rows = [blocks.header_cells(*headers)]
    for line in data.lines:
        values = [
            line.reference,
            line.address,
            line.partner,
            line.state,
            blocks.uk_date(line.since),
            blocks.uk_date(line.until),
        ]
        if data.with_names:
            values.append(line.occupant)
        values.append(line.compliance)
        rows.append([blocks.text(value, styles.CELL) for value in values])
    counts: dict[str, int] = {}
    for line in data.lines:
        counts[line.state] = counts.get(line.state, 0) + 1
    summary = ", ".join(f"{count} {state.lower()}" for state, count in sorted(counts.items()))
    story = [blocks.text("Availability of the partner flats", styles.TITLE)]
    if data.with_names:
        story.append(blocks.banner(TEAM_ONLY))
    story += [
        blocks.text(
            f"On {blocks.uk_date(data.on)} · {len(data.lines)} flats: {summary}", styles.SUBTITLE
        ),
        blocks.table(rows, column_widths(data)),
    ]
    meta = PageMeta(
        data.organisation.name,
        "Availability report (team only)" if data.with_names else "Availability report",
        data.reference or blocks.uk_date(data.on),
        VERSION,
        logo_path=data.organisation.logo_path,
        landscape=True,
    )
    return render(story, meta)
