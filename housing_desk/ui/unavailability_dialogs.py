"""Take a flat out of use for a period, and put it back in use."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QWidget

from housing_desk import clock
from housing_desk.services import flats
from housing_desk.ui import dates
from housing_desk.ui.form_dialog import FormDialog


class UnavailabilityDialog(FormDialog):
    FORM = "unavailability_dialog"
    TITLE = "Out of use"

    def __init__(self, actor, flat, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.flat = actor, flat
        ui = self.ui
        ui.introLabel.setText(
            f"Take flat {flat.reference} out of use. It shows as out of use on the board from the first day "
            "until the day it is back in use."
        )
        for reason, label in flats.UNAVAILABILITY_REASONS.items():
            ui.reasonCombo.addItem(label, reason)
        today = clock.today()
        dates.set_date(ui.startEdit, today)
        dates.set_date(ui.endEdit, today + timedelta(days=14))
        ui.endKnownCheck.setChecked(True)
        ui.endKnownCheck.toggled.connect(ui.endEdit.setEnabled)
        self.resize(480, self.sizeHint().height())

    def field_widgets(self):
        ui = self.ui
        return {
            "start": ui.startEdit,
            "end": ui.endEdit,
            "reason": ui.reasonCombo,
            "notes": ui.notesEdit,
        }

    def save(self):
        ui = self.ui
        return flats.mark_unavailable(
            self.actor,
            self.flat,
            start=dates.get_date(ui.startEdit),
            end=dates.get_date(ui.endEdit) if ui.endKnownCheck.isChecked() else None,
            reason=ui.reasonCombo.currentData(),
            notes=ui.notesEdit.toPlainText(),
        )


class BackInUseDialog(FormDialog):
    FORM = "back_in_use_dialog"
    TITLE = "Back in use"

    def __init__(self, actor, unavailability, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.unavailability = actor, unavailability
        self.ui.introLabel.setText(
            f"Out of use since {dates.uk(unavailability.start)}. Enter the day the flat can be let again."
        )
        dates.set_date(self.ui.endEdit, unavailability.end or clock.today())

    def field_widgets(self):
        return {"end": self.ui.endEdit}

    def save(self):
        return flats.end_unavailability(
            self.actor, self.unavailability, end=dates.get_date(self.ui.endEdit)
        )
