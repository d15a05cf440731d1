"""Record a safety certificate for a flat."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from housing_desk import clock
from housing_desk.services import flats
from housing_desk.services.compliance import CERTIFICATE_KINDS, add_years
from housing_desk.ui import dates
from housing_desk.ui.form_dialog import FormDialog


class CertificateDialog(FormDialog):
    FORM = "certificate_dialog"
    TITLE = "Record certificate"

    def __init__(self, actor, flat, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.flat = actor, flat
        ui = self.ui
        ui.introLabel.setText(
            f"Record a safety certificate for flat {flat.reference}, {flat.address}."
        )
        for kind, (label, years) in CERTIFICATE_KINDS.items():
            term = "1 year" if years == 1 else f"{years} years"
            ui.kindCombo.addItem(f"{label} ({term})", kind)
        dates.set_date(ui.issuedOnEdit, clock.today())
        ui.usualTermCheck.setChecked(True)
        ui.usualTermCheck.toggled.connect(self._usual_term)
        ui.kindCombo.currentIndexChanged.connect(self._usual_term)
        ui.issuedOnEdit.dateChanged.connect(self._usual_term)
        self._usual_term()
        self.resize(520, self.sizeHint().height())

    def field_widgets(self):
        ui = self.ui
        return {
            "kind": ui.kindCombo,
            "issued_on": ui.issuedOnEdit,
            "expires_on": ui.expiresOnEdit,
            "reference": ui.referenceEdit,
            "satisfactory": ui.satisfactoryCheck,
        }

    def _usual_term(self, *_args) -> None:
        usual = self.ui.usualTermCheck.isChecked()
        self.ui.expiresOnEdit.setEnabled(not usual)
        if usual:
            years = CERTIFICATE_KINDS[self.ui.kindCombo.currentData()][1]
            dates.set_date(
                self.ui.expiresOnEdit, add_years(dates.get_date(self.ui.issuedOnEdit), years)
            )

    def save(self):
        ui = self.ui
        return flats.record_certificate(
            self.actor,
            self.flat,
            kind=ui.kindCombo.currentData(),
            issued_on=dates.get_date(ui.issuedOnEdit),
            expires_on=None if ui.usualTermCheck.isChecked() else dates.get_date(ui.expiresOnEdit),
            reference=ui.referenceEdit.text(),
            satisfactory=ui.satisfactoryCheck.isChecked(),
        )
