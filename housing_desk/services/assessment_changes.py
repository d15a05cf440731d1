"""A past assessment read back, and how it compares with the one before it.

Both read through ``assessments.history``, so whoever may not see her assessments cannot read
one here either. An assessment keeps the areas it was scored on: an area since retired still
reads back under its own name, and an area added since shows as new.
"""

from __future__ import annotations

from dataclasses import dataclass

from housing_desk.data.models import Assessment, Person, User
from housing_desk.services import assessments, permissions, validation
from housing_desk.services.assessments import AssessmentView
from housing_desk.services.errors import NotFound

# How each kind of change reads: an arrow for the eye, words for everyone.
UP, DOWN, SAME, NEW, DROPPED = "up", "down", "same", "new", "dropped"
ARROWS = {UP: "↑", DOWN: "↓", SAME: "→", NEW: "+", DROPPED: "–"}
_ORDER = list(assessments.DOMAIN_LABELS)


def area_label(key: str) -> str:
    """The area's name; an area no longer in the list of areas at all is named by its key."""
    return assessments.DOMAIN_LABELS.get(key) or key.replace("_", " ").capitalize()


def score_words(key: str, score: int | None) -> str:
    """What a score of an area means, in the words officers scored it by."""
    if score is None:
        return ""
    words: str = assessments.SCORE_DESCRIPTIONS.get(key, {}).get(score, "")
    return words


def area_keys(*views: AssessmentView | None) -> list[str]:
    """The areas the assessments were scored on, in the order of the list of areas (retired ones
    after the current ones), then any area the list no longer holds."""
    keys = {key for view in views if view is not None for key in view.scores}
    known = [key for key in _ORDER if key in keys]
    return known + sorted(keys - set(known))


@dataclass(frozen=True)
class AreaChange:
    """One area in two assessments: ``before`` is None for an area new since, ``after`` None for
    one no longer assessed."""

    key: str
    label: str
    before: int | None
    after: int | None
    before_evidence: str
    after_evidence: str

    @property
    def change(self) -> str:
        if self.before is None:
            return NEW
        if self.after is None:
            return DROPPED
        return UP if self.after > self.before else DOWN if self.after < self.before else SAME

    @property
    def arrow(self) -> str:
        return ARROWS[self.change]

    @property
    def words(self) -> str:
        """The change in plain words, e.g. 'Up 2, from 2 to 4'."""
        change = self.change
        if change == NEW:
            return f"New area, scored {self.after}"
        if change == DROPPED:
            return f"No longer assessed (was {self.before})"
        if change == SAME:
            return f"The same, {self.after}"
        steps = abs(self.after - self.before)  # type: ignore[operator]  # both set: not new, not dropped
        return f"{'Up' if change == UP else 'Down'} {steps}, from {self.before} to {self.after}"


@dataclass(frozen=True)
class Comparison:
    """``later`` beside the assessment before it; ``earlier`` is None for her first."""

    later: AssessmentView
    earlier: AssessmentView | None
    areas: tuple[AreaChange, ...]

    def count(self, change: str) -> int:
        return sum(1 for area in self.areas if area.change == change)

    @property
    def summary(self) -> str:
        if self.earlier is None:
            return "This is her first assessment: there is none before it to compare with."
        parts = [
            f"{self.count(change)} {words}"
            for change, words in ((UP, "up"), (DOWN, "down"), (SAME, "the same"))
            if self.count(change)
        ]
        if self.count(NEW):
            parts.append(f"{self.count(NEW)} new")
        if self.count(DROPPED):
            parts.append(f"{self.count(DROPPED)} no longer assessed")
        areas = "area" if len(self.areas) == 1 else "areas"
        return f"Of {len(self.areas)} {areas}: " + ", ".join(parts) + "."


def compare(later: AssessmentView, earlier: AssessmentView | None) -> Comparison:
    """Each area of either assessment, with both scores and both evidence."""
    if earlier is None:
        return Comparison(later, None, ())
    return Comparison(
        later,
        earlier,
        tuple(
            AreaChange(
                key,
                area_label(key),
                earlier.scores.get(key),
                later.scores.get(key),
                earlier.evidence.get(key, ""),
                later.evidence.get(key, ""),
            )
            for key in area_keys(earlier, later)
        ),
    )


def _her_history(actor: User, assessment_id: Assessment | int) -> tuple[list[AssessmentView], int]:
    permissions.require(actor, "view_sensitive")
    assessment_id = validation.record_id(assessment_id, Assessment, "assessment")
    found = (
        Assessment.select(Assessment.person).where(Assessment.id == assessment_id).tuples().first()
    )
    if found is None:
        raise NotFound("That assessment no longer exists.")
    her = assessments.history(actor, Person.get_by_id(found[0]))
    return her, next(i for i, view in enumerate(her) if view.assessment_id == assessment_id)


def get_assessment(actor: User, assessment_id: Assessment | int) -> AssessmentView:
    """One past assessment with its scores, evidence, risks and notes, as ``actor`` may see it."""
    her, index = _her_history(actor, assessment_id)
    return her[index]


def with_previous(actor: User, assessment_id: Assessment | int) -> Comparison:
    """The assessment beside the one of hers before it (by date; None for her first)."""
    her, index = _her_history(actor, assessment_id)
    return compare(her[index], her[index - 1] if index else None)
