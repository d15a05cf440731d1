"""Her statement and the arrears letters, read back from the PDF."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from pypdf import PdfReader

from housing_desk import clock
from housing_desk.data.models import Document
from housing_desk.services import accounts, arrears, licences, paperwork, people
from housing_desk.services.errors import ValidationError
from tests import factories


def _text(pdf: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


@pytest.fixture
def owing(admin, partner):
    factories.organisation(admin)  # her papers are refused until it is named
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin, given_name="Zsófia", family_name="Kovács")
    people.update_person(admin, woman, preferred_name="Zsófi")
    start = clock.today() - timedelta(days=70)
    licence = licences.create_licence(admin, woman, home, start_date=start)
    accounts.post_charges(admin, up_to=clock.today())
    accounts.record_payment(
        admin, licence, received_on=start, amount="130.45", source="resident", reference="cash"
    )
    return licence


def test_the_statement_lists_each_line_and_the_balance(admin, owing):
    text = _text(paperwork.statement(admin, owing))
    account = arrears.statement(owing)
    assert "Your account statement" in text and "Zsófia Kovács" in text
    assert "Payment: Her own payment, cash" in text
    assert f"£{account.balance:,.2f}" in text and "Page 1 of" in text
    assert Document.get(Document.kind == "account_statement").entity_id == owing.id


def test_the_first_letter_and_the_plan_letter(admin, owing):
    row = arrears.arrears(clock.today())[0]
    first = _text(paperwork.arrears_letter(admin, owing, stage="first"))
    assert "Dear Zsófi," in first and f"£{row.her_balance:,.2f}" in first
    assert "not a notice" in first and "National Debtline" in first
    arrears.set_repayment_plan(admin, owing, weekly_amount="5.00", start_on=clock.today())
    plan = _text(paperwork.arrears_letter(admin, owing, stage="plan"))
    assert "£5.00 a week" in plan and "ending your licence" in plan
    assert "{" not in first + plan


def test_no_letter_when_she_owes_nothing(admin, owing):
    balance = arrears.statement(owing).her_balance
    accounts.record_payment(
        admin, owing, received_on=clock.today(), amount=balance, source="resident"
    )
    with pytest.raises(ValidationError):
        paperwork.arrears_letter(admin, owing)
    assert arrears.statement(owing).her_balance == Decimal("0.00")


def test_the_letter_closing_her_account_states_the_final_balance(admin, owing):
    from housing_desk import clock

    with pytest.raises(ValidationError):  # she has not moved out
        paperwork.move_out_letter(admin, owing)
    factories.sign_up(admin, owing)
    licences.end_licence(admin, owing, end_date=clock.today(), reason="planned_move_on")
    balance = arrears.statement(owing).balance
    text = _text(paperwork.move_out_letter(admin, owing))
    assert f"£{balance:,.2f} owed" in text and "Dear Zsófi," in text
    assert "ended on" in text and "{" not in text
    assert Document.get(Document.kind == "move_out_letter").entity_id == owing.id


def test_her_own_files_come_at_the_end_of_her_copy(admin, partner, tmp_path):
    factories.organisation(admin)  # her papers are refused until it is named
    from PySide6.QtGui import QColor, QImage

    from housing_desk.services import attachments, subject_access

    woman = factories.person(admin, given_name="Ilze", family_name="Bērziņa")
    picture = tmp_path / "id.png"
    image = QImage(60, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#3070b0"))
    image.save(str(picture))
    letter_pdf = paperwork.availability_report(admin)  # any PDF of a page or more
    attachments.attach(
        admin, "person", woman.id, filename="id.png", data=picture.read_bytes(), kind="id"
    )
    attachments.attach(
        admin, "person", woman.id, filename="benefit.pdf", data=letter_pdf, kind="benefit_letter"
    )
    attachments.attach(
        admin, "person", woman.id, filename="notes.docx", data=b"PK\x03\x04", kind="other"
    )
    exported = subject_access.export(admin, woman)
    reader = PdfReader(io.BytesIO(exported))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for name in ("id.png", "benefit.pdf", "notes.docx"):
        assert f"Your file: {name}" in text
    assert "Its pages follow" in text and "cannot be shown on a page" in text
    assert "Availability" in text  # the attached PDF's own pages are in her copy
    assert len(reader.pages) >= len(PdfReader(io.BytesIO(letter_pdf)).pages) + 4
