"""Money in the reports, against figures worked out by hand across the edges of the months."""

from collections import Counter
from datetime import date
from decimal import Decimal

from housing_desk.services import accounts, licences, money_reports, reports
from tests import factories

D = Decimal
WEEK = D("130.45")


def test_charges_collected_and_housing_benefit_by_month(admin, partner):
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin)
    # Monday 26 January: charges fall due on 26 January, then 2, 9, 16 and 23 February and
    # 2 March. She moves out on Wednesday 4 March: two nights of that week.
    licence = licences.create_licence(admin, woman, home, start_date=date(2026, 1, 26))
    factories.sign_up(admin, licence)
    accounts.post_charges(admin, up_to=date(2026, 3, 2))
    licences.record_hb_decision(
        admin, licence, decision="confirmed", decided_on=date(2026, 2, 20), weekly_award="100.00"
    )
    accounts.record_payment(
        admin, licence, received_on=date(2026, 1, 31), amount="30.45", source="resident"
    )
    accounts.record_payment(
        admin, licence, received_on=date(2026, 2, 27), amount="400.00", source="housing_benefit"
    )
    refund = accounts.record_payment(
        admin, licence, received_on=date(2026, 3, 3), amount="10.00", source="resident"
    )
    accounts.reverse_payment(admin, refund, reversed_on=date(2026, 3, 3))
    licences.end_licence(admin, licence, end_date=date(2026, 3, 4), reason="planned_move_on")
    months = money_reports.by_month(date(2026, 1, 1), date(2026, 4, 1))
    two_nights = D("28.14") + D("6.33") + D("2.80")  # 98.50, 22.15 and 9.80 × 2/7, to the penny
    assert [(m.month, m.charged, m.collected, m.hb_expected, m.hb_paid) for m in months] == [
        (date(2026, 1, 1), WEEK, D("30.45"), D("100.00"), D("0.00")),
        (date(2026, 2, 1), 4 * WEEK, D("400.00"), D("400.00"), D("400.00")),
        (date(2026, 3, 1), two_nights, D("0.00"), D("28.57"), D("0.00")),  # 100 × 2/7
    ]
    owing = money_reports.arrears_on(date(2026, 3, 31))
    total = 5 * WEEK + two_nights - D("430.45")
    assert owing.accounts == 1 and owing.owed == total
    assert owing.her_share == total - (D("528.57") - D("400.00"))
    assert owing.by_age == Counter({"4–8 weeks": 1})


def test_the_reports_page_figures_carry_the_money_table(admin, partner):
    figures = reports.summary(admin, date(2026, 1, 1), date(2026, 4, 1))
    headers, rows = reports.tables(figures)["Money"]
    assert headers[0] == "Month" and rows[0][0] == "January 2026"
    assert rows[-1][0] == "In arrears on 31/03/2026: 0 accounts"
