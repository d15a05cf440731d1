"""The age of the debt on her account: how long ago the oldest charge not yet paid fell due."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from peewee import fn

from housing_desk.data.fields import from_pence
from housing_desk.data.models import Charge, Payment
from housing_desk.data.rows import plain_rows, to_date
from housing_desk.services import charging, rent_funding

ZERO = charging.ZERO
AGES = ("0–4 weeks", "4–8 weeks", "8+ weeks")


def age(charges: list[tuple[date, Decimal]], paid: Decimal, on: date) -> str:
    """The age of her oldest unpaid charge: payments clear the oldest charges first."""
    # Payments clear the oldest charges first: the first charge not cleared is the oldest debt.
    cumulative = ZERO
    for due_on, total in charges:
        cumulative += total
        if cumulative > paid:
            weeks = (on - due_on).days // 7
            return AGES[0] if weeks < 4 else AGES[1] if weeks < 8 else AGES[2]
    return AGES[0]


def charges_of(ids: list[int], on: date) -> dict[int, list[tuple[date, Decimal]]]:
    # Every charge of these licences up to ``on``, oldest first, in one read; a period's rent met
    # from our funding is taken off it (it was credited the day it fell due).
    net: dict[int, dict[date, Decimal]] = {licence_id: {} for licence_id in ids}
    total = (
        Charge.weekly_rent
        + Charge.eligible_service_charge
        + Charge.ineligible_service_charge
        + Charge.support_charge
    )
    query = (
        Charge.select(Charge.licence, Charge.due_on, total)
        .where(Charge.licence.in_(ids) & (Charge.due_on <= on))
        .order_by(Charge.licence, Charge.due_on, Charge.sequence)
    )
    credits = Payment.select(Payment.licence, Payment.period_start, -Payment.amount).where(
        Payment.licence.in_(ids)
        & (Payment.source == rent_funding.FUNDING)
        & (Payment.received_on <= on)
    )
    for licence_id, due_on, pence in [*plain_rows(query), *plain_rows(credits)]:
        periods = net[licence_id]
        periods[to_date(due_on)] = periods.get(to_date(due_on), ZERO) + from_pence(pence)
    return {licence_id: sorted(periods.items()) for licence_id, periods in net.items()}


def funded(ids: list[int], on: date) -> dict[int, Decimal]:
    # Per licence: the rent met from our funding up to ``on``.
    query = (
        Payment.select(Payment.licence, fn.SUM(Payment.amount))
        .where(
            Payment.licence.in_(ids)
            & (Payment.source == rent_funding.FUNDING)
            & (Payment.received_on <= on)
        )
        .group_by(Payment.licence)
    )
    return {licence_id: from_pence(pence) for licence_id, pence in plain_rows(query)}
