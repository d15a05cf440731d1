"""Half-open date intervals [start, end), counted in nights; ``end`` None while open."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from peewee import Field, SelectQuery

_Query = TypeVar("_Query", bound="SelectQuery")  # a query narrowed, keeping its kind


def overlaps(start: date, end: date | None, other_start: date, other_end: date | None) -> bool:
    """[start, end) and [other_start, other_end) share at least one night."""
    return (end is None or other_start < end) and (other_end is None or start < other_end)


def overlapping(
    query: _Query, start_field: Field, end_field: Field, start: date, end: date | None
) -> _Query:
    """Narrow a peewee query to rows whose [start_field, end_field) overlaps [start, end)."""
    if end is not None:
        query = query.where(start_field < end)
    return query.where(end_field.is_null() | (end_field > start))


def nights(start: date, end: date) -> int:
    return (end - start).days
