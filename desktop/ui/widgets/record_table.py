"""A read-only table model over a list of records, one row each, replaced row by row.

The article list and the claim list both show immutable records (frozen
dataclasses from the store) in the order given, and both must never reset
under the editor after a decision: a saved record replaces its own row and
emits dataChanged for that row only.  That bookkeeping (rows by key, bounds,
headers, flags) lives here once; a panel's model says only what a cell shows.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex

R = TypeVar("R")
K = TypeVar("K", bound=Hashable)


class RecordTableModel(QAbstractTableModel, Generic[R, K]):
    """Rows of records of type R, each known by a key K; subclasses say what a cell shows.

    A subclass calls `set_headers` in its __init__ (after this one, so that
    its self.tr() works), mapping every column number 0..n-1 to its header.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: dict[int, str] = {}
        self._records: list[R] = []
        self._rows: dict[K, int] = {}

    def set_headers(self, headers: Mapping[int, str]) -> None:
        self._headers = {int(column): text for column, text in headers.items()}

    # -- what a subclass provides ------------------------------------------

    def record_key(self, record: R) -> K:
        raise NotImplementedError

    def cell(self, row: int, record: R, column: int, role: int) -> object:
        """What `role` gives for `record` (shown in `row`) in `column`; None for nothing."""
        raise NotImplementedError

    # -- records in, records out ------------------------------------------

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._rows = {self.record_key(record): row for row, record in enumerate(self._records)}
        self.endResetModel()

    def update_record(self, record: R) -> bool:
        """Replace the row with `record`'s key; False when no such row is listed."""
        row = self._rows.get(self.record_key(record))
        if row is None:
            return False
        self._records[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))
        return True

    def record(self, row: int) -> R:
        return self._records[row]

    def records(self) -> list[R]:
        return list(self._records)

    def row_of(self, key: K) -> int | None:
        return self._rows.get(key)

    # -- Qt model interface ------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or section not in self._headers:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._records) or column not in self._headers:
            return None
        return self.cell(row, self._records[row], column, role)
