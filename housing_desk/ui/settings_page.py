"""Settings: the organisation printed on the paperwork, and the licence wording in use."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from housing_desk.services import licences, permissions, privacy, settings, setup_guide
from housing_desk.ui import forms, messages
from housing_desk.ui.field_errors import FieldErrors
from housing_desk.ui.operations import Operation

_EDITS = {
    "name": "nameEdit",
    "charity_number": "charityNumberEdit",
    "phone": "phoneEdit",
    "out_of_hours_phone": "outOfHoursEdit",
    "logo_path": "logoEdit",
}


class SettingsPage(QWidget):
    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = forms.install("settings_page", self)
        ui = self.ui
        self.errors = FieldErrors(
            {
                **{k: getattr(ui, v) for k, v in _EDITS.items()},
                "address": ui.addressEdit,
                **dict.fromkeys(settings.TEMPLATE_KEYS.values(), ui.templateEdit),
                settings.IDLE_KEY: ui.idleSpin,
                settings.RETENTION_KEY: ui.retentionSpin,
                settings.NOTICE_KEY: ui.noticeSpin,
                "payer": ui.supportPayerCombo,
                "nrpf_rent_payer": ui.nrpfRentCombo,
                "officer": ui.privacyOfficerEdit,
                "retention": ui.retentionWordingEdit,
            },
            ui.errorLabel,
        )
        for key, label in licences.AGREEMENT_TYPES.items():
            ui.templateTypeCombo.addItem(label, key)
        ui.templateTypeCombo.currentIndexChanged.connect(lambda _index: self.refresh())
        for key, label in settings.SUPPORT_PAYERS.items():
            ui.supportPayerCombo.addItem(label, key)
        for key, label in settings.NRPF_RENT_PAYERS.items():
            ui.nrpfRentCombo.addItem(label, key)
        ui.saveOrganisationButton.clicked.connect(self.save_organisation)
        ui.guideButton.clicked.connect(self.open_setup_guide)
        ui.chooseTemplateButton.clicked.connect(self.choose_template)
        ui.modelTemplateButton.clicked.connect(lambda: self.use_template(""))
        ui.chooseLogoButton.clicked.connect(self.choose_logo)
        ui.saveSecurityButton.clicked.connect(self.save_security)
        ui.savePrivacyButton.clicked.connect(self.save_privacy)
        ui.templateEdit.setReadOnly(True)
        allowed = permissions.allowed(actor, "manage_settings")
        for widget in (ui.organisationGroup, ui.templateRow, ui.securityGroup, ui.privacyGroup):
            widget.setEnabled(allowed)
        if not allowed:
            ui.errorLabel.setText("Only an administrator can change the settings.")
            ui.errorLabel.setVisible(True)
        from housing_desk.ui.tenancy_settings import TenancySettings

        self.tenancy = TenancySettings(actor, ui.errorLabel)
        layout = ui.layout()
        layout.insertWidget(layout.indexOf(ui.errorLabel), self.tenancy)
        from housing_desk.ui.repair_settings import RepairSettings

        self.repairs = RepairSettings(actor, ui.errorLabel)
        layout.insertWidget(layout.indexOf(ui.errorLabel), self.repairs)
        self.refresh()

    def open_setup_guide(self) -> None:
        from housing_desk.ui.setup_guide import SetupGuide

        self.guide = SetupGuide.open_for(self, self.actor)
        if self.guide is not None:
            self.guide.finished.connect(lambda _result: self.refresh())

    def refresh(self) -> None:
        ui = self.ui
        ui.guideButton.setVisible(setup_guide.offered_to(self.actor))
        held = privacy.privacy_settings()
        ui.privacyOfficerEdit.setText(held["officer"])
        ui.retentionWordingEdit.setPlainText(held["retention"])
        organisation = settings.organisation()
        named = organisation.name != settings.UNSET_NAME
        ui.nameEdit.setText(organisation.name if named else "")
        ui.charityNumberEdit.setText(organisation.charity_number)
        ui.addressEdit.setPlainText(organisation.address)
        ui.phoneEdit.setText(organisation.phone)
        ui.outOfHoursEdit.setText(organisation.out_of_hours_phone)
        ui.logoEdit.setText(organisation.logo_path)
        kind = ui.templateTypeCombo.currentData()
        ui.templateEdit.setText(settings.licence_template_path(kind))
        ui.idleSpin.setValue(settings.idle_lock_minutes())
        ui.retentionSpin.setValue(settings.retention_years())
        ui.noticeSpin.setValue(settings.notice_days())
        ui.supportPayerCombo.setCurrentIndex(
            ui.supportPayerCombo.findData(settings.support_charge_payer())
        )
        ui.nrpfRentCombo.setCurrentIndex(ui.nrpfRentCombo.findData(settings.nrpf_rent_payer()))
        ui.templateStatus.setText(settings.licence_template_status(kind))

    def save_organisation(self) -> None:
        ui = self.ui
        values = {key: getattr(ui, edit).text() for key, edit in _EDITS.items()}
        values["address"] = ui.addressEdit.toPlainText()
        Operation(
            self, lambda: settings.save_organisation(self.actor, **values), title="Settings"
        ).errors(self.errors).success(self._organisation_saved).run()

    def _organisation_saved(self, _organisation) -> None:
        self.refresh()
        messages.information(self, "Settings", "The organisation's details are saved.")

    def save_privacy(self) -> None:
        ui = self.ui
        Operation(
            self,
            lambda: privacy.save_privacy(
                self.actor,
                officer=ui.privacyOfficerEdit.text(),
                retention=ui.retentionWordingEdit.toPlainText(),
            ),
            title="Settings",
        ).errors(self.errors).success(
            lambda _saved: messages.information(
                self, "Settings", "What her copy of her records says is saved."
            )
        ).run()

    def save_security(self) -> None:
        ui = self.ui
        Operation(
            self,
            lambda: settings.save_security(
                self.actor,
                idle_lock_minutes=ui.idleSpin.value(),
                retention_years=ui.retentionSpin.value(),
                notice_days=ui.noticeSpin.value(),
                support_charge_payer=ui.supportPayerCombo.currentData(),
                nrpf_rent_payer=ui.nrpfRentCombo.currentData(),
            ),
            title="Settings",
        ).errors(self.errors).success(
            lambda _saved: messages.information(
                self, "Settings", "Saved. The new lock time applies from the next sign-in."
            )
        ).run()

    def choose_template(self) -> None:
        path = messages.open_file_name(
            self, "Choose the agreement wording", "Text files (*.txt);;All files (*)"
        )
        if path:
            self.use_template(path)

    def use_template(self, path: str) -> None:
        Operation(
            self,
            lambda: settings.set_licence_template(
                self.actor, path, self.ui.templateTypeCombo.currentData()
            ),
            title="Settings",
        ).errors(self.errors).success(lambda _wording: self.refresh()).run()

    def choose_logo(self) -> None:
        path = messages.open_file_name(
            self, "Choose the logo", "Images (*.png *.jpg *.jpeg);;All files (*)"
        )
        if path:
            self.ui.logoEdit.setText(path)
