"""Checks shared by the services. Each raises ValidationError naming the field."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from housing_desk.services.errors import ValidationError

# Royal Mail formats (A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA) and GIR 0AA.
_POSTCODE = re.compile(
    r"^(GIR ?0AA|[A-PR-UWYZ]([0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRVWXY]?) ?[0-9][ABD-HJLNP-UW-Z]{2})$"
)
_TWO_PLACES = Decimal("0.01")


def text(value, field: str, *, label: str, required: bool = False, max_length: int = 200) -> str:
    """Text with surrounding spaces removed; refused when required and blank, or too long."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"{label} must be text.", field)
    value = value.strip()
    if required and not value:
        raise ValidationError(f"{label} is required.", field)
    if len(value) > max_length:
        raise ValidationError(f"{label} can be at most {max_length} characters.", field)
    return value


def postcode(value, field: str = "postcode") -> str:
    """A UK postcode, upper case with one space before the inward code."""
    raw = text(value, field, label="Postcode", required=True, max_length=10)
    compact = re.sub(r"\s+", "", raw).upper()
    if not _POSTCODE.match(compact):
        raise ValidationError(f"'{raw}' is not a UK postcode (for example NN1 2AB).", field)
    return f"{compact[:-3]} {compact[-3:]}"


def money(value, field: str, *, label: str) -> Decimal:
    """Pounds as an exact Decimal: not negative, at most two decimal places."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(f"{label} is required (enter 0 if there is none).", field)
    if isinstance(value, bool):
        raise ValidationError(f"{label} must be an amount in pounds.", field)
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, str):
        value = value.strip().replace(",", "").removeprefix("£").strip()
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError(
            f"{label} must be an amount in pounds, such as 95.50.", field
        ) from None
    if not amount.is_finite():
        raise ValidationError(f"{label} must be an amount in pounds, such as 95.50.", field)
    if amount < 0:
        raise ValidationError(f"{label} cannot be negative.", field)
    if amount != amount.quantize(_TWO_PLACES):
        raise ValidationError(
            f"{label} can have at most two decimal places (pounds and pence).", field
        )
    if amount >= Decimal("1000000"):
        raise ValidationError(f"{label} is too large for a weekly charge.", field)
    return amount.quantize(_TWO_PLACES)


def whole_number(value, field: str, *, label: str, minimum: int, maximum: int) -> int:
    if isinstance(value, bool):
        raise ValidationError(f"{label} must be a whole number.", field)
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{label} must be a whole number.", field) from None
    if isinstance(value, float) and value != number:
        raise ValidationError(f"{label} must be a whole number.", field)
    if not minimum <= number <= maximum:
        raise ValidationError(f"{label} must be between {minimum} and {maximum}.", field)
    return number


def a_date(value, field: str, *, label: str, required: bool = True) -> date | None:
    if value is None:
        if required:
            raise ValidationError(f"{label} is required.", field)
        return None
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(f"{label} must be a date.", field) from None
    if not isinstance(value, date):
        raise ValidationError(f"{label} must be a date.", field)
    return value


def choice(value, field: str, *, label: str, choices) -> str:
    if value not in choices:
        allowed = ", ".join(str(c) for c in choices)
        raise ValidationError(f"{label} must be one of: {allowed}.", field)
    return value


def flag(value, field: str, *, label: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(f"{label} must be yes or no.", field)
    return value


def uk_date(value: date | None) -> str:
    """dd/mm/yyyy, the way the team writes dates.

    Formatted by hand: ``strftime`` imports a module on every call, and under PySide6 each import
    passes through its import hook (tens of microseconds): the board formats hundreds of dates.
    """
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}" if value else ""
