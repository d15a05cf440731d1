"""The availability report for partners and the council: the board as a table.

It leaves the occupant blank for any woman whose details are not to be disclosed; the service
has already blanked them, and this document adds nothing that could identify her.
"""

from __future__ import annotations

from reportlab.lib.units import mm

from housing_desk.documents import blocks, styles
from housing_desk.documents.data import AvailabilityReportData
from housing_desk.documents.page import PageMeta, render

VERSION = "availability-1"


def build(data: AvailabilityReportData) -> bytes:
    rows = [
        blocks.header_cells(
            "Flat", "Address", "Partner", "State", "Since", "Until", "Occupant", "Certificates"
        )
    ]
    for line in data.lines:
        rows.append(
            [
                blocks.text(value, styles.CELL)
                for value in (
                    line.reference,
                    line.address,
                    line.partner,
                    line.state,
                    blocks.uk_date(line.since),
                    blocks.uk_date(line.until),
                    line.occupant,
                    line.compliance,
                )
            ]
        )
    counts: dict[str, int] = {}
    for line in data.lines:
        counts[line.state] = counts.get(line.state, 0) + 1
    summary = ", ".join(f"{count} {state.lower()}" for state, count in sorted(counts.items()))
    story = [
        blocks.text("Availability of the partner flats", styles.TITLE),
        blocks.text(
            f"On {blocks.uk_date(data.on)} · {len(data.lines)} flats: {summary}", styles.SUBTITLE
        ),
        blocks.table(
            rows, [16 * mm, 44 * mm, 26 * mm, 20 * mm, 17 * mm, 17 * mm, 20 * mm, 16 * mm]
        ),
        blocks.text("Some occupants' names are left out to protect their safety.", styles.SMALL),
    ]
    meta = PageMeta(
        data.organisation.name,
        "Availability report",
        data.reference or blocks.uk_date(data.on),
        VERSION,
        logo_path=data.organisation.logo_path,
    )
    return render(story, meta)
