"""The audit trail: who did what to which record, written with the change itself."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from peewee import JOIN

from housing_desk.data.models import AuditEvent as AuditRow
from housing_desk.data.models import User

ACTIONS = ("create", "update", "delete", "print", "export", "login", "view")


@dataclass(frozen=True)
class AuditEvent:
    at: datetime
    actor: str  # username; '' for the system itself
    action: str
    entity: str
    entity_id: int | None
    changes: dict


def _plain(value):
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def record(
    actor: User | None, action: str, entity: str, entity_id: int | None, changes=None
) -> None:
    """Write one audit row. Call it inside the transaction of the change it records."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    payload = {key: _plain(value) for key, value in (changes or {}).items()}
    AuditRow.create(
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        changes=json.dumps(payload, ensure_ascii=False, default=str, sort_keys=True),
    )


def diff(before: dict, after: dict) -> dict:
    """``{field: [old, new]}`` for every field whose value changed."""
    return {
        key: [_plain(before.get(key)), _plain(value)]
        for key, value in after.items()
        if before.get(key) != value
    }


def events(entity: str | None = None, entity_id: int | None = None) -> list[AuditEvent]:
    """Audit events, oldest first, optionally for one kind of record or one record."""
    query = AuditRow.select(AuditRow, User.username).join(User, JOIN.LEFT_OUTER).switch(AuditRow)
    if entity is not None:
        query = query.where(AuditRow.entity == entity)
    if entity_id is not None:
        query = query.where(AuditRow.entity_id == entity_id)
    return _as_events(query.order_by(AuditRow.at, AuditRow.id))


def search(
    actor,
    *,
    username: str | None = None,
    entity: str | None = None,
    entity_id: int | None = None,
    person_id: int | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 2000,
) -> list[AuditEvent]:
    """The audit log for managers, newest first: by user, by record, by person (her own record and
    her referrals, assessments and licences) and by date (``until`` is the last day included)."""
    from datetime import timedelta

    from housing_desk.services import permissions

    permissions.require(actor, "view_audit")
    query = AuditRow.select(AuditRow, User.username).join(User, JOIN.LEFT_OUTER).switch(AuditRow)
    if username:
        query = query.where(User.username == username)
    if entity:
        query = query.where(AuditRow.entity == entity)
    if entity_id is not None:
        query = query.where(AuditRow.entity_id == entity_id)
    if person_id is not None:
        query = query.where(_about_person(person_id))
    if since is not None:
        query = query.where(AuditRow.at >= datetime(since.year, since.month, since.day, tzinfo=UTC))
    if until is not None:
        after = until + timedelta(days=1)
        query = query.where(AuditRow.at < datetime(after.year, after.month, after.day, tzinfo=UTC))
    return _as_events(query.order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(limit))


def _about_person(person_id: int):
    from housing_desk.data.models import Assessment, Licence, Referral

    clause = (AuditRow.entity == "person") & (AuditRow.entity_id == person_id)
    for entity, model in (("referral", Referral), ("assessment", Assessment), ("licence", Licence)):
        ids = model.select(model.id).where(model.person == person_id)
        clause |= (AuditRow.entity == entity) & AuditRow.entity_id.in_(ids)
    return clause


def viewed(actor, person) -> None:
    """Seeing the record of a woman whose details are not to be disclosed is itself recorded."""
    if getattr(person, "do_not_disclose", False):
        from housing_desk.data.database import write_transaction

        with write_transaction():
            record(actor, "view", "person", person.id, {})


def _as_events(query) -> list[AuditEvent]:
    rows = query.objects()
    return [
        AuditEvent(
            at=row.at,
            actor=row.username or "",
            action=row.action,
            entity=row.entity,
            entity_id=row.entity_id,
            changes=json.loads(row.changes),
        )
        for row in rows
    ]
