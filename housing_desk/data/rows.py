"""Reading long lists quickly: a query's values as the database driver returns them.

Peewee builds a model object, or converts every value through its field, for each row it reads;
on a list of twenty thousand women that alone takes most of a second. Lists read their columns
here instead and convert only what needs it: SQLite returns dates as ISO text and booleans as
0 or 1, PostgreSQL returns ``date`` and ``bool``.
"""

from __future__ import annotations

from datetime import date


def plain_rows(query) -> list[tuple]:
    """Every row of ``query`` as a tuple of the driver's own values, in one fetch. A model's query
    runs on its model's database; any other on the database it was bound to."""
    db = query.model._meta.database if hasattr(query, "model") else query._database
    return db.execute(query).fetchall()


def to_date(value) -> date | None:
    """A date column's value from either driver (None stays None)."""
    return date.fromisoformat(value) if isinstance(value, str) else value
