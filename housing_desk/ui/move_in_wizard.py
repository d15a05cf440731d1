"""Move-in: the licence with its charges, the sign-up checklist, the keys; finishing activates it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizard,
    QWizardPage,
)

from housing_desk import clock
from housing_desk.services import licences, permissions, support_plans, tenure
from housing_desk.services.errors import DomainError
from housing_desk.ui import charges, dates, forms, licence_papers, messages, window_fit
from housing_desk.ui.charges import CHARGE_EDITS
from housing_desk.ui.discard_guard import DiscardGuard
from housing_desk.ui.field_errors import FieldErrors
from housing_desk.ui.operations import Operation

DETAILS, CHECKLIST, KEYS = range(3)
KEYS_TICK = " (ticks itself when you record them on the next page)"


class FormPage(QWizardPage):
    """A wizard page whose content is a Designer form."""

    def __init__(self, form: str, title: str, parent=None):
        super().__init__(parent)
        self.ui = forms.install(form, self)
        window_fit.scroll_body(self, self.ui, below=())
        self.setTitle(title)


class DetailsPage(FormPage):
    def __init__(self, wizard: MoveInWizard):
        super().__init__("move_in_details", "The licence")
        self.wizard_ = wizard
        ui = self.ui
        flat = wizard.flat
        self.setSubTitle(
            f"Flat {flat.reference}, {flat.address}. Charges are copied from the flat; "
            "change them here only if this licence differs."
        )
        for person_id, name in wizard.people:
            ui.personCombo.addItem(name, person_id)
        # Only the agreement types that fit this flat (an excluded licence needs shared
        # facilities and a category the law allows).
        for key in tenure.allowed_types(flat):
            ui.agreementCombo.addItem(licences.AGREEMENT_TYPES[key], key)
        ui.paymentDayCombo.addItems(
            ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        )
        dates.set_date(ui.startEdit, clock.today())
        # Housing First: a manager may let to a woman not assessed ready, saying why.
        manager = permissions.allowed(wizard.actor, "override_readiness")
        ui.overrideEdit.setVisible(manager)
        ui.overrideEditLabel.setVisible(manager)
        for name, edit in CHARGE_EDITS.items():
            getattr(ui, edit).setText(f"{getattr(flat, name):.2f}")
        self.errors = FieldErrors(
            {
                "person": ui.personCombo,
                "start_date": ui.startEdit,
                "agreement_type": ui.agreementCombo,
                "payment_day": ui.paymentDayCombo,
                "inventory_reference": ui.inventoryEdit,
                "readiness_override": ui.overrideEdit,
                "flat": ui.personCombo,
                **{name: getattr(ui, edit) for name, edit in CHARGE_EDITS.items()},
            },
            ui.errorLabel,
        )
        self.setCommitPage(True)  # once the licence exists, going back would make a second one
        charges.watch(ui, ui.weeklyTotalLabel)

    def validatePage(self) -> bool:
        ui = self.ui
        if ui.personCombo.currentData() is None:
            self.errors.show(DomainError("Choose who is moving in."))
            return False
        wizard = self.wizard_
        return (
            Operation(
                self,
                lambda: licences.create_licence(
                    wizard.actor,
                    ui.personCombo.currentData(),
                    wizard.flat,
                    start_date=dates.get_date(ui.startEdit),
                    agreement_type=ui.agreementCombo.currentData(),
                    payment_day=ui.paymentDayCombo.currentText(),
                    inventory_reference=ui.inventoryEdit.text(),
                    readiness_override=ui.overrideEdit.text(),
                    **{name: getattr(ui, edit).text() for name, edit in CHARGE_EDITS.items()},
                ),
                title="Move in",
            )
            .errors(self.errors)
            .success(lambda licence: setattr(wizard, "licence", licence))
            .run()
        )


class ChecklistPage(FormPage):
    def __init__(self, wizard: MoveInWizard):
        super().__init__("move_in_checklist", "Sign-up checklist")
        self.wizard_ = wizard
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self.ui.itemsHost)
        for row, (key, label) in enumerate(licences.SIGNUP_CHECKLIST):
            box = QCheckBox(label)
            box.setObjectName(f"item_{key}")
            grid.addWidget(box, row, 0)
            self.boxes[key] = box
        self.hb_reference = QLineEdit()
        self.hb_reference.setPlaceholderText("Claim reference")
        self.hb_reference.setAccessibleName("Housing Benefit claim reference")
        # The claim's reference typed is the claim made: its box ticks itself (and stays as set
        # when the reference is cleared, so nothing is unticked behind her back).
        self.hb_reference.textEdited.connect(
            lambda text: text.strip() and self.boxes["hb_claim"].setChecked(True)
        )
        hb_row = [key for key, _label in licences.SIGNUP_CHECKLIST].index("hb_claim")
        grid.addWidget(self.hb_reference, hb_row, 1)
        grid.setColumnStretch(0, 1)
        # What she signs is printed here, where the checklist asks for it to be signed.
        papers = QHBoxLayout()
        self.paper_buttons = {}
        for which, text in (
            ("agreement", "Print the licence &agreement…"),
            ("pack", "Print the sign-up &pack (the agreement is in it)…"),
        ):
            button = QPushButton(text)
            button.setEnabled(permissions.allowed(wizard.actor, "print"))
            button.clicked.connect(lambda _checked=False, w=which: self.print_paper(w))
            papers.addWidget(button)
            self.paper_buttons[which] = button
        papers.addStretch(1)
        grid.addLayout(papers, len(licences.SIGNUP_CHECKLIST), 0, 1, 2)
        self.errors = FieldErrors({"note": self.hb_reference}, self.ui.errorLabel)

    def print_paper(self, which: str) -> None:
        licence_papers.show_paper(self, self.wizard_.actor, self.wizard_.licence, which)

    def initializePage(self) -> None:
        # She has no recourse to public funds: no claim, so no reference to ask for.
        labels = licences.checklist_labels(self.wizard_.licence)
        for key, box in self.boxes.items():
            box.setText(labels[key] + (KEYS_TICK if key == "keys_issued" else ""))
        self.hb_reference.setVisible(labels["hb_claim"] == licences.CHECKLIST_LABELS["hb_claim"])
        for item in licences.checklist(self.wizard_.actor, self.wizard_.licence):
            self.boxes[item.key].setChecked(item.done)
            if item.key == "hb_claim":
                self.hb_reference.setText(item.note)

    def validatePage(self) -> bool:
        stored = {i.key: i for i in licences.checklist(self.wizard_.actor, self.wizard_.licence)}

        def save_changed_items() -> None:
            for key, box in self.boxes.items():
                note = self.hb_reference.text() if key == "hb_claim" else stored[key].note
                if box.isChecked() != stored[key].done or (
                    key == "hb_claim" and note != stored[key].note
                ):
                    licences.complete_signup_item(
                        self.wizard_.actor,
                        self.wizard_.licence,
                        key,
                        done=box.isChecked(),
                        note=note if box.isChecked() else "",
                    )

        return Operation(self, save_changed_items, title="Sign-up").errors(self.errors).run()


class KeysPage(FormPage):
    def __init__(self, wizard: MoveInWizard):
        super().__init__("move_in_keys", "Keys and fobs")
        self.wizard_ = wizard
        self.errors = FieldErrors({"label": self.ui.keyEdit}, self.ui.errorLabel)
        self.ui.addKeyButton.clicked.connect(self.add_key)
        # Enter in the box adds the key; it must not reach the wizard, where it would mean Finish.
        self.enter = EnterAdds(self.ui.keyEdit, self.add_key)

    def initializePage(self) -> None:
        self._list()

    def _list(self) -> None:
        self.ui.keysList.clear()
        for key in licences.keys(self.wizard_.actor, self.wizard_.licence):
            self.ui.keysList.addItem(f"{key.label} — issued {dates.uk(key.issued_on)}")

    def add_key(self) -> None:
        label = self.ui.keyEdit.text()
        Operation(
            self, lambda: licences.add_key(self.wizard_.actor, self.wizard_.licence, label=label)
        ).errors(self.errors).success(lambda _key: self._key_added()).run()

    def _key_added(self) -> None:
        self.ui.keyEdit.clear()
        self._list()
        self.wizard_.checklist.boxes["keys_issued"].setChecked(True)  # as the service ticked it


class EnterAdds(QObject):
    """Enter or Return in a line edit runs ``action`` and goes no further."""

    def __init__(self, edit: QLineEdit, action):
        super().__init__(edit)
        self.action = action
        edit.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self.action()
            return True
        return False


class MoveInWizard(QWizard):
    """``people``: (person id, name) pairs to choose from; ``licence``: continue a sign-up already begun."""

    def __init__(self, actor, flat, people=(), licence=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.flat, self.people, self.licence = actor, flat, list(people), licence
        self.plan = None
        self.setWindowTitle(f"Move in: flat {flat.reference}")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "Create licence")
        self.setButtonText(QWizard.WizardButton.FinishButton, "Finish: she has moved in")
        self.details = DetailsPage(self)
        self.checklist = ChecklistPage(self)
        self.keys_page = KeysPage(self)
        self.setPage(DETAILS, self.details)
        self.setPage(CHECKLIST, self.checklist)
        self.setPage(KEYS, self.keys_page)
        if licence is not None:
            self.setStartId(CHECKLIST)
        self.guard = DiscardGuard()
        # What a page saved is no longer work to lose: each new page starts a fresh comparison.
        self.currentIdChanged.connect(lambda _id: self.guard.remember(self))
        window_fit.fit(self, 720, 620)

    def showEvent(self, event) -> None:
        if self.guard.start is None:
            self.guard.remember(self)
        super().showEvent(event)

    def reject(self) -> None:
        """Esc or Cancel: what she typed on this page is only dropped when she says so."""
        if self.guard.may_close(self):
            super().reject()

    def accept(self) -> None:
        Operation(
            self, lambda: licences.activate(self.actor, self.licence), title="Move in"
        ).errors(self.keys_page.errors).success(self._activated).run()

    def _activated(self, licence) -> None:
        self.licence = licence
        QWizard.accept(self)
        # The next step of her stay: a support plan, seeded from her latest assessment.
        if messages.confirm(
            self,
            "She has moved in",
            "The licence is active. Start her support plan now? It begins with a goal for each "
            "area her latest assessment scored 1 or 2.",
            yes="Start her support plan",
            no="Later",
        ):
            Operation(
                self,
                lambda: support_plans.create_plan(self.actor, licence),
                title="Support plan",
            ).success(self._plan_started).run()

    def _plan_started(self, plan) -> None:
        self.plan = plan

    @classmethod
    def run(cls, parent, actor, flat, people=(), licence=None) -> MoveInWizard:
        """Show the wizard; afterwards ``licence`` (made even when sign-up is finished another day)
        and ``plan`` (her support plan, when she chose to start it on finishing)."""
        wizard = cls(actor, flat, people, licence, parent=parent)
        wizard.exec()
        return wizard

    @classmethod
    def ask(cls, parent, actor, flat, people=(), licence=None):
        return cls.run(parent, actor, flat, people, licence).licence
