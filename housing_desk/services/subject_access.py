"""A subject access export: everything held about one woman, gathered into one PDF, with the
information the law says must come with it (UK GDPR Article 15)."""

from __future__ import annotations

from housing_desk import clock
from housing_desk.data.models import Attachment, Licence, Person, Referral, SupportPlan, User
from housing_desk.documents import appendix, subject_access as document
from housing_desk.documents.data import RecordSection, SubjectAccessData
from housing_desk.documents.page import PageMeta
from housing_desk.services import (
    access_other,
    access_sections,
    account_records,
    attachments,
    audit,
    paperwork,
    permissions,
    privacy,
    referrals as referral_service,
    settings,
    tenancy_records,
    validation,
)
from housing_desk.services.access_requests import (
    due_date as due_date,
    mark_answered as mark_answered,
    record_request as record_request,
    requests as requests,
)
from housing_desk.services.errors import DomainError, NotFound
from housing_desk.services.her_records import rows_of

ADDRESS_WARNING = (
    "This document holds her address and everything we hold about her. It must go only to her: "
    "hand it to her yourself, or send it only to an address she has asked you to use."
)
address_banner = paperwork.address_banner  # the same banner on her records as on her documents


def _printed(person: Person, her_licences: list[Licence]) -> RecordSection:
    plans = [p.id for p in rows_of(SupportPlan, person.id)]
    printed = paperwork.documents_for("person", person.id)
    for lic in her_licences:
        printed += paperwork.documents_for("licence", lic.id)
    for plan_id in plans:
        printed += paperwork.documents_for("support_plan", plan_id)
    printed.sort(key=lambda d: d.generated_at)
    return RecordSection(
        "Documents printed for you",
        ("When", "Document", "By"),
        tuple(
            (
                d.generated_at.astimezone().strftime("%d/%m/%Y %H:%M"),
                paperwork.KINDS.get(d.kind, d.kind.replace("_", " ").capitalize()),
                d.full_name,
            )
            for d in printed
        ),
        (34, 80, 60),
    )


def _files(actor: User, person: Person) -> list[RecordSection]:
    files = tuple(
        (a.created_at.strftime("%d/%m/%Y"), attachments.KINDS.get(a.kind, a.kind), a.filename)
        for a in attachments.hers(actor, person.id).order_by(Attachment.created_at)
    )
    if not files:
        return []
    return [
        RecordSection(
            "Files we keep with your record (copies on request)",
            ("Added", "Kind", "File"),
            files,
            (26, 50, 98),
        )
    ]


def _trail(actor: User, person: Person) -> RecordSection:
    events = audit.search(actor, person_id=person.id, limit=100_000)
    return RecordSection(
        "Who looked at or changed your record",
        ("When, who, and what they did",),
        tuple((audit.in_words(e),) for e in reversed(events)),
        (174,),
    )


def _sources(person: Person) -> list[str]:
    found = []
    for r in rows_of(Referral, person.id):
        words = referral_service.SOURCES[r.source]
        if words not in found:
            found.append(words)
    return found


def gather(actor: User, person: Person) -> SubjectAccessData:
    """Every table that holds something of hers, each as a readable section, for a role that
    may export her records; refused while the organisation's name or address is missing
    (Article 15 asks who holds her data)."""
    permissions.require(actor, "export")
    organisation = settings.organisation_for_documents()
    her_licences = list(rows_of(Licence, person.id).order_by(Licence.start_date, Licence.id))
    sections = [access_sections.profile(person)]
    sections += access_sections.referral_sections(actor, person)
    sections += access_sections.assessment_sections(actor, person)
    sections += access_sections.offer_sections(person)
    sections += access_sections.licence_sections(person, her_licences)
    sections += access_sections.plan_sections(person)
    sections += tenancy_records.subject_access_sections(person.id)
    sections += account_records.sections(actor, person.id)
    sections += access_sections.request_sections(person)
    sections += access_other.other_sections(person.id)
    sections += [_printed(person, her_licences), *_files(actor, person), _trail(actor, person)]
    return SubjectAccessData(
        organisation,
        f"SAR-{person.id:06d}-{clock.today():%Y%m%d}",
        f"{person.given_name} {person.family_name}",
        clock.today(),
        tuple(sections),
        privacy.article_15(organisation.name, _sources(person)),
    )


def export(actor: User, person: Person | int | None) -> bytes:
    """The PDF of everything held about her; recorded as an export. It holds her address: the
    window warns that it must go only to her before it is saved or printed."""
    permissions.require(actor, "export")
    person = Person.get_or_none(Person.id == validation.record_id(person, Person, "person"))
    if person is None:
        raise NotFound("That person's record no longer exists.")
    data = gather(actor, person)
    pdf = appendix.with_files(document.build(data), _her_own_files(actor, person), _meta(data))
    paperwork.record_document(
        actor, "subject_access", "person", person.id, document.VERSION, pdf, action="export"
    )
    return pdf


def _her_own_files(actor: User, person: Person) -> list[appendix.OwnFile]:
    # Files kept with her record and her licences, each read (and its opening audited) as she
    # would have it; one that fails its fingerprint is named, not shown.
    found = []
    for row in attachments.hers(actor, person.id).order_by(Attachment.created_at):
        try:
            data = attachments.open(actor, row.id)
        except DomainError:
            data = b""
        found.append(
            appendix.OwnFile(
                row.filename,
                attachments.KINDS.get(row.kind, row.kind),
                row.created_at.date(),
                data,
            )
        )
    return found


def _meta(data: SubjectAccessData) -> PageMeta:
    return PageMeta(data.organisation.name, "Your files", data.reference, document.VERSION)
