"""Add or edit a woman's record, with a warning when she may already be on file."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from housing_desk import clock
from housing_desk.services import people
from housing_desk.ui import dates, messages
from housing_desk.ui.form_dialog import FormDialog


class PersonDialog(FormDialog):
    FORM = "person_dialog"

    def __init__(self, actor, person=None, parent: QWidget | None = None):
        self.TITLE = "Edit her record" if person else "New person"
        super().__init__(parent)
        self.actor, self.person = actor, person
        ui = self.ui
        ui.keyworkerCombo.addItem("No keyworker yet", None)
        for user in people.keyworkers():
            ui.keyworkerCombo.addItem(user.full_name, user.id)
        ui.birthKnownCheck.toggled.connect(ui.birthEdit.setEnabled)
        dates.set_date(ui.birthEdit, date(clock.today().year - 30, 1, 1))
        ui.birthEdit.setEnabled(False)
        ui.archivedCheck.setVisible(person is not None)
        if person is not None:
            self._fill(person)
        self.resize(600, self.sizeHint().height())

    def field_widgets(self):
        ui = self.ui
        return {
            "given_name": ui.givenNameEdit,
            "family_name": ui.familyNameEdit,
            "preferred_name": ui.preferredNameEdit,
            "date_of_birth": ui.birthEdit,
            "ni_number": ui.niEdit,
            "phone": ui.phoneEdit,
            "safe_contact": ui.safeContactEdit,
            "message_ok": ui.messageOkCheck,
            "do_not_disclose": ui.doNotDiscloseCheck,
            "needs_step_free": ui.stepFreeCheck,
            "no_recourse_to_public_funds": ui.nrpfCheck,
            "archived": ui.archivedCheck,
            "areas_to_avoid": ui.areasEdit,
            "keyworker": ui.keyworkerCombo,
            "notes": ui.notesEdit,
        }

    def _fill(self, person) -> None:
        ui = self.ui
        ui.givenNameEdit.setText(person.given_name)
        ui.familyNameEdit.setText(person.family_name)
        ui.preferredNameEdit.setText(person.preferred_name)
        ui.birthKnownCheck.setChecked(person.date_of_birth is not None)
        if person.date_of_birth:
            dates.set_date(ui.birthEdit, person.date_of_birth)
        ui.niEdit.setText(person.ni_number)
        ui.phoneEdit.setText(person.phone)
        ui.safeContactEdit.setText(person.safe_contact)
        ui.messageOkCheck.setChecked(person.message_ok)
        ui.doNotDiscloseCheck.setChecked(person.do_not_disclose)
        ui.stepFreeCheck.setChecked(person.needs_step_free)
        ui.nrpfCheck.setChecked(person.no_recourse_to_public_funds)
        ui.archivedCheck.setChecked(person.archived)
        ui.areasEdit.setText(person.areas_to_avoid)
        ui.keyworkerCombo.setCurrentIndex(max(ui.keyworkerCombo.findData(person.keyworker_id), 0))
        ui.notesEdit.setPlainText(person.notes)

    def values(self) -> dict:
        ui = self.ui
        values = {
            "given_name": ui.givenNameEdit.text(),
            "family_name": ui.familyNameEdit.text(),
            "preferred_name": ui.preferredNameEdit.text(),
            "date_of_birth": dates.get_date(ui.birthEdit)
            if ui.birthKnownCheck.isChecked()
            else None,
            "ni_number": ui.niEdit.text(),
            "phone": ui.phoneEdit.text(),
            "safe_contact": ui.safeContactEdit.text(),
            "message_ok": ui.messageOkCheck.isChecked(),
            "do_not_disclose": ui.doNotDiscloseCheck.isChecked(),
            "needs_step_free": ui.stepFreeCheck.isChecked(),
            "no_recourse_to_public_funds": ui.nrpfCheck.isChecked(),
            "areas_to_avoid": ui.areasEdit.text(),
            "keyworker": ui.keyworkerCombo.currentData(),
            "notes": ui.notesEdit.toPlainText(),
        }
        if self.person is not None:
            values["archived"] = ui.archivedCheck.isChecked()
        return values

    def save(self):
        values = self.values()
        if self.person is None:
            if not self._confirm_not_a_duplicate(values):
                return self.KEEP_OPEN
            return people.create_person(self.actor, **values)
        changed = {k: v for k, v in values.items() if _differs(self.person, k, v)}
        return people.update_person(self.actor, self.person, **changed)

    def _confirm_not_a_duplicate(self, values: dict) -> bool:
        matches = people.possible_duplicates(
            self.actor,
            values["given_name"],
            values["family_name"],
            values["date_of_birth"],
            values["preferred_name"],
        )
        if not matches:
            return True
        listed = "\n".join(
            f"• {m.display_name}"
            + (f", born {dates.uk(m.date_of_birth)}" if m.date_of_birth else "")
            for m in matches[:5]
        )
        return messages.confirm(
            self,
            "She may already be on file",
            f"These records look like the same woman:\n{listed}\n\n"
            "Keeping one record keeps her history together. Create a new record anyway?",
            yes="Create a new record",
            no="Go back",
        )

    def reload(self) -> None:
        self.person = people.get_person(self.actor, self.person.id)
        self._fill(self.person)


def _differs(person, field: str, value) -> bool:
    current = person.keyworker_id if field == "keyworker" else getattr(person, field)
    if isinstance(current, str) and isinstance(value, str) and field != "notes":
        return current != value.strip()
    return current != value
