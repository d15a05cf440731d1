"""Referrals and the waiting list: who is waiting, in order, and every referral by status."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from housing_desk.services import referrals, waiting_list
from housing_desk.ui import dates, forms
from housing_desk.ui.style import lock_icon
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table


def _lock(row):
    return lock_icon() if row.do_not_disclose else None


WAITING_COLUMNS = (
    Column("No.", lambda e: str(e.position), sort_key=lambda e: e.position, align_right=True),
    Column("Name", lambda e: e.name, decoration=_lock),
    Column("Priority", lambda e: e.priority_label, sort_key=lambda e: e.priority),
    Column("Waiting since", lambda e: dates.uk(e.waiting_since), sort_key=lambda e: e.waiting_since),
    Column("Days waiting", lambda e: str(e.days_waiting), sort_key=lambda e: e.days_waiting, align_right=True),
    Column("Latest assessment", lambda e: e.outcome_label),
    Column("Days since it", lambda e: "" if e.days_since_assessment is None else str(e.days_since_assessment),
           sort_key=lambda e: e.days_since_assessment if e.days_since_assessment is not None else 10**6,
           align_right=True),
    Column("Needs", lambda e: ", ".join(
        part for part in ("step-free" if e.needs_step_free else "",
                          f"avoid {e.areas_to_avoid}" if e.areas_to_avoid else "") if part)),
)
REFERRAL_COLUMNS = (
    Column("Received", lambda r: dates.uk(r.received_on), sort_key=lambda r: r.received_on),
    Column("Name", lambda r: r.name, decoration=_lock),
    Column("Source", lambda r: r.source_label),
    Column("Referrer", lambda r: r.referrer),
    Column("Status", lambda r: r.status_label),
    Column("Decided", lambda r: dates.uk(r.decided_on), sort_key=lambda r: r.decided_on),
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
        self.all = RowTableModel(REFERRAL_COLUMNS, self)
        self.all_proxy = FilterProxy(self.all, self)
        prepare_table(ui.referralsTable, self.all_proxy, presorted=True)
        ui.statusCombo.addItem("Any status", None)
        for status, label in referrals.STATUS_LABELS.items():
            ui.statusCombo.addItem(label, status)
        ui.statusCombo.currentIndexChanged.connect(lambda _i: self.refresh())
        ui.filterEdit.setClearButtonEnabled(True)
        ui.filterEdit.textChanged.connect(self.waiting_proxy.setFilterFixedString)
        ui.filterEdit.textChanged.connect(self.all_proxy.setFilterFixedString)
        ui.waitingTable.doubleClicked.connect(lambda index: self._open(self.waiting_proxy.source_row(index)))
        ui.referralsTable.doubleClicked.connect(lambda index: self._open(self.all_proxy.source_row(index)))
        ui.openButton.clicked.connect(self.open_selected)
        self.refresh()

    def refresh(self) -> None:
        entries = waiting_list.waiting_list()
        self.waiting.set_rows(entries)
        self.ui.waitingTable.resizeColumnsToContents()
        urgent = sum(1 for e in entries if e.priority == 1)
        self.ui.waitingSummary.setText(
            f"{len(entries)} waiting" + (f", {urgent} urgent" if urgent else "") +
            ". Ordered by priority, then by how long each woman has waited."
            if entries else "No one is on the waiting list."
        )
        self.all.set_rows(referrals.list_referrals(self.ui.statusCombo.currentData()))
        self.ui.referralsTable.resizeColumnsToContents()

    def open_selected(self) -> None:
        on_waiting = self.ui.tabs.currentWidget() is self.ui.waitingTab
        table, proxy = ((self.ui.waitingTable, self.waiting_proxy) if on_waiting
                        else (self.ui.referralsTable, self.all_proxy))
        indexes = table.selectionModel().selectedRows()
        if indexes:
            self._open(proxy.source_row(indexes[0]))

    def _open(self, row) -> None:
        if row is not None:
            self.person_activated.emit(row.person_id)
