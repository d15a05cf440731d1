"""Where a woman's data lives: every table that holds a row about her, found from the models.

A table is hers when it points at her (``person``) or at a record of hers (her licences, her
referrals, her assessments, her support plans, her offers), however many steps away. Anonymising
her clears every text column of those rows except the codes named in ``CODES``; her subject
access export reads the same rows. So a table added later is covered the day it is added: its
free text is cleared unless it is declared a code here, and a test fails until each of its text
columns is either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from peewee import CharField, ForeignKeyField, TextField

from housing_desk.data.models import MODELS, Person

if TYPE_CHECKING:
    from peewee import Expression, ModelSelect

    from housing_desk.data.models import BaseModel

_M = TypeVar("_M", bound="BaseModel")  # a kind of record

# Text columns that hold a code from a fixed list (kept for the team's statistics), by table.
CODES: dict[str, frozenset[str]] = {
    "referral": frozenset({"source", "status", "decision_reason"}),
    "assessment": frozenset(
        {
            "outcome",
            "risk_to_self",
            "risk_to_others",
            "risk_from_others",
            "risk_to_tenancy",
            "risk_markers",
        }
    ),
    "assessment_score": frozenset({"domain"}),
    "offer": frozenset({"status", "reason"}),
    "licence": frozenset(
        {
            "agreement_type",
            "payment_day",
            "hb_status",
            "status",
            "notice_by",
            "notice_served_how",
            "excluded_category",
            "end_reason",
        }
    ),
    "signup_item": frozenset({"key"}),
    "support_plan": frozenset({"status"}),
    "goal": frozenset({"domain", "status"}),
    "payment": frozenset({"source"}),
    "hb_decision": frozenset({"decision"}),
    "absence": frozenset({"reason"}),
    "subject_access_request": frozenset({"status"}),
    "keywork_session": frozenset({"kind"}),
    "incident": frozenset({"kind", "severity", "referred_to"}),
    "tenancy_warning": frozenset({"stage"}),
}


def _link(model: type[BaseModel]) -> ForeignKeyField[Any] | None:
    """The foreign key by which ``model``'s rows belong to a woman, or None (her own row: None)."""
    for field in model._meta.fields.values():
        if isinstance(field, ForeignKeyField) and field.rel_model is Person:
            return field
    for field in model._meta.fields.values():
        if (
            isinstance(field, ForeignKeyField)
            and field.rel_model is not model
            and _link(field.rel_model) is not None
        ):
            return field
    return None


def tables() -> list:
    """Every model (other than her own row) whose rows belong to a woman, in creation order."""
    return [model for model in MODELS if model is not Person and _link(model) is not None]


def rows_of(model: type[_M], person_id: int) -> ModelSelect[_M]:
    """A query of ``model``'s rows that belong to her."""
    return model.select().where(_belongs(model, person_id))


def _belongs(model: type[BaseModel], person_id: int) -> Expression | bool:
    field = _link(model)
    if field is None:
        raise ValueError(f"{model.__name__} rows do not belong to a woman")
    if field.rel_model is Person:
        return field == person_id
    parent = field.rel_model
    return field.in_(parent.select(parent.id).where(_belongs(parent, person_id)))


def text_columns(model: type[BaseModel]) -> list[str]:
    return [
        name
        for name, field in model._meta.fields.items()
        if isinstance(field, (CharField, TextField))
    ]


def free_text(model: type[BaseModel]) -> list[str]:
    """The text columns that anonymising clears: all but the codes."""
    codes = CODES.get(model._meta.table_name, frozenset())
    return [name for name in text_columns(model) if name not in codes]


def clear(person_id: int) -> None:
    """Blank every free-text column of every row of hers (call inside the write transaction)."""
    for model in tables():
        columns = free_text(model)
        if columns:
            model.update({model._meta.fields[name]: "" for name in columns}).where(
                _belongs(model, person_id)
            ).execute()
