"""Windows sized from the screen they open on, so their buttons are never below a laptop's taskbar."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLayout,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

# Room for the title bar and frame the window manager adds around a window.
FRAME_ALLOWANCE = QSize(16, 40)
_BELOW = ("errorLabel", "buttonBox")


def available(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen (or the primary screen) that the taskbar leaves free."""
    screen = None
    if widget is not None:
        anchor = widget.parentWidget() or widget
        screen = anchor.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def largest(widget: QWidget | None = None) -> QSize:
    """The biggest client area a window can have on that screen, frame included."""
    area = available(widget).size()
    return QSize(
        max(area.width() - FRAME_ALLOWANCE.width(), 200),
        max(area.height() - FRAME_ALLOWANCE.height(), 200),
    )


def fit(window: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` × ``height``, or less when the screen is smaller."""
    room = largest(window)
    window.resize(min(width, room.width()), min(height, room.height()))


def fit_to_content(window: QWidget, width: int = 0) -> None:
    """As tall as its content asks (at least ``width`` wide), within the screen."""
    hint = window.sizeHint()
    scroller = window.findChild(QScrollArea, "bodyScroll")
    if scroller is not None:  # a scroll area asks for little; the window wants all its content
        content, shown = scroller.widget().sizeHint(), scroller.sizeHint()
        bar = scroller.verticalScrollBar().sizeHint().width()
        hint = QSize(
            hint.width() + max(0, content.width() + bar - shown.width()),
            hint.height() + max(0, content.height() - shown.height()),
        )
    fit(window, max(width, hint.width()), hint.height())


def scroll_body(dialog: QWidget, form: QWidget, below: tuple[str, ...] = _BELOW) -> QScrollArea:
    """Put a dialog's ``form`` in a scroll area and keep the widgets named in ``below`` (the error
    line and the buttons, with the row that holds them) under it, on screen however small the
    screen or long the form."""
    layout = dialog.layout() or QVBoxLayout(dialog)
    layout.removeWidget(form)
    scroller = QScrollArea()
    scroller.setObjectName("bodyScroll")
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; it scrolls to them
    scroller.setWidget(form)
    layout.addWidget(scroller, 1)
    top = form.layout()
    for name in below:
        widget = form.findChild(QWidget, name)
        index = _top_index(top, widget) if widget is not None and top is not None else -1
        if index < 0:
            continue
        item = top.itemAt(index)
        if item.widget() is not None:
            top.removeWidget(widget)
            layout.addWidget(widget)
        else:  # a row of buttons: the same row, rebuilt under the scroll area
            layout.addLayout(_moved_row(item.layout()))
    return scroller


def _moved_row(row: QLayout) -> QHBoxLayout:
    moved = QHBoxLayout()
    for index in range(row.count()):
        item = row.itemAt(index)
        if item.widget() is not None:
            moved.addWidget(item.widget())
        elif item.spacerItem() is not None:
            moved.addStretch(1)
    return moved


def _top_index(top: QLayout, widget: QWidget) -> int:
    """Where in ``top`` the widget sits, itself or inside a row layout."""
    for index in range(top.count()):
        item = top.itemAt(index)
        if item.widget() is widget or (item.layout() is not None and _holds(item.layout(), widget)):
            return index
    return -1


def _holds(layout: QLayout, widget: QWidget) -> bool:
    return any(
        layout.itemAt(i).widget() is widget
        or (layout.itemAt(i).layout() is not None and _holds(layout.itemAt(i).layout(), widget))
        for i in range(layout.count())
    )


def scrolling(page: QWidget | None = None, *, stack: QStackedWidget | None = None) -> QScrollArea:
    """``page`` in a frameless scroll area: it fills the window, and scrolls only when the window
    is smaller than the page can shrink to. With ``stack``, the scroll area joins it empty and the
    page is moved in last: under the stylesheet each move restyles everything a widget holds, so
    the page is moved once rather than three times. Without ``page``, the frame waits for one
    (``scroller.widget().hold(page)``), to build a page in its place."""
    scroller = QScrollArea()
    scroller.setObjectName("pageScroll")
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if stack is not None:
        stack.addWidget(scroller)
    frame = PageFrame()
    scroller.setWidget(frame)
    if page is not None:
        frame.hold(page)
    return scroller


class PageFrame(QWidget):
    """Holds a page at the size of the scroll area, down to the page's minimum.

    A page with word-wrapped text reports a height for its width, and a scroll area takes that
    (the height the page would like) as the least it may have: pages then scrolled on screens
    they fit. The frame offers only the page's minimum.
    """

    def __init__(self, page: QWidget | None = None):
        super().__init__()
        self.page: QWidget | None = None
        if page is not None:
            self.hold(page)

    def hold(self, page: QWidget) -> None:
        self.page = page
        if page.parentWidget() is not self:
            page.setParent(self)
        page.setGeometry(self.rect())

    def minimumSizeHint(self) -> QSize:
        return self.page.minimumSizeHint() if self.page is not None else super().minimumSizeHint()

    def sizeHint(self) -> QSize:
        return self.page.sizeHint() if self.page is not None else super().sizeHint()

    def resizeEvent(self, event) -> None:
        if self.page is not None:
            self.page.setGeometry(self.rect())
        super().resizeEvent(event)


def holder(page: QWidget) -> QWidget:
    """The scroll area that holds ``page`` (``scrolling``), or the page itself."""
    frame = page.parentWidget()
    viewport = frame.parentWidget() if isinstance(frame, PageFrame) else None
    scroller = viewport.parentWidget() if viewport is not None else None
    return scroller if isinstance(scroller, QScrollArea) else page
