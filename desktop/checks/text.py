"""The shape of an article's text that the relation checks read.

A relation the text states lives inside one sentence (从890元降至434元，降幅
达51%), or is announced by a word that opens a scope (其中, 分别, 共): the
checks look at claims in sentence order and at the few characters between
them, never at the whole article at once.  Keeping the window small is what
keeps most look-alike figures apart: different subjects, places and periods
are almost always in different sentences.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from desktop.checks.figures import Figure, figure_of, is_irregular
from desktop.claims.model import Claim

SENTENCE_END = "。！？!?\n"
CLAUSE_END = SENTENCE_END + "，,；;：:"
PERCENT_UNITS = frozenset({"%", "％"})
RATE_UNITS = frozenset({"%", "％", "倍", "个百分点", "個百分點", "百分点", "百分點"})
POINT_UNITS = frozenset({"个百分点", "個百分點", "百分点", "百分點"})
# Units of figures that describe one thing rather than count many: parts
# measured in them never add up to a total (平均寿命80.23岁，其中男性76.94岁).
INTENSIVE_UNITS = frozenset({"岁", "歲", "周岁", "週歲", "度", "℃", "°C", "分", "级", "級", "星"})
# How far back the words that qualify a figure are looked for.
CLAUSE_REACH = 40
# How many claims either side of a figure a relation's other figures may be.
NEIGHBOURS = 12
_BOUNDARIES = {ends: re.compile("[" + re.escape(ends) + "]") for ends in (SENTENCE_END, "\n", CLAUSE_END)}
# Kinds whose figures can be added, divided and compared.
AMOUNT_KINDS = frozenset({"count", "money", "measure", "duration"})


@dataclass(frozen=True)
class Item:
    """A claim with its index in the article, its Figure and its sentence.

    Its spans are worked out once, when the article is read; what is derived
    from the claim (its Figure, whether it is an amount) on first use, since
    every check asks the same questions of the same few claims.
    """

    index: int
    claim: Claim
    text: str = field(repr=False, compare=False)  # the article's display text
    start: int
    end: int
    clause_start: int
    sentence: tuple[int, int]
    paragraph: tuple[int, int]

    @cached_property
    def figure(self) -> Figure:
        # Worked out on first use: most claims are never an operand.
        return figure_of(self.claim, self.text)

    @property
    def unit(self) -> str:
        return self.claim.unit

    @cached_property
    def is_extensive(self) -> bool:
        """An amount that adds up over parts: not an age, a score or a temperature."""
        # 公斤/亩 and other per-something figures change, but never add up.
        return self.is_amount and self.claim.unit not in INTENSIVE_UNITS and "/" not in self.claim.unit

    @property
    def is_percent(self) -> bool:
        return self.claim.unit in PERCENT_UNITS

    @property
    def is_rate(self) -> bool:
        return self.claim.unit in RATE_UNITS

    @cached_property
    def is_amount(self) -> bool:
        """A figure that can be a part, a total or one end of a change."""
        return (
            self.claim.kind in AMOUNT_KINDS
            and self.claim.value_low is None
            and self.claim.unit not in RATE_UNITS
            and not is_irregular(self.claim.text)
        )


class ArticleText:
    """An article's display text with its claims in reading order."""

    def __init__(self, text: str, claims: Sequence[Claim]) -> None:
        self.text = text
        # Boundary positions, found once: a span lookup is then a bisection,
        # so a 100,000-character sentence with 10,000 claims stays linear.
        self._bounds = {
            ends: [m.start() for m in pattern.finditer(text)] for ends, pattern in _BOUNDARIES.items()
        }
        ordered = sorted(claims, key=lambda c: (c.start, c.end))
        starts = [c.start for c in ordered]
        clauses = _spans_for(starts, self._bounds[CLAUSE_END], len(text))
        sentences = _spans_for(starts, self._bounds[SENTENCE_END], len(text))
        paragraphs = _spans_for(starts, self._bounds["\n"], len(text))
        self.items: tuple[Item, ...] = tuple(
            Item(i, c, text, c.start, c.end, clauses[i][0], sentences[i], paragraphs[i])
            for i, c in enumerate(ordered)
        )
        self._starts = [item.start for item in self.items]
        self._by_sentence: dict[tuple[int, int], list[Item]] = {}
        for item in self.items:
            self._by_sentence.setdefault(item.sentence, []).append(item)

    def sentence_of(self, position: int) -> tuple[int, int]:
        return self._span_around(position, SENTENCE_END)

    def paragraph_of(self, position: int) -> tuple[int, int]:
        return self._span_around(position, "\n")

    def clause_of(self, position: int) -> tuple[int, int]:
        return self._span_around(position, CLAUSE_END)

    def _span_around(self, position: int, ends: str) -> tuple[int, int]:
        bounds = self._bounds[ends]
        i = bisect.bisect_left(bounds, position)
        start = bounds[i - 1] + 1 if i > 0 else 0
        end = bounds[i] if i < len(bounds) else len(self.text)
        return start, end

    def between(self, a: Item, b: Item) -> str:
        return self.text[a.end : b.start]

    def before(self, item: Item, limit: int = 40) -> str:
        """The text before a claim, back to the start of its clause (at most `limit` characters)."""
        start = max(self.clause_of(item.start)[0], item.start - limit)
        return self.text[start : item.start]

    def clause_before(self, item: Item) -> str:
        """The text before a claim back to the start of its clause, at most CLAUSE_REACH characters.

        Bounded because a list joined by 、 is one clause however long it is,
        and the words that matter (由, 其中, 人均, 增加了) stand close to the figure.
        """
        return self.text[max(item.clause_start, item.start - CLAUSE_REACH) : item.start]

    def in_sentence(self, item: Item) -> list[Item]:
        return self._by_sentence[item.sentence]

    def near(self, item: Item, before: int = NEIGHBOURS, after: int = NEIGHBOURS) -> list[Item]:
        """The claims of the item's sentence within `before`/`after` claims of it (the item included).

        A relation's figures sit close together; looking no further keeps a
        sentence of 10,000 figures (a table glued into one line) linear.
        """
        lo, hi = max(0, item.index - before), min(len(self.items), item.index + after + 1)
        return [other for other in self.items[lo:hi] if other.sentence == item.sentence]

    def in_span(self, start: int, end: int) -> list[Item]:
        """The claims that lie within [start, end)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [item for item in self.items[lo:hi] if item.end <= end]

    def last_before(self, start: int, position: int, limit: int = NEIGHBOURS) -> list[Item]:
        """The claims in [start, position), the nearest `limit` of them, nearest last."""
        hi = bisect.bisect_left(self._starts, position)
        lo = max(bisect.bisect_left(self._starts, start), hi - limit)
        return [item for item in self.items[lo:hi] if item.end <= position]

    def sentences(self) -> list[list[Item]]:
        return list(self._by_sentence.values())

    def next_item(self, item: Item) -> Item | None:
        return self.items[item.index + 1] if item.index + 1 < len(self.items) else None


def _spans_for(positions: list[int], bounds: list[int], length: int) -> list[tuple[int, int]]:
    """The span between boundaries around each of the sorted `positions`, in one walk of both lists."""
    spans = []
    k = 0
    for position in positions:
        while k < len(bounds) and bounds[k] < position:
            k += 1
        spans.append((bounds[k - 1] + 1 if k else 0, bounds[k] if k < len(bounds) else length))
    return spans
