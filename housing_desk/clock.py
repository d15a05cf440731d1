"""Today's date, read in one place, so that a day can be held still.

Services and windows ask ``clock.today()`` rather than ``date.today()``. The test suite holds the
date at the day its run began (``clock.hold``), so a run that crosses midnight does not see two
different todays; the application never holds it.
"""

from __future__ import annotations

from datetime import date

_held: date | None = None


def today() -> date:
    """The date today (or the day being held)."""
    return _held if _held is not None else date.today()


def hold(day: date | None) -> None:
    """Answer ``day`` from now on (None: the real date again)."""
    global _held
    _held = day
