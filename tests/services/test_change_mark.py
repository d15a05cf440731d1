"""Whether anything was written since a moment: what the board prepared before sign-in asks."""

from __future__ import annotations

import json

from peewee import PostgresqlDatabase

from housing_desk.data.models import AuditEvent
from housing_desk.services import audit, users
from tests import factories
from tests.races import _holder


def test_sign_ins_and_views_change_nothing_a_write_does(admin, partner):
    mark = audit.change_mark()
    users.authenticate(admin.username, factories.PASSWORD)
    woman = factories.person(admin)
    assert audit.changed_since(mark)  # the woman
    mark = audit.change_mark()
    users.authenticate(admin.username, factories.PASSWORD)
    audit.viewed(admin, woman)
    assert not audit.changed_since(mark)
    factories.flat(admin, partner)
    assert audit.changed_since(mark)


def test_a_write_still_in_flight_when_the_mark_is_taken_is_noticed_when_it_commits(
    db, admin, partner
):
    """On PostgreSQL an id is taken at the insert, not at the commit: a write that began first
    may commit after a later one, with an id below the mark."""
    other = _holder(db)  # another PC's connection
    cursor = other.cursor()
    cursor.execute("BEGIN")
    placeholder = "%s" if isinstance(db, PostgresqlDatabase) else "?"
    cursor.execute(
        "INSERT INTO audit_event (at, actor_id, action, entity, entity_id, changes) "
        f"VALUES ({', '.join([placeholder] * 6)})",
        ("2026-01-05 10:00:00", admin.id, "update", "flat", 1, json.dumps({"notes": "changed"})),
    )
    if isinstance(db, PostgresqlDatabase):
        factories.flat(admin, partner)  # a later write commits first, with a higher id
    mark = audit.change_mark()
    assert not audit.changed_since(mark)
    cursor.execute("COMMIT")
    other.close()
    assert AuditEvent.select().where(AuditEvent.action == "update").count() == 1
    assert audit.changed_since(mark)
