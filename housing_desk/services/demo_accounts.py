"""Rent accounts for the large demo: every licence's charges as they fell due, the council's
decision on her claim, Housing Benefit paid four-weekly in arrears, and her own payments, with
some women falling behind as women do."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from housing_desk.data.models import Charge, HousingBenefitDecision, Payment
from housing_desk.services import bulk, charging

if TYPE_CHECKING:
    from datetime import datetime


def add_account(
    batch: bulk.Batch, rng: random.Random, licence: dict, *, today: date, actor: int, now: datetime
) -> None:
    """Rows of one licence's account, posted up to ``today``: the same arithmetic as posting."""
    start, end = licence["start_date"], licence.get("end_date")
    weekly = {kind: Decimal(licence[kind]) for kind in charging.KINDS}
    rates = [charging.Rates(start, *weekly.values())]
    award = weekly["weekly_rent"] + weekly["eligible_service_charge"]
    decided = start + timedelta(days=rng.randint(14, 42))
    awards = [charging.Award(start, award)] if decided <= today else []
    if awards:
        batch.add(
            HousingBenefitDecision,
            licence=licence["id"],
            decision="confirmed",
            decided_on=decided,
            award_from=start,
            weekly_award=award,
            created_by=actor,
            created_at=now,
        )
    due = charging.schedule(start, end, today, rates, awards, support_paid_by_her=False)
    for period in due:
        batch.add(
            Charge,
            licence=licence["id"],
            due_on=period.due_on,
            period_end=period.period_end,
            sequence=0,
            posted_at=now,
            **period.values(),
        )
    # Housing Benefit arrives four-weekly, four weeks after the weeks it pays for.
    for first in range(0, len(due), 4):
        block = due[first : first + 4]
        paid_on = max(block[-1].period_end + timedelta(days=7), decided)
        amount = sum((p.housing_benefit for p in block), charging.ZERO)
        if amount and paid_on <= today:
            batch.add(
                Payment,
                licence=licence["id"],
                received_on=paid_on,
                amount=amount,
                source="housing_benefit",
                reference="HB payment run",
                created_by=actor,
                created_at=now,
            )
    # Her own share, every four weeks in advance; about one woman in six falls behind and stops.
    stops = len(due) if rng.random() > 0.16 else rng.randint(0, len(due))
    for first in range(0, min(stops, len(due)), 4):
        block = due[first : first + 4]
        amount = sum((p.total - p.housing_benefit for p in block), charging.ZERO)
        paid_on = block[0].due_on + timedelta(days=rng.randint(0, 4))
        if amount > 0 and paid_on <= today:
            batch.add(
                Payment,
                licence=licence["id"],
                received_on=paid_on,
                amount=amount,
                source="resident",
                created_by=actor,
                created_at=now,
            )
