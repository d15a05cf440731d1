"""Keywork: the sessions she has with her keyworker, the goals worked on, and the next one booked.

Every viewer may see that a session happened; only staff who may see notes read what was said.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import Goal, KeyworkGoal, KeyworkSession, Licence, SupportPlan, User
from housing_desk.data.rows import objects, tuples
from housing_desk.services import audit, permissions, validation, viewing
from housing_desk.services.errors import NotFound, ValidationError
from housing_desk.services.records import lock_row

if TYPE_CHECKING:
    from collections.abc import Iterable

    from housing_desk.data.models import BaseModel, Person
    from housing_desk.services.validation import DateGiven

KINDS = {
    "in_person": "In person",
    "phone": "Phone",
    "video": "Video call",
    "attempted": "Attempted (she did not attend)",
}
ATTENDED = ("in_person", "phone", "video")


@dataclass(frozen=True)
class Session:
    """A session as a list shows it; ``summary`` is blank for those who may not read notes."""

    session_id: int
    licence_id: int
    person_id: int
    held_on: date
    kind: str
    duration_minutes: int | None
    summary: str
    next_on: date | None
    keyworker: str
    goal_ids: tuple[int, ...]

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def attended(self) -> bool:
        return self.kind in ATTENDED


def _duration(value: object) -> int | None:
    if value in (None, ""):
        return None
    return validation.whole_number(
        value, "duration_minutes", label="Length in minutes", minimum=1, maximum=600
    )


def _goal_ids(value: object, field: str) -> list[int]:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise ValidationError("Choose the goals from her support plan.", field)
    ids = []
    for item in value:
        goal_id = item.id if isinstance(item, Goal) else item
        if isinstance(goal_id, bool) or not isinstance(goal_id, int):
            raise ValidationError("Choose the goals from her support plan.", field)
        if goal_id not in ids:
            ids.append(goal_id)
    return ids


def record_session(
    actor: User,
    licence: Licence | int,
    *,
    held_on: DateGiven,
    kind: str = "in_person",
    duration_minutes: int | None = None,
    summary: str,
    goals: Iterable[int] = (),
    next_on: DateGiven = None,
    achieved: Iterable[int] = (),
) -> KeyworkSession:
    """Record a session held (or attempted) under her licence. ``goals`` are the ids of the
    support-plan goals worked on; ``achieved`` those she achieved at it (dated the session's day)."""
    permissions.require(actor, "keywork")
    licence_id = validation.record_id(licence, Licence, "licence", label="her licence")
    held_on = validation.a_date(held_on, "held_on", label="Date of the session")
    if held_on > clock.today():
        raise ValidationError("A session is recorded once it has happened.", "held_on")
    kind = validation.choice(kind, "kind", label="Kind of session", choices=tuple(KINDS))
    duration = _duration(duration_minutes)
    summary = validation.text(
        summary,
        "summary",
        label="What was talked about",
        column=KeyworkSession.summary,
        max_length=8000,
    )
    if not summary and kind != "attempted":
        raise ValidationError("Say briefly, in plain words, what you talked about.", "summary")
    goal_ids = _goal_ids(goals, "goals")
    achieved_ids = _goal_ids(achieved, "achieved")
    for goal_id in achieved_ids:
        if goal_id not in goal_ids:
            goal_ids.append(goal_id)
    if kind == "attempted" and goal_ids:
        raise ValidationError("No goal was worked on at a session she did not attend.", "goals")
    next_on = validation.a_date(next_on, "next_on", label="Next session", required=False)
    if next_on is not None and next_on <= held_on:
        raise ValidationError("The next session comes after this one.", "next_on")
    with write_transaction():
        current = lock_row(Licence, licence_id, "That licence no longer exists.")
        if held_on < current.start_date or (current.end_date and held_on >= current.end_date):
            raise ValidationError(
                "The session must fall while she held this licence "
                f"(from {validation.uk_date(current.start_date)}).",
                "held_on",
            )
        _check_goals(current, goal_ids)
        session = KeyworkSession.create(
            licence=current.id,
            person=current.person_id,
            held_on=held_on,
            kind=kind,
            duration_minutes=duration,
            summary=summary,
            next_on=next_on,
            keyworker=actor.id,
        )
        if goal_ids:
            KeyworkGoal.insert_many(
                [{"session": session.id, "goal": goal_id} for goal_id in goal_ids]
            ).execute()
        if achieved_ids:
            Goal.update(status="achieved", achieved_on=held_on, version=Goal.version + 1).where(
                Goal.id.in_(achieved_ids) & Goal.achieved_on.is_null()
            ).execute()
        audit.record(
            actor,
            "create",
            "keywork_session",
            session.id,
            {
                "licence": current.id,
                "held_on": held_on,
                "kind": kind,
                "duration_minutes": duration,
                "goals": goal_ids,
                "achieved": achieved_ids,
                "next_on": next_on,
            },
        )
    return session


def _check_goals(licence: Licence, goal_ids: list[int]) -> None:
    if not goal_ids:
        return
    found = {
        goal_id
        for (goal_id,) in tuples(
            Goal.select(Goal.id)
            .join(SupportPlan)
            .where(Goal.id.in_(goal_ids) & (SupportPlan.licence == licence.id))
        )
    }
    if set(goal_ids) - found:
        raise ValidationError("Those goals are not in a support plan of this licence.", "goals")


def sessions(
    actor: User, licence: Licence | int | None = None, *, person: Person | int | None = None
) -> list[Session]:
    """Sessions under a licence (or all of hers), newest first. Viewers see that they happened,
    not what was said."""
    permissions.require(actor, "view")
    if (licence is None) == (person is None):
        raise ValueError("give a licence or a person")
    query = KeyworkSession.select(KeyworkSession, User.full_name).join(
        User, on=(KeyworkSession.keyworker == User.id)
    )
    if licence is not None:
        query = query.where(KeyworkSession.licence == _id(licence))
    else:
        assert person is not None  # one of the two, as checked above
        query = query.where(KeyworkSession.person == _id(person))
    rows = list(objects(query.order_by(KeyworkSession.held_on.desc(), KeyworkSession.id.desc())))
    links: dict[int, list[int]] = {}
    if rows:
        for session_id, goal_id in tuples(
            KeyworkGoal.select(KeyworkGoal.session, KeyworkGoal.goal)
            .where(KeyworkGoal.session.in_([r.id for r in rows]))
            .order_by(KeyworkGoal.id)
        ):
            links.setdefault(session_id, []).append(goal_id)
    sensitive = viewing.reads_notes(actor)
    return [
        Session(
            session_id=row.id,
            licence_id=row.licence_id,
            person_id=row.person_id,
            held_on=row.held_on,
            kind=row.kind,
            duration_minutes=row.duration_minutes,
            summary=row.summary if sensitive else "",
            next_on=row.next_on,
            keyworker=row.full_name,
            goal_ids=tuple(links.get(row.id, ())),
        )
        for row in rows
    ]


def get_session(actor: User, session_id: int) -> KeyworkSession:
    """One keywork session; a viewer reads that it happened, not what was said."""
    viewing.require(actor)
    session = KeyworkSession.get_or_none(KeyworkSession.id == session_id)
    if session is None:
        raise NotFound("That keywork session no longer exists.")
    return viewing.as_seen_by(actor, session)


def _id(record: BaseModel | int) -> int:
    return record if isinstance(record, int) else record.id
