"""Backups, restores and copies: every record arrives, checked, across engines; refusals touch nothing."""

from datetime import date

import pytest

from housing_desk.data.database import open_database
from housing_desk.data.models import Flat, Licence, Person
from housing_desk.services import licences, transfer
from housing_desk.services.errors import ValidationError
from tests import factories


@pytest.fixture
def records(admin, partner):
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(
        admin, given_name="Ștefania", family_name="Ní Bhriain", notes="<literal> & kept"
    )
    licences.create_licence(admin, woman, home, start_date=date(2025, 2, 1), weekly_rent="101.01")
    return home, woman


def test_backup_then_restore_into_an_empty_database(db, records, tmp_path):
    path = tmp_path / "backup.housingdesk"
    taken = transfer.backup(db, path)
    assert {c.table: c.rows for c in taken}["licence"] == 1
    empty = open_database(f"sqlite:///{tmp_path / 'restored.db'}", bind=False)
    restored = transfer.restore(empty, path)
    assert restored == transfer.checks(db)
    person = Person.select().bind(empty).where(Person.given_name == "Ștefania").get()
    assert person.notes == "<literal> & kept"
    assert str(Licence.select().bind(empty).get().weekly_rent) == "101.01"
    empty.close()


def test_a_second_backup_never_overwrites_the_first(db, records, tmp_path):
    path = tmp_path / "backup.housingdesk"
    transfer.backup(db, path)
    with pytest.raises(ValidationError):
        transfer.backup(db, path)


def test_restore_refuses_a_database_with_records_unless_told(db, records, tmp_path):
    path = tmp_path / "backup.housingdesk"
    transfer.backup(db, path)
    with pytest.raises(ValidationError) as error:
        transfer.restore(db, path)
    assert "already holds records" in error.value.message
    assert Flat.select().count() == 1
    assert transfer.restore(db, path, force=True) == transfer.checks(db)


def test_a_damaged_or_foreign_file_is_refused_before_anything_is_touched(db, records, tmp_path):
    junk = tmp_path / "junk.housingdesk"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(ValidationError) as error:
        transfer.restore(db, junk, force=True)
    assert error.value.field == "file"
    assert Flat.select().count() == 1


def test_copy_refuses_a_target_that_holds_records(db, records, tmp_path):
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}", bind=False)
    transfer.copy(db, other)
    with pytest.raises(ValidationError):
        transfer.copy(db, other)
    other.close()


def test_an_encrypted_backup_restores_only_with_its_passphrase(db, records, tmp_path):
    from housing_desk.services.errors import PermissionDenied

    path = tmp_path / "backup.housingdesk"
    transfer.backup(db, path, passphrase="a long passphrase")
    assert transfer.is_encrypted(path) and "Ștefania".encode() not in path.read_bytes()
    empty = open_database(f"sqlite:///{tmp_path / 'restored.db'}", bind=False)
    with pytest.raises(PermissionDenied):
        transfer.restore(empty, path, passphrase="the wrong one")
    assert transfer.is_empty(empty)
    assert transfer.restore(empty, path, passphrase="a long passphrase") == transfer.checks(db)
    empty.close()


def test_from_one_engine_into_an_encrypted_file_and_back(db, records, tmp_path):
    encrypted = open_database(f"sqlcipher:///{tmp_path / 'enc.db'}", "passphrase 1", bind=False)
    transfer.copy(db, encrypted)
    assert transfer.checks(encrypted) == transfer.checks(db)
    encrypted.close()
