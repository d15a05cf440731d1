"""One table model for every list: columns declared once, rows set in one go.

``data()`` only reads the row it is given, so painting never runs a query.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QTableView

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None
    decoration: Callable[[Any], Any] | None = None
    foreground: Callable[[Any], Any] | None = None
    align_right: bool = False
    order: str | None = (
        None  # for lists the database orders: the service's name for this column's order
    )


BATCH = 500


class RowTableModel(QAbstractTableModel):
    """Rows are handed over in batches of 500 as the view scrolls (``canFetchMore``/``fetchMore``),
    so a list of twenty thousand opens as quickly as a list of twenty."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []
        self._shown = 0

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._shown = min(len(self._rows), BATCH)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int):
        return self._rows[row]

    def canFetchMore(self, parent=QModelIndex()):
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent=QModelIndex()):
        if parent.isValid():
            return
        more = min(BATCH, len(self._rows) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < self._shown):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            key = column.sort_key(row) if column.sort_key else column.text(row)
            return _sortable(key)
        if role == ROW_ROLE:
            return index.row()
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole and column.decoration:
            return column.decoration(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground:
            return column.foreground(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PagedTableModel(RowTableModel):
    """Rows read from the database a page at a time as the view scrolls: ``fetch(offset, limit,
    order, descending)`` returns the next rows, already filtered and ordered by the query.

    Clicking a column heading orders by that column's ``order`` in the database (columns without
    one keep the current order), so a list of twenty thousand opens, sorts and filters with one
    short query each time.
    """

    def __init__(
        self,
        columns: Sequence[Column],
        fetch: Callable[[int, int, str, bool], list],
        parent=None,
        *,
        descending: bool = False,
    ):
        super().__init__(columns, parent)
        self._fetch = fetch
        self._order = next(c.order for c in self.columns if c.order)  # the first orderable column's
        self._descending = descending
        self._more = False
        self.page_size = BATCH

    def reload(self) -> None:
        """Read the first page again (after a change, or with new filters in ``fetch``)."""
        rows = self._read(0)
        self.beginResetModel()
        self._rows, self._shown, self._more = rows, len(rows), len(rows) == self.page_size
        self.endResetModel()

    def _read(self, offset: int) -> list:
        return list(self._fetch(offset, self.page_size, self._order, self._descending))

    def set_rows(self, rows) -> None:
        raise TypeError("a paged model reads its own rows: call reload()")

    def canFetchMore(self, parent=QModelIndex()):
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()):
        if parent.isValid() or not self._more:
            return
        rows = self._read(len(self._rows))
        self._more = len(rows) == self.page_size
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self._shown = len(self._rows)
            self.endInsertRows()

    def find_row(self, test: Callable[[Any], bool]) -> int | None:
        """The first row passing ``test``, reading on page by page if it is not among the rows read."""
        checked = 0
        while True:
            for row in range(checked, len(self._rows)):
                if test(self._rows[row]):
                    return row
            if not self.canFetchMore():
                return None
            checked = len(self._rows)
            self.fetchMore()

    def sort_indicator(self) -> tuple[int, Qt.SortOrder]:
        column = next(i for i, c in enumerate(self.columns) if c.order == self._order)
        return (
            column,
            Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder,
        )

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        key = self.columns[column].order if 0 <= column < len(self.columns) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (key, descending) == (self._order, self._descending):
            return
        self._order, self._descending = key, descending
        self.reload()


def _sortable(key):
    # Qt compares QVariants; dates and Decimals sort correctly as ISO strings and floats.
    if key is None:
        return ""
    if hasattr(key, "isoformat"):
        return key.isoformat()
    if isinstance(key, bool):
        return int(key)
    if isinstance(key, (int, float)):
        return key
    if hasattr(key, "as_integer_ratio"):
        return float(key)
    return str(key).casefold()


class FilterProxy(QSortFilterProxyModel):
    """Case-insensitive filter over every column, sorting by each column's sort key."""

    def __init__(self, source: RowTableModel, parent=None):
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def source_row(self, proxy_index: QModelIndex):
        """The row object behind a proxy index (None for an invalid index)."""
        if not proxy_index.isValid():
            return None
        source = self.mapToSource(proxy_index)
        return self.sourceModel().row_at(source.row())

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        # Sorting on a column means every row, not only those handed over so far.
        if column >= 0 and hasattr(self.sourceModel(), "fetch_all"):
            self.sourceModel().fetch_all()
        super().sort(column, order)


def prepare_paged_table(table: QTableView, model: PagedTableModel) -> None:
    """A database-ordered list: as ``prepare_table``, headings ordering through the model."""
    _list_look(table, model)
    table.horizontalHeader().setSortIndicator(*model.sort_indicator())
    table.setSortingEnabled(True)


def prepare_table(table: QTableView, proxy, *, presorted: bool = False) -> None:
    """Read-only rows, sortable columns, no row numbers: how every list in Housing Desk looks.

    ``presorted``: the service already orders the rows, so a long list is not sorted again (and
    not loaded whole) until someone clicks a column heading.
    """
    _list_look(table, proxy)
    if presorted:
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        proxy.sort(-1)
    else:
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)


def _list_look(table: QTableView, model) -> None:
    table.setModel(model)
    # Fitting columns to their contents reads the first rows only: quick on long lists.
    table.horizontalHeader().setResizeContentsPrecision(40)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
