"""Dialogs for repairs and files: a repair reported, who it went to, a file to attach, a picture."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QWidget

from housing_desk import clock
from housing_desk.services import attachments, repairs
from housing_desk.ui import dates, forms, window_fit
from housing_desk.ui.form_dialog import FormDialog


class RepairDialog(FormDialog):
    FORM = "repair_dialog"
    TITLE = "Report a repair"

    def __init__(self, actor, flat, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.flat = actor, flat
        ui = self.ui
        ui.introLabel.setText(f"A repair reported for flat {flat.reference}.")
        for key, label in repairs.PRIORITIES.items():
            ui.priorityCombo.addItem(label, key)
        ui.priorityCombo.setCurrentIndex(ui.priorityCombo.findData("routine"))
        ui.hazardCheck.setText("Yes: investigated within 10 working days")
        ui.outOfUseCheck.setText("Yes: it cannot be let meanwhile (a manager decides)")
        dates.set_date(ui.reportedEdit, clock.today())

    def field_widgets(self):
        ui = self.ui
        return {
            "reported_on": ui.reportedEdit,
            "priority": ui.priorityCombo,
            "hazard": ui.hazardCheck,
            "description": ui.descriptionEdit,
            "reported_by": ui.reportedByEdit,
            "out_of_use": ui.outOfUseCheck,
        }

    def save(self):
        ui = self.ui
        return repairs.report_repair(
            self.actor,
            self.flat,
            reported_on=dates.get_date(ui.reportedEdit),
            description=ui.descriptionEdit.toPlainText(),
            priority=ui.priorityCombo.currentData(),
            reported_by=ui.reportedByEdit.text(),
            hazard=ui.hazardCheck.isChecked(),
            out_of_use=ui.outOfUseCheck.isChecked(),
        )


class RepairPassDialog(FormDialog):
    FORM = "repair_pass_dialog"
    TITLE = "Repair passed on"

    def __init__(self, actor, repair, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.repair = actor, repair
        self.ui.passedToEdit.setText(repair.passed_to or repair.flat.partner.name)
        dates.set_date(self.ui.passedEdit, clock.today())

    def field_widgets(self):
        return {"passed_to": self.ui.passedToEdit, "passed_on": self.ui.passedEdit}

    def save(self):
        return repairs.pass_on(
            self.actor,
            self.repair,
            passed_to=self.ui.passedToEdit.text(),
            passed_on=dates.get_date(self.ui.passedEdit),
        )


class AttachDialog(FormDialog):
    """What a chosen file is and which record it belongs to; saving keeps it in the database."""

    FORM = "attach_dialog"
    TITLE = "Attach a file"

    def __init__(self, actor, filename: str, data: bytes, targets, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.filename, self.data = actor, filename, data
        ui = self.ui
        ui.introLabel.setText(
            f"{filename} ({len(data) / 1024:,.0f} KB) will be kept in Housing Desk."
        )
        for label, entity, entity_id in targets:
            ui.targetCombo.addItem(label, (entity, entity_id))
        for key, label in attachments.KINDS.items():
            ui.kindCombo.addItem(label, key)
        ui.expiresCheck.setText("It runs out (an ID, a benefit letter): remind us")
        ui.expiresCheck.toggled.connect(ui.expiresEdit.setEnabled)
        ui.expiresEdit.setEnabled(False)
        dates.set_date(ui.expiresEdit, clock.today())

    def field_widgets(self):
        ui = self.ui
        return {
            "entity": ui.targetCombo,
            "kind": ui.kindCombo,
            "expires_on": ui.expiresEdit,
        }

    def save(self):
        ui = self.ui
        entity, entity_id = ui.targetCombo.currentData()
        return attachments.attach(
            self.actor,
            entity,
            entity_id,
            filename=self.filename,
            data=self.data,
            kind=ui.kindCombo.currentData(),
            expires_on=dates.get_date(ui.expiresEdit) if ui.expiresCheck.isChecked() else None,
        )


class ImageViewerDialog(QDialog):
    """A picture kept with a record, shown at its size within the screen."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = forms.install("image_viewer_dialog", self)
        self.setWindowTitle(title)
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        if pixmap.isNull():
            self.ui.imageLabel.setText("This picture cannot be shown; save a copy to open it.")
        else:
            self.ui.imageLabel.setPixmap(pixmap)
        self.ui.imageLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ui.buttonBox.rejected.connect(self.reject)
        window_fit.fit(self, max(480, pixmap.width() + 40), max(360, pixmap.height() + 80))

    @classmethod
    def show_image(cls, parent, data: bytes, title: str) -> None:
        cls(data, title, parent).exec()
