"""The audit log page's lines: when, who (by full name), what happened in words, and the record.

The record is named as the team knows it: a flat by its reference, a woman by the name she uses,
a partner or an account by its name. A woman whose details are not to be disclosed is never
named: her records read "a confidential record". Names are looked up for a whole page of events
at once, a few queries per kind of record, so the page stays quick on a large database.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from peewee import ForeignKeyField

from housing_desk.data import rows
from housing_desk.data.models import MODELS, Attachment, Flat, Partner, Person, User
from housing_desk.services import audit, her_records
from housing_desk.services.audit_words import describe

if TYPE_CHECKING:
    from collections.abc import Iterable

    from peewee import Field

    from housing_desk.data.models import BaseModel

CONFIDENTIAL = "a confidential record"
SYSTEM = "Housing Desk"
# Kinds of event whose entity id is a row of another table.
_TABLE_OF = {"user": "app_user", "signup_item": "licence"}
# Kinds of event about no single record.
_FIXED = {
    "setting": "Settings",
    "board": "Availability report",
    "backup": "Backup",
    "report": "Reports",
    "import": "Import",
}
_MODELS = {model._meta.table_name: model for model in MODELS}


@dataclass(frozen=True)
class LogLine:
    at: datetime
    who: str  # the officer's full name; "Housing Desk" for the system itself
    what: str  # in words: "changed the licence's status from active to notice"
    record: str  # "Flat B2", "Ana Lopes", "Ana Lopes, flat B2", "a confidential record"
    action: str
    entity: str
    entity_id: int | None

    @property
    def when(self) -> str:
        local = self.at.astimezone()
        return local.strftime("%d/%m/%Y %H:%M")


def lines(
    actor: User,
    *,
    username: str | None = None,
    entity: str | None = None,
    person_id: int | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 2000,
) -> list[LogLine]:
    """The audit log for managers in words, newest first, filtered as ``audit.search``."""
    events = audit.search(
        actor,
        username=username,
        entity=entity,
        person_id=person_id,
        since=since,
        until=until,
        limit=limit,
    )
    names = record_names([(e.entity, e.entity_id) for e in events])
    return [
        LogLine(
            at=e.at,
            who=e.actor_name or e.actor or SYSTEM,
            what=_sentence(describe(e)),
            record=names.get((e.entity, e.entity_id), ""),
            action=e.action,
            entity=e.entity,
            entity_id=e.entity_id,
        )
        for e in events
    ]


def _sentence(words: str) -> str:
    return words[:1].upper() + words[1:]


def record_names(pairs: Iterable[tuple[str, int | None]]) -> dict[tuple[str, int | None], str]:
    """``{(entity, entity_id): name}`` for audit events' records, looked up kind by kind."""
    by_entity: dict[str, set[int]] = defaultdict(set)
    names: dict[tuple[str, int | None], str] = {}
    for entity, entity_id in pairs:
        if entity in _FIXED:
            names[(entity, entity_id)] = _FIXED[entity]
        elif entity_id is not None:
            by_entity[entity].add(entity_id)
    attachments: dict[int, tuple[str, int]] = {}
    if "attachment" in by_entity:
        ids = by_entity.pop("attachment")
        query = Attachment.select(Attachment.id, Attachment.entity, Attachment.entity_id)
        for row_id, entity, entity_id in rows.tuples(query.where(Attachment.id.in_(list(ids)))):
            attachments[row_id] = (entity, entity_id)
            by_entity[entity].add(entity_id)
    for entity, ids in by_entity.items():
        model = _MODELS.get(_TABLE_OF.get(entity, entity))
        if model is not None:
            for row_id, name in _names(model, ids).items():
                names[(entity, row_id)] = name
    for row_id, owner in attachments.items():
        if owner in names:
            names[("attachment", row_id)] = f"File on {names[owner]}"
    return names


def _names(model: type[BaseModel], ids: set[int]) -> dict[int, str]:
    ids = set(ids)
    if model is Person:
        return _women(ids)
    if model is Flat:
        return {i: f"Flat {ref}" for i, ref in _column(Flat, Flat.reference, ids).items()}
    if model is Partner:
        return _column(Partner, Partner.name, ids)
    if model is User:
        return _column(User, User.full_name, ids)
    flat_field = next(
        (
            f
            for f in model._meta.fields.values()
            if isinstance(f, ForeignKeyField) and f.rel_model is Flat
        ),
        None,
    )
    women = _women_of(model, ids) if her_records._link(model) is not None else {}
    flats = _flats_of(model, flat_field, ids) if flat_field is not None else {}
    named = {}
    for row_id in ids:
        woman, flat = women.get(row_id), flats.get(row_id)
        if woman == CONFIDENTIAL:
            named[row_id] = CONFIDENTIAL  # not even the flat: it would say where she lives
        elif woman and flat:
            named[row_id] = f"{woman}, flat {flat}"
        elif woman or flat:
            named[row_id] = woman or f"Flat {flat}"
    return named


def _column(model: type[BaseModel], field: Field, ids: Iterable[int]) -> dict[int, str]:
    return dict(rows.tuples(model.select(model.id, field).where(model.id.in_(list(ids)))))


def _women(ids: Iterable[int]) -> dict[int, str]:
    query = Person.select(
        Person.id,
        Person.given_name,
        Person.family_name,
        Person.preferred_name,
        Person.do_not_disclose,
    ).where(Person.id.in_(list(ids)))
    return {
        row_id: CONFIDENTIAL if hidden else f"{preferred or given} {family}"
        for row_id, given, family, preferred, hidden in rows.tuples(query)
    }


def _women_of(model: type[BaseModel], ids: Iterable[int]) -> dict[int, str]:
    """Her name for each row of ``model``, following its link to her (a payment's licence's woman)."""
    owners = {row_id: row_id for row_id in ids}  # row id -> id in the table reached so far
    while model is not Person:
        field = her_records._link(model)
        if field is None:
            return {}
        reached = model.select(model.id, field).where(model.id.in_(list(set(owners.values()))))
        step = dict(rows.tuples(reached))
        owners = {row_id: step[o] for row_id, o in owners.items() if step.get(o) is not None}
        model = field.rel_model
    women = _women(set(owners.values()))
    return {row_id: women[o] for row_id, o in owners.items() if o in women}


def _flats_of(model: type[BaseModel], field: Field, ids: Iterable[int]) -> dict[int, str]:
    query = (
        model.select(model.id, Flat.reference)
        .join(Flat, on=(field == Flat.id))
        .where(model.id.in_(list(ids)))
    )
    return dict(rows.tuples(query))
