"""What every relation check shares: operands from claims, the verdict, display.

The verdict follows the relation gold: a stated figure holds when the
computed value, rounded to the stated figure's own precision, is that figure
(approximation words keep their direction).  When the figures as written are
themselves roundings (3.5万, 8000人), a relation that fails on the written
values but holds for values they may stand for is reported as holding
"within rounding": an editor should not be sent after a rounding.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from desktop.checks.figures import Figure, Interval, plain
from desktop.checks.messages import TEMPLATES
from desktop.checks.model import Finding, Message, Operand
from desktop.checks.text import Item

_UNIT_TAIL = re.compile(r"(?:左右|上下|以上|以下|余|多|來|来)$")
_MAGNITUDE = re.compile(r"[0-9０-９.．,]+(万亿|萬億|千万|千萬|百万|百萬|[万萬亿億千百])")


@dataclass(frozen=True)
class Verdict:
    holds: bool
    within_rounding: bool = False  # holds only for values the written figures may stand for


def judge(stated: Figure, nominal: Decimal | None, spread: Interval | None) -> Verdict:
    if nominal is not None and stated.agrees(nominal):
        return Verdict(True)
    if spread is not None and stated.allows(spread):
        return Verdict(True, within_rounding=True)
    return Verdict(False)


def operand(item: Item, role: str, value: Decimal | None = None) -> Operand:
    return Operand(
        role=role,
        text=item.claim.text,
        start=item.start,
        end=item.end,
        claim_id=item.claim.id,
        value=plain(item.claim.value if value is None else value).replace("−", "-"),
    )


def written(item: Item) -> str:
    """A claim as the message shows it: the figure as written, without its unit."""
    text = _UNIT_TAIL.sub("", item.claim.text)
    if item.claim.unit and text.endswith(item.claim.unit):
        text = text[: -len(item.claim.unit)]
    return text or item.claim.text


def magnitude_of(item: Item) -> tuple[Decimal, str]:
    """The magnitude word a claim is written with and what it multiplies by (万 -> 10000)."""
    found = _MAGNITUDE.search(item.claim.text)
    if not found:
        return Decimal(1), ""
    word = found.group(1)
    factor = {
        "万": 4,
        "萬": 4,
        "亿": 8,
        "億": 8,
        "千": 3,
        "百": 2,
        "万亿": 12,
        "萬億": 12,
        "千万": 7,
        "千萬": 7,
    }
    return Decimal(10) ** factor.get(word, 6 if word in ("百万", "百萬") else 0), word


def like(item: Item, value: Decimal, extra_places: int = 0) -> str:
    """A computed value written as `item` is written (4.2万 for 42000 next to 3.1万)."""
    factor, word = magnitude_of(item)
    places = item.figure.places + extra_places
    return plain(value / factor, places) + word


def in_units_of(item: Item, value: Decimal) -> str:
    """A derived value in the magnitude `item` is written with, at its natural precision."""
    factor, word = magnitude_of(item)
    return plain(value / factor) + word


def percent(value: Decimal, places: int) -> str:
    return f"{plain(value, places)} %"


def signed_percent(value: Decimal, places: int) -> str:
    text = plain(value, places)
    return f"+{text} %" if value > 0 else f"{text} %"


def make(
    check: str,
    at: Item | tuple[int, int],
    verdict: Verdict,
    code: str,
    operands: Sequence[Operand],
    result: str,
    reading: str = "",
    **args: str,
) -> Finding:
    if verdict.within_rounding and f"{code}_rounding" in TEMPLATES:
        code = f"{code}_rounding"
    start, end = at if isinstance(at, tuple) else (at.start, at.end)
    return Finding(
        check=check,
        holds=verdict.holds,
        start=start,
        end=end,
        message=Message(code, tuple(sorted(args.items()))),
        operands=tuple(operands),
        computed=result,
        reading=reading,
        claim_ids=tuple(o.claim_id for o in operands if o.claim_id),
    )


Finder = Callable[..., list[Finding]]
