"""Readiness assessments: every domain scored, risks, outcome and the next review."""

from datetime import date, timedelta

import pytest

from housing_desk import clock, paths
from housing_desk.data.models import Assessment, AssessmentScore
from housing_desk.services import assessments, audit
from housing_desk.services.errors import PermissionDenied, ValidationError
from tests import factories

ON = clock.today() - timedelta(days=10)


@pytest.fixture
def woman(admin):
    return factories.person(admin, given_name="Ayşe", family_name="Yılmaz")


def test_domains_come_from_the_resource_file():
    keys = [key for key, _label in assessments.DOMAINS]
    assert len(keys) == 15 and "health" not in keys
    for area in ("physical_health", "mental_health", "sexual_health", "children_family"):
        assert area in keys
    assert keys[-1] == "own_goals" and "sex work" in assessments.DOMAIN_PROMPTS["own_goals"]
    assert assessments.DOMAINS[0] == ("id_benefits", "ID, benefits and recourse to public funds")
    for key, _label in assessments.DOMAINS:
        assert sorted(assessments.SCORE_DESCRIPTIONS[key]) == [1, 2, 3, 4, 5]
    text = paths.resource("assessment_domains.json").read_text(encoding="utf-8")
    assert "Outcomes Star" not in text and "not taken from any licensed" in text


def test_record_an_assessment_with_evidence_and_risks(admin, woman):
    assessment = assessments.record_assessment(
        admin,
        woman,
        assessed_on=ON,
        scores=factories.scores(3, substance_use=1, safety=2),
        evidence={"substance_use": "Using daily; not yet linked to treatment."},
        risks={
            "to_self": ("high", "Overdose in August."),
            "from_others": {"level": "medium", "notes": "Ex-partner"},
            "to_others": "low",
        },
        outcome="not_ready",
        notes="Review after the treatment referral.",
        tool_used="Outcomes Star",
        tool_scores="Managing tenancy 3",
    )
    stored = Assessment.get_by_id(assessment.id)
    assert (stored.outcome, stored.assessor_id, stored.next_review_on) == (
        "not_ready",
        admin.id,
        assessments.add_months(ON, 3),
    )
    assert (stored.risk_to_self, stored.risk_to_self_notes) == ("high", "Overdose in August.")
    assert (stored.risk_from_others, stored.risk_to_others, stored.risk_to_tenancy) == (
        "medium",
        "low",
        "",
    )
    assert AssessmentScore.select().where(
        AssessmentScore.assessment == assessment.id
    ).count() == len(assessments.DOMAINS)
    (view,) = assessments.history(admin, woman)
    assert view.scores["substance_use"] == 1 and view.scores["income_budgeting"] == 3
    assert view.evidence["substance_use"].startswith("Using daily")
    assert view.risks["to_self"] == ("high", "Overdose in August.")
    assert view.assessor == "Amara Okafor" and view.tool_used == "Outcomes Star"
    assert audit.events("assessment", assessment.id)[0].changes["outcome"] == "not_ready"


@pytest.mark.parametrize(
    "field, overrides",
    [
        ("scores", {"scores": {"id_benefits": 3}}),
        ("scores", {"scores": None}),
        ("scores", {"scores": {**{k: 3 for k, _ in assessments.DOMAINS}, "safety": 6}}),
        ("scores", {"scores": {**{k: 3 for k, _ in assessments.DOMAINS}, "safety": 0}}),
        ("scores", {"scores": {**{k: 3 for k, _ in assessments.DOMAINS}, "safety": "4"}}),
        ("scores", {"scores": {**{k: 3 for k, _ in assessments.DOMAINS}, "housing_history": 3}}),
        ("outcome", {"outcome": "maybe"}),
        ("assessed_on", {"assessed_on": clock.today() + timedelta(days=1)}),
        ("next_review_on", {"next_review_on": ON}),
        ("next_review_on", {"next_review_on": ON - timedelta(days=1)}),
        ("risks", {"risks": {"to_self": "extreme"}}),
        ("risks", {"risks": {"to_pets": "low"}}),
        ("evidence", {"evidence": {"astrology": "x"}}),
    ],
)
def test_each_refusal_names_its_field_and_saves_nothing(admin, woman, field, overrides):
    values = {"assessed_on": ON, "scores": factories.scores(3), "outcome": "ready"}
    values.update(overrides)
    with pytest.raises(ValidationError) as error:
        assessments.record_assessment(admin, woman, **values)
    assert error.value.field == field
    assert Assessment.select().count() == 0 and AssessmentScore.select().count() == 0


def test_latest_assessment_on_a_date(admin, woman):
    first = factories.assess(admin, woman, on=ON - timedelta(days=60), outcome="not_ready")
    second = factories.assess(admin, woman, on=ON, outcome="ready")
    assert assessments.latest(admin, woman).id == second.id
    assert assessments.latest(admin, woman, on=ON - timedelta(days=1)).id == first.id
    assert assessments.latest(admin, woman, on=ON - timedelta(days=61)) is None
    assert assessments.latest_outcomes() == {woman.id: ("ready", ON)}


def test_history_is_oldest_first(admin, woman):
    factories.assess(admin, woman, on=ON, value=4)
    factories.assess(admin, woman, on=ON - timedelta(days=90), value=2)
    assert [v.scores["safety"] for v in assessments.history(admin, woman)] == [2, 4]


def test_viewers_see_no_assessments_and_cannot_assess(admin, woman):
    viewer = factories.user(admin, "viewer")
    with pytest.raises(PermissionDenied):
        assessments.history(viewer, woman)
    with pytest.raises(PermissionDenied):
        factories.assess(viewer, woman)


def test_add_months_keeps_to_the_end_of_short_months():
    assert assessments.add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert assessments.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert assessments.add_months(date(2026, 10, 15), 3) == date(2027, 1, 15)


def test_risk_markers_beyond_the_four_levels_are_kept_and_read_back(admin, woman):
    assessments.record_assessment(
        admin,
        woman,
        assessed_on=ON,
        scores=factories.scores(3),
        outcome="ready_with_support",
        risk_markers=["nrm_referral", "dash_done", "marac_referral", "dash_done"],
    )
    (seen,) = assessments.history(admin, woman)
    assert seen.risk_markers == ("dash_done", "marac_referral", "nrm_referral")
    assert "DASH" in assessments.RISK_MARKERS["dash_done"]
    for key in ("cuckooing", "overdose", "self_harm", "missing_episodes"):
        assert key in assessments.RISK_MARKERS
    with pytest.raises(ValidationError) as caught:
        assessments.record_assessment(
            admin,
            woman,
            assessed_on=ON,
            scores=factories.scores(3),
            outcome="ready",
            risk_markers=["unknown"],
        )
    assert caught.value.field == "risk_markers"


def test_an_area_no_longer_assessed_is_not_scored_again_but_reads_back(admin, woman):
    """'Physical and mental health' became two areas: old assessments keep their one."""
    assert "health" not in dict(assessments.DOMAINS)
    assert assessments.DOMAIN_LABELS["health"] == "Physical and mental health"
    with pytest.raises(ValidationError):
        assessments.record_assessment(
            admin, woman, assessed_on=ON, scores=factories.scores(3, health=2), outcome="ready"
        )
