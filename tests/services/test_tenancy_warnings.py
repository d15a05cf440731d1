"""Warnings: verbal, written, final; lapsing after the months set in Settings."""

from datetime import timedelta

import pytest

from housing_desk import clock
from housing_desk.data.models import AuditEvent, TenancyWarning
from housing_desk.services import assessments, licences, settings, warnings as tenancy_warnings
from housing_desk.services.errors import ValidationError
from tests import factories

TODAY = clock.today()


@pytest.fixture
def licence(admin, partner):
    woman = factories.ready_woman(admin)
    home = factories.certified_flat(admin, partner)
    made = licences.create_licence(admin, woman, home, start_date=TODAY - timedelta(days=400))
    return factories.sign_up(admin, made)


def test_the_warnings_module_is_reached_by_its_design_name():
    from housing_desk import services

    assert services.warnings is tenancy_warnings
    assert tenancy_warnings.__name__ == "housing_desk.services.tenancy_warnings"
    import warnings

    assert hasattr(warnings, "catch_warnings")  # Python's own is not hidden


def test_a_warning_lapses_after_the_months_set_for_its_stage(admin, licence):
    settings.set_warning_lapse_months(admin, "final", 2)
    issued = TODAY - timedelta(days=90)
    final = tenancy_warnings.issue_warning(
        admin, licence, stage="final", issued_on=issued, reason="Visitors shouting at night."
    )
    assert final.lapses_on == assessments.add_months(issued, 2)
    assert not tenancy_warnings.final_warning_in_force(licence)
    assert tenancy_warnings.final_warning_in_force(licence, on=issued + timedelta(days=10))
    verbal = tenancy_warnings.issue_warning(
        admin, licence, stage="verbal", issued_on=TODAY, reason="Noise."
    )
    assert verbal.lapses_on == assessments.add_months(TODAY, 3)
    listed = tenancy_warnings.warnings_for(admin, licence)
    assert [w.stage for w in listed] == ["verbal", "final"]
    assert listed[0].in_force() and not listed[1].in_force()
    assert tenancy_warnings.warnings_for(admin, person=licence.person) == listed


def test_a_final_warning_in_force_is_seen(admin, licence):
    assert not tenancy_warnings.final_warning_in_force(licence)
    tenancy_warnings.issue_warning(
        admin, licence, stage="final", issued_on=TODAY, reason="Damage to the door."
    )
    assert tenancy_warnings.final_warning_in_force(licence)


def test_viewers_do_not_read_the_reason_and_the_audit_row_holds_none(admin, licence):
    made = tenancy_warnings.issue_warning(
        admin, licence, stage="written", issued_on=TODAY, reason="Her partner broke the window."
    )
    (seen,) = tenancy_warnings.warnings_for(factories.user(admin, "viewer"), licence)
    assert seen.reason == "" and seen.stage == "written"
    row = AuditEvent.get(
        (AuditEvent.entity == "tenancy_warning") & (AuditEvent.entity_id == made.id)
    )
    assert "partner" not in row.changes and '"stage": "written"' in row.changes


@pytest.mark.parametrize(
    "field, changes",
    [
        ("stage", {"stage": "red_card"}),
        ("issued_on", {"issued_on": TODAY + timedelta(days=1)}),
        ("issued_on", {"issued_on": TODAY - timedelta(days=1000)}),
        ("reason", {"reason": ""}),
    ],
)
def test_bad_warnings_are_refused(admin, licence, field, changes):
    values = {"stage": "verbal", "issued_on": TODAY, "reason": "Noise."} | changes
    with pytest.raises(ValidationError) as caught:
        tenancy_warnings.issue_warning(admin, licence, **values)
    assert caught.value.field == field
    assert TenancyWarning.select().count() == 0


def test_no_warning_under_a_licence_not_yet_signed(admin, partner):
    woman = factories.ready_woman(admin, given_name="Bea", family_name="New")
    home = factories.certified_flat(admin, partner, reference="NHT-05")
    pending = licences.create_licence(admin, woman, home, start_date=TODAY)
    with pytest.raises(ValidationError) as caught:
        tenancy_warnings.issue_warning(admin, pending, stage="verbal", issued_on=TODAY, reason="x")
    assert caught.value.field == "licence"


def test_the_lapse_period_is_a_whole_number_of_months(admin):
    for bad in (0, 37, "six"):
        with pytest.raises(ValidationError):
            settings.set_warning_lapse_months(admin, "written", bad)
    with pytest.raises(ValidationError) as caught:
        settings.set_warning_lapse_months(admin, "yellow", 3)
    assert caught.value.field == "stage"
    assert settings.set_warning_lapse_months(admin, "written", 9) == 9
    assert settings.warning_lapse_months("written") == 9
