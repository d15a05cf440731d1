"""Reading long lists quickly: a query's values as the database driver returns them.

Peewee builds a model object, or converts every value through its field, for each row it reads;
on a list of twenty thousand women that alone takes most of a second. Lists read their columns
here instead and convert only what needs it: SQLite returns dates as ISO text and booleans as
0 or 1, PostgreSQL returns ``date`` and ``bool``.

``tuples``, ``dicts`` and ``objects`` are peewee's own ``.tuples()``, ``.dicts()`` and
``.objects()`` typed as what they yield: peewee's stubs type all three as the query itself, so
that a row unpacked from ``.tuples()`` would be taken for a model object. They return the very
query peewee returns (nothing is read until it is iterated). ``first`` is ``.first()``, which
the stubs leave untyped.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar, cast, overload

from peewee import BaseQuery, ModelSelect

if TYPE_CHECKING:
    from peewee import Model

_M = TypeVar("_M", bound="Model")  # a query's model


def plain_rows(query: BaseQuery) -> list[tuple[Any, ...]]:
    """Every row of ``query`` as a tuple of the driver's own values, in one fetch. A model's query
    runs on its model's database; any other on the database it was bound to."""
    # The stubs leave out the database a query was bound to (peewee's private ``_database``).
    db = (
        query.model._meta.database if hasattr(query, "model") else query._database  # type: ignore[attr-defined]
    )
    return cast("list[tuple[Any, ...]]", db.execute(query).fetchall())


def tuples(query: BaseQuery) -> Iterable[tuple[Any, ...]]:
    """``query.tuples()``: each row a tuple of the selected columns' values."""
    return cast("Iterable[tuple[Any, ...]]", query.tuples())


def dicts(query: BaseQuery) -> Iterable[dict[str, Any]]:
    """``query.dicts()``: each row a dict of the selected columns' values by name."""
    return cast("Iterable[dict[str, Any]]", query.dicts())


def objects(query: BaseQuery) -> Iterable[Any]:
    """``query.objects()``: each row its model's object carrying every selected column, a joined
    model's columns too (``row.full_name``), which no type can name."""
    return cast("Iterable[Any]", query.objects())


def first(query: ModelSelect[_M]) -> _M | None:
    """``query.first()``: its first row as its model's object, or None (the stubs leave it
    untyped)."""
    return cast("_M | None", query.first())


@overload
def to_date(value: None) -> None: ...
@overload
def to_date(value: str | date) -> date: ...
@overload
def to_date(value: object) -> date | None: ...
def to_date(value: object) -> date | None:
    """A date column's value from either driver (None stays None)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(cast(str, value))
