"""Accounts for administrators: create, reset a password, change a role, deactivate (never delete)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from housing_desk.services import users
from housing_desk.services.errors import ValidationError
from housing_desk.ui import forms, messages
from housing_desk.ui.field_errors import FieldErrors
from housing_desk.ui.form_dialog import FormDialog
from housing_desk.ui.operations import Operation
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table

USER_COLUMNS = (
    Column("Name", lambda u: u.full_name),
    Column("Username", lambda u: u.username),
    Column("Role", lambda u: users.ROLE_LABELS[u.role]),
    Column("Active", lambda u: "Yes" if u.active else "Deactivated"),
    Column(
        "Last signed in",
        lambda u: (
            u.last_login_at.astimezone().strftime("%d/%m/%Y %H:%M") if u.last_login_at else "Never"
        ),
        sort_key=lambda u: u.last_login_at,
    ),
)


class AccountDialog(FormDialog):
    FORM = "account_dialog"
    TITLE = "New account"

    def __init__(self, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        for role, label in users.ROLE_LABELS.items():
            self.ui.roleCombo.addItem(label, role)
        self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData("officer"))

    def field_widgets(self):
        ui = self.ui
        return {
            "full_name": ui.fullNameEdit,
            "username": ui.usernameEdit,
            "role": ui.roleCombo,
            "password": ui.passwordEdit,
        }

    def save(self):
        ui = self.ui
        return users.create_user(
            self.actor,
            username=ui.usernameEdit.text(),
            full_name=ui.fullNameEdit.text(),
            role=ui.roleCombo.currentData(),
            password=ui.passwordEdit.text(),
        )


class PasswordDialog(FormDialog):
    """Her own password (with the current one), or, for an administrator, someone else's."""

    FORM = "password_dialog"
    TITLE = "Password"

    def __init__(self, actor, user=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.user = actor, user
        if user is not None:
            self.ui.introLabel.setText(
                f"A new password for {user.full_name}. Give it to her in person."
            )
            self.ui.currentEdit.setEnabled(False)

    def field_widgets(self):
        ui = self.ui
        return {
            "current_password": ui.currentEdit,
            "password": ui.newEdit,
            "confirm": ui.confirmEdit,
        }

    def save(self):
        ui = self.ui
        if ui.newEdit.text() != ui.confirmEdit.text():
            raise ValidationError("The two new passwords are not the same.", "confirm")
        if self.user is None:
            users.change_password(
                self.actor, current_password=ui.currentEdit.text(), new_password=ui.newEdit.text()
            )
        else:
            users.reset_password(self.actor, self.user, new_password=ui.newEdit.text())
        return True


class UsersPage(QWidget):
    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = forms.install("users_page", self)
        ui = self.ui
        self.model = RowTableModel(USER_COLUMNS, self)
        self.proxy = FilterProxy(self.model, self)
        prepare_table(ui.usersTable, self.proxy)
        for role, label in users.ROLE_LABELS.items():
            ui.roleCombo.addItem(label, role)
        self.errors = FieldErrors({}, ui.errorLabel)
        ui.newButton.clicked.connect(self.new_account)
        ui.resetButton.clicked.connect(self.reset)
        ui.activeButton.clicked.connect(self.toggle_active)
        ui.roleButton.clicked.connect(self.set_role)
        ui.usersTable.selectionModel().selectionChanged.connect(lambda *_: self._buttons())
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(users.list_users())
        self.ui.usersTable.resizeColumnsToContents()
        self._buttons()

    def selected(self):
        indexes = self.ui.usersTable.selectionModel().selectedRows()
        return self.proxy.source_row(indexes[0]) if indexes else None

    def _buttons(self) -> None:
        user = self.selected()
        for button in (self.ui.resetButton, self.ui.activeButton, self.ui.roleButton):
            button.setEnabled(user is not None)
        self.ui.activeButton.setText(
            "&Deactivate" if user is None or user.active else "Re&activate"
        )
        if user is not None:
            self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData(user.role))

    def _do(self, action) -> None:
        Operation(self, action, title="Accounts").errors(self.errors).success(
            lambda _done: self.refresh()
        ).run()

    def new_account(self) -> None:
        if AccountDialog.ask(self, self.actor) is not None:
            self.refresh()

    def reset(self) -> None:
        user = self.selected()
        if user is not None and PasswordDialog.ask(self, self.actor, user) is not None:
            messages.information(
                self, "Password", f"{user.full_name}'s password is reset and the account unlocked."
            )

    def toggle_active(self) -> None:
        user = self.selected()
        if user is not None:
            self._do(lambda: users.set_active(self.actor, user, active=not user.active))

    def set_role(self) -> None:
        user = self.selected()
        if user is not None:
            self._do(lambda: users.set_role(self.actor, user, role=self.ui.roleCombo.currentData()))
