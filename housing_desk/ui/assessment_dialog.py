"""A readiness assessment: each domain scored with the words for each score, risks and outcome."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from housing_desk import clock
from housing_desk.services import assessments
from housing_desk.services.errors import ValidationError
from housing_desk.ui import dates
from housing_desk.ui.form_dialog import FormDialog
from housing_desk.ui.score_buttons import ScoreButtons

RISK_CHOICES = (("", "Not assessed"), ("low", "Low"), ("medium", "Medium"), ("high", "High"))


class AssessmentDialog(FormDialog):
    FORM = "assessment_dialog"
    TITLE = "Readiness assessment"

    def __init__(self, actor, person, previous=None, parent: QWidget | None = None):
        """``previous`` is her last AssessmentView, whose scores are shown beside each domain."""
        self.score_buttons: dict[str, ScoreButtons] = {}
        self.descriptions: dict[str, QLabel] = {}
        self.evidence_edits: dict[str, QPlainTextEdit] = {}
        self.risk_combos: dict[str, QComboBox] = {}
        self.risk_notes: dict[str, QLineEdit] = {}
        self.marker_boxes: dict[str, QCheckBox] = {}
        self.previous = previous
        super().__init__(parent)
        self.actor, self.person = actor, person
        ui = self.ui
        ui.introLabel.setText(f"Readiness assessment of {person.display_name}.")
        for key, label in assessments.OUTCOMES.items():
            ui.outcomeCombo.addItem(label, key)
        ui.outcomeCombo.setCurrentIndex(-1)
        dates.set_date(ui.assessedEdit, clock.today())
        dates.set_date(
            ui.reviewEdit, assessments.add_months(clock.today(), assessments.REVIEW_MONTHS)
        )
        ui.assessedEdit.dateChanged.connect(self._default_review)
        self.resize(860, 760)

    def build(self) -> None:
        self._build_domains()
        self._build_risks()

    def field_widgets(self):
        ui = self.ui
        return {
            "assessed_on": ui.assessedEdit,
            "outcome": ui.outcomeCombo,
            "next_review_on": ui.reviewEdit,
            "tool_used": ui.toolEdit,
            "tool_scores": ui.toolScoresEdit,
            "notes": ui.notesEdit,
            "scores": ui.domainsScroll,
            "evidence": ui.domainsScroll,
            "risks": ui.risksGroup,
            "risk_markers": ui.risksGroup,
        }

    def _build_domains(self) -> None:
        grid = QGridLayout(self.ui.domainsHost)
        grid.setColumnStretch(2, 1)
        grid.setColumnMinimumWidth(0, 230)
        grid.setVerticalSpacing(4)
        for row, (key, label) in enumerate(assessments.DOMAINS):
            title = QLabel(f"<b>{label}</b>")
            title.setWordWrap(True)
            scorer = ScoreButtons(label)
            scorer.setObjectName(f"score_{key}")
            previous = self.previous.scores.get(key) if self.previous else None
            description = QLabel(
                "Choose a score." + (f" (previous: {previous})" if previous else "")
            )
            description.setWordWrap(True)
            evidence = QPlainTextEdit()
            evidence.setObjectName(f"evidence_{key}")
            evidence.setAccessibleName(f"Evidence for {label}")
            evidence.setPlaceholderText(
                assessments.DOMAIN_PROMPTS.get(
                    key, "Evidence: what she said, what you saw, who else is involved"
                )
            )
            evidence.setTabChangesFocus(True)
            evidence.setMaximumHeight(52)
            scorer.changed.connect(lambda k=key: self._describe(k))
            grid.addWidget(title, row * 2, 0, 1, 1)
            grid.addWidget(scorer, row * 2, 1)
            grid.addWidget(description, row * 2, 2)
            grid.addWidget(evidence, row * 2 + 1, 0, 1, 3)
            self.score_buttons[key], self.descriptions[key], self.evidence_edits[key] = (
                scorer,
                description,
                evidence,
            )

    def _build_risks(self) -> None:
        grid: QGridLayout = self.ui.risksLayout
        for row, (kind, label) in enumerate(assessments.RISKS.items()):
            combo = QComboBox()
            combo.setObjectName(f"risk_{kind}")
            combo.setAccessibleName(f"Risk {label.lower()}")
            for level, text in RISK_CHOICES:
                combo.addItem(text, level)
            notes = QLineEdit()
            notes.setPlaceholderText("What the risk is and how it is managed")
            notes.setAccessibleName(f"How the risk {label.lower()} is managed")
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(notes, row, 2)
            self.risk_combos[kind], self.risk_notes[kind] = combo, notes
        grid.setColumnStretch(2, 1)
        # Risk markers beyond the four levels: what has been done or has happened.
        markers = QGridLayout()
        for number, (key, label) in enumerate(assessments.RISK_MARKERS.items()):
            box = QCheckBox(label)
            box.setObjectName(f"marker_{key}")
            markers.addWidget(box, number // 2, number % 2)
            self.marker_boxes[key] = box
        grid.addLayout(markers, len(assessments.RISKS), 0, 1, 3)

    def _describe(self, key: str) -> None:
        score = self.score_buttons[key].value()
        previous = self.previous.scores.get(key) if self.previous else None
        text = assessments.SCORE_DESCRIPTIONS[key].get(score, "Choose a score.")
        self.descriptions[key].setText(text + (f" (previous: {previous})" if previous else ""))

    def _default_review(self, *_args) -> None:
        day = dates.get_date(self.ui.assessedEdit)
        dates.set_date(self.ui.reviewEdit, assessments.add_months(day, assessments.REVIEW_MONTHS))

    def set_scores(self, scores: dict[str, int]) -> None:
        for key, score in scores.items():
            self.score_buttons[key].set_value(score)

    def save(self):
        ui = self.ui
        unscored = [
            label for key, label in assessments.DOMAINS if self.score_buttons[key].value() is None
        ]
        if unscored:
            raise ValidationError(f"Score every area: '{unscored[0]}' has no score yet.", "scores")
        return assessments.record_assessment(
            self.actor,
            self.person,
            assessed_on=dates.get_date(ui.assessedEdit),
            scores={k: b.value() for k, b in self.score_buttons.items()},
            evidence={k: e.toPlainText() for k, e in self.evidence_edits.items()},
            risks={
                k: (c.currentData(), self.risk_notes[k].text()) for k, c in self.risk_combos.items()
            },
            outcome=ui.outcomeCombo.currentData(),
            next_review_on=dates.get_date(ui.reviewEdit),
            tool_used=ui.toolEdit.text(),
            tool_scores=ui.toolScoresEdit.text(),
            notes=ui.notesEdit.toPlainText(),
            risk_markers=[key for key, box in self.marker_boxes.items() if box.isChecked()],
        )
