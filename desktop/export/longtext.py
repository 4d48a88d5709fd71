"""Texts longer than a spreadsheet cell holds, kept whole across the round trip.

A cell holds at most 32,767 characters (Excel counts UTF-16 units), and
openpyxl cuts a longer string there without a word, so a 100,000-character
note came back from an unchanged workbook cut to its first 32,767 and was
saved so.  Instead, a text that does not fit is written as its beginning and
a marker in its own cell, and in full, in pieces, on the 长文本 sheet: one
row per piece, keyed by claim id and column header, so sorting either sheet
changes nothing.  The reader joins the pieces again.  A marked cell that is
no longer exactly the beginning and the marker was edited by someone who saw
only part of the text; that row is refused rather than guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.export.cells import PREVIEW, CellMaker, header_cells
from desktop.export.columns import LONG_TEXT_SHEET

PIECE = 16_000  # code points per piece on the 长文本 sheet; always fits a cell

LONG_TEXT_HEADERS = ("claim id", "列名", "段", "内容")
_MARKER = "……〔未完：全文共 {length} 字，见“" + LONG_TEXT_SHEET + "”表，导回时自动接上；请勿修改这一格〕"
_MARKER_RE = re.compile(
    r"……〔未完：全文共 (\d+) 字，见“"
    + re.escape(LONG_TEXT_SHEET)
    + r"”表，导回时自动接上；请勿修改这一格〕\Z"
)


def preview(text: str) -> str:
    """What the cell of a long text holds: its beginning and the marker."""
    return text[:PREVIEW] + _MARKER.format(length=len(text))


def pieces(text: str) -> list[str]:
    return [text[start : start + PIECE] for start in range(0, len(text), PIECE)]


class LongTextSheet:
    """The 长文本 sheet, opened on the first text that needs it.

    The detail sheet's writer sets `key` to each row's claim id before
    writing the row; `spill` files a text under that key and the column's
    header and returns what its own cell shows.
    """

    def __init__(self, open_sheet: Callable[[], Any], headers: Sequence[str]) -> None:
        self._open_sheet = open_sheet
        self._headers = headers
        self._sheet: Any = None
        self._maker: CellMaker | None = None
        self.key = ""
        self.texts = 0

    def spill(self, text: str, column: int) -> str:
        if self._maker is None:
            self._sheet = self._open_sheet()
            for letter, width in zip("ABCD", (20.0, 10.0, 6.0, 100.0), strict=True):
                self._sheet.column_dimensions[letter].width = width
            self._sheet.freeze_panes = "A2"
            self._sheet.append(header_cells(self._sheet, LONG_TEXT_HEADERS))
            self._maker = CellMaker(self._sheet)
        text_cell = self._maker.text
        key, header = text_cell(self.key), text_cell(self._headers[column])
        for number, piece in enumerate(pieces(text), start=1):
            self._sheet.append([key, header, number, text_cell(piece)])
        self.texts += 1
        return preview(text)


@dataclass(frozen=True)
class LongTexts:
    """The pieces read back from a 长文本 sheet, by (claim id, column header)."""

    pieces: dict[tuple[str, str], dict[int, str]]
    sheet_found: bool

    def restore(self, cell: str, claim_id: str, header: str) -> str | None:
        """The whole text behind a marked cell; `cell` itself when it is not marked.

        None when the cell is marked but its text cannot be put back whole:
        the reason is then `why_not(...)`.
        """
        if not cell.endswith("〕"):
            return cell
        marked = _MARKER_RE.search(cell)
        if marked is None:
            return cell
        found = self.pieces.get((claim_id, header))
        if not found or sorted(found) != list(range(1, len(found) + 1)):
            return None
        whole = "".join(found[number] for number in range(1, len(found) + 1))
        if len(whole) != int(marked.group(1)) or preview(whole) != cell:
            return None
        return whole

    def why_not(self, cell: str, claim_id: str, header: str) -> str:
        length = _MARKER_RE.search(cell)
        total = length.group(1) if length else "?"
        if not self.sheet_found:
            return (
                f"{header} holds only the start of a {total}-character text whose rest was on the "
                f"{LONG_TEXT_SHEET} sheet, which is not in the workbook; export again"
            )
        if (claim_id, header) not in self.pieces:
            return f"{header} is the start of a {total}-character text, but the {LONG_TEXT_SHEET} sheet has no rows for it; export again"
        return (
            f"{header} is longer than a cell ({total} characters) and its cell or its rows on the "
            f"{LONG_TEXT_SHEET} sheet were changed; edit long texts in FactDesk, or edit the "
            f"whole text on the {LONG_TEXT_SHEET} sheet and leave the cell as it is"
        )


def read_long_texts(rows: Any) -> LongTexts:
    """Collect the pieces of a 长文本 sheet from its rows of cell values (header row first)."""
    header = next(rows, None)
    if header is None:
        return LongTexts({}, sheet_found=True)
    names = [str(value).strip() if value is not None else "" for value in header]
    if any(name not in names for name in LONG_TEXT_HEADERS):
        return LongTexts({}, sheet_found=True)
    key, column, number, content = (names.index(name) for name in LONG_TEXT_HEADERS)
    found: dict[tuple[str, str], dict[int, str]] = {}
    width = max(key, column, number, content) + 1
    for values in rows:
        values = (*values, *([None] * (width - len(values))))
        piece_number = values[number]
        if isinstance(piece_number, float) and piece_number.is_integer():
            piece_number = int(piece_number)
        if not isinstance(piece_number, int) or isinstance(piece_number, bool):
            continue
        claim_id, header_text = values[key], values[column]
        if not isinstance(claim_id, str) or not isinstance(header_text, str):
            continue
        text = values[content]
        found.setdefault((claim_id.strip(), header_text.strip()), {})[piece_number] = (
            text if isinstance(text, str) else ""
        )
    return LongTexts(found, sheet_found=True)


NO_LONG_TEXTS = LongTexts({}, sheet_found=False)
