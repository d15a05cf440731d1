"""Retention: who is due after six years, anonymising keeps the statistics and removes the person."""

from datetime import date

import pytest

from housing_desk.data.models import Assessment, AssessmentScore, Licence, Person, Referral
from housing_desk.services import licences, referrals, retention, settings
from housing_desk.services.errors import PermissionDenied, ValidationError
from tests import factories

ON = date(2026, 11, 25)


@pytest.fixture
def old_and_recent(admin, partner):
    home = factories.certified_flat(admin, partner, since=date(2017, 1, 1))
    old = factories.ready_woman(
        admin,
        given_name="Lisa",
        family_name="Hartley",
        date_of_birth=date(1980, 5, 5),
        notes="Private words",
        ni_number="AB123456C",
        no_recourse_to_public_funds=True,
        assessed_on=date(2017, 6, 1),
    )
    licence = factories.sign_up(
        admin, licences.create_licence(admin, old, home, start_date=date(2018, 1, 1))
    )
    licences.end_licence(
        admin,
        licence,
        end_date=date(2019, 6, 1),
        reason="planned_move_on",
        notes="Moved to her sister's",
    )
    recent = factories.person(admin, given_name="Naomi", family_name="Osei")
    referral = referrals.create_referral(admin, recent, received_on=date(2024, 1, 1), source="self")
    referrals.decide(
        admin, referral, decision="declined", reason="other", decided_on=date(2024, 2, 1)
    )
    return old, recent


def test_report_lists_only_records_closed_more_than_six_years_ago(admin, old_and_recent):
    old, _recent = old_and_recent
    (row,) = retention.report(admin, ON)
    assert (row.person_id, row.last_closed, row.years) == (old.id, date(2019, 6, 1), 6)
    settings.set_retention_years(admin, 2)
    assert {r.person_id for r in retention.report(admin, ON)} == {old.id, _recent.id}


def test_anonymising_keeps_statistics_and_removes_the_person(admin, old_and_recent):
    old, _recent = old_and_recent
    retention.anonymise(admin, old)
    stored = Person.get_by_id(old.id)
    assert (stored.given_name, stored.family_name, stored.notes, stored.ni_number) == (
        "Anonymised",
        f"#{old.id}",
        "",
        "",
    )
    assert stored.date_of_birth == date(1980, 1, 1)
    assert stored.no_recourse_to_public_funds is False  # nothing left of her immigration status
    licence = Licence.get(Licence.person == old.id)
    assert (licence.start_date, licence.end_date, licence.end_reason, licence.move_out_notes) == (
        date(2018, 1, 1),
        date(2019, 6, 1),
        "planned_move_on",
        "",
    )
    assert Assessment.select().where(Assessment.person == old.id).count() == 1
    assert all(s.evidence == "" for s in AssessmentScore.select())
    assert retention.report(admin, ON) == []


def test_records_not_yet_due_are_refused(admin, old_and_recent):
    _old, recent = old_and_recent
    with pytest.raises(ValidationError):
        retention.anonymise(admin, recent)
    assert Person.get_by_id(recent.id).given_name == "Naomi"


def test_only_managers_anonymise(admin, old_and_recent):
    officer = factories.user(admin, "officer")
    with pytest.raises(PermissionDenied):
        retention.report(officer)


def test_anyone_with_something_open_is_never_due(admin, old_and_recent):
    old, _recent = old_and_recent
    referrals.create_referral(admin, old, received_on=date(2026, 1, 1), source="self")
    assert retention.report(admin, ON) == []
    assert Referral.select().where(Referral.person == old.id).count() == 1


def test_the_latest_closing_of_either_kind_counts(admin, partner, old_and_recent):
    """An old referral does not make her due while a licence of hers ended within the period."""
    old, _recent = old_and_recent
    home = factories.certified_flat(admin, partner, reference="NHT-09", since=date(2017, 1, 1))
    later = factories.sign_up(
        admin, licences.create_licence(admin, old, home, start_date=date(2020, 1, 1))
    )
    licences.end_licence(admin, later, end_date=date(2022, 3, 1), reason="planned_move_on")
    assert retention.report(admin, ON) == []
    assert not retention.is_due(old.id, ON)
    assert retention.due(admin, date(2028, 3, 2)) == [(old.id, date(2022, 3, 1))]
