"""The people list carries whether she has no recourse to public funds, out and back in: the
import reads only yes, no, true, false or blank, and refuses anything else by row and column."""

import csv

from housing_desk.data.models import Person
from housing_desk.services import exporting, importing
from tests import factories

HEADING = "No recourse to public funds"


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def _exported(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_people_export_has_the_column_in_the_imports_template(admin, tmp_path):
    factories.person(
        admin, given_name="Amal", family_name="Haddad", no_recourse_to_public_funds=True
    )
    factories.person(admin, given_name="Ioana", family_name="Popescu")
    factories.person(
        admin,
        given_name="Precious",
        family_name="Ndlovu",
        do_not_disclose=True,
        no_recourse_to_public_funds=True,
    )
    assert HEADING in importing.template("people")
    path = tmp_path / "people.csv"
    exporting.export_list(admin, "people", path)
    rows = {row["Family name"]: row[HEADING] for row in _exported(path)}
    # Her immigration status is withheld with her other details when her name is.
    assert rows == {"Haddad": "yes", "Popescu": "no", "(confidential)": ""}
    exporting.export_list(admin, "people", path, include_confidential=True)
    rows = {row["Family name"]: row[HEADING] for row in _exported(path)}
    assert rows == {"Haddad": "yes", "Popescu": "no", "Ndlovu": "yes"}


def test_an_exported_list_reads_back_with_the_flag(admin, tmp_path):
    factories.person(
        admin, given_name="Amal", family_name="Haddad", no_recourse_to_public_funds=True
    )
    path = tmp_path / "people.csv"
    exporting.export_list(admin, "people", path)
    # The same list, for a woman not yet recorded, comes back with her flag.
    text = path.read_text(encoding="utf-8-sig").replace("Haddad", "Mansour")
    report = importing.import_file(admin, "people", _write(tmp_path / "back.csv", text))
    assert report.ok, report.problems
    assert Person.get(Person.family_name == "Mansour").no_recourse_to_public_funds


def test_the_import_reads_yes_no_true_false_and_blank(admin, tmp_path):
    path = _write(
        tmp_path / "people.csv",
        "Given name,Family name,Date of birth,NRPF\n"
        "Amal,Haddad,01/02/1990,yes\n"
        "Nadia,Rahman,02/03/1991,TRUE\n"
        "Ioana,Popescu,03/04/1992,No\n"
        "Maria,Silva,04/05/1993,false\n"
        "Grace,Mensah,05/06/1994,\n",
    )
    report = importing.import_file(admin, "people", path)
    assert report.ok and report.imported == 5, report.problems
    flags = {p.family_name: p.no_recourse_to_public_funds for p in Person.select()}
    assert flags == {
        "Haddad": True,
        "Rahman": True,
        "Popescu": False,
        "Silva": False,
        "Mensah": False,
    }


def test_anything_else_is_refused_naming_the_row_and_the_column_and_nothing_is_imported(
    admin, tmp_path
):
    path = _write(
        tmp_path / "people.csv",
        f"Given name,Family name,{HEADING}\n"
        "Amal,Haddad,yes\n"
        "Nadia,Rahman,maybe\n"
        "Ioana,Popescu,1\n"
        "Maria,Silva,x\n",
    )
    report = importing.import_file(admin, "people", path)
    assert [(p.row, p.column) for p in report.problems] == [
        (3, HEADING),
        (4, HEADING),
        (5, HEADING),
    ]
    assert "must be yes, no, true, false or left blank (this says 'maybe')" in (
        report.problems[0].message
    )
    assert not report.ok and Person.select().count() == 0
