"""Flats: the register, their safety certificates and the dates they are out of use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from housing_desk.data.models import User
    from housing_desk.services.validation import MoneyGiven

import re

from peewee import IntegrityError

from housing_desk.data.database import write_transaction
from housing_desk.data.models import Flat, Partner
from housing_desk.data.rows import first
from housing_desk.services import audit, permissions, tenure, validation
from housing_desk.services.availability import (
    FlatStatus as FlatStatus,
    availability as availability,
    timeline as timeline,
)
from housing_desk.services.certificates import (
    COPY_KINDS as COPY_KINDS,
    certificates as certificates,
    copy_given as copy_given,
    record_certificate as record_certificate,
)
from housing_desk.services.errors import NotFound, ValidationError
from housing_desk.services.flat_unavailability import (
    UNAVAILABILITY_REASONS as UNAVAILABILITY_REASONS,
    end_unavailability as end_unavailability,
    mark_unavailable as mark_unavailable,
    unavailabilities as unavailabilities,
)
from housing_desk.services.partners import (
    PARTNER_KINDS as PARTNER_KINDS,
    create_partner as create_partner,
    get_partner as get_partner,
    list_partners as list_partners,
    update_partner as update_partner,
)
from housing_desk.services.records import lock_row, versioned_update

CHARGES = {
    "weekly_rent": "Weekly rent",
    "eligible_service_charge": "Eligible service charge",
    "ineligible_service_charge": "Ineligible service charge",
    "support_charge": "Support charge",
}
_REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9 /-]*$")
_TEXT_FIELDS = {
    "address_line1": ("Address line 1", True, None),
    "address_line2": ("Address line 2", False, None),
    "town": ("Town", True, None),
    "notes": ("Notes", False, 4000),
}
# A flat's reference and address are the partner's property, not anyone's personal details.
AUDIT_KEEPS = ("reference", "address_line1", "address_line2", "town", "postcode")
_FLAGS = {
    "step_free": "Step-free access",
    "has_gas": "Gas supply",
    "furnished": "Furnished",
    "retired": "Retired",
    "self_contained": "Self-contained",
}
EDITABLE = (
    "reference",
    "partner",
    "bedrooms",
    "floor",
    "postcode",
    "head_lease_end",
    "excluded_category",
    *_TEXT_FIELDS,
    *_FLAGS,
    *CHARGES,
)


def _reference(value: object) -> str:
    ref = validation.text(
        value, "reference", label="Reference", required=True, column=Flat.reference
    )
    ref = ref.upper()
    if not _REFERENCE.match(ref):
        raise ValidationError(
            "A reference uses letters, numbers, spaces, '-' and '/' only.", "reference"
        )
    # Upper case can be longer than what was typed ('ﬀ' becomes 'FF').
    return validation.within(
        ref, "reference", label="Reference", max_length=Flat.reference.max_length
    )


def _partner(value: object) -> Partner:
    if value is None:
        raise ValidationError("Choose the partner who lends this flat.", "partner")
    partner_id = validation.record_id(
        value, Partner, "partner", label="the partner who lends this flat"
    )
    partner = Partner.get_or_none(Partner.id == partner_id)
    if partner is None:
        raise ValidationError("Choose the partner who lends this flat.", "partner")
    return partner


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    """Validate the given flat fields; every message names its field."""
    validation.no_unknown(values, EDITABLE, "Flats")
    cleaned: dict[str, Any] = {}
    for key, value in values.items():
        if key == "reference":
            cleaned[key] = _reference(value)
        elif key == "partner":
            cleaned[key] = _partner(value)
        elif key == "postcode":
            cleaned[key] = validation.postcode(value, key)
        elif key == "bedrooms":
            cleaned[key] = validation.whole_number(
                value, key, label="Bedrooms", minimum=0, maximum=10
            )
        elif key == "floor":
            cleaned[key] = validation.whole_number(
                value, key, label="Floor", minimum=-2, maximum=60
            )
        elif key == "head_lease_end":
            cleaned[key] = validation.a_date(value, key, label="Head-lease end", required=False)
        elif key == "excluded_category":
            cleaned[key] = tenure.clean_category(value)
        elif key in CHARGES:
            cleaned[key] = validation.money(value, key, label=CHARGES[key])
        elif key in _FLAGS:
            cleaned[key] = validation.flag(value, key, label=_FLAGS[key])
        else:
            label, required, length = _TEXT_FIELDS[key]
            cleaned[key] = validation.text(
                value,
                key,
                label=label,
                required=required,
                column=getattr(Flat, key),
                max_length=length,
            )
    return cleaned


def _check_category(self_contained: bool, category: str) -> None:
    # The excluded categories of the Protection from Eviction Act 1977 s.3A all share facilities.
    if self_contained and category:
        raise ValidationError(
            "An excluded category applies only to a flat that is not self-contained (she "
            "shares a kitchen or bathroom).",
            "excluded_category",
        )


def _reference_taken(reference: str, exclude_id: int | None = None) -> bool:
    query = Flat.select().where(Flat.reference == reference)
    if exclude_id is not None:
        query = query.where(Flat.id != exclude_id)
    return query.exists()


def _taken(reference: str) -> ValidationError:
    return ValidationError(f"Another flat already has the reference {reference}.", "reference")


def _audit_values(values: dict) -> dict:
    return {k: (v.id if isinstance(v, Partner) else v) for k, v in values.items()}


def create_flat(
    actor: User,
    *,
    reference: str,
    address_line1: str,
    town: str,
    postcode: str,
    partner: Partner | int,
    bedrooms: int = 1,
    floor: int = 0,
    step_free: bool = False,
    has_gas: bool = True,
    weekly_rent: MoneyGiven,
    eligible_service_charge: MoneyGiven = 0,
    ineligible_service_charge: MoneyGiven = 0,
    support_charge: MoneyGiven = 0,
    **details: object,
) -> Flat:
    """Add a flat to the register. References are unique whatever their case."""
    permissions.require(actor, "manage_flats")
    values = _clean(
        {
            "reference": reference,
            "address_line1": address_line1,
            "town": town,
            "postcode": postcode,
            "partner": partner,
            "bedrooms": bedrooms,
            "floor": floor,
            "step_free": step_free,
            "has_gas": has_gas,
            "weekly_rent": weekly_rent,
            "eligible_service_charge": eligible_service_charge,
            "ineligible_service_charge": ineligible_service_charge,
            "support_charge": support_charge,
            **details,
        }
    )
    _check_category(values.get("self_contained", True), values.get("excluded_category", ""))
    with write_transaction():
        if _reference_taken(values["reference"]):
            raise _taken(values["reference"])
        try:
            with write_transaction():
                flat = Flat.create(**values)
        except IntegrityError:
            raise _taken(values["reference"]) from None
        audit.record(actor, "create", "flat", flat.id, _audit_values(values), keep=AUDIT_KEEPS)
    return flat


def update_flat(actor: User, flat: Flat, **changes: object) -> Flat:
    """Change a flat. ``flat.version`` (or ``version=``) must still be current, else ConflictError."""
    permissions.require(actor, "manage_flats")
    flat = validation.record(flat, Flat, "flat")
    expected = validation.version(changes.pop("version", flat.version))
    values = _clean(changes)
    with write_transaction():
        current = lock_flat(flat.id)
        tenure.check_flat_still_fits(
            current,
            values.get("self_contained", current.self_contained),
            values.get("excluded_category", current.excluded_category),
        )
        _check_category(
            values.get("self_contained", current.self_contained),
            values.get("excluded_category", current.excluded_category),
        )
        if "reference" in values and _reference_taken(values["reference"], flat.id):
            raise _taken(values["reference"])
        try:
            with write_transaction():
                versioned_update(
                    actor,
                    Flat,
                    flat.id,
                    expected,
                    values,
                    entity="flat",
                    what=f"flat {current.reference}",
                    audit_values=_audit_values,
                    keep=AUDIT_KEEPS,
                )
        except IntegrityError:
            raise _taken(values["reference"]) from None
    return Flat.get_by_id(flat.id)


def lock_flat(flat_id: int) -> Flat:
    """Read a flat inside a write transaction, locking its row on PostgreSQL."""
    return lock_row(Flat, flat_id, "That flat no longer exists.")


def get_flat(flat_id: int) -> Flat:
    flat = first(Flat.select(Flat, Partner).join(Partner).where(Flat.id == flat_id))
    if flat is None:
        raise NotFound("That flat no longer exists.")
    return flat


def list_flats() -> list[Flat]:
    """Every flat with its partner loaded, in reference order."""
    return list(Flat.select(Flat, Partner).join(Partner).order_by(Flat.reference))
