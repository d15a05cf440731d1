"""The women referred for a flat: their records, kept exactly, and found again without duplicates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from housing_desk.data.database import write_transaction
from housing_desk.data.models import Person, Referral, User
from housing_desk.services import audit, names, permissions, validation
from housing_desk.services.errors import NotFound, ValidationError
from housing_desk.services.records import versioned_update

MINIMUM_AGE = 16
_NI = re.compile(r"^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$")
_DISTRICT = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?$")
_PHONE = re.compile(r"^[+\d][\d ()-]{5,}$")
_FLAGS = {"message_ok": "Message may be left", "do_not_disclose": "Do not disclose",
          "needs_step_free": "Needs step-free access", "archived": "Archived"}
_TEXTS = {"safe_contact": ("Safe contact", 500), "notes": ("Notes", 20000)}
EDITABLE = ("given_name", "family_name", "preferred_name", "date_of_birth", "ni_number", "phone",
            "keyworker", "areas_to_avoid", *_FLAGS, *_TEXTS)
STATUS_LABELS = {
    "": "Not referred",
    "received": "Referral received",
    "assessing": "Being assessed",
    "accepted": "On the waiting list",
    "declined": "Declined",
    "withdrawn": "Withdrawn",
    "housed": "Housed",
    "closed": "Closed",
}


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _date_of_birth(value) -> date | None:
    born = validation.a_date(value, "date_of_birth", label="Date of birth", required=False)
    if born is None:
        return None
    today = date.today()
    if born > today:
        raise ValidationError("The date of birth cannot be in the future.", "date_of_birth")
    if age_on(born, today) < MINIMUM_AGE:
        raise ValidationError(f"She must be {MINIMUM_AGE} or over to hold a licence.", "date_of_birth")
    if age_on(born, today) > 120:
        raise ValidationError("Check the date of birth: that would make her over 120.", "date_of_birth")
    return born


def _ni_number(value) -> str:
    raw = validation.text(value, "ni_number", label="NI number", max_length=20)
    number = re.sub(r"\s+", "", raw).upper()
    if number and not _NI.match(number):
        raise ValidationError(f"'{raw}' is not a National Insurance number (for example AB 12 34 56 C).",
                              "ni_number")
    return number


def _areas(value) -> str:
    if isinstance(value, (list, tuple)):
        value = ", ".join(value)
    raw = validation.text(value, "areas_to_avoid", label="Areas to avoid", max_length=200)
    districts = []
    for part in re.split(r"[,;\s]+", raw.upper()):
        if not part:
            continue
        if not _DISTRICT.match(part):
            raise ValidationError(f"'{part}' is not a postcode district (for example NN1 or NN13).",
                                  "areas_to_avoid")
        if part not in districts:
            districts.append(part)
    return ", ".join(districts)


def _keyworker(value) -> User | None:
    if value is None:
        return None
    user_id = value.id if isinstance(value, User) else value
    user = User.get_or_none(User.id == user_id)
    if user is None or not user.active or user.role == "viewer":
        raise ValidationError("Choose a keyworker from the team's active officers.", "keyworker")
    return user


def _clean(values: dict) -> dict:
    unknown = sorted(set(values) - set(EDITABLE))
    if unknown:
        raise ValidationError(f"People's records have no field called {unknown[0]}.", unknown[0])
    cleaned = {}
    for key, value in values.items():
        if key in ("given_name", "family_name", "preferred_name"):
            label = {"given_name": "Given name", "family_name": "Family name", "preferred_name": "Preferred name"}[key]
            cleaned[key] = names.person_name(value, key, label=label, required=key != "preferred_name")
        elif key == "date_of_birth":
            cleaned[key] = _date_of_birth(value)
        elif key == "ni_number":
            cleaned[key] = _ni_number(value)
        elif key == "phone":
            phone = validation.text(value, key, label="Phone", max_length=40)
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
            label, length = _TEXTS[key]
            cleaned[key] = _literal_text(value, key, label=label, max_length=length)
    return cleaned


def _literal_text(value, field: str, *, label: str, max_length: int) -> str:
    """Free text kept exactly as typed, spaces and line breaks included."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(f"{label} must be text.", field)
    if len(value) > max_length:
        raise ValidationError(f"{label} can be at most {max_length} characters.", field)
    return value


def _audit_values(values: dict) -> dict:
    return {k: (v.id if isinstance(v, User) else v) for k, v in values.items()}


def possible_duplicates(given_name: str, family_name: str, date_of_birth: date | None = None,
                        preferred_name: str = "", exclude_id: int | None = None) -> list[Person]:
    """People whose name (accents and case ignored) and date of birth look like these.

    Without a date of birth on either side, the name alone decides.
    """
    wanted = {k for k in names.search_key(given_name, family_name, preferred_name).split("|") if k}
    query = Person.select()
    if exclude_id is not None:
        query = query.where(Person.id != exclude_id)
    if date_of_birth is not None:
        query = query.where(Person.date_of_birth.is_null() | (Person.date_of_birth == date_of_birth))
    matches = []
    for person in query.order_by(Person.family_name, Person.given_name):
        keys = {k for k in person.search_name.split("|") if k}
        if keys & wanted:
            matches.append(person)
    return matches


def create_person(actor, *, given_name, family_name, **details) -> Person:
    """Record a woman's details. Use ``possible_duplicates`` first to avoid a second record."""
    permissions.require(actor, "manage_people")
    values = _clean({"given_name": given_name, "family_name": family_name, **details})
    values["search_name"] = names.search_key(
        values["given_name"], values["family_name"], values.get("preferred_name", "")
    )
    with write_transaction():
        person = Person.create(**values)
        recorded = {k: v for k, v in _audit_values(values).items() if k not in ("notes", "search_name")}
        audit.record(actor, "create", "person", person.id, recorded)
    return person


def update_person(actor, person: Person, **changes) -> Person:
    """Change her record. ``person.version`` (or ``version=``) must still be current."""
    permissions.require(actor, "manage_people")
    expected = changes.pop("version", person.version)
    values = _clean(changes)
    with write_transaction():
        current = Person.get_or_none(Person.id == person.id)
        if current is None:
            raise NotFound("That person's record no longer exists.")
        if {"given_name", "family_name", "preferred_name"} & set(values):
            merged = {k: values.get(k, getattr(current, k)) for k in ("given_name", "family_name", "preferred_name")}
            values["search_name"] = names.search_key(
                merged["given_name"], merged["family_name"], merged["preferred_name"]
            )
        versioned_update(actor, Person, person.id, expected, values, entity="person",
                         what="her record", audit_values=_audit_for_update, private=("notes",))
    return get_person(person.id)


def _audit_for_update(values: dict) -> dict:
    return {k: v for k, v in _audit_values(values).items() if k != "search_name"}


def get_person(person_id: int, actor=None) -> Person:
    """Her record. For an ``actor`` who may not see sensitive details (a viewer), the notes and
    safe-contact details come back blank."""
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise NotFound("That person's record no longer exists.")
    if actor is not None and not permissions.allowed(actor, "view_sensitive"):
        person.notes = ""
        person.safe_contact = ""
    return person


@dataclass(frozen=True)
class PersonRow:
    """One line of the People list, loaded in a fixed number of queries."""

    person_id: int
    name: str
    given_name: str
    family_name: str
    date_of_birth: date | None
    status: str
    keyworker_id: int | None
    keyworker: str
    do_not_disclose: bool
    archived: bool
    search_name: str

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def sort_name(self) -> tuple[str, str]:
        """Family then given name without accents or case, from the stored search key ('|given family|…')."""
        folded = self.search_name.split("|")[1] if "|" in self.search_name else self.search_name
        return (self.family_name.casefold(), folded)


def latest_referral_status() -> dict[int, str]:
    """Each person's latest referral status (by date received, then entry)."""
    latest: dict[int, str] = {}
    query = Referral.select(Referral.person, Referral.status).order_by(Referral.received_on, Referral.id)
    for person_id, status in query.tuples():
        latest[person_id] = status
    return latest


def list_people(include_archived: bool = False) -> list[PersonRow]:
    """Everyone, by family name then given name (accents and case ignored), in three queries."""
    statuses = latest_referral_status()
    keyworkers = dict(User.select(User.id, User.full_name).tuples())
    query = Person.select(Person.id, Person.given_name, Person.family_name, Person.preferred_name,
                          Person.date_of_birth, Person.keyworker, Person.do_not_disclose, Person.archived,
                          Person.search_name)
    if not include_archived:
        query = query.where(~Person.archived)
    rows = [
        PersonRow(
            person_id=pid, name=f"{preferred or given} {family}", given_name=given, family_name=family,
            date_of_birth=born, status=statuses.get(pid, ""), keyworker_id=keyworker_id,
            keyworker=keyworkers.get(keyworker_id, ""), do_not_disclose=hidden, archived=archived,
            search_name=search,
        )
        for pid, given, family, preferred, born, keyworker_id, hidden, archived, search in query.tuples()
    ]
    rows.sort(key=lambda r: r.sort_name)
    return rows


def keyworkers() -> list[User]:
    """Active users who can be a keyworker."""
    return list(User.select().where(User.active & (User.role != "viewer")).order_by(User.full_name))
