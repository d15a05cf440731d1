"""Cleaning what callers pass in, the one place every service does it.

Each function takes a value as it came (typed into a form, read from a file, passed by a
script), and returns it in the type the database stores, or raises ValidationError naming the
field. Nothing that reaches the database can be refused by it: text fits its column and holds no
NUL byte or lone surrogate, dates are dates within a range that date arithmetic cannot overflow,
money is an exact Decimal of pounds and pence.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias, TypeVar, overload

from peewee import Field

from housing_desk.services.errors import ValidationError

if TYPE_CHECKING:
    from housing_desk.data.models import BaseModel

# Royal Mail formats (A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA) and GIR 0AA.
_POSTCODE = re.compile(
    r"^(GIR ?0AA|[A-PR-UWYZ]([0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRVWXY]?) ?[0-9][ABD-HJLNP-UW-Z]{2})$"
)
_TWO_PLACES = Decimal("0.01")
# Pounds as typed: '1234.56', '1,234.56' (commas only between groups of three), '£95', '.50'.
_AMOUNT = re.compile(r"^(-?)\s*£?\s*(-?)\s*((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]*)(?:\.[0-9]*)?)$")
_WHOLE = re.compile(r"^[+-]?[0-9]{1,18}$")
_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_UK_DATE = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")

# Free text in a column with no length of its own (notes) is still kept to a sane size.
LONG_TEXT = 20_000
DEFAULT_TEXT = 200
# Dates outside these years are typing mistakes; inside them, adding years or months never
# runs past the last date Python can hold.
FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2199, 12, 31)
MAX_CHARGE = Decimal("1000000")
# Record ids fit a 64-bit integer on every engine.
_MAX_ID = 2**63 - 1

# What write services are given, as a window, a file or the command line gives it. Each value is
# checked here and refused by name, so these say what callers pass, not what can be trusted.
DateGiven: TypeAlias = "date | str | None"  # a date, or ISO 8601 text; None when not given
MoneyGiven: TypeAlias = "Decimal | int | str"  # a sum, or pounds as typed ('£1,234.50')

_C = TypeVar("_C")  # one of the choices offered
_M = TypeVar("_M", bound="BaseModel")  # a kind of record


def column_length(column: Field | None, max_length: int | None = None) -> int:
    """The most characters a value may have: the column's own length (a CharField's
    ``max_length``), or ``max_length`` if that is smaller, or given for a column without one."""
    limits = [n for n in (getattr(column, "max_length", None), max_length) if n]
    if limits:
        return min(limits)
    return LONG_TEXT if column is not None else DEFAULT_TEXT


def storable(value: str) -> bool:
    """Whether every engine can store this string: no NUL byte, no lone surrogate."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def text(
    value: object,
    field: str,
    *,
    label: str,
    required: bool = False,
    max_length: int | None = None,
    column: Field | None = None,
    strip: bool = True,
) -> str:
    """Text, surrounding spaces removed (``strip=False`` keeps free text exactly as typed).

    Refused when it is not text, holds characters no database can store, is blank when
    required, or is longer than its column (``column``) or ``max_length``.
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"{label} must be text.", field)
    if not storable(value):
        raise ValidationError(
            f"{label} contains a character that cannot be stored (a control code or a broken "
            "character, often from copying and pasting). Retype it.",
            field,
        )
    if strip:
        value = value.strip()
    if required and not value.strip():
        raise ValidationError(f"{label} is required.", field)
    return within(value, field, label=label, max_length=column_length(column, max_length))


def within(value: str, field: str, *, label: str, max_length: int) -> str:
    """``value`` unchanged if it has at most ``max_length`` characters (checked again after a
    value is normalised: upper case and folded keys can be longer than what was typed)."""
    if len(value) > max_length:
        raise ValidationError(
            f"{label} can be at most {max_length} characters (this has {len(value)}).", field
        )
    return value


def postcode(value: object, field: str = "postcode") -> str:
    """A UK postcode, upper case with one space before the inward code."""
    raw = text(value, field, label="Postcode", required=True, max_length=10)
    compact = re.sub(r"\s+", "", raw).upper()
    if not _POSTCODE.match(compact):
        raise ValidationError(f"'{raw}' is not a UK postcode (for example NN1 2AB).", field)
    return f"{compact[:-3]} {compact[-3:]}"


def money(value: object, field: str, *, label: str, maximum: Decimal = MAX_CHARGE) -> Decimal:
    """Pounds as an exact Decimal: not negative, at most two decimal places, below ``maximum``.

    Text may have a £ sign and commas between thousands ('£1,234.56'); a comma anywhere else
    ('12,34') is refused rather than guessed at.
    """
    wrong = ValidationError(f"{label} must be an amount in pounds, such as 95.50.", field)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(f"{label} is required (enter 0 if there is none).", field)
    if isinstance(value, bool):
        raise wrong
    if isinstance(value, float):
        if not math.isfinite(value):
            raise wrong
        amount = Decimal(repr(value))
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, str):
        amount = _typed_amount(value, field, label, wrong)
    else:
        raise wrong
    if not amount.is_finite():
        raise wrong
    if amount < 0:
        raise ValidationError(f"{label} cannot be negative.", field)
    if amount >= maximum:
        raise ValidationError(f"{label} must be less than £{maximum:,}.", field)
    if amount != amount.quantize(_TWO_PLACES):
        raise ValidationError(
            f"{label} can have at most two decimal places (pounds and pence).", field
        )
    return amount.quantize(_TWO_PLACES) + 0  # + 0 turns -0.00 into 0.00


def _typed_amount(value: str, field: str, label: str, wrong: ValidationError) -> Decimal:
    match = _AMOUNT.match(value.strip())
    if match is None or not any(c.isdigit() for c in match.group(3)):
        if re.fullmatch(r"\s*£?\s*[0-9]+,[0-9]{1,2}\s*", value):
            raise ValidationError(
                f"{label}: write pounds and pence with a point, such as 12.34.", field
            )
        raise wrong
    negative, also_negative, number = match.groups()
    if negative and also_negative:
        raise wrong
    amount = Decimal(number.replace(",", ""))
    return -amount if negative or also_negative else amount


def whole_number(value: object, field: str, *, label: str, minimum: int, maximum: int) -> int:
    """A whole number from ``minimum`` to ``maximum`` (an int, an integral float, or digits)."""
    wrong = ValidationError(f"{label} must be a whole number.", field)
    if isinstance(value, bool):
        raise wrong
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise wrong
        number = int(value)
    elif isinstance(value, Decimal):
        if not value.is_finite() or value != value.to_integral_value():
            raise wrong
        number = int(value)
    elif isinstance(value, str):
        if not _WHOLE.match(value.strip()):
            raise wrong
        number = int(value.strip())
    else:
        raise wrong
    if not minimum <= number <= maximum:
        raise ValidationError(f"{label} must be between {minimum} and {maximum}.", field)
    return number


# Typed by what is asked for: a date is always given back while one is required or a default given.
@overload
def a_date(
    value: object,
    field: str,
    *,
    label: str,
    required: Literal[True] = True,
    default: date | None = None,
) -> date: ...
@overload
def a_date(
    value: object, field: str, *, label: str, required: bool = True, default: date
) -> date: ...
@overload
def a_date(
    value: object, field: str, *, label: str, required: bool = True, default: None = None
) -> date | None: ...
def a_date(
    value: object, field: str, *, label: str, required: bool = True, default: date | None = None
) -> date | None:
    """A calendar date (not a date and time) between 1900 and 2199.

    Text must be as ISO 8601 writes it (2026-11-25), which no one misreads. None gives ``default`` when there is one, else is
    refused when ``required``.
    """
    if value is None:
        value = default
    if value is None:
        if required:
            raise ValidationError(f"{label} is required.", field)
        return None
    wrong = ValidationError(f"{label} must be a date.", field)
    if isinstance(value, str):
        value = _typed_date(value.strip(), wrong)
    if isinstance(value, datetime):
        raise ValidationError(f"{label} must be a date without a time of day.", field)
    if not isinstance(value, date):
        raise wrong
    if not FIRST_DATE <= value <= LAST_DATE:
        raise ValidationError(
            f"{label} must be between {uk_date(FIRST_DATE)} and {uk_date(LAST_DATE)}: "
            "check the year.",
            field,
        )
    return value


def _typed_date(value: str, wrong: ValidationError) -> date:
    iso = _ISO_DATE.match(value)
    if iso is None:
        raise wrong
    try:
        return date(*(int(part) for part in iso.groups()))
    except ValueError:
        raise wrong from None


def from_uk_date(value: object) -> object:
    """A date typed into a table's cell as every page shows dates (dd/mm/yyyy), as the ISO 8601
    text services take ('25/11/2026' gives '2026-11-25'); blank gives None. Anything else is given
    back as it is, for the service's ``a_date`` to accept or refuse by name."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not text:
        return None
    uk = _UK_DATE.match(text)
    if uk is None:
        return text
    day, month, year = uk.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def money_total(values: Iterable[object]) -> Decimal | None:
    """The sum of amounts as typed (a form's total, shown as she types), or None while one of
    them is not a sum of money."""
    total = Decimal(0)
    for value in values:
        try:
            total += money(value, "", label="")
        except ValidationError:
            return None
    return total


def choice(value: object, field: str, *, label: str, choices: Iterable[_C]) -> _C:
    """One of ``choices``, of the same type (True is not the number 1, '1' is not 1)."""
    for allowed in choices:
        if type(value) is type(allowed) and value == allowed:
            return allowed
    names = ", ".join(str(c) for c in choices)
    raise ValidationError(f"{label} must be one of: {names}.", field)


def flag(value: object, field: str, *, label: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(f"{label} must be yes or no.", field)
    return value


def record_id(
    value: object, model: type[BaseModel], field: str, *, label: str | None = None
) -> int:
    """The id of a record passed as itself or as its id; anything else (another kind of
    record, text, a number that cannot be an id) is refused. Whether it still exists is
    for the caller to find out, inside its transaction."""
    if isinstance(value, model) and isinstance(value.id, int):
        return value.id
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= _MAX_ID:
        return value
    raise ValidationError(f"Choose {label or 'the ' + field.replace('_', ' ')}.", field)


def record(value: object, model: type[_M], field: str, *, label: str | None = None) -> _M:
    """A record passed as itself (for services that read it, such as its version)."""
    if isinstance(value, model) and isinstance(value.id, int):
        return value
    raise ValidationError(f"Choose {label or 'the ' + field.replace('_', ' ')}.", field)


def version(value: object, field: str = "version") -> int:
    """The version a record had when it was read, for an optimistic update."""
    return whole_number(value, field, label="Version", minimum=1, maximum=_MAX_ID)


def no_unknown(values: Mapping[str, object], known: Iterable[str], what: str) -> None:
    """Refuse keyword arguments that name no field ('Flats have no field called colour.')."""
    unknown = sorted(str(key) for key in set(values) - set(known))
    if unknown:
        raise ValidationError(f"{what} have no field called {unknown[0]}.", unknown[0])


def file_path(value: object, field: str = "file") -> Path:
    """A file's path, as text or a path, that the file system and SQLite can take."""
    if not isinstance(value, (str, os.PathLike)):
        raise ValidationError("Choose a file.", field)
    name = os.fspath(value)
    if not isinstance(name, str) or not name.strip():
        raise ValidationError("Choose a file.", field)
    if not storable(name):
        raise ValidationError(
            "That file's name has a character that cannot be used: choose or rename the file.",
            field,
        )
    return Path(name)


def passphrase(value: object, field: str = "passphrase") -> str | None:
    """A passphrase (None or empty for none), as typed."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not storable(value):
        raise ValidationError("A passphrase is text typed on the keyboard.", field)
    return value


def uk_date(value: date | None) -> str:
    """dd/mm/yyyy, the way the team writes dates.

    Formatted by hand: ``strftime`` imports a module on every call, and under PySide6 each import
    passes through its import hook (tens of microseconds): the board formats hundreds of dates.
    """
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}" if value else ""
