"""Her account in her subject access export: statements, the council's decisions, evidence
asked for, absences and repayment plans. (Anonymising clears its free text with every other table
of hers and keeps the amounts.)"""

from __future__ import annotations

from housing_desk.data.models import (
    Licence,
    RepaymentPlan,
    User,
)
from housing_desk.documents.data import RecordSection
from housing_desk.services import arrears, housing_benefit
from housing_desk.services.validation import uk_date


def sections(actor: User, person_id: int) -> list[RecordSection]:
    """Her statements, the council's decisions, evidence, absences and repayment plans."""
    found = []
    for licence in Licence.select().where(Licence.person == person_id).order_by(Licence.start_date):
        account = arrears.statement(licence, actor=actor)
        rows = tuple(
            (
                uk_date(line.on),
                line.description,
                arrears.pounds(line.charge),
                arrears.pounds(line.payment),
                arrears.pounds(line.balance),
            )
            for line in account.lines
        )
        if rows:
            found.append(
                RecordSection(
                    f"Your account for {licence.flat.reference} from {uk_date(licence.start_date)}",
                    ("Date", "What", "Charge", "Paid", "Balance"),
                    rows,
                    (22, 80, 24, 24, 24),
                )
            )
        claim = [
            (
                uk_date(d.decided_on),
                f"Housing Benefit {housing_benefit.DECISIONS[d.decision].lower()} from "
                f"{uk_date(d.award_from)}"
                + (
                    f", {arrears.pounds(d.weekly_award)} a week"
                    if d.weekly_award is not None
                    else ""
                ),
                d.notes,
            )
            for d in housing_benefit.decisions(actor, licence)
        ]
        claim += [
            (
                uk_date(e.requested_on),
                f"Evidence asked for: {e.what}",
                f"sent {uk_date(e.sent_on)}" if e.sent_on else "not sent yet",
            )
            for e in housing_benefit.evidence(actor, licence)
        ]
        claim += [
            (
                uk_date(a.start),
                f"Away: {housing_benefit.ABSENCE_REASONS[a.reason]}",
                f"back {uk_date(a.end)}" if a.end else "",
            )
            for a in housing_benefit.absences(actor, licence)
        ]
        claim += [
            (
                uk_date(p.start_on),
                f"Repayment plan of {arrears.pounds(p.weekly_amount)} a week",
                f"ended {uk_date(p.ended_on)}" if p.ended_on else "",
            )
            for p in RepaymentPlan.select().where(RepaymentPlan.licence == licence.id)
        ]
        if claim:
            found.append(
                RecordSection(
                    f"Your Housing Benefit claim and plans, {licence.flat.reference}",
                    ("Date", "What", "Notes"),
                    tuple(sorted(claim)),
                    (22, 90, 62),
                )
            )
    return found
