"""The licence agreement: the team's wording from its template, filled from the records."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether

from housing_desk.documents import blocks, styles
from housing_desk.documents.data import LicenceAgreementData
from housing_desk.documents.page import PageMeta, render
from housing_desk.documents.template import Template

if TYPE_CHECKING:
    from reportlab.platypus import Table


def values(data: LicenceAgreementData) -> dict[str, str]:
    org = data.organisation
    return {
        "organisation_name": org.name,
        "charity_number": org.charity_number or "(not registered)",
        "organisation_address": org.address.replace("\n", ", ") or "(address not recorded)",
        "organisation_phone": org.phone or "the office",
        "out_of_hours_phone": org.out_of_hours_phone or "the out-of-hours line",
        "resident_name": data.resident_name,
        "resident_date_of_birth": blocks.uk_date(data.resident_date_of_birth, "(not recorded)"),
        "flat_address": data.flat_address,
        "furnished": "furnished" if data.furnished else "unfurnished",
        "inventory_reference": data.inventory_reference or "(see the inventory)",
        "start_date": blocks.uk_date(data.start_date),
        "payment_day": data.payment_day,
        "weekly_total": blocks.money(data.weekly_total),
        "resident_weekly": blocks.money(data.resident_weekly),
        "agreement_type": data.agreement_type.lower(),
        "a_agreement_type": article(data.agreement_type.lower()),
        "partner_name": data.partner_name or "the flat's owner",
        "head_lease_ends": (
            f"ends on {blocks.uk_date(data.head_lease_end)}"
            if data.head_lease_end
            else "has no fixed end date"
        ),
        "housing_benefit_status": data.housing_benefit_status,
        "support_charge_payer": data.support_charge_payer,
        "rent_cover": data.rent_cover,
        "if_not_covered": data.if_not_covered,
        "absence_cover": data.absence_cover,
        "excluded_category": data.excluded_category,
        "reference": data.reference,
        "keyworker_name": data.keyworker_name or "your keyworker",
        "notice_period": "1 day's" if data.notice_days == 1 else f"{data.notice_days} days'",
    }


def article(words: str) -> str:
    return f"{'an' if words[:1] in 'aeiou' else 'a'} {words}"


def charges_table(data: LicenceAgreementData) -> Table:
    rows = [blocks.header_cells("Weekly charge", "Paid by", "Each week")]
    for charge in data.charges:
        rows.append(
            [
                blocks.text(charge.label, styles.CELL),
                blocks.text(charge.paid_by, styles.CELL),
                blocks.text(blocks.money(charge.weekly), styles.CELL_RIGHT),
            ]
        )
    rows.append(
        [
            blocks.text("Weekly total", styles.CELL_BOLD),
            blocks.text("", styles.CELL),
            blocks.text(blocks.money(data.weekly_total), styles.CELL_RIGHT_BOLD),
        ]
    )
    if not data.no_recourse_to_public_funds:  # she cannot claim it: no line for it
        rows.append(
            [
                blocks.text("Covered by Housing Benefit if your claim is awarded", styles.CELL),
                blocks.text("", styles.CELL),
                blocks.text(blocks.money(data.housing_benefit_weekly), styles.CELL_RIGHT),
            ]
        )
    rows.append(
        [
            blocks.text("You pay yourself each week", styles.CELL_BOLD),
            blocks.text("", styles.CELL),
            blocks.text(blocks.money(data.resident_weekly), styles.CELL_RIGHT_BOLD),
        ]
    )
    return blocks.table(rows, [80 * mm, 55 * mm, 35 * mm])


def signatures(data: LicenceAgreementData) -> Table:
    return blocks.signature_block(
        [("Resident", data.resident_name), ("For us", data.officer_name), ("Witness", "")],
        note="Date a copy of this agreement was given to the resident: ____________________",
    )


def story(data: LicenceAgreementData, wording: Template) -> list:
    filled = values(data)
    escaped = {key: escape(value) for key, value in filled.items()}
    flowables = [
        blocks.text(wording.title, styles.TITLE),
        blocks.text(
            f"{data.agreement_type} · {data.flat_address} · from {filled['start_date']}",
            styles.SUBTITLE,
        ),
    ]
    for section in wording.sections:
        part = blocks.heading(section.heading)
        for paragraph in section.paragraphs:
            if paragraph == "[[charges]]":
                part.append(charges_table(data))
            elif paragraph == "[[signatures]]":
                part.append(signatures(data))
            else:
                # The wording is the team's own text: escape it, then put in the (escaped) values.
                part.append(blocks.markup(wording.fill(escape(paragraph), escaped), styles.BODY))
        # The section that holds the signatures stays on one page with them.
        flowables.extend([KeepTogether(part)] if "[[signatures]]" in section.paragraphs else part)
    return flowables


def meta(data: LicenceAgreementData, wording: Template) -> PageMeta:
    return PageMeta(
        data.organisation.name,
        wording.title,
        data.reference,
        wording.version,
        logo_path=data.organisation.logo_path,
    )


def build(data: LicenceAgreementData, wording: Template) -> bytes:
    return render(story(data, wording), meta(data, wording))
