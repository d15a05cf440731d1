"""Every service read that returns something of hers, and how each takes the acting user.

``READS`` is the inventory the viewer-rule tests run over; ``SERVICE_ONLY`` are reads that only
other services may call (the windows never do); ``NOT_HERS`` are public functions that take no
acting user because what they return holds nothing of hers. A test fails for any public
service function in none of the three, so a new read cannot be missed silently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from housing_desk import clock
from housing_desk.data.models import (
    Incident,
    KeyworkSession,
    Payment,
    SubjectAccessRequest,
    TenancyWarning,
)
from housing_desk.services import (
    access_requests,
    accounts,
    allocations,
    arrears,
    assessment_changes,
    assessments,
    attachments,
    audit,
    audit_log,
    availability,
    flat_choice,
    flats,
    her_timeline,
    housing_benefit,
    incidents,
    keywork,
    licence_register,
    licences,
    people,
    people_list,
    referral_list,
    referrals,
    reminders,
    retention,
    signup,
    subject_access,
    support_plan_care,
    support_plans,
    tenancy_warnings,
    waiting_list,
)
from tests import factories, her_record

# What a viewer never reads: every note, risk, decision note, piece of evidence and summary.
HIDDEN_FROM_VIEWERS = (
    her_record.DETAILS["notes"],
    her_record.DETAILS["safe_contact"],
    *(
        her_record.WRITTEN[key]
        for key in (
            "referral_notes",
            "decision_notes",
            "evidence",
            "risk_notes",
            "assessment_notes",
            "offer_notes",
            "key_notes",
            "plan_risk",
            "hb_notes",
            "her_words",
            "strengths",
            "crisis_triggers",
            "crisis_actions",
            "crisis_contacts",
            "consent_agency",
            "review_attended",
            "review_summary",
            "keywork_summary",
            "incident_description",
            "police_reference",
            "incident_follow_up",
            "incident_review",
            "warning_reason",
        )
    ),
)
REQUEST_NOTES = "She asked by letter, care of the refuge in Kettering"
WAITING = {  # a second woman, confidential, waiting with an offer of another flat
    "given_name": "Hodan",
    "family_name": "Warsame-Ibrahim",
    "notes": "Her brother must not know where she is",
    "safe_contact": "Email only, via the drop-in",
    "do_not_disclose": True,
}
WAITING_NOTES = "Met at the clinic; ring before visiting"
WAITING_OFFER_NOTES = "Viewed the flat with her support worker"
ALL_HIDDEN = (
    *HIDDEN_FROM_VIEWERS,
    REQUEST_NOTES,
    WAITING["notes"],
    WAITING["safe_contact"],
    WAITING_NOTES,
    WAITING_OFFER_NOTES,
)


@dataclass
class World:
    record: her_record.HerRecord
    waiting: object  # Hodan
    other_flat: object
    waiting_offer: object
    request: object

    @property
    def person(self):
        return self.record.person

    @property
    def licence(self):
        return self.record.licence


def build(admin, partner) -> World:
    """Her whole record (she still lives in her flat) and a confidential woman waiting."""
    record = her_record.build(admin, partner, closed=False)
    request = access_requests.record_request(
        admin, record.person, received_on=clock.today() - timedelta(days=3), notes=REQUEST_NOTES
    )
    today = clock.today()
    licence = record.licence
    accounts.post_charges(admin, up_to=today)  # years of charges: she is in arrears
    arrears.set_repayment_plan(admin, licence, weekly_amount="5.00", start_on=today)
    housing_benefit.record_absence(admin, licence, start=today, reason="hospital")
    attachments.attach(
        admin, "person", record.person.id, filename="id.pdf", data=b"%PDF-1.4 her ID", kind="id"
    )
    repairs = factories.certified_flat(admin, partner, reference="RP-03", since=date(2016, 1, 1))
    flats.mark_unavailable(
        admin, repairs, start=today, end=today + timedelta(days=10), reason="repairs"
    )
    factories.certified_flat(admin, partner, reference="FR-04", since=date(2016, 1, 1))  # free
    other = factories.certified_flat(admin, partner, reference="HW-02", since=date(2016, 1, 1))
    waiting = factories.ready_woman(admin, **WAITING)
    referral = referrals.create_referral(
        admin, waiting, received_on=today - timedelta(days=9), source="self", notes=WAITING_NOTES
    )
    referral = referrals.decide(
        admin, referral, decision="accepted", notes=WAITING_NOTES, decided_on=today
    )
    offer = allocations.make_offer(
        admin, referral, other, offered_on=today, notes=WAITING_OFFER_NOTES
    )
    return World(record, waiting, other, offer, request)


@dataclass(frozen=True)
class Read:
    call: Callable  # (actor, world) -> what the service returns
    viewer: bool = True  # False: a viewer is refused (PermissionDenied)
    full_record: bool = False  # returns her own record in full: a confidential one is audited
    keyword: bool = False  # a stable name: actor keyword-only, safe without one


def _first(model):
    return model.select().order_by(model.id).first().id


READS: dict[str, Read] = {
    "people.get_person": Read(lambda a, w: people.get_person(a, w.person.id), full_record=True),
    "people.name_of": Read(lambda a, w: people.name_of(a, w.person.id)),
    "people.possible_duplicates": Read(
        lambda a, w: people.possible_duplicates(a, "Zsófia", "Kovács-Nagy"), viewer=False
    ),
    "people_list.people_page": Read(lambda a, w: people_list.people_page(a)),
    "people_list.list_people": Read(lambda a, w: people_list.list_people(a)),
    "referrals.open_referral": Read(lambda a, w: referrals.open_referral(a, w.waiting)),
    "referrals.for_person": Read(lambda a, w: referrals.for_person(a, w.person)),
    "referral_list.referrals_page": Read(lambda a, w: referral_list.referrals_page(a)),
    "referral_list.list_referrals": Read(lambda a, w: referral_list.list_referrals(a)),
    "assessments.history": Read(lambda a, w: assessments.history(a, w.person), viewer=False),
    "assessments.latest": Read(lambda a, w: assessments.latest(a, w.person), viewer=False),
    "assessment_changes.get_assessment": Read(
        lambda a, w: assessment_changes.get_assessment(a, w.record.assessment.id), viewer=False
    ),
    "assessment_changes.with_previous": Read(
        lambda a, w: assessment_changes.with_previous(a, w.record.assessment.id), viewer=False
    ),
    "allocations.candidates": Read(
        lambda a, w: allocations.candidates(w.other_flat, actor=a), keyword=True
    ),
    "offer_list.offers": Read(lambda a, w: allocations.offers(a)),
    "offer_list.pending_offers": Read(
        lambda a, w: allocations.pending_offers(actor=a), keyword=True
    ),
    "offer_list.get_offer": Read(lambda a, w: allocations.get_offer(a, w.record.offer.id)),
    "allocations.move_in_choices": Read(lambda a, w: allocations.move_in_choices(a, w.other_flat)),
    "flat_choice.flats_for": Read(lambda a, w: flat_choice.flats_for(a, w.waiting)),
    "offer_list.pending_offer_of_flat": Read(
        lambda a, w: allocations.pending_offer_of_flat(a, w.other_flat.id)
    ),
    "licences.current_licence": Read(lambda a, w: licences.current_licence(a, w.person)),
    "licences.get_licence": Read(
        lambda a, w: licences.get_licence(a, w.licence.id), full_record=True
    ),
    "licence_register.list_licences": Read(lambda a, w: licence_register.list_licences(a, "all")),
    "licence_register.current_licence_of_flat": Read(
        lambda a, w: licence_register.current_licence_of_flat(a, w.licence.flat_id)
    ),
    "licence_register.home_of": Read(lambda a, w: licence_register.home_of(a, w.person.id)),
    "signup.checklist": Read(lambda a, w: signup.checklist(a, w.licence)),
    "signup.keys": Read(lambda a, w: signup.keys(a, w.licence)),
    "support_plans.plans_for": Read(lambda a, w: support_plans.plans_for(a, w.licence)),
    "support_plans.current_plan": Read(lambda a, w: support_plans.current_plan(a, w.licence)),
    "support_plans.get_plan": Read(lambda a, w: support_plans.get_plan(a, w.record.plan.id)),
    "support_plans.goals": Read(
        lambda a, w: support_plans.goals(a, support_plans.current_plan(a, w.licence))
    ),
    "support_plan_care.reviews": Read(
        lambda a, w: support_plan_care.reviews(a, support_plans.current_plan(a, w.licence)),
        viewer=False,
    ),
    "keywork.sessions": Read(lambda a, w: keywork.sessions(a, w.licence)),
    "keywork.get_session": Read(lambda a, w: keywork.get_session(a, _first(KeyworkSession))),
    "incidents.incidents": Read(lambda a, w: incidents.incidents(a, person=w.person)),
    "incidents.get_incident": Read(lambda a, w: incidents.get_incident(a, _first(Incident))),
    "tenancy_warnings.warnings_for": Read(lambda a, w: tenancy_warnings.warnings_for(a, w.licence)),
    "tenancy_warnings.get_warning": Read(
        lambda a, w: tenancy_warnings.get_warning(a, _first(TenancyWarning))
    ),
    "her_timeline.timeline": Read(lambda a, w: her_timeline.timeline(a, w.person), viewer=False),
    "attachments.attachments_for": Read(
        lambda a, w: attachments.attachments_for(a, "person", w.person.id)
    ),
    "attachments.hers": Read(lambda a, w: list(attachments.hers(a, w.person.id)), viewer=False),
    "housing_benefit.decisions": Read(lambda a, w: housing_benefit.decisions(a, w.licence)),
    "housing_benefit.evidence": Read(lambda a, w: housing_benefit.evidence(a, w.licence)),
    "housing_benefit.absences": Read(lambda a, w: housing_benefit.absences(a, w.licence)),
    "housing_benefit.shortfall": Read(lambda a, w: housing_benefit.shortfall(a, w.licence)),
    "accounts.payment": Read(lambda a, w: accounts.payment(a, _first(Payment))),
    "arrears.statement": Read(lambda a, w: arrears.statement(w.licence, actor=a), keyword=True),
    "arrears.arrears": Read(lambda a, w: arrears.arrears(actor=a), keyword=True),
    "arrears.repayment_plan": Read(lambda a, w: arrears.repayment_plan(a, w.licence)),
    "access_requests.requests": Read(lambda a, w: access_requests.requests(actor=a), keyword=True),
    "access_requests.get_request": Read(
        lambda a, w: access_requests.get_request(a, _first(SubjectAccessRequest))
    ),
    "waiting_list.waiting_list": Read(lambda a, w: waiting_list.waiting_list(a)),
    "waiting_list.position_of": Read(lambda a, w: waiting_list.position_of(a, w.waiting.id)),
    "reminders.due": Read(lambda a, w: reminders.due(actor=a), keyword=True),
    "availability.availability": Read(
        lambda a, w: availability.availability(actor=a), keyword=True
    ),
    "availability.timeline": Read(
        lambda a, w: availability.timeline(
            date(2017, 1, 1), clock.today() + timedelta(days=90), actor=a
        ),
        keyword=True,
    ),
    "availability.coming_free": Read(
        lambda a, w: availability.coming_free(within_days=36500, actor=a), keyword=True
    ),
    "retention.due": Read(lambda a, w: retention.due(a), viewer=False),
    "retention.named": Read(
        lambda a, w: retention.named(a, [(w.person.id, date(2018, 5, 7))]), viewer=False
    ),
    "retention.report": Read(lambda a, w: retention.report(a), viewer=False),
    "subject_access.gather": Read(lambda a, w: subject_access.gather(a, w.person), viewer=False),
    "audit.search": Read(lambda a, w: audit.search(a, person_id=w.person.id), viewer=False),
    "audit_log.lines": Read(lambda a, w: audit_log.lines(a, person_id=w.person.id), viewer=False),
}

# Reads for other services only (building blocks of a read above, or of a write): what they
# return is as stored; no window calls them.
SERVICE_ONLY = {
    "access_other.other_sections": "part of subject_access.export",
    "access_sections.profile": "part of subject_access.export",
    "access_sections.offer_sections": "part of subject_access.export",
    "access_sections.licence_sections": "part of subject_access.export",
    "access_sections.plan_sections": "part of subject_access.export",
    "access_sections.request_sections": "part of subject_access.export",
    "tenancy_records.subject_access_sections": "part of subject_access.export",
    "her_records.rows_of": "anonymising and the export read her rows as stored",
    "her_records.clear": "anonymising",
    "attachments.forget": "anonymising",
    "attachments.expiring": "part of reminders.due",
    "access_requests.reminders": "part of reminders.due",
    "money_reminders.money_reminders": "part of reminders.due",
    "tenancy_reminders.due": "part of reminders.due",
    "upkeep_reminders.upkeep_reminders": "part of reminders.due",
    "licences.stored_licence": "printing and the account's paperwork",
    "signup.stored_checklist": "activating a licence, printing the sign-up pack",
    "signup.stored_keys": "the move-out, printing the sign-up pack",
    "arrears.plan_in_force": "the arrears letter",
    "referrals.current_open": "the rule of one open referral, recording an assessment",
    "referrals.mark_assessing": "recording an assessment (a write)",
    "retention.is_due": "the rule that anonymising waits until it is due",
    "occupancy.lock_licence": "the row lock of a write",
    "occupancy.clashing_licence": "the rule that two licences of a flat never overlap",
    "occupancy.check_dates_free": "the rule that two licences of a flat never overlap",
    "occupancy_rules.refusals": "the database's own refusals, in words",
    "occupancy_rules.licensed_offers": "the rule that an offer is not let twice",
    "occupancy_rules.offers_holding": "the rule that an offer holds the flat",
    "assessments.latest_outcome": "the readiness rule (outcome and date only)",
    "assessments.latest_outcomes": "the candidates' readiness (outcome and date only)",
    "bulk.check_intervals": "the demo and import loaders",
    "audit_log.record_names": "part of audit_log.lines",
}

# Public functions that take no acting user and return nothing of hers (or only what the caller
# already holds), by module: a whole module, or the functions named.
NOT_HERS: dict[str, object] = {
    "backup_file": "the backup file's own checks",
    "charging": "arithmetic of charges",
    "compliance": "flats' certificates",
    "demo": "builds the demo database",
    "demo_large": "builds the large demo database",
    "demo_large_life": "builds the large demo database",
    "demo_people": "builds demo records",
    "demo_tenancies": "builds demo records",
    "import_fields": "spreadsheet headings and values",
    "intervals": "date arithmetic",
    "listing": "ordering helpers",
    "names": "words her name from values the caller holds",
    "settings": "the team's settings",
    "payer_settings": "the team's settings",
    "setting_store": "the team's settings",
    "setup_guide": "the first set-up: the organisation, the first partner and flat",
    "agreement_wording": "the agreement's words, from a licence the caller holds",
    "account_wording": "her account papers' words, from a licence the caller holds",
    "spreadsheets": "reads and writes spreadsheet files",
    "table_checks": "counts and checksums of tables",
    "tenure": "the rules of each agreement type",
    "transfer": "backup and restore",
    "backup_writing": "backup files",
    "validation": "checks of input",
    "repairs": "flats' repairs",
    "money_reports": "figures with no names",
    "reports": "figures with no names",
    "access_requests": {"due_date"},
    # words and comparisons of assessments the caller has already read
    "assessment_changes": {"area_label", "score_words", "area_keys", "compare"},
    "accounts": {"rates", "awards", "expected", "settle", "weekly_charge", "mark_posted"},
    "accounts.balances": "sums per licence id",
    "debt_age": "dates and sums per licence id, for the arrears list",
    "rent_funding": "whether a licence's rent is funded, and sums per period, for posting",
    "arrears": {"pounds", "owed_words"},
    "assessments": {"add_months", "marker_keys"},
    "attachments": {"filed_for", "read_file"},  # ids with a file; a file on her PC to attach
    # audit rows hold no personal values; a mark is ids only
    "audit": {"safe_changes", "diff", "events", "change_mark", "changed_since"},
    # an audit row in words, and the labels of its codes: no personal values
    "audit_words": {"describe", "in_words", "record_kinds"},
    "audit_codes": "the labels of the codes audit rows hold",
    "availability": {"describe"},
    "certificates": {"lock_flat", "certificates"},
    "flat_intervals": {"initials"},  # a name's initials, from the name the caller holds
    "flats": {"lock_flat", "get_flat", "list_flats"},
    "flat_unavailability": {"unavailabilities"},
    "her_records": {"tables", "text_columns", "free_text"},  # the schema
    "housing_benefit": {"absence_limit_weeks", "absence_limit"},
    "importing": {"template"},
    "licences": {"check_compliance"},
    "lifecycle": {"licence_allows"},
    "paperwork": {
        "address_banner",
        "housing_benefit_status",
        "licence_reference",
        "compliance_label",
        "documents_for",  # kind, date and who printed: nothing of what was printed
    },
    "partners": {"list_partners", "get_partner"},
    "people": {"age_on", "keyworkers"},
    "privacy": {"privacy_settings", "article_15"},
    "records": {"last_change", "lock_row"},
    "referrals": {"reason_text"},
    "support_plan_care": {"agencies"},  # reads the plan it is given, already as seen
    "support_plans": {"review_overdue"},
    "signup": {"no_recourse", "checklist_labels"},  # the checklist's words for a licence held
    "tenancy_reports": {"quarter_of"},
    "tenancy_warnings": {"final_warning_in_force"},
    "users": {
        "use_password_hashing",
        "any_users",
        "check_password",
        "authenticate",
        "list_users",
        "unlock",
    },
}


def not_hers(module: str, name: str) -> bool:
    entry = NOT_HERS.get(module)
    if isinstance(entry, str):
        return True
    return name in (entry or ()) or f"{module}.{name}" in NOT_HERS
