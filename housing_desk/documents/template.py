"""The wording of the licence agreement, read from a template file a team can have checked by
its own solicitor and replace without touching code.

The file is plain UTF-8 text:

    version: 2026.11
    title: Licence agreement
    # a comment line
    ## 1. A heading
    A paragraph with {placeholders}. Paragraphs are separated by blank lines.
    [[charges]]        where the table of weekly charges goes
    [[signatures]]     where the signature blocks go

A placeholder the program does not know is refused, with its name, before anything is printed.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from housing_desk import paths

if TYPE_CHECKING:
    from collections.abc import Collection

PLACEHOLDERS = {
    "organisation_name": "The organisation's name",
    "charity_number": "Its charity number",
    "organisation_address": "Its address",
    "organisation_phone": "Its phone number",
    "out_of_hours_phone": "The out-of-hours number",
    "resident_name": "The resident's name",
    "resident_date_of_birth": "Her date of birth",
    "flat_address": "The flat's address",
    "furnished": "'furnished' or 'unfurnished'",
    "inventory_reference": "The inventory's reference",
    "start_date": "The start date",
    "payment_day": "The day charges are due",
    "weekly_total": "The weekly total of charges",
    "resident_weekly": "What she pays herself each week",
    "agreement_type": "The kind of agreement",
    "a_agreement_type": "The kind of agreement with 'a' or 'an' before it",
    "partner_name": "The flat's owner, who lends it to us (the partner)",
    "head_lease_ends": "When our lease of the flat ends: 'ends on 31/03/2028' or 'has no fixed "
    "end date'",
    "housing_benefit_status": "Her Housing Benefit claim's real status, as a sentence",
    "support_charge_payer": "Who pays the support charge, as a phrase",
    "rent_cover": "Who meets the rent and the service charges, as sentences: Housing Benefit if "
    "her claim is awarded, or, for a woman with no recourse to public funds, our funding or her",
    "if_not_covered": "What happens if that help with her rent is refused or stops, as sentences",
    "absence_cover": "What being away means for how her rent is met, as sentences",
    "excluded_category": "Why the licence is excluded, in plain words",
    "reference": "The agreement's reference",
    "keyworker_name": "Her keyworker",
    "notice_period": "The shortest notice we give, from Settings, as in '28 days' notice'",
}
BLOCKS = ("charges", "signatures")
DEFAULT = "licence_agreement.txt"


class TemplateError(ValueError):
    """The template file cannot be used; the message says why, in plain words."""


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]  # text with {placeholders}, or "[[block]]"


@dataclass(frozen=True)
class Template:
    version: str
    title: str
    sections: tuple[Section, ...]
    source: str

    def fill(self, text: str, values: dict[str, str]) -> str:
        return string.Formatter().vformat(text, (), values)


def default_path(name: str = DEFAULT) -> Path:
    """A shipped model wording in resources/templates/."""
    return paths.resource("templates", name)


def load(
    path: str | Path | None = None,
    *,
    placeholders: Collection[str] | None = None,
    blocks: Collection[str] = BLOCKS,
    title: str = "Licence agreement",
) -> Template:
    """Read and check a template file (the shipped one when ``path`` is empty). Other documents
    (a warning letter) give their own ``placeholders`` and ``blocks``."""
    path = Path(path) if path else default_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateError(f"The template file {path} cannot be read: {error}") from None
    return parse(raw, str(path), placeholders=placeholders, blocks=blocks, title=title)


def parse(
    raw: str,
    source: str = "",
    *,
    placeholders: Collection[str] | None = None,
    blocks: Collection[str] = BLOCKS,
    title: str = "Licence agreement",
) -> Template:
    known = PLACEHOLDERS if placeholders is None else placeholders
    header: dict[str, str] = {}
    sections: list[Section] = []
    heading: str | None = None
    paragraph: list[str] = []
    paragraphs: list[str] = []

    def close_paragraph() -> None:
        if paragraph:
            paragraphs.append(" ".join(paragraph))
            paragraph.clear()

    for number, line in enumerate(raw.splitlines(), start=1):
        stripped = line.strip()
        if heading is None and re.match(r"^(version|title):", stripped):
            key, value = stripped.split(":", 1)
            header[key] = value.strip()
        elif stripped.startswith("## "):
            close_paragraph()
            if heading is not None:
                sections.append(Section(heading, tuple(paragraphs)))
            heading, paragraphs = stripped[3:].strip(), []
        elif stripped.startswith("#"):
            continue
        elif not stripped:
            close_paragraph()
        else:
            if heading is None:
                raise TemplateError(
                    f"Line {number} of the template comes before the first '## ' heading."
                )
            # 'a {agreement_type}' reads 'a assured periodic tenancy': use the article's own.
            stripped = re.sub(r"\b([aA]) \{agreement_type\}", "{a_agreement_type}", stripped)
            _check(stripped, number, known, blocks)
            if stripped.startswith("[["):
                close_paragraph()
                paragraphs.append(stripped)
            else:
                paragraph.append(stripped)
    close_paragraph()
    if heading is not None:
        sections.append(Section(heading, tuple(paragraphs)))
    if not header.get("version"):
        raise TemplateError(
            "The template has no 'version:' line; its version is printed on every page."
        )
    if not sections:
        raise TemplateError("The template has no sections ('## ' headings).")
    return Template(
        version=header["version"],
        title=header.get("title", title),
        sections=tuple(sections),
        source=source,
    )


def _check(
    line: str, number: int, known: Collection[str] = PLACEHOLDERS, blocks: Collection[str] = BLOCKS
) -> None:
    block = re.fullmatch(r"\[\[(\w+)\]\]", line)
    if line.startswith("[[") and (block is None or block.group(1) not in blocks):
        raise TemplateError(
            f"Line {number}: unknown block {line}; the blocks are "
            + ", ".join(f"[[{b}]]" for b in blocks)
            + "."
        )
    try:
        fields = [
            name for _text, name, _spec, _conv in string.Formatter().parse(line) if name is not None
        ]
    except ValueError as error:
        raise TemplateError(
            f"Line {number}: {error} (write '{{{{' and '}}}}' for literal braces)."
        ) from None
    for name in fields:
        if name not in known:
            raise TemplateError(
                f"Line {number}: unknown placeholder {{{name}}}. Known placeholders: "
                + ", ".join(sorted(known))
                + "."
            )
