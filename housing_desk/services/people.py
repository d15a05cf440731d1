"""The women referred for a flat: their records, kept exactly, and found again without duplicates."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import Person, User
from housing_desk.services import audit, names, permissions, validation, viewing
from housing_desk.services.errors import NotFound, ValidationError
from housing_desk.services.people_list import (
    STATUS_LABELS as STATUS_LABELS,
    PeopleFilter as PeopleFilter,
    PersonRow as PersonRow,
    list_people as list_people,
    people_page as people_page,
)
from housing_desk.services.records import lock_row, versioned_update

MINIMUM_AGE = 16
_NI = re.compile(r"^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$")
_DISTRICT = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?$")
_PHONE = re.compile(r"^[+\d][\d ()-]{5,}$")
_FLAGS = {
    "message_ok": "Message may be left",
    "do_not_disclose": "Do not disclose",
    "needs_step_free": "Needs step-free access",
    "no_recourse_to_public_funds": "No recourse to public funds",
    "archived": "Archived",
}
_TEXTS = {"safe_contact": ("Safe contact", 500), "notes": ("Notes", 20000)}
EDITABLE = (
    "given_name",
    "family_name",
    "preferred_name",
    "date_of_birth",
    "ni_number",
    "phone",
    "keyworker",
    "areas_to_avoid",
    *_FLAGS,
    *_TEXTS,
)
# Kept beside her name for searching and ordering; never shown, never in the audit log.
STORED_KEYS = ("search_name", "sort_name")


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _date_of_birth(value: object) -> date | None:
    born = validation.a_date(value, "date_of_birth", label="Date of birth", required=False)
    if born is None:
        return None
    today = clock.today()
    if born > today:
        raise ValidationError("The date of birth cannot be in the future.", "date_of_birth")
    if age_on(born, today) < MINIMUM_AGE:
        raise ValidationError(
            f"She must be {MINIMUM_AGE} or over to hold a licence.", "date_of_birth"
        )
    if age_on(born, today) > 120:
        raise ValidationError(
            "Check the date of birth: that would make her over 120.", "date_of_birth"
        )
    return born


def _ni_number(value: object) -> str:
    raw = validation.text(value, "ni_number", label="NI number", max_length=20)  # spaces allowed
    number = re.sub(r"\s+", "", raw).upper()
    if number and not _NI.match(number):
        raise ValidationError(
            f"'{raw}' is not a National Insurance number (for example AB 12 34 56 C).", "ni_number"
        )
    return number


def _areas(value: object) -> str:
    if isinstance(value, (list, tuple)):
        if not all(isinstance(part, str) for part in value):
            raise ValidationError(
                "Areas to avoid are postcode districts, such as NN1.", "areas_to_avoid"
            )
        value = ", ".join(value)
    raw = validation.text(value, "areas_to_avoid", label="Areas to avoid", max_length=1000)
    districts = []
    for part in re.split(r"[,;\s]+", raw.upper()):
        if not part:
            continue
        if not _DISTRICT.match(part):
            raise ValidationError(
                f"'{part}' is not a postcode district (for example NN1 or NN13).", "areas_to_avoid"
            )
        if part not in districts:
            districts.append(part)
    return validation.within(
        ", ".join(districts),
        "areas_to_avoid",
        label="Areas to avoid (as stored: 'NN1, NN2')",
        max_length=Person.areas_to_avoid.max_length,
    )


def _keyworker(value: object) -> User | None:
    if value is None:
        return None
    user_id = validation.record_id(value, User, "keyworker", label="a keyworker")
    user = User.get_or_none(User.id == user_id)
    if user is None or not user.active or user.role == "viewer":
        raise ValidationError("Choose a keyworker from the team's active officers.", "keyworker")
    return user


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    validation.no_unknown(values, EDITABLE, "People's records")
    cleaned: dict[str, Any] = {}
    for key, value in values.items():
        if key in ("given_name", "family_name", "preferred_name"):
            label = {
                "given_name": "Given name",
                "family_name": "Family name",
                "preferred_name": "Preferred name",
            }[key]
            cleaned[key] = names.person_name(
                value, key, label=label, required=key != "preferred_name"
            )
        elif key == "date_of_birth":
            cleaned[key] = _date_of_birth(value)
        elif key == "ni_number":
            cleaned[key] = _ni_number(value)
        elif key == "phone":
            phone = validation.text(value, key, label="Phone", column=Person.phone)
            if phone and not _PHONE.match(phone):
                raise ValidationError("A phone number has digits, spaces and + ( ) - only.", key)
            cleaned[key] = phone
        elif key == "keyworker":
            cleaned[key] = _keyworker(value)
        elif key == "areas_to_avoid":
            cleaned[key] = _areas(value)
        elif key in _FLAGS:
            cleaned[key] = validation.flag(value, key, label=_FLAGS[key])
        else:
            # Free text kept exactly as typed, spaces and line breaks included.
            label, length = _TEXTS[key]
            cleaned[key] = validation.text(
                value, key, label=label, column=getattr(Person, key), max_length=length, strip=False
            )
    return cleaned


def _with_keys(values: dict, given: str, family: str, preferred: str) -> dict:
    """``values`` with the search and sort keys of her names, which must fit their columns
    (folding can lengthen a name: 'æ' becomes 'ae')."""
    keys = names.stored_keys(given, family, preferred)
    for key, text in keys.items():
        limit = getattr(Person, key).max_length
        if len(text) > limit:
            typed = [k for k in ("given_name", "family_name", "preferred_name") if k in values]
            field = max(typed, key=lambda k: len(values[k])) if typed else "given_name"
            raise ValidationError(
                "Her names together are too long to keep: shorten the longest one.", field
            )
    return {**values, **keys}


def _audit_values(values: dict) -> dict:
    return {k: (v.id if isinstance(v, User) else v) for k, v in values.items()}


def possible_duplicates(
    actor: User,
    given_name: str,
    family_name: str,
    date_of_birth: date | None = None,
    preferred_name: str = "",
    exclude_id: int | None = None,
) -> list[Person]:
    """People whose name (accents and case ignored) and date of birth look like these.

    Without a date of birth on either side, the name alone decides. Asked before a record is
    added or changed, so only by a role that may do that; the records come without their notes
    for anyone who may not read them.
    """
    permissions.require(actor, "manage_people")
    wanted = {k for k in names.search_key(given_name, family_name, preferred_name).split("|") if k}
    query = Person.select()
    if exclude_id is not None:
        query = query.where(Person.id != exclude_id)
    if date_of_birth is not None:
        query = query.where(
            Person.date_of_birth.is_null() | (Person.date_of_birth == date_of_birth)
        )
    matches = []
    for person in query.order_by(Person.family_name, Person.given_name):
        keys = {k for k in person.search_name.split("|") if k}
        if keys & wanted:
            matches.append(person)
    return viewing.all_as_seen_by(actor, matches)


def create_person(actor: User, *, given_name: str, family_name: str, **details: object) -> Person:
    """Record a woman's details. Use ``possible_duplicates`` first to avoid a second record."""
    permissions.require(actor, "manage_people")
    values = _clean({"given_name": given_name, "family_name": family_name, **details})
    values = _with_keys(
        values, values["given_name"], values["family_name"], values.get("preferred_name", "")
    )
    with write_transaction():
        person = Person.create(**values)
        recorded = {
            k: v for k, v in _audit_values(values).items() if k not in ("notes", *STORED_KEYS)
        }
        audit.record(actor, "create", "person", person.id, recorded)
    return person


def update_person(actor: User, person: Person, **changes: object) -> Person:
    """Change her record. ``person.version`` (or ``version=``) must still be current."""
    permissions.require(actor, "manage_people")
    person = validation.record(person, Person, "person")
    expected = validation.version(changes.pop("version", person.version))
    values = _clean(changes)
    with write_transaction():
        current = lock_row(Person, person.id, "That person's record no longer exists.")
        if {"given_name", "family_name", "preferred_name"} & set(values):
            merged = {
                k: values.get(k, getattr(current, k))
                for k in ("given_name", "family_name", "preferred_name")
            }
            values = _with_keys(
                values, merged["given_name"], merged["family_name"], merged["preferred_name"]
            )
        versioned_update(
            actor,
            Person,
            person.id,
            expected,
            values,
            entity="person",
            what="her record",
            audit_values=_audit_for_update,
            private=("notes",),
        )
    return _load(person.id)


def _audit_for_update(values: dict) -> dict:
    return {k: v for k, v in _audit_values(values).items() if k not in STORED_KEYS}


def _load(person_id: int) -> Person:
    person = Person.get_or_none(Person.id == validation.record_id(person_id, Person, "person"))
    if person is None:
        raise NotFound("That person's record no longer exists.")
    return person


def get_person(actor: User, person_id: int) -> Person:
    """Her record, as ``actor`` may see it: the one way a window reads a woman's record.

    A viewer gets her notes and safe-contact details blank (her risks and decision notes are
    blanked by the services that read them). Opening the record of a woman whose details are
    not to be disclosed is recorded in the audit log (action 'view'), here and not by a window.
    """
    if isinstance(actor, (int, Person)):
        raise TypeError("get_person(actor, person_id): the acting user comes first")
    permissions.require(actor, "view")
    person = viewing.as_seen_by(actor, _load(person_id))
    if person.do_not_disclose:
        audit.viewed(actor, person)
    return person


def name_of(actor: User, person_id: int) -> str:
    """Her name as lists show it (for a window's title or a question); not a view of her record."""
    permissions.require(actor, "view")
    row = Person.select(Person.given_name, Person.family_name, Person.preferred_name).where(
        Person.id == validation.record_id(person_id, Person, "person")
    )
    found = row.tuples().first()
    if found is None:
        raise NotFound("That person's record no longer exists.")
    return names.display_name(*found)


def keyworkers() -> list[User]:
    """Active users who can be a keyworker."""
    return list(User.select().where(User.active & (User.role != "viewer")).order_by(User.full_name))
