"""A past assessment, read back: every area's score in words with its evidence, the risks and notes.

Nothing here can be changed, so Esc or Close simply closes it. An old assessment shows the areas
it was scored on, under their own names, even after the list of areas has changed.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from housing_desk.services import assessment_changes, assessments
from housing_desk.services.assessments import AssessmentView
from housing_desk.ui import dates, forms, window_fit
from housing_desk.ui.style import NOT_SCORED_COLOURS, SCORE_COLOURS

TABLE = (
    '<table width="100%" cellspacing="0" cellpadding="6" border="1" style="border-color:#c9d1d9">'
)
LEVELS = {"": "Not assessed", "low": "Low", "medium": "Medium", "high": "High"}


def paragraphs(text: str, empty: str = "") -> str:
    """Typed text as HTML, escaped, its line breaks kept; ``empty`` (in grey) when there is none."""
    if not text.strip():
        return f'<span style="color:#5b6b7b">{escape(empty)}</span>' if empty else ""
    return escape(text.strip()).replace("\n", "<br>")


def score_badge(score: int | None) -> str:
    """The score as a coloured cell's content: the number, large, then 'of 5'."""
    if score is None:
        return "–"
    return f'<span style="font-size:large"><b>{score}</b></span> of 5'


def score_style(score: int | None) -> str:
    background, colour = SCORE_COLOURS.get(score, NOT_SCORED_COLOURS)  # type: ignore[arg-type]
    return f'bgcolor="{background}" style="color:{colour}" align="center"'


def assessment_html(view: AssessmentView) -> str:
    """The whole assessment as a page of HTML for a read-only text view."""
    facts = [
        ("Assessed on", dates.uk(view.assessed_on)),
        ("Assessed by", view.assessor),
        ("Outcome", view.outcome_label),
        ("Next review", dates.uk(view.next_review_on) or "Not set"),
    ]
    if view.tool_used:
        facts.append(("Other tool used", f"{view.tool_used} {view.tool_scores}".strip()))
    parts = ['<table cellpadding="3">']
    parts += [f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in facts]
    parts.append("</table>")
    parts.append("<h3>Each area</h3>")
    parts.append(
        TABLE + "<tr><th>Area</th><th>Score</th><th>What it means, and the evidence</th></tr>"
    )
    for key in assessment_changes.area_keys(view):
        score = view.scores[key]
        meaning = assessment_changes.score_words(key, score)
        evidence = paragraphs(view.evidence.get(key, ""), "No evidence written.")
        parts.append(
            f'<tr><td width="24%"><b>{escape(assessment_changes.area_label(key))}</b></td>'
            f'<td width="10%" {score_style(score)}>{score_badge(score)}</td>'
            f"<td>{escape(meaning)}<br><i>Evidence:</i> {evidence}</td></tr>"
        )
    parts.append("</table>")
    parts.append(risks_html(view))
    parts.append("<h3>Notes</h3>")
    parts.append(f"<p>{paragraphs(view.notes, 'No notes.')}</p>")
    return "".join(parts)


def risks_html(view: AssessmentView) -> str:
    parts = [
        "<h3>Risks</h3>",
        TABLE + "<tr><th>Risk</th><th>Level</th><th>How it is managed</th></tr>",
    ]
    for kind, label in assessments.RISKS.items():
        level, notes = view.risks.get(kind, ("", ""))
        parts.append(
            f"<tr><td>{escape(label)}</td><td><b>{escape(LEVELS.get(level, level))}</b></td>"
            f"<td>{paragraphs(notes)}</td></tr>"
        )
    parts.append("</table>")
    markers = [assessments.RISK_MARKERS.get(key, key) for key in view.risk_markers]
    parts.append("<p><b>Also recorded:</b> ")
    if markers:
        parts.append("</p><ul>" + "".join(f"<li>{escape(m)}</li>" for m in markers) + "</ul>")
    else:
        parts.append('<span style="color:#5b6b7b">nothing else.</span></p>')
    return "".join(parts)


class AssessmentViewDialog(QDialog):
    """One of her assessments. ``name``: her name as her page shows it."""

    def __init__(self, actor, assessment_id: int, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.name = actor, name
        self.ui = forms.install("assessment_view_dialog", self)
        self.comparison = assessment_changes.with_previous(actor, assessment_id)
        self.view = self.comparison.later
        day = dates.uk(self.view.assessed_on)
        self.setWindowTitle(f"Assessment of {day}")
        self.ui.headingLabel.setText(
            f"<b>{escape(name)}</b>: readiness assessment of {day}, "
            f"{escape(self.view.outcome_label.lower())}."
        )
        self.ui.assessmentText.setAccessibleName(f"Her assessment of {day}")
        self.ui.assessmentText.setHtml(assessment_html(self.view))
        first = self.comparison.earlier is None
        self.ui.compareButton.setEnabled(not first)
        self.ui.firstLabel.setText("Her first assessment: none before it." if first else "")
        self.ui.compareButton.clicked.connect(self.compare)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        window_fit.fit(self, 1000, 900)

    def compare(self) -> None:
        from housing_desk.ui.assessment_comparison import AssessmentComparisonDialog

        if self.comparison.earlier is not None:
            AssessmentComparisonDialog.show_comparison(self, self.comparison, self.name)

    @classmethod
    def show_assessment(cls, parent, actor, assessment_id: int, name: str) -> None:
        cls(actor, assessment_id, name, parent=parent).exec()
