"""Partners: the organisations that own or lend the flats."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from housing_desk.data.models import User

from peewee import IntegrityError

from housing_desk.data.database import write_transaction
from housing_desk.data.models import Partner
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
    unknown = set(values) - set(_EDITABLE)
    if unknown:
        raise ValidationError(
            f"Partners have no field called {sorted(unknown)[0]}.", sorted(unknown)[0]
        )
    cleaned = {}
    for key, value in values.items():
        if key == "name":
            cleaned[key] = validation.text(value, key, label="Name", required=True)
        elif key == "kind":
            cleaned[key] = validation.choice(value, key, label="Kind", choices=tuple(PARTNER_KINDS))
        elif key == "email":
            email = validation.text(value, key, label="Email")
            if email and ("@" not in email or " " in email):
                raise ValidationError(f"'{email}' is not an email address.", key)
            cleaned[key] = email
        elif key in ("address", "notes"):
            cleaned[key] = validation.text(value, key, label=key.capitalize(), max_length=2000)
        else:
            cleaned[key] = validation.text(value, key, label=key.replace("_", " ").capitalize())
    return cleaned


def _name_taken(name: str, exclude_id: int | None = None) -> bool:
    from peewee import fn

    query = Partner.select().where(fn.LOWER(Partner.name) == name.lower())
    if exclude_id is not None:
        query = query.where(Partner.id != exclude_id)
    return query.exists()


def create_partner(actor: User, *, name, **details) -> Partner:
    """Add a partner organisation."""
    permissions.require(actor, "manage_partners")
    values = _clean({"name": name, **details})
    with write_transaction():
        if _name_taken(values["name"]):
            raise ValidationError(f"There is already a partner called '{values['name']}'.", "name")
        try:
            partner = Partner.create(**values)
        except IntegrityError:
            raise ValidationError(
                f"There is already a partner called '{values['name']}'.", "name"
            ) from None
        audit.record(actor, "create", "partner", partner.id, values, keep=("name",))
    return partner


def update_partner(actor: User, partner: Partner, **changes) -> Partner:
    """Change a partner's details; ConflictError if someone saved a newer version first."""
    permissions.require(actor, "manage_partners")
    expected = changes.pop("version", partner.version)
    values = _clean(changes)
    with write_transaction():
        if "name" in values and _name_taken(values["name"], partner.id):
            raise ValidationError(f"There is already a partner called '{values['name']}'.", "name")
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
    return Partner.get_by_id(partner.id)


def list_partners() -> list[Partner]:
    return list(Partner.select().order_by(Partner.name))


def get_partner(partner_id: int) -> Partner:
    partner = Partner.get_or_none(Partner.id == partner_id)
    if partner is None:
        raise NotFound("That partner no longer exists.")
    return partner
