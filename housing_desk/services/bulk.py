"""The bulk path: loading years of records at once (a migration from another system, or the
large demonstration database), checked against the same interval rules as one-by-one entry.

Rows are plain dicts keyed by column. Ids are assigned here, so that records can refer to
each other before they are written; everything is written in one transaction with one
audit event per kind of record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date
    from typing import Any

    from housing_desk.data.models import BaseModel, User

import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from peewee import fn

from housing_desk.data.database import engine, write_transaction
from housing_desk.data.models import (
    Assessment,
    AssessmentScore,
    Certificate,
    Charge,
    Flat,
    Goal,
    HousingBenefitDecision,
    KeyworkSession,
    Licence,
    LicenceKey,
    Offer,
    Partner,
    Payment,
    Person,
    Referral,
    Repair,
    SignupItem,
    SupportPlan,
    SupportReview,
    Unavailability,
)
from housing_desk.data.rows import tuples
from housing_desk.services import audit, intervals, occupancy_rules, permissions
from housing_desk.services.errors import OverlapError, ValidationError

ORDER = (
    Partner,
    Flat,
    Certificate,
    Unavailability,
    Repair,
    Person,
    Referral,
    Assessment,
    AssessmentScore,
    Offer,
    Licence,
    SignupItem,
    LicenceKey,
    SupportPlan,
    Goal,
    SupportReview,
    KeyworkSession,
    HousingBenefitDecision,
    Charge,
    Payment,
)
CHUNK = 500


@dataclass
class Batch:
    """Rows to load, by model. ``new_id(Model)`` hands out the id a new row will have."""

    rows: dict = field(default_factory=lambda: defaultdict(list))
    _next: dict[type[BaseModel], int] = field(default_factory=dict)

    def new_id(self, model: type[BaseModel]) -> int:
        if model not in self._next:
            self._next[model] = (model.select(fn.MAX(model.id)).scalar() or 0) + 1
        value = self._next[model]
        self._next[model] += 1
        return value

    def add(self, model: type[BaseModel], **values: Any) -> int:
        new_id: int = values.setdefault("id", self.new_id(model))
        self.rows[model].append(values)
        return new_id


def _stored_periods(flat_ids: set[int]) -> dict[int, list[tuple[date, date | None, str]]]:
    """The licences and periods out of use already recorded for these flats."""
    by_flat: dict[int, list[tuple[date, date | None, str]]] = defaultdict(list)
    if not flat_ids:
        return by_flat
    for model, start, end, kind in (
        (Licence, Licence.start_date, Licence.end_date, "licence already recorded"),
        (Unavailability, Unavailability.start, Unavailability.end, "period out of use recorded"),
    ):
        for flat_id, first, last in tuples(model.select(model.flat, start, end)):
            if flat_id in flat_ids:
                by_flat[flat_id].append((first, last, kind))
    return by_flat


def _stored_not_ended() -> set[int]:
    """The women who already hold a licence that has not ended."""
    return {
        person_id
        for (person_id,) in tuples(Licence.select(Licence.person).where(Licence.status != "ended"))
    }


def check_intervals(batch: Batch) -> None:
    """No two licences, nor a licence and a period out of use, of one flat share a night;
    no woman holds two licences that have not ended: within the batch, and against what the
    database already holds."""
    flat_ids = {row["flat"] for row in batch.rows[Licence]}
    flat_ids |= {row["flat"] for row in batch.rows[Unavailability]}
    by_flat = _stored_periods(flat_ids)
    for row in batch.rows[Licence]:
        by_flat[row["flat"]].append((row["start_date"], row.get("end_date"), "licence"))
    for row in batch.rows[Unavailability]:
        by_flat[row["flat"]].append((row["start"], row.get("end"), "period out of use"))
    for flat_id, periods in by_flat.items():
        periods.sort(key=lambda p: p[0])
        for (start, end, kind), (next_start, next_end, next_kind) in itertools.pairwise(periods):
            if end is not None and end <= start:
                raise ValidationError(
                    f"A {kind} of flat {flat_id} ends before it starts ({start}).", "end_date"
                )
            if intervals.overlaps(start, end, next_start, next_end):
                raise OverlapError(
                    f"Flat {flat_id}: a {kind} from {start} overlaps a {next_kind} from "
                    f"{next_start}.",
                    "start_date",
                )
    open_licences: dict[int, int] = defaultdict(int)
    for row in batch.rows[Licence]:
        if row.get("status", "pending_signup") != "ended":
            open_licences[row["person"]] += 1
    if open_licences:
        for person_id in _stored_not_ended() & set(open_licences):
            open_licences[person_id] += 1
    doubled = [person for person, count in open_licences.items() if count > 1]
    if doubled:
        raise ValidationError(
            f"Person {doubled[0]} would hold two licences that have not ended.", "person"
        )


def load(
    actor: User, batch: Batch, *, progress: Callable[[int, int], object] | None = None
) -> dict[str, int]:
    """Check and write a batch in one transaction; returns how many rows of each kind."""
    permissions.require(actor, "manage_users")
    total = sum(len(batch.rows[m]) for m in ORDER) or 1
    done = 0
    counts = {}
    with occupancy_rules.refusals(), write_transaction():
        check_intervals(batch)  # inside the transaction: against what is stored as it writes
        for model in ORDER:
            rows = batch.rows.get(model, [])
            for start in range(0, len(rows), CHUNK):
                model.insert_many(rows[start : start + CHUNK]).execute()
                done += len(rows[start : start + CHUNK])
                if progress:
                    progress(done, total)
            if rows:
                counts[model._meta.table_name] = len(rows)
                audit.record(
                    actor, "create", model._meta.table_name, None, {"bulk_rows": len(rows)}
                )
        if engine() == "postgresql":
            for model in ORDER:
                if not batch.rows.get(model):
                    continue
                table = model._meta.table_name
                model._meta.database.execute_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"GREATEST((SELECT COALESCE(MAX(id), 0) FROM {table}), 1))"
                )
    # Fresh statistics, so that the database plans its queries for the data it now holds.
    database = Licence._meta.database
    database.execute_sql("ANALYZE")
    return counts
