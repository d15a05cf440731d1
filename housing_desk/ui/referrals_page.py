"""Referrals and the waiting list: who is waiting, in order, and every referral by status."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from housing_desk.services import (
    assessments,
    people,
    permissions,
    referral_list,
    referrals,
    waiting_list,
)
from housing_desk.ui import dates, forms
from housing_desk.ui.style import lock_icon
from housing_desk.ui.table_model import (
    Column,
    FilterProxy,
    PagedTableModel,
    RowTableModel,
    prepare_paged_table,
    prepare_table,
)


def _lock(row):
    return lock_icon() if row.do_not_disclose else None


WAITING_COLUMNS = (
    Column("No.", lambda e: str(e.position), sort_key=lambda e: e.position, align_right=True),
    Column("Name", lambda e: e.name, decoration=_lock),
    Column("Priority", lambda e: e.priority_label, sort_key=lambda e: e.priority),
    Column(
        "Waiting since", lambda e: dates.uk(e.waiting_since), sort_key=lambda e: e.waiting_since
    ),
    Column(
        "Days waiting",
        lambda e: str(e.days_waiting),
        sort_key=lambda e: e.days_waiting,
        align_right=True,
    ),
    Column("Latest assessment", lambda e: e.outcome_label),
    Column(
        "Days since it",
        lambda e: "" if e.days_since_assessment is None else str(e.days_since_assessment),
        sort_key=lambda e: (
            e.days_since_assessment if e.days_since_assessment is not None else 10**6
        ),
        align_right=True,
    ),
    Column(
        "Needs",
        lambda e: ", ".join(
            part
            for part in (
                "step-free" if e.needs_step_free else "",
                f"avoid {e.areas_to_avoid}" if e.areas_to_avoid else "",
            )
            if part
        ),
    ),
)
REFERRAL_COLUMNS = (
    Column("Received", lambda r: dates.uk(r.received_on), order="received"),
    Column("Name", lambda r: r.name, decoration=_lock, order="name"),
    Column("Source", lambda r: r.source_label, order="source"),
    Column("Referrer", lambda r: r.referrer, order="referrer"),
    Column("Status", lambda r: r.status_label, order="status"),
    Column("Decided", lambda r: dates.uk(r.decided_on), order="decided"),
    Column("Reason", lambda r: r.reason),
)


class ReferralsPage(QWidget):
    """``person_activated`` carries a person id when a row is opened."""

    person_activated = Signal(int)

    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = forms.install("referrals_page", self)
        ui = self.ui
        self.waiting = RowTableModel(WAITING_COLUMNS, self)
        self.waiting_proxy = FilterProxy(self.waiting, self)
        prepare_table(ui.waitingTable, self.waiting_proxy, presorted=True)
        self.all = PagedTableModel(REFERRAL_COLUMNS, self._fetch, self, descending=True)
        prepare_paged_table(ui.referralsTable, self.all)
        ui.statusCombo.addItem("Any status", None)
        for status, label in referrals.STATUS_LABELS.items():
            ui.statusCombo.addItem(label, status)
        ui.statusCombo.currentIndexChanged.connect(lambda _i: self.refresh())
        ui.filterEdit.setClearButtonEnabled(True)
        ui.filterEdit.textChanged.connect(self.waiting_proxy.setFilterFixedString)
        ui.filterEdit.textChanged.connect(lambda _text: self._reload_all())
        ui.waitingTable.doubleClicked.connect(
            lambda index: self._open(self.waiting_proxy.source_row(index))
        )
        ui.referralsTable.doubleClicked.connect(
            lambda index: self._open(self.all.row_at(index.row()))
        )
        ui.openButton.clicked.connect(self.open_selected)
        ui.newReferralButton.clicked.connect(self.new_referral)
        ui.assessButton.clicked.connect(self.assess)
        ui.decideButton.clicked.connect(self.decide)
        ui.findFlatButton.clicked.connect(self.find_flat)
        for table in (ui.waitingTable, ui.referralsTable):
            table.selectionModel().selectionChanged.connect(lambda *_: self._buttons())
        ui.tabs.currentChanged.connect(lambda _i: self._buttons())
        self.can = {
            key: permissions.allowed(actor, key)
            for key in ("refer", "assess", "decide_referrals", "allocate")
        }
        ui.newReferralButton.setVisible(self.can["refer"])
        ui.assessButton.setVisible(self.can["assess"])
        ui.decideButton.setVisible(self.can["decide_referrals"])
        ui.findFlatButton.setVisible(self.can["allocate"])
        # An officer records and assesses; the decision is a manager's.
        ui.hintLabel.setVisible(self.can["assess"] and not self.can["decide_referrals"])
        self.refresh()

    def refresh(self) -> None:
        entries = waiting_list.waiting_list(self.actor)
        self.waiting.set_rows(entries)
        self.ui.waitingTable.resizeColumnsToContents()
        urgent = sum(1 for e in entries if e.priority == 1)
        self.ui.waitingSummary.setText(
            f"{len(entries)} waiting"
            + (f", {urgent} urgent" if urgent else "")
            + ". Ordered by priority, then by how long each woman has waited."
            if entries
            else "No one is on the waiting list yet. A woman joins it when a manager accepts her "
            "referral; record one with New referral."
        )
        self._reload_all()
        self._buttons()

    def _fetch(self, offset: int, limit: int, order: str, descending: bool):
        filters = referral_list.ReferralFilter(
            status=self.ui.statusCombo.currentData(), text=self.ui.filterEdit.text()
        )
        return referral_list.referrals_page(
            self.actor,
            filters,
            offset=offset,
            limit=limit,
            order=order,
            descending=descending,
        )

    def _reload_all(self) -> None:
        self.all.reload()
        self.ui.referralsTable.resizeColumnsToContents()

    def selected(self):
        """The selected row of the tab shown (a waiting-list entry or a referral), or None."""
        on_waiting = self.ui.tabs.currentWidget() is self.ui.waitingTab
        table = self.ui.waitingTable if on_waiting else self.ui.referralsTable
        indexes = table.selectionModel().selectedRows()
        if not indexes:
            return None
        if on_waiting:
            return self.waiting_proxy.source_row(indexes[0])
        return self.all.row_at(indexes[0].row())

    def _status(self) -> str | None:
        row = self.selected()
        if row is None:
            return None
        return getattr(row, "status", "accepted")  # everyone on the waiting list is accepted

    def _buttons(self) -> None:
        status = self._status()
        ui = self.ui
        ui.openButton.setEnabled(status is not None)
        ui.assessButton.setEnabled(status in referrals.OPEN_STATUSES)
        ui.decideButton.setEnabled(status in referrals.UNDECIDED)
        ui.findFlatButton.setEnabled(status == "accepted")

    def open_selected(self) -> None:
        self._open(self.selected())

    def _person(self):
        row = self.selected()
        return people.get_person(self.actor, row.person_id) if row is not None else None

    def _after(self, saved) -> None:
        if saved is not None:
            self.refresh()

    def new_referral(self) -> None:
        from housing_desk.ui.next_steps import new_woman_referred

        self._after(new_woman_referred(self, self.actor))

    def assess(self) -> None:
        from housing_desk.ui.assessment_dialog import AssessmentDialog

        person = self._person()
        if person is not None:
            history = assessments.history(self.actor, person)
            previous = history[-1] if history else None
            self._after(AssessmentDialog.ask(self, self.actor, person, previous))

    def decide(self) -> None:
        from housing_desk.ui.referral_dialogs import DecisionDialog

        person = self._person()
        referral = referrals.open_referral(self.actor, person) if person is not None else None
        if referral is not None and referral.status in referrals.UNDECIDED:
            self._after(DecisionDialog.ask(self, self.actor, referral, person))

    def find_flat(self) -> None:
        from housing_desk.ui.flat_choice_dialog import FlatChoiceDialog

        person = self._person()
        if person is not None:
            self._after(FlatChoiceDialog.ask(self, self.actor, person))

    def _open(self, row) -> None:
        if row is not None:
            self.person_activated.emit(row.person_id)
