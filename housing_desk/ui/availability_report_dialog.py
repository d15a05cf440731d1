"""Choose which copy of the availability report to make: the partners' (no names, the default)
or the team's own."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from housing_desk.services import paperwork
from housing_desk.ui import dates
from housing_desk.ui.form_dialog import FormDialog


class AvailabilityReportDialog(FormDialog):
    FORM = "availability_report_dialog"
    TITLE = "Availability report"

    def __init__(self, actor, on: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.on = actor, on
        self.ui.introLabel.setText(
            f"The availability report on {dates.uk(on)} lists every flat and its state for the "
            'partners and the council. It names no woman: "Occupied" is all they need.'
        )
        self.ok_button().setText("Make the report")
        self.resize(520, self.sizeHint().height())

    def field_widgets(self):
        return {"include_names": self.ui.namesCheck}

    def save(self) -> bytes:
        return paperwork.availability_report(
            self.actor, self.on, include_names=self.ui.namesCheck.isChecked()
        )
