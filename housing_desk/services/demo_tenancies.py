"""A few years of fictional lettings across the demo flats: past residents, current ones, one
under notice, one awaiting sign-up and a pending offer. Every person and date is invented."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from housing_desk.services import (
    accounts,
    allocations,
    assessments,
    keywork,
    licences,
    people,
    referrals,
    support_plans,
    tenure,
    waiting_list,
)

if TYPE_CHECKING:
    from housing_desk.data.models import Flat, Licence, SupportPlan, User

# flat reference -> lettings, oldest first: (given, family, start days ago, end days ago | None,
#                                            how it ended or "notice:<days to go>" | "active" | "pending")
LETTINGS: dict[str, list[tuple[str, str, int, int | None, str]]] = {
    "NVT-01": [
        ("Lisa", "Hartley", 1010, 640, "planned_move_on"),
        ("Naomi", "Osei", 600, None, "active"),
    ],
    "NVT-02": [("Tracey", "Dunn", 700, 80, "planned_move_on")],
    "NVT-03": [
        ("Becky", "Ward", 900, 500, "left_unplanned"),
        ("Zofia", "Mazur", 470, None, "notice:18"),
    ],
    "NVT-04": [("Jolene", "Barker", 820, 12, "planned_move_on")],
    "KBC-01": [("Amira", "Saleh", 560, 40, "safety_move")],
    "KBC-02": [
        ("Marie", "Okonkwo", 980, 430, "custody"),
        ("Precious", "Ndlovu", 400, None, "active"),
    ],
    "KBC-03": [("Claire", "Bishop", 300, 30, "planned_move_on")],
    "SCH-02": [("Tina", "Wright", 760, 200, "evicted"), ("Oana", "Rusu", 0, None, "pending")],
    "SCH-03": [("Kerry", "Flynn", 900, 45, "planned_move_on")],
}
CONFIDENTIAL = {"Precious"}
DESTINATIONS = {
    "planned_move_on": "Housing association tenancy",
    "left_unplanned": "Not known",
    "safety_move": "Refuge",
    "custody": "Custody",
    "evicted": "Not known",
}


def build(admin: User, manager: User, officer: User, flats_by_reference: dict, today: date) -> int:
    """Let the demo flats; returns the number of licences made."""
    made = 0
    for reference, lettings in LETTINGS.items():
        flat = flats_by_reference[reference]
        for given, family, started, ended, how in lettings:
            _letting(
                admin,
                manager,
                officer,
                flat,
                given,
                family,
                today - timedelta(days=started),
                today - timedelta(days=ended) if ended is not None else None,
                how,
                today,
            )
            made += 1
    _accounts(officer, today)
    _pending_offer(officer, flats_by_reference["NVT-02"], today)
    return made


BEHIND = {"Zofia": 5}  # weeks of her own share she has not paid


def _accounts(officer: User, today: date) -> None:
    """Charges posted to today, the council's decisions, and what came in every four weeks:
    Housing Benefit four weeks in arrears, her own share when due (one woman behind)."""
    from housing_desk.data.database import write_transaction
    from housing_desk.data.models import Licence, Payment

    accounts.post_charges(officer, up_to=today)
    payments = []
    for licence in Licence.select().where(Licence.status != "pending_signup"):
        award = licence.weekly_rent + licence.eligible_service_charge
        decided = min(licence.start_date + timedelta(days=25), today)
        licences.record_hb_decision(
            officer, licence, decision="confirmed", decided_on=decided, weekly_award=award
        )
        charges = accounts.expected(licence, today)  # period by period, as posted
        behind = BEHIND.get(licence.person.given_name, 0)
        stop = len(charges) - behind
        for first in range(0, len(charges), 4):
            block = charges[first : first + 4]
            hb_on = max(block[-1].period_end + timedelta(days=7), decided)
            own = [c for n, c in enumerate(block, start=first) if n < stop]
            for amount, source, on in (
                (sum(c.housing_benefit for c in block), "housing_benefit", hb_on),
                (sum(c.total - c.housing_benefit for c in own), "resident", block[0].due_on),
            ):
                if amount > 0 and on <= today:
                    payments.append(
                        {
                            "licence": licence.id,
                            "received_on": on,
                            "amount": amount,
                            "source": source,
                            "reference": "HB payment run" if source == "housing_benefit" else "",
                            "created_by": officer.id,
                        }
                    )
    with write_transaction():
        Payment.insert_many(payments).execute()


def _letting(
    admin: User,
    manager: User,
    officer: User,
    flat: Flat,
    given: str,
    family: str,
    start: date,
    end: date | None,
    how: str,
    today: date,
) -> None:
    woman = people.create_person(
        admin,
        given_name=given,
        family_name=family,
        date_of_birth=date(start.year - 29, 6, 14),
        do_not_disclose=given in CONFIDENTIAL,
        keyworker=officer,
        safe_contact="Text only",
    )
    received = start - timedelta(days=120)
    referral = referrals.create_referral(
        officer,
        woman,
        received_on=received,
        source="street_outreach",
        referrer="Street outreach team",
    )
    assessments.record_assessment(
        officer,
        woman,
        assessed_on=start - timedelta(days=30),
        scores={key: 4 for key, _label in assessments.DOMAINS},
        outcome="ready_with_support",
        risks={
            "to_self": "medium",
            "from_others": "medium",
            "to_others": "low",
            "to_tenancy": "low",
        },
    )
    referrals.decide(manager, referral, decision="accepted", decided_on=start - timedelta(days=20))
    offer = allocations.make_offer(officer, referral, flat, offered_on=start - timedelta(days=10))
    allocations.respond(officer, offer, accepted=True, responded_on=start - timedelta(days=8))
    licence = licences.create_licence(
        officer, woman, flat, start_date=start, inventory_reference=f"INV-{flat.reference}"
    )
    if how == "pending":
        return
    for key, _label in licences.SIGNUP_CHECKLIST:
        licences.complete_signup_item(
            officer, licence, key, note=f"HB/{flat.id:02d}{start.year}" if key == "hb_claim" else ""
        )
    licences.activate(officer, licence)
    plan = support_plans.create_plan(officer, licence, start_date=start + timedelta(days=2))
    support_plans.set_risks(
        officer,
        plan,
        risk_from_others="Safety plan agreed; visitors by agreement only.",
        risk_to_tenancy="Weekly keywork; arrears checked monthly.",
    )
    support_plans.add_goal(
        officer,
        plan,
        domain="income_budgeting",
        need="Set up a weekly budget",
        action="Budgeting sessions with her keyworker",
        owner="Her and her keyworker",
        target_date=start + timedelta(days=60),
    )
    support_plans.agree(officer, plan, agreed_on=start + timedelta(days=3))
    _keywork(
        officer,
        licence,
        plan,
        start,
        end if how != "active" and not how.startswith("notice:") else None,
        today,
    )
    door = licences.add_key(officer, licence, label="Front door key 1", issued_on=start)
    fob = licences.add_key(officer, licence, label=f"Entry fob {4400 + flat.id}", issued_on=start)
    if how.startswith("notice:"):
        licences.give_notice(
            officer,
            licence,
            served_on=today - timedelta(days=10),
            end_date=today + timedelta(days=int(how.split(":")[1])),
            by="licensee",
            reason="Moving on to a housing association flat.",
        )
    elif how != "active" and end is not None:  # every ended letting has its end
        order_on = None
        if how == "evicted":
            # Notice to quit, ending on a period day four weeks or more later, then a court order.
            served = end - timedelta(days=90)
            licences.give_notice(
                officer,
                licence,
                served_on=served,
                end_date=tenure.period_days_from(start, served + timedelta(days=28)),
                by="licensor",
                reason="Serious breach after a final warning.",
                served_how="in_person",
            )
            order_on = end - timedelta(days=14)
        for handed in (door, fob):
            licences.return_key(officer, handed, returned_on=end)
        licences.end_licence(
            officer,
            licence,
            end_date=end,
            reason=how,
            destination=DESTINATIONS[how],
            possession_order_on=order_on,
        )


def _pending_offer(officer: User, flat: Flat, today: date) -> None:
    entries = waiting_list.waiting_list(officer, today)
    if entries:
        allocations.make_offer(
            officer, entries[0].referral_id, flat, offered_on=today - timedelta(days=3)
        )


_SESSIONS = (
    ("in_person", 45, "Went through her letters together and set up her budget for the week."),
    ("attempted", None, ""),
    ("phone", 20, "Checked in after the weekend; she is sleeping better."),
    ("in_person", 50, "Talked about the course she wants to do; booked a visit to the college."),
)


def _keywork(
    officer: User, licence: Licence, plan: SupportPlan, start: date, end: date | None, today: date
) -> None:
    """A few weekly sessions before her last day in the flat (or today), one of them missed."""
    last = min(end - timedelta(days=1), today) if end else today
    goal = plan.goals[0] if plan.goals else None
    for weeks_back, (kind, minutes, summary) in enumerate(reversed(_SESSIONS)):
        held_on = last - timedelta(days=7 * weeks_back + 2)
        if held_on <= start + timedelta(days=3):
            break
        keywork.record_session(
            officer,
            licence,
            held_on=held_on,
            kind=kind,
            duration_minutes=minutes,
            summary=summary,
            goals=[goal.id] if goal is not None and kind != "attempted" else [],
        )
