"""One woman's page: her profile, the do-not-disclose banner, referrals and assessments."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from housing_desk import clock
from housing_desk.services import (
    assessments,
    people,
    permissions,
    referrals,
    waiting_list,
)
from housing_desk.ui import dates, forms, viewers
from housing_desk.ui.assessment_dialog import AssessmentDialog
from housing_desk.ui.attachments_panel import AttachmentsPanel
from housing_desk.ui.her_home import HerHome
from housing_desk.ui.person_dialog import PersonDialog
from housing_desk.ui.referral_dialogs import DecisionDialog, ReferralDialog
from housing_desk.ui.score_chart import ScoreChart
from housing_desk.ui.style import BANNER_STYLE
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table

REFERRAL_COLUMNS = (
    Column("Received", lambda r: dates.uk(r.received_on), sort_key=lambda r: r.received_on),
    Column("Source", lambda r: referrals.SOURCES[r.source]),
    Column("Referrer", lambda r: ", ".join(p for p in (r.referrer, r.referrer_organisation) if p)),
    Column("Priority", lambda r: referrals.PRIORITIES[r.priority], sort_key=lambda r: r.priority),
    Column("Status", lambda r: referrals.STATUS_LABELS[r.status]),
    Column("Decided", lambda r: dates.uk(r.decided_on), sort_key=lambda r: r.decided_on),
    # for_person has already blanked a viewer's decision notes
    Column(
        "Reason",
        lambda r: (
            referrals.reason_text(r.status, r.decision_reason, r.decision_notes, show_notes=True)
            if r.decision_reason
            else ""
        ),
    ),
)
ASSESSMENT_COLUMNS = (
    Column(
        "Assessed",
        lambda a: dates.uk(a.assessed_on),
        # two on one day: the one recorded later is the later assessment (as her history says)
        sort_key=lambda a: f"{a.assessed_on.isoformat()} {a.assessment_id:012d}",
    ),
    Column("Outcome", lambda a: a.outcome_label),
    Column("Assessor", lambda a: a.assessor),
    Column(
        "Average score",
        lambda a: f"{sum(a.scores.values()) / len(a.scores):.1f}" if a.scores else "",
        sort_key=lambda a: sum(a.scores.values()),
    ),
    Column(
        "Next review", lambda a: dates.uk(a.next_review_on), sort_key=lambda a: a.next_review_on
    ),
)
BANNER = (
    "Do not disclose. Her name and address must never appear on anything shared beyond the team: "
    "not on letters, reports or exports for partners, the council or funders."
)


class PersonPanel(QWidget):
    """Shows one person. ``changed`` is emitted after any save, so lists can refresh."""

    changed = Signal()
    licence_requested = Signal(int)  # her licence's id: open it on the Licences page

    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.person = None
        self.history = []
        self.ui = forms.install("person_panel", self)
        ui = self.ui
        ui.confidentialBanner.setStyleSheet(BANNER_STYLE)
        ui.confidentialBanner.setText(BANNER)
        self.referrals = RowTableModel(REFERRAL_COLUMNS, self)
        prepare_table(ui.referralsTable, FilterProxy(self.referrals, self))
        ui.referralsTable.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.assessment_rows = RowTableModel(ASSESSMENT_COLUMNS, self)
        prepare_table(ui.assessmentsTable, FilterProxy(self.assessment_rows, self))
        ui.assessmentsTable.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the latest first
        ui.assessmentsTable.activated.connect(lambda _index: self.open_assessment())
        ui.assessmentsTable.selectionModel().selectionChanged.connect(self._assessment_chosen)
        ui.openAssessmentButton.clicked.connect(self.open_assessment)
        ui.compareAssessmentButton.clicked.connect(self.compare_assessment)
        self.chart = ScoreChart()
        forms.place(ui.chartHost, self.chart)
        ui.editButton.clicked.connect(self.edit)
        ui.referButton.clicked.connect(self.refer)
        ui.decideButton.clicked.connect(self.decide)
        ui.assessButton.clicked.connect(self.assess)
        ui.exportButton.clicked.connect(self.export)
        self.home = HerHome(self, after=self._after)
        ui.exportButton.setVisible(permissions.allowed(actor, "export"))
        ui.requestButton.clicked.connect(self.record_request)
        ui.requestButton.setVisible(permissions.allowed(actor, "manage_people"))
        self.sensitive = permissions.allowed(actor, "view_sensitive")
        self._tenancy_tabs()
        if not self.sensitive:
            ui.detailTabs.removeTab(ui.detailTabs.indexOf(ui.notesTab))
            ui.detailTabs.removeTab(ui.detailTabs.indexOf(ui.assessmentsTab))
            ui.detailTabs.removeTab(ui.detailTabs.indexOf(ui.scoresTab))
        self.files_panel = AttachmentsPanel(actor)  # her ID, benefit letters and the like
        if self.sensitive:  # a viewer sees none of her files, not even their names
            ui.detailTabs.addTab(self.files_panel, "F&iles")
        ui.editButton.setVisible(permissions.allowed(actor, "manage_people"))
        ui.referButton.setVisible(permissions.allowed(actor, "refer"))
        ui.assessButton.setVisible(permissions.allowed(actor, "assess"))
        ui.decideButton.setVisible(permissions.allowed(actor, "decide_referrals"))
        self.show_person(None)

    def show_person(self, person_id: int | None) -> None:
        ui = self.ui
        self.person = people.get_person(self.actor, person_id) if person_id is not None else None
        person = self.person
        for widget in (
            ui.nameLabel,
            ui.statusSummary,
            ui.detailTabs,
            ui.editButton,
            ui.referButton,
            ui.decideButton,
            ui.assessButton,
            ui.exportButton,
            ui.requestButton,
        ):
            widget.setEnabled(person is not None)
        ui.confidentialBanner.setVisible(bool(person and person.do_not_disclose))
        if person is None:
            ui.nameLabel.setText("Choose someone from the list")
            for value in (
                ui.birthValue,
                ui.niValue,
                ui.phoneValue,
                ui.safeContactValue,
                ui.keyworkerValue,
                ui.accessValue,
                ui.areasValue,
                ui.statusSummary,
            ):
                value.setText("")
            self.referrals.set_rows([])
            self.assessment_rows.set_rows([])
            self._assessment_chosen()
            self.chart.set_history([])
            ui.notesView.setPlainText("")
            self.home.clear()
            self.files_panel.show_for(list)
            self._show_tenancy(None)
            return
        name = person.display_name
        if person.preferred_name and person.preferred_name != person.given_name:
            name += f" ({person.given_name})"
        ui.nameLabel.setText(name + ("  · archived" if person.archived else ""))
        born = person.date_of_birth
        ui.birthValue.setText(
            f"{dates.uk(born)} (age {people.age_on(born, clock.today())})" if born else "Not known"
        )
        ui.niValue.setText(person.ni_number or "Not known")
        ui.phoneValue.setText(person.phone or "None")
        # A viewer's copy has the safe contact blanked: say so, rather than that none is recorded.
        contact = viewers.or_hidden(person.safe_contact, self.sensitive, "Not recorded")
        ui.safeContactValue.setText(
            contact
            + (" · a message may be left" if person.message_ok else " · do not leave a message")
        )
        ui.keyworkerValue.setText(person.keyworker.full_name if person.keyworker_id else "None yet")
        ui.accessValue.setText(
            "Needs step-free access" if person.needs_step_free else "No particular needs"
        )
        ui.fundsValue.setText(
            "No recourse to public funds: she cannot claim Housing Benefit"
            if person.no_recourse_to_public_funds
            else "She can claim Housing Benefit"
        )
        ui.areasValue.setText(person.areas_to_avoid or "None recorded")
        ui.notesView.setPlainText(person.notes if self.sensitive else "")
        her_referrals = referrals.for_person(self.actor, person)
        self.referrals.set_rows(her_referrals)
        ui.referralsTable.resizeColumnsToContents()
        self.history = assessments.history(self.actor, person) if self.sensitive else []
        self.assessment_rows.set_rows(self.history)
        ui.assessmentsTable.resizeColumnsToContents()
        self._assessment_chosen()
        self.chart.set_history(self.history)
        self._summarise(her_referrals)
        self.home.show(self.person, self.open_referral)
        self.files_panel.show_for(lambda: [("Her record", "person", person.id)])
        self._show_tenancy(person)

    def _tenancy_tabs(self) -> None:
        """Keywork, incidents, warnings and her timeline, each a panel of its own."""
        from housing_desk.ui.her_timeline_view import HerTimelineView
        from housing_desk.ui.incidents_panel import IncidentsPanel
        from housing_desk.ui.keywork_panel import KeyworkPanel
        from housing_desk.ui.warnings_panel import WarningsPanel

        tabs = self.ui.detailTabs
        self.keywork = KeyworkPanel(self.actor)
        self.warnings = WarningsPanel(self.actor)
        self.incidents = IncidentsPanel(self.actor) if self.sensitive else None
        self.timeline = HerTimelineView(self.actor) if self.sensitive else None
        if self.timeline is not None:
            tabs.addTab(self.timeline, "&Timeline")
        tabs.addTab(self.keywork, "&Keywork")
        if self.incidents is not None:
            tabs.addTab(self.incidents, "Incide&nts")
        tabs.addTab(self.warnings, "&Warnings")
        for panel in (self.keywork, self.warnings, self.incidents):
            if panel is not None:
                panel.changed.connect(self._tenancy_changed)

    def _show_tenancy(self, person) -> None:
        name = person.display_name if person is not None else ""
        self.keywork.show_for(person=person, name=name)
        self.warnings.show_for(person=person, name=name)
        if self.incidents is not None:
            self.incidents.show_person(person, name)
        if self.timeline is not None:
            self.timeline.show_person(person)

    def _tenancy_changed(self) -> None:
        if self.timeline is not None and self.person is not None:
            self.timeline.show_person(self.person)
        self.changed.emit()

    def _summarise(self, her_referrals) -> None:
        ui = self.ui
        open_one = next((r for r in her_referrals if r.status in referrals.OPEN_STATUSES), None)
        if open_one is None:
            text = "No open referral."
        elif open_one.status == "accepted":
            position = waiting_list.position_of(self.actor, self.person.id)
            text = f"On the waiting list, number {position}." if position else "Accepted."
        else:
            text = f"Referral {referrals.STATUS_LABELS[open_one.status].lower()} since {dates.uk(open_one.received_on)}."
        if self.history:
            latest = self.history[-1]
            text += f" Latest assessment: {latest.outcome_label.lower()} on {dates.uk(latest.assessed_on)}."
        if (
            open_one is not None
            and open_one.status in referrals.UNDECIDED
            and not permissions.allowed(self.actor, "decide_referrals")
        ):
            text += " A manager decides referrals: ask one to accept or decline it."
        elif open_one is not None and open_one.status in referrals.UNDECIDED:
            # The step that comes next, for whoever may take it.
            if not self.history and permissions.allowed(self.actor, "assess"):
                text += " Next: her readiness assessment (Assess)."
            elif self.history and permissions.allowed(self.actor, "decide_referrals"):
                text += " Next: the decision on her referral (Decide)."
        ui.statusSummary.setText(text)
        ui.referButton.setEnabled(open_one is None and not self.person.archived)
        ui.decideButton.setEnabled(open_one is not None and open_one.status in referrals.UNDECIDED)
        self.open_referral = open_one

    # -- actions -------------------------------------------------------------
    def _after(self, saved) -> None:
        if saved is not None:
            self.show_person(self.person.id)
            self.changed.emit()

    def edit(self) -> None:
        if self.person is not None:
            self._after(
                PersonDialog.ask(self, self.actor, people.get_person(self.actor, self.person.id))
            )

    def refer(self) -> None:
        if self.person is not None:
            self._after(ReferralDialog.ask(self, self.actor, self.person))

    def decide(self) -> None:
        if self.person is not None and self.open_referral is not None:
            self._after(DecisionDialog.ask(self, self.actor, self.open_referral, self.person))

    def export(self) -> None:
        """Everything held about her, for a subject access request."""
        from housing_desk.ui.her_records_actions import export_records

        export_records(self)

    def record_request(self) -> None:
        from housing_desk.ui.her_records_actions import record_request

        record_request(self)

    def assess(self) -> None:
        if self.person is not None:
            previous = self.history[-1] if self.history else None
            self._after(AssessmentDialog.ask(self, self.actor, self.person, previous))

    # -- her past assessments -------------------------------------------------
    def chosen_assessment(self):
        """The AssessmentView chosen in her list of assessments, or None."""
        table = self.ui.assessmentsTable
        index = table.currentIndex()
        if not index.isValid() or not table.selectionModel().isRowSelected(index.row()):
            return None
        return self.assessment_rows.row_at(table.model().mapToSource(index).row())

    def _assessment_chosen(self, *_args) -> None:
        chosen = self.chosen_assessment()
        self.ui.openAssessmentButton.setEnabled(chosen is not None)
        first = chosen is not None and chosen.assessment_id == self.history[0].assessment_id
        self.ui.compareAssessmentButton.setEnabled(chosen is not None and not first)

    def open_assessment(self) -> None:
        from housing_desk.ui.assessment_view import AssessmentViewDialog

        chosen = self.chosen_assessment()
        if chosen is not None:
            AssessmentViewDialog.show_assessment(
                self, self.actor, chosen.assessment_id, self.person.display_name
            )

    def compare_assessment(self) -> None:
        from housing_desk.services import assessment_changes
        from housing_desk.ui.assessment_comparison import AssessmentComparisonDialog

        chosen = self.chosen_assessment()
        if chosen is not None:
            comparison = assessment_changes.with_previous(self.actor, chosen.assessment_id)
            AssessmentComparisonDialog.show_comparison(self, comparison, self.person.display_name)
