"""Partner, certificate, out-of-use, back-in-use, first-run and sign-in dialogs."""

from datetime import date, timedelta

from housing_desk import clock
from housing_desk.data.models import Certificate, Partner, Unavailability, User
from housing_desk.services import flats
from housing_desk.ui import dates
from housing_desk.ui.account_dialogs import FirstRunDialog, SignInDialog
from housing_desk.ui.certificate_dialog import CertificateDialog
from housing_desk.ui.partner_dialog import PartnerDialog
from housing_desk.ui.unavailability_dialogs import BackInUseDialog, UnavailabilityDialog
from tests import factories


def test_partner_dialog_creates_and_refuses_duplicates(qtbot, admin, partner):
    dialog = PartnerDialog(admin)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.nameEdit, "northampton housing trust")
    dialog.ok_button().click()
    assert "already a partner" in dialog.errors.message_for("name")
    dialog.ui.nameEdit.clear()
    qtbot.keyClicks(dialog.ui.nameEdit, "Kingsley Borough Council")
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("council"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    assert Partner.get(Partner.name == "Kingsley Borough Council").kind == "council"


def test_certificate_dialog_uses_the_usual_term(qtbot, admin, flat):
    dialog = CertificateDialog(admin, flat)
    qtbot.addWidget(dialog)
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("eicr"))
    dates.set_date(dialog.ui.issuedOnEdit, date(2026, 3, 1))
    assert dates.get_date(dialog.ui.expiresOnEdit) == date(2031, 3, 1)
    assert not dialog.ui.expiresOnEdit.isEnabled()
    qtbot.keyClicks(dialog.ui.referenceEdit, "EICR-5521")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    cert = Certificate.get()
    assert (cert.kind, cert.expires_on, cert.reference) == ("eicr", date(2031, 3, 1), "EICR-5521")


def test_certificate_expiry_before_issue_is_shown_beside_expiry(qtbot, admin, flat):
    dialog = CertificateDialog(admin, flat)
    qtbot.addWidget(dialog)
    dialog.ui.usualTermCheck.setChecked(False)
    dates.set_date(dialog.ui.issuedOnEdit, date(2026, 3, 1))
    dates.set_date(dialog.ui.expiresOnEdit, date(2026, 2, 1))
    dialog.ok_button().click()
    assert "after the issue date" in dialog.errors.message_for("expires_on")
    assert Certificate.select().count() == 0


def test_out_of_use_dialog_and_overlap_refusal(qtbot, admin, flat):
    today = clock.today()
    dialog = UnavailabilityDialog(admin, flat)
    qtbot.addWidget(dialog)
    dialog.ui.reasonCombo.setCurrentIndex(dialog.ui.reasonCombo.findData("void_works"))
    dialog.ui.endKnownCheck.setChecked(False)
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    row = Unavailability.get()
    assert (row.start, row.end, row.reason) == (today, None, "void_works")

    again = UnavailabilityDialog(admin, flat)
    qtbot.addWidget(again)
    dates.set_date(again.ui.startEdit, today + timedelta(days=3))
    again.ok_button().click()
    assert "overlap" in again.errors.message_for("start")
    assert Unavailability.select().count() == 1

    back = BackInUseDialog(admin, row)
    qtbot.addWidget(back)
    dates.set_date(back.ui.endEdit, today + timedelta(days=10))
    with qtbot.waitSignal(back.accepted):
        back.ok_button().click()
    assert Unavailability.get().end == today + timedelta(days=10)


def test_first_run_creates_the_administrator(qtbot, db):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.fullNameEdit, "Amara Okafor")
    qtbot.keyClicks(dialog.ui.usernameEdit, "amara")
    qtbot.keyClicks(dialog.ui.passwordEdit, factories.PASSWORD)
    qtbot.keyClicks(dialog.ui.confirmEdit, factories.PASSWORD + "x")
    dialog.ok_button().click()
    assert "not the same" in dialog.errors.message_for("confirm")
    assert User.select().count() == 0
    dialog.ui.confirmEdit.clear()
    qtbot.keyClicks(dialog.ui.confirmEdit, factories.PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    assert User.get().role == "admin"


def test_first_run_password_too_short(qtbot, db):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    for edit, text in (
        (dialog.ui.fullNameEdit, "A B"),
        (dialog.ui.usernameEdit, "ab"),
        (dialog.ui.passwordEdit, "short"),
        (dialog.ui.confirmEdit, "short"),
    ):
        qtbot.keyClicks(edit, text)
    dialog.ok_button().click()
    assert "at least 10" in dialog.errors.message_for("password")


def test_sign_in_refuses_then_accepts(qtbot, admin):
    dialog = SignInDialog(location="File test.db")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.usernameEdit, "amara")
    qtbot.keyClicks(dialog.ui.passwordEdit, "not the password")
    dialog.ok_button().click()
    assert "do not match" in dialog.ui.errorLabel.text()
    assert dialog.ui.passwordEdit.text() == ""
    qtbot.keyClicks(dialog.ui.passwordEdit, factories.PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    assert dialog.result_value.username == "amara"


def test_flats_remain_unchanged_by_a_cancelled_dialog(qtbot, admin, flat):
    dialog = UnavailabilityDialog(admin, flat)
    qtbot.addWidget(dialog)
    dialog.reject()
    assert flats.unavailabilities(flat) == []


def test_passphrase_dialog_says_plainly_when_it_is_wrong(qtbot, tmp_path):
    from housing_desk.data.database import open_database
    from housing_desk.data.models import database as proxy
    from housing_desk.ui.account_dialogs import PassphraseDialog

    url = f"sqlcipher:///{tmp_path / 'secret.db'}"
    open_database(url, passphrase="correct horse", bind=False).close()
    dialog = PassphraseDialog(lambda passphrase: open_database(url, passphrase, bind=False))
    qtbot.addWidget(dialog)
    dialog.ui.passphraseEdit.setText("wrong horse")
    dialog.ok_button().click()
    assert (
        "does not open" in dialog.ui.errorLabel.text()
        and "Traceback" not in dialog.ui.errorLabel.text()
    )
    dialog.ui.passphraseEdit.setText("correct horse")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button().click()
    dialog.result_value.close()
    proxy.initialize(None)
