"""When the release states the article's figure with another value.

`different` is the one label that accuses the article, so it is given only
where the text leaves no doubt that both figures are one metric: the
article follows the release figure by figure and this figure sits where the
release's other value sits.  Anything less stays `absent` for the editor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import localcontext

from desktop.checks.release.context import Context, conflicts, coverage_pairs, head_found
from desktop.checks.release.figure import TextFigure

# Share of the article's metric character pairs a slipped figure's release sentence must hold.
MIN_WORDS = 0.5
# The fewest digits a figure needs for a changed digit to be a slip (2.4 for 4.2).
MIN_SLIP_DIGITS = 2


def differing(
    i: int,
    figure: TextFigure,
    a_ctx: Sequence[Context],
    release: Sequence[TextFigure],
    r_ctx: Sequence[Context],
    matched: Mapping[int, int],
) -> int | None:
    """The release figure that the article's figure `i` (`figure`) states wrongly, if the text leaves no doubt.

    `matched` maps the article figures already backed by the release to the
    release figures they were matched to; contexts are checks.release.context's.

    Three shapes leave none, all the article restating a stretch of the
    release figure by figure with this one changed:

    - the figure stands between two figures the release backs, and the
      release figure between the very two they were matched to
      (减少3万5000千人或7.44% against 減少3萬5千人或7.44%);
    - the figure is the change of the backed figure just before it, worded
      with no metric of its own (营收1.23亿元，同比增长15.2%), and so is the
      release figure right after that figure's match (营业收入1.23亿元，同比增长13.2%),
      both saying which way it moved; the figure after it, if backed, is
      backed from another passage (the article runs on where the release
      starts a new line);
    - one neighbour is backed, the release figure beside its match (after
      the one before, before the one after) holds most of the figure's metric
      words, and the digits slipped: one changed or two swapped (零售总额
      268.47亿元，同比增长4.9% against 零售总额286.47亿元，同比增长4.9%).

    Always the same unit, nothing stated differently (direction, base,
    period), and a release figure no other article figure is matched to.
    """
    here = a_ctx[i]
    neighbours = {
        a_ctx[n].position - here.position: n
        for n in range(len(a_ctx))
        if a_ctx[n].passage_index == here.passage_index
    }
    before, after = neighbours.get(-1), neighbours.get(1)
    left = _beside(matched.get(before) if before is not None else None, r_ctx, 1)
    right = _beside(matched.get(after) if after is not None else None, r_ctx, -1)
    for j in _places(here, left, right, before, after, matched, r_ctx, figure, release):
        other = release[j]
        if (
            j in matched.values()
            or figure.unit != other.unit
            or conflicts(here, r_ctx[j])
            or figure.value == other.value
        ):
            continue
        return j
    return None


def _places(
    here: Context,
    left: int | None,
    right: int | None,
    before: int | None,
    after: int | None,
    matched: Mapping[int, int],
    r_ctx: Sequence[Context],
    figure: TextFigure,
    release: Sequence[TextFigure],
) -> list[int]:
    """The release figures the article's figure may stand for, by the shapes of `differing`."""
    if left is not None and left == right:
        return [left]  # between the two figures its neighbours were matched to
    places = []
    after_here = (
        after is not None
        and after in matched
        and r_ctx[matched[after]].passage_index == (r_ctx[left].passage_index if left is not None else -1)
    )
    if (
        left is not None
        and not after_here
        and not here.own_subject
        and not r_ctx[left].own_subject
        and here.direction
        and here.direction == r_ctx[left].direction
    ):
        places.append(left)  # the change of the figure before, worded with no metric of its own
    for j in (left, right):
        if j is not None and j not in places and slipped(figure, release[j]) and _words_hold(here, r_ctx[j]):
            places.append(j)  # one neighbour matched and the digits slipped
    return places


def _beside(k: int | None, r_ctx: Sequence[Context], step: int) -> int | None:
    """The one release figure `step` places from release figure `k` in its passage, if any."""
    if k is None:
        return None
    found = [
        j
        for j in range(len(r_ctx))
        if r_ctx[j].passage_index == r_ctx[k].passage_index and r_ctx[j].position == r_ctx[k].position + step
    ]
    return found[0] if len(found) == 1 else None


def _words_hold(here: Context, other: Context) -> bool:
    """Most of the figure's metric words, head noun included (净利率 is not 毛利率), are in `other`'s sentence."""
    pairs = coverage_pairs(here, other)
    return pairs is None or (pairs >= MIN_WORDS and head_found(here, other))


def slipped(article: TextFigure, release: TextFigure) -> bool:
    """Whether the article's digits are the release's with one digit changed or two neighbours swapped.

    Compared at the article's precision, the release having no digit beyond
    it (268.47 for 286.47, 621.5 for 612.5, 92万2117 for 902,117, 2.4 for 4.2);
    a one-digit figure never counts, every change there is one.
    """
    step = article.step
    if step <= 0 or release.step > step:
        return False
    with localcontext() as ctx:
        ctx.prec = 60
        a, b = abs(article.value) / step, abs(release.value) / step
    if a != a.to_integral_value() or b != b.to_integral_value():
        return False
    x, y = str(int(a)), str(int(b))
    if len(x) != len(y) or len(x) < MIN_SLIP_DIGITS or x == y:
        return False
    differ = [k for k in range(len(x)) if x[k] != y[k]]
    if len(differ) == 1:
        return True
    return (
        len(differ) == 2
        and differ[1] == differ[0] + 1
        and x[differ[0]] == y[differ[1]]
        and x[differ[1]] == y[differ[0]]
    )
