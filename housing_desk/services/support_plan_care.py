"""Her crisis plan (what sets things off, what to do, whom to call, whom she lets us tell) and
the record of each review of her support plan. Reached as ``support_plans.*``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import SupportPlan, SupportReview, User
from housing_desk.data.rows import objects
from housing_desk.services import audit, permissions, validation
from housing_desk.services.errors import ValidationError
from housing_desk.services.records import lock_row

if TYPE_CHECKING:
    from collections.abc import Iterable

    from housing_desk.services.validation import DateGiven

CRISIS_FIELDS = {
    "crisis_triggers": "What can set things off",
    "crisis_actions": "What to do in a crisis",
    "crisis_contacts": "Whom to call",
    "consent_to_share": "Agencies she agrees we may share with",
}
# Agencies a team commonly shares with; she may name any other.
COMMON_AGENCIES = (
    "GP",
    "Drug and alcohol service",
    "Community mental health team",
    "Sexual health clinic",
    "Probation",
    "Police (safeguarding)",
    "Adult social care",
    "Children's services",
    "Housing Benefit (the council)",
    "Independent domestic violence adviser (IDVA)",
)


@dataclass(frozen=True)
class Review:
    review_id: int
    plan_id: int
    reviewed_on: date
    attended: str
    summary: str
    recorded_by: str


def _agencies(value: object) -> str:
    if isinstance(value, str) or not hasattr(value, "__iter__"):
        raise ValidationError("Name each agency she agrees we may share with.", "consent_to_share")
    names: list[str] = []
    for item in value:
        name = validation.text(item, "consent_to_share", label="An agency's name", max_length=200)
        if "\n" in name:
            raise ValidationError("Name one agency at a time.", "consent_to_share")
        if name and name not in names:
            names.append(name)
    return "\n".join(names)


def agencies(plan: SupportPlan) -> list[str]:
    """The agencies she agreed we may share her plan with, as she named them."""
    return [name for name in plan.consent_to_share.split("\n") if name]


def set_crisis_plan(
    actor: User,
    plan: SupportPlan | int,
    *,
    triggers: str,
    actions: str,
    contacts: str,
    consent_to_share: Iterable[str] | str = (),
) -> SupportPlan:
    """Her crisis (contingency) plan. Consent to share is given agency by agency, by name;
    nothing is shared with an agency she has not named."""
    permissions.require(actor, "plan_support")
    validation.record_id(plan, SupportPlan, "plan", label="her support plan")
    values = {
        "crisis_triggers": validation.text(
            triggers, "triggers", label=CRISIS_FIELDS["crisis_triggers"], max_length=4000
        ),
        "crisis_actions": validation.text(
            actions, "actions", label=CRISIS_FIELDS["crisis_actions"], max_length=4000
        ),
        "crisis_contacts": validation.text(
            contacts, "contacts", label=CRISIS_FIELDS["crisis_contacts"], max_length=4000
        ),
        "consent_to_share": _agencies(consent_to_share),
    }
    with write_transaction():
        current = _plan(plan)
        if current.status == "superseded":
            raise ValidationError("This plan has been replaced: change her current plan.", None)
        changed = [key for key, value in values.items() if getattr(current, key) != value]
        SupportPlan.update(**values, version=SupportPlan.version + 1).where(
            SupportPlan.id == current.id
        ).execute()
        audit.record(actor, "update", "support_plan", current.id, dict.fromkeys(changed, "changed"))
    return SupportPlan.get_by_id(current.id)


def record_review(
    actor: User, plan: SupportPlan | int, *, reviewed_on: DateGiven, attended: str, summary: str
) -> SupportReview:
    """A review of her plan: when, who came, and what changed."""
    permissions.require(actor, "plan_support")
    validation.record_id(plan, SupportPlan, "plan", label="her support plan")
    reviewed_on = validation.a_date(reviewed_on, "reviewed_on", label="Date of the review")
    if reviewed_on > clock.today():
        raise ValidationError("A review is recorded once it has taken place.", "reviewed_on")
    attended = validation.text(
        attended, "attended", label="Who came", required=True, max_length=1000
    )
    summary = validation.text(
        summary, "summary", label="What changed", required=True, max_length=8000
    )
    with write_transaction():
        current = _plan(plan)
        if current.status == "draft":
            raise ValidationError("Review an agreed plan; a draft can simply be changed.", None)
        if reviewed_on < current.start_date:
            raise ValidationError(
                "The review cannot come before the plan started "
                f"({validation.uk_date(current.start_date)}).",
                "reviewed_on",
            )
        review = SupportReview.create(
            plan=current.id,
            reviewed_on=reviewed_on,
            attended=attended,
            summary=summary,
            recorded_by=actor.id,
        )
        audit.record(
            actor,
            "create",
            "support_review",
            review.id,
            {"plan": current.id, "reviewed_on": reviewed_on},
        )
    return review


def reviews(actor: User, plan: SupportPlan | int) -> list[Review]:
    """The reviews of a plan, newest first."""
    permissions.require(actor, "view_sensitive")
    query = objects(
        SupportReview.select(SupportReview, User.full_name)
        .join(User, on=(SupportReview.recorded_by == User.id))
        .where(SupportReview.plan == (plan if isinstance(plan, int) else plan.id))
        .order_by(SupportReview.reviewed_on.desc(), SupportReview.id.desc())
    )
    return [
        Review(row.id, row.plan_id, row.reviewed_on, row.attended, row.summary, row.full_name)
        for row in query
    ]


def _plan(plan: SupportPlan | int) -> SupportPlan:
    return lock_row(
        SupportPlan,
        validation.record_id(plan, SupportPlan, "plan", label="her support plan"),
        "That support plan no longer exists.",
    )
