"""The sign-up pack: everything to sign on the day, in one PDF."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak

from housing_desk.documents import blocks, licence_agreement, styles, support_plan
from housing_desk.documents.data import SignupPackData
from housing_desk.documents.page import PageMeta, render
from housing_desk.documents.template import Template


def checklist_page(data: SignupPackData) -> list:
    rows = [blocks.header_cells("Done", "Step", "Date", "Note")]
    for line in data.checklist:
        rows.append(
            [
                blocks.text("Yes" if line.done else "—", styles.CELL),
                blocks.text(line.label, styles.CELL),
                blocks.text(blocks.uk_date(line.done_on), styles.CELL),
                blocks.text(line.note, styles.CELL),
            ]
        )
    return [
        blocks.text("Sign-up checklist", styles.TITLE),
        blocks.text(
            f"{data.agreement.resident_name} · {data.agreement.flat_address}", styles.SUBTITLE
        ),
        blocks.table(rows, [14 * mm, 100 * mm, 22 * mm, 38 * mm]),
        blocks.signature_block(
            [("Resident", data.agreement.resident_name), ("For us", data.agreement.officer_name)]
        ),
    ]


def key_receipt(data: SignupPackData) -> list:
    rows = [blocks.header_cells("Key or fob", "Issued on")]
    for key in data.keys:
        rows.append(
            [
                blocks.text(key.label, styles.CELL),
                blocks.text(blocks.uk_date(key.issued_on), styles.CELL),
            ]
        )
    if not data.keys:
        rows.append(
            [blocks.text("No keys recorded yet.", styles.CELL), blocks.text("", styles.CELL)]
        )
    return [
        blocks.text("Key receipt", styles.TITLE),
        blocks.text(
            "I have received the keys and fobs listed below and will return them when I leave. "
            "If one is lost, I will tell staff straight away.",
            styles.BODY,
        ),
        blocks.table(rows, [120 * mm, 40 * mm]),
        blocks.signature_block(
            [("Resident", data.agreement.resident_name), ("For us", data.agreement.officer_name)]
        ),
    ]


def inventory_page(data: SignupPackData) -> list:
    rows = [blocks.header_cells("Room", "Items and their condition", "Meter readings / notes")]
    for room in data.inventory_rooms:
        rows.append(
            [
                blocks.text(room, styles.CELL),
                blocks.text("\n\n\n", styles.CELL),
                blocks.text("", styles.CELL),
            ]
        )
    reference = data.agreement.inventory_reference or "—"
    return [
        blocks.text("Inventory and condition", styles.TITLE),
        blocks.text(f"{data.agreement.flat_address} · inventory {reference}", styles.SUBTITLE),
        blocks.table(rows, [30 * mm, 90 * mm, 54 * mm]),
        blocks.signature_block(
            [("Resident", data.agreement.resident_name), ("For us", data.agreement.officer_name)]
        ),
    ]


def build(data: SignupPackData, wording: Template) -> bytes:
    flowables = licence_agreement.story(data.agreement, wording)
    for part in (checklist_page(data), key_receipt(data), inventory_page(data)):
        flowables.append(PageBreak())
        flowables.extend(part)
    if data.support_plan is not None:
        flowables.append(PageBreak())
        flowables.extend(support_plan.story(data.support_plan))
    organisation = data.agreement.organisation
    meta = PageMeta(
        organisation.name,
        "Sign-up pack",
        data.agreement.reference,
        wording.version,
        logo_path=organisation.logo_path,
    )
    return render(flowables, meta)
