"""Reminders about her account and her claim: evidence the council is waiting for, an absence
nearing the end of Housing Benefit's cover, and arrears older than four weeks."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from housing_desk.data.models import Absence, HousingBenefitEvidence, Licence, Person
from housing_desk.data.rows import plain_rows, to_date
from housing_desk.services import arrears, housing_benefit
from housing_desk.services.validation import uk_date

if TYPE_CHECKING:
    from collections.abc import Callable

EVIDENCE_DAYS = 14  # evidence not sent a fortnight after it was asked for (or chased) is chased
ABSENCE_WARNING_DAYS = 28  # four weeks before Housing Benefit's cover of an absence runs out

_WHO = (Person.given_name, Person.family_name, Person.preferred_name, Person.do_not_disclose)


def money_reminders(on: date, name: Callable[..., str]) -> list:
    """``name(given, family, preferred, hidden)`` words her name as the board may show it."""
    from housing_desk.services.reminders import Reminder

    found = []
    for licence_id, requested_on, chased_on, *who in plain_rows(
        HousingBenefitEvidence.select(
            HousingBenefitEvidence.licence,
            HousingBenefitEvidence.requested_on,
            HousingBenefitEvidence.chased_on,
            *_WHO,
        )
        .join(Licence)
        .join(Person)
        .where(HousingBenefitEvidence.sent_on.is_null() & (Licence.status != "ended"))
    ):
        due = (to_date(chased_on) or to_date(requested_on)) + timedelta(days=EVIDENCE_DAYS)
        if due <= on:
            found.append(
                Reminder(
                    "hb_evidence",
                    f"Evidence for {name(*who)}'s Housing Benefit claim, asked for "
                    f"{uk_date(to_date(requested_on))}, is not sent yet: chase it",
                    due,
                    due < on,
                    "licence",
                    licence_id,
                )
            )
    for licence_id, start, reason, *who in plain_rows(
        Absence.select(Absence.licence, Absence.start, Absence.reason, *_WHO)
        .join(Licence)
        .join(Person)
        .where(
            Absence.end.is_null()
            & (Licence.status != "ended")
            # No recourse to public funds: no Housing Benefit whose cover could run out.
            & ~Person.no_recourse_to_public_funds
        )
    ):
        weeks = housing_benefit.absence_limit_weeks(reason)
        limit = to_date(start) + timedelta(weeks=weeks)
        if limit - timedelta(days=ABSENCE_WARNING_DAYS) <= on:
            found.append(
                Reminder(
                    "absence",
                    f"{name(*who)} has been away since {uk_date(to_date(start))}: Housing Benefit "
                    f"usually stops after {weeks} weeks away, on {uk_date(limit)}",
                    limit,
                    limit <= on,
                    "licence",
                    licence_id,
                )
            )
    owing = [
        row
        for row in arrears.arrears(on, include_ended=False)
        if row.age != arrears.AGES[0] and row.her_balance > 0
    ]
    hidden = {
        licence_id: who
        for licence_id, *who in plain_rows(
            Licence.select(Licence.id, *_WHO)
            .join(Person)
            .where(Licence.id.in_([row.licence_id for row in owing]))
        )
    }
    for row in owing:
        found.append(
            Reminder(
                "arrears",
                f"{name(*hidden[row.licence_id])} owes £{row.her_balance:,.2f} "
                f"(oldest unpaid charge {row.age} old)",
                None,
                True,
                "licence",
                row.licence_id,
            )
        )
    return found
