"""What the availability board shows on a day, read through the services alone (no Qt), so that
it can be read on a thread of its own while she types her password."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from housing_desk import clock
from housing_desk.services import allocations, audit, flats, reminders
from housing_desk.services.availability import coming_free
from housing_desk.ui.timeline import month_window


@dataclass(frozen=True)
class SideLists:
    coming_free: list
    offers: list
    reminders: list


@dataclass(frozen=True)
class BoardRead:
    """The board's rows and timeline on ``on``, the side lists when read with them, and where the
    audit log stood before the reading (``mark``, on ``read_on``): to know later whether it is
    still current."""

    on: date
    read_on: date
    mark: audit.ChangeMark
    statuses: list
    start: date
    end: date
    timeline: list
    side_lists: SideLists | None = None


def read_board(on: date, *, with_side_lists: bool = False, actor=None) -> BoardRead:
    """Read everything the board shows on ``on`` but the incidents (read for whoever signs in).
    Read before anyone signs in too (no ``actor``): the board names no confidential woman and
    shows no notes, whoever reads it."""
    mark, read_on = audit.change_mark(), clock.today()
    statuses = flats.availability(on, actor=actor)
    start, end = month_window(on)
    return BoardRead(
        on=on,
        read_on=read_on,
        mark=mark,
        statuses=statuses,
        start=start,
        end=end,
        timeline=flats.timeline(start, end, actor=actor),
        side_lists=read_side_lists(on, statuses, actor=actor) if with_side_lists else None,
    )


def read_side_lists(on: date, statuses: list, *, actor=None) -> SideLists:
    return SideLists(
        coming_free=coming_free(on, board=statuses, actor=actor),
        offers=allocations.pending_offers(on, actor=actor),
        reminders=reminders.due(on, board=statuses, actor=actor),
    )
