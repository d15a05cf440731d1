"""The warning letter: to her, plain, what happens next, where to get help; from its template."""

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from housing_desk import clock
from housing_desk.data.models import Document
from housing_desk.documents import warning_letter
from housing_desk.documents.template import TemplateError
from housing_desk.services import licences, paperwork, warnings as tenancy_warnings
from housing_desk.services.errors import ValidationError
from tests import factories

TODAY = clock.today()


@pytest.fixture
def licence(admin, partner):
    factories.organisation(admin)  # her papers are refused until it is named
    woman = factories.ready_woman(admin, given_name="Małgorzata", family_name="Wójcik")
    home = factories.certified_flat(admin, partner)
    made = licences.create_licence(admin, woman, home, start_date=TODAY - timedelta(days=100))
    return factories.sign_up(admin, made)


def _text(pdf: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


def test_a_final_warning_letter_says_what_happens_next_and_where_to_get_help(admin, licence):
    warning = tenancy_warnings.issue_warning(
        admin,
        licence,
        stage="final",
        issued_on=TODAY,
        reason="Visitors at the flat late at night <again> & shouting.",
    )
    text = _text(paperwork.warning_letter(admin, warning))
    assert "Dear Małgorzata Wójcik" in text and "final warning" in text
    assert "Visitors at the flat late at night <again> & shouting." in text
    assert "may decide to give you notice" in text and "court order" in text
    assert "If the same thing keeps happening" not in text  # the written warning's paragraph
    assert "Shelter" in text and "Citizens Advice" in text and "0808 2000 247" in text
    assert f"until {warning.lapses_on:%d/%m/%Y}" in text
    assert "Page 1 of" in text
    assert Document.get().kind == "warning_letter"


def test_a_written_warning_letter_has_its_own_next_step(admin, licence):
    warning = tenancy_warnings.issue_warning(
        admin, licence, stage="written", issued_on=TODAY, reason="Rubbish left on the stairs."
    )
    text = _text(paperwork.warning_letter(admin, warning))
    assert "written warning" in text and "next step in our warnings procedure" in text
    assert "may decide to give you notice" not in text


def test_a_verbal_warning_has_no_letter(admin, licence):
    warning = tenancy_warnings.issue_warning(
        admin, licence, stage="verbal", issued_on=TODAY, reason="Noise."
    )
    with pytest.raises(ValidationError):
        paperwork.warning_letter(admin, warning)


def test_the_template_refuses_a_placeholder_it_does_not_know(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("version: 1\n## Dear {resident_name}\nYour {date_of_birth}.\n", "utf-8")
    with pytest.raises(TemplateError, match="date_of_birth"):
        warning_letter.load(path)
