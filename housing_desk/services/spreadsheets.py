"""Reading and writing the team's lists as CSV or Excel (.xlsx) files.

A file is read into headings and rows: blank lines are skipped, every value is text with its
spaces trimmed, except Excel's own dates, which arrive as dates. Each row keeps the number a
person sees in the spreadsheet (the heading is row 1).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from housing_desk.services.errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

MAX_ROWS = 50_000


@dataclass
class Table:
    headings: list[str]
    rows: list[tuple[int, list]] = field(default_factory=list)  # (row number, values)


def _cell(value: object) -> str | date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date) or value is None:
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _blank(values: list) -> bool:
    return all(v in (None, "") for v in values)


def read(path: str | Path) -> Table:
    """The first sheet of an .xlsx file, or a .csv file (UTF-8, comma or semicolon separated)."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            lines = _xlsx_lines(path)
        elif suffix == ".csv":
            lines = _csv_lines(path)
        else:
            raise ValidationError("Choose a .csv or .xlsx file.", "file")
    except OSError as error:
        raise ValidationError(f"That file cannot be read: {error.strerror}.", "file") from None
    headings: list[str] | None = None
    table = Table([])
    for number, values in lines:
        values = [_cell(v) for v in values]
        if _blank(values):
            continue
        if headings is None:
            headings = [str(v or "").strip() for v in values]
            table.headings = headings
            continue
        if len(table.rows) >= MAX_ROWS:
            raise ValidationError(f"A file can hold at most {MAX_ROWS:,} rows.", "file")
        table.rows.append((number, values + [None] * (len(headings) - len(values))))
    if headings is None:
        raise ValidationError("That file is empty: it has no row of headings.", "file")
    return table


def _csv_lines(path: Path) -> Iterable[tuple[int, list[Any]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")  # what Excel on Windows saves as "CSV" by default
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1)


def _xlsx_lines(path: Path) -> Iterable[tuple[int, list[Any]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, KeyError, ValueError, OSError) as error:
        raise ValidationError(
            "That is not an Excel workbook Housing Desk can read.", "file"
        ) from error
    try:
        sheet = book.worksheets[0]
        return list(enumerate((list(r) for r in sheet.iter_rows(values_only=True)), start=1))
    finally:
        book.close()


def write(path: str | Path, headings: list[str], rows: list[list]) -> None:
    """Write a list as .xlsx or .csv (by the file's name), dates as dd/mm/yyyy in CSV."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        book = Workbook()
        sheet = book.active
        sheet.append([_safe(h) for h in headings])
        for row in rows:
            sheet.append([_safe(v) for v in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column in sheet.columns:
            for cell in column:
                if isinstance(cell.value, date):
                    cell.number_format = "DD/MM/YYYY"
        book.save(path)
        return
    with path.open("w", newline="", encoding="utf-8-sig") as file:
        writer = csv.writer(file)
        writer.writerow([_safe(h) for h in headings])
        for row in rows:
            writer.writerow(
                [
                    f"{v.day:02d}/{v.month:02d}/{v.year}" if isinstance(v, date) else _safe(v)
                    for v in row
                ]
            )


def _safe(value: object) -> object:
    # Text that starts like a formula would run as one when the file is opened in a spreadsheet.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
