"""How the article list paints: the progress bar with its count, file names, search hits."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.store.records import SearchHit
from desktop.ui.article_list.model import AnyIndex, ProgressRole
from desktop.ui.palette import MUTED_COLOUR, REVIEWED_BAR, TRACK_BAR

DONE_GLYPH = "✓"
NO_CLAIMS_GLYPH = "∅"  # nothing was detected: neither done nor pending
# Role of a search-result item in the results list: the SearchHit itself.
SearchHitRole = Qt.ItemDataRole.UserRole + 3


def _text_colour(option: QStyleOptionViewItem) -> QColor:
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    return option.palette.color(role)


class ProgressDelegate(QStyledItemDelegate):
    """A slim bar of the reviewed share with the "12/49" count; a ✓ once nothing is pending.

    An article with no claims has no share (ProgressRole None): no bar and
    no ✓, only "∅ 无数字" in grey, so it never passes for a finished one.
    """

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

        raw_share = index.data(ProgressRole)
        if raw_share is None:
            self._paint_no_claims(painter, opt, text)
            return
        share = min(max(float(raw_share), 0.0), 1.0)
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
            painter.setBrush(TRACK_BAR)
            painter.drawRoundedRect(bar, radius, radius)
            if share > 0:
                filled = QRectF(bar)
                filled.setWidth(max(bar.width() * share, self.BAR_HEIGHT))
                painter.setBrush(REVIEWED_BAR)
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

    def _paint_no_claims(self, painter: QPainter, opt: QStyleOptionViewItem, text: str) -> None:
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setPen(_text_colour(opt) if selected else MUTED_COLOUR)
        rect = opt.rect.adjusted(self.MARGIN, 0, -self.MARGIN, 0)
        painter.drawText(
            rect,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            opt.fontMetrics.elidedText(f"{NO_CLAIMS_GLYPH} {text}", Qt.TextElideMode.ElideLeft, rect.width()),
        )
        painter.restore()

    def _text_room(self, option: QStyleOptionViewItem) -> int:
        """Width of the widest usual count, so that bars line up from row to row."""
        return option.fontMetrics.horizontalAdvance(f"{DONE_GLYPH} 88/88")

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        hint = super().sizeHint(option, index)
        width = self.MARGIN * 2 + self.GAP + 40 + self._text_room(option)
        return QSize(max(hint.width(), width), hint.height())


class ElideMiddleDelegate(QStyledItemDelegate):
    """File names differ at both ends (number prefix, hash): keep both, drop the middle."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class SearchHitDelegate(QStyledItemDelegate):
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
