"""A number the detector proposes, and how proposals become claims.

Overlapping proposals keep the longer; numbers listed after a rank are
ranks; a run of bare numbers joined by connectors borrows the unit and kind
of the number that ends it; two joined by a range word make one claim with a
lower end, unless the range defines a group (18至59岁, a band of homes).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import NamedTuple

from desktop.claims import lexicon as lx
from desktop.claims.model import Claim
from desktop.claims.numerals import EXACT, NumberError, check_bounds
from desktop.claims.patterns import CONNECTOR, RANGE_CONNECTOR


class Candidate(NamedTuple):
    # A tuple rather than a frozen dataclass: a page proposes hundreds, and a
    # tuple is made several times faster.
    start: int
    end: int
    value: Decimal
    unit: str
    kind: str
    approx: str
    bare: bool  # no unit: may borrow one from a coordinated number (第1、3、4位)
    arabic: bool
    rank_prefix: bool


def resolve(text: str, candidates: list[Candidate]) -> list[Claim]:
    claims: list[Claim] = []
    i = 0
    n = len(candidates)
    # drop overlaps (a 百分之 match and a plain numeral over the same text)
    kept: list[Candidate] = []
    for cand in candidates:
        if kept and cand.start < kept[-1].end:
            if (cand.end - cand.start) > (kept[-1].end - kept[-1].start):
                kept[-1] = cand
            continue
        kept.append(cand)
    candidates = kept
    n = len(candidates)
    while i < n:
        cand = candidates[i]
        if (
            i
            and candidates[i - 1].kind == "rank"
            and _joined(text, candidates[i - 1], cand)
            and (cand.bare or cand.unit in lx.RANK_UNITS)
        ):
            # 第1、3、4位: numbers listed after a rank are ranks too
            cand = candidates[i] = cand._replace(kind="rank", bare=False)
        if not cand.bare:
            claims.append(_claim(text, cand))
            i += 1
            continue
        # a run of bare numbers joined by connectors borrows the unit and
        # kind of the first number with a unit that ends the run
        j = i
        while j < n and candidates[j].bare and j + 1 < n and _joined(text, candidates[j], candidates[j + 1]):
            j += 1
        head = candidates[j]
        if head.bare or j == i and not (i + 1 < n and _joined(text, cand, candidates[i + 1])):
            i = j + 1 if head.bare else j
            continue
        if text[cand.end : cand.end + 1] in RANGE_CONNECTOR and (
            head.unit in lx.AGE_UNITS or _size_band(text, head)
        ):
            i = j + 1  # 18至59岁 defines a group of people, 90至144平方米的住房 a band of homes
            continue
        if (
            j == i + 1
            and text[cand.end : cand.end + 1] in RANGE_CONNECTOR
            and not head.rank_prefix
            and head.kind != "rank"
        ):
            claims.append(_range(text, cand, head))
            i = j + 1
            continue
        rank_run = head.kind == "rank"
        for k in range(i, j):
            bare = candidates[k]
            if not rank_run and text[bare.end : bare.end + 1] in RANGE_CONNECTOR:
                continue
            claims.append(_claim(text, bare._replace(kind=head.kind, unit="")))
        i = j
    return claims


def _size_band(text: str, high: Candidate) -> bool:
    """Does the range ending in `high` name a band of floor areas (90至144平方米的改善型住房)?"""
    if high.unit not in lx.AREA_UNITS or not text.startswith("的", high.end):
        return False
    return any(noun in text[high.end + 1 : high.end + 9] for noun in lx.HOME_NOUNS)


def _joined(text: str, left: Candidate, right: Candidate) -> bool:
    between = text[left.end : right.start]
    return (
        len(between) == 1
        and between in CONNECTOR
        or between in ("第",)
        or (len(between) == 2 and between[0] in CONNECTOR and between[1] == "第")
    )


def _range(text: str, low: Candidate, high: Candidate) -> Claim:
    low_value = low.value
    # 70~80万人: the magnitude written once applies to both ends.  Only
    # the number's own magnitude counts, not a 万 in the unit (10.2～15.1/10万).
    span = text[high.start : high.end]
    number = span[: span.rfind(high.unit)] if high.unit and high.unit in span else span
    magnitude = _magnitude_of(number)
    if magnitude != 1 and _magnitude_of(text[low.start : low.end]) == 1:
        try:
            low_value = check_bounds(EXACT.multiply(low_value, magnitude), text[low.start : high.end])
        except NumberError:
            # A lower end past any real figure is not a lower end; the upper end stands.
            return _claim(text, high)
    # The standard scores a range by its upper end: that is the span; the
    # lower end travels with it as value_low (and shows in the inspector).
    return replace(_claim(text, high), value_low=low_value)


def _magnitude_of(span: str) -> Decimal:
    factor = Decimal(1)
    for ch in span:
        if ch in "万萬":
            factor *= 10000
        elif ch in "亿億":
            factor *= 100000000
    return factor


def _claim(text: str, cand: Candidate) -> Claim:
    return Claim(
        start=cand.start,
        end=cand.end,
        text=text[cand.start : cand.end],
        value=cand.value,
        unit=cand.unit,
        kind=cand.kind,
        approx=cand.approx,
    )
