"""The set-up guide of a new database: the organisation's details, the first partner, the first
flat and its certificates.

Each step is done when the records say so (nothing to remember to tick). The guide is finished
once every step is done and the administrator has said so, or whenever every step is done: from
then on it is never offered again, even if a certificate later lapses (the board says that).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import Certificate, Flat, Partner, Setting, User
from housing_desk.data.rows import first
from housing_desk.services import audit, compliance, permissions
from housing_desk.services.errors import ValidationError

if TYPE_CHECKING:
    from housing_desk.documents.data import Organisation

FINISHED_KEY = "setup_guide"
STEPS = {
    "organisation": "Your organisation's name and address, printed on every licence",
    "partner": "The first partner: the charity or council that lends a flat",
    "flat": "The first flat",
    "certificates": "The first flat's safety certificates (gas safety, EICR, EPC)",
}


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    done: bool


def first_flat() -> Flat | None:
    """The flat the guide's certificates step is about: the first one added and still in use."""
    return first(Flat.select().where(~Flat.retired).order_by(Flat.id))


def uncovered_kinds(flat: Flat) -> list[str]:
    """The required kinds of certificate that nothing on file covers today, in the usual order."""
    today = clock.today()
    held = [
        compliance.CertificateDates(c.kind, c.issued_on, c.expires_on, c.satisfactory)
        for c in Certificate.select().where(Certificate.flat == flat.id)
    ]
    latest = compliance.latest_by_kind(held, today)
    return [
        kind
        for kind in compliance.required_kinds(flat.has_gas)
        if kind not in latest or not latest[kind].satisfactory or latest[kind].expires_on <= today
    ]


def _organisation_done() -> bool:
    stored = {
        row.key: row.value
        for row in Setting.select().where(
            Setting.key.in_(("organisation.name", "organisation.address"))
        )
    }
    return all(stored.get(f"organisation.{key}", "").strip() for key in ("name", "address"))


def steps() -> list[Step]:
    """Each step of the guide and whether the records show it done."""
    flat = first_flat()
    done = {
        "organisation": _organisation_done(),
        "partner": Partner.select().exists(),
        "flat": flat is not None,
        "certificates": flat is not None and not uncovered_kinds(flat),
    }
    return [Step(key, label, done[key]) for key, label in STEPS.items()]


def finished() -> bool:
    """True once the guide need never be offered again."""
    if Setting.select().where(Setting.key == FINISHED_KEY).exists():
        return True
    return all(step.done for step in steps())


def offered_to(actor: User | None) -> bool:
    """Whether ``actor`` is offered the guide (from Settings and the Help menu): an administrator,
    while it is not finished."""
    return actor is not None and permissions.allowed(actor, "manage_settings") and not finished()


def finish(actor: User) -> None:
    """Record that the guide is finished, so that it is never offered again. Refused (naming the
    first step left) while a step is not done: "Later" leaves the guide to be reopened."""
    permissions.require(actor, "manage_settings")
    left = [step for step in steps() if not step.done]
    if left:
        raise ValidationError(
            f"Still to do: {left[0].label[0].lower()}{left[0].label[1:]}.", left[0].key
        )
    with write_transaction():
        if not Setting.select().where(Setting.key == FINISHED_KEY).exists():
            Setting.create(key=FINISHED_KEY, value="finished")
            audit.record(
                actor, "update", "setting", None, {FINISHED_KEY: "finished"}, keep=(FINISHED_KEY,)
            )


def save_organisation(actor: User, **values: object) -> Organisation:
    """The guide's first step: the organisation's details, saved as Settings saves them, with the
    address asked for too (printing a licence is refused without the licensor's address)."""
    from housing_desk.services import settings, validation

    permissions.require(actor, "manage_settings")
    label, length = settings.ORGANISATION_FIELDS["address"]
    validation.text(values.get("address"), "address", label=label, required=True, max_length=length)
    return settings.save_organisation(actor, **values)
