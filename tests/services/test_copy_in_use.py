"""An administrator copies every record of the open database into another, empty one from the
window: checked table by table, into a new file only, never into the open database itself, an
encrypted database's copy encrypted unless asked, and a copy that fails or stops leaves nothing."""

import pytest

from housing_desk.data.database import open_database
from housing_desk.data.models import AuditEvent
from housing_desk.services import transfer
from housing_desk.services.errors import Cancelled, PermissionDenied, ValidationError
from tests import factories
from tests.databases import database_url_for
from tests.services import transfer_helpers as helpers


def test_every_record_is_copied_into_a_new_file_checked_and_audited(db, tmp_path):
    admin = helpers.make_records()
    target = tmp_path / "copy.db"
    seen, before = [], transfer.checks(db)
    found = transfer.copy_in_use(admin, f"sqlite:///{target}", progress=lambda *p: seen.append(p))
    assert found == before and seen[-1][0] == seen[-1][1]
    copy = open_database(f"sqlite:///{target}", bind=False)
    assert transfer.checks(copy) == found
    copy.close()
    event = AuditEvent.select().where(AuditEvent.entity == "copy").get()
    assert event.action == "export" and event.actor_id == admin.id
    assert str(target) not in event.changes and "copy.db" not in event.changes
    assert '"engine": "sqlite"' in event.changes


def test_only_an_administrator_copies(admin, db, tmp_path):
    officer = factories.user(admin, role="officer")
    with pytest.raises(PermissionDenied):
        transfer.copy_in_use(officer, f"sqlite:///{tmp_path / 'copy.db'}")
    assert not (tmp_path / "copy.db").exists()


def test_a_file_that_exists_or_the_open_database_itself_is_refused(admin, db, tmp_path):
    existing = tmp_path / "kept.db"
    existing.write_bytes(b"someone's file")
    for target in (f"sqlite:///{existing}", database_url_for(tmp_path), "ftp://server/x", " "):
        with pytest.raises(ValidationError) as error:
            transfer.copy_in_use(admin, target)
        assert error.value.field == "target", target
    assert existing.read_bytes() == b"someone's file"
    assert not AuditEvent.select().where(AuditEvent.entity == "copy").exists()


def test_an_encrypted_copy_needs_its_passphrase_and_is_encrypted(db, tmp_path):
    admin = helpers.make_records()
    target = tmp_path / "secret.db"
    with pytest.raises(ValidationError) as error:
        transfer.copy_in_use(admin, f"sqlcipher:///{target}")
    assert error.value.field == "passphrase" and not target.exists()
    before = transfer.checks(db)
    transfer.copy_in_use(admin, f"sqlcipher:///{target}", passphrase="a long passphrase")
    assert "Ștefania".encode() not in target.read_bytes()
    copy = open_database(f"sqlcipher:///{target}", "a long passphrase", bind=False)
    assert transfer.checks(copy) == before
    copy.close()


def test_a_stopped_copy_leaves_no_file_and_no_audit_row(db, tmp_path):
    admin = helpers.make_records()
    target = tmp_path / "copy.db"
    with pytest.raises(Cancelled):
        transfer.copy_in_use(admin, f"sqlite:///{target}", cancelled=lambda: True)
    assert not list(tmp_path.glob("copy.db*"))
    assert not AuditEvent.select().where(AuditEvent.entity == "copy").exists()


def test_a_server_that_cannot_be_reached_is_told_without_its_driver_message(admin, db):
    with pytest.raises(ValidationError) as error:
        transfer.copy_in_use(admin, "postgresql://nobody:secret-word@127.0.0.1:1/nowhere")
    assert error.value.field == "target"
    assert "127.0.0.1" in error.value.message and "secret-word" not in error.value.message
