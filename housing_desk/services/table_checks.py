"""Rows and checksums of every table, the same whatever the engine, and progress with a way to stop.

A backup's manifest, a restore and a copy all compare these: the same number of rows and the
same SHA-256 of each table's contents, read in id order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from housing_desk.data.models import MODELS
from housing_desk.services.errors import Cancelled

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from peewee import Database

    from housing_desk.data.models import BaseModel

CHUNK = 1000


@dataclass(frozen=True)
class TableCheck:
    table: str
    rows: int
    checksum: str


class Work:
    """Progress of long work as (done, total), and the caller's ``cancelled()`` asked at each step.

    Callable from a worker thread: it only calls what it was given."""

    def __init__(
        self,
        progress: Callable[[int, int], object] | None = None,
        cancelled: Callable[[], bool] | None = None,
        total: int = 0,
        message: str = "Stopped: nothing was changed.",
    ) -> None:
        self.progress, self.cancelled = progress, cancelled
        self.total, self.done, self.message = max(total, 1), 0, message

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled(self.message)

    def step(self, rows: int) -> None:
        self.done += rows
        self.check()
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def rows(db: Database, model: type[BaseModel]) -> Iterator[tuple[Any, ...]]:
    """Every row of a table of ``db`` (whatever database the models are bound to), in id order."""
    query = model.select(*model._meta.sorted_fields).order_by(model._meta.primary_key).tuples()
    yield from query.bind(db).iterator()


def counts(db: Database) -> int:
    """How many rows there are in all, to size the progress bar."""
    return sum(model.select().bind(db).count() for model in MODELS)


def checks(db: Database, work: Work | None = None) -> list[TableCheck]:
    """Rows and a SHA-256 of the contents of every table, in a form that does not depend on the engine."""
    found = []
    for model in MODELS:
        digest = hashlib.sha256()
        count = 0
        for row in rows(db, model):
            digest.update(repr(row).encode("utf-8"))
            count += 1
            if work is not None and count % CHUNK == 0:
                work.step(CHUNK)
        if work is not None:
            work.step(count % CHUNK)
        found.append(TableCheck(model._meta.table_name, count, digest.hexdigest()))
    return found


def is_empty(db: Database) -> bool:
    return not any(model.select().exists(db) for model in MODELS)
