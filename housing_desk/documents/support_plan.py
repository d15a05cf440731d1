"""The support plan: her goals, who does what by when, the risks and how they are managed."""

from __future__ import annotations

from reportlab.lib.units import mm

from housing_desk.documents import blocks, styles
from housing_desk.documents.data import SupportPlanData
from housing_desk.documents.page import PageMeta, render

VERSION = "support-plan-1"


def story(data: SupportPlanData) -> list:
    status = (
        f"Agreed on {blocks.uk_date(data.agreed_on)}"
        if data.agreed_on
        else "Draft, to agree with her"
    )
    flowables = [
        blocks.text("Support plan", styles.TITLE),
        blocks.text(f"{data.resident_name} · {data.flat_address}", styles.SUBTITLE),
    ]
    facts = [
        [
            blocks.text("Keyworker", styles.CELL_BOLD),
            blocks.text(data.keyworker_name or "Not yet named", styles.CELL),
            blocks.text("Plan started", styles.CELL_BOLD),
            blocks.text(blocks.uk_date(data.start_date), styles.CELL),
        ],
        [
            blocks.text("Status", styles.CELL_BOLD),
            blocks.text(status, styles.CELL),
            blocks.text("Review due", styles.CELL_BOLD),
            blocks.text(blocks.uk_date(data.review_due, "—"), styles.CELL),
        ],
    ]
    flowables.append(blocks.table(facts, [28 * mm, 62 * mm, 28 * mm, 56 * mm], header_rows=0))
    flowables.extend(blocks.heading("Goals"))
    rows = [
        blocks.header_cells("Area", "What she needs", "What will be done", "Who", "By", "Status")
    ]
    for goal in data.goals:
        rows.append(
            [
                blocks.text(goal.area, styles.CELL),
                blocks.text(goal.need, styles.CELL),
                blocks.text(
                    goal.action + (f"\nOutcome: {goal.outcome}" if goal.outcome else ""),
                    styles.CELL,
                ),
                blocks.text(goal.who, styles.CELL),
                blocks.text(blocks.uk_date(goal.target_date), styles.CELL),
                blocks.text(goal.status, styles.CELL),
            ]
        )
    if not data.goals:
        rows.append(
            [blocks.text("No goals recorded yet.", styles.CELL)]
            + [blocks.text("", styles.CELL)] * 5
        )
    flowables.append(blocks.table(rows, [28 * mm, 38 * mm, 46 * mm, 20 * mm, 22 * mm, 20 * mm]))
    flowables.extend(blocks.heading("Risks and how they are managed"))
    risk_rows = [blocks.header_cells("Risk", "How it is managed")]
    for kind, notes in data.risks:
        risk_rows.append(
            [blocks.text(kind, styles.CELL), blocks.text(notes or "Nothing recorded.", styles.CELL)]
        )
    flowables.append(blocks.table(risk_rows, [40 * mm, 134 * mm]))
    flowables.append(
        blocks.signature_block(
            [("Resident", data.resident_name), ("Keyworker", data.keyworker_name)],
            note="We agreed this plan together. It will be reviewed by the date above, or sooner if she asks.",
        )
    )
    return flowables


def meta(data: SupportPlanData) -> PageMeta:
    return PageMeta(
        data.organisation.name,
        "Support plan",
        data.reference,
        VERSION,
        logo_path=data.organisation.logo_path,
    )


def build(data: SupportPlanData) -> bytes:
    return render(story(data), meta(data))
