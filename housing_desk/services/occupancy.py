"""The dates of a licence against the flat's other licences and periods out of use."""

from __future__ import annotations

from datetime import date

from housing_desk.data.models import Licence, Unavailability
from housing_desk.data.rows import first
from housing_desk.services import intervals, validation
from housing_desk.services.errors import OverlapError
from housing_desk.services.records import lock_row


def _uk(day: date | None) -> str:
    return validation.uk_date(day)


def lock_licence(licence: Licence | int) -> Licence:
    """Read a licence inside a write transaction, locking its row on PostgreSQL."""
    return lock_row(
        Licence, validation.record_id(licence, Licence, "licence"), "That licence no longer exists."
    )


def clashing_licence(
    flat_id: int, start: date, end: date | None, exclude_id: int | None = None
) -> Licence | None:
    query = Licence.select().where(Licence.flat == flat_id)
    if exclude_id is not None:
        query = query.where(Licence.id != exclude_id)
    return first(intervals.overlapping(query, Licence.start_date, Licence.end_date, start, end))


def check_dates_free(
    flat_id: int, start: date, end: date | None, field: str, exclude_id: int | None = None
) -> None:
    other = clashing_licence(flat_id, start, end, exclude_id)
    if other is not None:
        until = f"until {_uk(other.end_date)}" if other.end_date else "with no end date yet"
        raise OverlapError(
            f"The flat is let on those dates: another licence runs from {_uk(other.start_date)} "
            f"{until}.",
            field,
        )
    out_of_use = first(
        intervals.overlapping(
            Unavailability.select().where(Unavailability.flat == flat_id),
            Unavailability.start,
            Unavailability.end,
            start,
            end,
        )
    )
    if out_of_use is not None:
        until = f"until {_uk(out_of_use.end)}" if out_of_use.end else "with no end date yet"
        raise OverlapError(
            f"The flat is out of use on those dates, from {_uk(out_of_use.start)} {until}.", field
        )
