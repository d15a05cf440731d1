"""Between Python dates and Qt date widgets, and the team's dd/mm/yyyy."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from housing_desk.services.validation import uk_date


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def set_date(edit: QDateEdit, day: date) -> None:
    edit.setDate(to_qdate(day))


def get_date(edit: QDateEdit) -> date:
    return from_qdate(edit.date())


def uk(day: date | None) -> str:
    return uk_date(day)
