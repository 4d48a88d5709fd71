"""The release an article was written from, beside it, with the figures the article's were matched to.

The text is the release file as imported (the store keeps it), so offsets
from the matcher (`ReleaseFigure.source_start`, in the decoded file) map to
it through DocumentSource.text_offset.  Figures are marked as extra
selections by how they matched (= same, ≈ rounded, ≠ different: a tint and a
glyph in the tooltip); the figure of the claim under review is white on blue
and scrolled into sight, as in the article.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QTextEdit, QVBoxLayout, QWidget

from desktop.store.records import DocumentSource, SourceAttachment, StoredReleaseMatch
from desktop.ui.finding_wording import match_glyph, match_label
from desktop.ui.palette import CURRENT_FOREGROUND, match_background

# Characters QTextDocument would treat as a block break, which would shift every position after them.
_BLOCK_BREAKS = str.maketrans({"\r": " ", "\u2029": " "})


class ReleaseView(QWidget):
    confirm_requested = Signal()  # 确认所有一致的数字
    attach_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("releaseView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        # The title on its own line (a file name and four counts need the width), the buttons below.
        self.title = QLabel(self)
        self.title.setObjectName("releaseTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setContentsMargins(8, 4, 8, 0)
        layout.addWidget(self.title)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 0, 8, 0)
        self.attach_button = QPushButton(self.tr("Attach…"), self)
        self.attach_button.clicked.connect(self.attach_requested)
        bar.addWidget(self.attach_button)
        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName("confirmMatching")
        self.confirm_button.clicked.connect(self.confirm_requested)
        bar.addWidget(self.confirm_button)
        bar.addStretch(1)
        for button in (self.attach_button, self.confirm_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the review
        layout.addLayout(bar)
        self.text = QTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.setUndoRedoEnabled(False)
        self.text.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout.addWidget(self.text, 1)
        self._source: DocumentSource | None = None
        self._matches: list[StoredReleaseMatch] = []
        self._current = ""
        self.show_release(None, None, [], pending_same=0)

    # -- what the window pushes in --------------------------------------------------------------

    def show_release(
        self,
        attachment: SourceAttachment | None,
        source: DocumentSource | None,
        matches: Sequence[StoredReleaseMatch],
        *,
        pending_same: int,
    ) -> None:
        same_source = (
            source is not None and self._source is not None and source.document_id == self._source.document_id
        )
        self._source = source
        self._matches = [m for m in matches if m.source is not None]
        if attachment is None or source is None:
            self.title.setText(
                self.tr(
                    "No source release for this article. Attach one (Ctrl+Shift+R), or drop its file on the article."
                )
            )
            self.text.clear()
        else:
            counts = {
                label: sum(1 for m in matches if m.match == label)
                for label in ("same", "rounded", "different", "absent")
            }
            self.title.setText(
                self.tr("Source release: {name} — {counts}").format(
                    name=attachment.file_name,
                    counts=" · ".join(
                        f"{match_glyph(label)} {match_label(label)} {n}" for label, n in counts.items()
                    ),
                )
            )
            if not same_source:
                self.text.setPlainText(source.text.translate(_BLOCK_BREAKS))
        self.confirm_button.setText(self.tr("Confirm all that agree (%n)", "", pending_same))
        self.confirm_button.setEnabled(pending_same > 0)
        self._apply()

    def set_current(self, claim_id: str) -> None:
        """Mark the release figure the claim under review was matched to, and bring it into sight."""
        self._current = claim_id
        self._apply()
        match = next((m for m in self._matches if m.claim_id == claim_id), None)
        if match is not None and self._source is not None and match.source is not None:
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(self._position(match.source.source_start))
            self.text.setTextCursor(cursor)
            self.text.ensureCursorVisible()

    def marked(self) -> list[tuple[str, str]]:
        """(release text, label) of every figure marked, in the order of the article's figures."""
        return [(m.source.text, m.match) for m in self._matches if m.source is not None]

    # -- painting ----------------------------------------------------------------------------

    def _position(self, raw: int) -> int:
        assert self._source is not None
        return max(0, min(self._source.text_offset(raw), len(self._source.text)))

    def _apply(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        current: QTextEdit.ExtraSelection | None = None
        if self._source is not None:
            for match in self._matches:
                assert match.source is not None
                cursor = QTextCursor(self.text.document())
                cursor.setPosition(self._position(match.source.source_start))
                cursor.setPosition(self._position(match.source.source_end), QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                fmt = QTextCharFormat()
                is_current = bool(self._current) and match.claim_id == self._current
                fmt.setBackground(match_background(match.match, current=is_current))
                if is_current:
                    fmt.setForeground(CURRENT_FOREGROUND)
                    current = selection
                fmt.setToolTip(f"{match_glyph(match.match)} {match_label(match.match)}: {match.text}")
                selection.format = fmt
                if not is_current:
                    selections.append(selection)
        if current is not None:
            selections.append(current)  # painted last, on top
        self.text.setExtraSelections(selections)
