"""A timeline of each flat's dated intervals across a window of months, with a line for today.

It draws generic rows of intervals, so any kind of interval (out of use now,
offers and licences later) appears once the board hands it over.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from housing_desk import clock
from housing_desk.ui import dates
from housing_desk.ui.style import STATE_COLOURS

ROW_HEIGHT = 24
HEADER_HEIGHT = 26
LABEL_WIDTH = 90
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True)
class Bar:
    start: date
    end: date | None
    kind: str
    text: str = ""


@dataclass(frozen=True)
class Row:
    key: int
    label: str
    bars: tuple[Bar, ...]


def month_window(today: date, before: int = 3, after: int = 6) -> tuple[date, date]:
    """First day of the month ``before`` months ago, to the first day ``after`` months ahead."""

    def shift(day: date, months: int) -> date:
        index = day.year * 12 + day.month - 1 + months
        return date(index // 12, index % 12 + 1, 1)

    first = today.replace(day=1)
    return shift(first, -before), shift(first, after + 1)


class TimelineWidget(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Row] = []
        self.start, self.end = month_window(clock.today())
        self.today = clock.today()
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[Row], start: date, end: date, today: date) -> None:
        self.rows, self.start, self.end, self.today = list(rows), start, end, today
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(720, HEADER_HEIGHT + ROW_HEIGHT * max(len(self.rows), 1) + 6)

    # -- geometry ------------------------------------------------------------
    def _x(self, day: date) -> float:
        span = (self.end - self.start).days or 1
        width = self.width() - LABEL_WIDTH - 8
        clamped = min(max(day, self.start), self.end)
        return LABEL_WIDTH + width * (clamped - self.start).days / span

    def _bar_rect(self, row_index: int, bar: Bar) -> QRectF:
        left = self._x(bar.start)
        right = self._x(bar.end if bar.end is not None else self.end)
        top = HEADER_HEIGHT + row_index * ROW_HEIGHT + 4
        return QRectF(left, top, max(right - left, 2.0), ROW_HEIGHT - 8)

    def bar_at(self, x: float, y: float) -> tuple[Row, Bar] | None:
        index = int((y - HEADER_HEIGHT) // ROW_HEIGHT)
        if y < HEADER_HEIGHT or not 0 <= index < len(self.rows):
            return None
        for bar in self.rows[index].bars:
            if self._bar_rect(index, bar).contains(QPointF(x, y)):
                return self.rows[index], bar
        return None

    # -- painting ------------------------------------------------------------
    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        self._paint_months(painter)
        self._paint_rows(painter, event.rect().top(), event.rect().bottom())
        self._paint_today(painter)
        painter.end()

    def _paint_months(self, painter: QPainter) -> None:
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1, 7))
        painter.setFont(small)
        month = self.start
        bottom = HEADER_HEIGHT + ROW_HEIGHT * len(self.rows)
        while month < self.end:
            following = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
            left, right = self._x(month), self._x(following)
            if month.month % 2 == 0:
                painter.fillRect(QRectF(left, 0, right - left, bottom), QColor("#f6f8fa"))
            painter.setPen(QColor("#d5dbe1"))
            painter.drawLine(QPointF(left, 0), QPointF(left, bottom))
            painter.setPen(QColor("#4a5a6a"))
            label = _MONTHS[month.month - 1] + (f" {month.year}" if month.month == 1 else "")
            painter.drawText(
                QRectF(left + 4, 0, right - left - 4, HEADER_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                label,
            )
            month = following

    def _paint_rows(self, painter: QPainter, visible_top: int, visible_bottom: int) -> None:
        painter.setFont(self.font())
        # Only the rows in the part being painted: the timeline may hold hundreds of flats.
        first = max(0, (visible_top - HEADER_HEIGHT) // ROW_HEIGHT)
        last = min(len(self.rows), (visible_bottom - HEADER_HEIGHT) // ROW_HEIGHT + 1)
        for index in range(first, last):
            row = self.rows[index]
            top = HEADER_HEIGHT + index * ROW_HEIGHT
            painter.setPen(QColor("#eceff2"))
            painter.drawLine(QPointF(0, top + ROW_HEIGHT), QPointF(self.width(), top + ROW_HEIGHT))
            painter.setPen(QColor("#1f3347"))
            painter.drawText(
                QRectF(6, top, LABEL_WIDTH - 10, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                row.label,
            )
            for bar in row.bars:
                rect = self._bar_rect(index, bar)
                colour = QColor(STATE_COLOURS.get(bar.kind, "#607d8b"))
                painter.setPen(QPen(colour.darker(120), 1))
                painter.setBrush(colour.lighter(135) if bar.end is None else colour)
                painter.drawRoundedRect(rect, 4, 4)
                text_rect = rect.adjusted(5, 0, -3, 0)
                text = painter.fontMetrics().elidedText(
                    bar.text, Qt.TextElideMode.ElideRight, int(text_rect.width())
                )
                if bar.text and (text == bar.text or len(text) > 3):
                    painter.setPen(QColor("white"))
                    painter.drawText(
                        text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text
                    )

    def _paint_today(self, painter: QPainter) -> None:
        if not self.start <= self.today < self.end:
            return
        x = self._x(self.today)
        painter.setPen(QPen(QColor("#c62828"), 2))
        painter.drawLine(QPointF(x, 2), QPointF(x, HEADER_HEIGHT + ROW_HEIGHT * len(self.rows)))

    def event(self, event):
        if event.type() == event.Type.ToolTip:
            hit = self.bar_at(event.pos().x(), event.pos().y())
            if hit:
                QToolTip.showText(event.globalPos(), self.describe(*hit), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    @staticmethod
    def describe(row: Row, bar: Bar) -> str:
        until = f"until {dates.uk(bar.end)}" if bar.end else "with no end date yet"
        text = f"{row.label}: {bar.text or bar.kind} from {dates.uk(bar.start)} {until}"
        return text
