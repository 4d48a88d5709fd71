"""The centre pane: the reflowed article with every claim highlighted.

The document holds the article's display text verbatim (plus one muted
date/file line after the byline), so a claim's start/end in
ArticleDetail.text maps to a document position by a fixed shift.  Claims are
painted as QTextEdit extra selections, so a decision or a move to the next
claim restyles one highlight and never rebuilds the document.

The view only reports: clicks on a claim (`claim_clicked`) and the two
context-menu requests on selected text.  The review session decides what
happens and the window pushes the result back with `update_claim` /
`set_current_claim`.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QHelpEvent,
    QMouseEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QFrame, QTextEdit, QToolTip, QWidget

from desktop.store.records import ArticleDetail, ClaimView, StoredFinding
from desktop.ui.article_view.positions import PositionMap
from desktop.ui.article_view.typesetting import text_formats, typeset, zoomed
from desktop.ui.finding_wording import finding_line
from desktop.ui.palette import claim_format, status_style
from desktop.ui.wording import status_text, value_with_unit

# Lines longer than this many pixels get hard to follow; wider panes centre the column.
MAX_COLUMN_PX = 720
SIDE_MARGIN_PX = 28
# Text sizes (percent of the sizes above) for Ctrl+= and Ctrl+-; the column widens with the text.
ZOOM_STEPS = (80, 90, 100, 110, 125, 150, 175, 200)


class ArticleView(QTextEdit):
    """A read-only article with its claims highlighted by status."""

    claim_clicked = Signal(str)  # claim id
    add_claim_requested = Signal(int, int)  # start, end in ArticleDetail.text
    reject_selection_requested = Signal(int, int)  # start, end: a false detection to record
    zoom_changed = Signal(int)  # percent of the normal text size
    file_dropped = Signal(str)  # a file dropped on the article: its source release

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        # Selectable by keyboard too, so the context-menu requests work without a mouse.
        # Read-only text does not take the window's single-letter shortcuts.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        # Read-only text takes no drops (and setting the flags above turns them off): a file
        # dropped here is the article's source release.
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setUndoRedoEnabled(False)
        self.setPlaceholderText(self.tr("Choose an article to see its numbers."))
        self.viewport().setMouseTracking(True)
        self.document().setUndoRedoEnabled(False)

        self._detail: ArticleDetail | None = None
        self._map = PositionMap("", 0, 0)
        self._claims: list[ClaimView] = []  # shown claims in (start, end) order
        self._starts: list[int] = []
        self._row: dict[str, int] = {}  # claim id → index in _claims
        self._selections: list[QTextEdit.ExtraSelection] = []
        self._current: str | None = None
        self._flags: dict[str, list[StoredFinding]] = {}  # claim id → its open check flags
        self._press: QPoint | None = None
        self._side_margin = SIDE_MARGIN_PX
        self._zoom = 100
        self._building = False

        self.add_claim_action = QAction(self.tr("Add as number"), self)
        self.add_claim_action.setStatusTip(self.tr("Record the selected text as a number to check"))
        self.add_claim_action.triggered.connect(self._request_add)
        self.reject_selection_action = QAction(self.tr("Reject: not a claim"), self)
        self.reject_selection_action.setStatusTip(self.tr("Record the selected text as a false detection"))
        self.reject_selection_action.triggered.connect(self._request_reject)
        self.selectionChanged.connect(self._update_selection_actions)
        self._update_selection_actions()

    # -- what the main window calls ---------------------------------------------------------------

    def show_article(self, detail: ArticleDetail, claims: Sequence[ClaimView]) -> None:
        """Show an article and highlight its claims (orphaned claims have no place in the text)."""
        same_article = self._detail is not None and self._detail.summary.id == detail.summary.id
        if not same_article:
            self._current = None
        self._detail = detail
        # A resize while the document is rebuilt (a scroll bar coming or going) must not look
        # for a claim in text that is not all there yet.
        self._building = True
        try:
            self._build_document(detail)
        finally:
            self._building = False
        text_length = len(detail.text)
        shown = sorted(
            (
                c
                for c in claims
                if c.article_id == detail.summary.id
                and not c.orphaned
                and 0 <= c.start < c.end <= text_length
            ),
            key=lambda c: (c.start, c.end),
        )
        self._claims = shown
        self._reindex()
        if not (same_article and self._current in self._row):
            self._current = None
        self._selections = [self._selection(c) for c in shown]
        self._apply_selections()
        if not same_article:
            self.verticalScrollBar().setValue(0)

    def clear_article(self) -> None:
        """Show nothing (the placeholder)."""
        self._detail = None
        self._map = PositionMap("", 0, 0)
        self._claims, self._starts, self._row, self._selections = [], [], {}, []
        self._current = None
        self.setExtraSelections([])
        self.document().clear()

    def set_current_claim(self, claim_id: str | None) -> None:
        """Outline a claim (None: no claim) and scroll it to the middle if it is out of sight."""
        if claim_id is not None and claim_id not in self._row:
            claim_id = None
        previous, self._current = self._current, claim_id
        for changed in {previous, claim_id} - {None}:
            if changed in self._row:
                row = self._row[changed]
                self._selections[row].format = self._format(self._claims[row], current=changed == claim_id)
        self._apply_selections()
        if claim_id is not None:
            self._scroll_to(self._claims[self._row[claim_id]])

    def update_claim(self, claim: ClaimView) -> None:
        """Restyle one claim after a decision; adds a claim new to this article, drops an orphaned one."""
        if self._detail is None or claim.article_id != self._detail.summary.id:
            return
        row = self._row.get(claim.id)
        fits = not claim.orphaned and 0 <= claim.start < claim.end <= len(self._detail.text)
        if (
            row is not None
            and fits
            and (claim.start, claim.end) == (self._claims[row].start, self._claims[row].end)
        ):
            self._claims[row] = claim
            self._selections[row].format = self._format(claim, current=claim.id == self._current)
        else:
            if row is not None:
                del self._claims[row], self._selections[row]
            if fits:
                row = bisect.bisect_right([(c.start, c.end) for c in self._claims], (claim.start, claim.end))
                self._claims.insert(row, claim)
                self._selections.insert(row, self._selection(claim))
            if self._current == claim.id and not fits:
                self._current = None
            self._reindex()
        self._apply_selections()

    def current_claim_id(self) -> str | None:
        return self._current

    def claim_at(self, position: int) -> str | None:
        """The claim covering a character of ArticleDetail.text (the shortest, if several overlap)."""
        found: ClaimView | None = None
        for row in range(bisect.bisect_right(self._starts, position) - 1, -1, -1):
            claim = self._claims[row]
            if claim.start <= position < claim.end and (
                found is None or claim.end - claim.start < found.end - found.start
            ):
                found = claim
        return found.id if found is not None else None

    def claim_ids(self) -> list[str]:
        """The highlighted claims, in reading order."""
        return [c.id for c in self._claims]

    def selection_range(self) -> tuple[int, int] | None:
        """The selected text as (start, end) in ArticleDetail.text, trimmed of spaces; None if unusable.

        Unusable: nothing selected, only spaces, across a paragraph break, or touching the date line.
        """
        if self._detail is None:
            return None
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._map.to_text(cursor.selectionStart())
        end = self._map.to_text(cursor.selectionEnd())
        if start is None or end is None:
            return None
        text = self._detail.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end or "\n" in text[start:end]:
            return None
        return start, end

    def document_position(self, index: int) -> int:
        """The document position of an index into ArticleDetail.text (for tests and overlays)."""
        return self._map.to_document(index)

    # -- the document ---------------------------------------------------------------------------

    def _build_document(self, detail: ArticleDetail) -> None:
        formats = text_formats(self.palette(), self._zoom)
        self._map = typeset(self.document(), detail, formats)
        self._apply_margins()

    def _apply_margins(self) -> None:
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        fmt.setTopMargin(24)
        fmt.setBottomMargin(48)
        fmt.setLeftMargin(self._side_margin)
        fmt.setRightMargin(self._side_margin)
        root.setFrameFormat(fmt)

    # -- highlights -----------------------------------------------------------------------------

    def _reindex(self) -> None:
        self._starts = [c.start for c in self._claims]
        self._row = {c.id: row for row, c in enumerate(self._claims)}

    def _selection(self, claim: ClaimView) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_document(claim.start))
        cursor.setPosition(self._map.to_document(claim.end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = self._format(claim, current=claim.id == self._current)
        return selection

    def _format(self, claim: ClaimView, *, current: bool) -> QTextCharFormat:
        return claim_format(claim.status, current=current, flagged=claim.id in self._flags)

    def set_flags(self, flags: Mapping[str, Sequence[StoredFinding]]) -> None:
        """Mark the claims with open check flags (claim id -> its flags); restyles only those that change."""
        changed = set(flags) ^ set(self._flags)
        self._flags = {claim_id: list(found) for claim_id, found in flags.items()}
        rows = [self._row[claim_id] for claim_id in changed if claim_id in self._row]
        for row in rows:
            claim = self._claims[row]
            self._selections[row].format = self._format(claim, current=claim.id == self._current)
        if rows:
            self._apply_selections()

    def flagged_claim_ids(self) -> list[str]:
        """The highlighted claims marked with an open flag, in reading order."""
        return [c.id for c in self._claims if c.id in self._flags]

    def _apply_selections(self) -> None:
        selections = self._selections
        if self._current is not None:
            # Painted last, so the outline sits on top of any overlapping claim.
            row = self._row[self._current]
            selections = selections[:row] + selections[row + 1 :] + [selections[row]]
        self.setExtraSelections(selections)

    def _scroll_to(self, claim: ClaimView) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_document(claim.start))
        first = self.cursorRect(cursor)
        cursor.setPosition(self._map.to_document(claim.end))
        shown = first.united(self.cursorRect(cursor))
        if self.viewport().rect().contains(shown):
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + shown.center().y() - self.viewport().height() // 2)

    # -- mouse, menu, tooltips --------------------------------------------------------------------

    def _claim_under(self, point: QPoint) -> str | None:
        """The claim under a viewport point: the character hit, not just the nearest caret position."""
        if self._detail is None:
            return None
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        caret = self.cursorRect(cursor)
        # The caret lands on the nearer edge of the character clicked: its right edge means the
        # character before it (a right edge at a wrapped line's end sits on the next line).
        if position > 0 and (point.x() < caret.left() or not caret.top() <= point.y() <= caret.bottom()):
            position -= 1
        index = self._map.to_text(position)
        if index is None or index >= len(self._detail.text):
            return None
        return self.claim_at(index)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position().toPoint()
        if (point - press).manhattanLength() >= QApplication.startDragDistance():
            return  # a drag selects text
        claim_id = self._claim_under(point)
        if claim_id is not None:
            self.claim_clicked.emit(claim_id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            over_claim = self._claim_under(event.position().toPoint()) is not None
            self.viewport().setCursor(
                Qt.CursorShape.PointingHandCursor if over_claim else Qt.CursorShape.IBeamCursor
            )

    # A file dropped on the article is its source release; dropped anywhere else in the
    # window, files are imported (MainWindow.dropEvent).
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = [url for url in event.mimeData().urls() if url.isLocalFile()]
        if len(urls) == 1 and self._detail is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._detail is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [url for url in event.mimeData().urls() if url.isLocalFile()]
        if len(urls) == 1 and self._detail is not None:
            event.acceptProposedAction()
            self.file_dropped.emit(urls[0].toLocalFile())
        else:
            event.ignore()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self._update_selection_actions()
        menu = self.createStandardContextMenu()
        menu.addSeparator()
        menu.addAction(self.add_claim_action)
        menu.addAction(self.reject_selection_action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            claim_id = self._claim_under(event.pos())
            if claim_id is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self._tooltip(self._claims[self._row[claim_id]]), self)
            return True
        return super().viewportEvent(event)

    def _tooltip(self, claim: ClaimView) -> str:
        """The claim's status, with the reason of a rejection, the value of a correction, its flags."""
        style = status_style(claim.status)
        status = status_text(claim.status, claim.reason)
        if claim.status == "corrected" and claim.corrected_value is not None:
            shown = self.tr("{glyph} {status}: {text} → {value}").format(
                glyph=style.glyph,
                status=status,
                text=claim.text,
                value=value_with_unit(claim.corrected_value, claim.corrected_unit or claim.unit),
            )
        else:
            shown = self.tr("{glyph} {status}: {text}").format(
                glyph=style.glyph, status=status, text=claim.text
            )
        # The open check flags, each explained in one line.
        return "\n".join([shown, *(finding_line(f) for f in self._flags.get(claim.id, []))])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_column()
        # The text reflows at the new width; the claim under review stays in sight.
        if self._current is not None and self._current in self._row and not self._building:
            self._scroll_to(self._claims[self._row[self._current]])

    def _fit_column(self) -> None:
        side = max(SIDE_MARGIN_PX, (self.viewport().width() - self._px(MAX_COLUMN_PX)) // 2)
        if side != self._side_margin:
            self._side_margin = side
            self._apply_margins()

    # -- zoom -------------------------------------------------------------------------------------

    def _px(self, pixels: int) -> int:
        return zoomed(pixels, self._zoom)

    def zoom(self) -> int:
        """The text size in percent of the normal size."""
        return self._zoom

    def set_zoom(self, percent: int) -> None:
        """Show the text at `percent` of its normal size (clamped to ZOOM_STEPS' range)."""
        percent = min(max(int(percent), ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        if percent == self._zoom:
            return
        self._zoom = percent
        self._rebuild()
        self._fit_column()
        self.zoom_changed.emit(percent)

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self._zoom), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self._zoom), ZOOM_STEPS[0]))

    def reset_zoom(self) -> None:
        self.set_zoom(100)

    def _rebuild(self) -> None:
        """Lay the article out again (new sizes or colours), keeping the current claim and the place read."""
        if self._detail is None:
            return
        bar = self.verticalScrollBar()
        share = bar.value() / bar.maximum() if bar.maximum() else 0.0
        detail, claims, current = self._detail, list(self._claims), self._current
        self.show_article(detail, claims)
        self._current = None
        bar.setValue(round(share * bar.maximum()))
        self.set_current_claim(current)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The muted colours derive from the palette: rebuild when the theme changes.
        if event.type() == QEvent.Type.PaletteChange:
            self._rebuild()

    # -- requests from the selection ------------------------------------------------------------

    def _update_selection_actions(self) -> None:
        usable = self.selection_range() is not None
        self.add_claim_action.setEnabled(usable)
        self.reject_selection_action.setEnabled(usable)

    def _request_add(self) -> None:
        selected = self.selection_range()
        if selected is not None:
            self.add_claim_requested.emit(*selected)

    def _request_reject(self) -> None:
        selected = self.selection_range()
        if selected is not None:
            self.reject_selection_requested.emit(*selected)
