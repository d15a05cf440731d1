"""What each import reads: the columns of flats, people and current licences, the headings a team
may have used for them, and how a spreadsheet's text becomes a value."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from housing_desk import clock
from housing_desk.services.errors import ValidationError


@dataclass(frozen=True)
class ImportField:
    key: str  # the service's keyword argument
    label: str  # the heading of the template
    kind: str = "text"  # text | date | money | flag | yes_no | number
    required: bool = False
    synonyms: tuple[str, ...] = ()


CHARGES = (
    ImportField("weekly_rent", "Weekly rent", "money", synonyms=("rent", "rent per week")),
    ImportField(
        "eligible_service_charge",
        "Eligible service charge",
        "money",
        synonyms=("service charge", "eligible service"),
    ),
    ImportField(
        "ineligible_service_charge",
        "Ineligible service charge",
        "money",
        synonyms=("ineligible service", "personal charge"),
    ),
    ImportField("support_charge", "Support charge", "money", synonyms=("support",)),
)
FIELDS = {
    "flats": (
        ImportField("reference", "Reference", required=True, synonyms=("flat", "flat ref", "ref")),
        ImportField(
            "address_line1",
            "Address line 1",
            required=True,
            synonyms=("address", "address 1", "street", "first line of address"),
        ),
        ImportField("address_line2", "Address line 2", synonyms=("address 2",)),
        ImportField("town", "Town", required=True, synonyms=("city",)),
        ImportField("postcode", "Postcode", required=True, synonyms=("post code", "zip")),
        ImportField(
            "partner", "Partner", required=True, synonyms=("landlord", "owner", "partner name")
        ),
        ImportField("bedrooms", "Bedrooms", "number", synonyms=("beds",)),
        ImportField("floor", "Floor", "number"),
        ImportField("step_free", "Step-free", "flag", synonyms=("step free access", "accessible")),
        ImportField("has_gas", "Gas", "flag", synonyms=("has gas", "gas supply")),
        ImportField("furnished", "Furnished", "flag"),
        *(
            f if f.key != "weekly_rent" else ImportField(f.key, f.label, f.kind, True, f.synonyms)
            for f in CHARGES
        ),
        ImportField("head_lease_end", "Head lease ends", "date", synonyms=("lease end",)),
        ImportField("notes", "Notes"),
    ),
    "people": (
        ImportField("given_name", "Given name", required=True, synonyms=("first name", "forename")),
        ImportField("family_name", "Family name", required=True, synonyms=("surname", "last name")),
        ImportField("preferred_name", "Preferred name", synonyms=("known as",)),
        ImportField(
            "date_of_birth", "Date of birth", "date", synonyms=("dob", "birth date", "born")
        ),
        ImportField(
            "ni_number",
            "NI number",
            synonyms=("national insurance", "national insurance number", "ni"),
        ),
        ImportField("phone", "Phone", synonyms=("telephone", "mobile", "phone number")),
        ImportField("safe_contact", "Safe contact", synonyms=("how to contact",)),
        ImportField("do_not_disclose", "Do not disclose", "flag", synonyms=("confidential",)),
        ImportField("needs_step_free", "Needs step-free access", "flag", synonyms=("step free",)),
        # What it says of her immigration status is too weighty for a guess: only yes, no, true,
        # false or blank (blank: no) are read, and anything else is refused.
        ImportField(
            "no_recourse_to_public_funds",
            "No recourse to public funds",
            "yes_no",
            synonyms=("nrpf", "no recourse"),
        ),
        ImportField("areas_to_avoid", "Areas to avoid", synonyms=("avoid",)),
        ImportField("notes", "Notes"),
    ),
    "licences": (
        ImportField("flat", "Flat reference", required=True, synonyms=("flat", "reference", "ref")),
        ImportField("given_name", "Given name", required=True, synonyms=("first name", "forename")),
        ImportField("family_name", "Family name", required=True, synonyms=("surname", "last name")),
        ImportField("date_of_birth", "Date of birth", "date", synonyms=("dob", "birth date")),
        ImportField(
            "start_date", "Start date", "date", True, ("start", "moved in", "move in date")
        ),
        ImportField("agreement_type", "Agreement type", synonyms=("agreement", "tenure")),
        ImportField(
            "hb_reference",
            "Housing Benefit reference",
            synonyms=("hb reference", "hb ref", "housing benefit ref"),
        ),
        *CHARGES,
        ImportField(
            "balance",
            "Balance owed today",
            "money",
            synonyms=("balance", "arrears", "amount owed"),
        ),
    ),
}
KINDS = {"flats": "Flats", "people": "People", "licences": "Current licences"}


def fold(heading: str) -> str:
    """A heading as it is matched: case, spaces, underscores and punctuation ignored."""
    return re.sub(r"[^a-z0-9]", "", str(heading or "").lower())


def match(kind: str, headings: list[str], mapping: dict[str, str] | None = None) -> dict[int, str]:
    """Column number -> field key for every heading recognised (``mapping`` wins: heading -> key
    or '' to leave a column out)."""
    fields = FIELDS[kind]
    known: dict[str, str] = {}
    for f in fields:
        for name in (f.key, f.label, *f.synonyms):
            known.setdefault(fold(name), f.key)
    chosen = {fold(h): k for h, k in (mapping or {}).items()}
    found: dict[int, str] = {}
    for column, heading in enumerate(headings):
        key = chosen.get(fold(heading), known.get(fold(heading)))
        if key and key not in found.values():
            found[column] = key
    return found


_UK_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_EXCEL_EPOCH = date(1899, 12, 30)
_YES = {"yes", "y", "true", "1", "x", "✓"}
_NO = {"no", "n", "false", "0", ""}
_STRICT = {"yes": True, "true": True, "no": False, "false": False, "": False}


def convert(field: ImportField, value: str) -> object:
    """A cell's value as the service takes it; ValidationError naming the field if it cannot be."""
    if field.kind == "date":
        return _date(field, value)
    if field.kind == "flag":
        text = str(value).strip().lower()
        if text in _YES:
            return True
        if text in _NO:
            return False
        raise ValidationError(f"{field.label} must be yes or no.", field.key)
    if field.kind == "yes_no":
        text = str(value).strip().lower()
        if text in _STRICT:
            return _STRICT[text]
        raise ValidationError(
            f"{field.label} must be yes, no, true, false or left blank (this says "
            f"'{str(value).strip()[:20]}').",
            field.key,
        )
    if field.kind == "number":
        try:
            return int(str(value).strip())
        except ValueError:
            raise ValidationError(f"{field.label} must be a whole number.", field.key) from None
    return value if isinstance(value, str) else str(value)


def _date(field: ImportField, value: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    uk = _UK_DATE.match(text)
    try:
        if uk:
            day, month, year = (int(part) for part in uk.groups())
            if year < 100:
                year += 2000 if year <= clock.today().year % 100 else 1900
            return date(year, month, day)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        if re.fullmatch(r"\d{5}", text):  # a date Excel saved as its serial number
            return _EXCEL_EPOCH + timedelta(days=int(text))
    except ValueError:
        pass
    raise ValidationError(
        f"{field.label} must be a date, such as 05/01/2027 (this says '{text[:20]}').", field.key
    )
