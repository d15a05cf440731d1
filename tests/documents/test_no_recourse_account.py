"""Her account's papers (statement, arrears letters, move-out letter) read back from the PDF: for
a woman with no recourse to public funds they say how her rent is met and never mention Housing
Benefit; for a woman who can claim they are as they always were."""

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from housing_desk import clock
from housing_desk.services import accounts, arrears, licences, paperwork, settings
from tests import factories


def _text(pdf: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


def _owing(admin, partner, nrpf):
    factories.organisation(admin)
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin, no_recourse_to_public_funds=nrpf)
    start = clock.today() - timedelta(days=70)
    licence = licences.create_licence(admin, woman, home, start_date=start)
    accounts.post_charges(admin, up_to=clock.today())
    accounts.record_payment(
        admin, licence, received_on=start, amount="30.00", source="resident", reference="cash"
    )
    return licence


def _papers(admin, licence):
    """Her statement, both arrears letters and (after she has moved out) the move-out letter."""
    texts = {
        "statement": _text(paperwork.statement(admin, licence)),
        "first": _text(paperwork.arrears_letter(admin, licence, stage="first")),
        "plan": _text(paperwork.arrears_letter(admin, licence, stage="plan")),
    }
    factories.sign_up(admin, licence)
    licences.end_licence(admin, licence, end_date=clock.today(), reason="planned_move_on")
    texts["move_out"] = _text(paperwork.move_out_letter(admin, licence))
    return texts


@pytest.mark.parametrize(
    ("payer", "rent_words"),
    [
        ("service", "Your rent and eligible service charge are met from our own funding"),
        ("resident", "Your rent and eligible service charge are yours to pay"),
    ],
)
def test_her_account_papers_say_how_her_rent_is_met_and_never_mention_housing_benefit(
    admin, partner, payer, rent_words
):
    settings.set_nrpf_rent_payer(admin, payer)
    texts = _papers(admin, _owing(admin, partner, nrpf=True))
    for name, text in texts.items():
        assert "Housing Benefit" not in text, name
        assert "{" not in text, name
    statement = texts["statement"]
    assert rent_words in statement and "Your rent" in statement
    short = "Met from our own funding" if payer == "service" else "Paid by you"
    assert short in statement
    assert rent_words in texts["first"] and "immigration status" in texts["first"]
    assert "Discretionary Housing Payment" not in texts["first"]
    assert "tell the council that you have moved" not in texts["move_out"]
    assert "you can still come to us for advice" in texts["move_out"]


def test_a_woman_who_can_claim_reads_of_her_housing_benefit_as_before(admin, partner):
    licence = _owing(admin, partner, nrpf=False)
    hb_owed = arrears.statement(licence).hb_balance
    texts = _papers(admin, licence)
    statement = texts["statement"]
    assert f"Not claimed; {arrears.owed_words(hb_owed)} by Housing Benefit" in statement
    assert "Housing Benefit is usually paid to us every four weeks" in statement
    assert "Your own share is what Housing Benefit does not cover." in statement
    assert "Housing Benefit is not claimed. If your claim has been stopped" in texts["first"]
    assert "Discretionary Housing Payment" in texts["first"]
    assert "tell the council that you have moved, and the date" in texts["move_out"]
    assert "no recourse" not in " ".join(texts.values())
