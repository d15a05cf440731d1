"""The first administrator's account on a new database, and signing in.

The sign-in dialog is shown before the database is opened, so the services (and peewee) are
imported when a button is pressed, not with this module."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from housing_desk.services.errors import ValidationError
from housing_desk.ui.form_dialog import FormDialog


class FirstRunDialog(FormDialog):
    FORM = "first_run_dialog"
    TITLE = "Welcome to Housing Desk"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ok_button().setText("Create account")
        self.resize(460, self.sizeHint().height())

    def field_widgets(self):
        ui = self.ui
        return {
            "full_name": ui.fullNameEdit,
            "username": ui.usernameEdit,
            "password": ui.passwordEdit,
            "confirm": ui.confirmEdit,
        }

    def save(self):
        ui = self.ui
        if ui.passwordEdit.text() != ui.confirmEdit.text():
            raise ValidationError("The two passwords are not the same.", "confirm")
        from housing_desk.services import users

        return users.create_user(
            None,
            username=ui.usernameEdit.text(),
            full_name=ui.fullNameEdit.text(),
            role="admin",
            password=ui.passwordEdit.text(),
        )


class SignInDialog(FormDialog):
    FORM = "sign_in_dialog"
    TITLE = "Sign in to Housing Desk"

    def __init__(self, parent: QWidget | None = None, *, location: str = "", ready=None):
        """``ready()``, when given, is asked before the password is checked: the database is
        opened after the dialog is shown, and is opened then if Enter came first."""
        super().__init__(parent)
        self.ready = ready
        self.ok_button().setText("Sign in")
        if location:
            self.ui.introLabel.setText(f"Sign in to Housing Desk.\nDatabase: {location}")
        self.resize(400, self.sizeHint().height())

    def field_widgets(self):
        return {"username": self.ui.usernameEdit, "password": self.ui.passwordEdit}

    def save(self):
        from housing_desk.services import users

        if self.ready is not None and not self.ready():
            return self.KEEP_OPEN  # the database could not be opened, or has no accounts yet
        try:
            return users.authenticate(self.ui.usernameEdit.text(), self.ui.passwordEdit.text())
        finally:
            self.ui.passwordEdit.clear()


class PassphraseDialog(FormDialog):
    """Asks for an encrypted database's passphrase; ``opener(passphrase)`` opens it or refuses."""

    FORM = "passphrase_dialog"
    TITLE = "Encrypted database"

    def __init__(self, opener, parent: QWidget | None = None, *, location: str = ""):
        super().__init__(parent)
        self.opener = opener
        self.ok_button().setText("Open")
        if location:
            self.ui.introLabel.setText(self.ui.introLabel.text() + f"\n{location}")
        self.resize(440, self.sizeHint().height())

    def field_widgets(self):
        return {"passphrase": self.ui.passphraseEdit}

    def save(self):
        try:
            return self.opener(self.ui.passphraseEdit.text())
        finally:
            self.ui.passphraseEdit.clear()
