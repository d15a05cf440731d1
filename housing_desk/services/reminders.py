"""What is due or overdue today: certificates, reviews, reassessments, notices, offers, benefit claims."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from housing_desk.data.models import Assessment, Licence, Offer, Person, Referral, SupportPlan
from housing_desk.services import availability
from housing_desk.services.validation import uk_date

NOTICE_DAYS = 14
OFFER_DAYS = 14


@dataclass(frozen=True)
class Reminder:
    kind: str
    text: str
    due_on: date | None
    overdue: bool
    entity: str  # 'flat', 'person' or 'licence': what opening it shows
    entity_id: int


def _name(person) -> str:
    # Reminders show on the board, which may be on a shared screen.
    if person.do_not_disclose:
        return "a resident (confidential)"
    return f"{person.preferred_name or person.given_name} {person.family_name}"


def due(on: date | None = None, board: list | None = None) -> list[Reminder]:
    """Everything due or overdue on ``on``, overdue first, then by date. ``board`` is the day's
    availability when the caller already has it (its compliance is reused)."""
    on = on or date.today()
    found: list[Reminder] = []
    for status in availability.availability(on) if board is None else board:
        if status.compliance != "ok" and status.state != "retired":
            found.append(Reminder("certificate", f"Flat {status.reference}: {status.compliance_notes}", None,
                                  status.compliance == "expired", "flat", status.flat_id))
    for plan in (SupportPlan.select(SupportPlan, Licence, Person).join(Licence).switch(SupportPlan).join(Person)
                 .where((SupportPlan.status != "superseded") & (Licence.status != "ended")
                        & (SupportPlan.review_due < on))):
        found.append(Reminder("review", f"Support plan review for {_name(plan.person)} was due "
                              f"{uk_date(plan.review_due)}", plan.review_due, True, "licence", plan.licence_id))
    active_people = (Licence.select(Licence.person).where(Licence.status != "ended")
                     | Referral.select(Referral.person).where(Referral.status.in_(("received", "assessing",
                                                                                   "accepted"))))
    latest = {}
    for assessment in (Assessment.select(Assessment, Person).join(Person)
                       .where(Assessment.person.in_(active_people)).order_by(Assessment.assessed_on)):
        latest[assessment.person_id] = assessment
    for assessment in latest.values():
        if assessment.next_review_on and assessment.next_review_on < on:
            found.append(Reminder("reassessment", f"Reassessment of {_name(assessment.person)} was due "
                                  f"{uk_date(assessment.next_review_on)}", assessment.next_review_on, True,
                                  "person", assessment.person_id))
    for licence in (Licence.select(Licence, Person).join(Person)
                    .where((Licence.status == "notice") & (Licence.end_date <= on + timedelta(days=NOTICE_DAYS)))):
        found.append(Reminder("notice", f"{_name(licence.person)}'s notice ends {uk_date(licence.end_date)}",
                              licence.end_date, licence.end_date < on, "licence", licence.id))
    for offer in (Offer.select(Offer, Referral, Person).join(Referral).join(Person)
                  .where((Offer.status == "pending") & (Offer.offered_on <= on - timedelta(days=OFFER_DAYS)))):
        found.append(Reminder("offer", f"Offer to {_name(offer.referral.person)} made {uk_date(offer.offered_on)} "
                              "has no answer yet", offer.offered_on, True, "person", offer.referral.person_id))
    for licence in (Licence.select(Licence, Person).join(Person)
                    .where((Licence.status != "ended") & (Licence.hb_status != "confirmed"))):
        found.append(Reminder("housing_benefit", f"Housing Benefit for {_name(licence.person)} not yet confirmed",
                              licence.start_date, licence.start_date < on - timedelta(days=28), "licence",
                              licence.id))
    return sorted(found, key=lambda r: (not r.overdue, r.due_on or on, r.text))
