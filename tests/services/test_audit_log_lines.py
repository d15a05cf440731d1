"""The audit log page's lines: each event in words, with its record named, never raw JSON."""

from datetime import timedelta
from decimal import Decimal

from housing_desk import clock
from housing_desk.services import audit_log, flats, licences, people
from tests import factories


def _line(lines, entity, entity_id, action=None):
    return next(
        line
        for line in lines
        if line.entity == entity
        and line.entity_id == entity_id
        and (action is None or line.action == action)
    )


def test_each_event_reads_in_words_with_who_did_it_and_the_record_named(admin, partner):
    officer = factories.user(admin, "officer")
    flat = factories.certified_flat(admin, partner, reference="NHT-07")
    flats.update_flat(admin, flat, weekly_rent=Decimal("101.00"))
    woman = factories.ready_woman(officer, given_name="Ana", family_name="Lopes")
    people.update_person(officer, woman, phone="07700 900321", preferred_name="Annie")
    licence = licences.create_licence(admin, woman, flat, start_date=clock.today())
    lines = audit_log.lines(admin)

    rent = _line(lines, "flat", flat.id, "update")
    assert rent.what == "Changed the flat's weekly rent from £98.50 to £101.00"
    assert rent.record == "Flat NHT-07"
    assert rent.who == admin.full_name
    changed = _line(lines, "person", woman.id, "update")
    # her phone number is personal: the log says it changed, never what it is
    assert changed.what == "Changed her phone number and preferred name"
    assert "07700" not in changed.what
    assert changed.record == "Annie Lopes"
    assert changed.who == officer.full_name
    made = _line(lines, "licence", licence.id, "create")
    assert made.what == "Created a licence: agreement type Licence to occupy"
    assert made.record == "Annie Lopes, flat NHT-07"
    certificate = next(line for line in lines if line.entity == "certificate")
    assert certificate.record == "Flat NHT-07"
    assert _line(lines, "partner", partner.id).record == partner.name
    assert _line(lines, "user", officer.id).record == officer.full_name
    # the first administrator was made by the program itself
    assert _line(lines, "user", admin.id, "create").who == "Housing Desk"
    local = rent.at.astimezone()
    assert rent.when == local.strftime("%d/%m/%Y %H:%M")
    for line in lines:
        assert "{" not in line.what and '"' not in line.what


def test_a_confidential_woman_is_never_named_nor_her_flat(admin, partner):
    flat = factories.certified_flat(admin, partner, reference="NHT-09")
    hidden = factories.ready_woman(
        admin, given_name="Maria", family_name="Dobos", do_not_disclose=True
    )
    licence = licences.create_licence(admin, hidden, flat, start_date=clock.today())
    factories.sign_up(admin, licence)
    lines = audit_log.lines(admin)
    about_her = [
        line
        for line in lines
        if (line.entity, line.entity_id)
        in {("person", hidden.id), ("licence", licence.id), ("signup_item", licence.id)}
        or line.entity in ("referral", "assessment")
    ]
    assert {line.record for line in about_her} == {audit_log.CONFIDENTIAL}
    assert len(about_her) >= 3
    for line in lines:
        assert "Maria" not in line.record and "Dobos" not in line.record
    # a sign-up checklist item is audited against its licence, and named as it is
    ticked = _line(lines, "signup_item", licence.id)
    assert ticked.what.startswith("Ticked the sign-up checklist item")


def test_records_reached_through_her_licence_name_her(admin, partner):
    from housing_desk.services import accounts

    flat = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin, given_name="Ewa", family_name="Nowak")
    start = clock.today() - timedelta(days=14)
    licence = licences.create_licence(admin, woman, flat, start_date=start)
    factories.sign_up(admin, licence)
    payment = accounts.record_payment(
        admin, licence, received_on=clock.today(), amount=Decimal("20.00"), source="resident"
    )
    line = _line(audit_log.lines(admin), "payment", payment.id)
    assert line.what == "Created a payment: source Her own payment"
    assert line.record == "Ewa Nowak"


def test_the_filters_of_the_search_apply(admin, partner):
    officer = factories.user(admin, "officer")
    factories.person(officer, given_name="Ana", family_name="Lopes")
    factories.flat(admin, partner)
    mine = audit_log.lines(admin, username=officer.username)
    assert mine and {line.who for line in mine} == {officer.full_name}
    assert {line.entity for line in audit_log.lines(admin, entity="flat")} == {"flat"}
