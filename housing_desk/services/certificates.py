"""Safety certificates of a flat: recorded with their result, and her copy of each check."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import Certificate, Flat, Licence, User
from housing_desk.services import audit, intervals, permissions, validation
from housing_desk.services.compliance import CERTIFICATE_KINDS, add_years
from housing_desk.services.errors import ValidationError
from housing_desk.services.records import lock_row

if TYPE_CHECKING:
    from housing_desk.services.validation import DateGiven


def lock_flat(flat_id: int) -> Flat:
    return lock_row(Flat, flat_id, "That flat no longer exists.")


# A copy of each gas safety check (Gas Safety (Installation and Use) Regulations 1998 reg.36(6))
# and of each EICR (Electrical Safety Standards in the Private Rented Sector (England)
# Regulations 2020 reg.3(3)) goes to the resident within 28 days of the check.
COPY_KINDS = ("gas_safety", "eicr")
COPY_DAYS = 28


def record_certificate(
    actor: User,
    flat: Flat,
    *,
    kind: str,
    issued_on: DateGiven,
    expires_on: DateGiven = None,
    reference: str = "",
    satisfactory: bool = True,
) -> Certificate:
    """Record a safety certificate. Without ``expires_on`` it runs for the kind's usual term.

    An unsatisfactory certificate (a failed gas check, an EICR needing remedial work) covers
    nothing. A gas safety check or EICR done while a woman lives in the flat owes her a copy
    within 28 days: it is listed in the reminders until ``copy_given`` is recorded.
    """
    permissions.require(actor, "manage_flats")
    flat_id = validation.record_id(flat, Flat, "flat")
    kind = validation.choice(kind, "kind", label="Certificate", choices=tuple(CERTIFICATE_KINDS))
    issued_on = validation.a_date(issued_on, "issued_on", label="Issue date")
    if expires_on is None:
        expires_on = add_years(issued_on, CERTIFICATE_KINDS[kind][1])
    expires_on = validation.a_date(expires_on, "expires_on", label="Expiry date")
    if expires_on <= issued_on:
        raise ValidationError("The expiry date must be after the issue date.", "expires_on")
    reference = validation.text(
        reference, "reference", label="Certificate reference", column=Certificate.reference
    )
    satisfactory = validation.flag(satisfactory, "satisfactory", label="Satisfactory")
    with write_transaction():
        lock_flat(flat_id)
        copy_due_on = None
        if kind in COPY_KINDS and _lived_in(flat_id, issued_on):
            copy_due_on = issued_on + timedelta(days=COPY_DAYS)
        cert = Certificate.create(
            flat=flat_id,
            kind=kind,
            issued_on=issued_on,
            expires_on=expires_on,
            reference=reference,
            satisfactory=satisfactory,
            copy_due_on=copy_due_on,
        )
        audit.record(
            actor,
            "create",
            "certificate",
            cert.id,
            {
                "flat": flat_id,
                "kind": kind,
                "issued_on": issued_on,
                "expires_on": expires_on,
                "reference": reference,
                "satisfactory": satisfactory,
                "copy_due_on": copy_due_on,
            },
        )
    return cert


def _lived_in(flat_id: int, on: date) -> bool:

    return intervals.overlapping(
        Licence.select().where(
            (Licence.flat == flat_id) & Licence.status.in_(("active", "notice"))
        ),
        Licence.start_date,
        Licence.end_date,
        on,
        on + timedelta(days=1),
    ).exists()


def copy_given(
    actor: User, certificate: Certificate | int, *, given_on: DateGiven = None
) -> Certificate:
    """She has been given her copy of a gas safety record or EICR: its reminder is done."""
    permissions.require(actor, "allocate")
    cert_id = validation.record_id(certificate, Certificate, "certificate")
    given_on = validation.a_date(given_on, "given_on", label="Date given", default=clock.today())
    with write_transaction():
        current = lock_row(Certificate, cert_id, "That certificate no longer exists.")
        if current.copy_due_on is None or current.copy_given_on is not None:
            raise ValidationError("No copy of this certificate is waiting to be given.", None)
        if given_on < current.issued_on:
            raise ValidationError("A copy cannot be given before the check was done.", "given_on")
        Certificate.update(copy_given_on=given_on).where(Certificate.id == current.id).execute()
        audit.record(actor, "update", "certificate", current.id, {"copy_given_on": given_on})
    return Certificate.get_by_id(current.id)


def certificates(flat: Flat) -> list[Certificate]:
    """A flat's certificates, newest first."""
    return list(
        Certificate.select()
        .where(Certificate.flat == flat.id)
        .order_by(Certificate.issued_on.desc(), Certificate.id.desc())
    )
