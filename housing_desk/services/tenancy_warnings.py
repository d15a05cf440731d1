"""Warnings under the licence's warnings procedure: verbal, then written, then final, each with its
reason and date, lapsing after the period set in Settings. Reached as ``services.warnings`` too
(the module is named so that it never hides Python's own ``warnings``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import Licence, TenancyWarning, User
from housing_desk.data.rows import objects
from housing_desk.services import assessments, audit, permissions, settings, validation, viewing
from housing_desk.services.errors import NotFound, ValidationError
from housing_desk.services.records import lock_row

if TYPE_CHECKING:
    from housing_desk.data.models import BaseModel, Person
    from housing_desk.services.validation import DateGiven

STAGES = {"verbal": "Verbal warning", "written": "Written warning", "final": "Final warning"}
LETTER_STAGES = ("written", "final")


@dataclass(frozen=True)
class WarningView:
    warning_id: int
    licence_id: int
    person_id: int
    stage: str
    issued_on: date
    reason: str
    lapses_on: date
    issued_by: str

    @property
    def stage_label(self) -> str:
        return STAGES[self.stage]

    def in_force(self, on: date | None = None) -> bool:
        on = on or clock.today()
        return self.issued_on <= on < self.lapses_on

    @property
    def has_letter(self) -> bool:
        return self.stage in LETTER_STAGES


def issue_warning(
    actor: User, licence: Licence | int, *, stage: str, issued_on: DateGiven, reason: str
) -> TenancyWarning:
    """Record a warning given to her. It lapses after the months Settings gives for its stage."""
    permissions.require(actor, "issue_warnings")
    licence_id = validation.record_id(licence, Licence, "licence", label="her licence")
    stage = validation.choice(stage, "stage", label="Stage", choices=tuple(STAGES))
    issued_on = validation.a_date(issued_on, "issued_on", label="Date given")
    if issued_on > clock.today():
        raise ValidationError("A warning is recorded once it has been given.", "issued_on")
    reason = validation.text(
        reason, "reason", label="What needs to change, and why", required=True, max_length=4000
    )
    lapses_on = assessments.add_months(issued_on, settings.warning_lapse_months(stage))
    with write_transaction():
        current = lock_row(Licence, licence_id, "That licence no longer exists.")
        if current.status in ("pending_signup", "ended"):
            raise ValidationError(
                "A warning is given under a licence she is living under.", "licence"
            )
        if issued_on < current.start_date:
            raise ValidationError(
                f"The licence began on {validation.uk_date(current.start_date)}.", "issued_on"
            )
        warning = TenancyWarning.create(
            licence=current.id,
            person=current.person_id,
            stage=stage,
            issued_on=issued_on,
            reason=reason,
            lapses_on=lapses_on,
            issued_by=actor.id,
        )
        audit.record(
            actor,
            "create",
            "tenancy_warning",
            warning.id,
            {
                "licence": current.id,
                "stage": stage,
                "issued_on": issued_on,
                "lapses_on": lapses_on,
            },
        )
    return warning


def warnings_for(
    actor: User, licence: Licence | int | None = None, *, person: Person | int | None = None
) -> list[WarningView]:
    """Warnings under a licence (or all of hers), newest first; the reason only for staff who
    may read notes."""
    permissions.require(actor, "view")
    if (licence is None) == (person is None):
        raise ValueError("give a licence or a person")
    query = TenancyWarning.select(TenancyWarning, User.full_name).join(
        User, on=(TenancyWarning.issued_by == User.id)
    )
    if licence is not None:
        query = query.where(TenancyWarning.licence == _id(licence))
    else:
        assert person is not None  # one of the two, as checked above
        query = query.where(TenancyWarning.person == _id(person))
    sensitive = viewing.reads_notes(actor)
    return [
        WarningView(
            warning_id=row.id,
            licence_id=row.licence_id,
            person_id=row.person_id,
            stage=row.stage,
            issued_on=row.issued_on,
            reason=row.reason if sensitive else "",
            lapses_on=row.lapses_on,
            issued_by=row.full_name,
        )
        for row in objects(
            query.order_by(TenancyWarning.issued_on.desc(), TenancyWarning.id.desc())
        )
    ]


def final_warning_in_force(licence: Licence | int, on: date | None = None) -> bool:
    """Whether a final warning under this licence is in force on ``on`` (today when None).

    Notice from us without one is not refused (an immediate risk is reason enough), but the
    window asks first."""
    on = on or clock.today()
    return (
        TenancyWarning.select()
        .where(
            (TenancyWarning.licence == _id(licence))
            & (TenancyWarning.stage == "final")
            & (TenancyWarning.issued_on <= on)
            & (TenancyWarning.lapses_on > on)
        )
        .exists()
    )


def get_warning(actor: User, warning_id: int) -> TenancyWarning:
    """One warning; a viewer reads its stage and date, not the reason."""
    viewing.require(actor)
    warning = TenancyWarning.get_or_none(TenancyWarning.id == warning_id)
    if warning is None:
        raise NotFound("That warning no longer exists.")
    return viewing.as_seen_by(actor, warning)


def _id(record: BaseModel | int) -> int:
    return record if isinstance(record, int) else record.id
