"""Backups to test with: records made in a SQLite file of their own, whatever engine the test's
target database is, and ways to spoil a backup file as a careless or hostile hand would."""

import json
import sqlite3
from datetime import date

from housing_desk.data.database import bound_to, open_database
from housing_desk.services import backup_file, licences, transfer
from tests import factories


def make_records():
    admin = factories.admin()
    home = factories.certified_flat(admin, factories.partner(admin))
    woman = factories.ready_woman(
        admin, given_name="Ștefania", family_name="Ní Bhriain", notes="<literal> & kept"
    )
    licences.create_licence(admin, woman, home, start_date=date(2025, 2, 1), weekly_rent="101.01")
    return admin


def sqlite_source(tmp_path, name="source.db"):
    """A SQLite database holding a few records (its own file, not the test's database)."""
    source = open_database(f"sqlite:///{tmp_path / name}", bind=False)
    with bound_to(source):
        make_records()
    return source


def backup_of_records(tmp_path, edit=None, name="records.housingdesk"):
    """A backup file of :func:`sqlite_source`; ``edit(connection)`` changes the source first."""
    source = sqlite_source(tmp_path)
    if edit is not None:
        source.execute_sql("PRAGMA foreign_keys = OFF")
        edit(source)
    path = tmp_path / name
    transfer.backup(source, path)
    source.close()
    return path


def tamper(path, sql, *parameters):
    """Change a backup file behind its manifest's back."""
    connection = sqlite3.connect(path)
    connection.execute(sql, parameters)
    connection.commit()
    connection.close()


def set_manifest(path, name, value):
    tamper(path, "UPDATE backup_manifest SET value = ? WHERE name = ?", json.dumps(value), name)


def manifest_value(path, name):
    connection = sqlite3.connect(path)
    try:
        row = connection.execute("SELECT value FROM backup_manifest WHERE name = ?", (name,))
        return json.loads(row.fetchone()[0])
    finally:
        connection.close()


def drop_manifest(path):
    tamper(path, f"DROP TABLE {backup_file.MANIFEST_TABLE}")
