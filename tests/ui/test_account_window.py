"""Her account on the licence's page: a payment, the council's decision, a correction, a letter."""

from datetime import timedelta

import pytest

from housing_desk import clock
from housing_desk.data.models import Payment
from housing_desk.services import accounts, arrears, licences
from housing_desk.ui import money_dialogs
from housing_desk.ui.licences_page import LicencesPage
from tests import factories


@pytest.fixture
def page(qtbot, admin, partner):
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin)
    licence = licences.create_licence(
        admin, woman, home, start_date=clock.today() - timedelta(days=21)
    )
    accounts.post_charges(admin, up_to=clock.today())
    widget = LicencesPage(admin)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.select_licence(licence.id)
    return widget


def _save(dialog):
    dialog.accept()
    return dialog.result_value


def test_the_account_tab_shows_her_statement_and_takes_a_payment(qtbot, page, admin, monkeypatch):
    panel = page.account_panel
    assert panel.model.rowCount() == 4  # four weeks posted
    assert "Balance: £521.80 owed" in panel.ui.summaryLabel.text()

    def pay(parent, actor, licence):
        dialog = money_dialogs.PaymentDialog(actor, licence, parent=parent)
        dialog.ui.amountEdit.setText("twelve")
        assert _save(dialog) is None  # refused beside the field, nothing saved
        assert "amount in pounds" in dialog.errors.message_for("amount")
        dialog.ui.amountEdit.setText("£121.80")
        dialog.ui.sourceCombo.setCurrentIndex(dialog.ui.sourceCombo.findData("resident"))
        return _save(dialog)

    monkeypatch.setattr(money_dialogs.PaymentDialog, "ask", classmethod(lambda cls, *a: pay(*a)))
    qtbot.mouseClick(panel.ui.paymentButton, qtbot_button())
    assert Payment.select().count() == 1
    assert "Balance: £400.00 owed" in panel.ui.summaryLabel.text()
    page.account_panel.ui.statementTable.selectRow(panel.model.rowCount() - 1)
    assert panel.ui.reverseButton.isEnabled()
    page.ui.detailTabs.setCurrentWidget(panel)
    page.grab().save("/tmp/m/account-tab.png")


def test_the_councils_decision_from_the_benefit_menu(qtbot, page, admin, monkeypatch):
    panel = page.account_panel

    def decide(parent, actor, licence):
        dialog = money_dialogs.HousingBenefitDecisionDialog(actor, licence, parent=parent)
        dialog.ui.awardEdit.setText("100.00")
        dialog.grab().save("/tmp/m/hb-dialog.png")
        return _save(dialog)

    monkeypatch.setattr(
        money_dialogs.HousingBenefitDecisionDialog, "ask", classmethod(lambda cls, *a: decide(*a))
    )
    panel.ui.benefitButton.menu().actions()[0].trigger()
    licence = panel.licence
    assert licence.hb_status == "confirmed"
    assert arrears.statement(licence).hb_expected > 0
    assert "£100.00 a week" in panel.ui.summaryLabel.text()


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_the_housing_benefit_reminder_opens_the_councils_decision(
    qtbot, admin, partner, monkeypatch
):
    from housing_desk.ui.main_window import MainWindow

    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin)
    licence = licences.create_licence(
        admin, woman, home, start_date=clock.today() - timedelta(days=40)
    )
    asked = []
    monkeypatch.setattr(
        money_dialogs.HousingBenefitDecisionDialog,
        "ask",
        classmethod(lambda cls, parent, actor, chosen: asked.append(chosen.id)),
    )
    window = MainWindow(admin)
    qtbot.addWidget(window)
    reminders = window.board.ui.remindersList
    qtbot.waitUntil(lambda: reminders.count() > 0)
    item = next(
        reminders.item(n)
        for n in range(reminders.count())
        if "Housing Benefit" in reminders.item(n).text()
    )
    window.board._open_reminder(item)
    page = window.pages["licences"]
    assert window.current_page() is page
    assert page.ui.detailTabs.currentWidget() is page.account_panel
    assert asked == [licence.id]


def test_the_reports_money_tab_works_out_arrears_when_opened(qtbot, admin, partner):
    from housing_desk.ui.reports_page import ReportsPage

    page = ReportsPage(admin)
    qtbot.addWidget(page)
    money = page.models["Money"]
    assert not any(
        str(money.row_at(n)[0]).startswith("In arrears") for n in range(money.rowCount())
    )
    page.ui.tabs.setCurrentWidget(page.extra_tables["Money"])
    last = money.row_at(money.rowCount() - 1)
    assert last[0].startswith("In arrears on ") and last[0].endswith(": 0 accounts")
