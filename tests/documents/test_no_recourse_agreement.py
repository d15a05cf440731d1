"""A woman with no recourse to public funds (NRPF) cannot claim Housing Benefit: her agreement,
her sign-up and the reminders never say or ask otherwise."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from housing_desk.data.models import AuditEvent, Person
from housing_desk.services import (
    housing_benefit,
    licences,
    paperwork,
    people,
    reminders,
    settings,
    subject_access,
)
from housing_desk.services.errors import ValidationError
from tests import factories

START = date(2025, 3, 3)  # a Monday
# Words that tell her Housing Benefit meets her rent: never on an NRPF woman's agreement.
BENEFIT_RENT = (
    "covered by Housing Benefit",
    "Housing Benefit, if your claim is awarded",
    "Housing Benefit usually carries on",
    "has been made and the council has not decided it yet",
    "HB/123456",
)


def flat_text(pdf: bytes) -> str:
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    return " ".join(" ".join(pages).split())


def let(admin, partner, agreement_type="licence", nrpf=True, reference="NVT-01", **flat_details):
    factories.organisation(admin)
    home = factories.certified_flat(
        admin, partner, reference=reference, head_lease_end=date(2028, 3, 31), **flat_details
    )
    woman = factories.ready_woman(
        admin, date_of_birth=date(1991, 3, 14), no_recourse_to_public_funds=nrpf
    )
    licence = licences.create_licence(
        admin, woman, home, start_date=START, agreement_type=agreement_type
    )
    return factories.sign_up(admin, licence)


EXCLUDED = {"self_contained": False, "excluded_category": "shared_with_licensor"}


@pytest.mark.parametrize(
    ("agreement_type", "flat_details"),
    [("licence", {}), ("assured_periodic", {}), ("excluded_licence", EXCLUDED)],
)
def test_her_agreement_says_how_her_rent_is_met_and_never_that_housing_benefit_covers_it(
    admin, partner, agreement_type, flat_details
):
    text = flat_text(
        paperwork.licence_agreement(admin, let(admin, partner, agreement_type, **flat_details))
    )
    for expected in (
        "You have no recourse to public funds, so you cannot claim Housing Benefit",
        "met from our own funding for women with no recourse to public funds, so you do not pay "
        "them",
        "Met from our own funding: you do not pay it",  # the rent's line in the charges table
        "no Housing Benefit claim will be made for you",
        "If the help with your rent is refused or stops",
        "free advice about your immigration status",
        "so that we can keep your home for you",
        "Funded by our support contract: you do not pay it",
        # Only the ineligible service charge (£9.80) is hers: rent and the rest are funded.
        "You pay yourself each week £9.80",
    ):
        assert expected in text, expected
    for wrong in BENEFIT_RENT:
        assert wrong not in text, wrong


def test_when_she_pays_her_own_rent_the_agreement_says_so(admin, partner):
    settings.set_nrpf_rent_payer(admin, "resident")
    settings.set_support_charge_payer(admin, "resident")
    licence = let(admin, partner)
    text = flat_text(paperwork.licence_agreement(admin, licence))
    assert "the ineligible service charge are yours to pay" in text
    assert "The support charge is paid by you." in text
    assert "Met from our own funding" not in text
    total = licence.weekly_total
    assert f"You pay yourself each week £{total:,.2f}" in text
    for wrong in (*BENEFIT_RENT, "Housing Benefit does not cover it"):
        assert wrong not in text, wrong


def test_a_woman_who_can_claim_still_reads_of_her_housing_benefit(admin, partner):
    text = flat_text(paperwork.licence_agreement(admin, let(admin, partner, nrpf=False)))
    for expected in (
        "covered by Housing Benefit if your claim is awarded",
        "Housing Benefit, if your claim is awarded",
        "If your Housing Benefit claim is refused, reduced or stops",
        "Housing Benefit usually carries on for up to 13 weeks",
    ):
        assert expected in text, expected
    assert "no recourse to public funds" not in text


def test_the_sign_up_pack_words_her_checklist_item_without_a_claim(admin, partner):
    text = flat_text(paperwork.signup_pack(admin, let(admin, partner)))
    assert "No Housing Benefit claim (she has no recourse to public funds)" in text
    for wrong in BENEFIT_RENT[:4]:
        assert wrong not in text, wrong


def test_a_team_wording_that_says_housing_benefit_covers_the_rent_is_refused_for_her(
    admin, partner, tmp_path
):
    mine = tmp_path / "ours.txt"
    mine.write_text(
        "version: ours-2\n## 4. Charges\nYour rent is covered by Housing Benefit.\n"
        "[[signatures]]\n",
        encoding="utf-8",
    )
    settings.set_licence_template(admin, str(mine), "licence")
    licence = let(admin, partner)
    with pytest.raises(ValidationError) as refused:
        paperwork.licence_agreement(admin, licence)
    assert refused.value.field == settings.TEMPLATE_KEY
    assert "{rent_cover}" in refused.value.message
    with pytest.raises(ValidationError):
        paperwork.signup_pack(admin, licence)
    # The same wording still prints for a woman who can claim.
    other = let(admin, partner, nrpf=False, reference="NVT-02")
    assert paperwork.licence_agreement(admin, other).startswith(b"%PDF")


def test_no_claim_is_asked_of_her_and_no_reminder_nags_for_one(admin, partner):
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin, no_recourse_to_public_funds=True)
    licence = licences.create_licence(admin, woman, home, start_date=START)
    # Her item needs no claim reference, and ticking it records no claim on her licence.
    licences.complete_signup_item(admin, licence, "hb_claim")
    for key, _label in licences.SIGNUP_CHECKLIST:
        licences.complete_signup_item(admin, licence, key)
    licence = licences.activate(admin, licence)
    assert (licence.hb_status, licence.hb_reference) == ("not_claimed", "")
    housing_benefit.record_absence(admin, licence, start=date(2025, 4, 1), reason="other")
    mine = [r for r in reminders.due(date(2026, 1, 5)) if r.entity_id == licence.id]
    assert not [r for r in mine if r.kind in ("housing_benefit", "absence")]
    # Once she can claim (her status changed), the claim is asked for again.
    people.update_person(admin, woman, no_recourse_to_public_funds=False)
    mine = [r for r in reminders.due(date(2026, 1, 5)) if r.entity_id == licence.id]
    assert {"housing_benefit", "absence"} <= {r.kind for r in mine}


def test_a_woman_who_can_claim_still_needs_her_claim_reference(admin, partner):
    home = factories.certified_flat(admin, partner)
    licence = licences.create_licence(admin, factories.ready_woman(admin), home, start_date=START)
    with pytest.raises(ValidationError) as refused:
        licences.complete_signup_item(admin, licence, "hb_claim")
    assert refused.value.field == "note"


def test_her_record_keeps_it_and_her_copy_of_her_records_shows_it(admin):
    factories.organisation(admin)  # her papers are refused until it is named
    woman = factories.person(admin)
    assert woman.no_recourse_to_public_funds is False
    people.update_person(admin, woman, no_recourse_to_public_funds=True)
    assert Person.get_by_id(woman.id).no_recourse_to_public_funds is True
    # It says something of her immigration status: the audit log says only that it changed.
    change = (
        AuditEvent.select()
        .where((AuditEvent.entity == "person") & (AuditEvent.action == "update"))
        .order_by(AuditEvent.id.desc())
        .first()
    )
    assert "no_recourse_to_public_funds" in change.changes
    assert "true" not in change.changes.lower() and "changed" in change.changes
    text = flat_text(subject_access.export(admin, Person.get_by_id(woman.id)))
    assert "No recourse to public funds Yes" in text


def test_the_rent_setting_is_a_choice_for_managers(admin):
    assert settings.nrpf_rent_payer() == "service"
    with pytest.raises(ValidationError) as refused:
        settings.set_nrpf_rent_payer(admin, "council")
    assert refused.value.field == "nrpf_rent_payer"
    settings.save_security(
        admin, idle_lock_minutes=10, retention_years=6, notice_days=28, nrpf_rent_payer="resident"
    )
    assert settings.nrpf_rent_payer() == "resident"
