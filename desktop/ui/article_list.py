"""The article list: a table of articles with review progress, a filter and a search box.

The panel shows records it is given (`set_articles`, `update_article`,
`show_search_results`) and says what the editor asked for through signals;
the main window asks the store and pushes the answers back.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.store.records import ArticleSummary, SearchHit

AnyIndex = QModelIndex | QPersistentModelIndex

# Okabe–Ito bluish green for the reviewed share, on a neutral track.
REVIEWED_COLOUR = QColor("#009E73")
TRACK_COLOUR = QColor("#E3E3E3")
# Date and file name are secondary: a muted grey that still reads on white.
MUTED_COLOUR = QColor("#6B6B6B")
DONE_GLYPH = "✓"

# Custom roles of ArticleListModel.
ProgressRole = Qt.ItemDataRole.UserRole + 1  # float 0..1: reviewed / claims (1.0 with no claims)
ArticleIdRole = Qt.ItemDataRole.UserRole + 2  # int: ArticleSummary.id
# Role of a search-result item in the results list: the SearchHit itself.
SearchHitRole = Qt.ItemDataRole.UserRole + 3

SEARCH_DELAY_MS = 300


class Column(IntEnum):
    HEADLINE = 0
    DATE = 1
    FILE = 2
    PROGRESS = 3


def _is_done(summary: ArticleSummary) -> bool:
    return summary.pending == 0


class ArticleListModel(QAbstractTableModel):
    """Rows of ArticleSummary records, in the order they were given."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._articles: list[ArticleSummary] = []
        self._rows: dict[int, int] = {}  # article id -> row
        self._headers = {
            Column.HEADLINE: self.tr("Headline"),
            Column.DATE: self.tr("Date"),
            Column.FILE: self.tr("Source file"),
            Column.PROGRESS: self.tr("Progress"),
        }

    # -- records in, records out ------------------------------------------

    def set_articles(self, summaries: Sequence[ArticleSummary]) -> None:
        self.beginResetModel()
        self._articles = list(summaries)
        self._rows = {summary.id: row for row, summary in enumerate(self._articles)}
        self.endResetModel()

    def update_article(self, summary: ArticleSummary) -> bool:
        """Replace the row of `summary.id`; False when that article is not listed."""
        row = self._rows.get(summary.id)
        if row is None:
            return False
        self._articles[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        return True

    def article_id(self, row: int) -> int:
        return self._articles[row].id

    def row_of(self, article_id: int) -> int | None:
        return self._rows.get(article_id)

    def summary(self, row: int) -> ArticleSummary:
        return self._articles[row]

    def articles(self) -> list[ArticleSummary]:
        return list(self._articles)

    # -- Qt model interface ------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._articles)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[Column(section)]
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
        if not 0 <= index.row() < len(self._articles) or not 0 <= index.column() < len(Column):
            return None
        summary = self._articles[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(summary, column)
        if role == ProgressRole:
            return float(summary.reviewed_share)
        if role == ArticleIdRole:
            return summary.id
        if role == Qt.ItemDataRole.ForegroundRole and column in (Column.DATE, Column.FILE):
            return MUTED_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == Column.PROGRESS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, summary: ArticleSummary, column: Column) -> str:
        if column == Column.HEADLINE:
            return summary.headline
        if column == Column.DATE:
            return summary.date
        if column == Column.FILE:
            return summary.file_name
        return f"{summary.reviewed}/{summary.claims}"

    def _tooltip(self, summary: ArticleSummary, column: Column) -> str:
        if column == Column.HEADLINE:
            return summary.headline
        if column == Column.FILE:
            return summary.file_name
        if column == Column.PROGRESS:
            if not summary.claims:
                return self.tr("No numbers found in this article")
            return self.tr(
                "{reviewed} of {claims} reviewed\n"
                "Pending: {pending}\nConfirmed: {confirmed}\nCorrected: {corrected}\nRejected: {rejected}"
            ).format(
                reviewed=summary.reviewed,
                claims=summary.claims,
                pending=summary.pending,
                confirmed=summary.confirmed,
                corrected=summary.corrected,
                rejected=summary.rejected,
            )
        return summary.date


def _text_colour(option: QStyleOptionViewItem) -> QColor:
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    return option.palette.color(role)


class ProgressDelegate(QStyledItemDelegate):
    """A slim bar of the reviewed share with the "12/49" count; a ✓ once nothing is pending."""

    BAR_HEIGHT = 6
    MARGIN = 6
    GAP = 5
    MIN_BAR = 16

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        # Background, selection and focus the way the style draws any item.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        share = index.data(ProgressRole)
        share = min(max(float(share), 0.0), 1.0) if share is not None else 0.0
        done = share >= 1.0
        label = f"{DONE_GLYPH} {text}" if done else text

        rect = opt.rect.adjusted(self.MARGIN, 0, -self.MARGIN, 0)
        metrics = opt.fontMetrics
        text_width = max(metrics.horizontalAdvance(label), self._text_room(opt))
        bar_width = rect.width() - text_width - self.GAP

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if bar_width >= self.MIN_BAR:
            bar = QRectF(
                rect.left(),
                rect.center().y() - self.BAR_HEIGHT / 2 + 1,
                bar_width,
                self.BAR_HEIGHT,
            )
            radius = self.BAR_HEIGHT / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK_COLOUR)
            painter.drawRoundedRect(bar, radius, radius)
            if share > 0:
                filled = QRectF(bar)
                filled.setWidth(max(bar.width() * share, self.BAR_HEIGHT))
                painter.setBrush(REVIEWED_COLOUR)
                painter.drawRoundedRect(filled, radius, radius)
        painter.setPen(_text_colour(opt))
        if done:
            font = QFont(opt.font)
            font.setBold(True)
            painter.setFont(font)
        painter.drawText(
            rect,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(label, Qt.TextElideMode.ElideLeft, rect.width()),
        )
        painter.restore()

    def _text_room(self, option: QStyleOptionViewItem) -> int:
        """Width of the widest usual count, so that bars line up from row to row."""
        return option.fontMetrics.horizontalAdvance(f"{DONE_GLYPH} 88/88")

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        hint = super().sizeHint(option, index)
        width = self.MARGIN * 2 + self.GAP + 40 + self._text_room(option)
        return QSize(max(hint.width(), width), hint.height())


class _ElideMiddleDelegate(QStyledItemDelegate):
    """File names differ at both ends (number prefix, hash): keep both, drop the middle."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class _SearchHitDelegate(QStyledItemDelegate):
    """Two lines per hit: the headline, then the matching snippet (a claim's text for claim hits)."""

    PADDING = 5

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        hit = index.data(SearchHitRole)
        if not isinstance(hit, SearchHit):
            # The "no matches" line.
            painter.save()
            painter.setPen(MUTED_COLOUR)
            painter.drawText(
                opt.rect.adjusted(self.PADDING, 0, -self.PADDING, 0),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            )
            painter.restore()
            return

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rect = opt.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        metrics = opt.fontMetrics
        line = metrics.lineSpacing()
        painter.save()
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(_text_colour(opt))
        first = rect.adjusted(0, 0, 0, -(rect.height() - line))
        painter.drawText(
            first,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            painter.fontMetrics().elidedText(hit.headline, Qt.TextElideMode.ElideRight, first.width()),
        )
        painter.setFont(opt.font)
        painter.setPen(_text_colour(opt) if selected else MUTED_COLOUR)
        second = rect.adjusted(0, line, 0, 0)
        snippet = " ".join(hit.snippet.split())
        if hit.claim_id:
            snippet = index.data(Qt.ItemDataRole.UserRole) or snippet
        painter.drawText(
            second,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(snippet, Qt.TextElideMode.ElideRight, second.width()),
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        hint = super().sizeHint(option, index)
        if not isinstance(index.data(SearchHitRole), SearchHit):
            return QSize(hint.width(), option.fontMetrics.lineSpacing() + 2 * self.PADDING)
        return QSize(hint.width(), 2 * option.fontMetrics.lineSpacing() + 2 * self.PADDING)


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

        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("articleFilter")
        self.filter_combo.addItem(self.tr("All"), "")
        self.filter_combo.addItem(self.tr("Has pending"), "pending")
        self.filter_combo.addItem(self.tr("Done"), "done")
        self.filter_combo.setToolTip(
            self.tr("Show all articles, only those with pending numbers, or only done ones")
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
        self.results_list.setItemDelegate(_SearchHitDelegate(self.results_list))
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
        self.table.setItemDelegateForColumn(Column.FILE, _ElideMiddleDelegate(self.table))
        self.progress_delegate = ProgressDelegate(self.table)
        self.table.setItemDelegateForColumn(Column.PROGRESS, self.progress_delegate)
        self._set_up_headers()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(6)
        top.addWidget(self.filter_combo)
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
        header.setSectionResizeMode(Column.DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.FILE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.PROGRESS, QHeaderView.ResizeMode.Fixed)
        metrics = self.fontMetrics()
        header.resizeSection(Column.FILE, metrics.horizontalAdvance("000_2…c.txt") + 12)
        header.resizeSection(
            Column.PROGRESS,
            ProgressDelegate.MARGIN * 2
            + ProgressDelegate.GAP
            + 36
            + metrics.horizontalAdvance(f"{DONE_GLYPH} 88/88"),
        )

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

    def set_filter_status(self, status: str | None) -> None:
        """Show this filter in the combo; emits filter_changed if it changed."""
        found = self.filter_combo.findData(status or "")
        if found < 0:
            raise ValueError(f"unknown article filter {status!r}")
        self.filter_combo.setCurrentIndex(found)

    # -- search --------------------------------------------------------------

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
