"""Whether two figures state the same value: equal, rounded, truncated.

Values are compared after the detector's normalisation (magnitude applied,
so 45.4萬 = 45萬4千 = 454000 and 0.10 = 0.1) and only within one unit family
(a percentage is never a number of percentage points).  A rounding is
accepted only from the more precise figure to the less precise one, at the
article's own precision: 705.5億元 is 70,551 百万元 rounded to 0.1億, and
0.8% is 0.88% cut to one decimal.  An approximation word keeps its side
(近12万 is 119,875 rounded, never 126,418), and a bound in the release
(超过400毫米) equals no figure stated as a value.

`ValueIndex` finds a release's figures near a value, `of_unit` those of a
unit (for the rules that weigh one figure's words against its unit's
others).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext

from desktop.checks.figures import OVER, UNDER
from desktop.checks.release.figure import TextFigure

SAME, ROUNDED, TRUNCATED = "same", "rounded", "truncated"


def same_unit(a: TextFigure, b: TextFigure) -> bool:
    """One unit family; a rank (第二) is never a quantity, whatever its empty unit meets."""
    return a.unit == b.unit and (a.kind == "rank") == (b.kind == "rank")


def value_relation(article: TextFigure, release: TextFigure) -> str:
    """SAME, ROUNDED, TRUNCATED or "" for an article figure against a release figure."""
    if not same_unit(article, release) or article.unclear or release.unclear:
        return ""
    if release.approx in (OVER, UNDER) and article.approx != release.approx:
        return ""  # a bound (超过400毫米) backs no figure stated as a value, nor the other bound
    # Signs are compared as directions (checks.release.context): 下降5.3% and -5.3% state one value.
    stated, exact = abs(article.value), abs(release.value)
    if stated == exact:
        return SAME
    step = article.step
    if step <= 0 or release.step >= step or not _keeps_direction(article, stated, exact):
        return ""
    if reduce(exact, step, ROUND_HALF_UP) == stated:
        return ROUNDED
    if reduce(exact, step, ROUND_DOWN) == stated:
        return TRUNCATED
    return ""


def _keeps_direction(article: TextFigure, stated: Decimal, exact: Decimal) -> bool:
    """An approximation word keeps its side: 近12万 is just under 12万, never 126,418; 逾42亿 is over 42亿."""
    if article.approx == UNDER:
        return exact <= stated
    if article.approx == OVER:
        return exact >= stated
    return True


def reduce(value: Decimal, step: Decimal, rounding: str) -> Decimal:
    """`value` to a multiple of `step`, rounded half up or cut toward zero."""
    with localcontext() as ctx:
        ctx.prec = 60
        return (value / step).quantize(Decimal(1), rounding=rounding) * step


class ValueIndex:
    """The release's figures by unit and size, so an article figure meets only those within its own step."""

    def __init__(self, figures: Sequence[TextFigure]) -> None:
        by_unit: dict[str, list[tuple[Decimal, int]]] = {}
        for j, f in enumerate(figures):
            by_unit.setdefault(f.unit, []).append((abs(f.value), j))
        self._values = {unit: sorted(items) for unit, items in by_unit.items()}
        self._keys = {unit: [v for v, _ in items] for unit, items in self._values.items()}

    def near(self, figure: TextFigure) -> list[int]:
        """Indexes of release figures of the figure's unit within one step of its value, in text order."""
        keys = self._keys.get(figure.unit)
        if keys is None:
            return []
        value, step = abs(figure.value), max(figure.step, Decimal(0))
        low, high = bisect_left(keys, value - step), bisect_right(keys, value + step)
        return sorted(j for _, j in self._values[figure.unit][low:high])


# The release last grouped by unit, with its groups: the naming rules run for every candidate
# of every article figure against one release, and would otherwise walk all its figures each time.
# One tuple, replaced whole, so a thread never reads one release's groups for another.
_grouped: tuple[Sequence[TextFigure], dict[str, list[int]]] = ((), {})


def of_unit(release: Sequence[TextFigure], unit: str) -> list[int]:
    """The indexes of the release figures of `unit`, in order."""
    global _grouped
    cached = _grouped
    if cached[0] is not release:
        groups: dict[str, list[int]] = {}
        for k, f in enumerate(release):
            groups.setdefault(f.unit, []).append(k)
        cached = _grouped = (release, groups)
    return cached[1].get(unit, [])
