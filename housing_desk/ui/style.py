"""Colours and marks in one place; the application's stylesheet is in ``stylesheet.py``."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

STATE_COLOURS = {
    "available": "#2e7d32",
    "offered": "#1565c0",
    "occupied": "#5e35b1",
    "notice": "#ef6c00",
    "unavailable": "#757575",
    "retired": "#9e9e9e",
}
COMPLIANCE_COLOURS = {"ok": "#2e7d32", "due_soon": "#f9a825", "expired": "#c62828"}
COMPLIANCE_LABELS = {"ok": "OK", "due_soon": "Due soon", "expired": "Expired"}

_icons: dict[tuple[str, int], QIcon] = {}


def dot(colour: str, size: int = 12) -> QIcon:
    """A round coloured mark, cached."""
    key = (colour, size)
    if key not in _icons:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(colour).darker(130))
        painter.setBrush(QBrush(QColor(colour)))
        painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
        painter.end()
        _icons[key] = QIcon(pixmap)
    return _icons[key]


def lock_icon(size: int = 14) -> QIcon:
    """A small padlock: this woman's name is never shared beyond the team."""
    key = ("lock", size)
    if key not in _icons:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor("#8e2424")
        pen = painter.pen()
        pen.setColor(colour)
        pen.setWidthF(max(size / 9, 1.4))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(size * 0.28, size * 0.08, size * 0.44, size * 0.56), 0, 180 * 16)
        painter.drawLine(QPointF(size * 0.28, size * 0.36), QPointF(size * 0.28, size * 0.5))
        painter.drawLine(QPointF(size * 0.72, size * 0.36), QPointF(size * 0.72, size * 0.5))
        painter.setBrush(QBrush(colour))
        painter.drawRoundedRect(QRectF(size * 0.16, size * 0.46, size * 0.68, size * 0.48), 2, 2)
        painter.end()
        _icons[key] = QIcon(pixmap)
    return _icons[key]


# A score of an area, 1 (high need) to 5 (managing independently): background and text colour.
# A diverging scale that reads the same to the colour-blind; the number is always printed too.
SCORE_COLOURS = {
    1: ("#d7191c", "#ffffff"),
    2: ("#fdae61", "#1f2a36"),
    3: ("#ffffbf", "#1f2a36"),
    4: ("#abd9e9", "#1f2a36"),
    5: ("#2c7bb6", "#ffffff"),
}
NOT_SCORED_COLOURS = ("#eef1f4", "#5b6b7b")

BANNER_STYLE = (
    "background: #fdecea; color: #8e2424; border: 1px solid #e6b3b3; border-radius: 4px;"
    " padding: 6px 8px; font-weight: 600;"
)
