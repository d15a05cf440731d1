"""The paperwork, read back as text: names, addresses, every charge, dates, pages, literal text."""

import io
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from housing_desk.data.models import AuditEvent, Document
from housing_desk.services import audit, flats, licences, paperwork, settings, support_plans
from housing_desk.services.errors import ValidationError
from tests import factories

NAMES = [
    ("Agnieszka", "Wójcik-Brzęczyszczykiewicz"),
    ("Ștefania", "Țăranu"),
    ("Erzsébet", "Szőke-Kővári"),
    ("Kateřina", "Dvořáková"),
    ("Ayşe Gül", "Yılmaz Çağlar"),
    ("Siobhán", "Ní Bhriain"),
]


def text_of(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [page.extract_text() for page in reader.pages]


def flat_text(pdf: bytes) -> str:
    return " ".join(" ".join(text_of(pdf)).split())


@pytest.fixture
def organisation(admin):
    return settings.save_organisation(
        admin,
        name="Nene Outreach Housing",
        charity_number="1187654",
        address="The Hub, 12 Sheep Street\nNorthampton NN1 2LU",
        phone="01604 000999",
        out_of_hours_phone="07700 900999",
    )


def let(admin, partner, given="Ioana", family="Popescu", **details):
    home = factories.certified_flat(
        admin,
        partner,
        reference="NVT-01",
        address_line1="Flat 1, 14 Abington Grove",
        postcode="NN1 4QX",
    )
    woman = factories.ready_woman(
        admin, given_name=given, family_name=family, date_of_birth=date(1991, 3, 14), **details
    )
    return licences.create_licence(
        admin, woman, home, start_date=date(2026, 12, 1), inventory_reference="INV-77"
    )


@pytest.mark.parametrize("given, family", NAMES)
def test_every_name_prints_and_copies_back_exactly(admin, partner, organisation, given, family):
    text = flat_text(paperwork.licence_agreement(admin, let(admin, partner, given, family)))
    assert f"{given} {family}" in text


def test_licence_agreement_says_what_the_records_say(admin, partner, organisation):
    licence = let(admin, partner)
    pdf = paperwork.licence_agreement(admin, licence)
    pages = text_of(pdf)
    text = flat_text(pdf)
    for expected in (
        "Nene Outreach Housing",
        "1187654",
        "Ioana Popescu",
        "14/03/1991",
        "Flat 1, 14 Abington Grove, Northampton, NN1 4QX",
        "INV-77",
        "01/12/2026",
        "Monday",
        "£98.50",
        "£22.15",
        "£9.80",
        "£45.00",
        "£175.45",
        "Weekly total",
        "Covered by Housing Benefit if your claim is awarded",
        "£120.65",
        "You pay yourself each week",
        "warnings",
        "Complaints",
        "Witness",
        "This agreement was explained to me",
        "wording version 2026.12",
        "LIC-",
        "written notice to quit of at least 28 days' notice",
    ):
        assert expected in text, expected
    assert (
        f"Page 1 of {len(pages)}" in pages[0] and f"Page {len(pages)} of {len(pages)}" in pages[-1]
    )
    assert len(pages) >= 2


def test_printing_records_a_document_and_an_audit_event(admin, partner, organisation):
    import hashlib

    licence = let(admin, partner)
    pdf = paperwork.licence_agreement(admin, licence)
    (document,) = paperwork.documents_for("licence", licence.id)
    assert (document.kind, document.template_version, document.sha256) == (
        "licence_agreement",
        "2026.12.2",
        hashlib.sha256(pdf).hexdigest(),
    )
    assert document.full_name == "Amara Okafor"
    assert audit.events("licence", licence.id)[-1].action == "print"


def test_text_typed_by_officers_prints_literally(admin, partner, organisation):
    licence = let(admin, partner)
    plan = support_plans.create_plan(admin, licence)
    typed = 'Sort out <b>arrears</b> & "bills" — it\'s urgent ' + "very long words " * 60
    support_plans.add_goal(
        admin,
        plan,
        domain="income_budgeting",
        need=typed,
        action="Budget <script>",
        owner="Her & Grace",
        target_date=date(2027, 1, 31),
    )
    text = flat_text(paperwork.support_plan(admin, plan))
    assert 'Sort out <b>arrears</b> & "bills" — it\'s urgent' in text
    assert "Budget <script>" in text and "Her & Grace" in text and "31/01/2027" in text


def test_goals_that_span_pages_are_each_kept_whole(admin, partner, organisation):
    licence = let(admin, partner)
    plan = support_plans.create_plan(admin, licence)
    for n in range(40):
        support_plans.add_goal(
            admin,
            plan,
            domain="physical_health",
            need=f"Goal number {n} " + "detail " * 12,
            action="Register with the GP; go with her to the first appointment",
            owner="Grace",
            target_date=date(2027, 2, 1),
        )
    pages = text_of(paperwork.support_plan(admin, plan))
    assert len(pages) >= 3
    for page in pages:  # every goal's rows on one page, from what she needs to how we will know
        assert page.count("What you need") == page.count("How we will know it")
    assert "Goal number 39" in " ".join(pages)
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_signup_pack_holds_everything_for_the_day(admin, partner, organisation):
    licence = let(admin, partner)
    factories.sign_up(admin, licence)
    licences.add_key(admin, licence, label="Front door key 1", issued_on=date(2026, 12, 1))
    support_plans.create_plan(admin, licence)
    text = flat_text(paperwork.signup_pack(admin, licence))
    for expected in (
        "Licence agreement",
        "Sign-up checklist",
        "HB/123456",
        "Key receipt",
        "Front door key 1",
        "Inventory and condition",
        "Your support plan",
        "Ioana Popescu",
    ):
        assert expected in text, expected


def test_the_availability_report_never_names_a_confidential_woman(admin, partner, organisation):
    licence = let(admin, partner, "Hodan", "Warsame", do_not_disclose=True)
    assert licence.status == "pending_signup"
    other_flat = factories.certified_flat(admin, partner, reference="NVT-02")
    other = factories.ready_woman(admin, given_name="Ana", family_name="Lopes")
    licences.create_licence(admin, other, other_flat, start_date=date(2026, 1, 5))
    pdf = paperwork.availability_report(admin, on=date(2026, 12, 5))
    text = flat_text(pdf)
    # the partners' copy names no woman at all: a blank against one flat would point at her
    for name in ("Hodan", "Warsame", "Ana", "Lopes", "Occupant"):
        assert name not in text, name
    assert "NVT-01" in text and "NVT-02" in text and "Occupied" in text
    assert "team's own use" not in text
    assert Document.get(Document.kind == "availability_report").entity == "board"
    assert flats.availability(date(2026, 12, 5))[0].occupant == ""
    team = flat_text(paperwork.availability_report(admin, on=date(2026, 12, 5), include_names=True))
    assert "Ana Lopes" in team and "Occupant" in team and "team's own use" in team
    assert "Hodan" not in team and "Warsame" not in team
    assert [e.changes["with_names"] for e in audit.events("board", 0)] == [False, True]


def test_the_availability_report_never_breaks_a_reference_date_or_state(
    admin, partner, organisation
):
    from reportlab.lib.pagesizes import A4, landscape

    from housing_desk.documents import availability_report
    from housing_desk.documents.page import MARGIN

    for number, reference in enumerate(("F5175893", "NORTHAMPTON-CNCL-022", "NHT-01")):
        home = factories.certified_flat(
            admin,
            partner,
            reference=reference,
            address_line1=f"Flat {number}, 114 Wellingborough Road",
        )
        flats.mark_unavailable(
            admin, home, start=date(2026, 10, 22), end=date(2027, 1, 31), reason="repairs"
        )
    other = factories.flat(admin, partner, reference="NHT-99", has_gas=True)
    flats.update_flat(admin, other, retired=True)
    pdf = paperwork.availability_report(admin, on=date(2026, 12, 5), include_names=True)
    words = " ".join(text_of(pdf)).split()
    for whole in ("F5175893", "NORTHAMPTON-CNCL-022", "22/10/2026", "31/01/2027", "Expired"):
        assert whole in words, whole
    assert "Out of use" in " ".join(words)
    for with_names in (False, True):
        data = paperwork_data(admin, with_names)
        widths = availability_report.column_widths(data)
        assert sum(widths) <= landscape(A4)[0] - 2 * MARGIN + 0.01


def paperwork_data(admin, with_names):
    from housing_desk.documents.data import AvailabilityReportData, BoardLine

    lines = tuple(
        BoardLine(s.reference, s.address, s.partner, s.state_label, s.since, s.until, "", "OK")
        for s in flats.availability(date(2026, 12, 5))
    )
    return AvailabilityReportData(settings.organisation(), date(2026, 12, 5), lines, "", with_names)


def test_a_custom_template_with_an_unknown_placeholder_is_refused_naming_it(admin, tmp_path):
    bad = tmp_path / "ours.txt"
    bad.write_text(
        "version: ours-1\n## 1. Us\nHello {resident_name}, your {pet_name} is welcome.\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as error:
        settings.set_licence_template(admin, str(bad))
    assert "{pet_name}" in error.value.message and error.value.field == "licence_template"
    assert settings.licence_template_path() == ""


def test_a_custom_template_is_used_with_its_version(admin, partner, organisation, tmp_path):
    ours = tmp_path / "ours.txt"
    ours.write_text(
        "version: ours-7\ntitle: Occupation agreement\n## 1. Us\nThis is for {resident_name} "
        "at {flat_address}.\n[[charges]]\n## 2. Signing\n[[signatures]]\n",
        encoding="utf-8",
    )
    settings.set_licence_template(admin, str(ours))
    text = flat_text(paperwork.licence_agreement(admin, let(admin, partner)))
    assert "Occupation agreement" in text and "wording version ours-7" in text
    assert "This is for Ioana Popescu at Flat 1, 14 Abington Grove" in text
    assert Document.get().template_version == "ours-7"


def test_viewers_cannot_print(admin, partner, organisation):
    from housing_desk.services.errors import PermissionDenied

    licence = let(admin, partner)
    viewer = factories.user(admin, "viewer")
    with pytest.raises(PermissionDenied):
        paperwork.licence_agreement(viewer, licence)
    assert not AuditEvent.select().where(AuditEvent.action == "print").exists()


def test_charges_sum_exactly(admin, partner, organisation):
    licence = let(admin, partner)
    assert licence.weekly_total == Decimal("175.45")


def test_the_logo_is_printed_in_the_header(admin, partner, tmp_path):
    from PySide6.QtGui import QColor, QImage

    logo = tmp_path / "logo.png"
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f3347"))
    image.save(str(logo))
    factories.organisation(admin, logo_path=str(logo))
    pdf = paperwork.licence_agreement(admin, let(admin, partner))
    first_page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert len(first_page.images) == 1


def test_the_agreement_states_the_teams_notice_period(admin, partner, organisation):
    from housing_desk.services import settings

    settings.set_notice_days(admin, 56)
    text = flat_text(paperwork.licence_agreement(admin, let(admin, partner)))
    assert "notice to quit of at least 56 days' notice" in text and "28 days'" not in text


def test_the_support_plan_speaks_to_her(admin, partner, organisation):
    licence = let(admin, partner)
    plan = support_plans.create_plan(admin, licence)
    support_plans.add_goal(
        admin,
        plan,
        domain="own_goals",
        need="A goal of your own choosing.",
        her_words="I want to do a hairdressing course.",
        strengths="Determined",
        action="Visit the college",
        owner="Keyworker",
        target_date=date(2027, 3, 1),
        measure="She has enrolled.",
    )
    support_plans.set_crisis_plan(
        admin,
        plan,
        triggers="Not sleeping",
        actions="Call the team",
        contacts="Out-of-hours line",
        consent_to_share=["GP", "IDVA"],
    )
    text = flat_text(paperwork.support_plan(admin, plan))
    for expected in (
        "Your support plan",
        "Your own goals",
        "In your words",
        "I want to do a hairdressing course.",
        "Your strengths",
        "How we will know it worked",
        "your crisis plan",
        "Not sleeping",
        "You agreed that we may share your plan with: GP; IDVA.",
    ):
        assert expected in text, expected
    assert "What she needs" not in text and "Scored" not in text
