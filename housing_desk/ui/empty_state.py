"""What an empty list says: what belongs there, and a button for the first action ('No flats yet'
— Add a flat), shown above the list while it has no rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
)


class EmptyState(QFrame):
    """Placed just above ``view`` in its layout. ``actions``: (button text, slot) pairs, left out
    when the user may not do them. ``is_empty`` says when to show it (default: the view's model,
    or the model behind its filter, has no rows — a filter that matches nothing is not 'empty')."""

    def __init__(
        self,
        view: QAbstractItemView,
        text: str,
        actions: tuple[tuple[str, Callable[[], object]], ...] = (),
        *,
        is_empty: Callable[[], bool] | None = None,
    ):
        super().__init__()
        self.setObjectName(f"{view.objectName()}Empty")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        for caption, slot in actions:
            button = QPushButton(caption)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            row.addWidget(button)
            self.buttons.append(button)
        model = view.model()
        source = getattr(model, "sourceModel", lambda: None)() or model
        self._is_empty = is_empty or (lambda: source.rowCount() == 0)
        _place_above(view, self)
        for watched in {id(model): model, id(source): source}.values():
            _watch(watched, self.update_shown)
        self.update_shown()

    def update_shown(self, *_args) -> None:
        self.setVisible(self._is_empty())


def _watch(model: QAbstractItemModel, slot) -> None:
    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
        signal.connect(slot)


def _place_above(view: QAbstractItemView, note: QFrame) -> None:
    """Into the box layout that holds the view (or the splitter holding it), just before it."""
    widget = view
    while widget.parentWidget() is not None:
        parent = widget.parentWidget()
        found = _find(parent.layout(), widget) if parent.layout() is not None else None
        if found is not None:
            box, index = found
            box.insertWidget(index, note)
            return
        widget = parent
    raise ValueError(f"{view.objectName()} is not in a box layout")


def _find(layout, widget) -> tuple[QBoxLayout, int] | None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is widget and isinstance(layout, QBoxLayout):
            return layout, index
        if item.layout() is not None:
            found = _find(item.layout(), widget)
            if found is not None:
                return found
    return None
