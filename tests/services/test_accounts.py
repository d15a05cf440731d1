"""Her rent account: charges by the week and by the night, exact to the penny, posted once."""

import contextlib
import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest

from housing_desk.data.models import AuditEvent, Charge, Payment
from housing_desk.services import accounts, arrears, licences, settings
from housing_desk.services.errors import PermissionDenied, ValidationError
from tests import factories

D = Decimal
MONDAY = date(2026, 1, 5)
# The factory flat's charges: rent 98.50, eligible 22.15, ineligible 9.80 (support 45.00 is
# funded by the service unless the settings say she pays it).
WEEK = D("130.45")


@pytest.fixture
def licence(admin, partner):
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin)
    return licences.create_licence(admin, woman, home, start_date=MONDAY)


def _posted(licence):
    return sum((c.total for c in Charge.select().where(Charge.licence == licence.id)), D("0"))


def test_charges_fall_due_weekly_in_advance_and_posting_twice_posts_nothing(admin, licence):
    assert accounts.post_charges(admin, up_to=MONDAY - timedelta(days=1)) == 0
    assert accounts.post_charges(admin, up_to=date(2026, 1, 19)) == 3  # 5, 12 and 19 January
    assert accounts.post_charges(admin, up_to=date(2026, 1, 19)) == 0
    assert accounts.post_charges(admin, up_to=date(2026, 1, 25)) == 0  # next due on the 26th
    assert _posted(licence) == 3 * WEEK
    rows = list(Charge.select().where(Charge.licence == licence.id).order_by(Charge.due_on))
    assert [r.due_on for r in rows] == [date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19)]
    assert rows[0].weekly_rent == D("98.50") and rows[0].support_charge == D("0.00")


def test_a_move_out_part_way_through_a_week_is_charged_by_the_night(admin, licence):
    factories.sign_up(admin, licence)
    accounts.post_charges(admin, up_to=date(2026, 1, 19))
    licences.end_licence(admin, licence, end_date=date(2026, 1, 22), reason="planned_move_on")
    # The last period is three nights: 98.50*3/7 = 42.21, 22.15*3/7 = 9.49, 9.80*3/7 = 4.20.
    assert _posted(licence) == 2 * WEEK + D("42.21") + D("9.49") + D("4.20")
    correction = Charge.get((Charge.licence == licence.id) & (Charge.sequence == 1))
    assert correction.due_on == date(2026, 1, 19) and correction.total == D("-74.55")
    assert accounts.post_charges(admin, up_to=date(2026, 3, 1)) == 0
    assert arrears.statement(licence).balance == D("316.80")


def test_the_support_charge_is_hers_only_when_the_settings_say_so(admin, licence):
    settings.set_support_charge_payer(admin, "resident")
    accounts.post_charges(admin, up_to=MONDAY)
    assert _posted(licence) == WEEK + D("45.00")
    with pytest.raises(ValidationError) as error:
        settings.set_support_charge_payer(admin, "council")
    assert error.value.field == "payer"


def test_a_change_of_charges_applies_from_its_night(admin, licence):
    accounts.post_charges(admin, up_to=date(2026, 1, 12))
    # From Thursday 15 January the rent is 105.00: the week of the 12th is 3 nights at the old
    # rent (42.21) and 4 at the new (60.00).
    accounts.change_charges(admin, licence, effective_from=date(2026, 1, 15), weekly_rent="105.00")
    accounts.post_charges(admin, up_to=date(2026, 1, 19))
    second = Charge.select().where(
        (Charge.licence == licence.id) & (Charge.due_on == date(2026, 1, 12))
    )
    assert sum((c.weekly_rent for c in second), D("0")) == D("42.21") + D("60.00")
    third = Charge.get((Charge.licence == licence.id) & (Charge.due_on == date(2026, 1, 19)))
    assert third.weekly_rent == D("105.00") and third.eligible_service_charge == D("22.15")
    with pytest.raises(ValidationError) as error:
        accounts.change_charges(admin, licence, effective_from=MONDAY, weekly_rent="1")
    assert error.value.field == "effective_from"


def test_payments_refunds_and_the_running_balance(admin, licence):
    accounts.post_charges(admin, up_to=date(2026, 1, 12))
    accounts.record_payment(
        admin, licence, received_on=date(2026, 1, 9), amount="100.00", source="housing_benefit"
    )
    hers = accounts.record_payment(
        admin, licence, received_on=date(2026, 1, 10), amount="£30.45", source="resident"
    )
    accounts.reverse_payment(admin, hers, reversed_on=date(2026, 1, 11), reason="bounced")
    lines = arrears.statement(licence).lines
    assert [(line.on, line.charge, line.payment, line.balance) for line in lines] == [
        (date(2026, 1, 5), WEEK, None, WEEK),
        (date(2026, 1, 9), None, D("100.00"), D("30.45")),
        (date(2026, 1, 10), None, D("30.45"), D("0.00")),
        (date(2026, 1, 11), None, D("-30.45"), D("30.45")),
        (date(2026, 1, 12), WEEK, None, D("160.90")),
    ]
    with pytest.raises(ValidationError) as error:
        accounts.reverse_payment(admin, hers, reversed_on=date(2026, 1, 12))
    assert error.value.field == "payment"
    for amount in ("0", "-5", "ten pounds"):
        with pytest.raises(ValidationError) as error:
            accounts.record_payment(
                admin, licence, received_on=date(2026, 1, 9), amount=amount, source="resident"
            )
        assert error.value.field == "amount"
    assert Payment.select().count() == 3
    # Amounts are not personal data; the payment's reference is.
    event = AuditEvent.select().where(AuditEvent.entity == "payment").first()
    assert "100.00" in event.changes


def test_statement_from_a_date_carries_the_opening_balance(admin, licence):
    accounts.post_charges(admin, up_to=date(2026, 1, 19))
    part = arrears.statement(licence, start=date(2026, 1, 12))
    assert part.opening_balance == WEEK
    assert [line.balance for line in part.lines] == [2 * WEEK, 3 * WEEK]


def test_housing_benefit_backdated_leaves_her_own_share(admin, licence):
    factories.sign_up(admin, licence)
    accounts.post_charges(admin, up_to=date(2026, 1, 19))
    licences.record_hb_decision(
        admin, licence, decision="confirmed", decided_on=date(2026, 1, 20), weekly_award="100.00"
    )
    account = arrears.statement(licence)
    assert account.hb_expected == 3 * D("100.00")
    assert account.her_balance == 3 * (WEEK - D("100.00"))  # her shortfall: 30.45 a week
    assert len([line for line in account.lines if line.charge is not None]) == 3
    assert licences.get_licence(admin, licence.id).hb_status == "confirmed"
    with pytest.raises(ValidationError) as error:
        licences.record_hb_decision(
            admin, licence, decision="confirmed", decided_on=date(2026, 1, 20)
        )
    assert error.value.field == "weekly_award"
    licences.record_hb_decision(
        admin,
        licence,
        decision="suspended",
        decided_on=date(2026, 1, 21),
        award_from=date(2026, 1, 19),
    )
    assert arrears.statement(licence).hb_expected == 2 * D("100.00")


def test_twenty_years_of_charges_are_exact_to_the_penny(admin, partner):
    home = factories.certified_flat(admin, partner, since=date(2005, 1, 1))
    woman = factories.ready_woman(admin, assessed_on=date(2005, 1, 1))
    start = date(2006, 1, 2)  # a Monday
    long_stay = licences.create_licence(admin, woman, home, start_date=start)
    up_to = date(2026, 1, 4)
    weeks = ((up_to - start).days // 7) + 1
    # A rise every April: each year's weeks at that year's rent, the week it changes by the night.
    expected = D("0")
    changes = []
    for year in range(2007, 2026):
        changes.append((date(year, 4, 1), D("98.50") + D("1.37") * (year - 2006)))
    for change_on, rent in changes:
        accounts.change_charges(admin, long_stay, effective_from=change_on, weekly_rent=rent)
    assert accounts.post_charges(admin, up_to=up_to) == weeks
    rate_on = [(start, D("98.50")), *changes]

    def rent_for(night):
        return [rent for since, rent in rate_on if since <= night][-1]

    from housing_desk.services.charging import by_the_night

    for week in range(weeks):
        first = start + timedelta(days=7 * week)
        nights = [first + timedelta(days=n) for n in range(7)]
        runs = {}
        for night in nights:
            runs.setdefault(rent_for(night), 0)
            runs[rent_for(night)] += 1
        expected += sum((by_the_night(rent, count) for rent, count in runs.items()), D("0"))
        expected += D("22.15") + D("9.80")
    assert _posted(long_stay) == expected
    assert arrears.statement(long_stay).balance == expected


def test_two_pcs_posting_at_once_post_once(admin, licence, db):
    second_home = factories.certified_flat(admin, licence.flat.partner, reference="NHT-02")
    other = factories.ready_woman(admin, given_name="Bea", family_name="Second")
    licences.create_licence(admin, other, second_home, start_date=MONDAY)
    barrier = threading.Barrier(2)
    counts = []
    original = accounts._rows_to_post

    def rows_then_wait(*args, **kwargs):
        rows = original(*args, **kwargs)
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=1.0)
        return rows

    accounts._rows_to_post = rows_then_wait
    try:

        def post():
            try:
                counts.append(accounts.post_charges(admin, up_to=date(2026, 2, 2)))
            finally:
                db.close()

        threads = [threading.Thread(target=post) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        accounts._rows_to_post = original
    assert sorted(counts) == [0, 10]
    assert Charge.select().count() == 10


def test_arrears_list_weeks_age_and_plan(admin, licence):
    accounts.post_charges(admin, up_to=date(2026, 2, 16))  # seven weeks: 913.15
    accounts.record_payment(
        admin, licence, received_on=date(2026, 1, 6), amount="130.45", source="resident"
    )
    rows = arrears.arrears(on=date(2026, 2, 20))
    assert len(rows) == 1
    row = rows[0]
    assert row.balance == 6 * WEEK and row.weeks_in_arrears == D("6.0")
    assert row.age == "4–8 weeks"  # the oldest unpaid charge is the week of 12 January
    assert row.reference == "NHT-01" and row.name == "Ioana Popescu"
    assert row.plan == "" and row.on_plan is None
    arrears.set_repayment_plan(admin, licence, weekly_amount="5.00", start_on=date(2026, 2, 16))
    accounts.record_payment(
        admin, licence, received_on=date(2026, 2, 17), amount="135.45", source="resident"
    )
    row = arrears.arrears(on=date(2026, 2, 20))[0]
    assert row.plan == "£5.00 a week from 16/02/2026" and row.on_plan is True
    assert arrears.arrears(on=date(2026, 1, 5)) == [
        r for r in arrears.arrears(on=date(2026, 1, 5)) if r.balance > 0
    ]


def test_a_confidential_woman_is_not_named_on_the_arrears_list(admin, partner):
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin, do_not_disclose=True)
    licences.create_licence(admin, woman, home, start_date=MONDAY)
    accounts.post_charges(admin, up_to=MONDAY)
    assert arrears.arrears(on=MONDAY)[0].name == ""


def test_a_debt_after_move_out_stays_on_her_record(admin, licence):
    factories.sign_up(admin, licence)
    accounts.post_charges(admin, up_to=date(2026, 1, 12))
    licences.end_licence(admin, licence, end_date=date(2026, 1, 19), reason="planned_move_on")
    row = arrears.arrears(on=date(2026, 6, 1))[0]
    assert row.ended and row.balance == 2 * WEEK and row.age == "8+ weeks"


def test_a_viewer_cannot_post_or_take_payments(admin, licence):
    viewer = factories.user(admin, "viewer")
    with pytest.raises(PermissionDenied):
        accounts.post_charges(viewer, up_to=MONDAY)
    with pytest.raises(PermissionDenied):
        accounts.record_payment(
            viewer, licence, received_on=MONDAY, amount="1.00", source="resident"
        )
    officer = factories.user(admin, "officer")
    with pytest.raises(PermissionDenied):
        accounts.change_charges(officer, licence, effective_from=date(2026, 2, 1), weekly_rent="1")


def test_reminders_for_the_claim_its_evidence_an_absence_and_arrears(admin, licence):
    from housing_desk.services import housing_benefit, reminders

    factories.sign_up(admin, licence)
    on = date(2026, 3, 16)

    def kinds():
        return {r.kind: r for r in reminders.due(on=on) if r.entity == "licence"}

    assert kinds()["housing_benefit"].overdue  # not decided eight weeks after she moved in
    asked = housing_benefit.request_evidence(
        admin, licence, requested_on=date(2026, 2, 2), what="Proof of income"
    )
    assert "hb_evidence" in kinds()
    housing_benefit.update_evidence(admin, asked, sent_on=date(2026, 2, 10))
    assert "hb_evidence" not in kinds()
    housing_benefit.record_absence(admin, licence, start=MONDAY, reason="other")
    away = kinds()["absence"]
    assert "13 weeks" in away.text and away.due_on == date(2026, 1, 5) + timedelta(weeks=13)
    accounts.post_charges(admin, up_to=on)
    assert "arrears" in kinds() and "owes £" in kinds()["arrears"].text
    licences.record_hb_decision(
        admin, licence, decision="confirmed", decided_on=on, weekly_award="120.65"
    )
    assert "housing_benefit" not in kinds()
    # Eleven weeks posted (5 January to 16 March); the award leaves her 9.80 a week.
    assert kinds()["arrears"].text.startswith("Ioana Popescu owes £107.80")


def test_a_licence_let_after_the_days_posting_is_charged_at_once(admin, partner, licence):
    accounts.post_charges(admin, up_to=date(2026, 1, 19))
    home = factories.certified_flat(admin, partner, reference="NHT-02")
    late = licences.create_licence(
        admin, factories.ready_woman(admin, given_name="Bea"), home, start_date=date(2026, 1, 12)
    )
    assert _posted(late) == 2 * WEEK  # the weeks of 12 and 19 January, without another run


def test_her_account_in_the_export_and_gone_from_it_when_anonymised(admin, partner):
    factories.organisation(admin)  # her papers are refused until it is named
    import io

    from pypdf import PdfReader

    from housing_desk.data.models import HousingBenefitDecision, HousingBenefitEvidence
    from housing_desk.services import housing_benefit, retention, subject_access

    home = factories.certified_flat(admin, partner, since=date(2017, 1, 1))
    woman = factories.ready_woman(admin, given_name="Lisa", assessed_on=date(2017, 6, 1))
    licence = factories.sign_up(
        admin, licences.create_licence(admin, woman, home, start_date=date(2018, 1, 1))
    )
    accounts.post_charges(admin, up_to=date(2018, 1, 15))
    accounts.record_payment(
        admin,
        licence,
        received_on=date(2018, 1, 2),
        amount="20.00",
        source="resident",
        reference="Card ending 4471",
    )
    licences.record_hb_decision(
        admin,
        licence,
        decision="confirmed",
        decided_on=date(2018, 1, 20),
        weekly_award="120.65",
        notes="Lisa's claim, ref HB-88812",
    )
    housing_benefit.request_evidence(
        admin, licence, requested_on=date(2018, 1, 10), what="Lisa's bank statements"
    )
    licences.end_licence(admin, licence, end_date=date(2019, 6, 3), reason="planned_move_on")
    pdf = subject_access.export(admin, woman)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Your account for NHT-01" in text and "Card ending 4471" in text
    assert "Lisa's bank statements" in text and "confirmed from 01/01/2018" in text
    retention.anonymise(admin, woman)
    assert Payment.get().reference == "" and Payment.get().amount == D("20.00")
    assert HousingBenefitDecision.get().notes == "" and HousingBenefitEvidence.get().what == ""
