"""Her account statement: every charge and payment with the running balance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm

from housing_desk.documents import blocks, styles
from housing_desk.documents.account_data import StatementData
from housing_desk.documents.page import PageMeta, render

if TYPE_CHECKING:
    from decimal import Decimal

VERSION = "statement-2"


def _owed(amount: Decimal) -> str:
    if amount > 0:
        return f"{blocks.money(amount)} owed"
    if amount < 0:
        return f"{blocks.money(-amount)} in credit"
    return "Nothing owed"


def _rent_line(data: StatementData) -> str:
    """The claim's status and what Housing Benefit has still to pay; for a woman with no recourse
    to public funds, only who meets her rent (there is no claim)."""
    if data.no_recourse_to_public_funds:
        return data.rent_line
    return f"{data.rent_line}; {_owed(data.hb_balance).lower()} by Housing Benefit"


def story(data: StatementData) -> list:
    flowables = [
        blocks.text("Your account statement", styles.TITLE),
        blocks.text(f"{data.resident_name} · {data.flat_address}", styles.SUBTITLE),
    ]
    summary = [
        [
            blocks.text("Balance today", styles.CELL_BOLD),
            blocks.text(_owed(data.balance), styles.CELL),
            blocks.text("Printed", styles.CELL_BOLD),
            blocks.text(blocks.uk_date(data.printed_on), styles.CELL),
        ],
        [
            blocks.text("Your own share", styles.CELL_BOLD),
            blocks.text(_owed(data.her_balance), styles.CELL),
            blocks.text(data.rent_label, styles.CELL_BOLD),
            blocks.text(_rent_line(data), styles.CELL),
        ],
    ]
    flowables.append(blocks.table(summary, [30 * mm, 52 * mm, 30 * mm, 62 * mm], header_rows=0))
    flowables.append(blocks.text(data.rent_note, styles.SMALL))
    flowables.extend(blocks.heading("Charges and payments"))
    rows = [blocks.header_cells("Date", "What", "Charge", "Paid", "Balance")]
    if data.start is not None:
        rows.append(
            [
                blocks.text(blocks.uk_date(data.start), styles.CELL),
                blocks.text("Balance brought forward", styles.CELL_BOLD),
                blocks.text("", styles.CELL),
                blocks.text("", styles.CELL),
                blocks.text(blocks.money(data.opening_balance), styles.CELL_RIGHT),
            ]
        )
    for row in data.rows:
        rows.append(
            [
                blocks.text(blocks.uk_date(row.on), styles.CELL),
                blocks.text(row.description, styles.CELL),
                blocks.text(
                    blocks.money(row.charge) if row.charge is not None else "", styles.CELL_RIGHT
                ),
                blocks.text(
                    blocks.money(row.payment) if row.payment is not None else "", styles.CELL_RIGHT
                ),
                blocks.text(blocks.money(row.balance), styles.CELL_RIGHT),
            ]
        )
    rows.append(
        [
            blocks.text("", styles.CELL),
            blocks.text("Balance", styles.CELL_BOLD),
            blocks.text("", styles.CELL),
            blocks.text("", styles.CELL),
            blocks.text(blocks.money(data.balance), styles.CELL_RIGHT_BOLD),
        ]
    )
    flowables.append(
        blocks.table(rows, [22 * mm, 80 * mm, 24 * mm, 24 * mm, 24 * mm], total_row=True)
    )
    flowables.append(
        blocks.text(
            "If anything here looks wrong, or paying is hard just now, talk to your keyworker: "
            "we would rather agree a plan early than let a debt grow.",
            styles.BODY,
        )
    )
    return flowables


def build(data: StatementData) -> bytes:
    meta = PageMeta(
        data.organisation.name,
        "Account statement",
        data.reference,
        VERSION,
        logo_path=data.organisation.logo_path,
    )
    return render(story(data), meta)
