"""The sections of her copy of her records: one titled table for each kind of thing we hold.

Each reads only her rows (``her_records``) and words codes as the windows do; free text is
printed whole, exactly as it was written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from housing_desk.data.models import (
    Licence,
    LicenceKey,
    Offer,
    Person,
    Referral,
    SignupItem,
    SubjectAccessRequest,
    SupportPlan,
    User,
)
from housing_desk.documents.data import RecordSection
from housing_desk.services import (
    access_requests,
    allocations,
    assessments,
    endings,
    her_records,
    licences,
    referrals,
    signup,
    support_plans,
    tenure,
)
from housing_desk.services.validation import uk_date

if TYPE_CHECKING:
    from decimal import Decimal

    from peewee import ColumnBase

    from housing_desk.data.models import BaseModel


_M = TypeVar("_M", bound="BaseModel")  # a kind of record


def _yes(flag: bool) -> str:
    return "Yes" if flag else "No"


def _money(amount: Decimal) -> str:
    return "" if amount is None else f"£{amount:,.2f}"


def _hers(model: type[_M], person: Person, *order: ColumnBase) -> list[_M]:
    return list(her_records.rows_of(model, person.id).order_by(*order, model.id))


def profile(person: Person) -> RecordSection:
    keyworker = person.keyworker  # one read, of the one user
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
        ("No recourse to public funds", _yes(person.no_recourse_to_public_funds)),
        ("Areas to avoid", person.areas_to_avoid),
        ("Keyworker", keyworker.full_name if keyworker else ""),
        ("Notes", person.notes),
        ("Record made", uk_date(person.created_at.date()) if person.created_at else ""),
    )
    return RecordSection("Your record", ("Detail", "What we hold"), rows, (50, 124))


def referral_sections(actor: User, person: Person) -> list[RecordSection]:
    rows = []
    for r in _hers(Referral, person, Referral.received_on):
        who = ", ".join(p for p in (r.referrer, r.referrer_organisation) if p)
        rows.append(
            (
                uk_date(r.received_on),
                referrals.SOURCES[r.source] + (f" ({who})" if who else ""),
                referrals.STATUS_LABELS[r.status],
                uk_date(r.decided_on),
                referrals.reason_label(r, actor) if r.decision_reason else "",
                r.notes,
                r.decision_notes,
            )
        )
    return [
        RecordSection(
            "Referrals",
            ("Received", "From", "Status", "Decided", "Reason", "Notes", "Decision notes"),
            tuple(rows),
            (20, 30, 20, 20, 24, 30, 30),
        )
    ]


def assessment_sections(actor: User, person: Person) -> list[RecordSection]:
    rows = []
    for view in assessments.history(actor, person):
        on = uk_date(view.assessed_on)
        rows.append((on, "Assessed by", view.assessor, ""))
        # the areas she was scored on then, including any since retired
        for key, label in assessments.DOMAIN_LABELS.items():
            if key in view.scores:
                rows.append((on, label, str(view.scores[key]), view.evidence.get(key, "")))
        if view.risk_markers:
            markers = ", ".join(assessments.RISK_MARKERS[k] for k in view.risk_markers)
            rows.append((on, "Risk markers", "", markers))
        for kind, label in assessments.RISKS.items():
            level, notes = view.risks.get(kind, ("", ""))
            rows.append((on, label, level, notes))
        if view.tool_used or view.tool_scores:
            rows.append((on, "Other tool used", view.tool_used, view.tool_scores))
        rows.append((on, "Outcome", view.outcome_label, view.notes))
        rows.append((on, "Next review", uk_date(view.next_review_on), ""))
    return [
        RecordSection(
            "Readiness assessments",
            ("Date", "Area", "Score or level", "Evidence and notes"),
            tuple(rows),
            (22, 55, 25, 72),
        )
    ]


def offer_sections(person: Person) -> list[RecordSection]:
    rows = tuple(
        (
            o.flat.reference,
            o.flat.address,
            uk_date(o.offered_on),
            allocations.OFFER_STATUSES.get(o.status, o.status),
            uk_date(o.responded_on),
            allocations.REFUSAL_REASONS.get(o.reason, o.reason),
            o.notes,
        )
        for o in _hers(Offer, person, Offer.offered_on)
    )
    return [
        RecordSection(
            "Flats offered to you",
            ("Flat", "Address", "Offered", "Status", "Answered", "Reason", "Notes"),
            rows,
            (18, 40, 20, 20, 20, 24, 32),
        )
    ]


def licence_sections(person: Person, her_licences: list[Licence]) -> list[RecordSection]:
    labels = dict(signup.CHECKLIST_LABELS)
    if person.no_recourse_to_public_funds:
        labels["hb_claim"] = signup.NRPF_HB_LABEL
    sections = [
        RecordSection(
            "Your licences",
            (
                "Flat",
                "Address",
                "Agreement",
                "From",
                "To",
                "Weekly total",
                "Status",
                "Housing Benefit",
            ),
            tuple(
                (
                    lic.flat.reference,
                    lic.flat.address,
                    licences.AGREEMENT_TYPES[lic.agreement_type],
                    uk_date(lic.start_date),
                    uk_date(lic.end_date),
                    _money(lic.weekly_total),
                    licences.STATUSES[lic.status],
                    "; ".join(
                        p
                        for p in (
                            lic.readiness_override
                            and f"let without a ready assessment: {lic.readiness_override}",
                            licences.HB_STATUSES.get(lic.hb_status, lic.hb_status),
                            lic.hb_reference and f"reference {lic.hb_reference}",
                            lic.inventory_reference and f"inventory {lic.inventory_reference}",
                        )
                        if p
                    ),
                )
                for lic in her_licences
            ),
            (16, 36, 22, 18, 18, 18, 18, 28),
        ),
        RecordSection(
            "Notice and moving out",
            ("Flat", "Notice", "Served", "Why", "Ended because", "Where to", "Notes"),
            tuple(
                (
                    lic.flat.reference,
                    "; ".join(
                        p
                        for p in (
                            endings.NOTICE_BY.get(lic.notice_by, ""),
                            tenure.SERVED_HOW.get(lic.notice_served_how, ""),
                            lic.possession_order_on
                            and f"court order {uk_date(lic.possession_order_on)}",
                        )
                        if p
                    ),
                    uk_date(lic.notice_served_on),
                    lic.notice_reason,
                    endings.END_REASONS.get(lic.end_reason, ""),
                    lic.destination,
                    lic.move_out_notes,
                )
                for lic in her_licences
                if lic.notice_by or lic.end_reason or lic.notice_reason or lic.move_out_notes
            ),
            (16, 22, 18, 32, 22, 28, 36),
        ),
        RecordSection(
            "Sign-up checklist",
            ("Flat", "Item", "Done", "On", "Note"),
            tuple(
                (
                    i.licence.flat.reference,
                    labels.get(i.key, i.key),
                    _yes(i.done),
                    uk_date(i.done_on),
                    i.note,
                )
                for i in _hers(SignupItem, person)
            ),
            (16, 62, 14, 20, 62),
        ),
        RecordSection(
            "Keys",
            ("Key or fob", "Issued", "Returned", "Notes"),
            tuple(
                (k.label, uk_date(k.issued_on), uk_date(k.returned_on), k.notes)
                for k in _hers(LicenceKey, person, LicenceKey.issued_on)
            ),
            (50, 22, 22, 80),
        ),
    ]
    return sections


def plan_sections(person: Person) -> list[RecordSection]:
    plans = _hers(SupportPlan, person, SupportPlan.start_date)
    plan_rows, goal_rows = [], []
    for plan in plans:
        start = uk_date(plan.start_date)
        plan_rows.append(
            (
                start,
                support_plans.STATUSES[plan.status],
                "Review due " + uk_date(plan.review_due) if plan.review_due else "",
                ("Agreed " + uk_date(plan.agreed_on)) if plan.agreed_on else "",
            )
        )
        for key, label in support_plans.RISK_FIELDS.items():
            if getattr(plan, key):
                plan_rows.append((start, label, "", getattr(plan, key)))
        for goal in plan.goals:
            goal_rows.append(
                (
                    start,
                    assessments.DOMAIN_LABELS.get(goal.domain, "Other"),
                    goal.need,
                    goal.action,
                    goal.owner,
                    uk_date(goal.target_date),
                    support_plans.GOAL_STATUSES.get(goal.status, goal.status),
                    goal.outcome,
                )
            )
    return [
        RecordSection(
            "Support plans and how risks are managed",
            ("Plan from", "Plan", "Review", "Agreed, or how the risk is managed"),
            tuple(plan_rows),
            (22, 40, 30, 82),
        ),
        RecordSection(
            "Support plan goals",
            ("Plan from", "Area", "Need", "Action", "Who", "By", "Status", "Outcome"),
            tuple(goal_rows),
            (18, 24, 28, 28, 20, 18, 16, 22),
        ),
    ]


def request_sections(person: Person) -> list[RecordSection]:
    return [
        RecordSection(
            "Your requests for your records",
            ("Received", "To be answered by", "Status", "Answered", "Notes"),
            tuple(
                (
                    uk_date(r.received_on),
                    uk_date(r.due_on),
                    access_requests.STATUSES[r.status],
                    uk_date(r.answered_on),
                    r.notes,
                )
                for r in _hers(SubjectAccessRequest, person, SubjectAccessRequest.received_on)
            ),
            (24, 30, 34, 24, 62),
        )
    ]
