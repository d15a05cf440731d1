"""Deterministic races between two writers, each on a connection of its own.

A third session holds the row the rule is about (``SELECT … FOR UPDATE`` on PostgreSQL; on
SQLite, the database's write lock with ``BEGIN IMMEDIATE``). Both writers start in threads and
queue behind it; on PostgreSQL the race waits until the server reports both of them waiting
for a lock. Then the holder lets go, and the writers meet in whatever order the database lets
them through. ``HOUSING_DESK_RACE_ROUNDS`` runs every race that many times.
"""

from __future__ import annotations

import os
import threading
import time

from peewee import PostgresqlDatabase

ROUNDS = max(1, int(os.environ.get("HOUSING_DESK_RACE_ROUNDS", "1")))
QUEUE_TIMEOUT = 10.0


def _holder(db):
    """A plain driver connection of its own, outside peewee, in autocommit mode."""
    if isinstance(db, PostgresqlDatabase):
        import psycopg2

        connection = psycopg2.connect(dbname=db.database, **db.connect_params)
        connection.autocommit = True
        return connection
    import sqlite3

    return sqlite3.connect(db.database, isolation_level=None, timeout=QUEUE_TIMEOUT)


def _waiting_for_locks(db) -> int:
    return db.execute_sql(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
    ).fetchone()[0]


def race(db, writers, *, table=None, row_id=None, queued=None):
    """Run ``writers`` (callables) at once behind a third session holding ``table``'s row
    ``row_id`` (PostgreSQL) or the write lock (SQLite). Returns each writer's result, or the
    DomainError it raised, in the writers' order. ``queued`` is how many writers should be
    seen waiting on PostgreSQL before the holder lets go (all of them unless told)."""
    on_postgresql = isinstance(db, PostgresqlDatabase)
    holder = _holder(db)
    results: list = [None] * len(writers)
    started = [threading.Event() for _ in writers]

    def run(position, writer):
        started[position].set()
        try:
            results[position] = writer()
        except Exception as error:  # a refusal, or a raw database error the test must see
            results[position] = error
        finally:
            db.close()  # this thread's own connection

    threads = [
        threading.Thread(target=run, args=(position, writer), daemon=True)
        for position, writer in enumerate(writers)
    ]
    cursor = holder.cursor()
    try:
        if on_postgresql:
            cursor.execute("BEGIN")
            cursor.execute(f"SELECT id FROM {table} WHERE id = %s FOR UPDATE", (row_id,))
        else:
            cursor.execute("BEGIN IMMEDIATE")
        for thread in threads:
            thread.start()
        for event in started:
            event.wait(QUEUE_TIMEOUT)
        expected = len(writers) if queued is None else queued
        deadline = time.monotonic() + QUEUE_TIMEOUT
        if on_postgresql:
            while _waiting_for_locks(db) < expected and time.monotonic() < deadline:
                time.sleep(0.01)
        else:
            time.sleep(0.2)  # SQLite cannot say who waits: they wait in its busy handler
        cursor.execute("ROLLBACK")
    finally:
        for thread in threads:
            thread.join(timeout=60)
        holder.close()
    return results


def outcome(results, winner_type, loser_type):
    """(winners, losers) among ``results``; anything else fails the test with what it was."""
    winners = [r for r in results if isinstance(r, winner_type)]
    losers = [r for r in results if isinstance(r, loser_type)]
    others = [r for r in results if not isinstance(r, (winner_type, loser_type))]
    assert not others, f"unexpected results: {others!r}"
    return winners, losers
