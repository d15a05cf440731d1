"""The team's own lists out to a spreadsheet: flats, women and current licences, in the columns
the import reads, so a list can go out, be corrected and come back. A woman whose details are not
to be disclosed is listed without her name unless the manager asks for names in so many words,
and the export is audited either way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from housing_desk.data.database import write_transaction
from housing_desk.data.models import Flat, Licence, Person, User
from housing_desk.services import (
    audit,
    import_fields,
    importing,
    permissions,
    spreadsheets,
    validation,
)
from housing_desk.services.licences import NOT_ENDED

if TYPE_CHECKING:
    from pathlib import Path

WITHHELD = "(confidential)"


def _flats() -> list[list]:
    rows = []
    for flat in Flat.select().where(~Flat.retired).order_by(Flat.reference):
        rows.append(
            [
                flat.reference,
                flat.address_line1,
                flat.address_line2,
                flat.town,
                flat.postcode,
                flat.partner.name,
                flat.bedrooms,
                flat.floor,
                "yes" if flat.step_free else "no",
                "yes" if flat.has_gas else "no",
                "yes" if flat.furnished else "no",
                flat.weekly_rent,
                flat.eligible_service_charge,
                flat.ineligible_service_charge,
                flat.support_charge,
                flat.head_lease_end,
                flat.notes,
            ]
        )
    return rows


def _name(person: Person, names: bool) -> tuple[str, str]:
    if person.do_not_disclose and not names:
        return WITHHELD, WITHHELD
    return person.given_name, person.family_name


def _people(names: bool) -> list[list]:
    rows = []
    for person in Person.select().where(~Person.archived).order_by(Person.sort_name):
        hidden = person.do_not_disclose and not names
        given, family = _name(person, names)
        rows.append(
            [
                given,
                family,
                "" if hidden else person.preferred_name,
                None if hidden else person.date_of_birth,
                "" if hidden else person.ni_number,
                "" if hidden else person.phone,
                "" if hidden else person.safe_contact,
                "yes" if person.do_not_disclose else "no",
                "yes" if person.needs_step_free else "no",
                # Her immigration status is hers: withheld with her details when they are.
                "" if hidden else ("yes" if person.no_recourse_to_public_funds else "no"),
                "" if hidden else person.areas_to_avoid,
                "",  # notes stay in Housing Desk
            ]
        )
    return rows


def _licences(names: bool) -> list[list]:
    from housing_desk.services import arrears

    rows = []
    query = Licence.select().where(Licence.status.in_(NOT_ENDED)).order_by(Licence.start_date)
    for licence in query:
        person = licence.person
        given, family = _name(person, names)
        rows.append(
            [
                licence.flat.reference,
                given,
                family,
                None if person.do_not_disclose and not names else person.date_of_birth,
                licence.start_date,
                licence.agreement_type,
                licence.hb_reference,
                licence.weekly_rent,
                licence.eligible_service_charge,
                licence.ineligible_service_charge,
                licence.support_charge,
                arrears.statement(licence).balance,
            ]
        )
    return rows


def export_list(
    actor: User, kind: str, path: str | Path, *, include_confidential: bool = False
) -> int:
    """Write the list of ``kind`` to ``path`` (.csv or .xlsx); returns how many rows."""
    permissions.require(actor, "export")
    kind = importing._kind(kind)
    path = validation.file_path(path)
    # Yes or no in so many words: 'no' as text must never let confidential names out.
    names = validation.flag(include_confidential, "include_confidential", label="Include names")
    rows = {
        "flats": _flats,
        "people": lambda: _people(names),
        "licences": lambda: _licences(names),
    }[kind]()
    rows = [[str(v) if hasattr(v, "as_tuple") else v for v in row] for row in rows]  # money as text
    spreadsheets.write(path, importing.template(kind), rows)
    with write_transaction():
        audit.record(
            actor,
            "export",
            kind,
            None,
            {"rows": len(rows), "confidential_names": names},
        )
    return len(rows)


KINDS = import_fields.KINDS
