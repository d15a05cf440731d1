"""Everything held about one woman, for her subject access request, in one PDF."""

from __future__ import annotations

from housing_desk.documents import blocks, sections
from housing_desk.documents.data import SubjectAccessData
from housing_desk.documents.page import PageMeta

VERSION = "subject-access-2"
INTRODUCTION = (
    "This is everything we hold about you: your record, your referrals and the decisions on them, "
    "your assessments, the flats offered to you, your licences with their sign-up checklist, keys, "
    "notice and moving out, your support plans, your rent account and Housing Benefit claim, your "
    "requests for your records, the documents printed for you, and who has looked at or changed "
    "your record. First, what the law says you should be told with it. If anything is wrong, "
    "tell us and we will correct it."
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
        data.information,
    )
