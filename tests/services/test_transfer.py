"""Backups, restores and copies: every record arrives, checked, across engines; anything wrong with
the file, the target or the values is refused before or without touching the target's records."""

import os
import random
import sqlite3
import stat

import pytest

from housing_desk.data.database import engine, open_database
from housing_desk.data.models import AuditEvent, Flat, Licence, Person
from housing_desk.services import audit, transfer
from housing_desk.services.errors import Cancelled, PermissionDenied, ValidationError
from tests.services import transfer_helpers as helpers


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def leftovers(folder):
    return sorted(
        p.name for p in folder.iterdir() if ".incomplete" in p.name or ".restoring" in p.name
    )


def test_backup_then_restore_into_an_empty_database_audited_in_it(db, tmp_path):
    path = helpers.backup_of_records(tmp_path)
    assert mode(path) == 0o600
    found = transfer.restore(db, path)
    assert {c.table: c.rows for c in found}["licence"] == 1
    person = Person.get(Person.given_name == "Ștefania")
    assert person.notes == "<literal> & kept"
    assert str(Licence.get().weekly_rent) == "101.01"
    restored = audit.events("database")[-1]
    assert restored.actor == "" and restored.action == "update"
    assert restored.changes["rows"] == sum(c.rows for c in found)
    assert restored.changes["backup_sha256"] and restored.changes["replaced_rows"] == 0
    # The new audit row is the only difference between the backup and what is now held.
    assert AuditEvent.select().count() == 1 + {c.table: c.rows for c in found}["audit_event"]


def test_a_second_backup_never_overwrites_the_first(db, tmp_path):
    path = helpers.backup_of_records(tmp_path)
    before = path.read_bytes()
    source = open_database(f"sqlite:///{tmp_path / 'source.db'}", bind=False)
    with pytest.raises(ValidationError):
        transfer.backup(source, path)
    source.close()
    assert path.read_bytes() == before and leftovers(tmp_path) == []


def test_a_database_with_records_is_replaced_only_when_told_and_only_on_sqlite(admin, db, tmp_path):
    path = helpers.backup_of_records(tmp_path)
    helpers_flat = Flat.select().count()
    mine = transfer.checks(db)
    with pytest.raises(ValidationError) as error:
        transfer.restore(db, path)
    assert "already holds records" in error.value.message or "empty" in error.value.message
    assert transfer.checks(db) == mine and Flat.select().count() == helpers_flat
    if engine(db) == "postgresql":
        with pytest.raises(ValidationError, match="only into a new, empty database"):
            transfer.restore(db, path, force=True)
        assert transfer.checks(db) == mine
        return
    found = transfer.restore(db, path, force=True, actor=admin)
    assert {c.table: c.rows for c in found}["licence"] == 1
    db.close()  # the window's own connection sees the restored records too
    assert Person.select().count() == 1
    last = audit.events("database")[-1]
    assert last.actor == "amara" and last.changes["replaced_rows"] == sum(c.rows for c in mine)
    assert mode(db.database) == 0o600 and leftovers(tmp_path) == []


def _pdf(path):
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" * 40)


def _junk(path):
    # Looks like an encrypted file, but is not one. Seeded, and never starting like a text file
    # ('{', '<' …), which would be another program's file instead.
    junk = bytearray(random.Random(4096).randbytes(4096 * 3))
    junk[0] = 0x9C
    path.write_bytes(bytes(junk))


def _other_program(path):
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE app_user (id INTEGER PRIMARY KEY, username TEXT)")
    connection.execute("CREATE TABLE flat (id INTEGER PRIMARY KEY, reference TEXT)")
    connection.commit()
    connection.close()


def _housing_desk_database(path):
    open_database(f"sqlite:///{path}", bind=False).close()  # a database, not a backup


def _cut_short(path, tmp_path):
    helpers.backup_of_records(tmp_path, name="cut.housingdesk").rename(path)
    helpers.drop_manifest(path)


def _other_schema(path, tmp_path):
    helpers.backup_of_records(tmp_path, name="old.housingdesk").rename(path)
    newest = helpers.manifest_value(path, "schema")[-1]
    helpers.tamper(path, "DELETE FROM schema_migration WHERE name = ?", newest)
    helpers.set_manifest(path, "schema", helpers.manifest_value(path, "schema")[:-1])


def _altered_row(path, tmp_path):
    helpers.backup_of_records(tmp_path, name="altered.housingdesk").rename(path)
    helpers.tamper(path, "UPDATE licence SET weekly_rent = '1.00'")


def _altered_manifest(path, tmp_path):
    helpers.backup_of_records(tmp_path, name="manifest.housingdesk").rename(path)
    tables = helpers.manifest_value(path, "tables")
    tables[3][1] += 1
    helpers.set_manifest(path, "tables", tables)


def _no_accounts(path, tmp_path):
    empty = open_database(f"sqlite:///{tmp_path / 'empty.db'}", bind=False)
    transfer.backup(empty, path)
    empty.close()


BAD_FILES = {
    "a PDF": (lambda p, t: _pdf(p), "not a Housing Desk backup"),
    "random bytes": (lambda p, t: _junk(p), "passphrase"),
    "another program's SQLite file": (lambda p, t: _other_program(p), "not a Housing Desk backup"),
    "a Housing Desk database": (lambda p, t: _housing_desk_database(p), "no manifest"),
    "a backup cut short": (_cut_short, "cut short"),
    "another schema version": (_other_schema, "another version of Housing Desk"),
    "an altered row": (_altered_row, "altered"),
    "an altered manifest": (_altered_manifest, "altered"),
    "a backup without accounts": (_no_accounts, "holds no accounts"),
    "no file at all": (lambda p, t: None, "no backup file"),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_file_is_refused_and_the_records_stay(kind, admin, db, tmp_path):
    from tests import factories

    factories.flat(admin, factories.partner(admin, name="Kept Partner"))
    before = transfer.checks(db)
    make, words = BAD_FILES[kind]
    bad = tmp_path / "chosen.housingdesk"
    make(bad, tmp_path)
    with pytest.raises(ValidationError) as error:
        transfer.restore(db, bad, force=True)
    assert error.value.field == "file"
    assert words in error.value.message, error.value.message
    assert transfer.checks(db) == before
    with pytest.raises(ValidationError):
        transfer.verify_backup(bad)


def test_restore_of_another_schema_into_an_empty_database_leaves_it_empty(db, tmp_path):
    bad = tmp_path / "old.housingdesk"
    _other_schema(bad, tmp_path)
    with pytest.raises(ValidationError, match="another version"):
        transfer.restore(db, bad)
    assert transfer.is_empty(db)


def _nul_in_notes(source):
    source.execute_sql("UPDATE person SET notes = ?", ("before\x00after",))


def _certificate_of_no_flat(source):
    source.execute_sql("UPDATE certificate SET flat_id = 999")


def test_a_value_the_target_refuses_fails_cleanly_and_changes_nothing(db, tmp_path):
    path = helpers.backup_of_records(tmp_path, edit=_certificate_of_no_flat)
    with pytest.raises(ValidationError, match="refuses a value") as error:
        transfer.restore(db, path)
    assert "certificate" in error.value.message
    assert transfer.is_empty(db) and leftovers(tmp_path) == []


def test_text_postgresql_cannot_hold_is_refused_there_and_kept_by_sqlite(db, tmp_path):
    path = helpers.backup_of_records(tmp_path, edit=_nul_in_notes)
    if engine(db) == "postgresql":
        with pytest.raises(ValidationError, match="refuses a value"):
            transfer.restore(db, path)
        assert transfer.is_empty(db)
    else:
        transfer.restore(db, path)
        assert Person.get().notes == "before\x00after"


@pytest.mark.sqlite_only  # PostgreSQL restores only into an empty database
def test_a_sqlite_restore_over_records_that_fails_leaves_them(admin, db, tmp_path):
    path = helpers.backup_of_records(tmp_path, edit=_certificate_of_no_flat)
    before = transfer.checks(db)
    with pytest.raises(ValidationError, match="refuses a value"):
        transfer.restore(db, path, force=True)
    assert transfer.checks(db) == before and leftovers(tmp_path) == []


def stop_after(steps):
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > steps

    return cancelled


def test_a_stopped_restore_changes_nothing(db, tmp_path, monkeypatch):
    monkeypatch.setattr("housing_desk.services.table_checks.CHUNK", 3)
    monkeypatch.setattr("housing_desk.services.transfer.CHUNK", 3)
    path = helpers.backup_of_records(tmp_path)
    seen = []
    with pytest.raises(Cancelled):
        transfer.restore(
            db, path, progress=lambda d, t: seen.append((d, t)), cancelled=stop_after(12)
        )
    assert transfer.is_empty(db) and leftovers(tmp_path) == []
    assert seen and all(d <= t for d, t in seen)


@pytest.mark.parametrize("encrypted", [False, True])
def test_a_stopped_backup_leaves_no_file(admin, db, tmp_path, encrypted):
    path = tmp_path / "stopped.housingdesk"
    with pytest.raises(Cancelled, match="no backup was made"):
        transfer.backup(
            db, path, passphrase="a long passphrase" if encrypted else None, cancelled=stop_after(2)
        )
    assert not path.exists() and leftovers(tmp_path) == []


def test_a_stopped_copy_leaves_the_target_empty(admin, db, tmp_path):
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}", bind=False)
    with pytest.raises(Cancelled):
        transfer.copy(db, other, cancelled=stop_after(3))
    assert transfer.is_empty(other)
    transfer.copy(db, other)
    assert transfer.checks(other) == transfer.checks(db)
    other.close()


def test_copy_refuses_a_target_that_holds_records(admin, db, tmp_path):
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}", bind=False)
    transfer.copy(db, other)
    with pytest.raises(ValidationError):
        transfer.copy(db, other)
    other.close()


def test_an_encrypted_backup_restores_only_with_its_passphrase(db, tmp_path):
    source = helpers.sqlite_source(tmp_path)
    path = tmp_path / "backup.housingdesk"
    transfer.backup(source, path, passphrase="a long passphrase")
    expected = transfer.checks(source)
    source.close()
    assert mode(path) == 0o600
    assert transfer.is_encrypted(path) and "Ștefania".encode() not in path.read_bytes()
    with pytest.raises(PermissionDenied):
        transfer.restore(db, path, passphrase="the wrong one")
    assert transfer.is_empty(db)
    assert transfer.restore(db, path, passphrase="a long passphrase") == expected


def test_a_backup_of_an_encrypted_database_is_encrypted_unless_plain_is_asked(tmp_path):
    encrypted = open_database(f"sqlcipher:///{tmp_path / 'enc.db'}", "passphrase 1", bind=False)
    from housing_desk.data.database import bound_to

    with bound_to(encrypted):
        helpers.make_records()
    with pytest.raises(ValidationError) as error:
        transfer.backup(encrypted, tmp_path / "plain.housingdesk")
    assert error.value.field == "passphrase" and not (tmp_path / "plain.housingdesk").exists()
    transfer.backup(encrypted, tmp_path / "secret.housingdesk", passphrase="passphrase 2")
    assert transfer.is_encrypted(tmp_path / "secret.housingdesk")
    transfer.backup(encrypted, tmp_path / "plain.housingdesk", plain=True)
    assert not transfer.is_encrypted(tmp_path / "plain.housingdesk")
    assert transfer.verify_backup(tmp_path / "plain.housingdesk").rows == sum(
        c.rows for c in transfer.checks(encrypted)
    )
    encrypted.close()


def test_an_encrypted_backup_is_known_whatever_its_salt_begins_with(db, tmp_path):
    # An encrypted file begins with 16 random bytes. Each possible first byte (the "<" and "{"
    # of one backup in a hundred made this flaky) must still read as encrypted, so that the
    # passphrase is asked and the backup restores.
    path = tmp_path / "backup.housingdesk"
    transfer.backup(db, path, passphrase="a long passphrase")
    original = path.read_bytes()
    assert transfer.is_encrypted(path)
    for first in range(256):
        path.write_bytes(bytes([first]) + original[1:])
        assert transfer.is_encrypted(path), f"salt beginning {first:#04x}"
    # Files picked by mistake keep being told apart by their whole signatures.
    for other in (b"%PDF-1.7\n", b"PK\x03\x04\x14\x00", b"\x89PNG\r\n\x1a\n", b"GIF89a"):
        path.write_bytes(other + original[len(other) :])
        assert not transfer.is_encrypted(path)


def test_restore_into_an_encrypted_database_keeps_it_encrypted(tmp_path):
    path = helpers.backup_of_records(tmp_path)
    target_path = tmp_path / "enc.db"
    encrypted = open_database(f"sqlcipher:///{target_path}", "passphrase 1", bind=False)
    transfer.restore(encrypted, path)
    encrypted.close()
    assert b"SQLite format 3" not in target_path.read_bytes()[:16]
    again = open_database(f"sqlcipher:///{target_path}", "passphrase 1", bind=False)
    assert Person.select().bind(again).get().given_name == "Ștefania"
    again.close()


def test_from_one_engine_into_an_encrypted_file_and_back(admin, db, tmp_path):
    encrypted = open_database(f"sqlcipher:///{tmp_path / 'enc.db'}", "passphrase 1", bind=False)
    transfer.copy(db, encrypted)
    assert transfer.checks(encrypted) == transfer.checks(db)
    encrypted.close()


def test_a_copy_that_fails_part_way_leaves_the_target_empty(db, tmp_path):
    source = helpers.sqlite_source(tmp_path)
    source.execute_sql("PRAGMA foreign_keys = OFF")
    _certificate_of_no_flat(source)
    with pytest.raises(ValidationError, match="refuses a value"):
        transfer.copy(source, db)
    source.close()
    assert transfer.is_empty(db)


def test_backup_and_restore_run_on_a_worker_thread_with_its_own_connection(admin, db, tmp_path):
    import threading

    from tests import factories

    factories.person(admin, given_name="Ana", family_name="Lopes")
    path = tmp_path / "from-a-thread.housingdesk"
    outcome = {}

    def work(call):
        try:
            outcome["found"] = call()
        except Exception as error:  # handed back to the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=work, args=(lambda: transfer.back_up_in_use(admin, path),))
    thread.start()
    thread.join(60)
    assert "error" not in outcome and transfer.verify_backup(path).rows > 0
    factories.person(admin, given_name="Bea", family_name="Nowak")
    thread = threading.Thread(target=work, args=(lambda: transfer.restore_in_use(admin, path),))
    thread.start()
    thread.join(60)
    names = sorted(p.given_name for p in Person.select())
    if engine(db) == "postgresql":
        assert isinstance(outcome["error"], ValidationError) and names == ["Ana", "Bea"]
    else:
        assert "error" not in outcome and names == ["Ana"]


@pytest.mark.sqlite_only  # SQLite's single write lock
def test_a_restore_kept_waiting_by_another_writer_is_told_calmly(admin, db, tmp_path):
    from housing_desk.services.errors import Busy

    path = helpers.backup_of_records(tmp_path)
    before = transfer.checks(db)
    db.execute_sql("PRAGMA busy_timeout = 200")
    other = sqlite3.connect(db.database, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # someone saving, and saving, and saving
    try:
        with pytest.raises(Busy):
            transfer.restore(db, path, force=True)
    finally:
        other.rollback()
        other.close()
    assert transfer.checks(db) == before and leftovers(tmp_path) == []
