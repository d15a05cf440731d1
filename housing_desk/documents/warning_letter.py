"""A warning letter: plain, kind words from the team's template, to her, about her home."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from housing_desk import paths
from housing_desk.documents import blocks, styles, template as templates
from housing_desk.documents.data import WarningLetterData
from housing_desk.documents.page import PageMeta, render

if TYPE_CHECKING:
    from pathlib import Path

PLACEHOLDERS = {
    "resident_name": "Her name",
    "flat_address": "The flat's address",
    "stage_name": "'written warning' or 'final warning'",
    "issued_on": "The date it was given",
    "reason": "What we are worried about, as the officer wrote it",
    "lapses_on": "The date the warning lapses",
    "reference": "The warning's reference",
    "keyworker_name": "Her keyworker",
    "officer_name": "Who gave it",
    "organisation_name": "The organisation's name",
    "organisation_phone": "Its phone number",
    "organisation_address": "Its address",
    "out_of_hours_phone": "The out-of-hours number",
}
BLOCKS = ("signatures",)
STAGE_MARK = "["  # a heading "[final] …" prints only on a final warning


def load(path: str | Path | None = None) -> templates.Template:
    return templates.load(
        path or paths.resource("templates", "warning_letter.txt"),
        placeholders=PLACEHOLDERS,
        blocks=BLOCKS,
        title="Warning letter",
    )


def values(data: WarningLetterData) -> dict[str, str]:
    org = data.organisation
    return {
        "resident_name": data.resident_name,
        "flat_address": data.flat_address,
        "stage_name": data.stage_name,
        "issued_on": blocks.uk_date(data.issued_on),
        "reason": data.reason,
        "lapses_on": blocks.uk_date(data.lapses_on),
        "reference": data.reference,
        "keyworker_name": data.keyworker_name or "your keyworker",
        "officer_name": data.officer_name,
        "organisation_name": org.name,
        "organisation_phone": org.phone or "the office",
        "organisation_address": org.address.replace("\n", ", ") or "the office",
        "out_of_hours_phone": org.out_of_hours_phone or "the out-of-hours line",
    }


def _for_stage(heading: str, stage: str) -> str | None:
    """The heading to print on this stage's letter, or None when the section is another stage's."""
    if not heading.startswith(STAGE_MARK):
        return heading
    mark, _, rest = heading[1:].partition("]")
    return rest.strip() if mark.strip() == stage else None


def story(data: WarningLetterData, wording: templates.Template) -> list:
    escaped = {key: escape(value) for key, value in values(data).items()}
    flowables = [
        blocks.text(data.stage_name.capitalize(), styles.TITLE),
        blocks.text(f"{data.resident_name} · {data.flat_address}", styles.SUBTITLE),
    ]
    for section in wording.sections:
        heading = _for_stage(wording.fill(escape(section.heading), escaped), data.stage)
        if heading is None:
            continue
        part = blocks.heading(heading)
        for paragraph in section.paragraphs:
            if paragraph == "[[signatures]]":
                part.append(
                    blocks.signature_block(
                        [("For us", data.officer_name), ("Received by", data.resident_name)],
                        note="You do not have to sign. Signing shows only that you were given this letter.",
                    )
                )
            else:
                filled = wording.fill(escape(paragraph), escaped).replace("\n", "<br/>")
                part.append(blocks.markup(filled, styles.BODY))
        flowables.extend(part)
    return flowables


def build(data: WarningLetterData, wording: templates.Template | None = None) -> bytes:
    wording = wording or load()
    meta = PageMeta(
        data.organisation.name,
        data.stage_name.capitalize(),
        data.reference,
        wording.version,
        logo_path=data.organisation.logo_path,
    )
    return render(story(data, wording), meta)
