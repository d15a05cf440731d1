"""The audit log holds no personal values, and on PostgreSQL nobody can change or empty it.

Rows written before this kept names, dates of birth, phone numbers, NI numbers, safe-contact
details and typed notes as they were entered. Each is rewritten once, here, to what the
application now writes: flags, numbers, dates, ids and codes kept, every other text "changed".
The rule is frozen below as it was written (the application's own lives in services/audit.py).

Then, on PostgreSQL, a trigger refuses UPDATE, DELETE and TRUNCATE of ``audit_event`` whatever
the role that asks: the application can only add to the trail.
"""

import json
import re
from collections.abc import Collection

from peewee import Database, PostgresqlDatabase
from playhouse.migrate import SchemaMigrator

CHANGED = "changed"
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
PERSONAL_FIELDS = frozenset({"date_of_birth"})
# Text that is about no one, by kind of record (a flat's address is the partner's property).
KEPT_BY_ENTITY = {
    "flat": frozenset({"reference", "address_line1", "address_line2", "town", "postcode"}),
    "partner": frozenset({"name"}),
    "user": frozenset({"username", "password"}),
}
_CODE = re.compile(r"^[a-z0-9_.:@()-]{1,64}( [a-z0-9_.:@()-]{1,64})?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?)?$")
_MONEY = re.compile(r"^-?\d{1,9}\.\d{2}$")

APPEND_ONLY = """
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The audit log can only be added to: its rows cannot be changed or removed.'
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql
"""
TRIGGERS = (
    "CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
    "CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()",
)


def _safe(field: str, value: object, keep: Collection[str]) -> object:
    if field in PERSONAL_FIELDS:
        return None if value is None else CHANGED
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, dict):
        return {k: _safe(k, v, keep) for k, v in value.items()}
    if isinstance(value, list):
        items = [_safe(field, item, keep) for item in value]
        return items if items == value else CHANGED
    if isinstance(value, str):
        if value == CHANGED or value == "" or field in keep:
            return value
        if _DATE.match(value) or _MONEY.match(value):
            return value
        if field in CODE_FIELDS and _CODE.match(value):
            return value
    return CHANGED


def cleaned(entity: str, changes: str) -> str:
    """One row's ``changes`` as they may now be kept."""
    try:
        values = json.loads(changes or "{}")
    except ValueError:
        return json.dumps({"details": CHANGED})
    if not isinstance(values, dict):
        return json.dumps({"details": CHANGED})
    # a setting's value is the organisation's, not anyone's
    keep = frozenset(values) if entity == "setting" else KEPT_BY_ENTITY.get(entity, frozenset())
    safe = {str(k): _safe(str(k), v, keep) for k, v in values.items()}
    return json.dumps(safe, ensure_ascii=False, sort_keys=True)


def up(migrator: SchemaMigrator, db: Database) -> None:
    last = 0
    while True:
        rows = db.execute_sql(
            f"SELECT id, entity, changes FROM audit_event WHERE id > {db.param} "
            "ORDER BY id LIMIT 1000",
            (last,),
        ).fetchall()
        if not rows:
            break
        updates = []
        for row_id, entity, changes in rows:
            safe = cleaned(entity, changes)
            if safe != changes:
                updates.append((safe, row_id))
        if updates:
            db.cursor().executemany(
                f"UPDATE audit_event SET changes = {db.param} WHERE id = {db.param}", updates
            )
        last = rows[-1][0]
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql(APPEND_ONLY)
        for statement in TRIGGERS:
            db.execute_sql(statement)


def down(migrator: SchemaMigrator, db: Database) -> None:
    # The personal values removed are gone for good; only the triggers can be taken away.
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql("DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event")
        db.execute_sql("DROP TRIGGER IF EXISTS audit_event_no_change ON audit_event")
        db.execute_sql("DROP FUNCTION IF EXISTS audit_event_append_only()")
