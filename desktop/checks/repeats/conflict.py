"""When two figures that disagree are a conflict: one metric, and one figure written wrong.

Only when everything says it is one metric: the same subject and the same
words naming it in its clause (上半年全市城镇新增就业 and 全市城镇新增就业,
not 每股基本盈利 and 非国际财务报告准则每股基本盈利), the same qualifiers
(not 累计 against 新增, not a target against an outcome, not 其中 a
subset), the same place and period (`period_place`).  And only when the
disagreement looks like a slip: values within half of each other (or a
power of ten apart), sentences that restate each other rather than stand
side by side (两位代表的建议, 春运首日 and 春运第二天), a headline or a lead
restating its body.  A check that is not sure stays quiet.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.checks.repeats.key import MetricKey
from desktop.checks.repeats.period_place import same_period, same_place

# A subject shorter than this is too general to name a metric by itself (人, 率).
SUBJECT_MIN = 2
# A conflict needs at least this share of the smaller window's pairs in common.
_CONFLICT_OVERLAP = 0.5
# Pairs of naming words a conflict needs when the context found no subject.
NAMING_MIN = 2
# The share of the shorter sentence's words a conflict's other sentence must hold.
_SENTENCE_OVERLAP = 0.5
# The share for two sentences of one body: nearly the same sentence.
_VERBATIM = 0.8
# The paragraphs at the top of an article: headline, deck or byline, lead.
_TOP = 2
# Two statements of one figure that differ by more than this share of the
# larger are more often two figures (a part and its total) than one figure
# mistyped, unless they differ by a power of ten (a magnitude slipped).
_SLIP = Decimal("0.5")
# ... and at least this many pairs.
_CONFLICT_MIN_PAIRS = 2


def one_metric(a: MetricKey, b: MetricKey) -> bool:
    """Whether two figures that disagree are statements of one metric: everything must say so."""
    if a.family.startswith("rank") or a.is_range or b.is_range:
        return False  # ranks are read with their list; ranges with their ends
    anchored = same_anchor(a, b)
    if a.subject != b.subject and not anchored:
        return False
    if len(a.subject) < SUBJECT_MIN and len(a.naming) < NAMING_MIN and not anchored:
        return False  # nothing names the metric: 新增就业 has no noun for the context to take
    if a.qualifiers != b.qualifiers or not same_place(a, b):
        return False
    if not same_period(a, b) or (a.naming != b.naming and not _topic_named(a, b)):
        return False
    if anchored:
        return True  # 4216.8亿元，同比增长5.8% and 4216.8亿元，总量居全省第1位，同比增长5.6%
    shared = a.words & b.words
    smaller = min(len(a.words), len(b.words))
    return len(shared) >= _CONFLICT_MIN_PAIRS and len(shared) >= _CONFLICT_OVERLAP * smaller


def plausible_error(a: MetricKey, b: MetricKey) -> bool:
    """Whether two statements of one metric that disagree look like one figure written wrong.

    Not when each describes another figure (the growth of 净利润7.15亿元 and
    of 1.74亿元), nor when they are too far apart to be a slip.
    """
    if same_anchor(a, b):
        # The growth of one amount stated in two places restates it, whatever else each sentence says.
        return _plausible_slip(a, b)
    shared = a.lead_words & b.lead_words
    if shared and a.lead_words - shared and b.lead_words - shared:
        # The clauses leading to the figures are alike but each has words of
        # its own (春运首日 and 春运第二天, 代表张某建议 and 代表王某建议):
        # two statements side by side, not one restated.
        return False
    if a.located.document == b.located.document and min(a.paragraph, b.paragraph) > _TOP:
        # Two paragraphs of one body stating one metric differently are
        # mostly about two things the words do not tell apart (two
        # defendants' fines); a headline or a lead restates the body, and
        # the body restates itself only in nearly the same sentence.
        return _plausible_slip(a, b) and _sentences_alike(a, b, _VERBATIM)
    return _plausible_slip(a, b) and _sentences_alike(a, b, _SENTENCE_OVERLAP)


def _sentences_alike(a: MetricKey, b: MetricKey, share: float) -> bool:
    """Whether most words of the shorter sentence are in the other: a restatement, not a parallel statement.

    A headline restates its body's sentence almost word for word; two
    defendants' sentences share 判处 and 并处罚金 but not their names and crimes.
    """
    first, second = a.sentence_words, b.sentence_words
    smaller = min(len(first), len(second))
    return smaller > 0 and len(first & second) >= share * smaller


def _plausible_slip(a: MetricKey, b: MetricKey) -> bool:
    """Whether one value could be the other mistyped: near it, or off by a power of ten."""
    high, low = max(abs(a.value), abs(b.value)), min(abs(a.value), abs(b.value))
    if not high:
        return False
    if (high - low) / high <= _SLIP:
        return True
    if not low:
        return False
    ratio = high / low
    return ratio == ratio.to_integral_value() and str(ratio.normalize()).rstrip("0") == "1"


# Significant digits an amount needs to name the figure a rate describes:
# 4216.8亿元 is one figure, 5家 is any.
_ANCHOR_DIGITS = 3


def same_anchor(a: MetricKey, b: MetricKey) -> bool:
    """Two rates of one specific amount (the growth of 4216.8亿元 in two papers): one metric,
    whatever words each paper puts between the amount and its rate."""
    if not (a.is_rate and b.is_rate and a.anchor is not None and a.anchor == b.anchor):
        return False
    return len(a.anchor[1].normalize().as_tuple().digits) >= _ANCHOR_DIGITS


def digits_swapped(first: Decimal, second: Decimal) -> bool:
    """Whether two values differ by two neighbouring digits swapped (486.3 and 468.3): the commonest slip."""
    x, y = str(first.normalize()), str(second.normalize())
    if len(x) != len(y) or x == y:
        return False
    differ = [i for i, (p, q) in enumerate(zip(x, y, strict=True)) if p != q]
    return (
        len(differ) == 2
        and differ[1] == differ[0] + 1
        and x[differ[0]] == y[differ[1]]
        and x[differ[1]] == y[differ[0]]
    )


def _topic_named(a: MetricKey, b: MetricKey) -> bool:
    """Whether two papers name one metric, one of them with the topic in front (3号线一期线路全长 and
    线路全长) that the other paper names before its figure (地铁3号线一期工程将于…开通。线路全长).

    Only between files: one article naming 每股基本盈利 and 非国际财务报告准则每股基本盈利
    names two figures; another paper's short name is the reader's shorthand
    for what its report is about.
    """
    if a.located.name == b.located.name:
        return False
    short, long = sorted((a, b), key=lambda key: len(key.naming_text))
    if len(short.naming_text) < SUBJECT_MIN or not long.naming_text.endswith(short.naming_text):
        return False
    topic = long.naming_text[: -len(short.naming_text)]
    return bool(topic) and topic in short.text_before
