"""Her timeline: one chronological view of everything that has happened with her, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from housing_desk.data.models import (
    Assessment,
    Document,
    Flat,
    Incident,
    KeyworkSession,
    Licence,
    Offer,
    Referral,
    SupportPlan,
    TenancyWarning,
)
from housing_desk.data.rows import objects
from housing_desk.services import (
    allocations,
    assessments,
    incidents,
    keywork,
    licences,
    permissions,
    referrals,
    tenancy_warnings as warnings_service,
)
from housing_desk.services.validation import uk_date

KINDS = {
    "referral": "Referrals",
    "assessment": "Assessments",
    "offer": "Offers",
    "licence": "Licences",
    "plan": "Support plans",
    "keywork": "Keywork",
    "incident": "Incidents",
    "warning": "Warnings",
    "notice": "Notices",
    "document": "Documents",
}

if TYPE_CHECKING:
    from collections.abc import Iterable

    from housing_desk.data.models import Person, User


@dataclass(frozen=True)
class Entry:
    on: date
    kind: str  # a key of KINDS
    title: str
    detail: str = ""

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]


def timeline(actor: User, person: Person | int, kinds: Iterable[str] | None = None) -> list[Entry]:
    """Everything in her record as dated entries, newest first; ``kinds`` keeps only some."""
    permissions.require(actor, "view_sensitive")
    person_id = person if isinstance(person, int) else person.id
    entries: list[Entry] = []
    for build in (_referrals, _assessments, _offers, _licences, _plans, _tenancy, _documents):
        entries.extend(build(person_id))
    if kinds is not None:
        entries = [e for e in entries if e.kind in set(kinds)]
    order = list(KINDS)
    return sorted(entries, key=lambda e: (e.on, -order.index(e.kind)), reverse=True)


def _referrals(person_id: int) -> list[Entry]:
    found = []
    for r in Referral.select().where(Referral.person == person_id):
        found.append(
            Entry(r.received_on, "referral", f"Referral received ({referrals.SOURCES[r.source]})")
        )
        if r.decided_on:
            found.append(
                Entry(
                    r.decided_on,
                    "referral",
                    f"Referral {referrals.STATUS_LABELS.get(r.status, r.status).lower()}",
                    referrals.reason_label(r) if r.decision_reason else "",
                )
            )
    return found


def _assessments(person_id: int) -> list[Entry]:
    return [
        Entry(a.assessed_on, "assessment", f"Assessment: {assessments.OUTCOMES[a.outcome]}")
        for a in Assessment.select().where(Assessment.person == person_id)
    ]


def _offers(person_id: int) -> list[Entry]:
    found = []
    query = objects(
        Offer.select(Offer, Flat.reference)
        .join(Referral)
        .switch(Offer)
        .join(Flat)
        .where(Referral.person == person_id)
    )
    for o in query:
        found.append(Entry(o.offered_on, "offer", f"Offered flat {o.reference}"))
        if o.responded_on:
            status = allocations.OFFER_STATUSES[o.status]
            found.append(Entry(o.responded_on, "offer", f"Offer of {o.reference}: {status}"))
    return found


def _licences(person_id: int) -> list[Entry]:
    from housing_desk.services import endings

    found = []
    query = Licence.select(Licence, Flat.reference).join(Flat).where(Licence.person == person_id)
    for lic in objects(query):
        kind = licences.AGREEMENT_TYPES[lic.agreement_type]
        found.append(Entry(lic.start_date, "licence", f"Moved in to {lic.reference} ({kind})"))
        if lic.notice_served_on:
            by = endings.NOTICE_BY.get(lic.notice_by, "Notice given")
            found.append(
                Entry(
                    lic.notice_served_on,
                    "notice",
                    by,
                    f"Ends {uk_date(lic.end_date)}" if lic.end_date else "",
                )
            )
        if lic.status == "ended" and lic.end_date:
            reason = endings.END_REASONS.get(lic.end_reason, "")
            found.append(Entry(lic.end_date, "licence", f"Moved out of {lic.reference}", reason))
    return found


def _plans(person_id: int) -> list[Entry]:
    found = []
    for plan in SupportPlan.select().where(SupportPlan.person == person_id):
        found.append(Entry(plan.start_date, "plan", "Support plan started"))
        if plan.agreed_on:
            found.append(Entry(plan.agreed_on, "plan", "Support plan agreed"))
    return found


def _tenancy(person_id: int) -> list[Entry]:
    found = [
        Entry(
            s.held_on,
            "keywork",
            f"Keywork: {keywork.KINDS[s.kind]}",
            s.summary.splitlines()[0] if s.summary else "",
        )
        for s in KeyworkSession.select().where(KeyworkSession.person == person_id)
    ]
    found += [
        Entry(
            i.occurred_on,
            "incident",
            f"Incident: {incidents.KINDS[i.kind]} ({incidents.SEVERITIES[i.severity].lower()})",
            "Reviewed" if i.reviewed_on else "",
        )
        for i in Incident.select().where(Incident.person == person_id)
    ]
    found += [
        Entry(
            w.issued_on,
            "warning",
            warnings_service.STAGES[w.stage],
            f"Lapses {uk_date(w.lapses_on)}",
        )
        for w in TenancyWarning.select().where(TenancyWarning.person == person_id)
    ]
    return found


def _documents(person_id: int) -> list[Entry]:
    from housing_desk.services import paperwork

    licence_ids = Licence.select(Licence.id).where(Licence.person == person_id)
    plan_ids = SupportPlan.select(SupportPlan.id).where(SupportPlan.person == person_id)
    query = Document.select().where(
        ((Document.entity == "licence") & Document.entity_id.in_(licence_ids))
        | ((Document.entity == "support_plan") & Document.entity_id.in_(plan_ids))
        | ((Document.entity == "person") & (Document.entity_id == person_id))
    )
    return [
        Entry(
            d.generated_at.astimezone().date(),
            "document",
            f"Printed: {paperwork.KINDS.get(d.kind, d.kind)}",
        )
        for d in query
    ]
