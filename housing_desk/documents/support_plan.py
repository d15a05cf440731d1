"""The support plan, written to her ("you"), since it is hers and she signs it: her goals in her
own words, her strengths, who does what by when, how we will know, her crisis plan, whom she
lets us share it with, and its reviews."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from housing_desk.documents import blocks, styles
from housing_desk.documents.data import GoalLine, SupportPlanData
from housing_desk.documents.page import PageMeta, render

if TYPE_CHECKING:
    from collections.abc import Iterable

VERSION = "support-plan-2"
_LABEL = 50 * mm
_VALUE = 124 * mm


def _rows(pairs: Iterable[tuple[str, str]]) -> list:
    return [
        [blocks.text(label, styles.CELL_BOLD), blocks.text(value, styles.CELL)]
        for label, value in pairs
    ]


def _goal(number: int, goal: GoalLine) -> list:
    done = (
        f"Done on {blocks.uk_date(goal.achieved_on)}"
        if goal.achieved_on
        else goal.status + (f": {goal.outcome}" if goal.outcome else "")
    )
    pairs = [
        ("What you need", goal.need),
        ("In your words", goal.her_words or "—"),
        ("Your strengths", goal.strengths or "—"),
        ("What will be done", goal.action or "To agree together"),
        ("Who", goal.who or "To agree"),
        ("By when", blocks.uk_date(goal.target_date, "To agree")),
        ("How we will know it worked", goal.measure or "—"),
        ("Where it is", done),
    ]
    title = blocks.text(f"{number}. {goal.area}", styles.CELL_BOLD)
    table = blocks.table(_rows(pairs), [_LABEL, _VALUE], header_rows=0)
    return [KeepTogether([Spacer(1, 3 * mm), title, Spacer(1, 1 * mm), table])]


def story(data: SupportPlanData) -> list:
    status = (
        f"Agreed on {blocks.uk_date(data.agreed_on)}"
        if data.agreed_on
        else "Draft, for us to agree together"
    )
    flowables = [
        blocks.text("Your support plan", styles.TITLE),
        blocks.text(f"{data.resident_name} · {data.flat_address}", styles.SUBTITLE),
        blocks.text(
            "This is your plan. It says what you want to work on, what you are already good at, "
            "and what we will each do. You can ask to change it at any time."
        ),
    ]
    facts = [
        [
            blocks.text("Your keyworker", styles.CELL_BOLD),
            blocks.text(data.keyworker_name or "Not yet named", styles.CELL),
            blocks.text("Plan started", styles.CELL_BOLD),
            blocks.text(blocks.uk_date(data.start_date), styles.CELL),
        ],
        [
            blocks.text("Where it is", styles.CELL_BOLD),
            blocks.text(status, styles.CELL),
            blocks.text("We will review it by", styles.CELL_BOLD),
            blocks.text(blocks.uk_date(data.review_due, "—"), styles.CELL),
        ],
    ]
    flowables.append(blocks.table(facts, [30 * mm, 60 * mm, 34 * mm, 50 * mm], header_rows=0))
    flowables.extend(blocks.heading("Your goals"))
    for number, goal in enumerate(data.goals, start=1):
        flowables.extend(_goal(number, goal))
    if not data.goals:
        flowables.append(blocks.text("No goals written down yet: we will agree them together."))
    flowables.extend(blocks.heading("If things get hard: your crisis plan"))
    flowables.append(
        blocks.table(
            _rows(
                [
                    ("What can set things off", data.crisis_triggers or "Not written yet"),
                    ("What to do", data.crisis_actions or "Not written yet"),
                    ("Who to call", data.crisis_contacts or "Not written yet"),
                ]
            ),
            [_LABEL, _VALUE],
            header_rows=0,
        )
    )
    flowables.extend(blocks.heading("Who we may share this plan with"))
    if data.share_with:
        flowables.append(
            blocks.text(
                "You agreed that we may share your plan with: "
                + "; ".join(data.share_with)
                + ". We will not share it with anyone else unless someone is at serious risk of "
                "harm. You can change your mind at any time."
            )
        )
    else:
        flowables.append(
            blocks.text(
                "You have not agreed that we share your plan with anyone. We will not share it "
                "unless someone is at serious risk of harm."
            )
        )
    flowables.extend(blocks.heading("Keeping you and your home safe"))
    risk_rows = [blocks.header_cells("What we talked about", "What we will do")]
    for kind, notes in data.risks:
        risk_rows.append(
            [blocks.text(kind, styles.CELL), blocks.text(notes or "Nothing written.", styles.CELL)]
        )
    flowables.append(blocks.table(risk_rows, [_LABEL, _VALUE]))
    if data.reviews:
        flowables.extend(blocks.heading("Reviews of your plan"))
        review_rows = [blocks.header_cells("Date", "Who came", "What changed")]
        for day, attended, summary in data.reviews:
            review_rows.append(
                [
                    blocks.text(blocks.uk_date(day), styles.CELL),
                    blocks.text(attended, styles.CELL),
                    blocks.text(summary, styles.CELL),
                ]
            )
        flowables.append(blocks.table(review_rows, [24 * mm, 50 * mm, 100 * mm]))
    flowables.append(
        blocks.signature_block(
            [("You", data.resident_name), ("Your keyworker", data.keyworker_name)],
            note="We agreed this plan together. We will review it by the date above, "
            "or sooner if you ask.",
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
