"""Readiness assessments: a score per domain with its evidence, risks, and an outcome.

The domains and the plain words for each score live in ``resources/assessment_domains.json``
so that officers score consistently and a team can adapt the wording.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from housing_desk import clock, paths
from housing_desk.data.database import write_transaction
from housing_desk.data.models import Assessment, AssessmentScore, Person, User
from housing_desk.data.rows import first, objects, to_date, tuples
from housing_desk.services import audit, permissions, referrals, validation
from housing_desk.services.errors import NotFound, ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any

    from housing_desk.services.validation import DateGiven


def _load_domains() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    with open(paths.resource("assessment_domains.json"), encoding="utf-8") as file:
        data = json.load(file)
    return data, [d for d in data["domains"] if not d.get("retired")]


_DATA, _CURRENT = _load_domains()
# The areas assessed now, in order; retired areas are not scored again but still read back.
DOMAINS = [(d["key"], d["label"]) for d in _CURRENT]
DOMAIN_LABELS = {d["key"]: d["label"] for d in _DATA["domains"]}
SCORE_DESCRIPTIONS = {
    d["key"]: {int(score): text for score, text in d["scores"].items()} for d in _DATA["domains"]
}
# How a support plan goal for each area reads: a need, in plain words.
DOMAIN_NEEDS = {d["key"]: d.get("need", d["label"]) for d in _DATA["domains"]}
# How her printed plan (written to her) names each area.
DOMAIN_PLAN_LABELS = {d["key"]: d.get("plan_label", d["label"]) for d in _DATA["domains"]}
DOMAIN_PROMPTS = {d["key"]: d["prompt"] for d in _CURRENT if d.get("prompt")}
RISK_MARKERS = {m["key"]: m["label"] for m in _DATA.get("risk_markers", ())}
_ASSESSED = {key for key, _label in DOMAINS}


def _not_assessed(key: str) -> str:
    if key in DOMAIN_LABELS:
        return f"'{DOMAIN_LABELS[key]}' is no longer assessed; score the areas that replaced it."
    return f"There is no assessment domain called '{key}'."


OUTCOMES = {
    "ready": "Ready",
    "ready_with_support": "Ready with support",
    "not_ready": "Not ready yet",
}
READY = ("ready", "ready_with_support")
RISKS = {
    "to_self": "Risk to self",
    "to_others": "Risk to others",
    "from_others": "Risk from others",
    "to_tenancy": "Risk to the tenancy",
}
RISK_LEVELS = ("low", "medium", "high")
REVIEW_MONTHS = 3


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def _scores(scores: object) -> dict[str, int]:
    if not isinstance(scores, dict):
        raise ValidationError("Score every domain from 1 to 5.", "scores")
    unknown = sorted(str(key) for key in set(scores) - _ASSESSED)
    if unknown:
        raise ValidationError(_not_assessed(unknown[0]), "scores")
    cleaned = {}
    for key, label in DOMAINS:
        value = scores.get(key)
        if value is None:
            raise ValidationError(f"Score '{label}' from 1 to 5.", "scores")
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise ValidationError(
                f"The score for '{label}' must be a whole number from 1 to 5.", "scores"
            )
        cleaned[key] = value
    return cleaned


def _evidence(evidence: object) -> dict[str, str]:
    evidence = {} if evidence is None else evidence
    if not isinstance(evidence, dict):
        raise ValidationError("Evidence is given per domain.", "evidence")
    unknown = sorted(str(key) for key in set(evidence) - _ASSESSED)
    if unknown:
        raise ValidationError(_not_assessed(unknown[0]), "evidence")
    return {
        key: validation.text(
            text,
            "evidence",
            label=f"The evidence for '{DOMAIN_LABELS[key]}'",
            column=AssessmentScore.evidence,
            strip=False,
        )
        for key, text in evidence.items()
    }


def _risks(risks: object) -> dict[str, tuple[str, str]]:
    """``{kind: level}``, ``{kind: (level, notes)}`` or ``{kind: {"level":…, "notes":…}}``."""
    risks = {} if risks is None else risks
    if not isinstance(risks, dict):
        raise ValidationError("Risks are given as low, medium or high for each kind.", "risks")
    cleaned = {}
    for kind, value in risks.items():
        if not isinstance(kind, str) or kind not in RISKS:
            raise ValidationError(f"There is no kind of risk called '{kind}'.", "risks")
        if isinstance(value, dict):
            level, notes = value.get("level", ""), value.get("notes", "")
        elif isinstance(value, (tuple, list)):
            level, notes = ([*list(value), ""])[:2]
        else:
            level, notes = value, ""
        level = "" if level is None else level
        level = validation.choice(level, "risks", label=RISKS[kind], choices=(*RISK_LEVELS, ""))
        notes = validation.text(
            notes,
            "risks",
            label=f"The notes on {RISKS[kind].lower()}",
            column=getattr(Assessment, f"risk_{kind}_notes"),
            strip=False,
        )
        cleaned[kind] = (level, notes)
    return cleaned


def _markers(markers: object) -> list[str]:
    if isinstance(markers, (str, bytes)) or not hasattr(markers, "__iter__"):
        raise ValidationError("Risk markers are chosen from the list.", "risk_markers")
    chosen = []
    for key in markers:
        if key not in RISK_MARKERS:
            raise ValidationError(f"There is no risk marker called '{key}'.", "risk_markers")
        if key not in chosen:
            chosen.append(key)
    return [key for key in RISK_MARKERS if key in chosen]


def marker_keys(stored: str) -> tuple[str, ...]:
    return tuple(key for key in stored.split(",") if key)


def record_assessment(
    actor: User,
    person: Person | int,
    *,
    assessed_on: DateGiven,
    scores: Mapping[str, int],
    outcome: str,
    evidence: Mapping[str, str] | None = None,
    risks: Mapping[str, object] | None = None,
    notes: str = "",
    next_review_on: DateGiven = None,
    tool_used: str = "",
    tool_scores: str = "",
    risk_markers: Iterable[str] = (),
) -> Assessment:
    """Record a readiness assessment of every domain. A received referral moves to 'assessing'."""
    permissions.require(actor, "assess")
    person_id = validation.record_id(person, Person, "person")
    assessed_on = validation.a_date(assessed_on, "assessed_on", label="Assessment date")
    if assessed_on > clock.today():
        raise ValidationError("The assessment date cannot be in the future.", "assessed_on")
    cleaned_scores = _scores(scores)
    cleaned_evidence = _evidence(evidence)
    cleaned_risks = _risks(risks)
    markers = _markers(risk_markers or ())
    outcome = validation.choice(outcome, "outcome", label="Outcome", choices=tuple(OUTCOMES))
    next_review_on = validation.a_date(
        next_review_on,
        "next_review_on",
        label="Next review",
        default=add_months(assessed_on, REVIEW_MONTHS),
    )
    if next_review_on <= assessed_on:
        raise ValidationError(
            "The next review must be after the assessment date.", "next_review_on"
        )
    tool_used = validation.text(
        tool_used, "tool_used", label="Other tool used", column=Assessment.tool_used
    )
    tool_scores = validation.text(
        tool_scores,
        "tool_scores",
        label="Its scores",
        column=Assessment.tool_scores,
        max_length=2000,
    )
    notes = validation.text(notes, "notes", label="Notes", column=Assessment.notes, strip=False)
    with write_transaction():
        her = Person.get_or_none(Person.id == person_id)
        if her is None:
            raise NotFound("That person's record no longer exists.")
        referral = referrals.current_open(her.id)
        risk_columns = {}
        for kind, (level, risk_notes) in cleaned_risks.items():
            risk_columns[f"risk_{kind}"] = level
            risk_columns[f"risk_{kind}_notes"] = risk_notes
        assessment = Assessment.create(
            person=her.id,
            referral=referral.id if referral else None,
            assessed_on=assessed_on,
            assessor=actor.id,
            outcome=outcome,
            next_review_on=next_review_on,
            notes=notes,
            tool_used=tool_used,
            tool_scores=tool_scores,
            risk_markers=",".join(markers),
            **risk_columns,
        )
        AssessmentScore.insert_many(
            [
                {
                    "assessment": assessment.id,
                    "domain": key,
                    "score": score,
                    "evidence": cleaned_evidence.get(key, ""),
                }
                for key, score in cleaned_scores.items()
            ]
        ).execute()
        if referral is not None:
            referrals.mark_assessing(referral.id)
        audit.record(
            actor,
            "create",
            "assessment",
            assessment.id,
            {
                "person": her.id,
                "assessed_on": assessed_on,
                "outcome": outcome,
                "scores": cleaned_scores,
                "risk_markers": markers,
            },
        )
    return assessment


@dataclass(frozen=True)
class AssessmentView:
    """An assessment with its scores and risks, already loaded."""

    assessment_id: int
    person_id: int
    assessed_on: date
    assessor: str
    outcome: str
    next_review_on: date | None
    scores: dict = field(default_factory=dict)
    evidence: dict = field(default_factory=dict)
    risks: dict = field(default_factory=dict)  # kind -> (level, notes)
    notes: str = ""
    tool_used: str = ""
    tool_scores: str = ""
    risk_markers: tuple[str, ...] = ()

    @property
    def outcome_label(self) -> str:
        return OUTCOMES[self.outcome]


def history(actor: User, person: Person) -> list[AssessmentView]:
    """Her assessments, oldest first, with every score (three queries)."""
    permissions.require(actor, "view_sensitive")
    rows = list(
        objects(
            Assessment.select(Assessment, User.full_name)
            .join(User, on=(Assessment.assessor == User.id))
            .where(Assessment.person == person.id)
            .order_by(Assessment.assessed_on, Assessment.id)
        )
    )
    by_assessment: dict[int, list] = defaultdict(list)
    if rows:
        query = AssessmentScore.select().where(AssessmentScore.assessment.in_([r.id for r in rows]))
        for score in query:
            by_assessment[score.assessment_id].append(score)
    return [
        AssessmentView(
            assessment_id=row.id,
            person_id=row.person_id,
            assessed_on=row.assessed_on,
            assessor=row.full_name,
            outcome=row.outcome,
            next_review_on=row.next_review_on,
            scores={s.domain: s.score for s in by_assessment[row.id]},
            evidence={s.domain: s.evidence for s in by_assessment[row.id]},
            risks={
                kind: (getattr(row, f"risk_{kind}"), getattr(row, f"risk_{kind}_notes"))
                for kind in RISKS
            },
            notes=row.notes,
            tool_used=row.tool_used,
            tool_scores=row.tool_scores,
            risk_markers=marker_keys(row.risk_markers),
        )
        for row in rows
    ]


def latest(actor: User, person: Person, on: date | None = None) -> Assessment | None:
    """Her latest assessment dated on or before ``on`` (any date when None); like her history,
    only for a role that may read assessments."""
    permissions.require(actor, "view_sensitive")
    query = Assessment.select().where(Assessment.person == person.id)
    if on is not None:
        query = query.where(Assessment.assessed_on <= on)
    return first(query.order_by(Assessment.assessed_on.desc(), Assessment.id.desc()))


def latest_outcome(person: Person | int, on: date | None = None) -> tuple[str, date] | None:
    """Her latest assessment's outcome and date (on or before ``on``), for the rules that ask
    whether she is ready; nothing else of the assessment."""
    query = Assessment.select(Assessment.outcome, Assessment.assessed_on).where(
        Assessment.person == (person if isinstance(person, int) else person.id)
    )
    if on is not None:
        query = query.where(Assessment.assessed_on <= on)
    for outcome, assessed_on in tuples(
        query.order_by(Assessment.assessed_on.desc(), Assessment.id.desc()).limit(1)
    ):
        return outcome, to_date(assessed_on)
    return None


def latest_outcomes(person_ids: Iterable[int] | None = None) -> dict[int, tuple[str, date]]:
    """Each person's latest outcome and its date, in one query."""
    query = Assessment.select(
        Assessment.person, Assessment.outcome, Assessment.assessed_on
    ).order_by(Assessment.assessed_on, Assessment.id)
    if person_ids is not None:
        query = query.where(Assessment.person.in_(list(person_ids)))
    return {person_id: (outcome, on) for person_id, outcome, on in tuples(query)}
