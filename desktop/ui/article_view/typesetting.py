"""How an article is set in the centre pane: one block per line, its style by the line's role.

The document holds the article's display text verbatim plus one muted
date/file line after the byline (the PositionMap returned says by how much
that shifts what follows), so a claim's span in ArticleDetail.text maps to
the document by a fixed shift and highlights never rebuild the document.
"""

from __future__ import annotations

import bisect

from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from desktop.store.records import ArticleDetail
from desktop.ui.article_view.positions import PositionMap

# Type sizes in pixels: a comfortable reading size for Chinese body text.
BODY_PX = 16
HEADLINE_PX = 22
DECK_PX = 17
SMALL_PX = 13

# Characters QTextDocument would treat as a block break or drop, which would shift every position after them.
_BLOCK_BREAKS = str.maketrans({"\r": " ", "\u2029": " "})

Formats = dict[str, tuple[QTextBlockFormat, QTextCharFormat]]


def zoomed(pixels: int, zoom: int) -> int:
    """A size in pixels at `zoom` percent."""
    return round(pixels * zoom / 100)


def typeset(document: QTextDocument, detail: ArticleDetail, formats: Formats) -> PositionMap:
    """Fill `document` with the article, each line styled by its part's role; the map of positions."""
    text = detail.text.translate(_BLOCK_BREAKS)
    meta, insert_at = meta_line(detail)
    inserted = "\n" + meta if meta else ""
    positions = PositionMap(text, insert_at, len(inserted.encode("utf-16-le")) // 2)
    shown = text[:insert_at] + inserted + text[insert_at:]

    # The role of each line: the part that covers its first character.
    parts = sorted(detail.parts, key=lambda p: p.start)
    part_starts = [p.start for p in parts]
    document.clear()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    offset = 0
    for number, line in enumerate(shown.split("\n")):
        if inserted and offset == insert_at + 1:
            role = "meta"
        else:
            index = offset if offset <= insert_at or not inserted else offset - len(inserted)
            at = bisect.bisect_right(part_starts, index) - 1
            role = parts[at].role if at >= 0 and index < parts[at].end + 1 else "body"
        block_format, char_format = formats.get(role, formats["body"])
        if number == 0:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
        else:
            cursor.insertBlock(block_format, char_format)
        cursor.insertText(line, char_format)
        offset += len(line) + 1
    cursor.endEditBlock()
    return positions


def meta_line(detail: ArticleDetail) -> tuple[str, int]:
    """The date/file line and where it goes: after the byline, else the deck, else the headline."""
    summary = detail.summary
    meta = " · ".join(x for x in (summary.date, summary.file_name) if x)
    if not meta:
        return "", 0
    anchor = 0
    for role in ("headline", "deck", "byline"):
        ends = [p.end for p in detail.parts if p.role == role]
        if ends:
            anchor = max(ends)
    if anchor == 0 or anchor > len(detail.text):
        return "", 0
    # Insert at a line end so the meta line is a paragraph of its own.
    line_end = detail.text.find("\n", anchor)
    return meta, line_end if line_end >= 0 else len(detail.text)


def text_formats(palette: QPalette, zoom: int) -> Formats:
    """The block and character format of each role of line, at `zoom` percent, in the palette's colours."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    muted = QColor(
        round(text.red() * 0.6 + base.red() * 0.4),
        round(text.green() * 0.6 + base.green() * 0.4),
        round(text.blue() * 0.6 + base.blue() * 0.4),
    )

    def block(line_height: int, top: float = 0, bottom: float = 0, indent: float = 0) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        fmt.setTextIndent(indent)
        return fmt

    def chars(pixels: int, *, bold: bool = False, colour: QColor | None = None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setProperty(QTextFormat.Property.FontPixelSize, pixels)
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        if colour is not None:
            fmt.setForeground(colour)
        return fmt

    def px(pixels: int) -> int:
        return zoomed(pixels, zoom)

    # Qt's proportional height scales the font's own line height, which for CJK fonts is
    # already about 1.45 em: 110 % gives the ~1.6 em lines Chinese body text reads best at.
    body = (block(110, bottom=10, indent=2 * px(BODY_PX)), chars(px(BODY_PX)))
    small = (block(100, bottom=2), chars(px(SMALL_PX), colour=muted))
    return {
        "headline": (block(100, bottom=6), chars(px(HEADLINE_PX), bold=True)),
        "deck": (block(100, bottom=6), chars(px(DECK_PX), colour=muted)),
        "byline": small,
        "meta": (block(100, bottom=18), chars(px(SMALL_PX), colour=muted)),
        "subhead": (block(110, top=10, bottom=6), chars(px(BODY_PX), bold=True)),
        "body": body,
        "furniture": small,
    }
