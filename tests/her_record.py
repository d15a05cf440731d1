"""One woman with something of hers in every table that can hold it, made through the services;
for the anonymising scan and the subject access export."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from housing_desk.services import (
    accounts,
    allocations,
    assessments,
    housing_benefit,
    incidents,
    keywork,
    licences,
    paperwork,
    people,
    referrals,
    support_plans,
    tenancy_warnings,
)
from tests import factories

# Each of her details, and each text an officer wrote about her (all must go when anonymised).
DETAILS = {
    "given_name": "Zsófia",
    "family_name": "Kovács-Nagy",
    "preferred_name": "Zsófi",
    "date_of_birth": date(1984, 7, 19),
    "ni_number": "JT482913B",
    "phone": "07700 900456",
    "safe_contact": "Ring her aunt at 22 Kettering Road",
    "notes": "Sees her keyworker on Tuesdays",
    "areas_to_avoid": "NN3",
}
WRITTEN = {
    "referrer": "PC Hollis",
    "referral_notes": "Met on the outreach bus near Sheep Street",
    "decision_notes": "Accepted after the panel on Thursday",
    "evidence": "Budgets well with the foodbank voucher scheme",
    "risk_notes": "Former partner known to police",
    "assessment_notes": "Wants to be near the college",
    "tool_used": "Outcomes Star (housing)",
    "offer_notes": "She liked the top-floor flat",
    "hb_reference": "HB-REF-77821",
    "inventory": "INV-5531-ZK",
    "key_notes": "Spare fob kept by the warden",
    "notice_reason": "Asked to move nearer her daughter",
    "destination": "Housing association flat in Wellingborough",
    "move_out_notes": "Left the flat spotless",
    "goal_need": "Register with a GP in Kingsthorpe",
    "goal_action": "Walk to the surgery together",
    "goal_owner": "Keyworker Dana",
    "plan_risk": "Safety plan agreed with the refuge",
    "payment_reference": "PAY-REF-3391",
    "hb_notes": "Council asked about the backdating letter",
    "evidence_what": "Tenancy letter and bank statement",
    "her_words": "I want to be able to walk my son to school",
    "strengths": "Keeps every appointment she makes",
    "measure": "She has a GP appointment booked",
    "crisis_triggers": "Letters from the court about her son",
    "crisis_actions": "Call her sister Kasia first",
    "crisis_contacts": "Kasia on 07700 900462",
    "consent_agency": "Kettering Family Hub",
    "review_attended": "Her sister came to the review",
    "review_summary": "Moved the GP goal to the autumn",
    "keywork_summary": "Talked through the letter from the jobcentre",
    "incident_description": "Two men tried the door at night",
    "police_reference": "NP-17-55190",
    "incident_follow_up": "New door chain fitted",
    "incident_review": "Checked with the police liaison officer",
    "warning_reason": "Music late at night on three evenings",
}


@dataclass
class HerRecord:
    person: object
    referral: object
    assessment: object
    offer: object
    licence: object
    plan: object


def build(admin, partner, *, closed=True) -> HerRecord:
    """Her whole record, from a referral in 2017 to a move-out in 2018 (so she is due to be
    anonymised) unless ``closed`` is False (she still lives there)."""
    home = factories.certified_flat(admin, partner, reference="ZK-01", since=date(2016, 1, 1))
    woman = people.create_person(admin, **DETAILS)
    referral = referrals.create_referral(
        admin,
        woman,
        received_on=date(2017, 3, 1),
        source="other_agency",
        referrer=WRITTEN["referrer"],
        notes=WRITTEN["referral_notes"],
    )
    risk = ("medium", WRITTEN["risk_notes"])
    assessment = assessments.record_assessment(
        admin,
        woman,
        assessed_on=date(2017, 3, 5),
        scores=factories.scores(4),
        outcome="ready",
        evidence={key: WRITTEN["evidence"] for key, _label in assessments.DOMAINS},
        risks=dict.fromkeys(assessments.RISKS, risk),
        notes=WRITTEN["assessment_notes"],
        tool_used=WRITTEN["tool_used"],
    )
    referral = referrals.decide(
        admin,
        referral,
        decision="accepted",
        notes=WRITTEN["decision_notes"],
        decided_on=date(2017, 3, 8),
    )
    offer = allocations.make_offer(
        admin, referral, home, offered_on=date(2017, 3, 10), notes=WRITTEN["offer_notes"]
    )
    allocations.respond(admin, offer, accepted=True, responded_on=date(2017, 3, 12))
    licence = licences.create_licence(
        admin, woman, home, start_date=date(2017, 4, 3), inventory_reference=WRITTEN["inventory"]
    )
    for key, _label in licences.SIGNUP_CHECKLIST:
        licences.complete_signup_item(
            admin, licence, key, note=WRITTEN["hb_reference"] if key == "hb_claim" else ""
        )
    licences.add_key(
        admin, licence, label="Front door", issued_on=date(2017, 4, 3), notes=WRITTEN["key_notes"]
    )
    licence = licences.activate(admin, licence)
    plan = support_plans.create_plan(admin, licence, start_date=date(2017, 4, 5))
    support_plans.add_goal(
        admin,
        plan,
        domain="health",
        need=WRITTEN["goal_need"],
        action=WRITTEN["goal_action"],
        owner=WRITTEN["goal_owner"],
        target_date=date(2017, 7, 1),
    )
    support_plans.set_risks(admin, plan, risk_from_others=WRITTEN["plan_risk"])
    _tenancy_life(admin, licence, plan, home)
    accounts.record_payment(
        admin,
        licence,
        received_on=date(2017, 4, 10),
        amount=Decimal("45.00"),
        source="resident",
        reference=WRITTEN["payment_reference"],
    )
    housing_benefit.record_hb_decision(
        admin,
        licence,
        decision="confirmed",
        decided_on=date(2017, 5, 1),
        weekly_award=Decimal("120.65"),
        notes=WRITTEN["hb_notes"],
    )
    housing_benefit.request_evidence(
        admin, licence, requested_on=date(2017, 4, 20), what=WRITTEN["evidence_what"]
    )
    factories.organisation(admin)
    paperwork.licence_agreement(admin, licence)
    if closed:
        licences.give_notice(
            admin,
            licence,
            served_on=date(2018, 4, 2),
            end_date=date(2018, 5, 7),
            by="licensee",
            reason=WRITTEN["notice_reason"],
        )
        licences.end_licence(
            admin,
            licence,
            end_date=date(2018, 5, 7),
            reason="planned_move_on",
            destination=WRITTEN["destination"],
            notes=WRITTEN["move_out_notes"],
        )
    return HerRecord(woman, referral, assessment, offer, licences.stored_licence(licence.id), plan)


def _tenancy_life(admin, licence, plan, home) -> None:
    """Her goal in her words, her crisis plan, a review, keywork, an incident and a warning."""
    support_plans.add_goal(
        admin,
        plan,
        domain="children_family",
        need="Time with her son",
        action="",
        owner="",
        target_date=None,
        her_words=WRITTEN["her_words"],
        strengths=WRITTEN["strengths"],
        measure=WRITTEN["measure"],
    )
    support_plans.set_crisis_plan(
        admin,
        plan,
        triggers=WRITTEN["crisis_triggers"],
        actions=WRITTEN["crisis_actions"],
        contacts=WRITTEN["crisis_contacts"],
        consent_to_share=[WRITTEN["consent_agency"]],
    )
    agreed = support_plans.agree(admin, plan, agreed_on=date(2017, 4, 6))
    support_plans.record_review(
        admin,
        agreed,
        reviewed_on=date(2017, 7, 5),
        attended=WRITTEN["review_attended"],
        summary=WRITTEN["review_summary"],
    )
    keywork.record_session(
        admin, licence, held_on=date(2017, 4, 12), summary=WRITTEN["keywork_summary"]
    )
    incident = incidents.record_incident(
        admin,
        person=licence.person_id,
        occurred_on=date(2017, 6, 1),
        kind="violence",
        description=WRITTEN["incident_description"],
        police_reference=WRITTEN["police_reference"],
        follow_up=WRITTEN["incident_follow_up"],
        flat=home,
    )
    incidents.review_incident(
        admin, incident, reviewed_on=date(2017, 6, 2), notes=WRITTEN["incident_review"]
    )
    tenancy_warnings.issue_warning(
        admin,
        licence,
        stage="written",
        issued_on=date(2017, 8, 1),
        reason=WRITTEN["warning_reason"],
    )


def searched_for() -> list[str]:
    """Every value that must not survive her anonymisation, as it might be stored."""
    born = DETAILS["date_of_birth"]
    values = [v for k, v in DETAILS.items() if isinstance(v, str)] + list(WRITTEN.values())
    values += [born.isoformat(), f"{born:%d/%m/%Y}", "zsofi", "kovacs"]
    return values
