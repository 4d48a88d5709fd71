"""Where the release states a figure, read from the backed figures the article states it beside.

An article restates a release passage in its order, so a figure stated
beside a backed one (a figure the matcher confirmed) is placed by it in the
release, whatever equal values the release holds elsewhere:

- after the figure before it (`AFTER_PREVIOUS`): a figure with no metric
  words of its own (营业额为1兆645亿元,年增3.9%) is about the figure before
  it; when that one is backed and the release figure right after its match
  is of the same unit and states nothing otherwise (年增5.9%), that is where
  the release gives this figure, not some equal value further on (another
  trade's 年增3.9%).  Not when that figure is the second of a list
  (分别为132.87及135.05): the changes follow the list in parallel;
- with its level (`WITH_LEVEL`): a change worded with no metric of its own
  (纯利705.5亿元，按年增长18%、按季升12%) is the change of the level before
  it, and one that arrives at a level (收入按年增15%至5574亿元) the change
  of that level.  When the level is backed and its release passage (a
  sentence, a table row) states figures of the change's unit that may be
  it, the change is one of them, not an equal value in another row
  (期内盈利's 20%, the quarter's 15% for the nine months' 5574亿元).

- with its change (`WITH_CHANGE`): a level followed by its change worded
  with no metric of its own (全国人口为2331万4826人,较上月减少2107人) is
  where the release states the level of that change's match (户籍登记人口数
  为2,331万4,826人,较上月减少2,107人): a writer who took the change right
  took its level from there, not an equal value of another metric
  elsewhere (65岁以上人口为457万8,032人).  Only when that level does not
  state the figure's value: then the figure is that level stated wrongly.

`places` gives the release figures a rule allows (None when the rule says
nothing); the matcher turns down a candidate outside them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from desktop.checks.release.context import Context, conflicts
from desktop.checks.release.figure import TextFigure
from desktop.checks.release.values import value_relation

AFTER_PREVIOUS, WITH_LEVEL, WITH_CHANGE = "after previous", "with level", "with change"


class Sides(NamedTuple):
    """The two texts a rule reads: the article's figures and contexts, the release's."""

    article: Sequence[TextFigure]
    a_ctx: Sequence[Context]
    release: Sequence[TextFigure]
    r_ctx: Sequence[Context]


def places(rule: str, i: int, sides: Sides, backed: Mapping[int, int]) -> frozenset[int] | None:
    """The release figures `rule` allows article figure `i` to be (None: the rule says nothing of it).

    `backed` maps the article figures confirmed so far to their release figures.
    """
    rule_of = {AFTER_PREVIOUS: _after_previous, WITH_CHANGE: _with_change, WITH_LEVEL: _with_level}
    return rule_of[rule](i, sides, backed)


def _after_previous(i: int, sides: Sides, backed: Mapping[int, int]) -> frozenset[int] | None:
    article, a_ctx, release, r_ctx = sides
    here = a_ctx[i]
    if here.own_subject:
        return None
    before = next(
        (
            n
            for n in backed
            if a_ctx[n].passage_index == here.passage_index and a_ctx[n].position == here.position - 1
        ),
        None,
    )
    if before is None:
        return None
    k = r_ctx[backed[before]]
    if not k.leads_clause:
        return None  # 分别为132.87及135.05,各增加0.88%及0.89%: a list, its changes in parallel, not in turn
    following = [
        j for j, c in enumerate(r_ctx) if c.passage_index == k.passage_index and c.position == k.position + 1
    ]
    if len(following) != 1:
        return None
    j = following[0]
    if release[j].unit != article[i].unit or conflicts(here, r_ctx[j]):
        return None
    return frozenset(following)


def _with_level(i: int, sides: Sides, backed: Mapping[int, int]) -> frozenset[int] | None:
    article, a_ctx, release, r_ctx = sides
    here = a_ctx[i]
    level = _level_of(i, article, a_ctx)
    if level is None or level not in backed:
        return None
    k = r_ctx[backed[level]]
    there = frozenset(
        j
        for j, c in enumerate(r_ctx)
        if c.passage_index == k.passage_index
        and c.position > k.position
        and release[j].unit == article[i].unit
        and not conflicts(here, c)
        # The level's own change: a cell of its row, or a figure with no metric words of its
        # own (not 其中制造业增加0.13%, another metric's change).
        and (not c.own_subject or not c.leads_clause)
    )
    return there or None


def _level_of(i: int, figures: Sequence[TextFigure], ctx: Sequence[Context]) -> int | None:
    """The figure whose change figure `i` is, if the wording says so."""
    here = ctx[i]
    by_position = {c.position: n for n, c in enumerate(ctx) if c.passage_index == here.passage_index}
    after = by_position.get(here.position + 1)
    if after is not None and ctx[after].reached and figures[after].unit != figures[i].unit:
        return after  # 增15%至5574亿元
    if here.own_subject or not (here.direction or here.base):
        return None
    # Back over the changes listed before it (按年增长18%、按季升12%) to the level.
    for position in range(here.position - 1, -1, -1):
        n = by_position.get(position)
        if n is None or ctx[n].sentence != here.sentence:
            return None
        if figures[n].unit != figures[i].unit:
            return n
    return None


def _with_change(i: int, sides: Sides, backed: Mapping[int, int]) -> frozenset[int] | None:
    article, a_ctx, release, r_ctx = sides
    here = a_ctx[i]
    if _is_change(here):
        return None
    change = i + 1  # figures are in text order: the next one, if it is of this passage
    if change not in backed or a_ctx[change].passage_index != here.passage_index:
        return None
    after = a_ctx[change]
    if after.sentence != here.sentence or after.own_subject or not _is_change(after):
        return None
    level = _release_level(backed[change], r_ctx)
    if (
        level is None
        or release[level].unit != article[i].unit
        or conflicts(here, r_ctx[level])
        or value_relation(article[i], release[level])
    ):
        return None
    return frozenset({level})


def _is_change(context: Context) -> bool:
    return bool(context.direction or context.base) and not context.reached


def _release_level(m: int, r_ctx: Sequence[Context]) -> int | None:
    """The release figure whose change `m` is: back over the changes and earlier periods' values before it in its sentence."""
    there = r_ctx[m]
    if there.own_subject and there.leads_clause:
        return None  # a change of its own metric (其中制造业增加0.13%)
    before = sorted(
        (
            k
            for k, c in enumerate(r_ctx)
            if c.passage_index == there.passage_index
            and c.sentence == there.sentence
            and c.position < there.position
        ),
        key=lambda k: -r_ctx[k].position,
    )
    for k in before:
        c = r_ctx[k]
        if not (_is_change(c) or c.prior):
            # The second of a list (分别为132.87及135.05，各较上年增加0.88%及0.89%) is not the
            # level of the change after it: the changes follow the list in parallel.
            return k if c.leads_clause else None
        if c.own_subject and c.leads_clause:
            return None
    return None
