"""Her scores over time: one line per assessment domain, drawn with QPainter."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from housing_desk.services import assessments
from housing_desk.ui.style import DOMAIN_COLOURS

LEGEND_WIDTH = 250
MARGIN = 28


class ScoreChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._dates: list[date] = []
        self._series: dict[str, list[tuple[date, int]]] = {}
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_history(self, history) -> None:
        """``history``: AssessmentView objects, oldest first."""
        self._dates = [view.assessed_on for view in history]
        # Every area assessed now, then any retired area her older assessments were scored on.
        keys = [key for key, _label in assessments.DOMAINS]
        keys += [
            key
            for key in assessments.DOMAIN_LABELS
            if key not in keys and any(key in view.scores for view in history)
        ]
        self._series = (
            {
                key: [
                    (view.assessed_on, view.scores[key]) for view in history if key in view.scores
                ]
                for key in keys
            }
            if history
            else {}
        )
        self.update()

    def series(self) -> dict[str, list[tuple[date, int]]]:
        """Each domain's (date, score) points, as drawn."""
        return {key: list(points) for key, points in self._series.items()}

    def sizeHint(self) -> QSize:
        return QSize(640, 260)

    def _plot_rect(self) -> QRectF:
        return QRectF(
            MARGIN + 10, 12, max(self.width() - LEGEND_WIDTH - MARGIN - 24, 60), self.height() - 44
        )

    def _point(self, rect: QRectF, index: int, score: int) -> QPointF:
        count = len(self._dates)
        x = rect.left() + (rect.width() * index / (count - 1) if count > 1 else rect.width() / 2)
        y = rect.bottom() - rect.height() * (score - 1) / 4
        return QPointF(x, y)

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        rect = self._plot_rect()
        if not self._dates:
            painter.setPen(QColor("#4a5a6a"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No assessments yet.")
            painter.end()
            return
        painter.setPen(QColor("#d5dbe1"))
        for score in range(1, 6):
            y = rect.bottom() - rect.height() * (score - 1) / 4
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            painter.setPen(QColor("#4a5a6a"))
            painter.drawText(QRectF(0, y - 8, MARGIN, 16), Qt.AlignmentFlag.AlignRight, str(score))
            painter.setPen(QColor("#d5dbe1"))
        painter.setPen(QColor("#4a5a6a"))
        for index, day in enumerate(self._dates):
            point = self._point(rect, index, 1)
            painter.drawText(
                QRectF(point.x() - 40, rect.bottom() + 6, 80, 16),
                Qt.AlignmentFlag.AlignHCenter,
                day.strftime("%d/%m/%Y"),
            )
        index_of = {day: i for i, day in enumerate(self._dates)}
        for colour, (key, points) in zip(DOMAIN_COLOURS, self._series.items(), strict=False):
            pen = QPen(QColor(colour), 2)
            painter.setPen(pen)
            path = QPainterPath()
            for n, (day, score) in enumerate(points):
                # A small offset per domain keeps lines with equal scores visible side by side.
                offset = (list(self._series).index(key) - 4.5) * 1.2
                point = self._point(rect, index_of[day], score) + QPointF(0, offset)
                path.moveTo(point) if n == 0 else path.lineTo(point)
                painter.setBrush(QColor(colour))
                painter.drawEllipse(point, 3, 3)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        self._paint_legend(painter)
        painter.end()

    def _paint_legend(self, painter: QPainter) -> None:
        left = self.width() - LEGEND_WIDTH + 8
        metrics = painter.fontMetrics()
        for row, (colour, key) in enumerate(zip(DOMAIN_COLOURS, self._series, strict=False)):
            label = assessments.DOMAIN_LABELS[key]
            y = 12 + row * (metrics.height() + 3)
            painter.fillRect(QRectF(left, y + 3, 12, metrics.height() - 6), QColor(colour))
            painter.setPen(QColor("#1f3347"))
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, LEGEND_WIDTH - 30)
            painter.drawText(
                QRectF(left + 18, y, LEGEND_WIDTH - 24, metrics.height()),
                Qt.AlignmentFlag.AlignVCenter,
                text,
            )
