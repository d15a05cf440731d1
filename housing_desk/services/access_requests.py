"""Her requests for a copy of her records: recorded on the day they arrive, answered within one
calendar month (UK GDPR Article 12(3)), and listed in the reminders until they are answered."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import Person, SubjectAccessRequest, User
from housing_desk.services import audit, permissions, validation, viewing
from housing_desk.services.assessments import add_months
from housing_desk.services.errors import NotFound, ValidationError
from housing_desk.services.records import lock_row

if TYPE_CHECKING:
    from collections.abc import Callable

    from housing_desk.services.validation import DateGiven

STATUSES = {"open": "Waiting for an answer", "answered": "Answered"}


def due_date(received_on: date) -> date:
    """One calendar month after the day it was received: 3 March -> 3 April; a day the next month
    does not have is its last day (31 January -> 28 February, or 29 in a leap year)."""
    return add_months(received_on, 1)


def record_request(
    actor: User, person: Person | int, *, received_on: DateGiven, notes: str = ""
) -> SubjectAccessRequest:
    """A woman has asked for a copy of what we hold about her (in any words, by any means)."""
    permissions.require(actor, "manage_people")
    person_id = validation.record_id(person, Person, "person")
    received_on = validation.a_date(received_on, "received_on", label="Date received")
    if received_on > clock.today():
        raise ValidationError("The date it was received cannot be in the future.", "received_on")
    notes = validation.text(
        notes, "notes", label="Notes", column=SubjectAccessRequest.notes, max_length=2000
    )
    with write_transaction():
        her = lock_row(Person, person_id, "That person's record no longer exists.")
        request = SubjectAccessRequest.create(
            person=her.id,
            received_on=received_on,
            due_on=due_date(received_on),
            notes=notes,
            recorded_by=actor.id,
        )
        audit.record(
            actor,
            "create",
            "subject_access_request",
            request.id,
            {"person": her.id, "received_on": received_on, "due_on": request.due_on},
        )
    return request


def mark_answered(
    actor: User, request: SubjectAccessRequest | int, *, answered_on: DateGiven = None
) -> SubjectAccessRequest:
    """Her copy has gone to her: the request leaves the reminders."""
    permissions.require(actor, "export")
    request_id = validation.record_id(request, SubjectAccessRequest, "request")
    answered_on = validation.a_date(
        answered_on, "answered_on", label="Date answered", default=clock.today()
    )
    with write_transaction():
        current = lock_row(SubjectAccessRequest, request_id, "That request no longer exists.")
        if current.status == "answered":
            raise ValidationError("That request has already been answered.", None)
        if answered_on < current.received_on:
            raise ValidationError("It cannot be answered before it was received.", "answered_on")
        SubjectAccessRequest.update(
            status="answered",
            answered_on=answered_on,
            answered_by=actor.id,
            version=SubjectAccessRequest.version + 1,
        ).where(SubjectAccessRequest.id == current.id).execute()
        audit.record(
            actor,
            "update",
            "subject_access_request",
            current.id,
            {"status": ["open", "answered"], "answered_on": answered_on},
        )
    return SubjectAccessRequest.get_by_id(current.id)


def requests(
    status: str | None = None, person: Person | None = None, *, actor: User | None = None
) -> list[SubjectAccessRequest]:
    """Requests (open or answered, or all), the soonest due first. Their notes are for a role
    that reads notes (``actor``); without an actor they come blank."""
    if actor is not None:
        viewing.require(actor)
    query = SubjectAccessRequest.select()
    if status is not None:
        if status not in STATUSES:
            raise ValidationError(f"A request is open or answered, not {status!r}.", "status")
        query = query.where(SubjectAccessRequest.status == status)
    if person is not None:
        query = query.where(SubjectAccessRequest.person == getattr(person, "id", person))
    return viewing.all_as_seen_by(
        actor, query.order_by(SubjectAccessRequest.due_on, SubjectAccessRequest.id)
    )


def get_request(actor: User, request_id: int) -> SubjectAccessRequest:
    """One request, as ``actor`` may see it."""
    viewing.require(actor)
    return viewing.as_seen_by(actor, _request(request_id))


def _request(request_id: int) -> SubjectAccessRequest:
    request = SubjectAccessRequest.get_or_none(SubjectAccessRequest.id == request_id)
    if request is None:
        raise NotFound("That request no longer exists.")
    return request


def reminders(on: date, name: Callable[..., str]) -> list:
    """Each open request, due (or overdue) from the day it was received until it is answered.
    ``name(given, family, preferred, hidden)`` words her name as the board may show it."""
    from housing_desk.data.rows import plain_rows, to_date
    from housing_desk.services.reminders import Reminder
    from housing_desk.services.validation import uk_date

    found = []
    for person_id, due_on, *who in plain_rows(
        SubjectAccessRequest.select(
            SubjectAccessRequest.person,
            SubjectAccessRequest.due_on,
            Person.given_name,
            Person.family_name,
            Person.preferred_name,
            Person.do_not_disclose,
        )
        .join(Person)
        .where(SubjectAccessRequest.status == "open")
    ):
        due_on = to_date(due_on)
        found.append(
            Reminder(
                "subject_access",
                f"Copy of her records for {name(*who)} to be sent by {uk_date(due_on)}",
                due_on,
                due_on is not None and due_on < on,
                "person",
                person_id,
            )
        )
    return found
