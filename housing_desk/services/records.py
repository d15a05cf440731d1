"""Writing a change to a record someone else may have changed since it was read."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    from housing_desk.data.models import BaseModel, User

from housing_desk.data.fields import utc_now
from housing_desk.data.rows import first
from housing_desk.services import audit
from housing_desk.services.errors import ConflictError, NotFound

_M = TypeVar("_M", bound="BaseModel")  # a kind of record


def versioned_update(
    actor: User,
    model: type[Any],  # a model with a version: Flat, Person, Partner, Goal…
    record_id: int,
    expected_version: int,
    values: dict[str, Any],
    *,
    entity: str,
    what: str,
    audit_values: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    private: Iterable[str] = (),
    keep: Iterable[str] = (),
) -> None:
    """Save ``values`` only if the record is still at ``expected_version``, and audit the change.

    Call inside a write transaction. ``what`` names the record for the officer
    ("flat NHT-01"); ``audit_values`` turns values into what the audit row keeps;
    for ``private`` fields the audit row says that they changed, not what they say (as it
    does for any personal value: see ``audit.record``, which is given ``keep``).
    """
    # The row lock makes a second editor wait for the first to commit, and then read the
    # version the first one wrote; the row count catches whatever the lock could not.
    current = lock_row(model, record_id, f"That {entity} no longer exists.")
    if current.version != expected_version:
        raise _stale(entity, record_id, what)
    changes = dict(values)
    if "updated_at" in model._meta.fields:
        changes["updated_at"] = utc_now()
    matched = (
        model.update(**changes, version=model.version + 1)
        .where((model.id == record_id) & (model.version == expected_version))
        .execute()
    )
    if matched != 1:
        raise _stale(entity, record_id, what)
    before = {key: getattr(current, key) for key in values}
    convert = audit_values or (lambda v: v)
    changes = audit.diff(convert(before), convert(values))
    for key in private:
        if key in changes:
            changes[key] = "changed"
    audit.record(actor, "update", entity, record_id, changes, keep=keep)


def _stale(entity: str, record_id: int, what: str) -> ConflictError:
    return ConflictError(
        f"{last_change(entity, record_id)} changed {what} since you opened it. "
        "Reload it to see their change, then make yours again."
    )


def last_change(entity: str, record_id: int) -> str:
    """'Priya Shah, at 14:32 on 25/11/2026' (who last changed a record, and when), or 'Someone else'."""
    from housing_desk.data.models import AuditEvent, User

    event = (
        AuditEvent.select(AuditEvent.at, User.full_name)
        .join(User)
        .where(
            (AuditEvent.entity == entity)
            & (AuditEvent.entity_id == record_id)
            & AuditEvent.action.in_(("create", "update"))
        )
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .objects()
        .first()
    )
    if event is None:
        return "Someone else"
    local = event.at.astimezone()
    return f"{event.full_name}, at {local:%H:%M} on {local:%d/%m/%Y},"


def lock_row(model: type[_M], record_id: int, missing: str) -> _M:
    """Read a row inside a write transaction, locking it on PostgreSQL (SQLite already holds
    the database's write lock from ``BEGIN IMMEDIATE``)."""
    from housing_desk.data.database import engine

    query = model.select().where(model.id == record_id)
    if engine() == "postgresql":
        query = query.for_update()
    row = first(query)
    if row is None:
        raise NotFound(missing)
    return row
