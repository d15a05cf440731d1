"""The tenancy's life in her subject access export: keywork sessions, incidents, warnings, her
crisis plans, plan reviews and her words in goals. (Anonymising clears their free text through
her_records, which finds every table of hers.)"""

from __future__ import annotations

from peewee import JOIN

from housing_desk.data.models import (
    Flat,
    Incident,
    KeyworkSession,
    SupportPlan,
    SupportReview,
    TenancyWarning,
    User,
)
from housing_desk.data.rows import objects
from housing_desk.documents.data import RecordSection
from housing_desk.services import incidents, keywork, tenancy_warnings as warnings_service
from housing_desk.services.validation import uk_date


def subject_access_sections(person_id: int) -> list[RecordSection]:
    """What her subject access export shows of the tenancy's life, in words."""
    return [
        _keywork(person_id),
        _incidents(person_id),
        _warnings(person_id),
        _crisis_plans(person_id),
        _reviews(person_id),
    ]


def _keywork(person_id: int) -> RecordSection:
    query = objects(
        KeyworkSession.select(KeyworkSession, User.full_name)
        .join(User, on=(KeyworkSession.keyworker == User.id))
        .where(KeyworkSession.person == person_id)
        .order_by(KeyworkSession.held_on, KeyworkSession.id)
    )
    return RecordSection(
        "Keywork sessions",
        ("Date", "Kind", "Minutes", "Keyworker", "What was talked about"),
        tuple(
            (
                uk_date(s.held_on),
                keywork.KINDS[s.kind],
                str(s.duration_minutes or ""),
                s.full_name,
                s.summary,
            )
            for s in query
        ),
        (22, 30, 16, 30, 76),
    )


def _incidents(person_id: int) -> RecordSection:
    query = objects(
        Incident.select(Incident, Flat.reference)
        .join(Flat, JOIN.LEFT_OUTER, on=(Incident.flat == Flat.id))
        .where(Incident.person == person_id)
        .order_by(Incident.occurred_on, Incident.id)
    )
    rows = []
    for i in query:
        told = ", ".join(incidents.REFERRED_TO[key] for key in i.referred_to.split(",") if key) or (
            "Yes" if i.safeguarding_referral else ""
        )
        details = i.description
        for label, value in (
            ("Police reference", i.police_reference),
            ("Follow-up", i.follow_up),
            ("Review", i.review_notes),
        ):
            if value:
                details += f"\n{label}: {value}"
        rows.append(
            (
                uk_date(i.occurred_on),
                incidents.KINDS[i.kind],
                incidents.SEVERITIES[i.severity],
                i.reference or "",
                told,
                details,
            )
        )
    return RecordSection(
        "Incidents",
        ("Date", "Kind", "Severity", "Flat", "Safeguarding referral", "What happened"),
        tuple(rows),
        (22, 28, 18, 18, 30, 58),
    )


def _warnings(person_id: int) -> RecordSection:
    query = (
        TenancyWarning.select()
        .where(TenancyWarning.person == person_id)
        .order_by(TenancyWarning.issued_on, TenancyWarning.id)
    )
    return RecordSection(
        "Warnings",
        ("Given", "Stage", "Lapses", "Why"),
        tuple(
            (uk_date(w.issued_on), warnings_service.STAGES[w.stage], uk_date(w.lapses_on), w.reason)
            for w in query
        ),
        (22, 32, 22, 98),
    )


def _crisis_plans(person_id: int) -> RecordSection:
    query = (
        SupportPlan.select()
        .where(SupportPlan.person == person_id)
        .order_by(SupportPlan.start_date, SupportPlan.id)
    )
    rows = []
    for plan in query:
        for label, value in (
            ("What can set things off", plan.crisis_triggers),
            ("What to do", plan.crisis_actions),
            ("Whom to call", plan.crisis_contacts),
            ("Agencies you agreed we may share with", plan.consent_to_share.replace("\n", "; ")),
        ):
            if value:
                rows.append((uk_date(plan.start_date), label, value))
        for goal in plan.goals:
            for label, value in (
                ("A goal in your words", goal.her_words),
                ("Your strengths", goal.strengths),
                ("How we will know it worked", goal.measure),
                ("Achieved on", uk_date(goal.achieved_on)),
            ):
                if value:
                    rows.append((uk_date(plan.start_date), label, value))
    return RecordSection(
        "Your support plans: crisis plans and goals in your words",
        ("Plan from", "What", "Written"),
        tuple(rows),
        (22, 52, 100),
    )


def _reviews(person_id: int) -> RecordSection:
    query = (
        SupportReview.select()
        .join(SupportPlan)
        .where(SupportPlan.person == person_id)
        .order_by(SupportReview.reviewed_on, SupportReview.id)
    )
    return RecordSection(
        "Reviews of your support plan",
        ("Date", "Who came", "What changed"),
        tuple((uk_date(r.reviewed_on), r.attended, r.summary) for r in query),
        (22, 50, 102),
    )
