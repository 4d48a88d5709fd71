"""Which change column of a results table a percentage cell stands in.

A results table prints a row's changes side by side (收入 192,869 167,193
15% 184,504 5%) under column heads printed above the unit header (同比变动
… 环比变动): the first percentage of a row is the year-on-year change, the
second the sequential one.  Without this a row's 5% quarter-on-quarter could
back an article's 按年增长5%.  The heads are read in the order printed, up
to ten lines above the unit header, and given to the percentage cells of
each row below it, in order, when a row has no more percentages than heads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.checks.release.figure import UNIT_HEADER, TextFigure
from desktop.checks.release.script import to_simplified

YOY, SEQUENTIAL = "yoy", "seq"
_HEAD = re.compile(r"(?P<yoy>同比|按年)|(?P<seq>环比|按季|按月)")
_HEAD_REACH = 10


def column_bases(text: str, figures: Sequence[TextFigure]) -> dict[int, str]:
    """The comparison base (YOY or SEQUENTIAL) of each percentage cell under a table's column heads."""
    lines = to_simplified(text).split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    by_line: dict[int, list[int]] = {}
    for i in sorted(range(len(figures)), key=lambda i: figures[i].start):
        by_line.setdefault(_line_of(starts, figures[i].start), []).append(i)
    bases: dict[int, str] = {}
    heads: list[str] = []
    for number, line in enumerate(lines):
        header = UNIT_HEADER.search(line)
        if header and not header.group("per"):
            heads = _heads_above(lines, number, by_line)
            continue
        cells = [i for i in by_line.get(number, []) if figures[i].unit == "%"]
        if heads and cells and len(cells) <= len(heads):
            bases.update(zip(cells, heads, strict=False))
    return bases


def _heads_above(lines: Sequence[str], header: int, by_line: dict[int, list[int]]) -> list[str]:
    heads: list[str] = []
    for number in range(header - 1, max(-1, header - 1 - _HEAD_REACH), -1):
        if len(by_line.get(number, [])) >= 2:  # a row of the table before: the heads end here
            break
        found = [m.lastgroup or "" for m in _HEAD.finditer(lines[number])]
        heads = found + heads
    return heads


def _line_of(starts: Sequence[int], offset: int) -> int:
    low, high = 0, len(starts)
    while high - low > 1:
        middle = (low + high) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle
    return low
