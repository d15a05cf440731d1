"""Plain data for her account's documents: the statement and the letters about arrears."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from housing_desk.documents.data import Organisation


@dataclass(frozen=True)
class StatementRow:
    on: date
    description: str
    charge: Decimal | None
    payment: Decimal | None
    balance: Decimal


@dataclass(frozen=True)
class StatementData:
    organisation: Organisation
    reference: str
    resident_name: str
    flat_address: str
    printed_on: date
    start: date | None
    opening_balance: Decimal
    rows: tuple[StatementRow, ...] = field(default_factory=tuple)
    balance: Decimal = Decimal("0.00")
    her_balance: Decimal = Decimal("0.00")
    hb_balance: Decimal = Decimal("0.00")
    # How her rent is met, worded by the service: her Housing Benefit claim's status, or, for a
    # woman with no recourse to public funds, who meets it (never Housing Benefit).
    rent_label: str = "Housing Benefit"
    rent_line: str = ""
    rent_note: str = ""
    no_recourse_to_public_funds: bool = False


@dataclass(frozen=True)
class LetterData:
    organisation: Organisation
    reference: str
    resident_name: str
    first_name: str
    flat_address: str
    dated: date
    officer_name: str
    values: dict[str, str]  # the letter's placeholders, already worded
