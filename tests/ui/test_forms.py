"""Every Designer form loads, and each dialog's form has the widgets its code uses."""

import pytest

from housing_desk import paths
from housing_desk.ui import forms

FORMS = sorted(p.stem for p in paths.forms_dir().glob("*.ui"))


def test_there_are_forms():
    assert {
        "main_window",
        "board_page",
        "flats_page",
        "partners_page",
        "flat_dialog",
        "certificate_dialog",
        "unavailability_dialog",
        "partner_dialog",
        "first_run_dialog",
        "sign_in_dialog",
        "back_in_use_dialog",
    } <= set(FORMS)


@pytest.mark.parametrize("name", FORMS)
def test_form_loads(qtbot, name):
    widget = forms.load(name)
    qtbot.addWidget(widget)
    assert widget.objectName()
    if name.endswith("_dialog"):
        assert widget.buttonBox is not None
        # these only show a file or a past record: nothing is saved, so nothing can be refused
        if name not in (
            "pdf_preview_dialog",
            "image_viewer_dialog",
            "assessment_view_dialog",
            "assessment_comparison_dialog",
        ):
            assert widget.errorLabel is not None
