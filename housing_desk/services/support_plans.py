"""Support plans: goals agreed with her, reviewed every three months, each new agreed plan
superseding the last."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import Goal, Licence, SupportPlan, User
from housing_desk.services import assessments, audit, permissions, validation, viewing
from housing_desk.services.errors import NotFound, ValidationError
from housing_desk.services.records import lock_row, versioned_update
from housing_desk.services.support_plan_care import (
    CRISIS_FIELDS as CRISIS_FIELDS,
    agencies as agencies,
    record_review as record_review,
    reviews as reviews,
    set_crisis_plan as set_crisis_plan,
)

if TYPE_CHECKING:
    from housing_desk.services.validation import DateGiven

STATUSES = {"draft": "Draft", "agreed": "Agreed", "superseded": "Superseded"}
GOAL_STATUSES = {"open": "Open", "achieved": "Achieved", "dropped": "Dropped"}
RISK_FIELDS = {
    "risk_to_self": "Risk to self",
    "risk_to_others": "Risk to others",
    "risk_from_others": "Risk from others",
    "risk_to_tenancy": "Risk to the tenancy",
}
SEED_SCORES = (1, 2)
_GOAL_TEXTS = {
    "need": "What she needs",
    "action": "What will be done",
    "outcome": "Outcome",
    "her_words": "In her words",
    "strengths": "Her strengths",
    "measure": "How we will know",
}
# What may still change on an agreed plan: progress, not the plan itself.
_PROGRESS = {"status", "outcome", "achieved_on"}
# Goal texts that are hers: the audit row says they changed, never what they say.
_PRIVATE = ("need", "action", "outcome", "her_words", "strengths", "measure", "owner")


_GOAL_FIELDS = (
    "domain",
    "need",
    "action",
    "outcome",
    "owner",
    "target_date",
    "status",
    "her_words",
    "strengths",
    "measure",
    "achieved_on",
)


def _goal_values(values: dict) -> dict:
    validation.no_unknown(values, _GOAL_FIELDS, "Goals")
    cleaned = {}
    for key, value in values.items():
        if key == "domain":
            cleaned[key] = validation.choice(
                "" if value is None else value,
                key,
                label="Area",
                choices=("", *assessments.DOMAIN_LABELS),
            )
        elif key in _GOAL_TEXTS:
            cleaned[key] = validation.text(
                value, key, label=_GOAL_TEXTS[key], column=getattr(Goal, key), max_length=4000
            )
        elif key == "owner":
            cleaned[key] = validation.text(value, "owner", label="Who", column=Goal.owner)
        elif key == "target_date":
            cleaned[key] = validation.a_date(value, key, label="Target date", required=False)
        elif key == "achieved_on":
            cleaned[key] = validation.a_date(value, key, label="Date achieved", required=False)
            if cleaned[key] is not None and cleaned[key] > clock.today():
                raise ValidationError("A goal is marked achieved once it has been.", key)
        else:
            cleaned[key] = validation.choice(
                value, key, label="Status", choices=tuple(GOAL_STATUSES)
            )
    return cleaned


def create_plan(
    actor: User,
    licence: Licence | int,
    *,
    start_date: DateGiven = None,
    review_due: DateGiven = None,
) -> SupportPlan:
    """A draft plan for a licence, with a goal for each area her latest assessment scored 1 or 2."""
    permissions.require(actor, "plan_support")
    licence_id = validation.record_id(licence, Licence, "licence")
    start_date = validation.a_date(
        start_date, "start_date", label="Start date", default=clock.today()
    )
    review_due = validation.a_date(
        review_due, "review_due", label="Review due", default=assessments.add_months(start_date, 3)
    )
    if review_due <= start_date:
        raise ValidationError("The review must be due after the plan starts.", "review_due")
    with write_transaction():
        licence = lock_row(Licence, licence_id, "That licence no longer exists.")
        if licence.status == "ended":
            raise ValidationError(
                "This licence has ended: start a plan on her current licence.", None
            )
        keyworker = (
            User.get_or_none(User.id == licence.person.keyworker_id)
            if licence.person.keyworker_id
            else None
        )
        plan = SupportPlan.create(
            person=licence.person_id,
            licence=licence.id,
            start_date=start_date,
            review_due=review_due,
            created_by=actor.id,
        )
        latest = assessments.latest(actor, licence.person, start_date)
        seeded = 0
        if latest is not None:
            scores = {s.domain: s.score for s in latest.scores}
            for position, (key, _label) in enumerate(assessments.DOMAINS):
                if scores.get(key) in SEED_SCORES:
                    Goal.create(
                        plan=plan.id,
                        position=position,
                        domain=key,
                        need=assessments.DOMAIN_NEEDS[key],
                        owner=keyworker.full_name if keyworker else "",
                    )
                    seeded += 1
        audit.record(
            actor,
            "create",
            "support_plan",
            plan.id,
            {"licence": licence.id, "seeded_goals": seeded},
        )
    return plan


def add_goal(
    actor: User,
    plan: SupportPlan | int,
    *,
    domain: str,
    need: str,
    action: str,
    owner: str,
    target_date: DateGiven,
    her_words: str = "",
    strengths: str = "",
    measure: str = "",
) -> Goal:
    """A goal in her plan: the need, her own words for it, her strengths, the action, who does it,
    by when, and how we will know it worked."""
    permissions.require(actor, "plan_support")
    validation.record_id(plan, SupportPlan, "plan")
    values = _goal_values(
        {
            "domain": domain,
            "need": need,
            "action": action,
            "owner": owner,
            "target_date": target_date,
            "her_words": her_words,
            "strengths": strengths,
            "measure": measure,
        }
    )
    if not values["need"]:
        raise ValidationError("Say what she needs.", "need")
    with write_transaction():
        current = _editable(plan)
        position = (max((g.position for g in current.goals), default=-1)) + 1
        goal = Goal.create(plan=current.id, position=position, **values)
        audit.record(
            actor, "create", "goal", goal.id, {"plan": current.id, "domain": values["domain"]}
        )
    return goal


def update_goal(actor: User, goal: Goal | int, **changes: object) -> Goal:
    """Change a goal. ``goal.version`` (or ``version=``) must still be current, else ConflictError.
    On an agreed plan only its progress changes (status, outcome, achieved_on); a date achieved
    marks it achieved."""
    permissions.require(actor, "plan_support")
    goal = validation.record(goal, Goal, "goal")
    expected = validation.version(changes.pop("version", goal.version))
    values = _goal_values(changes)
    if values.get("achieved_on") is not None and "status" not in values:
        values["status"] = "achieved"
    if values.get("status") in ("open", "dropped") and "achieved_on" not in values:
        values["achieved_on"] = None
    with write_transaction():
        current = lock_row(Goal, goal.id, "That goal no longer exists.")
        _editable(current.plan_id, allow_agreed=set(values) <= _PROGRESS)
        versioned_update(
            actor,
            Goal,
            current.id,
            expected,
            values,
            entity="goal",
            what="this goal",
            private=_PRIVATE,
        )
    return Goal.get_by_id(current.id)


def remove_goal(actor: User, goal: Goal | int) -> None:
    permissions.require(actor, "plan_support")
    goal_id = validation.record_id(goal, Goal, "goal")
    with write_transaction():
        current = lock_row(Goal, goal_id, "That goal no longer exists.")
        _editable(current.plan_id)
        Goal.delete().where(Goal.id == current.id).execute()
        audit.record(actor, "delete", "goal", current.id, {"plan": current.plan_id})


def set_risks(actor: User, plan: SupportPlan | int, **notes: object) -> SupportPlan:
    """How each risk is managed (to self, to others, from others, to the tenancy)."""
    permissions.require(actor, "plan_support")
    plan = validation.record(plan, SupportPlan, "plan")
    expected = validation.version(notes.pop("version", plan.version))
    validation.no_unknown(notes, RISK_FIELDS, "Support plans' risks")
    values = {
        k: validation.text(
            v, k, label=RISK_FIELDS[k], column=getattr(SupportPlan, k), max_length=4000
        )
        for k, v in notes.items()
    }
    with write_transaction():
        _editable(plan)
        versioned_update(
            actor,
            SupportPlan,
            plan.id,
            expected,
            values,
            entity="support_plan",
            what="this support plan",
            private=tuple(values),
        )
    return SupportPlan.get_by_id(plan.id)


def agree(
    actor: User, plan: SupportPlan | int, *, agreed_on: DateGiven = None, she_agreed: bool = True
) -> SupportPlan:
    """She and her keyworker agreed the plan: it is in force, and supersedes the last agreed plan."""
    permissions.require(actor, "plan_support")
    validation.record_id(plan, SupportPlan, "plan")
    agreed_on = validation.a_date(
        agreed_on, "agreed_on", label="Date agreed", default=clock.today()
    )
    if not validation.flag(she_agreed, "she_agreed", label="She agreed"):
        raise ValidationError(
            "A plan is agreed only when she agrees it; keep it as a draft meanwhile.", "she_agreed"
        )
    with write_transaction():
        current = _editable(plan)
        SupportPlan.update(status="superseded").where(
            (SupportPlan.licence == current.licence_id) & (SupportPlan.status == "agreed")
        ).execute()
        SupportPlan.update(
            status="agreed", agreed_on=agreed_on, she_agreed=True, version=SupportPlan.version + 1
        ).where(SupportPlan.id == current.id).execute()
        audit.record(
            actor,
            "update",
            "support_plan",
            current.id,
            {"status": ["draft", "agreed"], "agreed_on": agreed_on},
        )
    return SupportPlan.get_by_id(current.id)


def start_review(actor: User, plan: SupportPlan | int) -> SupportPlan:
    """A new draft for the review, carrying over the goals still open."""
    permissions.require(actor, "plan_support")
    plan_id = validation.record_id(plan, SupportPlan, "plan")
    with write_transaction():
        current = lock_row(SupportPlan, plan_id, "That support plan no longer exists.")
        if current.status != "agreed":
            raise ValidationError("Review an agreed plan; a draft can simply be changed.", None)
        start = clock.today()
        review = SupportPlan.create(
            person=current.person_id,
            licence=current.licence_id,
            start_date=start,
            review_due=assessments.add_months(start, 3),
            created_by=actor.id,
            **{key: getattr(current, key) for key in (*RISK_FIELDS, *CRISIS_FIELDS)},
        )
        for position, goal in enumerate(g for g in current.goals if g.status == "open"):
            Goal.create(
                plan=review.id,
                position=position,
                domain=goal.domain,
                need=goal.need,
                action=goal.action,
                owner=goal.owner,
                target_date=goal.target_date,
                her_words=goal.her_words,
                strengths=goal.strengths,
                measure=goal.measure,
            )
        audit.record(actor, "create", "support_plan", review.id, {"review_of": current.id})
    return review


def _editable(plan: SupportPlan | int, allow_agreed: bool = False) -> SupportPlan:
    current = lock_row(
        SupportPlan,
        validation.record_id(plan, SupportPlan, "plan"),
        "That support plan no longer exists.",
    )
    if current.status == "superseded" or (current.status == "agreed" and not allow_agreed):
        raise ValidationError(
            "This plan has been agreed. Start a review to change its goals.", None
        )
    return current


def plans_for(actor: User, licence: Licence) -> list[SupportPlan]:
    """Every support plan of a licence, newest first, as ``actor`` may see them (a viewer:
    without her risks or crisis plan)."""
    viewing.require(actor)
    return viewing.all_as_seen_by(actor, _plans(licence))


def _plans(licence: Licence) -> list[SupportPlan]:
    return list(
        SupportPlan.select()
        .where(SupportPlan.licence == getattr(licence, "id", licence))
        .order_by(SupportPlan.start_date.desc(), SupportPlan.id.desc())
    )


def goals(actor: User, plan: SupportPlan) -> list[Goal]:
    """A plan's goals in order, as ``actor`` may see them (a viewer: without her own words, her
    strengths or the outcome)."""
    viewing.require(actor)
    return viewing.all_as_seen_by(
        actor,
        Goal.select().where(Goal.plan == plan.id).order_by(Goal.position, Goal.id),
    )


def current_plan(actor: User, licence: Licence) -> SupportPlan | None:
    """The draft being written, else the agreed plan in force; for an ``actor`` who may not see
    sensitive details (a viewer), how her risks are managed comes back blank."""
    viewing.require(actor)
    plans = _plans(licence)
    plan = next((p for p in plans if p.status == "draft"), None) or next(
        (p for p in plans if p.status == "agreed"), None
    )
    return viewing.as_seen_by(actor, plan)


def review_overdue(plan: SupportPlan, on: date | None = None) -> bool:
    on = on or clock.today()
    return plan.status != "superseded" and plan.review_due is not None and plan.review_due < on


def get_plan(actor: User, plan_id: int) -> SupportPlan:
    """The plan; for a viewer (``actor``), without her risk notes or crisis plan."""
    viewing.require(actor)
    plan = SupportPlan.get_or_none(SupportPlan.id == plan_id)
    if plan is None:
        raise NotFound("That support plan no longer exists.")
    return viewing.as_seen_by(actor, plan)
