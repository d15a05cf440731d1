"""Settings for repairs: how many days each priority of repair has to be done in."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from housing_desk.services import permissions, settings
from housing_desk.ui import forms, messages
from housing_desk.ui.field_errors import FieldErrors
from housing_desk.ui.operations import Operation

_SPINS = {"emergency": "emergencySpin", "urgent": "urgentSpin", "routine": "routineSpin"}


class RepairSettings(QWidget):
    def __init__(self, actor, error_label: QLabel, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = forms.install("repair_settings", self)
        self.errors = FieldErrors(
            {priority: getattr(self.ui, spin) for priority, spin in _SPINS.items()}, error_label
        )
        self.ui.saveRepairsButton.clicked.connect(self.save)
        self.ui.repairGroup.setEnabled(permissions.allowed(actor, "manage_settings"))
        self.refresh()

    def refresh(self) -> None:
        for priority, days in settings.repair_target_days().items():
            getattr(self.ui, _SPINS[priority]).setValue(days)

    def save(self) -> None:
        days = {priority: getattr(self.ui, spin).value() for priority, spin in _SPINS.items()}
        Operation(
            self, lambda: settings.set_repair_target_days(self.actor, **days), title="Settings"
        ).errors(self.errors).success(
            lambda _saved: messages.information(
                self, "Settings", "Saved. Repairs reported from now on are due by these targets."
            )
        ).run()
