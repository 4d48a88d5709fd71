"""The claim list's model: one row per claim of the open article, and the filter/sort proxy over it.

Rows are ClaimView records in reading order; a saved decision replaces one
row (`update_claim`, dataChanged for that row only), so the list never
resets under the editor.  The proxy filters by status and kind and sorts by
each column's own key (the number, not its text; the reading position for
the "#" column), so clicking "#" gives reading order back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from desktop.store.records import STATUSES, ClaimView, StoredFinding
from desktop.ui.finding_wording import FLAG_GLYPH, finding_line
from desktop.ui.palette import FLAG_COLOUR, MUTED_COLOUR, status_icon
from desktop.ui.widgets.record_table import RecordTableModel
from desktop.ui.wording import corrected_text, format_decimal, kind_label, local_time, status_text

AnyIndex = QModelIndex | QPersistentModelIndex

ClaimIdRole = Qt.ItemDataRole.UserRole + 1  # str: ClaimView.id
SortRole = Qt.ItemDataRole.UserRole + 2  # int | float | str: what the column sorts by
StatusRole = Qt.ItemDataRole.UserRole + 3  # str: ClaimView.status
KindRole = Qt.ItemDataRole.UserRole + 4  # str: ClaimView.kind


class Column(IntEnum):
    POSITION = 0
    STATUS = 1
    FLAGS = 2  # open check flags: ⚑ and how many
    TEXT = 3
    VALUE = 4
    UNIT = 5
    KIND = 6
    SOURCES = 7


class ClaimListModel(RecordTableModel[ClaimView, str]):
    """Rows of ClaimView records, in the order given (reading order)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_headers(
            {
                Column.POSITION: self.tr("#"),
                Column.STATUS: self.tr("Status"),
                Column.FLAGS: self.tr("Flags"),
                Column.TEXT: self.tr("Text"),
                Column.VALUE: self.tr("Value"),
                Column.UNIT: self.tr("Unit"),
                Column.KIND: self.tr("Kind"),
                Column.SOURCES: self.tr("Sources"),
            }
        )
        self._flags: dict[str, list[StoredFinding]] = {}

    def record_key(self, record: ClaimView) -> str:
        return record.id

    def set_flags(self, flags: Mapping[str, Sequence[StoredFinding]]) -> None:
        """Claim id -> its open check flags (ReviewChecks.flags_changed); repaints the flag column."""
        self._flags = {claim_id: list(found) for claim_id, found in flags.items()}
        if self.rowCount():
            self.dataChanged.emit(self.index(0, Column.FLAGS), self.index(self.rowCount() - 1, Column.FLAGS))

    def flags_of(self, claim_id: str) -> list[StoredFinding]:
        return list(self._flags.get(claim_id, []))

    # The names the panel and the window use.
    def set_claims(self, claims: Sequence[ClaimView]) -> None:
        self.set_records(claims)

    def update_claim(self, claim: ClaimView) -> bool:
        """Replace the row of `claim.id`; False when that claim is not listed."""
        return self.update_record(claim)

    def claim(self, row: int) -> ClaimView:
        return self.record(row)

    def cell(self, row: int, record: ClaimView, column: int, role: int) -> object:
        claim, column = record, Column(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, claim, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, claim, column)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.STATUS:
            return status_icon(claim.status)
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.POSITION:
            return MUTED_COLOUR
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.FLAGS:
            return FLAG_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = column in (Column.POSITION, Column.VALUE)
            horizontal = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == ClaimIdRole:
            return claim.id
        if role == StatusRole:
            return claim.status
        if role == KindRole:
            return claim.kind
        if role == SortRole:
            return self._sort_key(row, claim, column)
        return None

    def _display(self, row: int, claim: ClaimView, column: Column) -> str:
        if column == Column.POSITION:
            return str(row + 1)
        if column == Column.STATUS:
            return status_text(claim.status, claim.reason)
        if column == Column.FLAGS:
            count = len(self._flags.get(claim.id, ()))
            return f"{FLAG_GLYPH} {count}" if count else ""
        if column == Column.TEXT:
            return claim.text
        if column == Column.VALUE:
            return self._value_text(claim)
        if column == Column.UNIT:
            return claim.unit
        if column == Column.KIND:
            return kind_label(claim.kind)
        return "、".join(claim.sources)

    def _value_text(self, claim: ClaimView) -> str:
        value = format_decimal(claim.value)
        if claim.value_low is not None:
            value = f"{format_decimal(claim.value_low)}–{value}"
        if claim.status != "corrected" or claim.corrected_value is None:
            return value
        # The corrected value with the form the editor typed it in ("1.3万").
        return f"{value} → {corrected_text(claim)}"

    def _tooltip(self, row: int, claim: ClaimView, column: Column) -> str:
        if column == Column.STATUS and claim.status != "pending":
            return self.tr("{status}\n{editor}, {time}").format(
                status=status_text(claim.status, claim.reason),
                editor=claim.editor or "—",
                time=local_time(claim.decided_at) or "—",
            )
        if column == Column.TEXT:
            return claim.sentence or claim.text
        if column == Column.FLAGS:
            return "\n".join(finding_line(f) for f in self._flags.get(claim.id, ()))
        # The whole cell, which a narrow column elides (a long typed correction).
        return self._display(row, claim, column)

    def _sort_key(self, row: int, claim: ClaimView, column: Column) -> int | float | str:
        if column == Column.POSITION:
            return row
        if column == Column.STATUS:
            return STATUSES.index(claim.status) if claim.status in STATUSES else len(STATUSES)
        if column == Column.VALUE:
            return float(claim.value)
        if column == Column.FLAGS:
            return len(self._flags.get(claim.id, ()))
        return self._display(row, claim, column)


class ClaimFilterProxy(QSortFilterProxyModel):
    """Claims of one status and/or one kind ("" lets every one through), sorted by SortRole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = ""
        self._kind = ""
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def set_status(self, status: str) -> None:
        # Qt 6.10's way to refilter rows (invalidateRowsFilter is deprecated there).
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: str) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802 - Qt override
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._status and model.data(index, StatusRole) != self._status:
            return False
        return not (self._kind and model.data(index, KindRole) != self._kind)
