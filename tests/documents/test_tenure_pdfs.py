"""Each agreement type's paperwork, read back as text: the words it must say, and never the
wrong ones."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from housing_desk.data.models import Document, Licence
from housing_desk.services import licences, paperwork, settings
from housing_desk.services.errors import ValidationError
from tests import factories

START = date(2025, 3, 3)  # a Monday

EVERY_AGREEMENT = (
    "Northampton Housing Trust",  # the flat's owner
    "ends on 31/03/2028",  # what happens at the head-lease end
    "takes the flat back",
    "Housing Benefit, if your claim is awarded",
    "Funded by our support contract: you do not pay it",
    "refused, reduced or stops",
    "13 weeks",
    "52 weeks if you are in hospital, on remand, or away because you fear violence",
    "before you go",
    "has been made and the council has not decided it yet",  # the claim's real status
    "HB/123456",
    "wording version 2026.12",
)


def flat_text(pdf: bytes) -> str:
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    return " ".join(" ".join(pages).split())


def let(admin, partner, agreement_type="licence", **flat_details):
    factories.organisation(admin)
    home = factories.certified_flat(
        admin, partner, reference="NVT-01", head_lease_end=date(2028, 3, 31), **flat_details
    )
    woman = factories.ready_woman(admin, date_of_birth=date(1991, 3, 14))
    licence = licences.create_licence(
        admin, woman, home, start_date=START, agreement_type=agreement_type
    )
    return factories.sign_up(admin, licence)


def test_the_licence_speaks_of_a_licence_and_a_notice_to_quit(admin, partner):
    text = flat_text(paperwork.licence_agreement(admin, let(admin, partner)))
    for expected in (*EVERY_AGREEMENT, "This is a licence to occupy", "notice to quit of at least"):
        assert expected in text, expected
    assert "court order" in text
    for wrong in ("a assured", "a excluded", "a licence to occupy to occupy", "agree to pay"):
        assert wrong not in text, wrong


def test_the_tenancy_speaks_of_a_tenancy_a_ground_and_a_court_order(admin, partner):
    text = flat_text(paperwork.licence_agreement(admin, let(admin, partner, "assured_periodic")))
    for expected in (
        *EVERY_AGREEMENT,
        "This is an assured periodic tenancy",
        "Renters' Rights Act 2025",
        "your landlord",
        "Only a court can end it",
        "ground in the Housing Act 1988",
        "two months' notice",
        "section 13 of the Housing Act 1988",
    ):
        assert expected in text, expected
    for wrong in (
        "does not give you a tenancy",
        "not a tenancy",
        "notice to quit",
        "a assured",
        "licence",
        "Licence agreement",
    ):
        assert wrong.lower() not in text.lower(), wrong


def test_the_excluded_licence_names_its_category(admin, partner):
    licence = let(
        admin,
        partner,
        "excluded_licence",
        self_contained=False,
        excluded_category="shared_with_licensor",
    )
    text = flat_text(paperwork.licence_agreement(admin, licence))
    for expected in (
        *EVERY_AGREEMENT,
        "This is an excluded licence",
        "not self-contained",
        "shares a kitchen, bathroom or living room with the licensor",
        "does not require us to get a court order",
        "reasonable notice",
    ):
        assert expected in text, expected
    for wrong in ("a excluded", "a assured", "notice to quit"):
        assert wrong not in text, wrong


def test_the_support_charge_she_pays_is_hers_and_the_benefit_status_is_real(admin, partner):
    settings.set_support_charge_payer(admin, "resident")
    licence = let(admin, partner)
    Licence.update(hb_status="refused").where(Licence.id == licence.id).execute()
    text = flat_text(paperwork.licence_agreement(admin, licence))
    assert "The support charge is paid by you; Housing Benefit does not cover it" in text
    assert "Funded by our support contract" not in text
    assert "The council has refused your Housing Benefit claim (reference HB/123456)" in text
    assert "not decided it yet" not in text
    # She pays the ineligible service charge and the support charge herself: £9.80 + £45.00.
    assert "You pay yourself each week £54.80" in text


def test_a_team_template_saying_a_agreement_type_reads_properly(admin, partner, tmp_path):
    mine = tmp_path / "ours.txt"
    mine.write_text(
        "version: ours-1\n## 1. This agreement\nThis is a {agreement_type}. A {agreement_type} "
        "it is.\n[[signatures]]\n",
        encoding="utf-8",
    )
    settings.set_licence_template(admin, str(mine), "excluded_licence")
    licence = let(
        admin,
        partner,
        "excluded_licence",
        self_contained=False,
        excluded_category="public_sector_hostel",
    )
    text = flat_text(paperwork.licence_agreement(admin, licence))
    assert "This is an excluded licence." in text and "a excluded" not in text.lower()


def test_the_notice_to_quit_has_the_dates_the_saving_clause_and_the_prescribed_information(
    admin, partner
):
    licence = let(admin, partner)
    with pytest.raises(ValidationError):
        paperwork.notice_to_quit(admin, licence)  # no notice from us yet
    licences.give_notice(
        admin,
        licence,
        served_on=date(2025, 8, 1),
        end_date=date(2025, 9, 1),
        by="licensor",
        served_how="in_person",
    )
    pdf = paperwork.notice_to_quit(admin, licence)
    text = flat_text(pdf)
    for expected in (
        "Notice to quit",
        "Ioana Popescu",
        "Flat 2, 14 Derngate, Northampton, NN1 1TU",
        "Friday 1 August 2025 (01/08/2025)",  # served
        "Sunday 31 August 2025 (31/08/2025)",  # the last day of the period it ends on
        "Monday 1 September 2025 (01/09/2025)",  # the move-out day
        "or at the end of the period of your licence that ends next after four weeks from the "
        "day this notice is given",
        "handed to her in person",
        "order for possession from the court before you can lawfully be evicted",
        "solicitor",
        "legal aid",
        "Citizens Advice",
        "Shelter",
        "housing aid centre",
        "Signature:",
        "Page 1 of",
    ):
        assert expected in text, expected
    document = Document.select().where(Document.kind == "notice_to_quit").get()
    assert (document.entity, document.entity_id) == ("licence", licence.id)


def test_no_notice_to_quit_for_a_tenancy_or_her_own_notice(admin, partner):
    tenancy = let(admin, partner, "assured_periodic")
    licences.give_notice(
        admin, tenancy, served_on=date(2025, 8, 1), end_date=date(2025, 10, 1), by="licensee"
    )
    with pytest.raises(ValidationError):
        paperwork.notice_to_quit(admin, tenancy)
    other = factories.certified_flat(admin, partner, reference="NVT-02")
    woman = factories.ready_woman(admin, given_name="Rūta")
    licence = factories.sign_up(
        admin, licences.create_licence(admin, woman, other, start_date=START)
    )
    licences.give_notice(
        admin, licence, served_on=date(2025, 8, 1), end_date=date(2025, 9, 1), by="licensee"
    )
    with pytest.raises(ValidationError):
        paperwork.notice_to_quit(admin, licence)
    assert not Document.select().where(Document.kind == "notice_to_quit").exists()
