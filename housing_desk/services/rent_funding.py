"""The rent of a woman with no recourse to public funds met from our own funding.

She cannot claim Housing Benefit. When the setting ``nrpf_rent_payer`` is 'service', her rent
and eligible service charge are met from our funding: each period posts its charges as always,
with the funded part in the column of the part someone other than her is expected to pay (as
Housing Benefit's part is), and in the same transaction a credit of that part from our funding
(a payment with the source 'funding', dated the period's due day). So her own share, her
arrears, the letters, the reports and a repayment plan count only what is hers to pay.

A period keeps the rule it was first posted under: a change of the setting, or of her flag,
applies to the periods posted after it; a correction of an earlier period (a move-out part-way
through it, a change of charges) follows that period's own rule.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from peewee import fn

from housing_desk.data.fields import from_pence
from housing_desk.data.models import Licence, Payment
from housing_desk.data.rows import plain_rows, to_date
from housing_desk.services import charging, settings
from housing_desk.services.agreement_wording import no_recourse

FUNDING = "funding"
FUNDING_LABEL = "Met from our own funding"
# Payments by someone other than her: Housing Benefit, and our funding of an NRPF woman's rent.
NOT_HERS = ("housing_benefit", FUNDING)


def funded_now(licence: Licence) -> bool:
    """Whether a period of ``licence`` posted now has its rent met from our funding."""
    return settings.nrpf_rent_payer() == "service" and no_recourse(licence)


def funded_part(period: charging.PeriodDue) -> charging.PeriodDue:
    """The period with all of its rent and eligible service charge expected from our funding."""
    return replace(period, housing_benefit=period.weekly_rent + period.eligible_service_charge)


def posted(licence_id: int) -> dict[date, Decimal]:
    """For each period credited from our funding so far: the sum credited."""
    query = (
        Payment.select(Payment.period_start, fn.SUM(Payment.amount))
        .where((Payment.licence == licence_id) & (Payment.source == FUNDING))
        .group_by(Payment.period_start)
    )
    return {to_date(period_start): from_pence(total) for period_start, total in plain_rows(query)}


def credit_row(licence: Licence, due_on: date, amount: Decimal, actor_id: int) -> dict:
    """A credit (or, negative, its correction) of a period's funded part."""
    return {
        "licence": licence.id,
        "received_on": due_on,
        "amount": amount,
        "source": FUNDING,
        "reference": "",
        "period_start": due_on,
        "created_by": actor_id,
    }
