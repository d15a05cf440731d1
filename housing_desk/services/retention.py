"""Keeping records no longer than needed: who is due to be anonymised, and anonymising them.

A woman's record is due when her last referral or licence closed more than the retention period
ago (six years unless the team sets otherwise) and nothing of hers is open. Anonymising replaces
every personal detail and all free text, and keeps the dates, scores and outcomes the team's
statistics rest on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peewee import fn

from housing_desk.data.database import write_transaction
from housing_desk.data.models import Assessment, AssessmentScore, Goal, Licence, Offer, Person, Referral, SupportPlan
from housing_desk.services import audit, intervals, names, permissions, settings
from housing_desk.services.assessments import add_months
from housing_desk.services.errors import ValidationError
from housing_desk.services.records import lock_row

ANONYMOUS_GIVEN = "Anonymised"


@dataclass(frozen=True)
class RetentionRow:
    person_id: int
    name: str
    last_closed: date
    years: int


def _last_closed() -> dict[int, date]:
    """Each person's latest closing date of a referral or a licence, for those with nothing open."""
    closing: dict[int, date] = {}
    open_people = set(Referral.select(Referral.person).where(Referral.status.in_(("received", "assessing",
                                                                                   "accepted"))).scalars())
    open_people |= set(Licence.select(Licence.person).where(Licence.status != "ended").scalars())
    for model, when in ((Referral, fn.COALESCE(Referral.closed_on, Referral.decided_on, Referral.received_on)),
                        (Licence, Licence.end_date)):
        for person_id, day in model.select(model.person, fn.MAX(when)).group_by(model.person).tuples():
            if day is None or person_id in open_people:
                continue
            day = intervals.as_date(day)
            closing[person_id] = max(day, closing.get(person_id, day))
    return closing


def report(actor, on: date | None = None) -> list[RetentionRow]:
    """People whose records closed more than the retention period ago, oldest first."""
    permissions.require(actor, "retention")
    on = on or date.today()
    years = settings.retention_years()
    cutoff = add_months(on, -12 * years)
    closing = _last_closed()
    due = [pid for pid, day in closing.items() if day < cutoff]
    people = {p.id: p for p in Person.select().where(Person.id.in_(due) & (Person.given_name != ANONYMOUS_GIVEN))}
    rows = [RetentionRow(pid, people[pid].display_name, closing[pid], years) for pid in due if pid in people]
    return sorted(rows, key=lambda r: r.last_closed)


def anonymise(actor, person) -> Person:
    """Replace every personal detail of a woman whose records are due; statistics are kept."""
    permissions.require(actor, "retention")
    with write_transaction():
        current = lock_row(Person, person.id, "That person's record no longer exists.")
        if current.id not in {r.person_id for r in report(actor)}:
            raise ValidationError("Her records are not yet due to be anonymised.", None)
        birth_year = current.date_of_birth.year if current.date_of_birth else None
        family = f"#{current.id}"
        Person.update(
            given_name=ANONYMOUS_GIVEN, family_name=family, preferred_name="",
            **names.stored_keys(ANONYMOUS_GIVEN, family),
            date_of_birth=date(birth_year, 1, 1) if birth_year else None, ni_number="", phone="",
            safe_contact="", message_ok=False, areas_to_avoid="", notes="", archived=True,
            version=Person.version + 1,
        ).where(Person.id == current.id).execute()
        Referral.update(referrer="", referrer_organisation="", notes="", decision_notes="").where(
            Referral.person == current.id).execute()
        assessments = Assessment.select(Assessment.id).where(Assessment.person == current.id)
        Assessment.update(notes="", tool_scores="", risk_to_self_notes="", risk_to_others_notes="",
                          risk_from_others_notes="", risk_to_tenancy_notes="").where(
            Assessment.person == current.id).execute()
        AssessmentScore.update(evidence="").where(AssessmentScore.assessment.in_(assessments)).execute()
        Licence.update(notice_reason="", move_out_notes="", hb_reference="").where(
            Licence.person == current.id).execute()
        plans = SupportPlan.select(SupportPlan.id).where(SupportPlan.person == current.id)
        SupportPlan.update(risk_to_self="", risk_to_others="", risk_from_others="", risk_to_tenancy="").where(
            SupportPlan.person == current.id).execute()
        Goal.update(need="", action="", owner="", outcome="").where(Goal.plan.in_(plans)).execute()
        her_referrals = Referral.select(Referral.id).where(Referral.person == current.id)
        Offer.update(notes="").where(Offer.referral.in_(her_referrals)).execute()
        audit.record(actor, "update", "person", current.id, {"anonymised": True})
    return Person.get_by_id(current.id)
