"""Her assessment beside the one before it: each area's score then and now, the change in words
and an arrow, and the evidence of both."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from housing_desk.services.assessment_changes import DOWN, UP, Comparison
from housing_desk.ui import dates, forms, window_fit
from housing_desk.ui.assessment_view import TABLE, paragraphs, score_badge, score_style

CHANGE_COLOURS = {UP: "#1d6b35", DOWN: "#a63a00"}


def comparison_html(comparison: Comparison) -> str:
    """A table of every area of either assessment: then, now, and the change."""
    earlier, later = comparison.earlier, comparison.later
    if earlier is None:
        return f"<p>{escape(comparison.summary)}</p>"
    then, now = dates.uk(earlier.assessed_on), dates.uk(later.assessed_on)
    parts = [
        TABLE,
        f'<tr><th width="22%">Area</th><th width="31%">Before: {then}</th>'
        f'<th width="31%">This one: {now}</th><th>Change</th></tr>',
    ]
    for area in comparison.areas:
        colour = CHANGE_COLOURS.get(area.change, "#1f2a36")
        parts.append(
            f"<tr><td><b>{escape(area.label)}</b></td>"
            f"{_side(area.before, area.before_evidence)}{_side(area.after, area.after_evidence)}"
            f'<td style="color:{colour}"><span style="font-size:large"><b>{area.arrow}</b>'
            f"</span> {escape(area.words)}</td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)


def _side(score: int | None, evidence: str) -> str:
    if score is None:
        return '<td><span style="color:#5b6b7b">Not assessed then.</span></td>'
    return (
        '<td><table cellspacing="0" cellpadding="4"><tr>'
        f"<td {score_style(score)}>{score_badge(score)}</td></tr></table>"
        f"{paragraphs(evidence, 'No evidence written.')}</td>"
    )


class AssessmentComparisonDialog(QDialog):
    def __init__(self, comparison: Comparison, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.comparison = comparison
        self.ui = forms.install("assessment_comparison_dialog", self)
        later, earlier = comparison.later, comparison.earlier
        now = dates.uk(later.assessed_on)
        self.setWindowTitle(f"Assessment of {now} compared with the one before")
        if earlier is None:
            self.ui.headingLabel.setText(f"<b>{escape(name)}</b>: assessment of {now}.")
        else:
            days = (later.assessed_on - earlier.assessed_on).days
            gap = "the same day" if days == 0 else f"{days} day{'s' if days != 1 else ''} earlier"
            self.ui.headingLabel.setText(
                f"<b>{escape(name)}</b>: assessment of {now} beside the one before it, "
                f"of {dates.uk(earlier.assessed_on)} ({gap}). "
                f"Outcome: {escape(earlier.outcome_label)} → {escape(later.outcome_label)}."
            )
        self.ui.summaryLabel.setText(comparison.summary)
        self.ui.comparisonText.setHtml(comparison_html(comparison))
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        window_fit.fit(self, 1200, 900)

    @classmethod
    def show_comparison(cls, parent, comparison: Comparison, name: str) -> None:
        cls(comparison, name, parent=parent).exec()
