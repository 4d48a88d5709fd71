"""Label every figure of an article against the release it was written from.

For each article figure the release's figures of equal or rounded value in
the same unit family are candidates (checks.release.values).  A candidate
is taken only when the context says it is the same metric, because a wrong
confirmation (telling the editor the release backs a figure it does not)
costs more than no answer:

- it is refused outright when both sides state a direction, a period or a
  comparison base and they differ (the rice harvest's 增长0.7% is not the
  sown area's 下降0.7%), or when one is the earlier period's value
  (上年同期为…), or when the figure's own clause names a metric the release
  sentence has no word of (工业部门增加1千人 is not 就业人数增加1千人);
- otherwise evidence adds up: the metric words found in the release
  sentence, direction, base and period stated alike, a neighbouring figure
  of the article matching a figure of the same release sentence (articles
  restate a release sentence by sentence), and how specific the value is
  (631.3億元 rounding 63,133 百万元 is no coincidence; 15% may well be).

A common figure (three significant digits or fewer) needs more than a value
and agreeing verbs: its metric words mostly in the release sentence, head
noun included, or the words right after it naming the release figure's
metric (3人死亡 for 因灾死亡3人), or a matched neighbour; a neighbour right
beside it when its own clause names a metric the release sentence has no
pair of characters of.  A specific figure whose metric words (its own
clause's, or borrowed from the clause before with no word after it naming
the release figure) have no such pair needs a matched neighbour too
(人民调解员1209名 is not the 1,209名 debtors), and so does one whose words,
weak in the release sentence, are mostly another release figure's
(股东应占盈利 is not 经营盈利's figure).  A rounding keeps the side of its approximation word (近12万 is
under 12万), a bound (超过400毫米) backs no value, and one passage of the
article never states one release figure twice (the first figure takes it,
unless a later one's own words are the release figure's and its own none
of them).  Whatever the value, no
candidate is taken when the two are stated as different things (a change
and a level, 死亡 and 失踪 after them), when the figure's words name
another release figure (港珠澳大桥香港口岸 is not 深圳湾管制站's; 失业率 is
not 季调失业率's, checks.release.naming), or when
the release gives the change of the figure before it elsewhere (年增5.9%
right after 1兆645亿元, not another trade's 年增3.9%), when one is an amount
per share and the other not, when a bare classifier's noun (2,931个站点)
is not in the other's words (开放避灾安置场所2,931个), or when the
article states a change with no base and the release gives the level it
is the change of another comparison first (再减2107人 is the 较上月减少
2,107人, not an equal 较上年同月 further on).

Articles that take a neighbouring figure of the release by mistake
(tests/checks/release/swap_stress.py) are why the choices are then checked
against each other: a neighbour anchors only through the release figure it
was matched to, and a change is matched in the release passage (sentence,
table row) of the level it is the change of, when that passage states one
that may be it (纯利705.5亿元，按年增长18% is that row's 18%, not
期内盈利's 20%), and a level is matched where the release states the
change after it (全国人口为…,较上月减少2107人 is the 户籍登记人口数 that
较上月减少2,107人 follows, not an equal 65岁以上人口 elsewhere).

A figure left unconfirmed is `different` when the article restates a
stretch of the release with it changed (checks.release.differing), else
`absent`, with the reason when a figure of equal value was turned down.  Among several candidates the best evidence
wins; on a tie a release figure in the same place (the title for a
headline, the body for the body), then one not yet used by an earlier
article figure (分别为132.87及135.05 … 0.88%及0.89%), then the earlier one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from desktop.checks.figures import plain
from desktop.checks.model import Message
from desktop.checks.release.context import (
    MASK,
    Context,
    agreements,
    conflicts,
    contexts,
    coverage,
    coverage_pairs,
    head_found,
    same_base,
    subject_cover,
    tail_found,
    word_pairs,
)
from desktop.checks.release.differing import differing
from desktop.checks.release.figure import TextFigure, bare_figures, figure_of_claim, unclear_figures
from desktop.checks.release.messages import precision_args, reason_args
from desktop.checks.release.model import ABSENT, DIFFERENT, ROUNDED, SAME, ReleaseMatch
from desktop.checks.release.naming import named_better, named_nearer
from desktop.checks.release.placing import AFTER_PREVIOUS, WITH_CHANGE, WITH_LEVEL, Sides, places
from desktop.checks.release.script import to_simplified
from desktop.checks.release.values import TRUNCATED, ValueIndex, of_unit, reduce, value_relation
from desktop.claims.model import Claim

# Evidence needed to confirm a figure (see `_evidence`).
THRESHOLD = 3.0
# How far apart (in figures) two neighbours may be, in the article and in the release.
ARTICLE_NEIGHBOURS = 2
RELEASE_NEIGHBOURS = 5
# Share of its metric words' character pairs a common figure's release sentence
# must hold, absent a matched neighbour.
MIN_COVERAGE = 0.5
# Units that count nothing until a noun follows them (2,931个站点, 46家企业).
CLASSIFIERS = frozenset("个家项座处只台所条架艘宗件次")
_MAGNITUDE = re.compile(r"[0-9]\s*(万亿|萬億|亿|億|万|萬|兆)")
_DIGITS = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")


@dataclass(frozen=True)
class _Candidate:
    index: int  # of the release figure
    relation: str  # SAME, ROUNDED or TRUNCATED
    veto: str  # why it is another metric ("" when it may be the same)


def figures_in(text: str, claims: Sequence[Claim]) -> list[TextFigure]:
    """Every figure of a text: its claims (offsets into `text`) and the bare figures they leave out."""
    figures = [figure_of_claim(c, text) for c in claims]
    figures.extend(bare_figures(text, claims))
    figures.extend(unclear_figures(text, claims))
    return sorted(figures, key=lambda f: (f.start, f.end))


def match_release(
    article_text: str, article_claims: Sequence[Claim], release_text: str, release_claims: Sequence[Claim]
) -> list[ReleaseMatch]:
    """One ReleaseMatch per figure of the article, in text order.

    Claims' `start`/`end` index their text (as the detector gives them for
    an article's display text; for a whole file, place them first, see
    checks.release.document).
    """
    article = figures_in(article_text, article_claims)
    release = figures_in(release_text, release_claims)
    a_ctx = contexts(article_text, article)
    r_ctx = contexts(release_text, release)
    index = ValueIndex(release)
    candidates = [_candidates(f, c, index, release, r_ctx) for f, c in zip(article, a_ctx, strict=True)]
    chosen: dict[int, _Candidate] = {}
    # While choosing, a later figure with one candidate is taken to be backed by it, so that a
    # level may be placed by the change after it (checks.release.placing, WITH_CHANGE) before
    # a wrong match of the level has displaced that change; only a change as specific as the
    # level, or it would place the level by a coincidence of its value (12.8%).
    # (The figure after a figure in its passage is the next one: figures are in text order.)
    sole = {n: found[0].index for n, found in enumerate(_unvetoed(c) for c in candidates) if len(found) == 1}
    backed: dict[int, int] = {}
    for i in range(len(article)):
        after = i + 1
        ahead = (
            {after: sole[after]}
            if after in sole and article[after].significant_digits >= article[i].significant_digits
            else {}
        )
        scored = [
            (_evidence(i, c, article, a_ctx, r_ctx, candidates), c)
            for c in candidates[i]
            if not c.veto and _supported(i, c, article, a_ctx, r_ctx, candidates, release)
        ]
        # One passage of an article does not state one release figure twice: a figure
        # already backing an earlier figure of the passage backs no other there
        # (出生数比去年同月少1036人；…死亡数较去年同月减少1036人 restates no births).
        taken = {c.index for k, c in chosen.items() if a_ctx[k].passage_index == a_ctx[i].passage_index}
        accepted = [
            (score, c)
            for score, c in scored
            if score >= THRESHOLD
            and c.index not in taken
            and not _yields(i, c, a_ctx, r_ctx, candidates)
            and not _placed_elsewhere(AFTER_PREVIOUS, i, c, article, a_ctx, release, r_ctx, backed)
            and not _placed_elsewhere(WITH_CHANGE, i, c, article, a_ctx, release, r_ctx, ahead)
        ]
        if accepted:
            used = {c.index for c in chosen.values()}
            # Ties go to a release figure in the same place (headline and title, body and
            # body), then to one no earlier figure took, then to the first.
            role = a_ctx[i].first_line
            chosen[i] = max(
                accepted,
                key=lambda sc: (
                    sc[0],
                    r_ctx[sc[1].index].first_line == role,
                    sc[1].index not in used,
                    -sc[1].index,
                ),
            )[1]
            backed[i] = chosen[i].index
    chosen = _verified(chosen, article, a_ctx, r_ctx, candidates, release)
    matched = {i: c.index for i, c in chosen.items()}
    matches: list[ReleaseMatch] = []
    for i, figure in enumerate(article):
        if i in chosen:
            matches.append(_confirmed(figure, release[chosen[i].index], chosen[i].relation))
            continue
        other = differing(i, figure, a_ctx, release, r_ctx, matched)
        if other is not None:
            matches.append(_different(figure, release[other], a_ctx[i]))
        else:
            matches.append(_absent(figure, candidates[i], release))
    return matches


# How many times the choices are checked again against each other's (each round can only drop some).
VERIFY_ROUNDS = 3


def _verified(
    chosen: dict[int, _Candidate],
    article: Sequence[TextFigure],
    a_ctx: Sequence[Context],
    r_ctx: Sequence[Context],
    candidates: Sequence[Sequence[_Candidate]],
    release: Sequence[TextFigure],
) -> dict[int, _Candidate]:
    """The choices that still hold when a neighbour anchors only through the release figure it was matched to.

    While choosing, any candidate of a neighbour counts (its match is not
    known yet): 0.1个百分点 beside 58.91% has a twin in the sentence of
    劳动力参与率58.91%, though it is matched to the 失业率's 0.1个百分点.
    A figure the release backs elsewhere, or does not back, anchors nothing
    here; a choice that stood only on such an anchor is dropped, and the
    others are checked again without it.
    """
    for _ in range(VERIFY_ROUNDS):
        backing = [[chosen[n]] if n in chosen else [] for n in range(len(article))]
        backed_now = {n: c.index for n, c in chosen.items()}
        kept = {}
        for i, c in chosen.items():
            own = [*backing[:i], candidates[i], *backing[i + 1 :]]
            if (
                _supported(i, c, article, a_ctx, r_ctx, own, release)
                and _evidence(i, c, article, a_ctx, r_ctx, own) >= THRESHOLD
                and not _placed_elsewhere(WITH_LEVEL, i, c, article, a_ctx, release, r_ctx, backed_now)
                and not _placed_elsewhere(WITH_CHANGE, i, c, article, a_ctx, release, r_ctx, backed_now)
            ):
                kept[i] = c
        if len(kept) == len(chosen):
            break
        chosen = kept
    return chosen


def _placed_elsewhere(
    rule: str,
    i: int,
    candidate: _Candidate,
    article: Sequence[TextFigure],
    a_ctx: Sequence[Context],
    release: Sequence[TextFigure],
    r_ctx: Sequence[Context],
    backed: dict[int, int],
) -> bool:
    """Whether a backed figure beside this one places it in the release elsewhere than the candidate (checks.release.placing)."""
    allowed = places(rule, i, Sides(article, a_ctx, release, r_ctx), backed)
    return allowed is not None and candidate.index not in allowed


def _yields(
    i: int,
    candidate: _Candidate,
    a_ctx: Sequence[Context],
    r_ctx: Sequence[Context],
    candidates: Sequence[Sequence[_Candidate]],
) -> bool:
    """Whether a later figure of the passage, whose own words are the release figure's, has the better claim to it.

    A passage states a release figure once (see `taken`), so the earlier
    of two figures of equal value would take it from the later one.  When
    the later one's own words all stand in the release figure's own words
    and the earlier one's none of theirs (其中绝收312间；倒塌房屋312间 for
    倒塌房屋312间), the earlier one is the figure taken by mistake.
    """
    there = r_ctx[candidate.index]
    here = a_ctx[i]
    if not there.own_subject or not here.own_subject or subject_cover(here, there, whole=True) != 0:
        return False
    # Figures are in text order: the later ones of the passage follow it until the next passage.
    for n in range(i + 1, len(a_ctx)):
        later = a_ctx[n]
        if later.passage_index != here.passage_index:
            return False
        if (
            later.own_subject
            and subject_cover(later, there, whole=True) == 1.0
            and any(c.index == candidate.index and not c.veto for c in candidates[n])
        ):
            return True
    return False


def _unvetoed(found: Sequence[_Candidate]) -> list[_Candidate]:
    return [c for c in found if not c.veto]


def _candidates(
    figure: TextFigure,
    context: Context,
    index: ValueIndex,
    release: Sequence[TextFigure],
    r_ctx: Sequence[Context],
) -> list[_Candidate]:
    found = []
    for j in index.near(figure):
        relation = value_relation(figure, release[j])
        if relation:
            found.append(_Candidate(j, relation, conflicts(context, r_ctx[j])))
    return found


def _supported(
    i: int,
    candidate: _Candidate,
    article: Sequence[TextFigure],
    a_ctx: Sequence[Context],
    r_ctx: Sequence[Context],
    candidates: Sequence[Sequence[_Candidate]],
    release: Sequence[TextFigure],
) -> bool:
    """Whether anything beyond the value says the candidate is the same metric.

    Never when the figures are stated as different things (`_said_otherwise`)
    or the figure's own words name another release figure (`_named_elsewhere`).

    A very specific figure (four significant digits and more) is identified
    by its value whatever words the article uses (纯利 for 本公司权益持有人应占盈利),
    unless those words have not one pair of characters in the release
    sentence (单日最高峰…共5,184,362人次 is not the week's total) or are
    more another release figure's (`named_nearer`): then it needs a
    neighbour matched near the candidate.
    Any other needs the release sentence to hold most of its metric words,
    head noun included, or a neighbouring figure matched next to the
    candidate.  When the figure's own clause names a metric the release
    sentence mostly lacks, the neighbour must stand right beside it, and be
    specific when not one pair of those words is there (工业部门增加1千人
    beside 就业人数's 1千人 is another metric; 净利率15% two figures after the
    matched revenue is not the revenue's 15% growth).  Words from an earlier
    clause take any neighbour within reach, unless the release figure
    leads a clause of words the article's sentence has none of (`_unsaid`).
    """
    figure, context, other = article[i], a_ctx[i], r_ctx[candidate.index]
    if (
        _named_elsewhere(context, candidate.index, release, r_ctx)
        or _said_otherwise(context, other, figure.unit)
        or _per_share(figure, context) != _per_share(release[candidate.index], other)
        or named_better(context, figure, candidate.index, release, r_ctx)
        or _not_the_leading_change(context, candidate.index, release, r_ctx)
    ):
        return False
    pairs = coverage_pairs(context, other)
    if figure.significant_digits >= 4:
        # Unless its own clause names a metric the release sentence has not one
        # pair of, and no neighbour follows the release (人民调解员1209名 is not
        # the 1,209名 debtors taken off a blacklist).
        alone = pairs == 0 and (context.own_subject or not tail_found(context, other))
        # Or when its words, weak here, are most of another release figure's (股东应占盈利 is
        # not 经营盈利's 6,918百万元 but more likely 本公司权益持有人应占盈利 misstated).
        weak = (
            (pairs or 0.0) < MIN_COVERAGE
            and not head_found(context, other)
            and not tail_found(context, other)
            and named_nearer(context, figure, candidate.index, release, r_ctx)
        )
        return not (alone or weak) or _anchor(i, candidate, article, a_ctx, r_ctx, candidates) > 0
    words_hold = ((pairs or 0.0) >= MIN_COVERAGE and head_found(context, other)) or tail_found(context, other)
    if words_hold:
        return True
    if _unsaid(context, other):
        return False
    if context.own_subject and pairs is not None:
        beside = _anchor(i, candidate, article, a_ctx, r_ctx, candidates, reach=1)
        return beside >= 2.0 if pairs == 0 else beside > 0
    return _anchor(i, candidate, article, a_ctx, r_ctx, candidates) > 0


def _not_the_leading_change(
    context: Context, j: int, release: Sequence[TextFigure], r_ctx: Sequence[Context]
) -> bool:
    """Whether the article states a change with no base and the release gives its level another change first.

    A release states one level's change against several bases (较上月减少
    2,107人,较上年同月减少5萬3,216人; a results row's 同比 18% and 环比
    12%) and leads with the comparison it means most; an article that drops
    the base (a headline: 全台人口再减2107人, 盈利升18%至705.5亿元) states
    that one.  Any later one of equal value is not backed by the value
    alone: the writer may have taken the wrong column.  An earlier one the
    article's direction or period rules out does not count (CPI下降0.3% is
    the 环比下降0.3% after 同比上涨0.3%).
    """
    there = r_ctx[j]
    if context.base or not context.direction or not there.base:
        return False
    same_level = [
        k
        for k, c in enumerate(r_ctx)
        if c.passage_index == there.passage_index
        and c.sentence == there.sentence
        and c.position < there.position
    ]
    for k in sorted(same_level, key=lambda k: -r_ctx[k].position):
        other = r_ctx[k]
        if other.own_subject and other.leads_clause:
            return False  # another metric begins: what comes before it is not this level's
        # One the article's words rule out (同比上涨 for a 下降) is not what it may have meant.
        if (
            release[k].unit == release[j].unit
            and other.base
            and not same_base(other.base, there.base)
            and not conflicts(context, other)
        ):
            return True
    return False


def _per_share(figure: TextFigure, context: Context) -> bool:
    """Whether the figure is an amount per share (每股基本盈利6.952元, a cell under (每股人民币元)).

    A per-share amount is never a total, whatever the value: 每股基本盈利
    166,582百万元 is not the nine months' 本公司权益持有人应占盈利.
    """
    return figure.per_share or _PER_SHARE in context.subject or _PER_SHARE in context.clause_words


_PER_SHARE = "每股"


def _unsaid(context: Context, other: Context) -> bool:
    """Whether both name a metric and the release's words, leading the figure's clause, are not in the article's sentence.

    Then a neighbour matched nearby is no reason for a common figure:
    矿业及土石采取业减少0.80% beside 制造业减少8.4% is not what an article
    says of 制造生产指数, however close its figures are matched.  An article
    figure with next to no words of its own (斥约20.4亿港元回购) may still
    restate 以总代价约2,036百万港元购回 by its neighbours.
    """
    words = word_pairs(other.clause_words)
    return (
        other.own_subject
        and other.leads_clause
        and len(words) >= 2
        and len(word_pairs(context.subject)) >= 2
        and not words & word_pairs(context.sentence)
    )


def _named_elsewhere(
    context: Context, j: int, release: Sequence[TextFigure], r_ctx: Sequence[Context]
) -> bool:
    """Whether the figure's metric words name another release figure of `j`'s unit rather than `j`.

    A release lists like metrics side by side (罗湖管制站录得902,117人次，
    港珠澳大桥香港口岸录得612,308人次，深圳湾管制站录得588,940人次): an
    article figure whose own clause names 港珠澳大桥香港口岸 is not the
    588,940 of 深圳湾, whatever its value, when the release gives
    港珠澳大桥香港口岸 a figure of its own in that passage.  Anywhere in
    the release, words (its own or borrowed from the clause before: 粮食总产量…,
    比2016年增加11291亿斤) that another figure's phrase holds in full and
    `j`'s does not name that figure, not `j`.
    """
    there = r_ctx[j]
    if not there.own_subject:
        return False
    if (
        context.own_subject
        and (subject_cover(context, there) or 0.0) == 0
        and any(
            k != j
            and (other := r_ctx[k]).own_subject
            and other.passage_index == there.passage_index
            and (subject_cover(context, other) or 0.0) >= MIN_COVERAGE
            for k in of_unit(release, release[j].unit)
        )
    ):
        return True
    # Anywhere in the release: another figure's own phrase holds all the figure's
    # metric words (three characters at least), `j`'s does not (全省平均降雨量 is not 东港市's).
    if len(context.subject.replace(MASK, "")) < 3 or subject_cover(context, there, whole=True) == 1.0:
        return False
    return any(
        k != j and r_ctx[k].own_subject and subject_cover(context, r_ctx[k], whole=True) == 1.0
        for k in of_unit(release, release[j].unit)
    )


def _said_otherwise(context: Context, other: Context, unit: str = "") -> bool:
    """Whether the two figures are plainly stated as different things, whatever their value.

    - one is a change (增长4.7%, 减少1,207名; not the level it arrives at,
      增长15%至1928.7亿元) and the other a level named by the metric words
      right before it (结案率4.7%, 员工总数1,207名; a table row's cells
      after its first may be changes under no head);
    - both are followed by words of their own that share no character in
      their first two (3人死亡 against 3人失踪, 248.73万人受灾 against
      248.73万人失踪; 回购 and 购回 are one thing); one character is
      enough to name what a count counts (9个市 against 9个站点, 46个县);
    - one is followed by such words, the other led by words of its own that
      hold none of their first two characters (2,931个市 against
      开放避灾安置场所2,931个; 3人死亡 is 因灾死亡3人), when the figure's unit
      is a bare classifier (个, 家, 项) that only the noun after it completes.
    """
    for a, b in ((context, other), (other, context)):
        change = (a.direction or a.base) and not a.reached
        if change and not (b.direction or b.base) and b.own_subject and b.leads_clause and not b.prior:
            return True
    mine, theirs = context.after, other.after
    if mine and theirs:
        return not set(mine[:2]) & set(theirs[:2])
    if unit not in CLASSIFIERS:
        return False  # after 3.84% or 9412人 a headline runs on (劳动市场稳定, 全台人口再减)
    # Words after one figure, none after the other, whose clause leads with its own
    # words: they must meet (全省2,931个市 is not 开放避灾安置场所2,931个).
    for a, b in ((context, other), (other, context)):
        words = b.clause_words.replace(MASK, "")
        if a.after and not b.after and b.own_subject and b.leads_clause and len(words) >= 2:
            return not set(a.after[:2]) & set(words)
    return False


def _evidence(
    i: int,
    candidate: _Candidate,
    article: Sequence[TextFigure],
    a_ctx: Sequence[Context],
    r_ctx: Sequence[Context],
    candidates: Sequence[Sequence[_Candidate]],
) -> float:
    figure, context, other = article[i], a_ctx[i], r_ctx[candidate.index]
    score = 0.0
    digits = figure.significant_digits
    score += 3.0 if digits >= 4 else 1.5 if digits == 3 else 0.5 if digits == 2 else 0.0
    # Metric words after the figure (3人死亡 against 死亡3人) count as fully found.
    score += 2 * (1.0 if tail_found(context, other) else (coverage(context, other) or 0.0))
    score += agreements(context, other)
    score += _anchor(i, candidate, article, a_ctx, r_ctx, candidates)
    if candidate.relation == SAME:
        score += 0.5
    if sum(1 for c in candidates[i] if not c.veto) == 1:
        score += 0.5
    if context.first_line and other.first_line:
        score += 0.5
    return score


def _anchor(
    i: int,
    candidate: _Candidate,
    article: Sequence[TextFigure],
    a_ctx: Sequence[Context],
    r_ctx: Sequence[Context],
    candidates: Sequence[Sequence[_Candidate]],
    reach: int = ARTICLE_NEIGHBOURS,
) -> float:
    """2 when a specific neighbouring figure matches a figure near the candidate, 1 for a less specific one.

    Neighbours are figures of the same passage at most `reach` figures away
    in the article, whose candidate is another figure of the candidate's
    passage at most RELEASE_NEIGHBOURS figures away.
    """
    here, there = a_ctx[i], r_ctx[candidate.index]
    best = 0.0
    for n, neighbour in enumerate(a_ctx):
        if n == i or neighbour.passage_index != here.passage_index:
            continue
        if abs(neighbour.position - here.position) > reach:
            continue
        for c in candidates[n]:
            near = r_ctx[c.index]
            if (
                c.veto
                or c.index == candidate.index
                or near.passage_index != there.passage_index
                or abs(near.position - there.position) > RELEASE_NEIGHBOURS
            ):
                continue
            best = max(best, 2.0 if article[n].significant_digits >= 3 else 1.0)
    return best


def _confirmed(figure: TextFigure, source: TextFigure, relation: str) -> ReleaseMatch:
    if relation == SAME:
        notation = _squeeze(to_simplified(source.text)) != _squeeze(to_simplified(figure.text))
        code = "release.same_notation" if notation else "release.same"
        args: tuple[tuple[str, str], ...] = (("source", _as_written(source)), ("text", figure.text))
        return ReleaseMatch(figure, SAME, source, Message(code, args))
    places = _places(figure.text)
    magnitude = _MAGNITUDE.search(figure.text)
    percent = "%" if figure.unit == "%" else ""
    precision = precision_args(places, magnitude.group(1) if magnitude else "", percent)
    args = (("source", _as_written(source)), ("text", figure.text), *precision)
    if relation == TRUNCATED:
        multiplier = _multiplier(figure)
        rounded = reduce(source.value, figure.step, ROUND_HALF_UP) / multiplier
        args += (("rounded", plain(rounded, places)),)
        return ReleaseMatch(figure, ROUNDED, source, Message("release.truncated", args))
    return ReleaseMatch(figure, ROUNDED, source, Message("release.rounded", args))


def _different(figure: TextFigure, source: TextFigure, context: Context) -> ReleaseMatch:
    args = (
        ("source", _as_written(source)),
        ("text", figure.text),
        ("subject", context.subject.replace(MASK, "…")),
    )
    return ReleaseMatch(figure, DIFFERENT, source, Message("release.different", args))


def _absent(
    figure: TextFigure, candidates: Sequence[_Candidate], release: Sequence[TextFigure]
) -> ReleaseMatch:
    vetoed = [c for c in candidates if c.veto]
    if vetoed and len(vetoed) == len(candidates):
        c = vetoed[0]
        args = (("source", release[c.index].text), *reason_args(c.veto))
        return ReleaseMatch(figure, ABSENT, None, Message("release.absent_other_metric", args))
    if candidates:
        args = (("source", release[candidates[0].index].text),)
        return ReleaseMatch(figure, ABSENT, None, Message("release.absent_unsure", args))
    return ReleaseMatch(figure, ABSENT, None, Message("release.absent"))


def _as_written(figure: TextFigure) -> str:
    """A release figure for the editor: a table cell with its table's unit (70,551（百万元）)."""
    return f"{figure.text}（{figure.note}）" if figure.note else figure.text


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _places(text: str) -> int:
    digits = _DIGITS.search(text)
    if digits is None or "." not in digits.group():
        return 0
    return len(digits.group().split(".")[1])


def _multiplier(figure: TextFigure) -> Decimal:
    """What the written digits are multiplied by (705.5億元 -> 100000000), from the value and the digits."""
    digits = _DIGITS.search(figure.text)
    if digits is None:
        return Decimal(1)
    written = Decimal(digits.group().replace(",", ""))
    return figure.value / written if written else Decimal(1)
