"""Settings for the tenancy's life: when keywork is overdue, and when each stage of warning lapses."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from housing_desk.services import permissions, settings
from housing_desk.ui import forms, messages
from housing_desk.ui.field_errors import FieldErrors
from housing_desk.ui.operations import Operation

_STAGE_SPINS = {"verbal": "verbalSpin", "written": "writtenSpin", "final": "finalSpin"}


class TenancySettings(QWidget):
    def __init__(self, actor, error_label: QLabel, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = forms.install("tenancy_settings", self)
        ui = self.ui
        self.errors = FieldErrors(
            {
                settings.KEYWORK_KEY: ui.keyworkSpin,
                **{
                    settings.WARNING_KEY.format(stage=stage): getattr(ui, spin)
                    for stage, spin in _STAGE_SPINS.items()
                },
            },
            error_label,
        )
        ui.saveTenancyButton.clicked.connect(self.save)
        ui.tenancyGroup.setEnabled(permissions.allowed(actor, "manage_settings"))
        self.refresh()

    def refresh(self) -> None:
        self.ui.keyworkSpin.setValue(settings.keywork_overdue_days())
        for stage, spin in _STAGE_SPINS.items():
            getattr(self.ui, spin).setValue(settings.warning_lapse_months(stage))

    def save(self) -> None:
        ui = self.ui
        months = {stage: getattr(ui, spin).value() for stage, spin in _STAGE_SPINS.items()}
        Operation(
            self,
            lambda: settings.save_tenancy_life(
                self.actor, keywork_overdue_days=ui.keyworkSpin.value(), warning_months=months
            ),
            title="Settings",
        ).errors(self.errors).success(
            lambda _saved: messages.information(
                self, "Settings", "Saved. Warnings given from now on lapse after these periods."
            )
        ).run()
