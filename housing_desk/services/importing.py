"""Importing a team's flats, women and current licences from a spreadsheet.

Each row goes through the same service an officer's typing does, so every rule holds. A dry run
does the whole import inside a transaction and rolls it back: every problem is found (a missing
partner, a bad postcode, two rows with one reference) and nothing is written. A real run is one
transaction too: if any row has a problem, nothing is imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import Flat, Partner, User
from housing_desk.services import (
    accounts,
    arrears,
    assessments,
    audit,
    charging,
    flats,
    import_fields,
    licences,
    people,
    permissions,
    spreadsheets,
    validation,
)
from housing_desk.services.errors import DomainError, ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable
    from decimal import Decimal
    from pathlib import Path
    from typing import Any

    from housing_desk.data.models import Licence, Person
    from housing_desk.services.spreadsheets import Table

IMPORTED = "Recorded before Housing Desk (imported)"


@dataclass(frozen=True)
class Problem:
    row: int  # as the spreadsheet numbers it (headings are row 1)
    column: str  # the file's heading, or '' for the row as a whole
    message: str


@dataclass
class ImportReport:
    kind: str
    dry_run: bool
    rows: int = 0
    imported: int = 0
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[Problem] = field(default_factory=list)  # women already recorded: skipped
    unmatched: list[str] = field(default_factory=list)  # headings no field was found for
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled


class _Rollback(Exception):
    """Leaves the import's transaction without writing anything."""


def template(kind: str) -> list[str]:
    """The headings of a file for ``kind``, in order."""
    return [f.label for f in import_fields.FIELDS[kind]]


def import_file(
    actor: User,
    kind: str,
    path: str | Path,
    *,
    dry_run: bool = False,
    mapping: dict[str, str] | None = None,
    progress: Callable[[int, int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import ``path`` (.csv or .xlsx) as ``kind`` ('flats', 'people' or 'licences')."""
    permissions.require(actor, "import")
    kind = _kind(kind)
    path = validation.file_path(path)
    validation.flag(dry_run, "dry_run", label="A trial run")
    table = spreadsheets.read(path)
    return import_table(
        actor, kind, table, dry_run=dry_run, mapping=mapping, progress=progress, cancelled=cancelled
    )


def _kind(kind: object) -> str:
    if not isinstance(kind, str) or kind not in import_fields.FIELDS:
        raise ValidationError("Choose flats, people or licences to import.", "kind")
    return kind


def import_table(
    actor: User,
    kind: str,
    table: Table,
    *,
    dry_run: bool = False,
    mapping: dict[str, str] | None = None,
    progress: Callable[[int, int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    permissions.require(actor, "import")
    kind = _kind(kind)
    columns = import_fields.match(kind, table.headings, mapping)
    report = ImportReport(kind, dry_run, rows=len(table.rows))
    report.unmatched = [h for n, h in enumerate(table.headings) if n not in columns and h]
    fields = {f.key: f for f in import_fields.FIELDS[kind]}
    heading_of = {key: table.headings[n] for n, key in columns.items()}
    missing = [f.label for f in fields.values() if f.required and f.key not in heading_of]
    if missing:
        report.problems.append(
            Problem(
                1, "", f"No column for: {', '.join(missing)}. Check the headings, or match them."
            )
        )
        return report
    add = {"flats": _flat, "people": _person, "licences": _licence}[kind]
    try:
        with write_transaction():
            for done, (number, cells) in enumerate(table.rows, start=1):
                if cancelled is not None and cancelled():
                    report.cancelled = True
                    raise _Rollback
                values, bad = {}, []
                for column, key in columns.items():
                    cell = cells[column] if column < len(cells) else None
                    if cell in (None, ""):
                        continue
                    try:
                        values[key] = import_fields.convert(fields[key], cell)
                    except ValidationError as error:
                        bad.append(Problem(number, heading_of[key], error.message))
                for key, f in fields.items():
                    if f.required and key not in values and not bad:
                        bad.append(Problem(number, heading_of[key], f"{f.label} is required."))
                if not bad:
                    try:
                        with write_transaction():  # a savepoint: a refused row leaves nothing
                            if add(actor, values, report, number) is not None:
                                report.imported += 1
                    except DomainError as error:
                        heading = heading_of.get(getattr(error, "field", None) or "", "")
                        bad.append(Problem(number, heading, error.message))
                report.problems.extend(bad)
                if progress is not None:
                    progress(done, len(table.rows))
            if dry_run or report.problems:
                raise _Rollback
            audit.record(
                actor,
                "create",
                "import",
                None,
                {"kind": kind, "rows": report.rows, "imported": report.imported},
            )
    except _Rollback:
        if not dry_run:
            report.imported = 0
    return report


def _partner(name: str) -> Partner:
    wanted = name.strip().casefold()
    found = next((p for p in Partner.select() if p.name.casefold() == wanted), None)
    if found is None:
        raise ValidationError(f"No partner called '{name}' is recorded: add it first.", "partner")
    return found


def _flat(actor: User, values: dict[str, Any], report: ImportReport, number: int) -> Flat:
    values["partner"] = _partner(values["partner"])
    return flats.create_flat(actor, **values)


def _person(
    actor: User, values: dict[str, Any], report: ImportReport, number: int
) -> Person | None:
    alike = people.possible_duplicates(
        actor,
        values["given_name"],
        values["family_name"],
        values.get("date_of_birth"),
        values.get("preferred_name", ""),
    )
    if alike and values.get("date_of_birth") is not None:
        report.duplicates.append(
            Problem(
                number,
                "",
                "Looks like a woman already recorded (same name and date of birth): not added again.",
            )
        )
        return None
    return people.create_person(actor, **values)


def _woman(actor: User, values: dict[str, Any]) -> Person:
    born = values.get("date_of_birth")
    alike = [
        p
        for p in people.possible_duplicates(
            actor, values["given_name"], values["family_name"], born
        )
        if born is None or p.date_of_birth == born
    ]
    who = f"{values['given_name']} {values['family_name']}"
    if not alike:
        raise ValidationError(
            f"No woman called {who} is recorded: import people first.", "given_name"
        )
    if len(alike) > 1:
        raise ValidationError(
            f"More than one woman called {who} is recorded: add her date of birth.", "date_of_birth"
        )
    return alike[0]


def _licence(actor: User, values: dict[str, Any], report: ImportReport, number: int) -> Licence:
    reference = values.pop("flat").strip().upper()
    flat = Flat.get_or_none(Flat.reference == reference)
    if flat is None:
        raise ValidationError(f"No flat {reference} is recorded: import flats first.", "flat")
    woman = _woman(actor, values)
    start = values.pop("start_date")
    balance = values.pop("balance", None)
    for key in ("given_name", "family_name", "date_of_birth"):
        values.pop(key, None)
    latest = assessments.latest_outcome(woman, start)
    if latest is None or latest[0] not in assessments.READY:
        values["readiness_override"] = IMPORTED
    licence = licences.create_licence(actor, woman, flat, start_date=start, **values)
    if start <= clock.today():
        for key, _label in licences.SIGNUP_CHECKLIST:
            note = values.get("hb_reference") or IMPORTED if key == "hb_claim" else IMPORTED
            licences.complete_signup_item(actor, licence, key, note=note)
        licences.activate(actor, licence)
    _opening_balance(actor, licence, balance)
    return licence


def _opening_balance(actor: User, licence: Licence, balance: Decimal) -> None:
    # Her earlier charges and payments were kept elsewhere: what she owes today is carried over,
    # as one entry, instead of years of charges with no payments against them.
    owed = charging.ZERO if balance in (None, "") else _money(balance)
    accounts.settle(licence, up_to=clock.today(), actor=actor)
    posted = arrears.statement(licence).balance
    if owed > posted:
        raise ValidationError(
            f"She cannot owe more ({owed:,.2f}) than her charges since the start date "
            f"({posted:,.2f}).",
            "balance",
        )
    if posted > owed:
        accounts.record_payment(
            actor,
            licence,
            received_on=clock.today(),
            amount=posted - owed,
            source="other",
            reference="Balance brought forward on import",
        )


def _money(value: object) -> Decimal:
    return validation.money(value, "balance", label="Balance owed today")
