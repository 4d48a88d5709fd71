"""Article text index ↔ document position, for the article view.

Two things shift them apart: Qt counts UTF-16 units (a character outside the
Basic Multilingual Plane takes two), and the date/file line the view inserts
after the byline.
"""

from __future__ import annotations

import bisect
import re

_NON_BMP = re.compile("[\U00010000-\U0010ffff]")


class PositionMap:
    """Article text index ↔ document position.

    Two things can shift them apart: Qt counts UTF-16 units (a character
    outside the BMP takes two), and the meta line inserted at `insert_at`.
    """

    def __init__(self, text: str, insert_at: int, inserted: int) -> None:
        self._units: list[int] | None = None  # UTF-16 offset of each index; None when they are equal
        if _NON_BMP.search(text):
            units = [0]
            for char in text:
                units.append(units[-1] + (2 if ord(char) > 0xFFFF else 1))
            self._units = units
        self._insert_at = self._utf16(insert_at)
        self._inserted = inserted

    def _utf16(self, index: int) -> int:
        return index if self._units is None else self._units[index]

    def _index(self, unit: int) -> int:
        if self._units is None:
            return unit
        return bisect.bisect_right(self._units, unit) - 1

    def to_document(self, index: int) -> int:
        unit = self._utf16(index)
        return unit + self._inserted if unit > self._insert_at else unit

    def to_text(self, position: int) -> int | None:
        """The text index at a document position; None inside the inserted line."""
        if position <= self._insert_at:
            return self._index(position)
        if position < self._insert_at + self._inserted:
            return None
        return self._index(position - self._inserted)
