"""The set-up guide of a new database: the organisation, the first partner, the first flat and its
certificates. Each step saves through its own service (the partner and flat steps are the Partner
and Flat dialogs' own forms); each can be left for later; steps already done are not asked again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from housing_desk import clock
from housing_desk.services import flats, settings, setup_guide
from housing_desk.services.compliance import CERTIFICATE_KINDS
from housing_desk.ui import date_typing, dates, forms, messages, window_fit
from housing_desk.ui.discard_guard import DiscardGuard
from housing_desk.ui.field_errors import FieldErrors
from housing_desk.ui.flat_dialog import FlatDialog
from housing_desk.ui.operations import Operation
from housing_desk.ui.partner_dialog import PartnerDialog

ORGANISATION, PARTNER, FLAT, CERTIFICATES, SUMMARY = range(5)
LATER = QWizard.WizardButton.CustomButton1
WHERE = "Help → Set-up guide, or the Set-up guide button in Settings"


class FormPage(QWizardPage):
    """A page of the guide whose content is a Designer form."""

    STEP = ""

    def __init__(self, guide: SetupGuide, form: str, title: str):
        super().__init__()
        self.guide = guide
        self.ui = forms.install(form, self)
        window_fit.scroll_body(self, self.ui, below=())
        self.setTitle(title)

    def needed(self) -> bool:
        """Whether the guide asks this step (a step already done is not asked again)."""
        return not self.guide.step_done(self.STEP)

    def validatePage(self) -> bool:
        if self.guide.skipping:
            return True
        return self.save()

    def save(self) -> bool:
        return True


class OrganisationPage(FormPage):
    STEP = "organisation"

    def __init__(self, guide: SetupGuide):
        super().__init__(guide, "setup_organisation", "Your organisation")
        ui = self.ui
        self.edits = {
            "name": ui.nameEdit,
            "charity_number": ui.charityNumberEdit,
            "address": ui.addressEdit,
            "phone": ui.phoneEdit,
            "out_of_hours_phone": ui.outOfHoursEdit,
        }
        self.errors = FieldErrors(dict(self.edits), ui.errorLabel)
        held = settings.organisation()
        for key, edit in self.edits.items():
            value = getattr(held, key)
            if key == "name" and value == settings.UNSET_NAME:
                value = ""
            edit.setPlainText(value) if key == "address" else edit.setText(value)

    def values(self) -> dict[str, str]:
        return {
            key: edit.toPlainText() if key == "address" else edit.text()
            for key, edit in self.edits.items()
        }

    def save(self) -> bool:
        values = self.values()
        return (
            Operation(
                self,
                lambda: setup_guide.save_organisation(self.guide.actor, **values),
                title="Set-up guide",
            )
            .errors(self.errors)
            .run()
        )


class _Inline:
    """An editing dialog shown as a form inside the guide: Enter and Esc belong to the guide."""

    def keyPressEvent(self, event) -> None:
        event.ignore()  # on to the guide: Enter saves and continues, Esc closes

    def reject(self) -> None:
        window = self.window()
        if window is not self:
            window.reject()


class PartnerForm(_Inline, PartnerDialog):
    pass


class FlatForm(_Inline, FlatDialog):
    pass


class DialogPage(QWizardPage):
    """A page holding an editing dialog's own form (its fields, its checks, its one service call),
    without the dialog's buttons: Next saves, Later moves on."""

    STEP = ""

    def __init__(self, guide: SetupGuide, dialog, title: str, subtitle: str):
        super().__init__()
        self.guide = guide
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.dialog = dialog
        dialog.setWindowFlags(Qt.WindowType.Widget)
        dialog.ui.buttonBox.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(dialog)

    def needed(self) -> bool:
        return not self.guide.step_done(self.STEP)

    def validatePage(self) -> bool:
        if self.guide.skipping:
            return True
        return (
            Operation(self, self.dialog.save, title="Set-up guide")
            .errors(self.dialog.errors)
            .success(self.saved)
            .run()
        )

    def saved(self, record) -> None:
        """What the page does with the record its dialog saved."""


class PartnerPage(DialogPage):
    STEP = "partner"

    def __init__(self, guide: SetupGuide):
        super().__init__(
            guide,
            PartnerForm(guide.actor),
            "The first partner",
            "The housing charity, council or landlord that lends you a flat. Add others later "
            "under Partners.",
        )

    def saved(self, partner) -> None:
        self.guide.partner = partner


class FlatPage(DialogPage):
    STEP = "flat"

    def __init__(self, guide: SetupGuide):
        super().__init__(
            guide,
            FlatForm(guide.actor),
            "The first flat",
            "Its reference is the short code the team uses for it; the charges are what a "
            "licence of it starts with.",
        )

    def initializePage(self) -> None:
        # The partner may have been added a page ago: offer every partner, the newest chosen.
        combo = self.dialog.ui.partnerCombo
        chosen = combo.currentData()
        combo.clear()
        for partner in flats.list_partners():
            combo.addItem(partner.name, partner.id)
        newest = self.guide.partner.id if self.guide.partner is not None else chosen
        combo.setCurrentIndex(max(combo.findData(newest), 0) if combo.count() else -1)

    def saved(self, flat) -> None:
        self.guide.flat = flat


class CertificatesPage(FormPage):
    STEP = "certificates"

    def __init__(self, guide: SetupGuide):
        super().__init__(guide, "setup_certificates", "The flat's safety certificates")
        self.rows: dict[str, tuple[QGroupBox, FieldErrors, object, QLineEdit]] = {}
        self.flat = None
        QVBoxLayout(self.ui.kindsHost).setContentsMargins(0, 0, 0, 0)

    def needed(self) -> bool:
        # Without a flat there is nothing to certify: that step waits for the flat.
        return self.guide.step_done("flat") and not self.guide.step_done(self.STEP)

    def initializePage(self) -> None:
        self.flat = setup_guide.first_flat()
        layout = self.ui.kindsHost.layout()
        for group, *_rest in self.rows.values():
            layout.removeWidget(group)
            group.deleteLater()
        self.rows.clear()
        if self.flat is None:
            return
        self.ui.introLabel.setText(
            f"Flat {self.flat.reference} cannot be let until these cover today. Give the date "
            "each was issued; each runs for its usual term from then."
        )
        for kind in setup_guide.uncovered_kinds(self.flat):
            label, years = CERTIFICATE_KINDS[kind]
            group = QGroupBox(label)
            group.setObjectName(f"{kind}Group")
            form = QFormLayout(group)
            issued = QDateEdit()
            issued.setCalendarPopup(True)
            issued.setDisplayFormat("dd/MM/yyyy")
            issued.setAccessibleName(f"{label}: issue date")
            date_typing.accept_typing(issued)
            dates.set_date(issued, clock.today())
            reference = QLineEdit()
            reference.setAccessibleName(f"{label}: reference")
            reference.setPlaceholderText("The certificate's number, if it has one")
            form.addRow("Issued on", issued)
            form.addRow("Reference", reference)
            form.addRow(
                "", QLabel(f"Runs {years} year{'s' if years > 1 else ''} from its issue date.")
            )
            errors = FieldErrors({"issued_on": issued, "reference": reference}, self.ui.errorLabel)
            self.rows[kind] = (group, errors, issued, reference)
            layout.addWidget(group)

    def save(self) -> bool:
        for kind, (group, errors, issued, reference) in list(self.rows.items()):
            if not group.isEnabled():
                continue  # recorded at an earlier try
            recorded = (
                Operation(
                    self,
                    lambda k=kind, i=issued, r=reference: flats.record_certificate(
                        self.guide.actor,
                        self.flat,
                        kind=k,
                        issued_on=dates.get_date(i),
                        reference=r.text(),
                    ),
                    title="Set-up guide",
                )
                .errors(errors)
                .run()
            )
            if not recorded:
                return False
            group.setEnabled(False)
            group.setTitle(f"{group.title()} — recorded")
        return True


class SummaryPage(FormPage):
    def __init__(self, guide: SetupGuide):
        super().__init__(guide, "setup_summary", "Set-up")

    def needed(self) -> bool:
        return True

    def initializePage(self) -> None:
        steps = setup_guide.steps()
        lines = [f"{'✓ Done' if s.done else '• Later'}: {s.label}" for s in steps]
        left = [s for s in steps if not s.done]
        self.setTitle("Set-up is done" if not left else "Set-up so far")
        self.ui.summaryLabel.setText("\n".join(lines))
        self.ui.hintLabel.setText(
            "Everything is in place: the board shows your flat. This guide will not be shown again."
            if not left
            else f"What is left can be done any time from {WHERE}, or from the pages themselves."
        )


class SetupGuide(QWizard):
    """Shown once after the first administrator is made, and from Help or Settings while
    unfinished. ``finished`` fires however it ends; what was saved stays saved."""

    def __init__(self, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.partner = None
        self.flat = None
        self.skipping = False
        self._done = {step.key: step.done for step in setup_guide.steps()}
        self.setWindowTitle("Set-up guide")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(LATER, "&Later")
        self.button(LATER).setToolTip("Leave this step for now; the guide can be reopened")
        self.setButtonText(QWizard.WizardButton.NextButton, "&Save and continue")
        # What a step saved stays saved: no Back, which would offer to make a second flat.
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Save and continue")
        button = QWizard.WizardButton
        self.setButtonLayout(
            [
                button.Stretch,
                LATER,
                button.CommitButton,
                button.NextButton,
                button.FinishButton,
                button.CancelButton,
            ]
        )
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Finish")
        self.button(LATER).clicked.connect(self._later)
        self.pages = {
            ORGANISATION: OrganisationPage(self),
            PARTNER: PartnerPage(self),
            FLAT: FlatPage(self),
            CERTIFICATES: CertificatesPage(self),
            SUMMARY: SummaryPage(self),
        }
        for page_id, page in self.pages.items():
            page.setCommitPage(page_id != SUMMARY)
            self.setPage(page_id, page)
        self.setStartId(self._following(-1))
        self.currentIdChanged.connect(self._entered)
        self.guard = DiscardGuard()
        window_fit.fit(self, 760, 680)

    def step_done(self, step: str) -> bool:
        """Whether ``step`` is done, as of the last page saved."""
        return self._done.get(step, False)

    def _following(self, page_id: int) -> int:
        return next(i for i in sorted(self.pages) if i > page_id and self.pages[i].needed())

    def nextId(self) -> int:
        current = self.currentId()
        return -1 if current == SUMMARY else self._following(current)

    def _entered(self, page_id: int) -> None:
        self._done = {step.key: step.done for step in setup_guide.steps()}
        self.button(LATER).setVisible(page_id != SUMMARY)
        # What a page saved is no longer work to lose: each page starts a fresh comparison.
        self.guard.remember(self)

    def showEvent(self, event) -> None:
        if self.guard.start is None:
            self._entered(self.currentId())
        super().showEvent(event)

    def _later(self) -> None:
        """Leave this step as it is (nothing on the page is saved) and go on to the next."""
        self.skipping = True
        try:
            self.next()
        finally:
            self.skipping = False

    def validateCurrentPage(self) -> bool:
        valid = super().validateCurrentPage()
        if valid and not self.skipping:
            # the next page depends on what is done now
            self._done = {step.key: step.done for step in setup_guide.steps()}
        return valid

    def reject(self) -> None:
        """Esc or Cancel: what is saved stays; typed work on this page is dropped only when she
        says so."""
        if self.guard.may_close(self):
            super().reject()

    def accept(self) -> None:
        if all(step.done for step in setup_guide.steps()):
            Operation(self, lambda: setup_guide.finish(self.actor), title="Set-up guide").success(
                lambda _none: QWizard.accept(self)
            ).run()
        else:
            QWizard.accept(self)

    @classmethod
    def open_for(cls, parent, actor) -> SetupGuide | None:
        """Open the guide (not modal) when ``actor`` is offered it; say so when it is finished."""
        if not setup_guide.offered_to(actor):
            messages.information(parent, "Set-up guide", "Set-up is finished.")
            return None
        guide = cls(actor, parent=parent)
        guide.open()
        return guide
