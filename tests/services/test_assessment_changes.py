"""A past assessment read back whole, and each area compared with the assessment before it."""

from datetime import timedelta

import pytest

from housing_desk import clock
from housing_desk.data.models import AssessmentScore
from housing_desk.services import assessment_changes, assessments
from housing_desk.services.assessment_changes import DOWN, DROPPED, NEW, SAME, UP
from housing_desk.services.errors import NotFound, PermissionDenied, ValidationError
from tests import factories

ON = clock.today() - timedelta(days=10)


@pytest.fixture
def woman(admin):
    return factories.person(admin, given_name="Ayşe", family_name="Yılmaz")


def _scored_on_the_old_areas(assessment, score=2, evidence="Sees her GP now and then"):
    """As an assessment from before physical and mental health were assessed apart."""
    AssessmentScore.delete().where(
        (AssessmentScore.assessment == assessment.id)
        & AssessmentScore.domain.in_(("physical_health", "mental_health"))
    ).execute()
    AssessmentScore.create(
        assessment=assessment.id, domain="health", score=score, evidence=evidence
    )


def test_a_past_assessment_reads_back_with_evidence_risks_and_notes(admin, woman):
    recorded = assessments.record_assessment(
        admin,
        woman,
        assessed_on=ON,
        scores=factories.scores(3, safety=2),
        evidence={"safety": "Her ex-partner found her last address."},
        risks={"from_others": ("high", "Ex-partner")},
        risk_markers=["marac_referral"],
        outcome="not_ready",
        notes="Review once the safety plan is in place.",
    )
    factories.assess(admin, woman, on=ON + timedelta(days=5))
    view = assessment_changes.get_assessment(admin, recorded.id)
    assert (view.assessment_id, view.assessed_on, view.outcome) == (recorded.id, ON, "not_ready")
    assert view.assessor == admin.full_name
    assert view.scores["safety"] == 2
    assert view.evidence["safety"] == "Her ex-partner found her last address."
    assert view.risks["from_others"] == ("high", "Ex-partner")
    assert view.risk_markers == ("marac_referral",)
    assert view.notes == "Review once the safety plan is in place."


def test_an_old_assessment_keeps_its_own_areas(admin, woman):
    old = factories.assess(admin, woman, on=ON, value=3)
    _scored_on_the_old_areas(old)
    view = assessment_changes.get_assessment(admin, old.id)
    keys = assessment_changes.area_keys(view)
    assert "health" in keys and "physical_health" not in keys
    assert keys[-1] == "health"  # the retired area after the current ones
    assert assessment_changes.area_label("health") == "Physical and mental health"
    assert assessment_changes.score_words("health", 2).startswith("Registered with a GP")
    assert assessment_changes.area_label("tenancy_skills") == "Tenancy skills"


def test_the_first_assessment_has_none_before_it(admin, woman):
    first = factories.assess(admin, woman, on=ON)
    comparison = assessment_changes.with_previous(admin, first.id)
    assert comparison.earlier is None and comparison.areas == ()
    assert comparison.later.assessment_id == first.id
    assert "first assessment" in comparison.summary


def test_each_area_goes_up_down_or_stays_the_same(admin, woman):
    factories.assess(admin, woman, on=ON - timedelta(days=200), value=1)  # not the previous one
    earlier = factories.assess(admin, woman, on=ON - timedelta(days=90), value=3, safety=4)
    later = factories.assess(admin, woman, on=ON, value=3, safety=2, substance_use=5)
    AssessmentScore.update(evidence="In treatment since May").where(
        (AssessmentScore.assessment == later.id) & (AssessmentScore.domain == "substance_use")
    ).execute()
    comparison = assessment_changes.with_previous(admin, later.id)
    assert comparison.earlier.assessment_id == earlier.id
    by_key = {area.key: area for area in comparison.areas}
    assert [area.key for area in comparison.areas] == [k for k, _label in assessments.DOMAINS]
    safety, substance, daily = by_key["safety"], by_key["substance_use"], by_key["daily_living"]
    assert (safety.before, safety.after, safety.change, safety.arrow) == (4, 2, DOWN, "↓")
    assert safety.words == "Down 2, from 4 to 2"
    assert (substance.change, substance.words) == (UP, "Up 2, from 3 to 5")
    assert substance.after_evidence == "In treatment since May" and substance.before_evidence == ""
    assert (daily.change, daily.words) == (SAME, "The same, 3")
    count = len(assessments.DOMAINS)
    assert comparison.summary == f"Of {count} areas: 1 up, 1 down, {count - 2} the same."


def test_an_area_added_since_is_new_and_a_retired_one_is_no_longer_assessed(admin, woman):
    earlier = factories.assess(admin, woman, on=ON - timedelta(days=90), value=3)
    _scored_on_the_old_areas(earlier, score=2, evidence="Sees her GP now and then")
    later = factories.assess(admin, woman, on=ON, value=4)
    comparison = assessment_changes.with_previous(admin, later.id)
    by_key = {area.key: area for area in comparison.areas}
    retired = by_key["health"]
    assert (retired.before, retired.after, retired.change) == (2, None, DROPPED)
    assert retired.words == "No longer assessed (was 2)"
    assert retired.before_evidence == "Sees her GP now and then"
    for key in ("physical_health", "mental_health"):
        assert (by_key[key].before, by_key[key].after, by_key[key].change) == (None, 4, NEW)
        assert by_key[key].words == "New area, scored 4"
    assert [area.key for area in comparison.areas][-1] == "health"
    assert "2 new" in comparison.summary and "1 no longer assessed" in comparison.summary


def test_the_previous_one_is_by_date_not_by_when_it_was_typed_in(admin, woman):
    later = factories.assess(admin, woman, on=ON, value=4)
    earlier = factories.assess(admin, woman, on=ON - timedelta(days=30), value=2)  # typed later
    assert assessment_changes.with_previous(admin, later.id).earlier.assessment_id == earlier.id
    assert assessment_changes.with_previous(admin, earlier.id).earlier is None


def test_whoever_may_not_see_assessments_cannot_read_one_here(admin, woman):
    recorded = factories.assess(admin, woman, on=ON)
    viewer = factories.user(admin, "viewer")
    with pytest.raises(PermissionDenied):
        assessment_changes.get_assessment(viewer, recorded.id)
    with pytest.raises(PermissionDenied):
        assessment_changes.with_previous(viewer, recorded.id)


def test_an_assessment_that_is_not_there_is_said_so(admin, woman):
    with pytest.raises(NotFound):
        assessment_changes.get_assessment(admin, 987654)
    with pytest.raises(ValidationError) as refused:
        assessment_changes.get_assessment(admin, "12")
    assert refused.value.field == "assessment"
