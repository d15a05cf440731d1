"""Referrals and the waiting list: who is waiting, in order, and every referral by status."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from housing_desk.services import referral_list, referrals, waiting_list
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
        self.refresh()

    def refresh(self) -> None:
        entries = waiting_list.waiting_list()
        self.waiting.set_rows(entries)
        self.ui.waitingTable.resizeColumnsToContents()
        urgent = sum(1 for e in entries if e.priority == 1)
        self.ui.waitingSummary.setText(
            f"{len(entries)} waiting"
            + (f", {urgent} urgent" if urgent else "")
            + ". Ordered by priority, then by how long each woman has waited."
            if entries
            else "No one is on the waiting list."
        )
        self._reload_all()

    def _fetch(self, offset: int, limit: int, order: str, descending: bool):
        filters = referral_list.ReferralFilter(
            status=self.ui.statusCombo.currentData(), text=self.ui.filterEdit.text()
        )
        return referral_list.referrals_page(
            filters,
            offset=offset,
            limit=limit,
            order=order,
            descending=descending,
            actor=self.actor,
        )

    def _reload_all(self) -> None:
        self.all.reload()
        self.ui.referralsTable.resizeColumnsToContents()

    def open_selected(self) -> None:
        on_waiting = self.ui.tabs.currentWidget() is self.ui.waitingTab
        table = self.ui.waitingTable if on_waiting else self.ui.referralsTable
        indexes = table.selectionModel().selectedRows()
        if indexes:
            self._open(
                self.waiting_proxy.source_row(indexes[0])
                if on_waiting
                else self.all.row_at(indexes[0].row())
            )

    def _open(self, row) -> None:
        if row is not None:
            self.person_activated.emit(row.person_id)
