"""Everything held about one woman, for her subject access request, in one PDF."""

from __future__ import annotations

from housing_desk.documents import blocks, sections
from housing_desk.documents.data import SubjectAccessData
from housing_desk.documents.page import PageMeta

VERSION = "subject-access-1"
INTRODUCTION = (
    "This is everything Housing Desk holds about you: your record, your referrals, your assessments, "
    "your licences and support plans, the documents printed for you, and who has looked at or changed "
    "your record. If anything is wrong, tell us and we will correct it."
)


def build(data: SubjectAccessData) -> bytes:
    return sections.build(
        "Information we hold about you",
        f"{data.name} · prepared on {blocks.uk_date(data.generated_on)}",
        INTRODUCTION,
        data.sections,
        PageMeta(
            data.organisation.name,
            "Subject access",
            data.reference,
            VERSION,
            logo_path=data.organisation.logo_path,
        ),
    )
