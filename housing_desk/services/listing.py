"""Ordering long lists in the database the same way on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import TYPE_CHECKING

from housing_desk.data.database import engine

if TYPE_CHECKING:
    from collections.abc import Iterable

    from peewee import ColumnBase, Ordering


def ascending(columns: Iterable[ColumnBase], descending: bool = False) -> list[Ordering]:
    """Each column in the chosen direction, blanks always last."""
    return [c.desc(nulls="LAST") if descending else c.asc(nulls="LAST") for c in columns]


def by_name(key: ColumnBase, descending: bool = False) -> list[Ordering]:
    """A stored, folded name key in word-by-word order ('smith zoe' before 'smithers ann').

    PostgreSQL's language-aware collations skip spaces ('smithzoe' after 'smithersann'); the
    byte-wise "C" collation compares as SQLite does.
    """
    if engine() == "postgresql":
        key = key.collate('"C"')
    return ascending([key], descending)
