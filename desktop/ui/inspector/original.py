"""Where the claim stands in its file: two lines, the file and line, then the raw text around the claim.

The label is two lines high whatever it shows, and each line is fitted to
the width (the file name elided in the middle, the raw text trimmed around
the claim) rather than wrapped.  A wrapped label changes height with its
text, and the inspector's whole form was laid out again on every key: that
doubled the time to repaint the window after J.  It is fitted again when the
pane is resized.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from desktop.store.records import SourcePlace
from desktop.ui.palette import ACCENT_TEXT

# Used before the label has been laid out (its width is still 0).
_FIRST_WIDTH = 240
_LINE_BREAK = "↵"  # a line break inside the claim (a PDF wrap), as the file has it


class OriginalPlace(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._place: SourcePlace | None = None
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        # Its width never pushes the pane wider; its height never changes.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 2 * self.margin() + 2)
        self.setText("—")

    def show_place(self, place: SourcePlace | None) -> None:
        self._place = place
        if place is None:
            self.setText("—")
            self.setToolTip("")
            return
        width = self.contentsRect().width() if self.width() > 0 and self.isVisible() else _FIRST_WIDTH
        self.setText(f"{self._where(place, width)}<br>{self._excerpt(place, width)}")
        self.setToolTip(
            QCoreApplication.translate(
                "ClaimInspector", "{path}\nClick the file name to open the original file."
            ).format(path=place.path)
            + "\n"
            + place.before
            + place.text
            + place.after
        )

    def plain_text(self) -> str:
        """What it shows, as plain text (what a screen reader reads)."""
        place = self._place
        if place is None:
            return "—"
        where = self._pattern(place).format(file=place.file_name, line=place.line)
        return f"{where}\n{place.before}{place.text.replace(chr(10), _LINE_BREAK)}{place.after}"

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._place is not None and event.size().width() != event.oldSize().width():
            self.show_place(self._place)

    def _pattern(self, place: SourcePlace) -> str:
        translate = QCoreApplication.translate
        if place.by_paragraph:
            return translate("ClaimInspector", "{file}, paragraph {line}")
        return translate("ClaimInspector", "{file}, line {line}")

    def _where(self, place: SourcePlace, width: int) -> str:
        """The file (a link that opens it), elided in the middle to leave room for the line number."""
        pattern = self._pattern(place)
        metrics = self.fontMetrics()
        room = max(width - metrics.horizontalAdvance(pattern.format(file="", line=place.line)), 40)
        name = metrics.elidedText(place.file_name, Qt.TextElideMode.ElideMiddle, room)
        return html.escape(pattern).format(
            file=f"<a href='original'>{html.escape(name)}</a>", line=place.line
        )

    def _excerpt(self, place: SourcePlace, width: int) -> str:
        """The claim in bold with as much of its raw line on each side as fits."""
        metrics = self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)
        claim = place.text.replace("\n", _LINE_BREAK)
        room = width - QFontMetrics(bold).horizontalAdvance(claim) - 2 * metrics.horizontalAdvance("…")
        before, after = "", ""
        # One character at a time on each side, the nearer side first, while it fits.
        left, right = place.before, place.after
        while left or right:
            for side in ("left", "right"):
                text = left if side == "left" else right
                if not text:
                    continue
                ch = text[-1] if side == "left" else text[0]
                advance = metrics.horizontalAdvance(ch)
                if advance > room:
                    left, right = "", ""
                    break
                room -= advance
                if side == "left":
                    before, left = ch + before, left[:-1]
                else:
                    after, right = after + ch, right[1:]
        cut_before = len(before) < len(place.before) or place.column > len(place.before) + 1
        cut_after = len(after) < len(place.after)
        return (
            ("…" if cut_before else "")
            + html.escape(before)
            + f"<b style='color:{ACCENT_TEXT}'>{html.escape(claim)}</b>"
            + html.escape(after)
            + ("…" if cut_after else "")
        )
