"""Her rows in any table her copy has no section of its own for yet, printed plainly: a table
added later is in her copy the day it lands (its own section, worded for her, can follow)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from peewee import AutoField, ForeignKeyField

from housing_desk.documents.data import RecordSection
from housing_desk.services import her_records
from housing_desk.services.validation import uk_date

# The tables her copy words in sections of their own (access_sections, account_records,
# tenancy_records).
WORDED = frozenset(
    {
        "referral",
        "assessment",
        "assessment_score",
        "offer",
        "licence",
        "signup_item",
        "licence_key",
        "support_plan",
        "goal",
        "charge",
        "charge_change",
        "payment",
        "hb_decision",
        "hb_evidence",
        "absence",
        "repayment_plan",
        "subject_access_request",
        # tenancy_records words these
        "keywork_session",
        "keywork_goal",  # the goals a session worked on: part of the session
        "incident",
        "tenancy_warning",
        "support_review",
    }
)
_SKIPPED = ("version",)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return value.astimezone().strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return uk_date(value)
    if isinstance(value, Decimal):
        return f"£{value:,.2f}"
    return (
        str(value).replace("_", " ") if isinstance(value, str) and " " not in value else str(value)
    )


def other_sections(person_id: int) -> list[RecordSection]:
    found = []
    for model in her_records.tables():
        table = model._meta.table_name
        if table in WORDED:
            continue
        fields = [
            f
            for f in model._meta.sorted_fields
            if not isinstance(f, (AutoField, ForeignKeyField)) and f.name not in _SKIPPED
        ]
        if not fields:
            continue
        rows = tuple(
            tuple(_cell(getattr(row, f.name)) for f in fields)
            for row in her_records.rows_of(model, person_id).order_by(model.id)
        )
        found.append(
            RecordSection(
                table.replace("_", " ").capitalize(),
                tuple(f.name.replace("_", " ").capitalize() for f in fields),
                rows,
            )
        )
    return found
