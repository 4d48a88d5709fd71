"""Share: a part of a whole, and the percentage the text gives for it.

The whole is found the way a reader finds it:

- 其中 after the whole: 招聘教师1280名，其中研究生学历312名，占比24.4%;
- 在…中: 在38个工业大类行业中，有27个行业增加值实现增长，增长面达71.1%;
- a named whole: 占全市进出口总值的38.1% is a share of the figure that the
  paragraph introduces as 进出口总值; 占一般公共预算支出的比例 is a share of
  something the article never states, so nothing is checked;
- no whole at all: 优秀指标24项、占比达到68.6% — a count is a whole number of
  items, so some whole number must give the share (35 does); when none does
  the figures cannot both be right, but that is left unflagged: the share may
  be of something else (of weight, of money);
- a rate between two amounts of one sentence that is either their share or
  the complement (住院总费用8.77亿多元…个人自负比例为7.41%，减轻负担8.12亿元:
  (8.77 − 8.12) / 8.77), reported only when the arithmetic works.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from desktop.checks.figures import EXACT, HUNDRED, ONE, ZERO, plain
from desktop.checks.model import Finding
from desktop.checks.relations.common import Verdict, judge, make, operand, percent, written
from desktop.checks.text import ArticleText, Item

# Words before a share: 占比, 占…的比重, 所占比例, 占全县312个行政村的.
_SHARE_BEFORE = re.compile(
    r"(?P<word>占比|佔比|所占比例|所佔比例|占|佔)(?P<whole>[^，。；：,;:]{0,24}?)的?(?:比重|比例|份额|份額)?"
    r"(?:分别|分別)?(?:提升|提高|上升|升|下降|降)?(?:至|到)?(?:为|為|达|達|达到|達到|是)?$"
)
_GENERIC_WHOLE = re.compile(r"^(?:全部|总数|總數|总量|總量|总额|總額|总体|總體|全体|所有|总|總)?$")
_WHOLE_PREFIX = re.compile(r"^(?:全市|全县|全縣|全省|全国|全國|全区|全區|我市|本市|全港|全澳|全台|全)")
# Short forms a whole is named by, and the form its figure is introduced with.
_ABBREVIATION = {
    "营收": "营业收入",
    "營收": "營業收入",
    "净利": "净利润",
    "淨利": "淨利潤",
    "财收": "财政收入",
}
_ABBREVIATIONS = re.compile(r"(?:营收|營收|净利|淨利|财收)(?![润潤入])")
_IN_WHOLE = re.compile(r"在[^，。；：,;:0-9]{0,6}$")
_RATE_NOUN = re.compile(r"[^，。；：,;:0-9]{0,10}(?:面|率|比例|占比|比重)(?:达|達|为|為|是|达到)?$")
_IMPLIED = re.compile(r"^[、，,]?(?:占比|佔比)(?:达到|達到|为|為|达|達)?$")
_WITHIN = re.compile(r"(?:其中|当中|當中)[，,]?")
_DIFFERENCE_BEFORE = re.compile(
    r"(?:增加|减少|減少|增长|增長|下降|提高|降低|上升|多|少|增|减|減)了?(?:约|約|近)?$"
)
_COMPLEMENT_RATE = re.compile(r"(?:比例|比重|占比|率)(?:为|為|达|達|是)?$")


def find(article: ArticleText) -> list[Finding]:
    findings: list[Finding] = []
    for rate in article.items:
        if rate.unit not in ("%", "％") or rate.claim.value_low is not None:
            continue
        finding = _explicit(article, rate) or _in_whole(article, rate) or _implied(article, rate)
        if finding is None:
            finding = _complement(article, rate)
        if finding is not None:
            findings.append(finding)
    return findings


def _part_before(article: ArticleText, rate: Item) -> Item | None:
    """The amount right before the rate in its sentence, with no other amount between."""
    before = [i for i in article.near(rate, after=0) if i.end <= rate.start]
    if not before or not before[-1].is_amount:
        return None
    return before[-1]


def _share(article: ArticleText, part: Item, whole: Item, rate: Item, strong: bool) -> Finding | None:
    if whole.claim.value == ZERO or part is whole:
        return None
    nominal = part.claim.value / whole.claim.value * HUNDRED
    spread = part.figure.interval / whole.figure.interval
    verdict = judge(rate.figure, nominal, None if spread is None else spread.scale(HUNDRED))
    ops = [operand(part, "part"), operand(whole, "total"), operand(rate, "rate")]
    places = rate.figure.places + 1
    if verdict.holds:
        return make(
            "share",
            rate,
            verdict,
            "share.holds",
            ops,
            f"{plain(nominal, 3)}%",
            part=written(part),
            whole=written(whole),
            computed=percent(nominal, places),
            stated=percent(rate.claim.value, rate.figure.places),
        )
    complement = HUNDRED - nominal
    if rate.figure.agrees(complement):
        return _complement_finding(part, whole, rate, complement)
    if not strong:
        return None
    return make(
        "share",
        rate,
        Verdict(False),
        "share.fails",
        ops,
        f"{plain(nominal, 3)}%",
        part=written(part),
        whole=written(whole),
        computed=percent(nominal, places),
        stated=percent(rate.claim.value, rate.figure.places),
    )


def _complement_finding(part: Item, whole: Item, rate: Item, value: Decimal) -> Finding:
    return make(
        "share",
        rate,
        Verdict(True),
        "share.complement.holds",
        [operand(whole, "total"), operand(part, "part"), operand(rate, "rate")],
        f"{plain(value, 3)}%",
        reading="complement",
        part=written(part),
        whole=written(whole),
        computed=percent(value, rate.figure.places + 1),
        stated=percent(rate.claim.value, rate.figure.places),
    )


def _explicit(article: ArticleText, rate: Item) -> Finding | None:
    """占比 / 占…的比重 right after a part: the whole is in the phrase, named, or the 其中 total."""
    clause = article.clause_of(rate.start)
    match = _SHARE_BEFORE.search(article.text, max(clause[0], rate.start - 40), rate.start)
    if not match:
        return None
    phrase = match.start()
    inside = [i for i in article.in_span(phrase, rate.start) if i.is_amount]
    # The part: the last amount before the phrase; a growth rate may sit
    # between (482.9亿元，增长15.7%，占全市进出口总值的38.1%).
    before = [i for i in article.near(rate, after=0) if i.end <= phrase]
    while (
        before
        and before[-1].unit in ("%", "％")
        and _DIFFERENCE_BEFORE.search(article.clause_before(before[-1]))
    ):
        before.pop()
    if not before or not before[-1].is_amount:
        return None
    part = before[-1]
    if len(inside) == 1:
        # 占全县312个行政村的27.6%: the whole is written in the phrase.
        return _share(article, part, inside[0], rate, strong=inside[0].unit == part.unit)
    if inside:
        return None
    written_whole = (match.group("whole") or "").strip()
    named = _WHOLE_PREFIX.sub("", written_whole)
    place = written_whole[: len(written_whole) - len(named)]
    if place and not named:
        # 占全市的53.1%: the whole is the place's total, the 其中 total if it is
        # that place's (全市…成交1.86万套); 占全省的 after a city's figures is
        # a share of something the article does not state.
        found = _within_total(article, part)
        if found is None or place not in article.before(found[0], 30):
            return None
        return _share(article, part, found[0], rate, strong=found[1])
    if named and not _GENERIC_WHOLE.match(named):
        whole = _named_whole(article, named, part)
        if whole is not None:
            return _share(article, part, whole, rate, strong=False)
        # 占铁路发送总量的72.3% after 其中: the 其中 total, if the arithmetic agrees.
        found = _within_total(article, part)
        return _share(article, part, found[0], rate, strong=False) if found else None
    found = _within_total(article, part)
    return _share(article, part, found[0], rate, strong=found[1]) if found else None


def _named_whole(article: ArticleText, name: str, part: Item) -> Item | None:
    """The figure the article introduces with the whole's name (进出口总值 … 1268.4亿元).

    The name as written, else its longest tail of three characters or more
    (当年净利润 -> 净利润), searched backwards from the part.
    """
    name = _ABBREVIATIONS.sub(lambda m: _ABBREVIATION[m.group()], name)
    tails = [name[k:] for k in range(len(name) - 2)] or [name]
    # The nearest hundred figures back: a whole is introduced before its parts, not pages before.
    for item in reversed(article.last_before(0, part.start, limit=100)):
        if item.unit != part.unit or not item.is_amount or item is part:
            continue
        context = article.before(item, 30)
        if any(tail in context for tail in tails) and not _DIFFERENCE_BEFORE.search(context):
            return item
    return None


def _within_total(article: ArticleText, part: Item) -> tuple[Item, bool] | None:
    """The figure before 其中 when the part follows it: 教师1280名，其中研究生学历312名.

    Strong when the whole is in the sentence of 其中 or the one before; a
    whole further back in the paragraph is only used when the share agrees.
    """
    clause = article.clause_of(part.start)
    head = article.text[clause[0] : part.start]
    within = _WITHIN.search(head)
    if not within:
        # 其中 may open the previous clause of the same sentence.
        previous = article.clause_of(max(0, clause[0] - 2))
        if previous[0] < article.sentence_of(part.start)[0] or not _WITHIN.match(
            article.text[previous[0] : previous[1]]
        ):
            return None
        position = previous[0]
    else:
        position = clause[0] + within.start()
    sentence = article.sentence_of(part.start)
    start = sentence[0] if position - sentence[0] > 1 else article.sentence_of(max(0, sentence[0] - 2))[0]
    paragraph = article.paragraph_of(part.start)[0]
    for begin, strong in ((start, True), (paragraph, False)):
        before = [i for i in article.last_before(begin, position) if i.is_amount and i.unit == part.unit]
        # 1,187人，較去年同期減少96人…；其中…412人: the whole is the figure, not its change.
        before = [i for i in before if not _DIFFERENCE_BEFORE.search(article.clause_before(i))]
        if before:
            return before[-1], strong
    return None


def _in_whole(article: ArticleText, rate: Item) -> Finding | None:
    """在38个工业大类行业中，有27个行业增加值实现增长，增长面达71.1%."""
    if not _RATE_NOUN.search(article.clause_before(rate)):
        return None
    before = [i for i in article.near(rate, after=0) if i.end <= rate.start and i.is_amount]
    if len(before) < 2:
        return None
    whole, part = before[-2], before[-1]
    gap = article.between(whole, part)
    if (
        whole.unit != part.unit
        or not _IN_WHOLE.search(article.clause_before(whole))
        or not re.match(r"^[^，。；：,;:0-9]{0,12}中[，,]?(?:有|共有)?[^，。；：,;:0-9]{0,4}$", gap)
    ):
        return None
    return _share(article, part, whole, rate, strong=True)


def _implied(article: ArticleText, rate: Item) -> Finding | None:
    """优秀指标24项、占比达到68.6%: some whole number of items must give the share."""
    part = _part_before(article, rate)
    if part is None or not _IMPLIED.match(article.between(part, rate)):
        return None
    value = part.claim.value
    if (
        part.claim.kind != "count"
        or value != value.to_integral_value()
        or value < 1
        or part.figure.approx != EXACT
    ):
        return None
    if rate.figure.approx != EXACT or not ZERO < rate.claim.value <= HUNDRED:
        return None
    window = rate.figure.stated
    low = math.ceil(value * HUNDRED / window.high)
    high = math.floor(value * HUNDRED / window.low) if window.low > 0 else low
    if high < low or high - low > 1_000_000:
        return None
    # The whole number whose share is closest to the stated one.
    whole = min(range(low, high + 1), key=lambda n: abs(value * HUNDRED / n - rate.claim.value))
    share = value * HUNDRED / whole
    if not rate.figure.agrees(share):
        return None
    return make(
        "share",
        rate,
        Verdict(True),
        "share.implied.holds",
        [operand(part, "part"), operand(rate, "rate")],
        f"{plain(value)}/{whole} = {plain(share, 3)}%",
        reading="implied-whole",
        part=written(part),
        whole=str(whole),
        computed=percent(share, rate.figure.places + 1),
        stated=percent(rate.claim.value, rate.figure.places),
    )


def _complement(article: ArticleText, rate: Item) -> Finding | None:
    """A rate between two amounts of one unit that is their share or its complement; only when it works."""
    if not _COMPLEMENT_RATE.search(article.clause_before(rate)):
        return None
    amounts = [i for i in article.near(rate) if i.is_amount and i is not rate]
    by_unit: dict[str, list[Item]] = {}
    for item in amounts:
        by_unit.setdefault(item.unit, []).append(item)
    found: list[Finding] = []
    for same in by_unit.values():
        if len(same) != 2:
            continue
        small, large = sorted(same, key=lambda i: i.claim.value)
        if large.claim.value <= small.claim.value:
            continue
        direct = small.claim.value / large.claim.value * HUNDRED
        if rate.figure.agrees(direct):
            finding = _share(article, small, large, rate, strong=False)
            if finding:
                found.append(finding)
        elif rate.figure.agrees(HUNDRED - direct) or _complement_spread_agrees(small, large, rate):
            found.append(_complement_finding(small, large, rate, HUNDRED - direct))
    return found[0] if len(found) == 1 else None


def _complement_spread_agrees(small: Item, large: Item, rate: Item) -> bool:
    ratio = small.figure.interval / large.figure.interval
    if ratio is None:
        return False
    complement = (ONE - ratio.high) * HUNDRED, (ONE - ratio.low) * HUNDRED
    window = rate.figure.stated
    return complement[0] <= window.high and window.low <= complement[1]
