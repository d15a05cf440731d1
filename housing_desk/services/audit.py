"""The audit trail: who did what to which record, written with the change itself."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from peewee import JOIN, fn

from housing_desk.data.models import AuditEvent as AuditRow, User
from housing_desk.services.audit_words import describe as describe, in_words as in_words

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from peewee import Expression, SelectQuery

    from housing_desk.data.models import Person

ACTIONS = ("create", "update", "delete", "print", "export", "login", "view")

CHANGED = "changed"
# Fields whose text is a code from a fixed list in the program (a status, a kind, a reason),
# kept in the audit row when it looks like one. Text under any other name is written as
# "changed": a name, a phone number, a note or a reference never reaches the audit log.
CODE_FIELDS = frozenset(
    {
        "status",
        "role",
        "kind",
        "source",
        "outcome",
        "decision",
        "reason",
        "end_reason",
        "decision_reason",
        "agreement_type",
        "excluded_category",
        "by",
        "notice_by",
        "served_how",
        "hb_status",
        "key",
        "document",
        "sha256",
        "result",
        "domain",
        "table",
        "severity",
        "stage",
        "priority",
        "payment_day",
        "method",
        "category",
    }
)
# Fields that are about her whatever their type: her date of birth is a date, and personal; that
# she has no recourse to public funds is a flag, and says something of her immigration status.
PERSONAL_FIELDS = frozenset({"date_of_birth", "no_recourse_to_public_funds"})
_CODE = re.compile(r"^[a-z0-9_.:@()-]{1,64}( [a-z0-9_.:@()-]{1,64})?$")


@dataclass(frozen=True)
class AuditEvent:
    at: datetime
    actor: str  # username; '' for the system itself
    action: str
    entity: str
    entity_id: int | None
    changes: dict
    actor_name: str = ""  # the officer's full name; '' for the system itself


def _plain(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _safe(field: str, value: object, keep: frozenset) -> object:
    """What the audit row may hold for ``field``: the value itself when it cannot identify anyone
    (a flag, a number, a date, an id, a code), otherwise the word "changed"."""
    if field in PERSONAL_FIELDS:
        return None if value is None else CHANGED
    if value is None or isinstance(value, (bool, int, float, Decimal, date, datetime)):
        return _plain(value)
    if hasattr(value, "_meta") and hasattr(value, "id"):  # a model row: its id only
        return value.id
    if isinstance(value, dict):
        return {str(k): _safe(str(k), v, keep) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        items = [_safe(field, item, keep) for item in value]
        plain = [_plain(item) for item in value]
        # an [old, new] pair of personal values says only that it changed
        return items if items == plain else CHANGED
    if isinstance(value, str):
        if value == CHANGED or field in keep:
            return value
        if field in CODE_FIELDS and (value == "" or _CODE.match(value)):
            return value
    return CHANGED


def safe_changes(changes: dict | None, keep: Iterable[str] = ()) -> dict:
    """``changes`` as an audit row may hold them (see ``record``)."""
    kept = frozenset(keep)
    return {str(key): _safe(str(key), value, kept) for key, value in (changes or {}).items()}


def record(
    actor: User | None,
    action: str,
    entity: str,
    entity_id: int | None,
    changes: dict[str, Any] | None = None,
    *,
    keep: Iterable[str] = (),
) -> None:
    """Write one audit row. Call it inside the transaction of the change it records.

    ``changes`` is ``{field: value}`` or, from ``diff``, ``{field: [old, new]}``. Flags, numbers,
    dates, ids and the codes of ``CODE_FIELDS`` are kept; every other text (a name, a phone
    number, a note, a reference) and her date of birth are written as "changed", so the log
    never holds a personal value and anonymising her never needs to touch it. ``keep`` names
    fields whose text is about no one (a flat's reference and address, an organisation's
    setting) and may be kept as written.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    payload = safe_changes(changes, keep)
    AuditRow.create(
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        changes=json.dumps(payload, ensure_ascii=False, default=str, sort_keys=True),
    )


def diff(before: dict, after: dict) -> dict:
    """``{field: [old, new]}`` for every field whose value changed (``record`` decides what of
    each pair the audit row may keep)."""
    return {
        key: [before.get(key), value] for key, value in after.items() if before.get(key) != value
    }


# Actions that change nothing but the log itself.
READ_ONLY_ACTIONS = ("login", "view")
# On PostgreSQL an id is taken when the row is written, not when its transaction commits: a write
# still in flight when a mark is taken has an id just below it. The mark keeps the ids it saw in
# this many below the latest, so such a write is still noticed when it commits.
_IN_FLIGHT = 500


@dataclass(frozen=True)
class ChangeMark:
    """Where the audit log stood at a moment: its latest id and the recent ids it held."""

    latest: int
    recent: frozenset[int]


def change_mark() -> ChangeMark:
    """The audit log as it stands, for ``changed_since``: two index lookups, however long it is."""
    latest = AuditRow.select(fn.MAX(AuditRow.id)).scalar() or 0
    recent = AuditRow.select(AuditRow.id).where(AuditRow.id > latest - _IN_FLIGHT)
    return ChangeMark(latest, frozenset(_ids(recent)))


def changed_since(mark: ChangeMark) -> bool:
    """Whether anything was written since ``mark`` was taken, on this PC or another: every write
    records an audit event in its own transaction; sign-ins and views change nothing else."""
    changes = AuditRow.select(AuditRow.id).where(AuditRow.action.not_in(READ_ONLY_ACTIONS))
    if changes.where(AuditRow.id > mark.latest).exists():
        return True
    in_flight = changes.where(
        (AuditRow.id > mark.latest - _IN_FLIGHT) & (AuditRow.id <= mark.latest)
    )
    return any(row_id not in mark.recent for row_id in _ids(in_flight))


def _ids(query: SelectQuery) -> list[int]:
    return [row[0] for row in query.tuples()]


def events(entity: str | None = None, entity_id: int | None = None) -> list[AuditEvent]:
    """Audit events, oldest first, optionally for one kind of record or one record."""
    query = (
        AuditRow.select(AuditRow, User.username, User.full_name)
        .join(User, JOIN.LEFT_OUTER)
        .switch(AuditRow)
    )
    if entity is not None:
        query = query.where(AuditRow.entity == entity)
    if entity_id is not None:
        query = query.where(AuditRow.entity_id == entity_id)
    return _as_events(query.order_by(AuditRow.at, AuditRow.id))


def search(
    actor: User,
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
    query = (
        AuditRow.select(AuditRow, User.username, User.full_name)
        .join(User, JOIN.LEFT_OUTER)
        .switch(AuditRow)
    )
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


def _about_person(person_id: int) -> Expression:
    """Her own record and every record of hers in any table (her_records finds them)."""
    from housing_desk.data.models import Licence
    from housing_desk.services import her_records

    clause = (AuditRow.entity == "person") & (AuditRow.entity_id == person_id)
    for model in her_records.tables():
        if model._meta.table_name == "signup_item":
            continue  # audited against its licence's id, below
        ids = her_records.rows_of(model, person_id).select(model.id)
        clause |= (AuditRow.entity == model._meta.table_name) & AuditRow.entity_id.in_(ids)
    # a checklist item is audited against its licence
    licences = her_records.rows_of(Licence, person_id).select(Licence.id)
    clause |= (AuditRow.entity == "signup_item") & AuditRow.entity_id.in_(licences)
    return clause


def viewed(actor: User, person: Person) -> None:
    """Seeing the record of a woman whose details are not to be disclosed is itself recorded."""
    if getattr(person, "do_not_disclose", False):
        from housing_desk.data.database import write_transaction

        with write_transaction():
            record(actor, "view", "person", person.id, {})


def _as_events(query: SelectQuery) -> list[AuditEvent]:
    rows = query.objects()
    return [
        AuditEvent(
            at=row.at,
            actor=row.username or "",
            action=row.action,
            entity=row.entity,
            entity_id=row.entity_id,
            changes=json.loads(row.changes),
            actor_name=row.full_name or "",
        )
        for row in rows
    ]
