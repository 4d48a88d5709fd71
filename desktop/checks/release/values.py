"""Whether two figures state the same value: equal, rounded, truncated.

Values are compared after the detector's normalisation (magnitude applied,
so 45.4萬 = 45萬4千 = 454000 and 0.10 = 0.1) and only within one unit family
(a percentage is never a number of percentage points).  A rounding is
accepted only from the more precise figure to the less precise one, at the
article's own precision: 705.5億元 is 70,551 百万元 rounded to 0.1億, and
0.8% is 0.88% cut to one decimal.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext

from desktop.checks.release.figure import TextFigure

SAME, ROUNDED, TRUNCATED = "same", "rounded", "truncated"


def same_unit(a: TextFigure, b: TextFigure) -> bool:
    return a.unit == b.unit


def value_relation(article: TextFigure, release: TextFigure) -> str:
    """SAME, ROUNDED, TRUNCATED or "" for an article figure against a release figure."""
    if not same_unit(article, release) or article.unclear or release.unclear:
        return ""
    # Signs are compared as directions (checks.release.context): 下降5.3% and -5.3% state one value.
    stated, exact = abs(article.value), abs(release.value)
    if stated == exact:
        return SAME
    step = article.step
    if step <= 0 or release.step >= step:
        return ""
    if reduce(exact, step, ROUND_HALF_UP) == stated:
        return ROUNDED
    if reduce(exact, step, ROUND_DOWN) == stated:
        return TRUNCATED
    return ""


def reduce(value: Decimal, step: Decimal, rounding: str) -> Decimal:
    """`value` to a multiple of `step`, rounded half up or cut toward zero."""
    with localcontext() as ctx:
        ctx.prec = 60
        return (value / step).quantize(Decimal(1), rounding=rounding) * step
