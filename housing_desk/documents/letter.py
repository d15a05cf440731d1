"""Letters to her from a wording file a team can replace: arrears letters and the like.

The file is plain UTF-8 text:

    version: arrears-first-2026.12
    title: About your rent account
    # a comment line
    Paragraphs with {placeholders}, separated by blank lines.

A placeholder the letter does not know is refused, with its name, before anything is printed.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

from housing_desk import paths
from housing_desk.documents import blocks, styles
from housing_desk.documents.account_data import LetterData
from housing_desk.documents.page import PageMeta, render
from housing_desk.documents.template import TemplateError


@dataclass(frozen=True)
class LetterWording:
    version: str
    title: str
    paragraphs: tuple[str, ...]


def load(name: str, placeholders: set[str]) -> LetterWording:
    """Read and check ``resources/templates/<name>``."""
    path = Path(paths.resource("templates", name))
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateError(f"The letter wording {path} cannot be read: {error}") from None
    header: dict[str, str] = {}
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*raw.splitlines(), ""]:
        stripped = line.strip()
        if stripped.startswith("#"):
            continue
        if not paragraphs and not current and stripped.partition(":")[0] in ("version", "title"):
            key, _colon, value = stripped.partition(":")
            header[key] = value.strip()
        elif stripped:
            current.append(stripped)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    for paragraph in paragraphs:
        for _text, field_name, _spec, _conv in string.Formatter().parse(paragraph):
            if field_name is not None and field_name not in placeholders:
                raise TemplateError(
                    f"The letter wording {path.name} uses {{{field_name}}}, which Housing Desk "
                    "does not know."
                )
    if not header.get("version"):
        raise TemplateError(f"The letter wording {path.name} has no 'version:' line.")
    return LetterWording(header["version"], header.get("title", "Letter"), tuple(paragraphs))


def story(data: LetterData, wording: LetterWording) -> list:
    flowables = [
        blocks.text(data.resident_name, styles.BODY),
        *([blocks.text(data.flat_address, styles.BODY)] if data.flat_address else []),
        blocks.text(blocks.uk_date(data.dated), styles.SUBTITLE),
        blocks.text(wording.title, styles.TITLE),
        blocks.text(f"Dear {data.first_name},", styles.BODY),
    ]
    for paragraph in wording.paragraphs:
        flowables.append(blocks.text(string.Formatter().vformat(paragraph, (), data.values)))
    flowables.append(blocks.text("With best wishes,", styles.BODY))
    flowables.append(blocks.text(data.officer_name, styles.CELL_BOLD))
    flowables.append(blocks.text(data.organisation.name, styles.BODY))
    return flowables


def build(data: LetterData, wording: LetterWording) -> bytes:
    meta = PageMeta(
        data.organisation.name,
        wording.title,
        data.reference,
        wording.version,
        logo_path=data.organisation.logo_path,
    )
    return render(story(data, wording), meta)
