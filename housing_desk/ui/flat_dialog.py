"""Add or edit a flat."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from housing_desk import clock
from housing_desk.services import flats, tenure
from housing_desk.ui import charges, dates
from housing_desk.ui.charges import CHARGE_EDITS
from housing_desk.ui.form_dialog import FormDialog


class FlatDialog(FormDialog):
    FORM = "flat_dialog"

    def __init__(self, actor, flat=None, parent: QWidget | None = None):
        self.TITLE = f"Edit flat {flat.reference}" if flat else "New flat"
        super().__init__(parent)
        self.actor, self.flat = actor, flat
        ui = self.ui
        for partner in flats.list_partners():
            ui.partnerCombo.addItem(partner.name, partner.id)
        if not ui.partnerCombo.count():
            ui.partnerCombo.setPlaceholderText("No partners yet: add the one that lends the flat")
        ui.addPartnerButton.clicked.connect(self.add_partner)
        ui.headLeaseCheck.toggled.connect(ui.headLeaseEndEdit.setEnabled)
        dates.set_date(ui.headLeaseEndEdit, clock.today())
        ui.headLeaseEndEdit.setEnabled(False)
        ui.retiredCheck.setVisible(flat is not None)
        ui.excludedCombo.addItem("None", "")
        for key, label in tenure.EXCLUDED_SHORT.items():
            ui.excludedCombo.addItem(label, key)
            ui.excludedCombo.setItemData(
                ui.excludedCombo.count() - 1,
                tenure.EXCLUDED_CATEGORIES[key],
                Qt.ItemDataRole.ToolTipRole,
            )
        ui.selfContainedCheck.toggled.connect(self._self_contained)
        if flat is not None:
            self._fill(flat)
        else:
            ui.bedroomsSpin.setValue(1)
            ui.hasGasCheck.setChecked(True)
            ui.furnishedCheck.setChecked(True)
            for edit in CHARGE_EDITS.values():
                getattr(ui, edit).setText("0.00")
        self._self_contained(ui.selfContainedCheck.isChecked())
        charges.watch(ui, ui.weeklyTotalLabel)
        self.resize(560, self.sizeHint().height())

    def field_widgets(self):
        ui = self.ui
        fields = {
            "reference": ui.referenceEdit,
            "partner": ui.partnerCombo,
            "address_line1": ui.addressLine1Edit,
            "address_line2": ui.addressLine2Edit,
            "town": ui.townEdit,
            "postcode": ui.postcodeEdit,
            "bedrooms": ui.bedroomsSpin,
            "floor": ui.floorSpin,
            "step_free": ui.stepFreeCheck,
            "has_gas": ui.hasGasCheck,
            "furnished": ui.furnishedCheck,
            "retired": ui.retiredCheck,
            "head_lease_end": ui.headLeaseEndEdit,
            "self_contained": ui.selfContainedCheck,
            "excluded_category": ui.excludedCombo,
            "notes": ui.notesEdit,
        }
        fields.update({name: getattr(ui, edit) for name, edit in CHARGE_EDITS.items()})
        return fields

    def add_partner(self) -> None:
        """The partner that lends this flat, added here rather than a dead end at an empty list."""
        from housing_desk.ui.partner_dialog import PartnerDialog

        partner = PartnerDialog.ask(self, self.actor)
        if partner is not None:
            self.ui.partnerCombo.addItem(partner.name, partner.id)
            self.ui.partnerCombo.setCurrentIndex(self.ui.partnerCombo.count() - 1)

    def _fill(self, flat) -> None:
        ui = self.ui
        ui.referenceEdit.setText(flat.reference)
        ui.partnerCombo.setCurrentIndex(ui.partnerCombo.findData(flat.partner_id))
        ui.addressLine1Edit.setText(flat.address_line1)
        ui.addressLine2Edit.setText(flat.address_line2)
        ui.townEdit.setText(flat.town)
        ui.postcodeEdit.setText(flat.postcode)
        ui.bedroomsSpin.setValue(flat.bedrooms)
        ui.floorSpin.setValue(flat.floor)
        ui.stepFreeCheck.setChecked(flat.step_free)
        ui.hasGasCheck.setChecked(flat.has_gas)
        ui.furnishedCheck.setChecked(flat.furnished)
        ui.retiredCheck.setChecked(flat.retired)
        ui.selfContainedCheck.setChecked(flat.self_contained)
        ui.excludedCombo.setCurrentIndex(max(0, ui.excludedCombo.findData(flat.excluded_category)))
        ui.headLeaseCheck.setChecked(flat.head_lease_end is not None)
        if flat.head_lease_end:
            dates.set_date(ui.headLeaseEndEdit, flat.head_lease_end)
        ui.notesEdit.setPlainText(flat.notes)
        for name, edit in CHARGE_EDITS.items():
            getattr(ui, edit).setText(f"{getattr(flat, name):.2f}")

    def _self_contained(self, checked: bool) -> None:
        # No excluded category fits a self-contained flat (Protection from Eviction Act s.3A).
        self.ui.excludedCombo.setEnabled(not checked)
        if checked:
            self.ui.excludedCombo.setCurrentIndex(0)

    def values(self) -> dict:
        ui = self.ui
        values = {
            "reference": ui.referenceEdit.text(),
            "partner": ui.partnerCombo.currentData(),
            "address_line1": ui.addressLine1Edit.text(),
            "address_line2": ui.addressLine2Edit.text(),
            "town": ui.townEdit.text(),
            "postcode": ui.postcodeEdit.text(),
            "bedrooms": ui.bedroomsSpin.value(),
            "floor": ui.floorSpin.value(),
            "step_free": ui.stepFreeCheck.isChecked(),
            "has_gas": ui.hasGasCheck.isChecked(),
            "furnished": ui.furnishedCheck.isChecked(),
            "self_contained": ui.selfContainedCheck.isChecked(),
            "excluded_category": ui.excludedCombo.currentData() or "",
            "head_lease_end": dates.get_date(ui.headLeaseEndEdit)
            if ui.headLeaseCheck.isChecked()
            else None,
            "notes": ui.notesEdit.toPlainText(),
        }
        values.update({name: getattr(ui, edit).text() for name, edit in CHARGE_EDITS.items()})
        if self.flat is not None:
            values["retired"] = ui.retiredCheck.isChecked()
        return values

    def save(self):
        values = self.values()
        if self.flat is None:
            return flats.create_flat(self.actor, **values)
        # Everything is sent: the service normalises it and records only what really changed.
        return flats.update_flat(self.actor, self.flat, **values)

    def reload(self) -> None:
        self.flat = flats.get_flat(self.flat.id)
        self._fill(self.flat)
