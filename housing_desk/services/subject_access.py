"""A subject access export: everything held about one woman, gathered into one PDF."""

from __future__ import annotations

import json

from housing_desk import clock
from housing_desk.data.models import Licence, LicenceKey, Person, Referral, SupportPlan, User
from housing_desk.documents import subject_access as document
from housing_desk.documents.data import RecordSection, SubjectAccessData
from housing_desk.services import (
    account_records,
    assessments,
    attachments,
    audit,
    licences,
    paperwork,
    permissions,
    referrals,
    settings,
    support_plans,
)
from housing_desk.services.access_requests import (  # noqa: F401  (public names)
    due_date,
    mark_answered,
    record_request,
    requests,
)
from housing_desk.services.validation import uk_date


def _yes(flag: bool) -> str:
    return "Yes" if flag else "No"


def _profile(person: Person) -> RecordSection:
    keyworker = User.get_or_none(User.id == person.keyworker_id) if person.keyworker_id else None
    rows = (
        ("Given name", person.given_name),
        ("Family name", person.family_name),
        ("Preferred name", person.preferred_name),
        ("Date of birth", uk_date(person.date_of_birth)),
        ("National Insurance number", person.ni_number),
        ("Phone", person.phone),
        ("Safe contact", person.safe_contact),
        ("A message may be left", _yes(person.message_ok)),
        ("Do not disclose", _yes(person.do_not_disclose)),
        ("Needs step-free access", _yes(person.needs_step_free)),
        ("Areas to avoid", person.areas_to_avoid),
        ("Keyworker", keyworker.full_name if keyworker else ""),
        ("Notes", person.notes),
    )
    return RecordSection("Your record", ("Detail", "What we hold"), rows, (50, 124))


def gather(actor: User, person: Person) -> SubjectAccessData:
    sections = [_profile(person)]
    sections.append(
        RecordSection(
            "Referrals",
            ("Received", "From", "Status", "Decided", "Reason", "Notes"),
            tuple(
                (
                    uk_date(r.received_on),
                    referrals.SOURCES[r.source],
                    referrals.STATUS_LABELS[r.status],
                    uk_date(r.decided_on),
                    referrals.reason_label(r) if r.decision_reason else "",
                    r.notes,
                )
                for r in Referral.select()
                .where(Referral.person == person.id)
                .order_by(Referral.received_on)
            ),
        )
    )
    rows = []
    for view in assessments.history(actor, person):
        for key, label in assessments.DOMAINS:
            rows.append(
                (
                    uk_date(view.assessed_on),
                    label,
                    str(view.scores.get(key, "")),
                    view.evidence.get(key, ""),
                )
            )
        for kind, label in assessments.RISKS.items():
            level, notes = view.risks.get(kind, ("", ""))
            rows.append((uk_date(view.assessed_on), label, level, notes))
        rows.append((uk_date(view.assessed_on), "Outcome", view.outcome_label, view.notes))
    sections.append(
        RecordSection(
            "Readiness assessments",
            ("Date", "Area", "Score or level", "Evidence and notes"),
            tuple(rows),
            (22, 55, 25, 72),
        )
    )
    her_licences = list(
        Licence.select().where(Licence.person == person.id).order_by(Licence.start_date)
    )
    sections.append(
        RecordSection(
            "Licences",
            ("Flat", "From", "To", "Weekly total", "Status", "Ended because", "Destination"),
            tuple(
                (
                    lic.flat.reference,
                    uk_date(lic.start_date),
                    uk_date(lic.end_date),
                    f"£{lic.weekly_total:,.2f}",
                    licences.STATUSES[lic.status],
                    licences.END_REASONS.get(lic.end_reason, ""),
                    lic.destination,
                )
                for lic in her_licences
            ),
        )
    )
    keys = LicenceKey.select().where(LicenceKey.licence.in_([lic.id for lic in her_licences]))
    sections.append(
        RecordSection(
            "Keys",
            ("Key or fob", "Issued", "Returned"),
            tuple((k.label, uk_date(k.issued_on), uk_date(k.returned_on)) for k in keys),
        )
    )
    goal_rows = []
    for plan in (
        SupportPlan.select().where(SupportPlan.person == person.id).order_by(SupportPlan.start_date)
    ):
        for goal in plan.goals:
            goal_rows.append(
                (
                    uk_date(plan.start_date),
                    support_plans.STATUSES[plan.status],
                    assessments.DOMAIN_LABELS.get(goal.domain, "Other"),
                    goal.need,
                    goal.action,
                    support_plans.GOAL_STATUSES[goal.status],
                )
            )
    sections.append(
        RecordSection(
            "Support plans",
            ("Plan from", "Plan", "Area", "Need", "Action", "Goal"),
            tuple(goal_rows),
        )
    )
    printed = []
    for lic in her_licences:
        printed += paperwork.documents_for("licence", lic.id)
    sections.append(
        RecordSection(
            "Documents printed for you",
            ("When", "Document", "By"),
            tuple(
                (
                    d.generated_at.astimezone().strftime("%d/%m/%Y %H:%M"),
                    paperwork.KINDS.get(d.kind, d.kind),
                    d.full_name,
                )
                for d in printed
            ),
        )
    )
    sections.extend(account_records.sections(person.id))
    files = tuple(
        (a.created_at.strftime("%d/%m/%Y"), attachments.KINDS.get(a.kind, a.kind), a.filename)
        for a in attachments.hers(person.id).order_by(attachments.Attachment.created_at)
    )
    if files:
        sections.append(
            RecordSection(
                "Files we keep with your record (copies on request)",
                ("Added", "Kind", "File"),
                files,
                (26, 50, 98),
            )
        )
    events = audit.search(actor, person_id=person.id, limit=5000)
    sections.append(
        RecordSection(
            "Who looked at or changed your record",
            ("When", "Who", "What", "Record", "Details"),
            tuple(
                (
                    e.at.astimezone().strftime("%d/%m/%Y %H:%M"),
                    e.actor,
                    e.action,
                    e.entity,
                    json.dumps(e.changes, ensure_ascii=False)[:300],
                )
                for e in reversed(events)
            ),
            (26, 24, 18, 24, 82),
        )
    )
    return SubjectAccessData(
        settings.organisation(),
        f"SAR-{person.id:06d}-{clock.today():%Y%m%d}",
        f"{person.given_name} {person.family_name}",
        clock.today(),
        tuple(sections),
    )


def export(actor: User, person) -> bytes:
    """The PDF of everything held about her; recorded as an export."""
    permissions.require(actor, "export")
    person = Person.get_by_id(person.id if isinstance(person, Person) else person)
    pdf = document.build(gather(actor, person))
    paperwork.record_document(
        actor, "subject_access", "person", person.id, document.VERSION, pdf, action="export"
    )
    return pdf
