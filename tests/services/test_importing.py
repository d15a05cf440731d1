"""Importing flats, women and current licences from CSV and Excel files: headings matched loosely,
every problem reported by row and column, and every row or none written."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook

from housing_desk.data.models import AuditEvent, Flat, Licence, Person
from housing_desk.services import arrears, importing, spreadsheets
from housing_desk.services.errors import PermissionDenied
from tests import factories


def _csv(path, text):
    path.write_text(text, encoding="utf-8")
    return path


FLATS = """Ref,Address Line 1, Post code ,TOWN,Partner,Weekly rent,Service charge,Gas,Beds

NHT-10,"Flat 1, 3 Abington Square",nn1 4ae,Northampton,northampton housing trust,£98.50,22.15,yes,1
NHT-11,"Flat 2, 3 Abington Square",NN1 4AE,Northampton,Northampton Housing Trust,"£1,001.00",0,no,2
"""


def test_flats_from_csv_with_loose_headings(admin, partner, tmp_path):
    path = _csv(tmp_path / "flats.csv", FLATS)
    dry = importing.import_file(admin, "flats", path, dry_run=True)
    assert dry.ok and dry.imported == 2 and Flat.select().count() == 0  # a dry run writes nothing
    done = importing.import_file(admin, "flats", path)
    assert done.ok and done.imported == 2
    first = Flat.get(Flat.reference == "NHT-10")
    assert first.postcode == "NN1 4AE" and first.weekly_rent == Decimal("98.50")
    assert Flat.get(Flat.reference == "NHT-11").weekly_rent == Decimal("1001.00")
    assert not Flat.get(Flat.reference == "NHT-11").has_gas
    assert AuditEvent.select().where(AuditEvent.entity == "import").count() == 1


def test_a_bad_row_means_nothing_is_imported_and_says_where(admin, partner, tmp_path):
    path = _csv(
        tmp_path / "flats.csv",
        FLATS
        + "NHT-12,1 High St,NN99 ZZZ,Northampton,Northampton Housing Trust,90,0,yes,1\n"
        + "NHT-13,2 High St,NN1 1AA,Northampton,Nobody Trust,90,0,yes,1\n"
        + "NHT-10,3 High St,NN1 1AA,Northampton,Northampton Housing Trust,90,0,maybe,1\n",
    )
    report = importing.import_file(admin, "flats", path)
    assert report.imported == 0 and Flat.select().count() == 0
    assert [(p.row, p.column) for p in report.problems] == [
        (5, "Post code"),
        (6, "Partner"),
        (7, "Gas"),
    ]
    assert "NN99 ZZZ" in report.problems[0].message
    assert "No partner called 'Nobody Trust'" in report.problems[1].message


def test_a_missing_column_is_named(admin, partner, tmp_path):
    path = _csv(tmp_path / "flats.csv", "Reference,Town\nNHT-1,Northampton\n")
    report = importing.import_file(admin, "flats", path, dry_run=True)
    assert report.problems[0].row == 1 and "Address line 1" in report.problems[0].message
    mapped = _csv(
        tmp_path / "odd.csv",
        "Flat code,Where,Town,PC,Owner,Rent\nX-1,1 A St,Northampton,NN1 1AA,Northampton Housing Trust,90\n",
    )
    report = importing.import_file(
        admin,
        "flats",
        mapped,
        dry_run=True,
        mapping={
            "Flat code": "reference",
            "Where": "address_line1",
            "PC": "postcode",
            "Owner": "partner",
        },
    )
    assert report.ok and report.imported == 1


def test_people_from_excel_with_dates_and_non_ascii_names(admin, tmp_path):
    factories.person(
        admin, given_name="Siobhán", family_name="Ní Bhriain", date_of_birth=date(1990, 3, 4)
    )
    book = Workbook()
    sheet = book.active
    sheet.append(["First name", "Surname", "DOB", "Confidential", "Phone"])
    sheet.append(["Agnieszka", "Łukasiewicz", datetime(1988, 7, 1), "no", "07700 900123"])
    sheet.append([None, None, None, None, None])
    sheet.append(["Siobhan", "Ni Bhriain", "04/03/1990", "yes", ""])  # already recorded
    sheet.append(["Ayşe", "Yılmaz", "1995-12-24", "Y", ""])
    path = tmp_path / "people.xlsx"
    book.save(path)
    report = importing.import_file(admin, "people", path)
    assert report.ok and report.imported == 2
    assert [d.row for d in report.duplicates] == [4]
    assert Person.get(Person.family_name == "Łukasiewicz").date_of_birth == date(1988, 7, 1)
    assert Person.get(Person.family_name == "Yılmaz").do_not_disclose


def test_current_licences_are_signed_up_with_what_she_owes_today(admin, partner, tmp_path):
    factories.certified_flat(admin, partner)
    woman = factories.ready_woman(
        admin, given_name="Zofia", family_name="Mazur", date_of_birth=date(1985, 2, 2)
    )
    path = _csv(
        tmp_path / "licences.csv",
        "Flat reference,Given name,Family name,Date of birth,Start date,HB ref,Balance\n"
        "nht-01,Zofia,Mazur,02/02/1985,05/01/2026,HB-4471,£25.50\n",
    )
    report = importing.import_file(admin, "licences", path)
    assert report.ok, report.problems
    licence = Licence.get(Licence.person == woman.id)
    assert licence.status == "active" and licence.hb_reference == "HB-4471"
    assert arrears.statement(licence).balance == Decimal("25.50")


def test_a_licence_for_someone_not_recorded_is_a_row_problem(admin, partner, tmp_path):
    factories.certified_flat(admin, partner)
    path = _csv(
        tmp_path / "licences.csv",
        "Flat reference,Given name,Family name,Start date\nNHT-01,Nobody,Here,05/01/2026\n"
        "NHT-99,Nobody,Here,31/02/2026\n",
    )
    report = importing.import_file(admin, "licences", path, dry_run=True)
    assert [(p.row, p.column) for p in report.problems] == [(2, "Given name"), (3, "Start date")]


def test_only_managers_import(admin, partner, tmp_path):
    officer = factories.user(admin, "officer")
    with pytest.raises(PermissionDenied):
        importing.import_file(officer, "flats", _csv(tmp_path / "f.csv", FLATS))


def test_templates_and_exported_text_that_looks_like_a_formula(tmp_path):
    path = tmp_path / "people.xlsx"
    spreadsheets.write(
        path, importing.template("people"), [["=HYPERLINK(1)", "Ok", date(2026, 1, 5)]]
    )
    table = spreadsheets.read(path)
    assert table.headings[:2] == ["Given name", "Family name"]
    assert table.rows[0][1][0] == "'=HYPERLINK(1)" and table.rows[0][1][2] == date(2026, 1, 5)


def test_export_withholds_confidential_names_unless_asked_and_reads_back(admin, partner, tmp_path):
    from housing_desk.services import exporting

    factories.person(admin, given_name="Precious", family_name="Ndlovu", do_not_disclose=True)
    factories.person(
        admin, given_name="Ioana", family_name="Popescu", date_of_birth=date(1990, 1, 2)
    )
    factories.flat(admin, partner)
    path = tmp_path / "people.csv"
    assert exporting.export_list(admin, "people", path) == 2
    text = path.read_text(encoding="utf-8-sig")
    assert "Ndlovu" not in text and "(confidential)" in text and "02/01/1990" in text
    exporting.export_list(admin, "people", path, include_confidential=True)
    assert "Ndlovu" in path.read_text(encoding="utf-8-sig")
    events = list(AuditEvent.select().where(AuditEvent.action == "export"))
    assert len(events) == 2 and '"confidential_names": true' in events[1].changes
    flats_file = tmp_path / "flats.xlsx"
    exporting.export_list(admin, "flats", flats_file)
    again = importing.import_file(admin, "flats", flats_file, dry_run=True)
    assert [p.message for p in again.problems] == [
        "A flat with reference NHT-01 already exists."
    ] or again.problems
    officer = factories.user(admin, "officer")
    with pytest.raises(PermissionDenied):
        exporting.export_list(officer, "people", path)


def test_a_woman_with_no_assessment_is_let_on_the_managers_import(admin, partner, tmp_path):
    factories.certified_flat(admin, partner)
    woman = factories.person(admin, given_name="Hodan", family_name="Warsame")
    path = _csv(
        tmp_path / "licences.csv",
        "Flat reference,Given name,Family name,Start date\nNHT-01,Hodan,Warsame,05/01/2026\n",
    )
    report = importing.import_file(admin, "licences", path)
    assert report.ok, report.problems
    licence = Licence.get(Licence.person == woman.id)
    assert licence.readiness_override == importing.IMPORTED and licence.status == "active"
