"""Whether two figures state the same metric, and whether they agree.

`compare` gives one of four answers, with tests of different strength
because they cost differently:

- **the same figure again** (equal values, or one a rounding or a bound of
  the other): linked when the words around both name the same thing.  The
  rarer the figure, the less evidence it needs: 8325人 twice in an article
  is one figure stated twice as soon as one word is shared, 5项 twice needs
  the subject and more; another file needs more again.
- **a conflict** (values that no rounding reconciles): only on the strict
  terms of `conflict`.
- otherwise **unrelated**: figures of other periods, places, sentences.
"""

from __future__ import annotations

from decimal import ROUND_DOWN
from enum import Enum

from desktop.checks.figures import EXACT
from desktop.checks.relations.common import magnitude_of
from desktop.checks.repeats.conflict import SUBJECT_MIN, digits_swapped, one_metric
from desktop.checks.repeats.key import MetricKey
from desktop.checks.repeats.period_place import near_days, other_place, other_year

# Evidence an equal pair needs, by the figure's significant digits (1, 2, 3+):
# how many metric character pairs the two windows share.  A shared subject
# counts as this many pairs.
_NEEDED = {1: 4, 2: 2}
_NEEDED_SPECIFIC = 1
_SUBJECT_WEIGHT = 2
# More evidence for a repeat in another file.
_OTHER_FILE = 2
# Evidence a rounding needs when the subjects differ.
_ROUNDED_EVIDENCE = 3


class Verdict(Enum):
    UNRELATED = "unrelated"
    SAME = "same"  # the same value as written
    ROUNDED = "rounded"  # one figure is a rounding of the other
    CONFLICT = "conflict"


def compare(a: MetricKey, b: MetricKey) -> Verdict:
    """How figure `b` stands to figure `a`: unrelated, the same, a rounding, or a conflict."""
    if a.family != b.family:
        return Verdict.UNRELATED
    if a.qualifiers != b.qualifiers and a.value != b.value and a.claim.text != b.claim.text:
        # Two values with other qualifiers (新建3600个, 计划新建4000个) are neither one
        # figure rounded nor a conflict (`_one_figure_rounded`, `one_metric`): told first,
        # as it costs least.
        return Verdict.UNRELATED
    if a.item.sentence == b.item.sentence and a.located.document == b.located.document:
        # Two figures of one sentence are compared or listed by it; the one
        # repeat there is a phrase laid out twice (a sub-headline glued to its paragraph).
        return Verdict.SAME if _laid_out_twice(a, b) else Verdict.UNRELATED
    if other_year(a, b) or other_place(a, b):
        return Verdict.UNRELATED
    if a.is_rate and b.is_rate and a.anchor and b.anchor and a.anchor != b.anchor:
        # The growth of two different figures (净利润7.15亿元 and 1.74亿元, 17896元 and 21860元);
        # an amount's neighbour is only the figure listed before it.  Not when
        # one amount is the other with two digits swapped (486.3万人次 and
        # 468.3万人次): one figure, written wrong in one paper, and its growth.
        (unit, first), (other_unit, second) = a.anchor, b.anchor
        if unit != other_unit or not digits_swapped(first, second):
            return Verdict.UNRELATED
    if a.claim.text == b.claim.text and a.before == b.before and a.after_clause == b.after_clause:
        return Verdict.SAME  # the same figure in the same words (a page printed twice): nothing to weigh
    agreement = _agreement(a, b)
    if agreement is Verdict.ROUNDED and not _one_figure_rounded(a, b):
        return Verdict.UNRELATED
    if agreement is not Verdict.CONFLICT:
        return agreement if _same_figure_words(a, b) else Verdict.UNRELATED
    return Verdict.CONFLICT if one_metric(a, b) else Verdict.UNRELATED


def _agreement(a: MetricKey, b: MetricKey) -> Verdict:
    """Whether the values agree as written, within rounding, or not at all."""
    if a.is_range or b.is_range:
        same = a.value == b.value and a.claim.value_low == b.claim.value_low
        return Verdict.SAME if same else Verdict.CONFLICT
    if a.value == b.value and a.figure.approx == b.figure.approx:
        return Verdict.SAME
    coarse, precise = (a, b) if a.figure.step >= b.figure.step else (b, a)
    if a.figure.approx != EXACT and b.figure.approx != EXACT:
        # 超50万 and 54万余 agree, and say nothing by agreeing; they conflict only when they cannot meet.
        return Verdict.UNRELATED if a.figure.interval.meets(b.figure.interval) else Verdict.CONFLICT
    if coarse.figure.approx != EXACT:
        # 突破3200亿元 and 3215.6亿元
        return Verdict.ROUNDED if coarse.figure.agrees(precise.value) else Verdict.CONFLICT
    if _written_rounded(coarse) and coarse.figure.step > precise.figure.step and _shortened(coarse, precise):
        return Verdict.ROUNDED
    return Verdict.CONFLICT


def _shortened(coarse: MetricKey, precise: MetricKey) -> bool:
    """Whether the coarse figure is the precise one rounded, or cut (a headline's 1.2万 for 1.25万)."""
    step = coarse.figure.step
    cut = (precise.value / step).to_integral_value(rounding=ROUND_DOWN) * step
    return coarse.figure.agrees(precise.value) or cut == coarse.value


def _written_rounded(key: MetricKey) -> bool:
    """Whether the figure is written as a rounding: with 万/亿, decimals or an approximation word.

    A round integer (4000个) may be exact: taken as a rounding, it would
    agree with every figure near it.
    """
    figure = key.figure
    return figure.approx != EXACT or figure.places > 0 or magnitude_of(key.item)[0] > 1


def evidence(a: MetricKey, b: MetricKey) -> int:
    """How many metric words the two figures share (a shared subject, or the same phrase around them, weigh more)."""
    shared = len(a.words & b.words)
    if len(a.subject) >= SUBJECT_MIN and a.subject == b.subject:
        shared += _SUBJECT_WEIGHT
    if _phrase_around(a, b) >= _PHRASE_AROUND:
        shared += _SUBJECT_WEIGHT
    return shared


def _phrase_around(a: MetricKey, b: MetricKey) -> int:
    """How many characters the same phrase runs on either side of the figures (批次305种药品 after both 8个)."""
    return _common_prefix(a.after_clause, b.after_clause) + _common_prefix(a.before[::-1], b.before[::-1])


def _common_prefix(x: str, y: str) -> int:
    shared = 0
    for p, q in zip(x, y, strict=False):
        if p != q:
            break
        shared += 1
    return shared


def _one_figure_rounded(a: MetricKey, b: MetricKey) -> bool:
    """Two different values as one figure written twice: only of one metric, named by the same words.

    A rounding agrees with every value near it (超50万 with 54万), so it
    needs more than an equal value does: the same qualifiers (not 新建3600个
    and 计划新建4000个) and the same subject or words enough to name it.
    """
    if a.qualifiers != b.qualifiers:
        return False
    same_subject = len(a.subject) >= SUBJECT_MIN and a.subject == b.subject
    return same_subject or evidence(a, b) >= _ROUNDED_EVIDENCE


def _same_figure_words(a: MetricKey, b: MetricKey) -> bool:
    specificity = min(a.specificity, b.specificity)
    needed = _NEEDED.get(specificity, _NEEDED_SPECIFIC)
    if a.located.name != b.located.name:
        # Another file is another day's paper: the same rate or amount there
        # is more often a coincidence than inside one page; less so in a
        # paper of the same day or a few days on, which reports the same news.
        same_day = near_days(a, b)
        needed += _OTHER_FILE - (1 if same_day else 0) + (1 if a.is_rate else 0)
    return evidence(a, b) >= needed


# How long the same words after and before a figure must run to tell a
# phrase laid out twice in one sentence.
_PHRASE = 4
_PHRASE_BEFORE = 2
# The same words around two figures over this many characters (both sides
# together) count like a shared subject.
_PHRASE_AROUND = 6


def _laid_out_twice(a: MetricKey, b: MetricKey) -> bool:
    """The same words on both sides of the same figure, twice in one sentence: a layout repeat."""
    after = _common_prefix(a.after_clause, b.after_clause)
    before = _common_prefix(a.before[::-1], b.before[::-1])
    return a.value == b.value and after >= _PHRASE and before >= _PHRASE_BEFORE
