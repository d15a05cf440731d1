"""Column types that keep money exact and times in UTC on every database engine."""

from datetime import UTC, datetime
from decimal import Decimal

from peewee import BigIntegerField, DateTimeField

_PENCE = Decimal(100)


class MoneyField(BigIntegerField):
    """Pounds as ``Decimal`` in Python, whole pence in the database.

    Integers are exact on SQLite and PostgreSQL alike, and so are their sums.
    Validation (two decimal places, not negative) happens in the services.
    """

    def db_value(self, value: Decimal | int | str | None) -> int | None:
        if value is None:
            return None
        pence = Decimal(value) * _PENCE
        if pence != pence.to_integral_value():
            raise ValueError(f"{value} has more than two decimal places")
        return int(pence)

    def python_value(self, value: int | None) -> Decimal | None:
        if value is None:
            return None
        return from_pence(value)


def from_pence(value: int) -> Decimal:
    """Whole pence, as a money column or a SUM of one holds them, as pounds; None is £0.00."""
    return (Decimal(int(value or 0)) / _PENCE).quantize(Decimal("0.01"))


class UTCDateTimeField(DateTimeField):
    """An aware UTC ``datetime`` in Python, a naive UTC timestamp in the database."""

    def db_value(self, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UTCDateTimeField needs a timezone-aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def python_value(self, value: object) -> object:
        value = super().python_value(value)
        if isinstance(value, datetime):
            return value.replace(tzinfo=UTC)
        return value


def utc_now() -> datetime:
    return datetime.now(UTC)
