"""The rent of a woman with no recourse to public funds met from our own funding is not hers to
pay: it is posted apart, like the part Housing Benefit pays, and credited from our funding as it
is posted, so her statement, the arrears list, the reminders, the letters, the money reports and
a repayment plan count only what is hers. When she pays it, it stays hers.

The flat's charges a week: rent £98.50, eligible service charge £22.15, ineligible service
charge £9.80 (the support charge is funded and not on her account). So £130.45 a week is posted,
of which £120.65 is met from our funding and £9.80 is hers. Her licence began 70 days ago: eleven
periods have fallen due, today's included.
"""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from pypdf import PdfReader

from housing_desk import clock
from housing_desk.services import (
    accounts,
    arrears,
    housing_benefit,
    money_reminders,
    money_reports,
    paperwork,
    rent_funding,
    settings,
)
from housing_desk.services.errors import ValidationError
from tests import factories

WEEK, FUNDED, HERS = Decimal("130.45"), Decimal("120.65"), Decimal("9.80")


def _licence(admin, partner, *, nrpf=True):
    from housing_desk.services import licences

    factories.organisation(admin)
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin, no_recourse_to_public_funds=nrpf)
    start = clock.today() - timedelta(days=70)
    return licences.create_licence(admin, woman, home, start_date=start)


def _her_row(licence):
    return next((r for r in arrears.arrears(clock.today()) if r.licence_id == licence.id), None)


def _reminded(licence):
    found = money_reminders.money_reminders(clock.today(), lambda *who: "her")
    return [r for r in found if r.kind == "arrears" and r.entity_id == licence.id]


def test_funded_rent_is_posted_apart_and_credited_so_only_her_share_is_owed(admin, partner):
    settings.set_nrpf_rent_payer(admin, "service")
    licence = _licence(admin, partner)
    accounts.post_charges(admin, up_to=clock.today())
    account = arrears.statement(licence)
    assert account.charged == 11 * WEEK == Decimal("1434.95")
    assert account.hb_expected == 11 * FUNDED == Decimal("1327.15")
    assert account.balance == account.her_balance == 11 * HERS == Decimal("107.80")
    assert account.hb_balance == 0
    credits = [line for line in account.lines if line.description == "Met from our own funding"]
    assert [c.payment for c in credits] == [FUNDED] * 11
    assert {c.payment_id for c in credits} == {None}  # not offered for correction
    assert account.lines[1].balance == HERS  # the first week's charge, then its credit
    row = _her_row(licence)
    assert (row.balance, row.her_balance, row.hb_balance) == (Decimal("107.80"),) * 2 + (0,)
    assert row.age == arrears.AGES[2]
    assert accounts.weekly_charge(licence) == HERS and row.weeks_in_arrears == Decimal("11.0")
    gap = housing_benefit.shortfall(admin, licence)
    assert (gap.eligible, gap.award, gap.shortfall) == (FUNDED, None, 0)
    assert [r.text for r in _reminded(licence)] == [
        "her owes £107.80 (oldest unpaid charge 8+ weeks old)"
    ]
    # Posting again posts nothing more, neither a charge nor a credit.
    assert accounts.settle(licence, actor=admin) == 0
    assert arrears.statement(licence).balance == Decimal("107.80")


def test_a_funded_woman_who_has_paid_her_share_gets_no_reminder_and_no_letter(admin, partner):
    settings.set_nrpf_rent_payer(admin, "service")
    licence = _licence(admin, partner)
    accounts.post_charges(admin, up_to=clock.today())
    accounts.record_payment(
        admin, licence, received_on=clock.today(), amount="107.80", source="resident"
    )
    assert arrears.statement(licence).balance == 0
    assert _her_row(licence) is None
    assert _reminded(licence) == []
    for stage in ("first", "plan"):
        with pytest.raises(ValidationError, match="not in arrears"):
            paperwork.arrears_letter(admin, licence, stage=stage)
    summary = money_reports.arrears_on(clock.today())
    assert (summary.accounts, summary.owed, summary.her_share) == (0, 0, 0)


def test_her_arrears_letter_counts_only_her_share(admin, partner):
    settings.set_nrpf_rent_payer(admin, "service")
    licence = _licence(admin, partner)
    accounts.post_charges(admin, up_to=clock.today())
    text = " ".join(
        PdfReader(io.BytesIO(paperwork.arrears_letter(admin, licence, stage="first")))
        .pages[0]
        .extract_text()
        .split()
    )
    assert "shows £107.80 owed from your own share" in text
    assert "Your weekly charges are £9.80." in text
    assert "Housing Benefit" not in text and "£1,434.95" not in text


def test_when_she_pays_her_rent_it_stays_hers(admin, partner):
    settings.set_nrpf_rent_payer(admin, "resident")
    licence = _licence(admin, partner)
    accounts.post_charges(admin, up_to=clock.today())
    account = arrears.statement(licence)
    assert account.charged == account.balance == account.her_balance == Decimal("1434.95")
    assert account.hb_expected == 0
    assert not [line for line in account.lines if "funding" in line.description]
    assert _her_row(licence).her_balance == Decimal("1434.95")
    assert accounts.weekly_charge(licence) == WEEK
    gap = housing_benefit.shortfall(admin, licence)
    assert (gap.award, gap.shortfall) == (None, FUNDED)
    assert len(_reminded(licence)) == 1


def test_a_change_of_the_setting_applies_to_periods_posted_after_it(admin, partner):
    settings.set_nrpf_rent_payer(admin, "service")
    licence = _licence(admin, partner)
    accounts.post_charges(admin, up_to=licence.start_date + timedelta(days=14))  # 3 periods
    settings.set_nrpf_rent_payer(admin, "resident")
    accounts.post_charges(admin, up_to=clock.today())  # 8 more, hers
    assert arrears.statement(licence).her_balance == 3 * HERS + 8 * WEEK == Decimal("1073.00")
    # The rent goes up £7.00 from the fourth night: the first period's last four nights and the
    # next two whole weeks keep their funded rule, the last eight weeks are hers.
    accounts.change_charges(
        admin, licence, effective_from=licence.start_date + timedelta(days=3), weekly_rent="105.50"
    )
    account = arrears.statement(licence)
    assert account.charged == Decimal("1434.95") + Decimal("4.00") + 10 * Decimal("7.00")
    assert account.hb_expected == 3 * FUNDED + Decimal("4.00") + 2 * Decimal("7.00")
    assert account.her_balance == account.balance == Decimal("1073.00") + 8 * Decimal("7.00")
    assert account.hb_balance == 0


def test_a_move_out_corrects_the_funded_part_of_her_last_week(admin, partner):
    from housing_desk.services import licences

    settings.set_nrpf_rent_payer(admin, "service")
    licence = _licence(admin, partner)
    factories.sign_up(admin, licence)
    accounts.post_charges(admin, up_to=clock.today())
    # She moved out after three nights of the tenth period: it is charged by the night, and the
    # eleventh (due today) is taken off again, its credit with it.
    licences.end_licence(
        admin, licence, end_date=clock.today() - timedelta(days=4), reason="planned_move_on"
    )
    account = arrears.statement(licence)
    funded_part = Decimal("42.21") + Decimal("9.49")  # £98.50 and £22.15 × 3 / 7, to the penny
    last_week = funded_part + Decimal("4.20")  # and £9.80 × 3 / 7
    assert account.charged == 9 * WEEK + last_week
    assert account.hb_expected == 9 * FUNDED + funded_part
    assert account.balance == account.her_balance == 9 * HERS + Decimal("4.20")


def test_the_money_report_keeps_funded_rent_apart_from_housing_benefit(admin, partner):
    settings.set_nrpf_rent_payer(admin, "service")
    licence = _licence(admin, partner)
    accounts.post_charges(admin, up_to=clock.today())
    accounts.record_payment(
        admin, licence, received_on=clock.today(), amount="50.00", source="resident"
    )
    months = money_reports.by_month(licence.start_date, clock.today() + timedelta(days=1))
    total = {
        name: sum((getattr(m, name) for m in months), Decimal("0.00"))
        for name in ("charged", "collected", "hb_expected", "hb_paid", "funded")
    }
    assert total == {
        "charged": Decimal("1434.95"),
        "collected": Decimal("50.00"),
        "hb_expected": Decimal("0.00"),
        "hb_paid": Decimal("0.00"),
        "funded": Decimal("1327.15"),
    }


def test_a_repayment_plan_counts_only_her_share(admin, partner):
    settings.set_nrpf_rent_payer(admin, "service")
    licence = _licence(admin, partner)
    accounts.post_charges(admin, up_to=clock.today())
    arrears.set_repayment_plan(admin, licence, weekly_amount="5.00", start_on=clock.today())
    # Today's period is £9.80 of hers; with the plan's £5.00 she keeps to it by paying £14.80.
    accounts.record_payment(
        admin, licence, received_on=clock.today(), amount="14.80", source="resident"
    )
    row = _her_row(licence)
    assert row.her_balance == Decimal("93.00") and row.on_plan is True


def test_a_credit_from_our_funding_cannot_be_reversed_by_hand(admin, partner):
    from housing_desk.data.models import Payment

    settings.set_nrpf_rent_payer(admin, "service")
    licence = _licence(admin, partner)
    accounts.post_charges(admin, up_to=clock.today())
    credit = Payment.select().where(Payment.source == rent_funding.FUNDING).first()
    with pytest.raises(ValidationError, match="cannot be reversed"):
        accounts.reverse_payment(admin, credit, reversed_on=clock.today())
    with pytest.raises(ValidationError):
        accounts.record_payment(
            admin, licence, received_on=clock.today(), amount="1.00", source="funding"
        )
