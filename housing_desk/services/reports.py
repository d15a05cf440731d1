"""The numbers the team and its funders ask for, exact to the night, from dated records.

Intervals are half-open: a licence from 1 January to 11 January is ten nights. Every figure is
computed from the records' dates, clipped to the range asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from peewee import Field

    from housing_desk.data.models import User

import statistics
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from housing_desk.data.models import Flat, Licence, Offer, Referral, Unavailability
from housing_desk.data.rows import plain_rows, to_date, tuples
from housing_desk.services import intervals, money_reports, permissions, repairs, validation
from housing_desk.services.allocations import REFUSAL_REASONS
from housing_desk.services.assessments import add_months
from housing_desk.services.errors import ValidationError
from housing_desk.services.licences import END_REASONS
from housing_desk.services.validation import uk_date

ALL_FLATS = "All flats"


@dataclass(frozen=True)
class OccupancyRow:
    reference: str
    nights: int
    occupied_nights: int
    unavailable_nights: int
    void_nights: int
    rate: float  # occupied nights / nights, 0..1


def _check(start: date, end: date) -> None:
    if not isinstance(start, date) or not isinstance(end, date):
        raise ValidationError("Give the first day and the day after the last.", "start")
    if end <= start:
        raise ValidationError("The end of the range must be after its start.", "end")


def _clipped(start: date, end: date, first: date, last: date | None) -> int:
    """Nights of [first, last) inside [start, end)."""
    low, high = max(start, first), min(end, last) if last else end
    return max((high - low).days, 0)


def _periods(
    model: type[Licence] | type[Unavailability],
    start_field: Field,
    end_field: Field,
    start: date,
    end: date,
) -> dict[int, list[tuple[date, date | None]]]:
    by_flat = defaultdict(list)
    query = intervals.overlapping(
        model.select(model.flat, start_field, end_field), start_field, end_field, start, end
    )
    for flat_id, first, last in tuples(query):
        by_flat[flat_id].append((first, last))
    return by_flat


def occupancy(start: date, end: date) -> list[OccupancyRow]:
    """Per flat (in reference order) and overall (last row, 'All flats'): nights in [start, end),
    nights let, nights out of use, void nights, and the share of nights let."""
    _check(start, end)
    lets = _periods(Licence, Licence.start_date, Licence.end_date, start, end)
    out = _periods(Unavailability, Unavailability.start, Unavailability.end, start, end)
    rows = []
    nights = (end - start).days
    for flat_id, reference in tuples(Flat.select(Flat.id, Flat.reference).order_by(Flat.reference)):
        occupied = sum(_clipped(start, end, a, b) for a, b in lets.get(flat_id, ()))
        unavailable = sum(_clipped(start, end, a, b) for a, b in out.get(flat_id, ()))
        rows.append(
            OccupancyRow(
                reference,
                nights,
                occupied,
                unavailable,
                nights - occupied - unavailable,
                occupied / nights,
            )
        )
    all_nights, occupied = sum(r.nights for r in rows), sum(r.occupied_nights for r in rows)
    rows.append(
        OccupancyRow(
            ALL_FLATS,
            all_nights,
            occupied,
            sum(r.unavailable_nights for r in rows),
            sum(r.void_nights for r in rows),
            occupied / all_nights if all_nights else 0.0,
        )
    )
    return rows


def occupancy_by_month(start: date, end: date) -> list[tuple[date, float]]:
    """The overall occupancy of each calendar month (or part of one) in the range (two queries)."""
    _check(start, end)
    lets = [
        period
        for periods in _periods(Licence, Licence.start_date, Licence.end_date, start, end).values()
        for period in periods
    ]
    flats = Flat.select().count()
    months = []
    first = start
    while first < end:
        following = min(add_months(first.replace(day=1), 1), end)
        nights = (following - first).days * flats
        occupied = sum(_clipped(first, following, a, b) for a, b in lets)
        months.append((first, occupied / nights if nights else 0.0))
        first = following
    return months


@dataclass(frozen=True)
class VoidPeriod:
    reference: str
    start: date
    end: date
    nights: int
    reason: str


def voids(start: date, end: date) -> list[VoidPeriod]:
    """Each time a flat stood empty (not let) inside the range: between two lets, before the first,
    after the last, or the whole range for a flat not let at all; and why, when it was out of use.

    Time out of use inside an empty spell is part of the void (void works, repairs), so a void's
    nights are its void nights in ``occupancy`` plus its nights out of use."""
    _check(start, end)
    lets = _periods(Licence, Licence.start_date, Licence.end_date, start, end)
    reasons: dict[int, list[tuple[date, date | None, str]]] = {}
    for flat_id, first, last, reason in tuples(
        intervals.overlapping(
            Unavailability.select(
                Unavailability.flat, Unavailability.start, Unavailability.end, Unavailability.reason
            ),
            Unavailability.start,
            Unavailability.end,
            start,
            end,
        )
    ):
        reasons.setdefault(flat_id, []).append((first, last, reason))
    found = []
    for flat_id, reference in tuples(Flat.select(Flat.id, Flat.reference).order_by(Flat.reference)):
        for low, high in _empty_spells(lets.get(flat_id, ()), start, end):
            why = sorted(
                {r for a, b, r in reasons.get(flat_id, ()) if intervals.overlaps(a, b, low, high)}
            )
            found.append(VoidPeriod(reference, low, high, (high - low).days, ", ".join(why)))
    return sorted(found, key=lambda v: (v.start, v.reference))


def _empty_spells(
    lets: Iterable[tuple[date, date | None]], start: date, end: date
) -> list[tuple[date, date]]:
    """The parts of [start, end) that no let covers."""
    spells, cursor = [], start
    for first, last in sorted((max(a, start), min(b, end) if b else end) for a, b in lets):
        if first > cursor:
            spells.append((cursor, first))
        cursor = max(cursor, last)
    if cursor < end:
        spells.append((cursor, end))
    return spells


def void_words(figures: dict) -> str:
    """'2 empty spells averaging 56 nights': the voids in words, for the page and the PDF."""
    found = figures["voids"]
    if not found:
        return "no empty spells"
    spells = "1 empty spell" if len(found) == 1 else f"{len(found)} empty spells"
    return f"{spells} averaging {figures['average_void']:.0f} nights"


def average(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


@dataclass(frozen=True)
class Stay:
    reference: str
    nights: int
    reason: str
    destination: str


def stays(start: date, end: date) -> list[Stay]:
    """Licences that ended in the range: how long each lasted, why it ended and where she went."""
    _check(start, end)
    query = (
        Licence.select(
            Flat.reference,
            Licence.start_date,
            Licence.end_date,
            Licence.end_reason,
            Licence.destination,
        )
        .join(Flat)
        .where((Licence.status == "ended") & (Licence.end_date >= start) & (Licence.end_date < end))
    )
    return [
        Stay(
            ref, (last - first).days, END_REASONS.get(reason, reason), destination or "Not recorded"
        )
        for ref, first, last, reason, destination in tuples(query)
    ]


def outcomes(start: date, end: date, ended: list[Stay] | None = None) -> dict[str, Counter]:
    """Move-on outcomes: counts by end reason and by destination (``ended``: the range's stays,
    when the caller already has them)."""
    ended = stays(start, end) if ended is None else ended
    return {
        "reason": Counter(s.reason for s in ended),
        "destination": Counter(s.destination for s in ended),
    }


def referral_to_move_in(start: date, end: date) -> list[int]:
    """Days from referral to moving in, for each licence that started in the range."""
    _check(start, end)
    query = (
        Licence.select(Licence.start_date, Referral.received_on)
        .join(Referral)
        .where((Licence.start_date >= start) & (Licence.start_date < end))
    )
    return sorted((moved - referred).days for moved, referred in tuples(query))


def waiting_list_over_time(start: date, end: date) -> list[tuple[date, int]]:
    """How many women were on the waiting list on the first day of each month in the range."""
    _check(start, end)
    # Only those accepted before the range ends and still waiting when it starts count on any of its days.
    query = Referral.select(Referral.decided_on, Referral.closed_on).where(
        Referral.status.in_(("accepted", "housed", "closed"))
        & Referral.decided_on.is_null(False)
        & (Referral.decided_on < end)
        & (Referral.closed_on.is_null() | (Referral.closed_on > start))
    )
    spans = [(to_date(decided), to_date(closed)) for decided, closed in plain_rows(query)]
    spans = [(decided, closed) for decided, closed in spans if closed is None or closed > decided]
    # On the list on a day: accepted by then and not yet off it (both counted by bisecting sorted dates).
    accepted = sorted(decided for decided, _closed in spans)
    left = sorted(closed for _decided, closed in spans if closed is not None)
    found = []
    day = start
    while day < end:
        found.append((day, bisect_right(accepted, day) - bisect_right(left, day)))
        day = add_months(day.replace(day=1), 1)
    return found


def refusals(start: date, end: date) -> Counter:
    """Offers refused in the range, by reason."""
    _check(start, end)
    query = Offer.select(Offer.reason).where(
        (Offer.status == "refused") & (Offer.responded_on >= start) & (Offer.responded_on < end)
    )
    return Counter(REFUSAL_REASONS.get(reason, reason) for (reason,) in tuples(query))


def _range(start: object, end: object) -> tuple[date, date]:
    """The half-open range [start, end) a report covers."""
    start = validation.a_date(start, "start", label="From")
    end = validation.a_date(end, "end", label="To")
    if end <= start:
        raise ValidationError("The range must end after it starts.", "end")
    return start, end


def summary(actor: User, start: date, end: date, *, arrears: bool = True) -> dict:
    """Every figure of the reports page, for a manager. ``arrears=False`` leaves out the
    arrears at the range's end (every account ever in debit is read), which the page works out
    only when its Money tab is opened."""
    permissions.require(actor, "reports")
    start, end = _range(start, end)
    ended = stays(start, end)
    waits = referral_to_move_in(start, end)
    found_voids = voids(start, end)
    return {
        "occupancy": occupancy(start, end),
        "by_month": occupancy_by_month(start, end),
        "voids": found_voids,
        "average_void": average(v.nights for v in found_voids),
        "stays": ended,
        "average_stay": average(s.nights for s in ended),
        "median_stay": statistics.median([s.nights for s in ended]) if ended else 0,
        "outcomes": outcomes(start, end, ended),
        "referral_to_move_in": waits,
        "average_wait": average(waits),
        "waiting_list": waiting_list_over_time(start, end),
        "refusals": refusals(start, end),
        "money": money_reports.by_month(start, end),
        "repairs": repairs.figures(start, end),
        **({"arrears": money_reports.arrears_on(end - timedelta(days=1))} if arrears else {}),
    }


def _percent(rate: float) -> str:
    return f"{rate * 100:.1f}%"


def tables(figures: dict) -> dict[str, tuple[tuple[str, ...], list[tuple[str, ...]]]]:
    """The report's tables as text: title -> (headers, rows). No woman is named in any of them."""
    occupancy_rows = [
        (
            r.reference,
            str(r.nights),
            str(r.occupied_nights),
            str(r.unavailable_nights),
            str(r.void_nights),
            _percent(r.rate),
        )
        for r in figures["occupancy"]
    ]
    void_rows = [
        (v.reference, uk_date(v.start), uk_date(v.end), str(v.nights), v.reason or "Not recorded")
        for v in figures["voids"]
    ]
    stay_rows = [(s.reference, str(s.nights), s.reason, s.destination) for s in figures["stays"]]
    outcome_rows = [
        ("End reason", reason, str(count))
        for reason, count in figures["outcomes"]["reason"].most_common()
    ]
    outcome_rows += [
        ("Destination", place, str(count))
        for place, count in figures["outcomes"]["destination"].most_common()
    ]
    waiting_rows = [
        ("On the waiting list on " + uk_date(day), str(count))
        for day, count in figures["waiting_list"]
    ]
    waiting_rows += [
        ("Offers refused: " + reason, str(count))
        for reason, count in figures["refusals"].most_common()
    ]
    waiting_rows.append(
        ("Average days from referral to moving in", f"{figures['average_wait']:.0f}")
    )
    return {
        "Occupancy": (("Flat", "Nights", "Let", "Out of use", "Void", "Occupancy"), occupancy_rows),
        "Voids": (("Flat", "From", "Until", "Nights", "Why"), void_rows),
        "Stays and move-on": (("Flat", "Nights stayed", "Ended because", "Moved on to"), stay_rows),
        "Outcomes": (("By", "Outcome", "Number"), outcome_rows),
        "Waiting and refusals": (("Figure", "Number"), waiting_rows),
        **money_reports.tables(figures),
        **repairs.tables(figures),
    }


# The report as a PDF and a CSV export's audit, kept in their own module; these are its names.
from housing_desk.services.report_export import record_export, report_pdf  # noqa: E402, F401
