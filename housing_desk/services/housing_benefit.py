"""Her Housing Benefit claim: the council's decisions, the evidence it asks for, her absences.

Housing Benefit usually goes on for up to 13 weeks while she is away from the flat, and for up to
52 weeks while she is in hospital, on remand, or away in fear of violence (Housing Benefit
Regulations 2006, reg. 7(13)-(17)); the team tracks those clocks so the claim is not lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from housing_desk.data.models import User
    from housing_desk.services.validation import DateGiven, MoneyGiven

from dataclasses import dataclass
from datetime import date, timedelta

from housing_desk.data.database import write_transaction
from housing_desk.data.models import (
    Absence,
    HousingBenefitDecision,
    HousingBenefitEvidence,
    Licence,
)
from housing_desk.services import (
    accounts,
    audit,
    charging,
    permissions,
    rent_funding,
    validation,
    viewing,
)
from housing_desk.services.errors import ValidationError
from housing_desk.services.occupancy import lock_licence as _lock
from housing_desk.services.records import lock_row

DECISIONS = {
    "confirmed": "Confirmed",
    "refused": "Refused",
    "suspended": "Suspended",
}
ABSENCE_REASONS = {
    "hospital": "In hospital",
    "remand": "On remand",
    "fear_of_violence": "Away in fear of violence",
    "other": "Away for another reason",
}
_LONG_ABSENCE = ("hospital", "remand", "fear_of_violence")


def absence_limit_weeks(reason: str) -> int:
    """How long Housing Benefit usually continues while she is away, in weeks."""
    return 52 if reason in _LONG_ABSENCE else 13


def record_hb_decision(
    actor: User,
    licence: Licence | int,
    *,
    decision: str,
    decided_on: DateGiven,
    weekly_award: MoneyGiven | None = None,
    award_from: DateGiven = None,
    notes: str = "",
) -> HousingBenefitDecision:
    """The council's decision on her claim. Confirmed needs the weekly award; it may be backdated
    (``award_from``, at the earliest her first night). Her account follows at once: what Housing
    Benefit does not cover is her own share."""
    permissions.require(actor, "allocate")
    validation.record_id(licence, Licence, "licence")
    decision = validation.choice(decision, "decision", label="Decision", choices=tuple(DECISIONS))
    decided_on = validation.a_date(decided_on, "decided_on", label="Date of the decision")
    award_from = validation.a_date(award_from, "award_from", label="From", required=False)
    notes = validation.text(
        notes, "notes", label="Notes", column=HousingBenefitDecision.notes, max_length=2000
    )
    if decision == "confirmed":
        if weekly_award is None or weekly_award == "":
            raise ValidationError("Enter the weekly award the council confirmed.", "weekly_award")
        weekly_award = validation.money(weekly_award, "weekly_award", label="Weekly award")
    elif weekly_award not in (None, ""):
        raise ValidationError("Only a confirmed claim has a weekly award.", "weekly_award")
    else:
        weekly_award = None
    with write_transaction():
        current = _lock(licence)
        award_from = award_from or (current.start_date if decision == "confirmed" else decided_on)
        if award_from < current.start_date:
            raise ValidationError(
                "Housing Benefit cannot start before her first night in the flat.", "award_from"
            )
        if current.end_date is not None and award_from >= current.end_date:
            raise ValidationError("The licence had ended by then.", "award_from")
        row = HousingBenefitDecision.create(
            licence=current.id,
            decision=decision,
            decided_on=decided_on,
            award_from=award_from,
            weekly_award=weekly_award,
            notes=notes,
            created_by=actor.id,
        )
        Licence.update(hb_status=decision, version=Licence.version + 1).where(
            Licence.id == current.id
        ).execute()
        accounts.settle(current, actor=actor)
        audit.record(
            actor,
            "create",
            "hb_decision",
            row.id,
            {
                "licence": current.id,
                "decision": decision,
                "decided_on": decided_on,
                "award_from": award_from,
                "weekly_award": weekly_award,
            },
        )
    return row


def decisions(actor: User, licence: Licence) -> list[HousingBenefitDecision]:
    """The council's decisions on her claim, oldest first; a viewer reads them without notes."""
    viewing.require(actor)
    return viewing.all_as_seen_by(actor, _decisions(licence))


def _decisions(licence: Licence) -> list[HousingBenefitDecision]:
    return list(
        HousingBenefitDecision.select()
        .where(HousingBenefitDecision.licence == licence.id)
        .order_by(HousingBenefitDecision.decided_on, HousingBenefitDecision.id)
    )


@dataclass(frozen=True)
class Shortfall:
    eligible: object  # weekly rent and eligible service charge
    award: object | None
    shortfall: object  # what she pays of the eligible charges each week


def shortfall(actor: User, licence: Licence) -> Shortfall:
    """This week's eligible charges, the award and the part she pays herself (none when they
    are met from our funding, for a woman with no recourse to public funds)."""
    viewing.require(actor)
    in_force = accounts.rates(licence)[-1]
    if rent_funding.funded_now(licence):
        return Shortfall(in_force.eligible, None, charging.ZERO)
    latest = _decisions(licence)
    award = latest[-1].weekly_award if latest and latest[-1].decision == "confirmed" else None
    gap = in_force.eligible - (award or 0)
    return Shortfall(in_force.eligible, award, max(gap, charging.ZERO))


def request_evidence(
    actor: User, licence: Licence | int, *, requested_on: DateGiven, what: str
) -> HousingBenefitEvidence:
    """The council asked for evidence (payslips, ID, a tenancy form …)."""
    permissions.require(actor, "allocate")
    validation.record_id(licence, Licence, "licence")
    requested_on = validation.a_date(requested_on, "requested_on", label="Date asked for")
    what = validation.text(
        what, "what", label="What was asked for", required=True, column=HousingBenefitEvidence.what
    )
    with write_transaction():
        current = _lock(licence)
        row = HousingBenefitEvidence.create(
            licence=current.id, requested_on=requested_on, what=what, created_by=actor.id
        )
        audit.record(
            actor,
            "create",
            "hb_evidence",
            row.id,
            {"licence": current.id, "requested_on": requested_on},
        )
    return row


def update_evidence(
    actor: User,
    evidence: HousingBenefitEvidence | int,
    *,
    chased_on: DateGiven = None,
    sent_on: DateGiven = None,
) -> HousingBenefitEvidence:
    """We chased it, or it went in."""
    permissions.require(actor, "allocate")
    evidence_id = validation.record_id(evidence, HousingBenefitEvidence, "evidence")
    chased_on = validation.a_date(chased_on, "chased_on", label="Chased on", required=False)
    sent_on = validation.a_date(sent_on, "sent_on", label="Sent on", required=False)
    with write_transaction():
        row = lock_row(
            HousingBenefitEvidence, evidence_id, "That request for evidence no longer exists."
        )
        for value, field in ((chased_on, "chased_on"), (sent_on, "sent_on")):
            if value is not None and value < row.requested_on:
                raise ValidationError("That is before the council asked for it.", field)
        changes = {}
        if chased_on is not None:
            changes["chased_on"] = chased_on
        if sent_on is not None:
            changes["sent_on"] = sent_on
        if changes:
            HousingBenefitEvidence.update(**changes).where(
                HousingBenefitEvidence.id == row.id
            ).execute()
            audit.record(actor, "update", "hb_evidence", row.id, changes)
    return HousingBenefitEvidence.get_by_id(row.id)


def record_absence(
    actor: User, licence: Licence | int, *, start: DateGiven, reason: str, end: DateGiven = None
) -> Absence:
    """She told us she will be away from ``start`` (and back on ``end`` when known)."""
    permissions.require(actor, "allocate")
    validation.record_id(licence, Licence, "licence")
    start = validation.a_date(start, "start", label="Away from")
    end = validation.a_date(end, "end", label="Back on", required=False)
    reason = validation.choice(reason, "reason", label="Reason", choices=tuple(ABSENCE_REASONS))
    if end is not None and end <= start:
        raise ValidationError("She is back after she left.", "end")
    with write_transaction():
        current = _lock(licence)
        if start < current.start_date:
            raise ValidationError("That is before her licence started.", "start")
        if Absence.select().where((Absence.licence == current.id) & Absence.end.is_null()).exists():
            raise ValidationError(
                "An absence of hers is still open: record her return first.", None
            )
        row = Absence.create(
            licence=current.id, start=start, end=end, reason=reason, created_by=actor.id
        )
        audit.record(
            actor,
            "create",
            "absence",
            row.id,
            {"licence": current.id, "start": start, "reason": reason},
        )
    return row


def end_absence(actor: User, absence: Absence | int, *, end: DateGiven) -> Absence:
    """She is back."""
    permissions.require(actor, "allocate")
    absence_id = validation.record_id(absence, Absence, "absence")
    end = validation.a_date(end, "end", label="Back on")
    with write_transaction():
        row = lock_row(Absence, absence_id, "That absence no longer exists.")
        if end <= row.start:
            raise ValidationError("She is back after she left.", "end")
        Absence.update(end=end).where(Absence.id == row.id).execute()
        audit.record(actor, "update", "absence", row.id, {"end": end})
    return Absence.get_by_id(row.id)


def absence_limit(absence: Absence) -> date:
    """The day Housing Benefit usually stops if she is still away."""
    return absence.start + timedelta(weeks=absence_limit_weeks(absence.reason))


def absences(actor: User, licence: Licence) -> list[Absence]:
    """Her times away from the flat, as Housing Benefit counts them."""
    viewing.require(actor)
    return list(Absence.select().where(Absence.licence == licence.id).order_by(Absence.start))


def evidence(actor: User, licence: Licence) -> list[HousingBenefitEvidence]:
    """What the council asked for about her claim, and when it was sent."""
    viewing.require(actor)
    return list(
        HousingBenefitEvidence.select()
        .where(HousingBenefitEvidence.licence == licence.id)
        .order_by(HousingBenefitEvidence.requested_on)
    )
