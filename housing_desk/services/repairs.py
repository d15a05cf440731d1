"""Repairs of the flats: reported, passed on to the partner or a contractor, completed, and chased
against their targets.

Targets by priority (Settings may change them): emergency 1 day (24 hours), urgent 7 days,
routine 28 days. Damp and mould is a hazard with a tighter clock, taking as its benchmark what
Awaab's Law sets social landlords (The Hazards in Social Housing (Prescribed Requirements)
(England) Regulations 2025, SI 2025/1042, in force 27 October 2025): investigate within 10
working days of the report (24 hours for an emergency), then make it safe within 5 working days
of the investigation. Working days here are Monday to Friday; bank holidays are not counted out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peewee import SelectQuery

    from housing_desk.data.models import User
    from housing_desk.services.validation import DateGiven

from dataclasses import dataclass
from datetime import date, timedelta

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import Flat, Repair, Unavailability
from housing_desk.data.rows import plain_rows, to_date
from housing_desk.services import audit, flats, permissions, settings, validation
from housing_desk.services.errors import NotFound, ValidationError
from housing_desk.services.flats import lock_flat
from housing_desk.services.records import lock_row

PRIORITIES = {
    "emergency": "Emergency (24 hours)",
    "urgent": "Urgent (7 days)",
    "routine": "Routine (28 days)",
}
HAZARD_INVESTIGATE_DAYS = 10  # working days from the report
HAZARD_SAFE_DAYS = 5  # working days from the investigation


def add_working_days(day: date, days: int) -> date:
    """``days`` working days (Monday to Friday) after ``day``."""
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def target(
    priority: str, reported_on: date, *, hazard: bool, investigated_on: date | None = None
) -> date:
    """The day a repair should be done by (for a hazard, the next step of its clock)."""
    if hazard and priority != "emergency":
        if investigated_on is None:
            return add_working_days(reported_on, HAZARD_INVESTIGATE_DAYS)
        return add_working_days(investigated_on, HAZARD_SAFE_DAYS)
    return reported_on + timedelta(days=settings.repair_target_days()[priority])


def _lock(repair: Repair | int) -> Repair:
    return lock_row(
        Repair, validation.record_id(repair, Repair, "repair"), "That repair no longer exists."
    )


def report_repair(
    actor: User,
    flat: Flat | int,
    *,
    reported_on: DateGiven,
    description: str,
    priority: str,
    reported_by: str = "",
    hazard: bool = False,
    out_of_use: bool = False,
) -> Repair:
    """Record a repair reported for ``flat``. ``hazard``: damp and mould. ``out_of_use``: the
    flat cannot be let until it is done (a manager's decision)."""
    permissions.require(actor, "allocate")
    flat_id = validation.record_id(flat, Flat, "flat")
    reported_on = validation.a_date(reported_on, "reported_on", label="Reported on")
    description = validation.text(
        description,
        "description",
        label="What needs repairing",
        required=True,
        column=Repair.description,
        max_length=4000,
    )
    priority = validation.choice(priority, "priority", label="Priority", choices=tuple(PRIORITIES))
    reported_by = validation.text(
        reported_by, "reported_by", label="Reported by", column=Repair.reported_by
    )
    hazard = validation.flag(hazard, "hazard", label="Damp or mould")
    out_of_use = validation.flag(out_of_use, "out_of_use", label="Out of use until done")
    if reported_on > clock.today():
        raise ValidationError("A repair is recorded once it has been reported.", "reported_on")
    with write_transaction():
        current = lock_flat(flat_id)
        period = None
        if out_of_use:
            period = flats.mark_unavailable(
                actor, current, start=reported_on, reason="repairs", notes="Until a repair is done"
            )
        repair = Repair.create(
            flat=current.id,
            reported_on=reported_on,
            reported_by=reported_by,
            description=description,
            priority=priority,
            hazard=hazard,
            target_on=target(priority, reported_on, hazard=hazard),
            unavailability=period.id if period else None,
            created_by=actor.id,
        )
        audit.record(
            actor,
            "create",
            "repair",
            repair.id,
            {
                "flat": current.id,
                "priority": priority,
                "hazard": hazard,
                "reported_on": reported_on,
            },
        )
    return repair


def pass_on(actor: User, repair: Repair | int, *, passed_to: str, passed_on: DateGiven) -> Repair:
    """It went to the partner or a contractor."""
    permissions.require(actor, "allocate")
    validation.record_id(repair, Repair, "repair")
    passed_to = validation.text(
        passed_to, "passed_to", label="Passed to", required=True, column=Repair.passed_to
    )
    passed_on = validation.a_date(passed_on, "passed_on", label="Passed on")
    with write_transaction():
        current = _lock(repair)
        if passed_on < current.reported_on:
            raise ValidationError("That is before it was reported.", "passed_on")
        Repair.update(passed_to=passed_to, passed_on=passed_on, version=Repair.version + 1).where(
            Repair.id == current.id
        ).execute()
        audit.record(
            actor, "update", "repair", current.id, {"passed_to": passed_to, "passed_on": passed_on}
        )
    return Repair.get_by_id(current.id)


def record_investigation(
    actor: User, repair: Repair | int, *, investigated_on: DateGiven
) -> Repair:
    """A hazard was looked into: the clock moves on to making it safe."""
    permissions.require(actor, "allocate")
    validation.record_id(repair, Repair, "repair")
    investigated_on = validation.a_date(investigated_on, "investigated_on", label="Investigated on")
    with write_transaction():
        current = _lock(repair)
        if not current.hazard:
            raise ValidationError("Only a damp or mould hazard has an investigation.", None)
        if investigated_on < current.reported_on:
            raise ValidationError("That is before it was reported.", "investigated_on")
        target_on = target(
            current.priority, current.reported_on, hazard=True, investigated_on=investigated_on
        )
        Repair.update(
            investigated_on=investigated_on, target_on=target_on, version=Repair.version + 1
        ).where(Repair.id == current.id).execute()
        audit.record(actor, "update", "repair", current.id, {"investigated_on": investigated_on})
    return Repair.get_by_id(current.id)


def complete_repair(
    actor: User, repair: Repair | int, *, completed_on: DateGiven, notes: str = ""
) -> Repair:
    """It is done. A flat taken out of use for it is back in use that day."""
    permissions.require(actor, "allocate")
    validation.record_id(repair, Repair, "repair")
    completed_on = validation.a_date(completed_on, "completed_on", label="Completed on")
    notes = validation.text(notes, "notes", label="Notes", column=Repair.notes, max_length=4000)
    if completed_on > clock.today():
        raise ValidationError("A repair is completed once it is done.", "completed_on")
    with write_transaction():
        current = _lock(repair)
        if current.completed_on is not None:
            raise ValidationError("That repair is already completed.", None)
        if completed_on < current.reported_on:
            raise ValidationError("That is before it was reported.", "completed_on")
        if current.unavailability_id is not None:
            period = Unavailability.get_or_none(Unavailability.id == current.unavailability_id)
            if period is not None and period.end is None:
                flats.end_unavailability(
                    actor, period, end=max(completed_on, period.start + timedelta(days=1))
                )
        Repair.update(completed_on=completed_on, notes=notes, version=Repair.version + 1).where(
            Repair.id == current.id
        ).execute()
        audit.record(actor, "update", "repair", current.id, {"completed_on": completed_on})
    return Repair.get_by_id(current.id)


@dataclass(frozen=True)
class RepairRow:
    repair_id: int
    flat_id: int
    reference: str
    reported_on: date
    description: str
    priority: str
    hazard: bool
    target_on: date
    passed_to: str
    completed_on: date | None
    overdue: bool


def _rows(query: SelectQuery, on: date) -> list[RepairRow]:
    found = []
    for rid, flat_id, ref, reported, text, priority, hazard, target_on, passed, done in plain_rows(
        query
    ):
        target_on, done = to_date(target_on), to_date(done)
        found.append(
            RepairRow(
                rid,
                flat_id,
                ref,
                to_date(reported),
                text,
                priority,
                bool(hazard),
                target_on,
                passed,
                done,
                done is None and target_on < on,
            )
        )
    return found


def _select() -> SelectQuery:
    return Repair.select(
        Repair.id,
        Repair.flat,
        Flat.reference,
        Repair.reported_on,
        Repair.description,
        Repair.priority,
        Repair.hazard,
        Repair.target_on,
        Repair.passed_to,
        Repair.completed_on,
    ).join(Flat)


def open_repairs(on: date | None = None) -> list[RepairRow]:
    """Every repair not completed, overdue first, then by target."""
    on = on or clock.today()
    rows = _rows(_select().where(Repair.completed_on.is_null()), on)
    return sorted(rows, key=lambda r: (not r.overdue, r.target_on, r.reference))


def repairs_for(flat: Flat | int, on: date | None = None) -> list[RepairRow]:
    """A flat's repairs, newest first."""
    query = _select().where(Repair.flat == (flat.id if isinstance(flat, Flat) else flat))
    return sorted(_rows(query, on or clock.today()), key=lambda r: r.reported_on, reverse=True)


def get_repair(repair_id: int) -> Repair:
    found = Repair.get_or_none(Repair.id == repair_id)
    if found is None:
        raise NotFound("That repair no longer exists.")
    return found


@dataclass(frozen=True)
class RepairFigures:
    reference: str
    reported: int
    completed: int
    average_days: float | None  # from reported to completed, for those completed


def figures(start: date, end: date) -> list[RepairFigures]:
    """Repairs reported in [start, end) per flat, and the average days they took to complete."""
    by_flat: dict[str, list] = {}
    for ref, reported, done in plain_rows(
        Repair.select(Flat.reference, Repair.reported_on, Repair.completed_on)
        .join(Flat)
        .where((Repair.reported_on >= start) & (Repair.reported_on < end))
    ):
        by_flat.setdefault(ref, []).append((to_date(reported), to_date(done)))
    found = []
    for ref in sorted(by_flat):
        done = [(d - r).days for r, d in by_flat[ref] if d is not None]
        found.append(
            RepairFigures(
                ref, len(by_flat[ref]), len(done), sum(done) / len(done) if done else None
            )
        )
    return found


def tables(figures: dict) -> dict:
    """The Repairs table of the reports: per flat, how many, and the average days to complete."""
    if "repairs" not in figures:
        return {}
    rows = [
        (
            f.reference,
            str(f.reported),
            str(f.completed),
            "" if f.average_days is None else f"{f.average_days:.1f}",
        )
        for f in figures["repairs"]
    ]
    done = [f for f in figures["repairs"] if f.average_days is not None]
    if done:
        days = sum(f.average_days * f.completed for f in done) / sum(f.completed for f in done)
        rows.append(
            (
                "All flats",
                str(sum(f.reported for f in figures["repairs"])),
                str(sum(f.completed for f in done)),
                f"{days:.1f}",
            )
        )
    return {"Repairs": (("Flat", "Reported", "Completed", "Average days to complete"), rows)}
