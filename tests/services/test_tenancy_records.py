"""Keywork, incidents, warnings, crisis plans and reviews: in her subject access export, and gone
when she is anonymised (dates, kinds and counts kept)."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from housing_desk.data.models import (
    AuditEvent,
    Goal,
    Incident,
    KeyworkSession,
    SupportPlan,
    SupportReview,
    TenancyWarning,
)
from housing_desk.services import (
    audit,
    incidents,
    keywork,
    licences,
    retention,
    subject_access,
    support_plans,
    warnings as tenancy_warnings,
)
from tests import factories

WORDS = (
    "She talked about her sister",
    "Men were staying in the flat",
    "NP-2018-77",
    "Locks changed",
    "Shouting on the stairs",
    "Hearing he is out",
    "Stay with her sister",
    "Sister on 07700",
    "St Giles Trust",
    "I want a job in a salon",
    "Determined",
    "She has a trial day",
    "Her and her IDVA",
    "Added the salon goal",
)


@pytest.fixture
def her_life(admin, partner):
    home = factories.certified_flat(admin, partner, since=date(2017, 1, 1))
    woman = factories.ready_woman(
        admin, given_name="Roxana", family_name="Dumitru", assessed_on=date(2017, 6, 1)
    )
    licence = factories.sign_up(
        admin, licences.create_licence(admin, woman, home, start_date=date(2018, 1, 1))
    )
    plan = support_plans.create_plan(
        admin, licence, start_date=date(2018, 1, 2), review_due=date(2018, 4, 2)
    )
    support_plans.add_goal(
        admin,
        plan,
        domain="meaningful_use",
        need="Work",
        action="",
        owner="",
        target_date=None,
        her_words=WORDS[9],
        strengths=WORDS[10],
        measure=WORDS[11],
    )
    support_plans.set_crisis_plan(
        admin,
        plan,
        triggers=WORDS[5],
        actions=WORDS[6],
        contacts=WORDS[7],
        consent_to_share=[WORDS[8]],
    )
    support_plans.agree(admin, plan, agreed_on=date(2018, 1, 3))
    support_plans.record_review(
        admin, plan, reviewed_on=date(2018, 4, 1), attended=WORDS[12], summary=WORDS[13]
    )
    keywork.record_session(admin, licence, held_on=date(2018, 2, 1), summary=WORDS[0])
    incident = incidents.record_incident(
        admin,
        person=woman,
        occurred_on=date(2018, 3, 1),
        kind="cuckooing",
        severity="high",
        description=WORDS[1],
        police_reference=WORDS[2],
        follow_up=WORDS[3],
        flat=home,
    )
    incidents.review_incident(admin, incident, notes="Reviewed with the police")
    tenancy_warnings.issue_warning(
        admin, licence, stage="written", issued_on=date(2018, 5, 1), reason=WORDS[4]
    )
    licences.end_licence(admin, licence, end_date=date(2019, 6, 1), reason="planned_move_on")
    return woman


def test_her_export_holds_the_tenancys_life(admin, her_life):
    factories.organisation(admin)  # her papers are refused until it is named
    pdf = subject_access.export(admin, her_life)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    for expected in (*WORDS, "Keywork sessions", "Incidents", "Warnings", "Written warning"):
        assert expected in text, expected
    # who recorded them is in the trail of her record, in words
    trail = {e.entity for e in audit.search(admin, person_id=her_life.id)}
    assert {"keywork_session", "incident", "tenancy_warning"} <= trail


def test_anonymising_her_blanks_the_tenancys_words_and_keeps_the_counts(admin, her_life):
    retention.anonymise(admin, her_life)
    session = KeyworkSession.get()
    incident = Incident.get()
    assert (session.summary, session.kind, session.held_on) == ("", "in_person", date(2018, 2, 1))
    assert (incident.description, incident.police_reference, incident.follow_up) == ("", "", "")
    assert incident.review_notes == "" and incident.kind == "cuckooing"
    assert TenancyWarning.get().reason == "" and TenancyWarning.get().stage == "written"
    plan = SupportPlan.get()
    assert (plan.crisis_triggers, plan.crisis_actions, plan.crisis_contacts) == ("", "", "")
    assert plan.consent_to_share == ""
    goal = Goal.get()
    assert (goal.her_words, goal.strengths, goal.measure) == ("", "", "")
    review = SupportReview.get()
    assert (review.attended, review.summary) == ("", "")
    for row in AuditEvent.select():
        for words in WORDS:
            assert words not in row.changes
