"""The article list (left pane): a filter, a search box with its results, the article table.

The panel shows records it is given (`set_articles`, `update_article`,
`show_search_results`) and says what the editor asked for through signals;
the window passes the requests to the review session and the answers back.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store.records import ArticleSummary, SearchHit
from desktop.ui.article_list.delegates import (
    DONE_GLYPH,
    ElideMiddleDelegate,
    ProgressDelegate,
    SearchHitDelegate,
    SearchHitRole,
)
from desktop.ui.article_list.model import ArticleListModel, Column

SEARCH_DELAY_MS = 300


class ArticleListPanel(QWidget):
    """Filter, search and the article table: the left side of the review window."""

    article_selected = Signal(int)  # article id; the current row changed
    article_activated = Signal(int)  # article id; Return, Enter or a double click on its row
    filter_changed = Signal(str)  # "", "pending" or "done"
    search_requested = Signal(str)  # the search text; "" clears the search
    search_hit_activated = Signal(int, str)  # article id, claim id ("" for an article hit)

    RESULTS_MAX_ROWS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ArticleListPanel")
        self._quiet = False  # True while the panel itself moves the selection
        self._table_viewport: QWidget | None = None  # set once the table is made

        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("articleFilter")
        self.filter_combo.addItem(self.tr("All"), "")
        self.filter_combo.addItem(self.tr("Has pending"), "pending")
        self.filter_combo.addItem(self.tr("Done"), "done")
        self.filter_combo.addItem(self.tr("No numbers"), "none")
        self.filter_combo.setToolTip(
            self.tr(
                "Show all articles, those with numbers pending, those done, or those in which no number was found"
            )
        )
        self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Reached by Tab, not taken by a click: choosing a filter with the mouse
        # leaves the keys where they were (usually with the review).
        self.filter_combo.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("articleSearch")
        self.search_edit.setPlaceholderText(self.tr("Search articles and claims (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.installEventFilter(self)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

        self.results_list = QListWidget(self)
        self.results_list.setObjectName("searchResults")
        self.results_list.setItemDelegate(SearchHitDelegate(self.results_list))
        self.results_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results_list.setUniformItemSizes(False)
        self.results_list.installEventFilter(self)
        self.results_list.hide()

        self.model = ArticleListModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("articleTable")
        self.table.setModel(self.model)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setItemDelegateForColumn(Column.FILE, ElideMiddleDelegate(self.table))
        self.progress_delegate = ProgressDelegate(self.table)
        self.table.setItemDelegateForColumn(Column.PROGRESS, self.progress_delegate)
        self._set_up_headers()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(6)
        top.addWidget(self.filter_combo)
        self.pending_only_button = QToolButton(self)
        self.pending_only_button.setObjectName("pendingOnly")
        self.pending_only_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.pending_only_button.hide()  # until the window hands it its action
        top.addWidget(self.pending_only_button)
        top.addWidget(self.search_edit, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.results_list)
        layout.addWidget(self.table, 1)

        self.filter_combo.currentIndexChanged.connect(self._on_filter_index)
        self.search_edit.textEdited.connect(self._on_search_edited)
        self.search_edit.returnPressed.connect(self._search_now)
        self._search_timer.timeout.connect(self._search_now)
        self.results_list.itemActivated.connect(self._on_hit_activated)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.activated.connect(self._on_row_activated)

    def _set_up_headers(self) -> None:
        vertical = self.table.verticalHeader()
        vertical.hide()
        # CJK glyphs sit tall: give each row room above and below the text.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(round(self.fontMetrics().height() * 1.8))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(36)
        header.setSectionResizeMode(Column.HEADLINE, QHeaderView.ResizeMode.Stretch)
        # Not ResizeToContents: that re-measures every row on each dataChanged, i.e. after every
        # decision (3 ms a key on the demo pages); the width is set when the articles change.
        header.setSectionResizeMode(Column.DATE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.FILE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.PROGRESS, QHeaderView.ResizeMode.Fixed)
        metrics = self.fontMetrics()
        self._file_width = metrics.horizontalAdvance("000_2…c.txt") + 12
        header.resizeSection(Column.FILE, self._file_width)
        # The headline keeps room for about seven characters, whatever the pane's width.
        self._headline_min = metrics.horizontalAdvance("滨州获国家基本…") + 12
        self._table_viewport = self.table.viewport()
        self._table_viewport.installEventFilter(self)
        self._fit_columns()

    # -- records in ----------------------------------------------------------

    def set_articles(self, summaries: Sequence[ArticleSummary]) -> None:
        """Show these articles, keeping the current one selected (without a signal) if it is still listed."""
        current = self.current_article_id()
        self._quiet = True
        try:
            self.model.set_articles(summaries)
            if current is not None and (row := self.model.row_of(current)) is not None:
                self._select_row(row)
        finally:
            self._quiet = False
        self._fit_columns()

    def _widest(self, column: Column, samples: Sequence[str] = ()) -> int:
        metrics = self.table.fontMetrics()
        texts = {str(self.model.index(row, column).data()) for row in range(self.model.rowCount())}
        return max((metrics.horizontalAdvance(text) for text in [*texts, *samples]), default=0)

    def _fit_columns(self) -> None:
        """Counts whole, the headline readable: at a narrow width the file, then the date, give way.

        The progress column fits its widest count ("✓ 123/300", "∅ 无数字") and
        a short bar, so no count is ever cut; the date column fits its widest
        date.  When the headline would get less than its minimum, the file
        name goes first (it is in the row's tooltip and atop the article), then
        the date.  The panel's minimum width keeps headline and counts in view.
        """
        header = self.table.horizontalHeader()
        progress = (
            2 * ProgressDelegate.MARGIN
            + ProgressDelegate.GAP
            + ProgressDelegate.MIN_BAR
            + 20
            + self._widest(Column.PROGRESS, [f"{DONE_GLYPH} 88/88", "88/88"])
            + self.table.fontMetrics().horizontalAdvance(f"{DONE_GLYPH} ")
        )
        date = self._widest(Column.DATE) + 14
        header.resizeSection(Column.PROGRESS, progress)
        header.resizeSection(Column.DATE, max(date, header.minimumSectionSize()))
        room = self.table.viewport().width() - progress - self._headline_min
        show_file = room >= date + self._file_width
        show_date = room >= date
        header.setSectionHidden(Column.FILE, not show_file)
        header.setSectionHidden(Column.DATE, not show_date)
        self.setMinimumWidth(self._headline_min + progress + 2 * self.table.frameWidth() + 4)

    def update_article(self, summary: ArticleSummary) -> None:
        self.model.update_article(summary)

    def current_article_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.article_id(index.row()) if index.isValid() else None

    def select_article(self, article_id: int) -> bool:
        """Make this article current and scroll to it; False when it is not listed.

        article_selected is emitted only when the current article changes.
        """
        row = self.model.row_of(article_id)
        if row is None:
            return False
        if self.current_article_id() == article_id:
            self.table.scrollTo(self.model.index(row, Column.HEADLINE))
            return True
        self._select_row(row)
        return True

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, Column.HEADLINE)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
            | QItemSelectionModel.SelectionFlag.Current
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def filter_status(self) -> str:
        return str(self.filter_combo.currentData())

    def show_filter_status(self, status: str) -> None:
        """Show the filter the list was made with, without asking for it again."""
        found = self.filter_combo.findData(status or "")
        if found >= 0 and found != self.filter_combo.currentIndex():
            self.filter_combo.blockSignals(True)
            self.filter_combo.setCurrentIndex(found)
            self.filter_combo.blockSignals(False)

    def set_filter_status(self, status: str | None) -> None:
        """Show this filter in the combo; emits filter_changed if it changed."""
        found = self.filter_combo.findData(status or "")
        if found < 0:
            raise ValueError(f"unknown article filter {status!r}")
        self.filter_combo.setCurrentIndex(found)

    # -- search --------------------------------------------------------------

    def set_pending_only_action(self, action: QAction) -> None:
        """The window's checkable "pending articles only" action, as a button beside the filter.

        One QAction drives the button, the View menu and its shortcut, so they
        cannot disagree; the window keeps its check in step with the filter.
        """
        self.pending_only_button.setDefaultAction(action)
        self.pending_only_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.pending_only_button.show()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def search_text(self) -> str:
        return self.search_edit.text().strip()

    def show_search_results(self, hits: Sequence[SearchHit]) -> None:
        """List these hits under the search box; with no search text the list is hidden."""
        self.results_list.clear()
        if not self.search_text():
            self.results_list.hide()
            return
        if not hits:
            item = QListWidgetItem(self.tr("No matches"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results_list.addItem(item)
        for hit in hits:
            snippet = " ".join(hit.snippet.split())
            item = QListWidgetItem(hit.headline)
            item.setData(SearchHitRole, hit)
            if hit.claim_id:
                snippet = self.tr("Number: {text}").format(text=snippet)
                item.setData(Qt.ItemDataRole.UserRole, snippet)
            item.setToolTip(f"{hit.headline}\n{snippet}")
            self.results_list.addItem(item)
        self._fit_results()
        self.results_list.show()

    def clear_search(self) -> None:
        """Empty the search box and hide the results; emits search_requested("")."""
        self.search_edit.clear()
        self._search_now()

    def _fit_results(self) -> None:
        rows = min(self.results_list.count(), self.RESULTS_MAX_ROWS)
        height = sum(self.results_list.sizeHintForRow(row) for row in range(rows))
        frame = self.results_list.frameWidth() * 2
        self.results_list.setFixedHeight(height + frame)

    def _on_search_edited(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self._search_now()

    def _search_now(self) -> None:
        self._search_timer.stop()
        text = self.search_text()
        if not text:
            self.results_list.clear()
            self.results_list.hide()
        self.search_requested.emit(text)

    def _on_hit_activated(self, item: QListWidgetItem) -> None:
        hit = item.data(SearchHitRole)
        if isinstance(hit, SearchHit):
            self.search_hit_activated.emit(hit.article_id, hit.claim_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The viewport's own resize: by then it has its new width (the table's comes first).
        if watched is self._table_viewport and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search_edit:
                if (
                    key == Qt.Key.Key_Down
                    and self.results_list.isVisible()
                    and self._first_hit_row() is not None
                ):
                    self.results_list.setFocus(Qt.FocusReason.TabFocusReason)
                    self.results_list.setCurrentRow(self._first_hit_row() or 0)
                    return True
            elif watched is self.results_list:
                # Esc never reaches here: it is the window's "back to the article".
                at_top = self.results_list.currentRow() <= (self._first_hit_row() or 0)
                if key == Qt.Key.Key_Up and at_top:
                    self.search_edit.setFocus(Qt.FocusReason.TabFocusReason)
                    return True
        return super().eventFilter(watched, event)

    def _first_hit_row(self) -> int | None:
        for row in range(self.results_list.count()):
            if isinstance(self.results_list.item(row).data(SearchHitRole), SearchHit):
                return row
        return None

    # -- table -----------------------------------------------------------------

    def _on_filter_index(self, index: int) -> None:
        self.filter_changed.emit(str(self.filter_combo.itemData(index) or ""))

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        self.article_selected.emit(self.model.article_id(current.row()))

    def _on_row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.article_activated.emit(self.model.article_id(index.row()))
