"""The dates a flat is out of use (repairs, void works, the owner's use): taking it out of use,
setting the day it is back, and the list of its periods. A period never overlaps another, nor a
licence of the flat."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from housing_desk.data.database import write_transaction
from housing_desk.data.models import Flat, Unavailability
from housing_desk.data.rows import first
from housing_desk.services import audit, intervals, permissions, validation
from housing_desk.services.errors import OverlapError, ValidationError
from housing_desk.services.records import lock_row

if TYPE_CHECKING:
    from housing_desk.data.models import User
    from housing_desk.services.validation import DateGiven

UNAVAILABILITY_REASONS = {
    "repairs": "Repairs",
    "void_works": "Void works",
    "owner_use": "Owner's use",
    "other": "Other",
}
GONE = "That flat no longer exists."


def _overlapping(
    flat_id: int, start: date, end: date | None, exclude_id: int | None = None
) -> Unavailability | None:
    query = intervals.overlapping(
        Unavailability.select().where(Unavailability.flat == flat_id),
        Unavailability.start,
        Unavailability.end,
        start,
        end,
    )
    if exclude_id is not None:
        query = query.where(Unavailability.id != exclude_id)
    return first(query.order_by(Unavailability.start))


def _check_period(start: DateGiven, end: DateGiven) -> tuple[date, date | None]:
    start = validation.a_date(start, "start", label="Start date")
    end = validation.a_date(end, "end", label="End date", required=False)
    if end is not None and end <= start:
        raise ValidationError("The end date must be after the start date.", "end")
    return start, end


def _clash(other: Unavailability, field: str) -> OverlapError:
    until = f"until {validation.uk_date(other.end)}" if other.end else "with no end date"
    return OverlapError(
        f"Those dates overlap another period out of use, from {validation.uk_date(other.start)} {until}.",
        field,
    )


def _check_no_licence(flat_id: int, start: date, end: date | None, field: str) -> None:
    from housing_desk.data.models import Licence

    licence = first(
        intervals.overlapping(
            Licence.select().where(Licence.flat == flat_id),
            Licence.start_date,
            Licence.end_date,
            start,
            end,
        )
    )
    if licence is not None:
        until = (
            f"until {validation.uk_date(licence.end_date)}"
            if licence.end_date
            else "with no end date yet"
        )
        raise OverlapError(
            f"Those dates overlap a licence of this flat, from {validation.uk_date(licence.start_date)} {until}.",
            field,
        )


def mark_unavailable(
    actor: User,
    flat: Flat,
    *,
    start: DateGiven,
    end: DateGiven = None,
    reason: str,
    notes: str = "",
) -> Unavailability:
    """Take a flat out of use from ``start`` until ``end`` (the day it is back; None if not known)."""
    permissions.require(actor, "manage_flats")
    flat_id = validation.record_id(flat, Flat, "flat")
    start, end = _check_period(start, end)
    reason = validation.choice(
        reason, "reason", label="Reason", choices=tuple(UNAVAILABILITY_REASONS)
    )
    notes = validation.text(
        notes, "notes", label="Notes", column=Unavailability.notes, max_length=4000
    )
    with write_transaction():
        lock_row(Flat, flat_id, GONE)
        other = _overlapping(flat_id, start, end)
        if other is not None:
            raise _clash(other, "start")
        _check_no_licence(flat_id, start, end, "start")
        row = Unavailability.create(flat=flat_id, start=start, end=end, reason=reason, notes=notes)
        audit.record(
            actor,
            "create",
            "unavailability",
            row.id,
            {
                "flat": flat_id,
                "start": start,
                "end": end,
                "reason": reason,
            },
        )
    return row


def end_unavailability(
    actor: User, unavailability: Unavailability, *, end: DateGiven
) -> Unavailability:
    """Set the day a flat is back in use."""
    permissions.require(actor, "manage_flats")
    unavailability = validation.record(unavailability, Unavailability, "unavailability")
    start, end = _check_period(unavailability.start, end)
    if end is None:
        raise ValidationError("Enter the day the flat is back in use.", "end")
    with write_transaction():
        lock_row(Flat, unavailability.flat_id, GONE)
        other = _overlapping(unavailability.flat_id, start, end, exclude_id=unavailability.id)
        if other is not None:
            raise _clash(other, "end")
        _check_no_licence(unavailability.flat_id, start, end, "end")
        Unavailability.update(end=end).where(Unavailability.id == unavailability.id).execute()
        audit.record(
            actor, "update", "unavailability", unavailability.id, {"end": [unavailability.end, end]}
        )
    return Unavailability.get_by_id(unavailability.id)


def unavailabilities(flat: Flat) -> list[Unavailability]:
    return list(
        Unavailability.select()
        .where(Unavailability.flat == flat.id)
        .order_by(Unavailability.start.desc())
    )
