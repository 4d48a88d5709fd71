"""The article list's model: one row per ArticleSummary, in the order given.

Rows are replaced one at a time (`update_article`, with dataChanged for just
that row) after a decision, so the list never resets under the editor.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.store.records import ArticleSummary
from desktop.ui.palette import MUTED_COLOUR
from desktop.ui.wording import has_year

AnyIndex = QModelIndex | QPersistentModelIndex

# Custom roles of ArticleListModel.
ProgressRole = Qt.ItemDataRole.UserRole + 1  # float 0..1: reviewed / claims; None with no claims
ArticleIdRole = Qt.ItemDataRole.UserRole + 2  # int: ArticleSummary.id


class Column(IntEnum):
    HEADLINE = 0
    DATE = 1
    FILE = 2
    PROGRESS = 3


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
            # Nothing detected is not "all reviewed": no share at all (shown as 无数字).
            return float(summary.reviewed_share) if summary.claims else None
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
        if not summary.claims:
            return self.tr("No numbers")
        return f"{summary.reviewed}/{summary.claims}"

    def _tooltip(self, summary: ArticleSummary, column: Column) -> str:
        if column == Column.HEADLINE:
            # Date and file too: on a narrow window their columns give way to the headline.
            details = " · ".join(x for x in (summary.date, summary.file_name) if x)
            return f"{summary.headline}\n{details}" if details else summary.headline
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
        if summary.date and not has_year(summary.date):
            return self.tr("{date} (the copy gives no year: Edit → Set publication date…)").format(
                date=summary.date
            )
        return summary.date
