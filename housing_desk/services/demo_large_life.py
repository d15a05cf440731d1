"""The large demo's tenancies as they are lived and ended: keywork every week or two (some
sessions she did not come to) and a support plan with goals for each woman living in a flat in
the last year, and, for a stay ended by eviction or abandonment, the notice the rules ask for
(``endings.end_licence``). Every summary, goal and reason is invented and plain."""

from __future__ import annotations

import random
import secrets
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from housing_desk.data.models import Goal, KeyworkSession, SupportPlan, SupportReview, User
from housing_desk.services import assessments, tenure, users

if TYPE_CHECKING:
    from housing_desk.services import bulk

# The team's keyworkers: accounts of their own (no one signs in as them: their passwords are
# random and never shown), each working with the women of some of the flats.
KEYWORKERS = (
    "Grace Adeyemi",
    "Hannah Price",
    "Marta Nowak",
    "Priya Shah",
    "Lucy Evans",
    "Siân Morgan",
)
RECENT_DAYS = 365  # stays overlapping the last year get keywork and a plan
ATTEMPT_SHARE = 0.15  # sessions she did not come to
# An eviction takes our notice to quit (28 days or more, ending on a period day), then a court's
# possession order; an abandonment takes our notice too. A stay too short for that ends otherwise.
LEAST_DAYS_FOR_EVICTION = 60
LEAST_DAYS_FOR_ABANDONMENT = 35
SUMMARIES = (
    "Talked through how the week has gone and what she wants to do next.",
    "Went through her post together and rang the council about her claim.",
    "Checked in after the weekend; she is feeling more settled in the flat.",
    "Planned the GP appointment and who will go with her.",
    "Looked at her budget for the month and the gas meter.",
    "Talked about people to avoid and updated who to call if she feels unsafe.",
)
ATTEMPTED = "Called at the flat at the agreed time; no answer. Left a card and texted her."
GOALS = (
    (
        "physical_health",
        "I want to see a doctor about my chest.",
        "Register with a GP and book a first appointment.",
        "She kept going to her clinic appointments last year.",
        "She has a GP and has been to a first appointment.",
    ),
    (
        "income_budgeting",
        "I want enough money to last the week.",
        "Sort out her benefit claim and make a weekly budget together.",
        "She knows what she spends and is honest about it.",
        "Her benefit is in payment and she has money left on Sunday.",
    ),
    (
        "safety",
        "I don't want him knowing where I live.",
        "Agree a safety plan and who to call; ask about a MARAC referral.",
        "She has a friend she trusts and keeps her phone charged.",
        "She has a safety plan and feels safe at home.",
    ),
    (
        "own_goals",
        "I want to do a course in the new year.",
        "Look at courses at the college and go to an open day with her.",
        "She is good with people and wants to learn.",
        "She has applied for a course she chose.",
    ),
)
NOTICE_REASONS = {
    "evicted": "Serious breach of the agreement after a final warning.",
    "abandoned": "She has not been at the flat for several weeks and has not answered us.",
}


# Every licence row carries the same columns: the bulk path writes rows in chunks, each chunk
# with the columns of its first row.
NOT_ENDED = {
    "end_reason": "",
    "notice_by": "",
    "notice_served_on": None,
    "notice_served_how": "",
    "notice_reason": "",
    "possession_order_on": None,
}


def keyworkers(admin: User) -> list[int]:
    """The large demo's keyworkers, made once for each database it is built in."""
    found = []
    for n, name in enumerate(KEYWORKERS, start=1):
        username = f"large-demo-keyworker-{n}"
        existing = User.get_or_none(User.username == username)
        made = existing or users.create_user(
            admin,
            username=username,
            full_name=name,
            role="officer",
            password=secrets.token_urlsafe(24),
        )
        found.append(made.id)
    return found


def ending(rng: random.Random, start: date, end: date, reason: str) -> dict[str, Any]:
    """The licence's columns for how a stay ended, obeying ``end_licence``'s rules: an eviction
    with our notice to quit and the date of the possession order, an abandonment with our notice
    on record. A stay too short for either ends as 'left_unplanned'."""
    days = (end - start).days
    if reason == "evicted" and days < LEAST_DAYS_FOR_EVICTION:
        reason = "left_unplanned"
    if reason == "abandoned" and days < LEAST_DAYS_FOR_ABANDONMENT:
        reason = "left_unplanned"
    columns: dict[str, Any] = {**NOT_ENDED, "end_reason": reason}
    if reason == "evicted":
        # Our notice to quit ends on a period day at least 28 days after it was served; the
        # court's possession order comes after that, and she leaves on or after the order.
        served = end - timedelta(days=rng.randint(41, min(days - 3, 70)))
        notice_end = tenure.period_days_from(start, served + timedelta(days=28))
        order_on = notice_end + timedelta(days=rng.randint(1, (end - notice_end).days))
        columns.update(
            notice_by="licensor",
            notice_served_on=served,
            notice_served_how="in_person",
            notice_reason=NOTICE_REASONS["evicted"],
            possession_order_on=order_on,
        )
    elif reason == "abandoned":
        columns.update(
            notice_by="licensor",
            notice_served_on=end - timedelta(days=rng.randint(28, 33)),
            notice_served_how="left_at_flat",
            notice_reason=NOTICE_REASONS["abandoned"],
        )
    return columns


def add_tenancy_life(
    batch: bulk.Batch,
    rng: random.Random,
    licence: dict[str, Any],
    *,
    today: date,
    actor: int,
    keyworker: int,
    now: datetime,
    scores: dict[str, int],
) -> None:
    """Keywork and a support plan for a stay overlapping the last year (``licence`` is its row)."""
    start, end = licence["start_date"], licence.get("end_date")
    if end is not None and end < today - timedelta(days=RECENT_DAYS):
        return
    last = min(end - timedelta(days=1), today) if end is not None else today
    _plan(batch, rng, licence, start, last, actor=actor, now=now, scores=scores)
    held = start + timedelta(days=rng.randint(1, 5))
    while held <= last:
        attended = rng.random() >= ATTEMPT_SHARE
        following = held + timedelta(days=rng.randint(7, 14))
        batch.add(
            KeyworkSession,
            licence=licence["id"],
            person=licence["person"],
            held_on=held,
            kind=rng.choice(("in_person", "in_person", "in_person", "phone", "video"))
            if attended
            else "attempted",
            duration_minutes=rng.choice((30, 45, 60, 60, 90)) if attended else None,
            summary=rng.choice(SUMMARIES) if attended else ATTEMPTED,
            next_on=following,
            keyworker=keyworker,
            created_at=now,
        )
        # An attempt is followed up within days, not left to the next fortnight.
        held = following if attended else held + timedelta(days=rng.randint(2, 4))


def _plan(
    batch: bulk.Batch,
    rng: random.Random,
    licence: dict[str, Any],
    start: date,
    last: date,
    *,
    actor: int,
    now: datetime,
    scores: dict[str, int],
) -> int:
    made = start + timedelta(days=rng.randint(0, 2))  # within 48 hours of moving in
    review_due = assessments.add_months(made, 3)
    plan_id = batch.add(
        SupportPlan,
        person=licence["person"],
        licence=licence["id"],
        start_date=made,
        review_due=review_due,
        status="agreed",
        agreed_on=made,
        she_agreed=True,
        crisis_triggers="Being contacted by people from before; running out of money.",
        crisis_actions="Ring her keyworker or the out-of-hours line; go to a friend's.",
        crisis_contacts="Keyworker; out-of-hours line; 999 in an emergency.",
        created_by=actor,
        created_at=now,
    )
    while review_due <= last:  # a stay past three months has its plan reviewed
        batch.add(
            SupportReview,
            plan=plan_id,
            reviewed_on=review_due,
            attended="Her and her keyworker",
            summary="Went through each goal together; kept the ones still needed.",
            recorded_by=actor,
            created_at=now,
        )
        review_due = assessments.add_months(review_due, 3)
    batch.rows[SupportPlan][-1]["review_due"] = review_due
    chosen = [g for g in GOALS if scores.get(g[0], 3) <= 3] or list(GOALS[:2])
    for position, (domain, her_words, action, strengths, measure) in enumerate(chosen):
        target = made + timedelta(days=rng.randint(28, 120))
        achieved = target <= last and rng.random() < 0.5
        batch.add(
            Goal,
            plan=plan_id,
            position=position,
            domain=domain,
            need=assessments.DOMAIN_NEEDS[domain],
            action=action,
            owner="Her keyworker",
            target_date=target,
            status="achieved" if achieved else "open",
            her_words=her_words,
            strengths=strengths,
            measure=measure,
            achieved_on=target if achieved else None,
        )
    return plan_id
