"""`housing-desk import` and `export` from the command line, signed in as a manager."""

import pytest

from housing_desk import cli
from housing_desk.data.models import Flat
from tests import factories
from tests.databases import database_url_for


@pytest.fixture
def passwords(monkeypatch):
    answers = []
    monkeypatch.setattr(cli, "ask_password", lambda prompt: answers.pop(0))
    return answers


def test_import_dry_run_then_for_real_then_export(admin, partner, tmp_path, passwords, capsys):
    url = database_url_for(tmp_path)
    path = tmp_path / "flats.csv"
    path.write_text(
        "Reference,Address line 1,Town,Postcode,Partner,Rent\n"
        "NHT-20,1 Derngate,Northampton,NN1 1TU,Northampton Housing Trust,95\n"
        "NHT-21,2 Derngate,Northampton,NN1 1TU,Northampton Housing Trust,ninety\n",
        encoding="utf-8",
    )
    passwords.append(factories.PASSWORD)
    code = cli.main(
        ["import", "flats", str(path), "--admin", "amara", "--dry-run", "--database", url]
    )
    captured = capsys.readouterr()
    assert code == 1 and "Row 3, column 'Rent'" in captured.err
    assert "nothing" not in captured.out and Flat.select().count() == 0
    path.write_text(path.read_text(encoding="utf-8").replace("ninety", "90.00"), encoding="utf-8")
    passwords.append(factories.PASSWORD)
    code = cli.main(["import", "flats", str(path), "--admin", "amara", "--database", url])
    assert code == 0 and "imported 2" in capsys.readouterr().out
    assert Flat.select().count() == 2
    out = tmp_path / "out.xlsx"
    passwords.append(factories.PASSWORD)
    assert cli.main(["export", "flats", str(out), "--admin", "amara", "--database", url]) == 0
    assert out.is_file() and "Wrote 2 rows" in capsys.readouterr().out


def test_an_officer_cannot_import(admin, partner, tmp_path, passwords, capsys):
    factories.user(admin, "officer")
    path = tmp_path / "flats.csv"
    path.write_text("Reference\nX\n", encoding="utf-8")
    passwords.append(factories.PASSWORD)
    code = cli.main(
        [
            "import",
            "flats",
            str(path),
            "--admin",
            "officer1",
            "--database",
            database_url_for(tmp_path),
        ]
    )
    assert code == 2 and "cannot import" in capsys.readouterr().err
