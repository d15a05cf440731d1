"""The Qt bindings must not corrupt Python's own objects while the window paints all day."""

import sys

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QLabel


def test_calls_that_return_nothing_keep_none_alive(qtbot):
    # PySide6 6.12.0 released a reference to None on each such call; on Python 3.11, where None
    # is an ordinary object, a few thousand paints then crash the program.
    label = QLabel()
    qtbot.addWidget(label)
    pixmap = QPixmap(40, 40)
    painter = QPainter(pixmap)
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.drawLine(QPointF(0, 0), QPointF(10, 10))
        painter.drawRoundedRect(QRectF(0, 0, 10, 10), 2, 2)
        painter.drawText(QRectF(0, 0, 30, 12), Qt.AlignmentFlag.AlignLeft, "AB")
        label.setText("x")
        label.update()
    painter.end()
    assert sys.getrefcount(None) >= before - 50
