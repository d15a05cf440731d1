"""The command line, run as IT staff would run it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from housing_desk import cli
from housing_desk.data.models import User
from housing_desk.services import users
from tests import factories
from tests.databases import database_url_for

ROOT = Path(__file__).resolve().parent.parent


def run(*args, timeout=90):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT
    )


def test_quit_after_startup_on_a_new_database_reaches_the_first_run_dialog(db, tmp_path):
    result = run(
        "-m", "housing_desk", "--database", database_url_for(tmp_path), "--quit-after-startup"
    )
    assert result.returncode == 0, result.stderr
    # The sign-in dialog is painted before the database is opened; a new one has no accounts,
    # so the first-run dialog takes its place.
    assert result.stdout.splitlines() == [
        "Shown: Sign in to Housing Desk",
        "Shown: Welcome to Housing Desk",
    ]


def test_quit_after_startup_with_accounts_reaches_sign_in(admin, tmp_path):
    result = run("main.py", "--database", database_url_for(tmp_path), "--quit-after-startup")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Shown: Sign in to Housing Desk"]


def test_demo_starts_signed_in_and_leaves_nothing_behind(tmp_path):
    result = run("main.py", "--demo", "--quit-after-startup")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Shown: Housing Desk"]


def test_a_database_that_cannot_be_opened_fails_plainly(tmp_path):
    result = run(
        "main.py", "--database", "postgresql://nobody@127.0.0.1:1/none", "--quit-after-startup"
    )
    assert result.returncode == 1
    assert "could not open its database" in result.stderr
    assert "Traceback" not in result.stderr


def test_main_py_is_the_console_script():
    assert (
        run("main.py", "--version").stdout.strip()
        == run("-m", "housing_desk", "--version").stdout.strip()
    )


@pytest.fixture
def passwords(monkeypatch):
    answers = []
    monkeypatch.setattr(cli, "ask_password", lambda prompt: answers.pop(0))
    return answers


def test_create_user_makes_the_first_administrator(db, tmp_path, passwords, capsys):
    passwords.extend([factories.PASSWORD, factories.PASSWORD])
    code = cli.main(
        [
            "create-user",
            "--database",
            database_url_for(tmp_path),
            "--username",
            "Amara",
            "--full-name",
            "Amara Okafor",
            "--role",
            "admin",
        ]
    )
    assert code == 0
    assert "Created the account 'amara' (Administrator)" in capsys.readouterr().out
    _reopen(tmp_path)
    assert users.authenticate("amara", factories.PASSWORD).role == "admin"


def test_create_user_needs_an_administrator_once_there_are_accounts(
    admin, tmp_path, passwords, capsys
):
    url = database_url_for(tmp_path)
    args = [
        "create-user",
        "--database",
        url,
        "--username",
        "bea",
        "--full-name",
        "Bea Nowak",
        "--role",
        "officer",
    ]
    assert cli.main(args) == 2
    assert "--admin" in capsys.readouterr().err
    passwords.extend([factories.PASSWORD, "officer password 1", "officer password 1"])
    assert cli.main([*args, "--admin", "amara"]) == 0
    _reopen(tmp_path)
    assert User.get(User.username == "bea").role == "officer"


def test_create_user_refuses_mismatched_passwords(db, tmp_path, passwords, capsys):
    passwords.extend(["first password!", "second password"])
    code = cli.main(
        [
            "create-user",
            "--database",
            database_url_for(tmp_path),
            "--username",
            "amara",
            "--full-name",
            "Amara Okafor",
            "--role",
            "admin",
        ]
    )
    assert code == 2
    _reopen(tmp_path)
    assert User.select().count() == 0


def _reopen(tmp_path):
    # The command closed its connection; bind the models to the test database again.
    from housing_desk.data.database import open_database

    open_database(database_url_for(tmp_path))


def test_demo_command_fills_an_empty_database(db, tmp_path, passwords, capsys):
    passwords.append("demo password 12")
    assert cli.main(["demo", "--database", database_url_for(tmp_path)]) == 0
    assert "Sign in as 'demo'" in capsys.readouterr().out
    _reopen(tmp_path)
    assert users.authenticate("demo", "demo password 12").role == "admin"
    assert cli.main(["demo", "--database", database_url_for(tmp_path)]) == 2
    assert "already has records" in capsys.readouterr().err


def test_backup_restore_and_copy_commands(admin, tmp_path, capsys):
    from housing_desk.data.database import open_database
    from housing_desk.services import transfer

    source_url = database_url_for(tmp_path)
    backup_file = tmp_path / "nightly.housingdesk"
    assert cli.main(["backup", "--database", source_url, str(backup_file)]) == 0
    assert "each checked" in capsys.readouterr().out
    restored_url = f"sqlite:///{tmp_path / 'restored.db'}"
    assert cli.main(["restore", "--database", restored_url, str(backup_file)]) == 0
    assert cli.main(["restore", "--database", restored_url, str(backup_file)]) == 2
    assert "already holds records" in capsys.readouterr().err
    copied_url = f"sqlite:///{tmp_path / 'copied.db'}"
    assert cli.main(["copy", "--from", restored_url, "--to", copied_url]) == 0
    copied = open_database(copied_url, bind=False)
    restored = open_database(restored_url, bind=False)
    assert transfer.checks(copied) == transfer.checks(restored)
    copied.close()
    restored.close()
    _reopen(tmp_path)


def test_an_encrypted_database_asks_for_its_passphrase_first(tmp_path):
    result = run(
        "main.py", "--database", f"sqlcipher:///{tmp_path / 'secret.db'}", "--quit-after-startup"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Shown: Encrypted database"]
    assert not (
        tmp_path / "secret.db"
    ).exists()  # nothing is opened or created before the passphrase
