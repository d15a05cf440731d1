"""What is due or overdue today: certificates, reviews, reassessments, notices, offers, benefit claims."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from housing_desk import clock
from housing_desk.data.models import (
    Assessment,
    Certificate,
    Flat,
    Licence,
    Offer,
    Person,
    Referral,
    SupportPlan,
    User,
)
from housing_desk.data.rows import plain_rows, to_date
from housing_desk.services import access_requests, attachments, availability, names, viewing
from housing_desk.services.compliance import noun
from housing_desk.services.money_reminders import money_reminders
from housing_desk.services.upkeep_reminders import upkeep_reminders
from housing_desk.services.validation import uk_date

NOTICE_DAYS = 14
OFFER_DAYS = 14
HB_DECISION_DAYS = 28  # a claim not decided four weeks after she moved in is chased


@dataclass(frozen=True)
class Reminder:
    kind: str
    text: str
    due_on: date | None
    overdue: bool
    entity: str  # 'flat', 'person' or 'licence': what opening it shows
    entity_id: int


# Her name as the reminders read it: these columns, in this order, at the end of each query.
_WHO = (Person.given_name, Person.family_name, Person.preferred_name, Person.do_not_disclose)


# Reminders show on the board, which may be on a shared screen.
_name = names.board_name


def due(
    on: date | None = None, board: list | None = None, *, actor: User | None = None
) -> list[Reminder]:
    """Everything due or overdue on ``on``, overdue first, then by date. ``board`` is the day's
    availability when the caller already has it (its compliance is reused).

    Reminders name women as the board does (never one whose details are not to be disclosed)
    and carry no notes, whoever asks; ``actor``, when given, must be signed in and active.
    """
    if actor is not None:
        viewing.require(actor)
    on = on or clock.today()
    found: list[Reminder] = []
    for status in availability.availability(on) if board is None else board:
        if status.compliance != "ok" and status.state != "retired":
            found.append(
                Reminder(
                    "certificate",
                    f"Flat {status.reference}: {status.compliance_notes}",
                    None,
                    status.compliance == "expired",
                    "flat",
                    status.flat_id,
                )
            )
    plans = (
        SupportPlan.select(SupportPlan.review_due, SupportPlan.licence, *_WHO)
        .join(Licence)
        .switch(SupportPlan)
        .join(Person)
        .where(
            (SupportPlan.status != "superseded")
            & (Licence.status != "ended")
            & (SupportPlan.review_due < on)
        )
    )
    for review_due, licence_id, *who in plain_rows(plans):
        review_due = to_date(review_due)
        found.append(
            Reminder(
                "review",
                f"Support plan review for {_name(*who)} was due {uk_date(review_due)}",
                review_due,
                True,
                "licence",
                licence_id,
            )
        )
    active_people = Licence.select(Licence.person).where(
        Licence.status != "ended"
    ) | Referral.select(Referral.person).where(
        Referral.status.in_(("received", "assessing", "accepted"))
    )
    latest = {}
    for person_id, next_review, *who in plain_rows(
        Assessment.select(Assessment.person, Assessment.next_review_on, *_WHO)
        .join(Person)
        .where(Assessment.person.in_(active_people))
        .order_by(Assessment.assessed_on, Assessment.id)
    ):
        latest[person_id] = (to_date(next_review), who)
    for person_id, (next_review, who) in latest.items():
        if next_review and next_review < on:
            found.append(
                Reminder(
                    "reassessment",
                    f"Reassessment of {_name(*who)} was due {uk_date(next_review)}",
                    next_review,
                    True,
                    "person",
                    person_id,
                )
            )
    for licence_id, end_date, *who in plain_rows(
        Licence.select(Licence.id, Licence.end_date, *_WHO)
        .join(Person)
        .where(
            (Licence.status == "notice") & (Licence.end_date <= on + timedelta(days=NOTICE_DAYS))
        )
    ):
        end_date = to_date(end_date)
        found.append(
            Reminder(
                "notice",
                f"{_name(*who)}'s notice ends {uk_date(end_date)}",
                end_date,
                end_date < on,
                "licence",
                licence_id,
            )
        )
    for offered_on, person_id, *who in plain_rows(
        Offer.select(Offer.offered_on, Referral.person, *_WHO)
        .join(Referral)
        .join(Person)
        .where((Offer.status == "pending") & (Offer.offered_on <= on - timedelta(days=OFFER_DAYS)))
    ):
        offered_on = to_date(offered_on)
        found.append(
            Reminder(
                "offer",
                f"Offer to {_name(*who)} made {uk_date(offered_on)} has no answer yet",
                offered_on,
                True,
                "person",
                person_id,
            )
        )
    for licence_id, start_date, hb_status, *who in plain_rows(
        Licence.select(Licence.id, Licence.start_date, Licence.hb_status, *_WHO)
        .join(Person)
        .where(
            (Licence.status != "ended")
            & Licence.hb_status.not_in(("confirmed", "refused"))
            # She has no recourse to public funds: there is no claim to chase.
            & ~Person.no_recourse_to_public_funds
        )
    ):
        start_date = to_date(start_date)
        state = "suspended" if hb_status == "suspended" else "not yet decided"
        found.append(
            Reminder(
                "housing_benefit",
                f"Housing Benefit for {_name(*who)} {state}",
                start_date,
                hb_status == "suspended" or start_date < on - timedelta(days=HB_DECISION_DAYS),
                "licence",
                licence_id,
            )
        )
    found.extend(money_reminders(on, _name))
    found.extend(upkeep_reminders(on))
    found.extend(access_requests.reminders(on, _name))
    found.extend(_certificate_copies(on))
    from housing_desk.services import tenancy_reminders

    found.extend(tenancy_reminders.due(on))
    return sorted(found, key=lambda r: (not r.overdue, r.due_on or on, r.text))


def _certificate_copies(on: date) -> list[Reminder]:
    """A gas safety record or EICR from a check during her stay: her copy is due in 28 days."""
    query = (
        Certificate.select(
            Certificate.flat,
            Certificate.kind,
            Certificate.copy_due_on,
            Flat.reference,
            Certificate.id,
        )
        .join(Flat)
        .where(Certificate.copy_due_on.is_null(False) & Certificate.copy_given_on.is_null())
    )
    found = []
    rows = plain_rows(query)
    filed = attachments.filed_for("certificate", [row[4] for row in rows])
    for flat_id, kind, due_on, reference, certificate_id in rows:
        due_on = to_date(due_on)
        where = (
            "its PDF is on the flat's Files tab"
            if certificate_id in filed
            else "attach its PDF on the flat's Files tab"
        )
        found.append(
            Reminder(
                "certificate_copy",
                f"Flat {reference}: give the resident a copy of the new "
                f"{noun(kind)} by {uk_date(due_on)} ({where})",
                due_on,
                due_on < on,
                "flat",
                flat_id,
            )
        )
    return found
