"""Record that she asked for a copy of her records: the day it arrived starts the month."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from housing_desk import clock
from housing_desk.services import subject_access
from housing_desk.ui import dates
from housing_desk.ui.form_dialog import FormDialog


class AccessRequestDialog(FormDialog):
    FORM = "access_request_dialog"
    TITLE = "Request for her records"

    def __init__(self, actor, person, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.person = actor, person
        self.ui.introLabel.setText(
            f"{name} has asked for a copy of what we hold about her. However she asked, it "
            "counts: she must have it within one calendar month of the day it arrived, free."
        )
        dates.set_date(self.ui.receivedEdit, clock.today())
        self.resize(480, self.sizeHint().height())

    def field_widgets(self):
        return {"received_on": self.ui.receivedEdit, "notes": self.ui.notesEdit}

    def save(self):
        return subject_access.record_request(
            self.actor,
            self.person,
            received_on=dates.get_date(self.ui.receivedEdit),
            notes=self.ui.notesEdit.text(),
        )
