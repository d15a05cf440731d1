"""SQLCipher: an encrypted database opens only with its passphrase, and holds nothing readable."""

import pytest

from housing_desk.data.database import open_database
from housing_desk.data.models import database as proxy
from housing_desk.services import users
from housing_desk.services.errors import PermissionDenied
from tests import factories


@pytest.fixture
def encrypted(tmp_path):
    path = tmp_path / "secret.db"
    url = f"sqlcipher:///{path}"
    db = open_database(url, passphrase="correct horse")
    factories.admin()
    factories.person(users.User.get(), given_name="Siobhán", family_name="Ní Bhriain")
    db.close()
    yield url, path
    proxy.initialize(None)


def test_the_right_passphrase_opens_it(encrypted):
    url, _path = encrypted
    db = open_database(url, passphrase="correct horse")
    assert users.authenticate("amara", factories.PASSWORD).username == "amara"
    db.close()


@pytest.mark.parametrize("passphrase", ["wrong horse", "", None])
def test_a_wrong_or_missing_passphrase_is_refused_plainly(encrypted, passphrase):
    url, _path = encrypted
    with pytest.raises(PermissionDenied) as error:
        open_database(url, passphrase=passphrase)
    assert "passphrase" in error.value.message


def test_nothing_readable_on_disk(encrypted):
    _url, path = encrypted
    raw = path.read_bytes() + (
        path.with_name(path.name + "-wal").read_bytes()
        if path.with_name(path.name + "-wal").exists()
        else b""
    )
    assert b"SQLite format 3" not in raw[:16]
    assert "Siobhán".encode() not in raw and b"amara" not in raw


def test_attachments_are_encrypted_with_the_database(tmp_path):
    from housing_desk.services import attachments

    path = tmp_path / "files.db"
    url = f"sqlcipher:///{path}"
    db = open_database(url, passphrase="correct horse")
    try:
        admin = factories.admin()
        woman = factories.person(admin)
        marker = b"PASSPORT-NUMBER-533401297 " * 40
        kept = attachments.attach(
            admin, "person", woman.id, filename="passport.pdf", data=marker, kind="id"
        )
        assert attachments.open(admin, kept) == marker
    finally:
        db.close()
        proxy.initialize(None)
    on_disk = path.read_bytes() + b"".join(
        p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("files.db-")
    )
    assert b"PASSPORT-NUMBER" not in on_disk and b"passport.pdf" not in on_disk
