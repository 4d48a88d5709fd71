"""The claim list (under the article): every claim of the open article in a sortable, filterable table.

It follows the review session's current claim (`select_claim`, quietly) and
says when the editor picks another row (`claim_selected`) or presses Return
on one (`claim_activated`: the window then hands the keys back to the
article, where Y, X and E decide).  Letters in the table are the table's
own (Qt's type-ahead), like in every other list of the window.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.claims.model import KINDS
from desktop.store.records import STATUSES, ClaimView, StoredFinding
from desktop.ui.claim_list.model import ClaimFilterProxy, ClaimIdRole, ClaimListModel, Column
from desktop.ui.wording import kind_label, status_label


class ClaimListPanel(QWidget):
    claim_selected = Signal(str)  # claim id; the editor moved to another row
    claim_activated = Signal(str)  # claim id; Return, Enter or a double click on its row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimListPanel")
        self._quiet = False  # True while the panel itself moves the selection

        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("claimStatusFilter")
        self.status_combo.addItem(self.tr("All statuses"), "")
        for status in STATUSES:
            self.status_combo.addItem(status_label(status), status)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("claimKindFilter")
        self.kind_combo.addItem(self.tr("All kinds"), "")
        for kind in KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        for combo in (self.status_combo, self.kind_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            # Reached by Tab, not taken by a click: the keys stay with the review.
            combo.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("mutedLabel")

        self.model = ClaimListModel(self)
        self.proxy = ClaimFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("claimTable")
        self.table.setModel(self.proxy)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.POSITION, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setAccessibleName(self.tr("Claims of this article"))
        self._set_up_headers()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(6)
        top.addWidget(self.status_combo)
        top.addWidget(self.kind_combo)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        self.status_combo.currentIndexChanged.connect(self._on_filter)
        self.kind_combo.currentIndexChanged.connect(self._on_filter)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.activated.connect(self._on_activated)
        self.proxy.rowsInserted.connect(self._show_count)
        self.proxy.rowsRemoved.connect(self._show_count)
        self.proxy.modelReset.connect(self._show_count)
        self.proxy.layoutChanged.connect(self._show_count)
        self._show_count()

    def _set_up_headers(self) -> None:
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(round(self.fontMetrics().height() * 1.6))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(32)
        for column in Column:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.SOURCES, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        widths = {
            Column.POSITION: "888",
            Column.STATUS: "✗ 已驳回（非数字声明）",
            Column.FLAGS: "⚑ 88",
            Column.TEXT: "近1.3万亿元",
            Column.VALUE: "1,300,000,000",
            Column.UNIT: "个百分点",
            Column.KIND: "持续时间",
        }
        for column, sample in widths.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        self._value_width = header.sectionSize(Column.VALUE)
        # Once the editor drags the value column, it stays where they put it.
        self._value_fitted_by_hand = False
        header.sectionResized.connect(self._on_section_resized)

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if column == Column.VALUE and new != self._value_width:
            self._value_fitted_by_hand = True

    def _fit_value_column(self) -> None:
        """Widen the value column to its longest entry (a corrected value with its typed form,
        "1,300 → 1.3万亿元"), within a third of the list's width, so that nothing is cut."""
        if self._value_fitted_by_hand:
            return
        metrics = self.table.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(str(self.model.index(row, Column.VALUE).data()))
                for row in range(self.model.rowCount())
            ),
            default=0,
        )
        header = self.table.horizontalHeader()
        floor = metrics.horizontalAdvance("1,300,000,000") + 24
        ceiling = max(floor, self.table.viewport().width() // 3)
        width = min(max(floor, widest + 24), ceiling)
        if width != header.sectionSize(Column.VALUE):
            self._value_width = width
            header.resizeSection(Column.VALUE, width)

    # -- records in ----------------------------------------------------------

    def set_claims(self, claims: Sequence[ClaimView]) -> None:
        self._quiet = True
        try:
            self.model.set_claims(claims)
        finally:
            self._quiet = False
        self._fit_value_column()

    def set_flags(self, flags: Mapping[str, Sequence[StoredFinding]]) -> None:
        self.model.set_flags(flags)

    def update_claim(self, claim: ClaimView) -> None:
        if self.model.update_claim(claim):
            self._fit_value_column()

    def select_claim(self, claim_id: str | None) -> None:
        """Follow the current claim without saying so (it came from the session)."""
        self._quiet = True
        try:
            row = self.model.row_of(claim_id) if claim_id else None
            index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else QModelIndex()
            selection = self.table.selectionModel()
            if not index.isValid():
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
                return
            if selection.currentIndex().row() != index.row() or not selection.isSelected(index):
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                    | QItemSelectionModel.SelectionFlag.Current
                )
                selection.setCurrentIndex(index, flags)
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._quiet = False

    def current_claim_id(self) -> str | None:
        index = self.table.currentIndex()
        return str(index.data(ClaimIdRole)) if index.isValid() else None

    def visible_claim_ids(self) -> list[str]:
        """The claims listed, top to bottom, as filtered and sorted."""
        return [str(self.proxy.index(row, 0).data(ClaimIdRole)) for row in range(self.proxy.rowCount())]

    def focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    # -- filters -------------------------------------------------------------

    def current_filter(self) -> tuple[str, str]:
        """The (status, kind) the list is filtered by; "" where it shows all."""
        return str(self.status_combo.currentData() or ""), str(self.kind_combo.currentData() or "")

    def set_status_filter(self, status: str) -> None:
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(status), 0))

    def set_kind_filter(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))

    def _on_filter(self, _index: int) -> None:
        current = self.current_claim_id()
        self._quiet = True
        try:
            self.proxy.set_status(str(self.status_combo.currentData() or ""))
            self.proxy.set_kind(str(self.kind_combo.currentData() or ""))
        finally:
            self._quiet = False
        self.select_claim(current)
        self._show_count()

    def _show_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("{n} claims").format(n=total))
        else:
            self.count_label.setText(self.tr("{shown} of {total} claims").format(shown=shown, total=total))

    # -- the editor's moves --------------------------------------------------

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        self.claim_selected.emit(str(current.data(ClaimIdRole)))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.claim_activated.emit(str(index.data(ClaimIdRole)))
