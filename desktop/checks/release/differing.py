"""When the release states the article's figure with another value.

`different` is the one label that accuses the article, so it is given only
where the text leaves no doubt that both figures are one metric: the
article follows the release figure by figure and this figure sits where the
release's other value sits.  Anything less stays `absent` for the editor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from desktop.checks.release.context import Context, conflicts
from desktop.checks.release.figure import TextFigure


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

    Two shapes leave none, both the article restating a stretch of the
    release figure by figure with this one changed:

    - the figure stands between two figures the release backs, and the
      release figure between the very two they were matched to
      (减少3万5000千人或7.44% against 減少3萬5千人或7.44%);
    - the figure is the change of the backed figure just before it, worded
      with no metric of its own (营收1.23亿元，同比增长15.2%), and so is the
      release figure right after that figure's match (营业收入1.23亿元，同比增长13.2%),
      both saying which way it moved.

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
    if before is None or before not in matched:
        return None
    left = r_ctx[matched[before]]
    following = [
        j
        for j in range(len(release))
        if r_ctx[j].passage_index == left.passage_index and r_ctx[j].position == left.position + 1
    ]
    if len(following) != 1:
        return None
    j = following[0]
    if after is not None and after in matched:
        right = r_ctx[matched[after]]
        if right.passage_index != left.passage_index or right.position != left.position + 2:
            return None
    elif (
        here.own_subject
        or r_ctx[j].own_subject
        or not (here.direction and here.direction == r_ctx[j].direction)
    ):
        return None
    other = release[j]
    if (
        j in matched.values()
        or figure.unit != other.unit
        or conflicts(here, r_ctx[j])
        or figure.value == other.value
    ):
        return None
    return j
