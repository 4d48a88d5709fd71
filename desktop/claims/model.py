"""The numeric claim record, as defined by docs/numeric-claims.md."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

KINDS = ("count", "money", "percent", "change", "rank", "duration", "measure")

# Approximation words and what they say about the true value.
APPROX_MEANING = {
    "近": "about",
    "约": "about",
    "左右": "about",
    "上下": "about",
    "来": "about",
    "余": "more than",
    "多": "more than",
    "超": "more than",
    "逾": "more than",
    "以上": "at least",
    "以下": "at most",
}


@dataclass(frozen=True)
class Claim:
    """One numeric claim found in an article's display text.

    `start`/`end` index the article's display text; `value` has the magnitude
    applied (1272万件 -> 12720000); `value_low` is the lower end of a range
    (70~80万人) and None otherwise.
    """

    start: int
    end: int
    text: str
    value: Decimal
    unit: str
    kind: str
    approx: str = ""  # the approximation word as written ("近", "余", ...)
    value_low: Decimal | None = None
    subject: str = ""
    time: str = ""
    place: str = ""
    sentence: str = ""
    # Filled in by the pipeline once the article is placed in its file.
    source_start: int = -1
    source_end: int = -1
    id: str = ""

    @property
    def approx_meaning(self) -> str:
        return APPROX_MEANING.get(self.approx, "")
