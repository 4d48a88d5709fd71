"""Dates, clock times and names, masked before claims are read.

A number inside a date (2023年, 9月13日, 1—8月), a clock time (18:30), a
short quotation or title (“七个一”, 《…》) or a set phrase is never a claim.
"""

from __future__ import annotations

import re

from desktop.claims.cues import after_run
from desktop.claims.patterns import AR_DIGIT, CN_DIGITS, DATE, QUOTED, SENTENCE_STOP_IN_QUOTE, SET_PHRASE


class Mask:
    """Positions of a text that belong to a date or a name, looked up in O(1)."""

    def __init__(self, length: int) -> None:
        self._flags = bytearray(length + 1)

    def add(self, start: int, end: int) -> None:
        self._flags[start:end] = b"\x01" * (end - start)

    def covers(self, start: int, end: int) -> bool:
        return any(self._flags[start:end])


_RUN_COUNT = re.compile(rf"[{CN_DIGITS}十{AR_DIGIT}]{{1,3}}[月日]")


def masks(text: str) -> tuple[Mask, Mask]:
    dates, names = Mask(len(text)), Mask(len(text))
    for m in DATE.finditer(text):
        if m.end() > m.start():
            if _RUN_COUNT.fullmatch(m.group()) and after_run(text, m.start()):
                continue  # 连五月下跌, 連升三日: five months, three days running, not May or the 3rd
            dates.add(m.start(), m.end())
    for m in QUOTED.finditer(text):
        inner = m.group()[1:-1]
        if m.group()[0] == "《" or not SENTENCE_STOP_IN_QUOTE.search(inner):
            names.add(m.start(), m.end())
    for m in SET_PHRASE.finditer(text):
        names.add(m.start(), m.end())
    return dates, names
