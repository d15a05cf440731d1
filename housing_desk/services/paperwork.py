"""Paperwork: each document built from the records, recorded as printed, and returned as PDF bytes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import (
    Document,
    Flat,
    Licence,
    Person,
    SupportPlan,
    SupportReview,
    User,
)
from housing_desk.data.rows import objects
from housing_desk.documents import (
    availability_report as report_document,
    licence_agreement as agreement_document,
    notice_to_quit as notice_document,
    signup_pack as pack_document,
    support_plan as plan_document,
)
from housing_desk.documents.data import (
    AvailabilityReportData,
    BoardLine,
    ChecklistLine,
    GoalLine,
    KeyLine,
    LicenceAgreementData,
    NoticeToQuitData,
    SignupPackData,
    SupportPlanData,
)
from housing_desk.services import (
    agreement_wording,
    assessments,
    audit,
    availability,
    licences,
    permissions,
    settings,
    signup,
    support_plans,
    tenure,
    validation,
)
from housing_desk.services.errors import ValidationError

KINDS = {
    "licence_agreement": "Licence agreement",
    "support_plan": "Support plan",
    "signup_pack": "Sign-up pack",
    "availability_report": "Availability report",
    "notice_to_quit": "Notice to quit",
    "subject_access": "Subject access export",
    "account_statement": "Account statement",
    "arrears_letter": "Letter about arrears",
    "move_out_letter": "Letter closing her account",
    "warning_letter": "Warning letter",
    "report": "Housing report",
}
# Her claim's real status, as the agreement prints it (or why she has none).
housing_benefit_status = agreement_wording.housing_benefit_status

CONFIDENTIAL_BANNER = "This has her address on it. Give it only to her."


def address_banner(record: Person | Licence | SupportPlan) -> str:
    """The banner shown before anything with a confidential woman's address leaves the building
    (her own documents and her records): '' unless she is marked do not disclose. ``record`` is
    her Person, or a licence or support plan of hers."""
    person_id = record.id if isinstance(record, Person) else record.person_id
    hidden = Person.select(Person.do_not_disclose).where(Person.id == person_id).scalar() or False
    return CONFIDENTIAL_BANNER if hidden else ""


def licence_reference(licence: Licence) -> str:
    return f"LIC-{licence.id:06d}"


def _agreement_data(actor: User, licence: Licence) -> LicenceAgreementData:
    person: Person = licence.person
    flat: Flat = licence.flat
    keyworker = User.get_or_none(User.id == person.keyworker_id) if person.keyworker_id else None
    money = agreement_wording.money_wording(licence)
    charges = money.charges
    return LicenceAgreementData(
        organisation=settings.organisation_for_documents(),
        reference=licence_reference(licence),
        agreement_type=licences.AGREEMENT_TYPES[licence.agreement_type],
        resident_name=f"{person.given_name} {person.family_name}",
        resident_date_of_birth=person.date_of_birth,
        flat_address=flat.address,
        furnished=flat.furnished,
        inventory_reference=licence.inventory_reference,
        start_date=licence.start_date,
        payment_day=licence.payment_day,
        charges=charges,
        weekly_total=licence.weekly_total,
        housing_benefit_weekly=sum((c.weekly for c in charges if c.by_benefit), start=Decimal(0)),
        resident_weekly=sum((c.weekly for c in charges if c.by_her), start=Decimal(0)),
        officer_name=actor.full_name,
        keyworker_name=keyworker.full_name if keyworker else "",
        notice_days=settings.notice_days(),
        partner_name=flat.partner.name,
        head_lease_end=flat.head_lease_end,
        housing_benefit_status=money.housing_benefit_status,
        support_charge_payer=money.support_charge_payer,
        rent_cover=money.rent_cover,
        if_not_covered=money.if_not_covered,
        absence_cover=money.absence_cover,
        no_recourse_to_public_funds=money.no_recourse_to_public_funds,
        excluded_category=tenure.EXCLUDED_CATEGORIES.get(licence.excluded_category, ""),
    )


def _plan_data(plan: SupportPlan) -> SupportPlanData:
    person = plan.person
    keyworker = User.get_or_none(User.id == person.keyworker_id) if person.keyworker_id else None
    goals = tuple(
        GoalLine(
            area=assessments.DOMAIN_PLAN_LABELS.get(g.domain, "Something else"),
            need=g.need,
            action=g.action,
            who=g.owner,
            target_date=g.target_date,
            status=support_plans.GOAL_STATUSES[g.status],
            outcome=g.outcome,
            her_words=g.her_words,
            strengths=g.strengths,
            measure=g.measure,
            achieved_on=g.achieved_on,
        )
        for g in plan.goals
    )
    reviews = tuple(
        (r.reviewed_on, r.attended, r.summary)
        for r in plan.reviews.order_by(SupportReview.reviewed_on, SupportReview.id)
    )
    risks = tuple((label, getattr(plan, key)) for key, label in support_plans.RISK_FIELDS.items())
    return SupportPlanData(
        organisation=settings.organisation_for_documents(),
        reference=f"SP-{plan.id:06d}",
        resident_name=f"{person.given_name} {person.family_name}",
        keyworker_name=keyworker.full_name if keyworker else "",
        flat_address=plan.licence.flat.address,
        start_date=plan.start_date,
        review_due=plan.review_due,
        status=plan.status,
        agreed_on=plan.agreed_on,
        goals=goals,
        risks=risks,
        crisis_triggers=plan.crisis_triggers,
        crisis_actions=plan.crisis_actions,
        crisis_contacts=plan.crisis_contacts,
        share_with=tuple(support_plans.agencies(plan)),
        reviews=reviews,
    )


def record_document(
    actor: User,
    kind: str,
    entity: str,
    entity_id: int,
    version: str,
    pdf: bytes,
    action: str = "print",
    details: dict | None = None,
) -> None:
    """Record that a document was made (its kind, wording version and fingerprint) and audit it
    (with ``details``: flags and codes saying which copy it was)."""
    digest = hashlib.sha256(pdf).hexdigest()
    with write_transaction():
        Document.create(
            kind=kind,
            entity=entity,
            entity_id=entity_id,
            generated_by=actor.id,
            template_version=version,
            sha256=digest,
            size=len(pdf),
        )
        audit.record(
            actor,
            action,
            entity,
            entity_id,
            {"document": kind, "sha256": digest, **(details or {})},
        )


def licence_agreement(actor: User, licence: Licence | int) -> bytes:
    """Her licence agreement in the team's wording, as PDF bytes; recorded as printed."""
    permissions.require(actor, "print")
    licence = licences.stored_licence(validation.record_id(licence, Licence, "licence"))
    wording = settings.licence_template(licence.agreement_type)
    agreement_wording.check_wording(wording, licence)
    pdf = agreement_document.build(_agreement_data(actor, licence), wording)
    record_document(actor, "licence_agreement", "licence", licence.id, wording.version, pdf)
    return pdf


def notice_to_quit(actor: User, licence: Licence | int) -> bytes:
    """Our notice to quit a licence, with its saving clause and the prescribed information, as
    PDF bytes for her (her own document: her name and the flat); recorded as printed.

    Only for a licence under notice from us, on an agreement type whose rule is a notice to
    quit (``services.tenure``).
    """
    permissions.require(actor, "print")
    licence = licences.stored_licence(validation.record_id(licence, Licence, "licence"))
    if tenure.rule(licence.agreement_type).our_notice != "notice_to_quit":
        raise ValidationError(
            f"A notice to quit is not the way to end {tenure.rule(licence.agreement_type).label.lower()}.",
            None,
        )
    if (
        licence.notice_by != "licensor"
        or licence.notice_served_on is None
        or licence.end_date is None  # a notice always sets the day she is to leave
    ):
        raise ValidationError(
            "Record our notice first: there is no notice from us on record.", None
        )
    person: Person = licence.person
    data = NoticeToQuitData(
        organisation=settings.organisation_for_documents(),
        reference=f"NTQ-{licence.id:06d}",
        resident_name=f"{person.given_name} {person.family_name}",
        flat_address=licence.flat.address,
        agreement_start=licence.start_date,
        served_on=licence.notice_served_on,
        served_how=tenure.SERVED_HOW.get(licence.notice_served_how, ""),
        last_day=licence.end_date - timedelta(days=1),
        move_out_day=licence.end_date,
        officer_name=actor.full_name,
        period_weekday=tenure.weekday(licence.start_date),
    )
    pdf = notice_document.build(data)
    record_document(actor, "notice_to_quit", "licence", licence.id, notice_document.VERSION, pdf)
    return pdf


def support_plan(actor: User, plan: SupportPlan | int) -> bytes:
    permissions.require(actor, "print")
    plan = support_plans.get_plan(actor, validation.record_id(plan, SupportPlan, "plan"))
    pdf = plan_document.build(_plan_data(plan))
    record_document(actor, "support_plan", "support_plan", plan.id, plan_document.VERSION, pdf)
    return pdf


def signup_pack(actor: User, licence: Licence | int) -> bytes:
    """The licence agreement, the completed checklist, a key receipt, the inventory page and the
    support plan, to sign on the day, in one PDF."""
    permissions.require(actor, "print")
    licence = licences.stored_licence(validation.record_id(licence, Licence, "licence"))
    wording = settings.licence_template(licence.agreement_type)
    agreement_wording.check_wording(wording, licence)
    plan = support_plans.current_plan(actor, licence)
    labels = signup.checklist_labels(licence)
    data = SignupPackData(
        agreement=_agreement_data(actor, licence),
        checklist=tuple(
            ChecklistLine(labels[i.key], i.done, i.done_on, i.note)
            for i in signup.stored_checklist(licence)
        ),
        keys=tuple(KeyLine(k.label, k.issued_on) for k in signup.stored_keys(licence)),
        support_plan=_plan_data(plan) if plan is not None else None,
    )
    pdf = pack_document.build(data, wording)
    record_document(actor, "signup_pack", "licence", licence.id, wording.version, pdf)
    return pdf


def signup_packs(
    actor: User,
    licence_ids: list[int],
    *,
    progress: Callable[[int, int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[tuple[int, bytes]]:
    """The sign-up pack of each licence, in order, each made and recorded as ``signup_pack`` is.
    When ``cancelled()`` turns True it stops before the next pack and returns those made so far
    (each already whole and recorded)."""
    made: list[tuple[int, bytes]] = []
    for licence_id in licence_ids:
        if cancelled is not None and cancelled():
            break
        made.append((licence_id, signup_pack(actor, licence_id)))
        if progress is not None:
            progress(len(made), len(licence_ids))
    return made


def availability_report(
    actor: User, on: date | None = None, *, include_names: bool = False
) -> bytes:
    """The board for partners and the council: every flat and its state, and no woman's name.

    ``include_names`` makes the team's own copy, marked as not for sharing, with the occupants'
    names, still never the name of a woman whose details are not to be disclosed. Refused while
    the organisation's name or address is missing: the partners must know whose board it is."""
    permissions.require(actor, "print")
    on = validation.a_date(on, "on", label="Date", default=clock.today())
    validation.flag(include_names, "include_names", label="Include names")
    organisation = settings.organisation_for_documents()
    lines = tuple(
        BoardLine(
            reference=s.reference,
            address=s.address,
            partner=s.partner,
            state=s.state_label,
            since=s.since,
            until=s.until,
            occupant=s.occupant if include_names else "",
            compliance=compliance_label(s.compliance),
        )
        for s in availability.availability(on, actor=actor)
    )
    data = AvailabilityReportData(
        organisation=organisation,
        on=on,
        lines=lines,
        reference=f"AV-{on:%Y%m%d}",
        with_names=include_names,
    )
    pdf = report_document.build(data)
    record_document(
        actor,
        "availability_report",
        "board",
        0,
        report_document.VERSION,
        pdf,
        details={"with_names": include_names},
    )
    return pdf


def compliance_label(state: str) -> str:
    return {"ok": "OK", "due_soon": "Due soon", "expired": "Expired"}[state]


def documents_for(entity: str, entity_id: int) -> list[Any]:
    """What was printed for a record, newest first: each its ``Document`` carrying the
    ``full_name`` of who printed it."""
    return list(
        objects(
            Document.select(Document, User.full_name)
            .join(User)
            .where((Document.entity == entity) & (Document.entity_id == entity_id))
            .order_by(Document.generated_at.desc(), Document.id.desc())
        )
    )


# Her account's paperwork, kept in its own module; paperwork.statement is the public name.
from housing_desk.services.account_paperwork import (  # noqa: E402, F401
    arrears_letter,
    move_out_letter,
    statement,
)
from housing_desk.services.warning_paperwork import warning_letter  # noqa: E402, F401
