"""Every write service, with arguments that are all acceptable, and the kind of each argument.

A test replaces one argument with a bad value of its kind and expects a ValidationError naming
that argument, with nothing written. ``World`` holds one record of each kind to call them on.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from housing_desk.data.models import (
    MODELS,
    Assessment,
    Attachment,
    AuditEvent,
    Certificate,
    Flat,
    Goal,
    HousingBenefitDecision,
    HousingBenefitEvidence,
    Licence,
    LicenceKey,
    Offer,
    Partner,
    Payment,
    Person,
    Referral,
    Repair,
    SignupItem,
    SubjectAccessRequest,
    SupportPlan,
    Unavailability,
    User,
    database,
)
from housing_desk.services import (
    access_requests,
    account_paperwork,
    accounts,
    allocations,
    arrears,
    assessments,
    attachments,
    certificates,
    compliance,
    exporting,
    flats,
    housing_benefit,
    importing,
    incidents,
    keywork,
    licences,
    paperwork,
    people,
    privacy,
    referrals,
    repairs,
    reports,
    retention,
    settings,
    setup_guide,
    subject_access,
    support_plan_care,
    support_plans,
    tenancy_warnings,
    tenure,
    transfer,
    users,
)
from tests import factories
from tests.services.bad_values import (
    Choice,
    Date,
    Fixed,
    Flag,
    Money,
    Password,
    Record,
    Text,
    Whole,
)

START = date(2025, 1, 6)


@dataclass
class World:
    admin: User
    officer: User
    partner: Partner
    flat: Flat
    spare_flat: Flat
    person: Person
    referral: Referral
    offer: Offer
    licence: Licence
    key: LicenceKey
    plan: SupportPlan
    goal: Goal
    unavailability: Unavailability
    payment: Payment
    evidence: HousingBenefitEvidence
    absence: object
    folder: str
    certificate: Certificate
    repair: Repair
    attachment: Attachment
    request: SubjectAccessRequest
    incident: object
    wrong_record: AuditEvent


def build_world() -> World:
    admin = factories.admin()
    officer = factories.user(admin, "officer")
    partner = factories.partner(admin)
    flat = factories.certified_flat(admin, partner, "NHT-01")
    spare = factories.certified_flat(admin, partner, "NHT-02")
    person = factories.ready_woman(admin)
    waiting = factories.person(admin, given_name="Aoife", family_name="Ní Bhriain")
    referral = factories.accepted(admin, waiting)
    offer = allocations.make_offer(admin, referral, spare)
    licence = licences.create_licence(admin, person, flat, start_date=START)
    key = licences.add_key(admin, licence, label="Front door 1")
    plan = support_plans.create_plan(admin, licence, start_date=START)
    goal = support_plans.add_goal(
        admin, plan, domain="", need="A GP", action="Register", owner="Amara", target_date=None
    )
    away = flats.mark_unavailable(admin, spare, start=date(2030, 1, 1), reason="repairs")
    paid = accounts.record_payment(
        admin, licence, received_on=START, amount="10.00", source="resident"
    )
    asked = housing_benefit.request_evidence(admin, licence, requested_on=START, what="Payslips")
    absent = housing_benefit.record_absence(
        admin, licence, start=date(2025, 2, 1), end=date(2025, 2, 8), reason="hospital"
    )
    return World(
        admin=admin,
        officer=officer,
        partner=partner,
        flat=flat,
        spare_flat=spare,
        person=person,
        referral=referral,
        offer=offer,
        licence=licence,
        key=key,
        plan=plan,
        goal=goal,
        unavailability=away,
        payment=paid,
        evidence=asked,
        absence=absent,
        folder=tempfile.mkdtemp(prefix="housing-desk-bad-input-"),
        certificate=Certificate.select().where(Certificate.flat == flat.id).first(),
        repair=repairs.report_repair(
            admin, flat, reported_on=START, description="Damp", priority="urgent", hazard=True
        ),
        attachment=attachments.attach(
            admin, "flat", flat.id, filename="a.pdf", data=b"%PDF-1.4", kind="certificate"
        ),
        request=access_requests.record_request(admin, person, received_on=START),
        incident=incidents.record_incident(
            admin, person=person, occurred_on=START, kind="missing", description="Not seen"
        ),
        wrong_record=AuditEvent.select().first(),
    )


def row_counts() -> dict[str, int]:
    """Rows in every table, read in one query."""
    names = [model._meta.table_name for model in MODELS]
    sql = "SELECT " + ", ".join(f'(SELECT COUNT(*) FROM "{name}")' for name in names)
    return dict(zip(names, database.execute_sql(sql).fetchone(), strict=True))


@dataclass(frozen=True)
class Call:
    """One write service: ``good(world)`` gives every argument an acceptable value;
    ``positional`` names those passed by position after the acting user; ``fields`` gives the
    field a refusal names where it is not the argument's own name; ``open`` says the service
    takes further keyword arguments (which must name a field)."""

    name: str
    function: object
    good: object
    kinds: dict
    positional: tuple = ()
    fields: dict = field(default_factory=dict)
    open: bool = False
    actor: str = "admin"

    def __call__(self, world: World, values: dict):
        actor = getattr(world, self.actor) if self.actor else None
        args = [values[name] for name in self.positional]
        kwargs = {k: v for k, v in values.items() if k not in self.positional}
        return self.function(actor, *args, **kwargs)

    def field_for(self, argument: str) -> str:
        return self.fields.get(argument, argument)


def _phone(n: int) -> str:
    return "0" + "1" * (n - 1)


def _email(n: int) -> str:
    return "a" * (n - 6) + "@x.org"


def _districts(n: int) -> str:
    # Distinct districts, typed with bare commas: stored as 'A1, A2, …', longer than typed.
    parts = [f"{letter}{digit}" for letter in "ABCDEFGHJKLMNOPRSTUWYZ" for digit in range(1, 10)]
    return ",".join(parts)[: max(n, 300)].rstrip(",")


PARTNER = {
    "kind": Choice(tuple(flats.PARTNER_KINDS)),
    "contact_name": Text(Partner.contact_name),
    "phone": Text(Partner.phone, fill=_phone, good="01604 123456"),
    "email": Text(Partner.email, fill=_email, good="a@b.org"),
    "address": Text(Partner.address),
    "notes": Text(Partner.notes),
}
FLAT = {
    "reference": Text(Flat.reference, required=True, fill="A", good="NHT-09"),
    "address_line1": Text(Flat.address_line1, required=True),
    "address_line2": Text(Flat.address_line2),
    "town": Text(Flat.town, required=True),
    "postcode": Text(Flat.postcode, required=True, fill="N", good="NN1 1TU"),
    "partner": Record(),
    "bedrooms": Whole(0, 10),
    "floor": Whole(-2, 60),
    "step_free": Flag(),
    "has_gas": Flag(),
    "furnished": Flag(),
    "retired": Flag(),
    "self_contained": Flag(),
    "excluded_category": Choice(("", *tenure.EXCLUDED_CATEGORIES), required=False),
    "head_lease_end": Date(required=False),
    "notes": Text(Flat.notes),
    **{charge: Money() for charge in flats.CHARGES},
}
PERSON = {
    "given_name": Text(Person.given_name, required=True, good="Ioana"),
    "family_name": Text(Person.family_name, required=True, good="Popescu"),
    "preferred_name": Text(Person.preferred_name, good="Io"),
    "date_of_birth": Date(required=False),
    "ni_number": Text(Person.ni_number, good="AB123456C"),
    "phone": Text(Person.phone, fill=_phone, good="07700 900123"),
    "safe_contact": Text(Person.safe_contact),
    "notes": Text(Person.notes),
    # A list of districts is as good as text; one that is not text is not.
    "areas_to_avoid": Fixed(
        ("NN1\x00", "NN\ud8001", _districts(300), 5, {}, ["NN1", 5], ("NN1", None), [b"NN1"])
    ),
    "keyworker": Record(required=False),
    "message_ok": Flag(),
    "do_not_disclose": Flag(),
    "needs_step_free": Flag(),
    "no_recourse_to_public_funds": Flag(),
    "archived": Flag(),
}
SCORES = Fixed(
    (
        None,
        "all fours",
        [4],
        {},
        {"nope": 4},
        factories.scores(4, id_benefits="4"),
        factories.scores(4, id_benefits=4.0),
        factories.scores(4, id_benefits=True),
        factories.scores(4, id_benefits=6),
        factories.scores(4, id_benefits=2**70),
    )
)
EVIDENCE = Fixed(
    (
        "some",
        [],
        {"nope": "x"},
        {"id_benefits": 5},
        {"id_benefits": "has ID\x00"},
        {"id_benefits": "\ud800"},
        {"id_benefits": "x" * 20_001},
    )
)
RISKS = Fixed(
    (
        "low",
        [],
        {"nope": "low"},
        {("to_self",): "low"},
        {"to_self": "extreme"},
        {"to_self": ["low", "\x00"]},
        {"to_self": {"level": [], "notes": ""}},
        {"to_self": {"level": "low", "notes": 5}},
        {"to_self": ("low", "x" * 20_001)},
        {"to_self": ("low", "\udfff")},
    )
)
PATHS = Fixed(("", "  ", "a\x00b", "/tmp/a\udcffb", 5, None, [], b"/tmp/x"))
PASSPHRASES = Fixed((5, [], b"secret", "se\x00cret", "se\ud800cret", True))
KEYS = Fixed(("abc", 5, None, ["abc"], [1.5], [True], [0], [2**70], {"a": 1}))


def _charges() -> dict:
    return {
        "weekly_rent": Decimal("98.50"),
        "eligible_service_charge": 0,
        "ineligible_service_charge": "9.80",
        "support_charge": "£45",
    }


def _flat_values(w: World) -> dict:
    return {
        "reference": "NHT-09",
        "address_line1": "1 Abington Street",
        "address_line2": "",
        "town": "Northampton",
        "postcode": "NN1 2AJ",
        "partner": w.partner,
        "bedrooms": 1,
        "floor": 0,
        "step_free": False,
        "has_gas": True,
        "furnished": True,
        "head_lease_end": None,
        "notes": "",
        **_charges(),
    }


CALLS = [
    Call(
        "users.create_user",
        users.create_user,
        lambda w: {
            "username": "new.officer",
            "full_name": "New Officer",
            "role": "officer",
            "password": "long enough pass",
        },
        {
            "username": Text(User.username, required=True, good="new.officer"),
            "full_name": Text(User.full_name, required=True),
            "role": Choice(users.ROLES),
            "password": Password(),
        },
    ),
    Call(
        "users.set_active",
        users.set_active,
        lambda w: {"user": w.officer, "active": True},
        {"user": Record(), "active": Flag()},
        positional=("user",),
    ),
    Call(
        "users.set_role",
        users.set_role,
        lambda w: {"user": w.officer, "role": "manager"},
        {"user": Record(), "role": Choice(users.ROLES)},
        positional=("user",),
    ),
    Call(
        "users.reset_password",
        users.reset_password,
        lambda w: {"user": w.officer, "new_password": "another long one"},
        {"user": Record(), "new_password": Password()},
        positional=("user",),
        fields={"new_password": "password"},
    ),
    Call(
        "users.change_password",
        users.change_password,
        lambda w: {"current_password": factories.PASSWORD, "new_password": "another long one"},
        {"current_password": Fixed((5, [], "\x00", "\ud800", b"x")), "new_password": Password()},
        fields={"new_password": "password"},
    ),
    Call(
        "flats.create_partner",
        flats.create_partner,
        lambda w: {"name": "Nene Housing", "kind": "council", "phone": "01604 000000"},
        {"name": Text(Partner.name, required=True, good="Nene Housing"), **PARTNER},
        open=True,
    ),
    Call(
        "flats.update_partner",
        flats.update_partner,
        lambda w: {"partner": w.partner, "name": "Nene Housing", "phone": "01604 000000"},
        {
            "partner": Record(),
            "name": Text(Partner.name, required=True, good="Nene Housing"),
            "version": Whole(1, 2**63 - 1),
            **PARTNER,
        },
        positional=("partner",),
        open=True,
    ),
    Call(
        "flats.create_flat",
        flats.create_flat,
        _flat_values,
        FLAT,
        open=True,
    ),
    Call(
        "flats.update_flat",
        flats.update_flat,
        lambda w: {"flat": w.spare_flat, **_flat_values(w)},
        {"flat": Record(), "version": Whole(1, 2**63 - 1), **FLAT},
        positional=("flat",),
        open=True,
    ),
    Call(
        "flats.record_certificate",
        flats.record_certificate,
        lambda w: {
            "flat": w.flat,
            "kind": "eicr",
            "issued_on": date(2026, 1, 1),
            "expires_on": None,
            "reference": "E-1",
            "satisfactory": True,
        },
        {
            "flat": Record(),
            "kind": Choice(tuple(compliance.CERTIFICATE_KINDS)),
            "issued_on": Date(),
            "expires_on": Date(required=False),
            "reference": Text(Certificate.reference),
            "satisfactory": Flag(),
        },
        positional=("flat",),
    ),
    Call(
        "flats.mark_unavailable",
        flats.mark_unavailable,
        lambda w: {
            "flat": w.spare_flat,
            "start": date(2031, 1, 1),
            "end": None,
            "reason": "repairs",
            "notes": "",
        },
        {
            "flat": Record(),
            "start": Date(),
            "end": Date(required=False),
            "reason": Choice(tuple(flats.UNAVAILABILITY_REASONS)),
            "notes": Text(Unavailability.notes),
        },
        positional=("flat",),
    ),
    Call(
        "flats.end_unavailability",
        flats.end_unavailability,
        lambda w: {"unavailability": w.unavailability, "end": date(2030, 2, 1)},
        {"unavailability": Record(), "end": Date()},
        positional=("unavailability",),
    ),
    Call(
        "people.create_person",
        people.create_person,
        lambda w: {"given_name": "Ioana", "family_name": "Popescu", "phone": "07700 900123"},
        PERSON,
        open=True,
    ),
    Call(
        "people.update_person",
        people.update_person,
        lambda w: {"person": w.person, "preferred_name": "Io", "phone": "07700 900123"},
        {"person": Record(), "version": Whole(1, 2**63 - 1), **PERSON},
        positional=("person",),
        open=True,
    ),
    Call(
        "referrals.create_referral",
        referrals.create_referral,
        lambda w: {
            "person": w.person,
            "received_on": date(2026, 1, 1),
            "source": "self",
            "referrer": "",
            "notes": "",
            "referrer_organisation": "",
            "priority": 3,
        },
        {
            "person": Record(),
            "received_on": Date(),
            "source": Choice(tuple(referrals.SOURCES)),
            "referrer": Text(Referral.referrer),
            "notes": Text(Referral.notes),
            "referrer_organisation": Text(Referral.referrer_organisation),
            "priority": Choice(tuple(referrals.PRIORITIES)),
        },
        positional=("person",),
    ),
    Call(
        "referrals.decide",
        referrals.decide,
        lambda w: {
            "referral": w.referral,
            "decision": "declined",
            "reason": "other",
            "notes": "",
            "decided_on": None,
        },
        {
            "referral": Record(),
            "decision": Choice(referrals.DECISIONS),
            "reason": Text(Referral.decision_notes, fill="r"),
            "notes": Text(Referral.decision_notes),
            "decided_on": Date(required=False),
        },
        positional=("referral",),
    ),
    Call(
        "referrals.close",
        referrals.close,
        lambda w: {"referral": w.referral, "reason": "moved_away", "notes": "", "closed_on": None},
        {
            "referral": Record(),
            "reason": Choice(tuple(referrals.CLOSE_REASONS)),
            "notes": Text(Referral.decision_notes),
            "closed_on": Date(required=False),
        },
        positional=("referral",),
    ),
    Call(
        "assessments.record_assessment",
        assessments.record_assessment,
        lambda w: {
            "person": w.person,
            "assessed_on": date(2026, 1, 1),
            "scores": factories.scores(4),
            "outcome": "ready",
            "evidence": {"id_benefits": "Has ID"},
            "risks": {"to_self": ("low", "")},
            "notes": "",
            "next_review_on": None,
            "tool_used": "",
            "tool_scores": "",
        },
        {
            "person": Record(),
            "assessed_on": Date(),
            "scores": SCORES,
            "outcome": Choice(tuple(assessments.OUTCOMES)),
            "evidence": EVIDENCE,
            "risks": RISKS,
            "notes": Text(Assessment.notes),
            "next_review_on": Date(required=False),
            "tool_used": Text(Assessment.tool_used),
            "tool_scores": Text(Assessment.tool_scores),
        },
        positional=("person",),
    ),
    Call(
        "allocations.make_offer",
        allocations.make_offer,
        lambda w: {"referral": w.referral, "flat": w.flat, "offered_on": None, "notes": ""},
        {
            "referral": Record(),
            "flat": Record(),
            "offered_on": Date(required=False),
            "notes": Text(Offer.notes),
        },
        positional=("referral", "flat"),
    ),
    Call(
        "allocations.respond",
        allocations.respond,
        lambda w: {
            "offer": w.offer,
            "accepted": False,
            "reason": "area",
            "responded_on": None,
            "notes": "",
        },
        {
            "offer": Record(),
            "accepted": Flag(),
            "reason": Text(Offer.notes, fill="r"),
            "responded_on": Date(required=False),
            "notes": Text(Offer.notes),
        },
        positional=("offer",),
    ),
    Call(
        "allocations.withdraw_offer",
        allocations.withdraw_offer,
        lambda w: {"offer": w.offer, "reason": "", "expired": False},
        {"offer": Record(), "reason": Text(Offer.notes), "expired": Flag()},
        positional=("offer",),
    ),
    Call(
        "licences.create_licence",
        licences.create_licence,
        lambda w: {
            "person": w.person,
            "flat": w.spare_flat,
            "start_date": START,
            "agreement_type": "licence",
            "excluded_category": "",
            "readiness_override": "",
            "payment_day": "Monday",
            "inventory_reference": "INV-1",
            "hb_reference": "HB-1",
            **_charges(),
        },
        {
            "person": Record(),
            "flat": Record(),
            "start_date": Date(),
            "agreement_type": Choice(tuple(licences.AGREEMENT_TYPES)),
            "excluded_category": Choice(("", *tenure.EXCLUDED_CATEGORIES), required=False),
            "readiness_override": Text(Licence.readiness_override),
            "payment_day": Choice(("Monday", "Tuesday", "Sunday")),
            "inventory_reference": Text(Licence.inventory_reference),
            "hb_reference": Text(Licence.hb_reference),
            **{charge: Money() for charge in flats.CHARGES},
        },
        positional=("person", "flat"),
        fields={"excluded_category": "agreement_type"},
        open=True,
    ),
    Call(
        "licences.complete_signup_item",
        licences.complete_signup_item,
        lambda w: {"licence": w.licence, "key": "hb_claim", "done": True, "note": "HB/1"},
        {
            "licence": Record(),
            "key": Choice(tuple(licences.CHECKLIST_LABELS)),
            "done": Flag(),
            # The Housing Benefit item's note is kept as the claim's reference too.
            "note": Text(Licence.hb_reference, good="HB/1"),
        },
        positional=("licence", "key"),
    ),
    Call(
        "licences.complete_signup_item (any item)",
        licences.complete_signup_item,
        lambda w: {"licence": w.licence, "key": "meter_readings", "done": True, "note": ""},
        {"note": Text(SignupItem.note)},
        positional=("licence", "key"),
    ),
    Call(
        "licences.activate",
        licences.activate,
        lambda w: {"licence": w.licence},
        {"licence": Record()},
        positional=("licence",),
    ),
    Call(
        "licences.add_key",
        licences.add_key,
        lambda w: {"licence": w.licence, "label": "Fob 2", "issued_on": None, "notes": ""},
        {
            "licence": Record(),
            "label": Text(LicenceKey.label, required=True),
            "issued_on": Date(required=False),
            "notes": Text(LicenceKey.notes),
        },
        positional=("licence",),
    ),
    Call(
        "licences.return_key",
        licences.return_key,
        lambda w: {"key": w.key, "returned_on": None},
        {"key": Record(), "returned_on": Date(required=False)},
        positional=("key",),
    ),
    Call(
        "licences.give_notice",
        licences.give_notice,
        lambda w: {
            "licence": w.licence,
            "served_on": date(2026, 1, 5),
            "end_date": date(2026, 3, 2),
            "by": "licensee",
            "reason": "",
            "served_how": "",
        },
        {
            "licence": Record(),
            "served_on": Date(),
            "end_date": Date(),
            "by": Choice(tuple(licences.NOTICE_BY)),
            "reason": Text(Licence.notice_reason),
            "served_how": Choice(("", *tenure.SERVED_HOW), required=False),
        },
        positional=("licence",),
    ),
    Call(
        "licences.end_licence",
        licences.end_licence,
        lambda w: {
            "licence": w.licence,
            "end_date": date(2026, 1, 5),
            "reason": "planned_move_on",
            "destination": "Council tenancy",
            "notes": "",
            "returned_keys": [w.key],
            "possession_order_on": None,
        },
        {
            "licence": Record(),
            "end_date": Date(),
            "reason": Choice(tuple(licences.END_REASONS)),
            "destination": Text(Licence.destination),
            "notes": Text(Licence.move_out_notes),
            "returned_keys": KEYS,
            "possession_order_on": Date(required=False),
        },
        positional=("licence",),
    ),
    Call(
        "licences.correct_licence",
        licences.correct_licence,
        lambda w: {
            "licence": w.licence,
            "reason": "Typed the wrong date",
            "end_date": date(2026, 1, 5),
            "start_date": START,
            "end_reason": "planned_move_on",
            "destination": "Refuge",
            "move_out_notes": "",
            **_charges(),
        },
        {
            "licence": Record(),
            "reason": Text(Licence.notice_reason, required=True),
            "end_date": Date(),
            "start_date": Date(),
            "end_reason": Choice(tuple(licences.END_REASONS)),
            "destination": Text(Licence.destination),
            "move_out_notes": Text(Licence.move_out_notes),
            **{charge: Money() for charge in flats.CHARGES},
        },
        positional=("licence",),
        open=True,
    ),
    Call(
        "support_plans.create_plan",
        support_plans.create_plan,
        lambda w: {"licence": w.licence, "start_date": None, "review_due": None},
        {
            "licence": Record(),
            "start_date": Date(required=False),
            "review_due": Date(required=False),
        },
        positional=("licence",),
    ),
    Call(
        "support_plans.add_goal",
        support_plans.add_goal,
        lambda w: {
            "plan": w.plan,
            "domain": "id_benefits",
            "need": "ID",
            "action": "Apply",
            "owner": "Amara",
            "target_date": None,
        },
        {
            "plan": Record(),
            "domain": Choice(("", *assessments.DOMAIN_LABELS), required=False),
            "need": Text(Goal.need, required=True),
            "action": Text(Goal.action),
            "owner": Text(Goal.owner),
            "target_date": Date(required=False),
        },
        positional=("plan",),
    ),
    Call(
        "support_plans.update_goal",
        support_plans.update_goal,
        lambda w: {
            "goal": w.goal,
            "domain": "id_benefits",
            "need": "ID",
            "action": "Apply",
            "owner": "Amara",
            "target_date": None,
            "status": "open",
            "outcome": "",
        },
        {
            "goal": Record(),
            "domain": Choice(("", *assessments.DOMAIN_LABELS), required=False),
            "need": Text(Goal.need),
            "action": Text(Goal.action),
            "owner": Text(Goal.owner),
            "target_date": Date(required=False),
            "status": Choice(tuple(support_plans.GOAL_STATUSES)),
            "outcome": Text(Goal.outcome),
        },
        positional=("goal",),
        open=True,
    ),
    Call(
        "support_plans.remove_goal",
        support_plans.remove_goal,
        lambda w: {"goal": w.goal},
        {"goal": Record()},
        positional=("goal",),
    ),
    Call(
        "support_plans.set_risks",
        support_plans.set_risks,
        lambda w: {"plan": w.plan, **dict.fromkeys(support_plans.RISK_FIELDS, "")},
        {
            "plan": Record(),
            "version": Whole(1, 2**63 - 1),
            **{key: Text(getattr(SupportPlan, key)) for key in support_plans.RISK_FIELDS},
        },
        positional=("plan",),
        open=True,
    ),
    Call(
        "support_plans.agree",
        support_plans.agree,
        lambda w: {"plan": w.plan, "agreed_on": None, "she_agreed": True},
        {"plan": Record(), "agreed_on": Date(required=False), "she_agreed": Flag()},
        positional=("plan",),
    ),
    Call(
        "support_plans.start_review",
        support_plans.start_review,
        lambda w: {"plan": w.plan},
        {"plan": Record()},
        positional=("plan",),
    ),
    Call(
        "settings.save_organisation",
        settings.save_organisation,
        lambda w: {"name": "Street Outreach", "phone": "01604 000000"},
        {
            key: Text(None, required=key == "name", length=length)
            for key, (_label, length) in settings.ORGANISATION_FIELDS.items()
        },
        open=True,
    ),
    Call(
        "setup_guide.save_organisation",
        setup_guide.save_organisation,
        lambda w: {"name": "Street Outreach", "address": "1 Sheep Street, Northampton"},
        {
            key: Text(None, required=key in ("name", "address"), length=length)
            for key, (_label, length) in settings.ORGANISATION_FIELDS.items()
        },
        open=True,
    ),
    Call(
        "settings.set_licence_template",
        settings.set_licence_template,
        lambda w: {"path": ""},
        {"path": Fixed(("\x00", "a\x00b", "\ud800", 5, [], "x" * 1001))},
        positional=("path",),
        fields={"path": settings.TEMPLATE_KEY},
    ),
    Call(
        "settings.set_idle_lock_minutes",
        settings.set_idle_lock_minutes,
        lambda w: {"minutes": 10},
        {"minutes": Whole(1, 240)},
        positional=("minutes",),
        fields={"minutes": settings.IDLE_KEY},
    ),
    Call(
        "settings.set_retention_years",
        settings.set_retention_years,
        lambda w: {"years": 6},
        {"years": Whole(1, 50)},
        positional=("years",),
        fields={"years": settings.RETENTION_KEY},
    ),
    Call(
        "settings.set_notice_days",
        settings.set_notice_days,
        lambda w: {"days": 28},
        {"days": Whole(1, 365)},
        positional=("days",),
    ),
    Call(
        "settings.save_security",
        settings.save_security,
        lambda w: {"idle_lock_minutes": 10, "retention_years": 6, "notice_days": 28},
        {
            "idle_lock_minutes": Whole(1, 240),
            "retention_years": Whole(1, 50),
            "notice_days": Whole(1, 365),
        },
        fields={
            "idle_lock_minutes": settings.IDLE_KEY,
            "retention_years": settings.RETENTION_KEY,
            "notice_days": settings.NOTICE_KEY,
        },
    ),
    Call(
        "settings.set_support_charge_payer",
        settings.set_support_charge_payer,
        lambda w: {"payer": "service"},
        {"payer": Choice(tuple(settings.SUPPORT_PAYERS))},
        positional=("payer",),
    ),
    Call(
        "settings.set_nrpf_rent_payer",
        settings.set_nrpf_rent_payer,
        lambda w: {"payer": "service"},
        {"payer": Choice(tuple(settings.NRPF_RENT_PAYERS))},
        positional=("payer",),
        fields={"payer": "nrpf_rent_payer"},
    ),
    Call(
        "accounts.post_charges",
        accounts.post_charges,
        lambda w: {"up_to": date(2025, 3, 3)},
        {"up_to": Date()},
    ),
    Call(
        "accounts.change_charges",
        accounts.change_charges,
        lambda w: {"licence": w.licence, "effective_from": date(2025, 6, 2), **_charges()},
        {
            "licence": Record(),
            "effective_from": Date(),
            **{charge: Money() for charge in flats.CHARGES},
        },
        positional=("licence",),
        open=True,
    ),
    Call(
        "accounts.record_payment",
        accounts.record_payment,
        lambda w: {
            "licence": w.licence,
            "received_on": date(2025, 2, 3),
            "amount": "£12.50",
            "source": "housing_benefit",
            "reference": "",
            "period_start": None,
        },
        {
            "licence": Record(),
            "received_on": Date(),
            "amount": Money(),
            "source": Choice(tuple(accounts.SOURCES)),
            "reference": Text(Payment.reference),
            "period_start": Date(required=False),
        },
        positional=("licence",),
    ),
    Call(
        "accounts.reverse_payment",
        accounts.reverse_payment,
        lambda w: {"payment": w.payment, "reversed_on": date(2025, 2, 3), "reason": "Refund"},
        {
            "payment": Record(),
            "reversed_on": Date(),
            "reason": Text(Payment.reference),
        },
        positional=("payment",),
    ),
    Call(
        "arrears.set_repayment_plan",
        arrears.set_repayment_plan,
        lambda w: {"licence": w.licence, "weekly_amount": "5", "start_on": date(2025, 3, 3)},
        {"licence": Record(), "weekly_amount": Money(), "start_on": Date()},
        positional=("licence",),
    ),
    Call(
        "housing_benefit.record_hb_decision",
        housing_benefit.record_hb_decision,
        lambda w: {
            "licence": w.licence,
            "decision": "confirmed",
            "decided_on": date(2025, 2, 3),
            "weekly_award": "98.50",
            "award_from": None,
            "notes": "",
        },
        {
            "licence": Record(),
            "decision": Choice(tuple(housing_benefit.DECISIONS)),
            "decided_on": Date(),
            "weekly_award": Money(),
            "award_from": Date(required=False),
            "notes": Text(HousingBenefitDecision.notes),
        },
        positional=("licence",),
    ),
    Call(
        "housing_benefit.request_evidence",
        housing_benefit.request_evidence,
        lambda w: {"licence": w.licence, "requested_on": date(2025, 2, 3), "what": "ID"},
        {
            "licence": Record(),
            "requested_on": Date(),
            "what": Text(HousingBenefitEvidence.what, required=True),
        },
        positional=("licence",),
    ),
    Call(
        "housing_benefit.update_evidence",
        housing_benefit.update_evidence,
        lambda w: {"evidence": w.evidence, "chased_on": date(2025, 2, 3), "sent_on": None},
        {
            "evidence": Record(),
            "chased_on": Date(required=False),
            "sent_on": Date(required=False),
        },
        positional=("evidence",),
    ),
    Call(
        "housing_benefit.record_absence",
        housing_benefit.record_absence,
        lambda w: {
            "licence": w.licence,
            "start": date(2025, 3, 3),
            "reason": "remand",
            "end": None,
        },
        {
            "licence": Record(),
            "start": Date(),
            "reason": Choice(tuple(housing_benefit.ABSENCE_REASONS)),
            "end": Date(required=False),
        },
        positional=("licence",),
    ),
    Call(
        "housing_benefit.end_absence",
        housing_benefit.end_absence,
        lambda w: {"absence": w.absence, "end": date(2025, 2, 10)},
        {"absence": Record(), "end": Date()},
        positional=("absence",),
    ),
    Call(
        "account_paperwork.statement",
        account_paperwork.statement,
        lambda w: {"licence": w.licence, "start": None},
        {"licence": Record(), "start": Date(required=False)},
        positional=("licence",),
    ),
    Call(
        "account_paperwork.arrears_letter",
        account_paperwork.arrears_letter,
        lambda w: {"licence": w.licence, "stage": "first"},
        {"licence": Record(), "stage": Choice(tuple(account_paperwork.LETTERS))},
        positional=("licence",),
    ),
    Call(
        "transfer.back_up_in_use",
        transfer.back_up_in_use,
        lambda w: {"path": f"{w.folder}/backup.hdb", "passphrase": None, "plain": False},
        {"path": PATHS, "passphrase": PASSPHRASES, "plain": Flag()},
        positional=("path",),
        fields={"path": "file"},
    ),
    Call(
        "transfer.copy_in_use",
        transfer.copy_in_use,
        lambda w: {"target": f"sqlite:///{w.folder}/copy.db", "passphrase": None, "plain": False},
        {"target": PATHS, "passphrase": PASSPHRASES, "plain": Flag()},
        positional=("target",),
    ),
    Call(
        "transfer.restore_in_use",
        transfer.restore_in_use,
        lambda w: {"path": f"{w.folder}/no-such-backup.hdb", "passphrase": None},
        {"path": PATHS, "passphrase": PASSPHRASES},
        positional=("path",),
        fields={"path": "file"},
    ),
    Call(
        "certificates.copy_given",
        certificates.copy_given,
        lambda w: {"certificate": w.certificate, "given_on": None},
        {"certificate": Record(), "given_on": Date(required=False)},
        positional=("certificate",),
    ),
    Call(
        "repairs.report_repair",
        repairs.report_repair,
        lambda w: {
            "flat": w.flat,
            "reported_on": date(2025, 2, 3),
            "description": "Boiler",
            "priority": "urgent",
            "reported_by": "",
            "hazard": False,
            "out_of_use": False,
        },
        {
            "flat": Record(),
            "reported_on": Date(),
            "description": Text(Repair.description, required=True),
            "priority": Choice(tuple(repairs.PRIORITIES)),
            "reported_by": Text(Repair.reported_by),
            "hazard": Flag(),
            "out_of_use": Flag(),
        },
        positional=("flat",),
    ),
    Call(
        "repairs.pass_on",
        repairs.pass_on,
        lambda w: {"repair": w.repair, "passed_to": "Nene Plumbing", "passed_on": START},
        {
            "repair": Record(),
            "passed_to": Text(Repair.passed_to, required=True),
            "passed_on": Date(),
        },
        positional=("repair",),
    ),
    Call(
        "repairs.record_investigation",
        repairs.record_investigation,
        lambda w: {"repair": w.repair, "investigated_on": START},
        {"repair": Record(), "investigated_on": Date()},
        positional=("repair",),
    ),
    Call(
        "repairs.complete_repair",
        repairs.complete_repair,
        lambda w: {"repair": w.repair, "completed_on": START, "notes": ""},
        {"repair": Record(), "completed_on": Date(), "notes": Text(Repair.notes)},
        positional=("repair",),
    ),
    Call(
        "attachments.attach",
        attachments.attach,
        lambda w: {
            "entity": "flat",
            "entity_id": w.flat.id,
            "filename": "gas.pdf",
            "data": b"%PDF-1.4",
            "kind": "certificate",
            "expires_on": None,
        },
        {
            "entity": Choice(tuple(attachments.ENTITIES)),
            "entity_id": Whole(1, 2**31 - 1),
            "filename": Text(Attachment.filename, required=True),
            "data": Fixed(("text", None, b"", [1, 2], 5)),
            "kind": Choice(tuple(attachments.KINDS)),
            "expires_on": Date(required=False),
        },
        positional=("entity", "entity_id"),
    ),
    Call(
        "attachments.open",
        attachments.open,
        lambda w: {"attachment": w.attachment},
        {"attachment": Record()},
        positional=("attachment",),
    ),
    Call(
        "subject_access.record_request",
        access_requests.record_request,
        lambda w: {"person": w.person, "received_on": START, "notes": ""},
        {
            "person": Record(),
            "received_on": Date(),
            "notes": Text(SubjectAccessRequest.notes),
        },
        positional=("person",),
    ),
    Call(
        "subject_access.mark_answered",
        access_requests.mark_answered,
        lambda w: {"request": w.request, "answered_on": None},
        {"request": Record(), "answered_on": Date(required=False)},
        positional=("request",),
    ),
    Call(
        "importing.import_file",
        importing.import_file,
        lambda w: {"kind": "flats", "path": f"{w.folder}/flats.csv", "dry_run": True},
        {
            "kind": Choice(("flats", "people", "licences")),
            "path": PATHS,
            "dry_run": Flag(),
        },
        positional=("kind", "path"),
        fields={"path": "file"},
    ),
    Call(
        "exporting.export_list",
        exporting.export_list,
        lambda w: {
            "kind": "flats",
            "path": f"{w.folder}/flats.csv",
            "include_confidential": False,
        },
        {
            "kind": Choice(("flats", "people", "licences")),
            "path": PATHS,
            "include_confidential": Flag(),
        },
        positional=("kind", "path"),
        fields={"path": "file"},
    ),
    Call(
        "privacy.save_privacy",
        privacy.save_privacy,
        lambda w: {"officer": "Amara Okafor, 01604 000000", "retention": ""},
        {key: Text(None, length=length) for key, (_label, length) in privacy.FIELDS.items()},
        open=True,
    ),
    Call(
        "settings.set_repair_target_days",
        settings.set_repair_target_days,
        lambda w: dict(settings.REPAIR_KEYS),
        {key: Whole(1, 365) for key in settings.REPAIR_KEYS},
        open=True,
    ),
    Call(
        "paperwork.notice_to_quit",
        paperwork.notice_to_quit,
        lambda w: {"licence": w.licence},
        {"licence": Record()},
        positional=("licence",),
    ),
    Call(
        "account_paperwork.move_out_letter",
        account_paperwork.move_out_letter,
        lambda w: {"licence": w.licence},
        {"licence": Record()},
        positional=("licence",),
    ),
    Call(
        "retention.anonymise",
        retention.anonymise,
        lambda w: {"person": w.person},
        {"person": Record()},
        positional=("person",),
    ),
    Call(
        "subject_access.export",
        subject_access.export,
        lambda w: {"person": w.person},
        {"person": Record()},
        positional=("person",),
    ),
    Call(
        "paperwork.licence_agreement",
        paperwork.licence_agreement,
        lambda w: {"licence": w.licence},
        {"licence": Record()},
        positional=("licence",),
    ),
    Call(
        "paperwork.signup_pack",
        paperwork.signup_pack,
        lambda w: {"licence": w.licence},
        {"licence": Record()},
        positional=("licence",),
    ),
    Call(
        "paperwork.support_plan",
        paperwork.support_plan,
        lambda w: {"plan": w.plan},
        {"plan": Record()},
        positional=("plan",),
    ),
    Call(
        "paperwork.availability_report",
        paperwork.availability_report,
        lambda w: {"on": None},
        {"on": Date(required=False)},
    ),
    Call(
        "reports.report_pdf",
        reports.report_pdf,
        lambda w: {"start": date(2025, 1, 1), "end": date(2026, 1, 1)},
        {"start": Date(), "end": Date()},
        positional=("start", "end"),
    ),
    Call(
        "people.get_person",
        people.get_person,
        lambda w: {"person": w.person},
        {"person": Record()},
        positional=("person",),
    ),
    Call(
        "reports.record_export",
        reports.record_export,
        lambda w: {"what": "Occupancy", "rows": 3},
        {"what": Text(AuditEvent.changes, required=True), "rows": Whole(0, 10**9)},
        positional=("what", "rows"),
    ),
    Call(
        "keywork.record_session",
        keywork.record_session,
        lambda w: {
            "licence": w.licence,
            "held_on": date(2025, 2, 3),
            "kind": "in_person",
            "duration_minutes": 45,
            "summary": "Talked about her benefits",
            "goals": (),
            "next_on": None,
            "achieved": (),
        },
        {
            "licence": Record(),
            "held_on": Date(),
            "kind": Choice(tuple(keywork.KINDS)),
            "duration_minutes": Fixed((0, 601, -5, 1.5, "abc", True, 2**70)),  # blank: not known
            "summary": Text(None, required=True, length=8000),
            "goals": Fixed(("12", 7, [True], [1.5], ["a"], None)),
            "next_on": Date(required=False),
            "achieved": Fixed(("12", 7, [True], [1.5], ["a"], None)),
        },
        positional=("licence",),
    ),
    Call(
        "incidents.record_incident",
        incidents.record_incident,
        lambda w: {
            "person": w.person,
            "occurred_on": date(2025, 2, 3),
            "kind": "missing",
            "description": "Not seen for two days",
            "flat": w.flat,
            "severity": "medium",
            "police_reference": "",
            "safeguarding_referral": False,
            "referred_to": (),
            "follow_up": "",
        },
        {
            "person": Record(),
            "occurred_on": Date(),
            "kind": Choice(tuple(incidents.KINDS)),
            "description": Text(None, required=True, length=8000),
            "flat": Record(required=False),
            "severity": Choice(tuple(incidents.SEVERITIES)),
            "police_reference": Text(None, length=100),
            "safeguarding_referral": Flag(),
            "referred_to": Fixed(("marac", 7, [1], [[1]], ["nobody"], None)),
            "follow_up": Text(None, length=4000),
        },
    ),
    Call(
        "incidents.review_incident",
        incidents.review_incident,
        lambda w: {"incident": w.incident, "reviewed_on": START, "notes": ""},
        {
            "incident": Record(),
            "reviewed_on": Date(required=False),
            "notes": Text(None, length=4000),
        },
        positional=("incident",),
    ),
    Call(
        "warnings.issue_warning",
        tenancy_warnings.issue_warning,
        lambda w: {
            "licence": w.licence,
            "stage": "verbal",
            "issued_on": date(2025, 2, 3),
            "reason": "Visitors late at night",
        },
        {
            "licence": Record(),
            "stage": Choice(tuple(tenancy_warnings.STAGES)),
            "issued_on": Date(),
            "reason": Text(None, required=True, length=4000),
        },
        positional=("licence",),
    ),
    Call(
        "support_plan_care.set_crisis_plan",
        support_plan_care.set_crisis_plan,
        lambda w: {
            "plan": w.plan,
            "triggers": "Anniversaries",
            "actions": "Call her sister",
            "contacts": "Crisis team",
            "consent_to_share": ("Her GP",),
        },
        {
            "plan": Record(),
            "triggers": Text(None, length=4000),
            "actions": Text(None, length=4000),
            "contacts": Text(None, length=4000),
            "consent_to_share": Fixed(("Her GP", 7, [1], ["a\nb"], ["\x00"], None)),
        },
        positional=("plan",),
    ),
    Call(
        "support_plan_care.record_review",
        support_plan_care.record_review,
        lambda w: {
            "plan": w.plan,
            "reviewed_on": START,
            "attended": "Her and her keyworker",
            "summary": "New goals",
        },
        {
            "plan": Record(),
            "reviewed_on": Date(),
            "attended": Text(None, required=True, length=1000),
            "summary": Text(None, required=True, length=8000),
        },
        positional=("plan",),
    ),
    Call(
        "settings.set_keywork_overdue_days",
        settings.set_keywork_overdue_days,
        lambda w: {"days": 14},
        {"days": Whole(1, 90)},
        positional=("days",),
        fields={"days": settings.KEYWORK_KEY},
    ),
    Call(
        "settings.save_tenancy_life",
        settings.save_tenancy_life,
        lambda w: {"keywork_overdue_days": 14, "warning_months": {"verbal": 3}},
        {
            "keywork_overdue_days": Whole(1, 90),
            "warning_months": Fixed(("3", 3, [3], None)),
        },
        fields={"keywork_overdue_days": settings.KEYWORK_KEY},
    ),
]

# Every (call, argument) pair a test can try.
ARGUMENTS = [(call, argument) for call in CALLS for argument in call.kinds]
