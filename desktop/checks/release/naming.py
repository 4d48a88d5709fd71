"""Which release figure the article's words name, when the value alone points at another.

A release names its figures side by side, often the plain metric and a
qualified one (失业率 3.84%, 季调失业率 3.78%; 审结 119,875件, 审结民商事案件
71,320件), or a whole and its part (社会消费品零售总额 and 其中限额以上单位
消费品零售额).  An article that took the wrong figure of such a list writes
the first one's words with the second one's value, and the value finds its
twin.  The words decide, against a release figure `k` that the value does
not point at (of the candidate's unit, stating nothing otherwise: direction,
base and period alike):

- `k`'s words hold every pair of characters of the figure's metric words
  and the candidate's do not (社会消费品零售总额 is not 单位消费品零售额);
  this one also for a `k` of another unit, when both name their metric in
  their own clause (失业率45万4千人: the words name the rate, the value the
  count of 失业人数; the release backs neither);
- or both hold them, the candidate's add a qualifier that the article's
  sentence has not stated by the figure, and `k`'s add nothing it has not
  (失业率 names 失业率, not 季调失业率, whatever the sentence says of 季调
  after it; 东港市平均 after 全省平均降雨量 is 东港市平均降雨量, not
  东港市白沙站; 去年共审结 names 审结, not 审结民商事案件 — though after
  电信网络诈骗案件成为审判重点, 审结 may well be 审结电信网络诈骗案件);
- or the article's words are its own (股东应占盈利 for 本公司权益持有人
  应占盈利), most of them in the plainer of two figures whose words differ
  by a qualifier (非国际财务报告准则), and the sentence states the
  qualifier of `k` or leaves out that of the candidate;
- or, unless the candidate's words are the figure's (a qualifier stated
  included), the article's sentence has not one pair of characters of the
  candidate's sentence and at least TOLD of `k`'s (单日最高峰出现在十月三日，
  共…人次出入境 tells 期间单日出入境旅客人次最高为十月三日，录得810,437人次,
  not 深圳湾管制站录得588,940人次); never for table cells, which have no
  sentence;
- or, with no `k` needed, the figure's words name one name of a list the
  release states respectively (工业、制造业生产指数分别为132.87及135.05) and
  the candidate stands in another place of it.

A release figure's words are its own clause's metric words, or, when its
clause has none (年增13.2%), the metric words it borrows from the clause
before.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.checks.release.context import Context, conflicts, word_pairs
from desktop.checks.release.figure import TextFigure
from desktop.checks.release.values import of_unit, value_relation

# Share of a qualifier's character pairs the article's sentence must hold to state it.
STATED = 0.5
# Character pairs an article sentence shares with another figure's sentence, none with the candidate's.
TOLD = 4


def named_better(
    context: Context, figure: TextFigure, j: int, release: Sequence[TextFigure], r_ctx: Sequence[Context]
) -> bool:
    """Whether the words of the article figure (`context`, `figure`) name another release figure than `j`."""
    mine = word_pairs(context.subject)
    if not mine:
        return False
    if _another_of_the_list(context, r_ctx[j]):
        return True
    theirs = _words(r_ctx[j])
    said = word_pairs(context.lead)
    holds = mine <= theirs
    if holds and _stated(theirs - mine, said):
        return False  # the candidate's words are the figure's, or the article states their qualifier too
    if not holds and len(mine) < 2:
        return False  # one pair of characters (全省) is too little to tell two figures apart
    sentence = word_pairs(context.sentence)
    told = len(sentence & word_pairs(r_ctx[j].sentence))
    # Another unit's figure is named only by the figure's own words, whole (失业率45万4千人
    # names 失业率, a percentage: the words and the unit disagree, the value backs neither).
    other_units = not holds and context.own_subject
    # One pair of the figure's words, looked for first: most figures' words lack it.
    probe = min(mine)
    unit = release[j].unit
    own_words = r_ctx[j].own_subject
    if other_units:
        for k, other in enumerate(r_ctx):
            if (
                other.own_subject
                and release[k].unit != unit
                and probe in (text := other.clause_words or other.subject)
                and _holds(text, mine)
                and _another_figure(k, context, figure, j, release, r_ctx)
            ):
                return True
    for k in of_unit(release, unit):
        if k == j:
            continue
        other = r_ctx[k]
        words = _words(other)
        better = mine <= words and (not holds or (words - mine) <= said)
        # Or nothing of the sentence is in the candidate's, much of it in `k`'s (单日最高峰出现在
        # 十月三日，共…出入境 is the release's 单日出入境旅客人次最高为十月三日, not 深圳湾管制站).
        # Table cells (a `note`, or not leading their row) have no sentence to compare.
        better = better or (
            told == 0
            and not release[j].note
            and r_ctx[j].leads_clause
            and not release[k].note
            and len(sentence & word_pairs(other.sentence)) >= TOLD
        )
        # Words borrowed from the clause before (较上年同期增加2亿1,350万元) name no metric of their own.
        better = better or (
            own_words and other.own_subject and _qualifier_chooses(mine, theirs, words, context.lead)
        )
        if better and _another_figure(k, context, figure, j, release, r_ctx):
            return True
    return False


def named_nearer(
    context: Context, figure: TextFigure, j: int, release: Sequence[TextFigure], r_ctx: Sequence[Context]
) -> bool:
    """Whether the figure's own words are more another release figure's than `j`'s, though neither's whole.

    Words of the article's own (股东应占盈利) may hold most of one release
    figure's words (本公司权益持有人应占盈利) and little of another's
    (经营盈利); the value then points at the second only by coincidence
    unless something else says it (checks.release.matcher asks a matched
    neighbour).  The other figure must have words of its own, most of the
    figure's pairs among them, and more than `j`'s.
    """
    mine = word_pairs(context.subject)
    if not context.own_subject or len(mine) < 2:
        return False
    held = len(mine & _words(r_ctx[j]))
    for k, other in enumerate(r_ctx):
        if k == j or release[k].unit != release[j].unit or not other.own_subject:
            continue
        share = len(mine & _words(other))
        if (
            share >= STATED * len(mine)
            and share > held
            and _another_figure(k, context, figure, j, release, r_ctx)
        ):
            return True
    return False


def _qualifier_chooses(
    mine: frozenset[str], theirs: frozenset[str], words: frozenset[str], lead: str
) -> bool:
    """Whether `words` (another figure's) are the candidate's `theirs` with a qualifier added or taken off, and the article's own words choose them.

    An article may name a metric in words of its own (股东应占盈利 for
    本公司权益持有人应占盈利) and hold neither figure's words whole; the
    words both share still choose between the plain figure and the
    qualified one (非国际财务报告准则本公司权益持有人应占盈利): the
    qualified one when the article's sentence states the qualifier, else
    the plain one.  Only when most of the article's metric words, the
    qualifier aside, are in the plain figure's.  The qualifier is stated
    when most of its characters are in the sentence: words of one's own
    shorten (季调 for 季节调整).
    """
    if theirs < words:
        plain, qualifier, qualified = theirs, words - theirs, True
    elif words < theirs:
        plain, qualifier, qualified = words, theirs - words, False
    else:
        return False
    named = mine - qualifier  # what the article names, its qualifier aside
    if len(named & plain) < STATED * len(named):
        return False
    characters = set("".join(qualifier))
    return (len(characters & set(lead)) >= STATED * len(characters)) == qualified


def _another_of_the_list(context: Context, other: Context) -> bool:
    """Whether the figure's words name one name of a list stated respectively, not the candidate's.

    工业、制造业生产指数分别为132.87及135.05: 工业生产指数 names the first
    (工业, and not 制造业生产指数 whole), so it is 132.87, never 135.05.  A
    figure stated respectively itself is named by its own place in its list.
    """
    if context.respective:
        mine = word_pairs(context.respective[context.respective_index])
    else:
        mine = word_pairs(context.subject)
    named = [t for t, name in enumerate(other.respective) if word_pairs(name) and word_pairs(name) <= mine]
    return len(named) == 1 and named[0] != other.respective_index


def _stated(qualifier: frozenset[str], said: frozenset[str]) -> bool:
    return not qualifier or len(qualifier & said) >= STATED * len(qualifier)


def _words(context: Context) -> frozenset[str]:
    return word_pairs(
        context.clause_words if context.own_subject and context.clause_words else context.subject
    )


def _holds(text: str, pairs: frozenset[str]) -> bool:
    """`pairs <= word_pairs(text)`, without building the pairs of every release figure's words."""
    return all(pair in text for pair in pairs)


def _another_figure(
    k: int,
    context: Context,
    figure: TextFigure,
    j: int,
    release: Sequence[TextFigure],
    r_ctx: Sequence[Context],
) -> bool:
    """Whether release figure `k` is one the article figure may have meant but whose value it does not state."""
    other = release[k]
    return not (
        other.unclear
        or conflicts(context, r_ctx[k])
        or value_relation(figure, other)
        or value_relation(other, figure)
        or value_relation(other, release[j])
        or value_relation(release[j], other)
    )
