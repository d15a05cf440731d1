"""Add or edit a partner organisation."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from housing_desk.services import flats
from housing_desk.ui.form_dialog import FormDialog


class PartnerDialog(FormDialog):
    FORM = "partner_dialog"

    def __init__(self, actor, partner=None, parent: QWidget | None = None):
        self.TITLE = f"Edit partner {partner.name}" if partner else "New partner"
        super().__init__(parent)
        self.actor, self.partner = actor, partner
        for kind, label in flats.PARTNER_KINDS.items():
            self.ui.kindCombo.addItem(label, kind)
        if partner is not None:
            self._fill(partner)
        self.resize(480, self.sizeHint().height())

    def _fill(self, partner) -> None:
        ui = self.ui
        ui.nameEdit.setText(partner.name)
        ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(partner.kind))
        ui.contactNameEdit.setText(partner.contact_name)
        ui.phoneEdit.setText(partner.phone)
        ui.emailEdit.setText(partner.email)
        ui.addressEdit.setPlainText(partner.address)
        ui.notesEdit.setPlainText(partner.notes)

    def reload(self) -> None:
        self.partner = flats.get_partner(self.partner.id)
        self._fill(self.partner)

    def field_widgets(self):
        ui = self.ui
        return {
            "name": ui.nameEdit,
            "kind": ui.kindCombo,
            "contact_name": ui.contactNameEdit,
            "phone": ui.phoneEdit,
            "email": ui.emailEdit,
            "address": ui.addressEdit,
            "notes": ui.notesEdit,
        }

    def values(self) -> dict:
        ui = self.ui
        return {
            "name": ui.nameEdit.text(),
            "kind": ui.kindCombo.currentData(),
            "contact_name": ui.contactNameEdit.text(),
            "phone": ui.phoneEdit.text(),
            "email": ui.emailEdit.text(),
            "address": ui.addressEdit.toPlainText(),
            "notes": ui.notesEdit.toPlainText(),
        }

    def save(self):
        values = self.values()
        if self.partner is None:
            return flats.create_partner(self.actor, **values)
        changed = {k: v for k, v in values.items() if getattr(self.partner, k) != v.strip()}
        return flats.update_partner(self.actor, self.partner, **changed)
