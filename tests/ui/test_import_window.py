"""File → Import…: choose a file, see its columns matched, check it, import it; and export."""

from housing_desk.data.models import Flat
from housing_desk.services import spreadsheets
from housing_desk.ui import messages
from housing_desk.ui.import_dialogs import ExportDialog, ImportDialog
from tests import factories


def test_check_then_import_flats_from_the_window(qtbot, admin, partner, tmp_path, monkeypatch):
    path = tmp_path / "flats.csv"
    path.write_text(
        "Ref,Where,Town,Post code,Landlord,Rent,Colour\n"
        "NHT-30,1 Derngate,Northampton,NN1 1TU,Northampton Housing Trust,95,blue\n"
        "NHT-31,2 Derngate,Northampton,NN1 1TU,Northampton Housing Trust,lots,red\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_file(str(path))
    assert dialog.combos["Ref"].currentData() == "reference"
    assert dialog.combos["Where"].currentData() == ""  # not a heading it knows: she chooses
    dialog.combos["Where"].setCurrentIndex(dialog.combos["Where"].findData("address_line1"))
    dialog.run(dry_run=True)
    qtbot.waitUntil(
        lambda: "Row 3, column 'Rent'" in dialog.ui.reportEdit.toPlainText(), timeout=10000
    )
    assert "Column 'Colour' is left out" in dialog.ui.reportEdit.toPlainText()
    dialog.grab().save("/tmp/m/import-dialog.png")
    path.write_text(path.read_text(encoding="utf-8").replace("lots", "96"), encoding="utf-8")
    dialog.open_file(str(path))
    dialog.combos["Where"].setCurrentIndex(dialog.combos["Where"].findData("address_line1"))
    monkeypatch.setattr(messages, "information", lambda *a: None)
    dialog.run(dry_run=False)
    qtbot.waitUntil(lambda: "Imported 2 of 2" in dialog.ui.reportEdit.toPlainText(), timeout=10000)
    assert Flat.select().count() == 2 and dialog.imported == 2


def test_export_a_list_from_the_window(qtbot, admin, partner, tmp_path, monkeypatch):
    factories.person(admin, given_name="Precious", family_name="Ndlovu", do_not_disclose=True)
    target = tmp_path / "people.xlsx"
    monkeypatch.setattr(messages, "save_file_name", lambda *a: str(target))
    dialog = ExportDialog(admin)
    qtbot.addWidget(dialog)
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("people"))
    assert not dialog.ui.confidentialCheck.isChecked()
    dialog.accept()
    assert dialog.result_value == 1
    assert spreadsheets.read(target).rows[0][1][0] == "(confidential)"
