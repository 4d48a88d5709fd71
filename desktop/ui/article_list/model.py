"""The article list's model: one row per ArticleSummary, in the order given.

Rows are replaced one at a time (`update_article`, with dataChanged for just
that row) after a decision, so the list never resets under the editor.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.store.records import ArticleSummary
from desktop.ui.palette import MUTED_COLOUR
from desktop.ui.widgets.record_table import RecordTableModel
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


class ArticleListModel(RecordTableModel[ArticleSummary, int]):
    """Rows of ArticleSummary records, in the order they were given."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_headers(
            {
                Column.HEADLINE: self.tr("Headline"),
                Column.DATE: self.tr("Date"),
                Column.FILE: self.tr("Source file"),
                Column.PROGRESS: self.tr("Progress"),
            }
        )

    def record_key(self, record: ArticleSummary) -> int:
        return record.id

    # The names the panel and the window use.
    def set_articles(self, summaries: Sequence[ArticleSummary]) -> None:
        self.set_records(summaries)

    def update_article(self, summary: ArticleSummary) -> bool:
        """Replace the row of `summary.id`; False when that article is not listed."""
        return self.update_record(summary)

    def article_id(self, row: int) -> int:
        return self.record(row).id

    def summary(self, row: int) -> ArticleSummary:
        return self.record(row)

    def articles(self) -> list[ArticleSummary]:
        return self.records()

    def cell(self, row: int, record: ArticleSummary, column: int, role: int) -> object:
        summary, column = record, Column(column)
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
