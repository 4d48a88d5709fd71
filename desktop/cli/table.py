"""Plain-text tables for a terminal, aligned for Chinese (CJK characters are two columns)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TextIO


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, width: int) -> str:
    """Pad or cut `text` to `width` terminal columns, marking a cut with …."""
    text = text.replace("\n", " ")
    if display_width(text) <= width:
        return text + " " * (width - display_width(text))
    out: list[str] = []
    used = 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…" + " " * (width - used - 1)


def write_table(rows: Sequence[Sequence[str]], widths: Sequence[int], out: TextIO) -> None:
    for row in rows:
        out.write("  ".join(fit(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n")
