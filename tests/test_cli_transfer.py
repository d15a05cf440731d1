"""backup and restore from the command line: plain words for a wrong file, encryption kept."""

import pytest

from housing_desk import cli
from housing_desk.data.database import bound_to, open_database
from housing_desk.services import transfer
from tests.databases import database_url_for
from tests.services import transfer_helpers as helpers


@pytest.fixture
def passwords(monkeypatch):
    answers = []
    monkeypatch.setattr(cli, "ask_password", lambda prompt: answers.pop(0))
    return answers


def test_restore_given_a_pdf_says_it_is_not_a_backup(admin, db, tmp_path, capsys):
    pdf = tmp_path / "licence.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + b"0" * 5000)
    before = transfer.checks(db)
    url = database_url_for(tmp_path)
    assert cli.main(["restore", "--database", url, "--force", str(pdf)]) == 2
    assert "is not a Housing Desk backup" in capsys.readouterr().err
    assert transfer.checks(db) == before


def test_a_backup_of_an_encrypted_database_is_encrypted_unless_plain(tmp_path, passwords, capsys):
    url = f"sqlcipher:///{tmp_path / 'enc.db'}"
    encrypted = open_database(url, "passphrase 1", bind=False)
    with bound_to(encrypted):
        helpers.make_records()
    encrypted.close()
    secret, plain = tmp_path / "secret.housingdesk", tmp_path / "plain.housingdesk"
    passwords.append("passphrase 1")
    assert cli.main(["backup", "--database", url, str(secret)]) == 0
    assert "database's own passphrase" in capsys.readouterr().err
    assert transfer.is_encrypted(secret)
    assert transfer.verify_backup(secret, "passphrase 1").rows > 0
    passwords.append("passphrase 1")
    assert cli.main(["backup", "--database", url, "--plain", str(plain)]) == 0
    assert "WARNING" in capsys.readouterr().err and not transfer.is_encrypted(plain)


def test_restore_from_the_command_line_is_audited_without_an_actor(db, tmp_path, capsys):
    path = helpers.backup_of_records(tmp_path)
    assert cli.main(["restore", "--database", database_url_for(tmp_path), str(path)]) == 0
    assert "each checked" in capsys.readouterr().out
    from housing_desk.services import audit

    db.close()
    restored = audit.events("database")[-1]
    assert restored.actor == "" and restored.changes["restored"] == "backup"
