"""Incidents in her record: the list, recording one, and a manager's review."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from housing_desk import clock
from housing_desk.services import incidents, licences, permissions
from housing_desk.ui import dates, forms
from housing_desk.ui.form_dialog import FormDialog
from housing_desk.ui.style import COMPLIANCE_COLOURS
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table

INCIDENT_COLUMNS = (
    Column("Happened", lambda i: dates.uk(i.occurred_on), sort_key=lambda i: i.occurred_on),
    Column("Kind", lambda i: i.kind_label),
    Column(
        "Severity",
        lambda i: i.severity_label,
        sort_key=lambda i: list(incidents.SEVERITIES).index(i.severity),
        foreground=lambda i: (
            QColor(COMPLIANCE_COLOURS["expired"]) if i.severity == "high" else None
        ),
    ),
    Column("Flat", lambda i: i.flat_reference),
    Column(
        "Safeguarding", lambda i: i.referred_to_label or ("Yes" if i.safeguarding_referral else "")
    ),
    Column("Police ref.", lambda i: i.police_reference),
    Column(
        "Reviewed",
        lambda i: f"{dates.uk(i.reviewed_on)} by {i.reviewed_by}" if i.reviewed_on else "Not yet",
        sort_key=lambda i: i.reviewed_on or date.min,
    ),
    Column(
        "What happened",
        lambda i: i.description.splitlines()[0] if i.description else "",
        tooltip=lambda i: i.description + (f"\n\nFollow-up: {i.follow_up}" if i.follow_up else ""),
    ),
)


class IncidentDialog(FormDialog):
    FORM = "incident_dialog"
    TITLE = "Incident"

    def __init__(self, actor, person, name: str, parent: QWidget | None = None):
        self.referred: dict[str, QCheckBox] = {}
        super().__init__(parent)
        self.actor, self.person = actor, person
        ui = self.ui
        ui.introLabel.setText(f"An incident or safeguarding concern about {name}.")
        for key, label in incidents.KINDS.items():
            ui.kindCombo.addItem(label, key)
        for key, label in incidents.SEVERITIES.items():
            ui.severityCombo.addItem(label, key)
        ui.severityCombo.setCurrentIndex(1)
        ui.flatCombo.addItem("Not at a flat of ours", None)
        current = licences.current_licence(self.actor, person)
        if current is not None:
            ui.flatCombo.addItem(f"At her flat, {current.flat.reference}", current.flat_id)
            ui.flatCombo.setCurrentIndex(1)
        dates.set_date(ui.occurredEdit, clock.today())
        ui.safeguardingCheck.toggled.connect(self._referred)
        self._referred(False)
        self.resize(600, self.sizeHint().height())

    def build(self) -> None:
        grid = QGridLayout(self.ui.referredHost)
        grid.setContentsMargins(0, 0, 0, 0)
        for number, (key, label) in enumerate(incidents.REFERRED_TO.items()):
            box = QCheckBox(label)
            grid.addWidget(box, number // 2, number % 2)
            self.referred[key] = box

    def _referred(self, made: bool) -> None:
        for box in self.referred.values():
            box.setEnabled(made)
            if not made:
                box.setChecked(False)

    def field_widgets(self):
        ui = self.ui
        return {
            "occurred_on": ui.occurredEdit,
            "kind": ui.kindCombo,
            "severity": ui.severityCombo,
            "description": ui.descriptionEdit,
            "flat": ui.flatCombo,
            "police_reference": ui.policeEdit,
            "safeguarding_referral": ui.safeguardingCheck,
            "referred_to": ui.referredHost,
            "follow_up": ui.followUpEdit,
        }

    def save(self):
        ui = self.ui
        return incidents.record_incident(
            self.actor,
            person=self.person,
            occurred_on=dates.get_date(ui.occurredEdit),
            kind=ui.kindCombo.currentData(),
            severity=ui.severityCombo.currentData(),
            description=ui.descriptionEdit.toPlainText(),
            flat=ui.flatCombo.currentData(),
            police_reference=ui.policeEdit.text(),
            safeguarding_referral=ui.safeguardingCheck.isChecked(),
            referred_to=[key for key, box in self.referred.items() if box.isChecked()],
            follow_up=ui.followUpEdit.toPlainText(),
        )


class IncidentReviewDialog(FormDialog):
    FORM = "incident_review_dialog"
    TITLE = "Review an incident"

    def __init__(self, actor, incident, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.incident = actor, incident
        self.ui.introLabel.setText(
            f"{incident.kind_label} on {dates.uk(incident.occurred_on)} "
            f"({incident.severity_label.lower()}). Once reviewed it leaves the board."
        )
        dates.set_date(self.ui.reviewedEdit, clock.today())

    def field_widgets(self):
        return {"reviewed_on": self.ui.reviewedEdit, "notes": self.ui.notesEdit}

    def save(self):
        return incidents.review_incident(
            self.actor,
            self.incident.incident_id,
            reviewed_on=dates.get_date(self.ui.reviewedEdit),
            notes=self.ui.notesEdit.toPlainText(),
        )


class IncidentsPanel(QWidget):
    changed = Signal()

    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor, self.person, self.name = actor, None, ""
        self.ui = forms.install("incidents_panel", self)
        ui = self.ui
        self.model = RowTableModel(INCIDENT_COLUMNS, self)
        self.proxy = FilterProxy(self.model, self)
        prepare_table(ui.incidentsTable, self.proxy)
        ui.incidentsTable.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        ui.incidentsTable.setAccessibleName("Incidents")
        ui.incidentsTable.selectionModel().selectionChanged.connect(lambda *_: self._buttons())
        ui.recordButton.clicked.connect(self.record)
        ui.reviewButton.clicked.connect(self.review)
        ui.recordButton.setVisible(permissions.allowed(actor, "record_incidents"))
        ui.reviewButton.setVisible(permissions.allowed(actor, "review_incidents"))
        ui.hintLabel.setText(
            "A high-severity incident shows on the board until a manager reviews it."
        )
        self.show_person(None)

    def show_person(self, person, name: str = "") -> None:
        self.person, self.name = person, name
        rows = incidents.incidents(self.actor, person=person) if person is not None else []
        self.model.set_rows(rows)
        self.ui.incidentsTable.resizeColumnsToContents()
        self.ui.recordButton.setEnabled(person is not None)
        self._buttons()

    def selected(self):
        indexes = self.ui.incidentsTable.selectionModel().selectedRows()
        return self.proxy.source_row(indexes[0]) if indexes else None

    def _buttons(self) -> None:
        chosen = self.selected()
        self.ui.reviewButton.setEnabled(chosen is not None and chosen.reviewed_on is None)

    def _after(self, saved) -> None:
        if saved is not None:
            self.show_person(self.person, self.name)
            self.changed.emit()

    def record(self) -> None:
        if self.person is not None:
            self._after(IncidentDialog.ask(self, self.actor, self.person, self.name or "her"))

    def review(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._after(IncidentReviewDialog.ask(self, self.actor, chosen))
