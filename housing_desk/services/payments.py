"""Money received towards her account: payments, and refunds and corrections as reversing
entries, never edits. (The credits of rent met from our own funding are posted with her
charges; see rent_funding.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from housing_desk.data.database import write_transaction
from housing_desk.data.models import Licence, Payment
from housing_desk.services import audit, permissions, rent_funding, validation, viewing
from housing_desk.services.errors import NotFound, ValidationError
from housing_desk.services.occupancy import lock_licence
from housing_desk.services.records import lock_row

if TYPE_CHECKING:
    from housing_desk.data.models import User
    from housing_desk.services.validation import DateGiven, MoneyGiven

SOURCES = {"housing_benefit": "Housing Benefit", "resident": "Her own payment", "other": "Other"}


def _licence_id(licence: Licence | int) -> int:
    return validation.record_id(licence, Licence, "licence")


def record_payment(
    actor: User,
    licence: Licence | int,
    *,
    received_on: DateGiven,
    amount: MoneyGiven,
    source: str,
    reference: str = "",
    period_start: DateGiven = None,
) -> Payment:
    """Money received towards her account (amount more than 0)."""
    permissions.require(actor, "allocate")
    licence_id = _licence_id(licence)
    received_on = validation.a_date(received_on, "received_on", label="Date received")
    amount = validation.money(amount, "amount", label="Amount")
    if amount <= 0:
        raise ValidationError("The amount must be more than £0.00.", "amount")
    source = validation.choice(source, "source", label="Paid by", choices=tuple(SOURCES))
    reference = validation.text(reference, "reference", label="Reference", column=Payment.reference)
    period_start = validation.a_date(
        period_start, "period_start", label="Period paid for", required=False
    )
    with write_transaction():
        current = lock_licence(licence_id)
        if received_on < current.start_date:
            raise ValidationError(
                "A payment cannot be dated before the licence started.", "received_on"
            )
        payment = Payment.create(
            licence=current.id,
            received_on=received_on,
            amount=amount,
            source=source,
            reference=reference,
            period_start=period_start,
            created_by=actor.id,
        )
        audit.record(
            actor,
            "create",
            "payment",
            payment.id,
            {"licence": current.id, "amount": amount, "source": source, "received_on": received_on},
        )
    return payment


def reverse_payment(
    actor: User, payment: Payment | int, *, reversed_on: DateGiven, reason: str = ""
) -> Payment:
    """A refund or a correction: a payment of the opposite amount, never an edit."""
    permissions.require(actor, "correct_records")
    payment_id = validation.record_id(payment, Payment, "payment")
    reversed_on = validation.a_date(reversed_on, "reversed_on", label="Date of the correction")
    # The reason is kept as the correction's reference.
    reason = validation.text(reason, "reason", label="Reason", column=Payment.reference)
    with write_transaction():
        original = lock_row(Payment, payment_id, "That payment no longer exists.")
        if original.reverses_id is not None or original.amount < 0:
            raise ValidationError("A correction cannot itself be reversed.", "payment")
        if original.source == rent_funding.FUNDING:
            raise ValidationError(
                "Rent met from our own funding follows her charges and cannot be reversed.",
                "payment",
            )
        if Payment.select().where(Payment.reverses == original.id).exists():
            raise ValidationError("That payment has already been reversed.", "payment")
        if reversed_on < original.received_on:
            raise ValidationError(
                "The correction cannot be dated before the payment.", "reversed_on"
            )
        reversal = Payment.create(
            licence=original.licence_id,
            received_on=reversed_on,
            amount=-original.amount,
            source=original.source,
            reference=reason,
            reverses=original.id,
            created_by=actor.id,
        )
        audit.record(
            actor,
            "create",
            "payment",
            reversal.id,
            {"reverses": original.id, "amount": -original.amount},
        )
    return reversal


def payment(actor: User, payment_id: int) -> Payment:
    """One payment into her account."""
    viewing.require(actor)
    found = Payment.get_or_none(Payment.id == payment_id)
    if found is None:
        raise NotFound("That payment no longer exists.")
    return found
