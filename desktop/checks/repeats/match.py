"""Whether two figures state the same metric, and if so whether they agree.

Two tests of different strength, because the two answers cost differently:

- **the same figure again** (equal values, or one a rounding of the other):
  linked when the words around both name the same thing.  The rarer the
  figure, the less evidence it needs: 8325人 twice in an article is one
  figure stated twice as soon as one word is shared, 5项 twice needs the
  subject and more.
- **a conflict** (values that no rounding reconciles): only when everything
  says it is one metric: the same subject, most words shared, the same
  qualifiers (not 累计 against 新增, not a target against an outcome, not
  其中 a subset), the same place, and the same period stated in both (or,
  inside one article, stated in neither).  A different period, place or
  subset is the usual reason two figures differ, and a check that is not
  sure stays quiet.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal
from enum import Enum

from desktop.checks.figures import EXACT
from desktop.checks.relations.common import magnitude_of
from desktop.checks.repeats.key import MetricKey

# Evidence an equal pair needs, by the figure's significant digits (1, 2, 3+):
# how many metric character pairs the two windows share.  A shared subject
# counts as this many pairs.
_NEEDED = {1: 4, 2: 2}
_NEEDED_SPECIFIC = 1
_SUBJECT_WEIGHT = 2
# A subject shorter than this is too general to name a metric by itself (人, 率).
_SUBJECT_MIN = 2
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
# More evidence for a repeat in another file.
_OTHER_FILE = 2
# Evidence a rounding needs when the subjects differ.
_ROUNDED_EVIDENCE = 3
# Two statements of one figure that differ by more than this share of the
# larger are more often two figures (a part and its total) than one figure
# mistyped, unless they differ by a power of ten (a magnitude slipped).
_SLIP = Decimal("0.5")
_CONFLICT_MIN_PAIRS = 2


class Verdict(Enum):
    UNRELATED = "unrelated"
    SAME = "same"  # the same value as written
    ROUNDED = "rounded"  # one figure is a rounding of the other
    CONFLICT = "conflict"


def compare(a: MetricKey, b: MetricKey) -> Verdict:
    """How figure `b` stands to figure `a`: unrelated, the same, a rounding, or a conflict."""
    if a.family != b.family:
        return Verdict.UNRELATED
    if a.item.sentence == b.item.sentence and a.located.document == b.located.document:
        # Two figures of one sentence are compared or listed by it; the one
        # repeat there is a phrase laid out twice (a sub-headline glued to its paragraph).
        return Verdict.SAME if _laid_out_twice(a, b) else Verdict.UNRELATED
    if _other_year(a, b) or _other_place(a, b):
        return Verdict.UNRELATED
    if a.is_rate and b.is_rate and a.anchor and b.anchor and a.anchor != b.anchor:
        # The growth of two different figures (净利润7.15亿元 and 1.74亿元, 17896元 and 21860元);
        # an amount's neighbour is only the figure listed before it.
        return Verdict.UNRELATED
    if a.claim.text == b.claim.text and a.before == b.before and a.after_clause == b.after_clause:
        return Verdict.SAME  # the same figure in the same words (a page printed twice): nothing to weigh
    agreement = _agreement(a, b)
    if agreement is Verdict.ROUNDED and not _one_figure_rounded(a, b):
        return Verdict.UNRELATED
    if agreement is not Verdict.CONFLICT:
        return agreement if _same_figure_words(a, b) else Verdict.UNRELATED
    return Verdict.CONFLICT if _one_metric(a, b) else Verdict.UNRELATED


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
    if len(a.subject) >= _SUBJECT_MIN and a.subject == b.subject:
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
    same_subject = len(a.subject) >= _SUBJECT_MIN and a.subject == b.subject
    return same_subject or evidence(a, b) >= _ROUNDED_EVIDENCE


def _same_figure_words(a: MetricKey, b: MetricKey) -> bool:
    specificity = min(a.specificity, b.specificity)
    needed = _NEEDED.get(specificity, _NEEDED_SPECIFIC)
    if a.located.name != b.located.name:
        # Another file is another day's paper: the same rate or amount there
        # is more often a coincidence than inside one page.
        needed += _OTHER_FILE + (1 if a.is_rate else 0)
    return evidence(a, b) >= needed


def _one_metric(a: MetricKey, b: MetricKey) -> bool:
    if a.family.startswith("rank") or a.is_range or b.is_range:
        return False  # ranks are read with their list; ranges with their ends
    if a.subject != b.subject:
        return False
    if len(a.subject) < _SUBJECT_MIN and len(a.naming) < NAMING_MIN:
        return False  # nothing names the metric: 新增就业 has no noun for the context to take
    if a.qualifiers != b.qualifiers or not _same_place(a, b):
        return False
    if not _same_period(a, b) or a.naming != b.naming:
        return False
    shared = a.words & b.words
    smaller = min(len(a.words), len(b.words))
    return len(shared) >= _CONFLICT_MIN_PAIRS and len(shared) >= _CONFLICT_OVERLAP * smaller


def _same_period(a: MetricKey, b: MetricKey) -> bool:
    """The same period stated in both; or, in one article (or files of one day), a period stated in neither.

    Files may be of different years, so between files only a period with
    its year (2023年, 2023年上半年) is the same period: 上半年 in this
    year's paper and 上半年 in last year's are not.  Files whose names carry
    the same date (two papers of 2024-10-08) speak of the same 今年 and the
    same 国庆假期; files of different days may carry an updated figure.
    """
    same_day = bool(a.file_date) and a.file_date == b.file_date
    if a.located.name != b.located.name and not (a.years and b.years) and not same_day:
        return False
    if a.period and b.period:
        return a.period == b.period
    if a.located.document == b.located.document and (a.period or b.period):
        # A headline leaves out the period its body states (全市5G基站总数达1.25万个).
        return (a.paragraph if not a.period else b.paragraph) == 0
    together = a.located.document == b.located.document or a.located.name != b.located.name and same_day
    return not a.period and not b.period and together


def _other_year(a: MetricKey, b: MetricKey) -> bool:
    """Both periods name a year, or a month, and not the same one (2022年 and 2023年 figures are two figures)."""
    relative = a.relative_year is not None and b.relative_year is not None
    if relative and a.relative_year != b.relative_year and a.located.name == b.located.name:
        return True  # 去年 and 今年 of one paper
    return bool(a.years and b.years and not a.years & b.years) or bool(
        a.month and b.month and a.month != b.month
    )


def _same_place(a: MetricKey, b: MetricKey) -> bool:
    """The same place, or none in either; a headline may leave out the 全市 its body states.

    Between files, 全市 is the same city only when the files do not name
    different ones (滨州日报's 全市 is not 聊城日报's).
    """
    if a.place == b.place:
        return a.located.name == b.located.name or not _other_cities(a, b)
    if a.located.document == b.located.document and not (a.place and b.place):
        return (a.paragraph if not a.place else b.paragraph) == 0
    return False


def _other_cities(a: MetricKey, b: MetricKey) -> bool:
    first, second = a.located.places, b.located.places
    return bool(first and second and not first & second)


def _other_place(a: MetricKey, b: MetricKey) -> bool:
    """Both figures name a place, and not the same one (全省 against 全市)."""
    return bool(a.place and b.place and a.place != b.place)


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


def plausible_error(a: MetricKey, b: MetricKey) -> bool:
    """Whether two statements of one metric that disagree look like one figure written wrong.

    Not when each describes another figure (the growth of 净利润7.15亿元 and
    of 1.74亿元), nor when they are too far apart to be a slip.
    """
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
