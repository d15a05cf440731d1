"""The flat dialog, driven as an officer would: typing, saving, and being told what is wrong."""

from decimal import Decimal

from PySide6.QtCore import Qt

from housing_desk.data.models import Flat
from housing_desk.services import audit, flats
from housing_desk.ui.flat_dialog import FlatDialog


def type_into(qtbot, edit, text):
    edit.clear()
    qtbot.keyClicks(edit, text)


def fill_new_flat(qtbot, dialog):
    ui = dialog.ui
    type_into(qtbot, ui.referenceEdit, "nvt-05")
    type_into(qtbot, ui.addressLine1Edit, "Flat 2, 31 Kettering Road")
    type_into(qtbot, ui.townEdit, "Northampton")
    type_into(qtbot, ui.postcodeEdit, "nn1 4ag")
    ui.bedroomsSpin.setValue(2)
    qtbot.mouseClick(ui.stepFreeCheck, Qt.MouseButton.LeftButton)
    type_into(qtbot, ui.weeklyRentEdit, "101.50")
    type_into(qtbot, ui.supportChargeEdit, "45")


def test_new_flat_is_saved_through_the_service(qtbot, admin, partner):
    dialog = FlatDialog(admin)
    qtbot.addWidget(dialog)
    fill_new_flat(qtbot, dialog)
    assert dialog.ui.weeklyTotalLabel.text() == "Weekly total: £146.50"
    with qtbot.waitSignal(dialog.accepted):
        dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Save).click()
    flat = Flat.get(Flat.reference == "NVT-05")
    assert (flat.postcode, flat.bedrooms, flat.step_free) == ("NN1 4AG", 2, True)
    assert flat.weekly_rent == Decimal("101.50") and flat.support_charge == Decimal("45.00")
    assert flat.partner_id == partner.id
    assert dialog.result_value.id == flat.id


def test_bad_postcode_is_shown_beside_the_field_and_nothing_is_saved(qtbot, admin, partner):
    dialog = FlatDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_new_flat(qtbot, dialog)
    type_into(qtbot, dialog.ui.postcodeEdit, "NN99")
    dialog.ok_button().click()
    assert dialog.isVisible() and dialog.result() == 0
    assert "not a UK postcode" in dialog.errors.message_for("postcode")
    assert dialog.focusWidget() is dialog.ui.postcodeEdit
    assert dialog.ui.postcodeEdit.text() == "NN99"  # what was typed is kept
    assert dialog.ui.addressLine1Edit.text() == "Flat 2, 31 Kettering Road"
    assert Flat.select().count() == 0
    type_into(qtbot, dialog.ui.postcodeEdit, "NN1 4AG")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    assert Flat.select().count() == 1


def test_money_error_names_the_charge(qtbot, admin, partner):
    dialog = FlatDialog(admin)
    qtbot.addWidget(dialog)
    fill_new_flat(qtbot, dialog)
    type_into(qtbot, dialog.ui.eligibleServiceChargeEdit, "12.345")
    assert "check the amounts" in dialog.ui.weeklyTotalLabel.text()
    dialog.ok_button().click()
    assert "two decimal places" in dialog.errors.message_for("eligible_service_charge")
    assert Flat.select().count() == 0


def test_an_edit_records_only_what_changed(qtbot, admin, flat):
    dialog = FlatDialog(admin, flats.get_flat(flat.id))
    qtbot.addWidget(dialog)
    assert dialog.ui.referenceEdit.text() == "NHT-01"
    assert dialog.ui.weeklyRentEdit.text() == "98.50"
    type_into(qtbot, dialog.ui.weeklyRentEdit, "99.00")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    stored = Flat.get_by_id(flat.id)
    assert (stored.weekly_rent, stored.version) == (Decimal("99.00"), 2)
    # The dialog sends every field; the service's own normalising decides what changed.
    assert audit.events("flat", flat.id)[-1].changes == {"weekly_rent": ["98.50", "99.00"]}


def test_someone_elses_newer_change_is_offered_for_reload(qtbot, admin, flat, shown_messages):
    dialog = FlatDialog(admin, flats.get_flat(flat.id))
    qtbot.addWidget(dialog)
    flats.update_flat(
        admin, flats.get_flat(flat.id), town="Kingsthorpe"
    )  # another officer saves first
    type_into(qtbot, dialog.ui.townEdit, "Duston")
    shown_messages.confirm_answer = False
    dialog.ok_button().click()
    assert dialog.result() == 0
    assert shown_messages.shown[-1][0] == "confirm"
    assert dialog.ui.townEdit.text() == "Duston"  # kept: the officer chose to keep hers
    assert (
        "Amara Okafor, at " in dialog.ui.errorLabel.text()
        and "changed flat NHT-01" in dialog.ui.errorLabel.text()
    )
    shown_messages.confirm_answer = True
    dialog.ok_button().click()
    assert dialog.ui.townEdit.text() == "Kingsthorpe"  # reloaded their version
    assert Flat.get_by_id(flat.id).town == "Kingsthorpe"
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()


def test_retired_box_only_when_editing(qtbot, admin, flat):
    new = FlatDialog(admin)
    edit = FlatDialog(admin, flats.get_flat(flat.id))
    qtbot.addWidget(new)
    qtbot.addWidget(edit)
    assert new.ui.retiredCheck.isHidden() and not edit.ui.retiredCheck.isHidden()
