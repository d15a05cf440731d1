"""Partners: the organisations that own or lend the flats."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from housing_desk.data.models import User

from peewee import IntegrityError

from housing_desk.data.database import write_transaction
from housing_desk.data.models import Partner
from housing_desk.data.rows import tuples
from housing_desk.services import audit, permissions, validation
from housing_desk.services.errors import NotFound, ValidationError
from housing_desk.services.records import versioned_update

PARTNER_KINDS = {
    "housing_charity": "Housing charity",
    "council": "Council",
    "housing_association": "Housing association",
    "private": "Private landlord",
    "other": "Other",
}

_EDITABLE = ("name", "kind", "contact_name", "phone", "email", "address", "notes")


def _clean(values: dict) -> dict:
    validation.no_unknown(values, _EDITABLE, "Partners")
    cleaned = {}
    for key, value in values.items():
        column = getattr(Partner, key)
        if key == "name":
            cleaned[key] = validation.text(value, key, label="Name", required=True, column=column)
        elif key == "kind":
            cleaned[key] = validation.choice(value, key, label="Kind", choices=tuple(PARTNER_KINDS))
        elif key == "email":
            email = validation.text(value, key, label="Email", column=column)
            if email and ("@" not in email or " " in email):
                raise ValidationError(f"'{email}' is not an email address.", key)
            cleaned[key] = email
        elif key in ("address", "notes"):
            cleaned[key] = validation.text(
                value, key, label=key.capitalize(), column=column, max_length=2000
            )
        else:
            label = key.replace("_", " ").capitalize()
            cleaned[key] = validation.text(value, key, label=label, column=column)
    return cleaned


def _name_taken(name: str, exclude_id: int | None = None) -> bool:
    # Compared in Python: SQLite's LOWER() folds only ASCII letters, so 'Żywiec' and 'żywiec'
    # would pass a check in SQL as different names. A team has a handful of partners.
    wanted = name.casefold()
    return any(
        other.casefold() == wanted
        for partner_id, other in tuples(Partner.select(Partner.id, Partner.name))
        if partner_id != exclude_id
    )


def _taken(name: str) -> ValidationError:
    return ValidationError(f"There is already a partner called '{name}'.", "name")


def create_partner(actor: User, *, name: str, **details: object) -> Partner:
    """Add a partner organisation."""
    permissions.require(actor, "manage_partners")
    values = _clean({"name": name, **details})
    with write_transaction():
        if _name_taken(values["name"]):
            raise _taken(values["name"])
        try:
            with write_transaction():  # a savepoint, so PostgreSQL can carry on after a refusal
                partner = Partner.create(**values)
        except IntegrityError:
            raise _taken(values["name"]) from None
        audit.record(actor, "create", "partner", partner.id, values, keep=("name",))
    return partner


def update_partner(actor: User, partner: Partner, **changes: object) -> Partner:
    """Change a partner's details; ConflictError if someone saved a newer version first."""
    permissions.require(actor, "manage_partners")
    partner = validation.record(partner, Partner, "partner")
    expected = validation.version(changes.pop("version", partner.version))
    values = _clean(changes)
    with write_transaction():
        if "name" in values and _name_taken(values["name"], partner.id):
            raise _taken(values["name"])
        try:
            with write_transaction():
                versioned_update(
                    actor,
                    Partner,
                    partner.id,
                    expected,
                    values,
                    entity="partner",
                    what=f"partner {partner.name}",
                    keep=("name",),
                )
        except IntegrityError:
            raise _taken(values["name"]) from None
    return Partner.get_by_id(partner.id)


def list_partners() -> list[Partner]:
    return list(Partner.select().order_by(Partner.name))


def get_partner(partner_id: int) -> Partner:
    partner = Partner.get_or_none(Partner.id == partner_id)
    if partner is None:
        raise NotFound("That partner no longer exists.")
    return partner
