"""Reports for managers: occupancy with a chart per month, voids, stays, outcomes with a chart,
waiting and refusals for a date range; exported as CSV or PDF."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QWidget

from housing_desk import clock
from housing_desk.services import money_reports, reports, tenancy_reports
from housing_desk.services.assessments import add_months
from housing_desk.ui import dates, forms, messages
from housing_desk.ui.operations import Operation
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table

_TABLES = {
    "Occupancy": "occupancyTable",
    "Voids": "voidsTable",
    "Stays and move-on": "staysTable",
    "Outcomes": "outcomesTable",
    "Waiting and refusals": "waitingTable",
    "Keywork": "keyworkTable",
    "Incidents": "incidentsTable",
}


def last_quarter(today: date) -> tuple[date, date]:
    """The last complete calendar quarter: (first day, last day)."""
    first_of_this = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    return add_months(first_of_this, -3), first_of_this - timedelta(days=1)


def whole_number_scale(largest: int) -> tuple[int, int]:
    """(axis maximum, number of ticks) for counts: every tick a whole number, at most 11 of them.

    Qt's nice numbers for a count of 1 put ticks at 0, 0.25, 0.5…, which '%d' prints as 0 0 0 0 1.
    """
    largest = max(int(largest), 1)
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 250, 500, 1000) if largest / s <= 10)
    top = -(-largest // step) * step
    return top, top // step + 1


class ReportsPage(QWidget):
    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = forms.install("reports_page", self)
        ui = self.ui
        self.models: dict[str, RowTableModel] = {}
        self.extra_tables: dict[str, QTableView] = {}
        self.money: list = []
        self.arrears_shown = True
        self.ui.tabs.currentChanged.connect(self._money_tab)
        self.headers: dict[str, tuple[str, ...]] = {}
        self.by_month = []
        self.chart_views = {}  # one per host widget, made the first time it has a chart
        first, last = last_quarter(clock.today())
        dates.set_date(ui.fromEdit, first)
        dates.set_date(ui.toEdit, last)
        ui.quarterButton.clicked.connect(self._quarter)
        ui.showButton.clicked.connect(self.refresh)
        ui.csvButton.clicked.connect(self.export_csv)
        ui.pdfButton.clicked.connect(self.export_pdf)
        self.refresh()

    def _quarter(self) -> None:
        first, last = last_quarter(clock.today())
        dates.set_date(self.ui.fromEdit, first)
        dates.set_date(self.ui.toEdit, last)
        self.refresh()

    def range(self) -> tuple[date, date]:
        return dates.get_date(self.ui.fromEdit), dates.get_date(self.ui.toEdit) + timedelta(days=1)

    def refresh(self) -> None:
        start, end = self.range()
        Operation(
            self, lambda: reports.summary(self.actor, start, end, arrears=False), title="Reports"
        ).success(self._show).run()

    def _show(self, figures) -> None:
        for title, (headers, rows) in reports.tables(figures).items():
            self._fill(title, headers, rows)
        self.money = figures["money"]  # the arrears line follows when the Money tab is opened
        self.arrears_shown = False
        self._money_tab()
        self.by_month = figures["by_month"]
        overall = figures["occupancy"][-1]
        self.ui.summaryLabel.setText(
            f"Occupancy {overall.rate * 100:.1f}% ({overall.occupied_nights} of {overall.nights} "
            f"flat-nights let, {overall.unavailable_nights} out of use, {overall.void_nights} void). "
            f"{reports.void_words(figures).capitalize()}; "
            f"average stay {figures['average_stay']:.0f} nights; {len(figures['stays'])} moved on."
            if overall.nights
            else "No flats were held in these dates. The reports count the nights of every flat "
            "on the Flats page, and the referrals, stays and moves of the women in them."
        )
        self._chart(figures["outcomes"]["reason"])
        start, end = self.range()
        Operation(
            self, lambda: tenancy_reports.tables(self.actor, start, end), title="Reports"
        ).success(self._show_tenancy).run()

    def _money_tab(self, *_args) -> None:
        # Arrears on the range's last day read every account ever in debit: only when asked.
        if self.arrears_shown or self.current_title() != "Money":
            return
        self.arrears_shown = True
        last = self.range()[1] - timedelta(days=1)

        def show(owing) -> None:
            headers, rows = money_reports.tables({"money": self.money, "arrears": owing})["Money"]
            self._fill("Money", headers, rows)

        Operation(self, lambda: money_reports.arrears_on(last), title="Reports").success(show).run()

    def _show_tenancy(self, tables) -> None:
        for title, (headers, rows) in tables.items():
            self._fill(title, headers, rows)

    def _table(self, title: str) -> QTableView:
        # The page's form holds the first tables; a report added since gets a tab of its own.
        if title in _TABLES:
            return getattr(self.ui, _TABLES[title])
        if title not in self.extra_tables:
            table = QTableView()
            table.setAccessibleName(f"{title} report")
            table.setAlternatingRowColors(True)
            self.extra_tables[title] = table
            self.ui.tabs.addTab(table, title)
        return self.extra_tables[title]

    def _fill(self, title: str, headers, rows) -> None:
        table = self._table(title)
        if title not in self.models:
            columns = tuple(
                Column(header, (lambda r, i=i: r[i])) for i, header in enumerate(headers)
            )
            self.models[title] = RowTableModel(columns, self)
            prepare_table(
                table, FilterProxy(self.models[title], self), presorted=True
            )  # in the report's order
        self.headers[title] = headers
        self.models[title].set_rows(rows)
        table.resizeColumnsToContents()

    def _chart(self, outcomes: Counter) -> None:
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QValueAxis

        bars = QBarSet("Occupancy %")
        for _month, rate in self.by_month:
            bars.append(round(rate * 100, 1))
        series = QBarSeries()
        series.append(bars)
        chart = QChart()
        chart.addSeries(series)
        chart.setTitle("Occupancy per month")
        chart.legend().setVisible(False)
        months = QBarCategoryAxis()
        months.append([f"{month:%b %Y}" for month, _rate in self.by_month])
        percent = QValueAxis()
        percent.setRange(0, 100)
        percent.setLabelFormat("%d%%")
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(percent, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(months)
        series.attachAxis(percent)
        self.chart = self._show_chart(self.ui.chartHost, chart)
        self.outcomes_chart = self._show_chart(
            self.ui.outcomesChartHost, self._outcomes_chart(outcomes)
        )

    @staticmethod
    def _outcomes_chart(reasons: Counter):
        """How stays ended, most common at the top (counts of licences, never names)."""
        from PySide6.QtCharts import (
            QBarCategoryAxis,
            QBarSet,
            QChart,
            QHorizontalBarSeries,
            QValueAxis,
        )

        ranked = reasons.most_common()[::-1]  # the axis runs bottom to top
        bars = QBarSet("Stays ended")
        for _reason, count in ranked:
            bars.append(count)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        chart = QChart()
        chart.addSeries(series)
        chart.setTitle(
            "Move-on outcomes: how stays ended" if ranked else "No stays ended in this period"
        )
        chart.legend().setVisible(False)
        why = QBarCategoryAxis()
        why.append([reason for reason, _count in ranked])
        number = QValueAxis()
        top, ticks = whole_number_scale(max([count for _reason, count in ranked], default=1))
        number.setRange(0, top)
        number.setTickCount(ticks)
        number.setLabelFormat("%d")
        chart.addAxis(why, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(number, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(why)
        series.attachAxis(number)
        return chart

    def _show_chart(self, host: QWidget, chart):
        from PySide6.QtCharts import QChartView

        view = self.chart_views.get(host.objectName())
        if view is None:
            view = self.chart_views[host.objectName()] = QChartView()
            view.setMinimumHeight(220)
            forms.place(host, view)
        view.setChart(chart)
        view.setAccessibleName(chart.title() or "Chart")
        return chart

    def current_title(self) -> str:
        index = self.ui.tabs.currentIndex()
        return [*_TABLES, *self.extra_tables][index]

    def export_csv(self) -> None:
        title = self.current_title()
        name = messages.save_file_name(
            self, "Export as CSV", f"{title.lower().replace(' ', '-')}.csv", "CSV files (*.csv)"
        )
        if not name:
            return
        rows = self.models[title].rows()
        with open(name, "w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(self.headers[title])
            writer.writerows(rows)
        reports.record_export(self.actor, title, len(rows))

    def export_pdf(self) -> None:
        start, end = self.range()
        Operation(
            self, lambda: reports.report_pdf(self.actor, start, end), title="Reports"
        ).success(lambda pdf: self._save_pdf(pdf, start)).run()

    def _save_pdf(self, pdf: bytes, start: date) -> None:
        name = messages.save_file_name(
            self, "Export as PDF", f"housing-report-{start:%Y-%m-%d}.pdf", "PDF documents (*.pdf)"
        )
        if name:
            Path(name).write_bytes(pdf)
