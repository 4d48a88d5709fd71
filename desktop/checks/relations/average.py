"""Average: a total over a count, and the per-head (or per-day) figure the text gives.

- per head: 为10万名老人发放补贴1983万元，人均198元 (the count's unit must be
  what 人均/户均/船均 divides by: 人, 户, 艘);
- per day: 春运40天…累计发送旅客1286.4万人次，日均32.2万人次, the day count
  from a figure in days in the sentence, the paragraph or the article (when
  the article gives one), else from a period the sentence names (去年 / 全年:
  365 days; 上半年; 前三季度).  A day count read from a period is an
  assumption, so such an average is reported only when it works.

Only figures of one sentence are divided: a per-boat income in one paragraph
and a fund and a fleet in another are not an average of each other.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Literal

from desktop.checks.figures import ZERO, Interval, plain
from desktop.checks.model import Finding, Operand
from desktop.checks.relations.common import judge, like, make, operand, written
from desktop.checks.text import ArticleText, Item

# What each per-head word divides by.
_PER_HEAD = {
    "人均": ("人", "名", "位", "人次"),
    "平均每人": ("人", "名", "位"),
    "每人平均": ("人", "名", "位"),
    "户均": ("户", "戶"),
    "戶均": ("户", "戶"),
    "船均": ("艘",),
    "车均": ("辆", "輛"),
    "校均": ("所",),
    "场均": ("场", "場"),
}
# Per-head statistics: averages over a whole population, not a total shared out.
_STATISTIC = re.compile(
    r"收入|消费|消費|面积|面積|寿命|壽命|生产总值|生產總值|GDP|产值|產值|住房|存款|储蓄|可支配"
)
_PER_DAY = ("日均", "日平均", "平均每天", "平均每日", "每天平均", "每日平均")
_AVERAGE_BEFORE = re.compile(
    r"(?P<word>人均|平均每人|每人平均|户均|戶均|船均|车均|校均|场均|日均|日平均|平均每天|平均每日|每天平均|每日平均)"
    r"[^，。；：,;:0-9]{0,10}?(?:为|為|达|達|达到|約|约)?$"
)
_DAY_UNITS = ("天", "日")
_ANY_AVERAGE = re.compile(
    r"[人户戶船车校场日每亩畝单單]均|平均每|每[人天日]平均|日平均|[亩畝单單]产|[亩畝单單]產"
)
_PER_AREA = re.compile(
    r"(?:亩产|畝產|单产|單產|亩均产量|畝均產量)[^，。；：,;:0-9]{0,6}?(?:为|為|达到|達到|达|達)?$"
)
# Masses in kilograms and areas in mu, for yields.
_MASS_KG = {
    "吨": Decimal(1000),
    "噸": Decimal(1000),
    "公斤": Decimal(1),
    "千克": Decimal(1),
    "kg": Decimal(1),
    "斤": Decimal("0.5"),
    "市斤": Decimal("0.5"),
}
_AREA_MU = {"亩": Decimal(1), "畝": Decimal(1), "公顷": Decimal(15), "公頃": Decimal(15)}
_DIFFERENCE = re.compile(r"(?:增加|减少|減少|增长|增長|下降|提高|降低|上升|多|少|增|减|減)了?(?:约|約|近)?$")
# Periods whose length in days the sentence fixes; leap years are allowed for.
_PERIODS = (
    (
        re.compile(
            r"全年|去年|上年|上一年|一年|(?:19|20)\d{2}年(?:全年)?(?![0-9一二三四五六七八九十]|度|底|末|前|以来|起|上半年|下半年|第)"
        ),
        (365, 366),
    ),
    (re.compile(r"上半年"), (181, 182)),
    (re.compile(r"下半年"), (184, 184)),
    (re.compile(r"前三季度"), (273, 274)),
)


def find(article: ArticleText) -> list[Finding]:
    findings: list[Finding] = []
    if not _ANY_AVERAGE.search(article.text):
        return findings  # no per-head, per-day or per-area word: nothing to divide
    for item in article.items:
        if _PER_AREA.search(article.clause_before(item)) and not item.figure.irregular:
            finding = _per_area(article, item)
            if finding is not None:
                findings.append(finding)
            continue
        match = _AVERAGE_BEFORE.search(article.clause_before(item))
        if not match or not item.is_amount:
            continue
        word = match.group("word")
        if _STATISTIC.search(match.group()):
            continue  # 人均可支配收入: an average over a population the article does not count
        finding = _per_day(article, item) if word in _PER_DAY else _per_head(article, item, _PER_HEAD[word])
        if finding is not None:
            findings.append(finding)
    return findings


def _totals(article: ArticleText, average: Item) -> list[Item]:
    return [
        i
        for i in article.near(average)
        if i is not average and i.is_amount and i.unit == average.unit and i.claim.value > average.claim.value
    ]


def _per_head(article: ArticleText, average: Item, units: tuple[str, ...]) -> Finding | None:
    totals = _totals(article, average)
    counts = [i for i in article.near(average) if i.is_amount and i.unit in units and i is not average]
    if len(totals) != 1 or len(counts) != 1 or counts[0].claim.value == ZERO:
        return None
    total, count = totals[0], counts[0]
    # Both before the average: the sentence divides them; otherwise only a match is reported.
    strong = total.end <= average.start and count.end <= average.start
    return _average(
        average, total, operand(count, "denominator"), count.claim.value, count.figure.interval, strong
    )


def _per_day(article: ArticleText, average: Item) -> Finding | None:
    totals = _totals(article, average)
    if len(totals) != 1:
        return None
    total = totals[0]
    found = _by_day_count(article, average, total)
    if found is not None:
        return found or None
    sentence = article.sentence_of(average.start)
    head = article.text[sentence[0] : average.start]
    for pattern, lengths in _PERIODS:
        period = pattern.search(head)
        if not period:
            continue
        for length in lengths:
            start = sentence[0] + period.start()
            ops = Operand("denominator", period.group(), start, start + len(period.group()), "", str(length))
            finding = _average(
                average, total, ops, Decimal(length), None, strong=False, reading="days-of-period"
            )
            if finding is not None:
                return finding
        return None
    return None


def _by_day_count(article: ArticleText, average: Item, total: Item) -> Finding | Literal[False] | None:
    """Divide by a figure in days: one in the sentence or the paragraph is the
    period; elsewhere in the article (假期5天 in the lead) it is tried, nearest
    first, and used only if the average agrees.  False: day counts were there
    but none fits; None: there were none."""
    for span, near in ((average.sentence, True), (average.paragraph, True), ((0, len(article.text)), False)):
        days = [i for i in _day_counts(article) if span[0] <= i.start < span[1]]
        if not days:
            continue
        if near and len({d.claim.value for d in days}) == 1:
            d = days[0]
            return _average(
                average, total, operand(d, "denominator"), d.claim.value, d.figure.interval, strong=True
            )
        for d in sorted(days, key=lambda i: abs(i.start - average.start)):
            finding = _average(
                average, total, operand(d, "denominator"), d.claim.value, d.figure.interval, strong=False
            )
            if finding is not None:
                return finding
        return False
    return None


@functools.lru_cache(maxsize=4)
def _day_counts(article: ArticleText) -> list[Item]:
    """Every figure in days of the article (at most a few dozen are looked at)."""
    return [i for i in article.items if i.claim.kind == "duration" and i.unit in _DAY_UNITS][:50]


def _per_area(article: ArticleText, average: Item) -> Finding | None:
    """亩产 / 单产: a harvest over an area (小麦总产34.96万吨 over 68.2万亩 is 512.6公斤 a mu).

    The harvest and the area may sit in other sentences, even in the lead
    paragraph, so the pairing is tried (the paragraph's figures first, then
    the nearest) and kept only when it agrees.
    """
    per = _MASS_KG.get(average.unit.split("/")[0])
    if per is None:
        return None
    # The 60 nearest figures, the paragraph's first: a harvest and its area are stated together.
    window = article.items[max(0, average.index - 60) : average.index + 60]
    near = sorted(window, key=lambda i: (i.paragraph != average.paragraph, abs(i.start - average.start)))
    masses = [
        i
        for i in near
        if i is not average
        and i.is_amount
        and i.unit in _MASS_KG
        and i.claim.value > average.claim.value
        and not _DIFFERENCE.search(article.clause_before(i))
    ]
    areas = [
        i
        for i in near
        if i.is_amount and i.unit in _AREA_MU and not _DIFFERENCE.search(article.clause_before(i))
    ]
    for mass in masses[:6]:
        for area in areas[:3]:
            kilograms = mass.claim.value * _MASS_KG[mass.unit] / per
            mu = area.claim.value * _AREA_MU[area.unit]
            if mu == ZERO:
                continue
            spread = mass.figure.interval.scale(_MASS_KG[mass.unit] / per) / area.figure.interval.scale(
                _AREA_MU[area.unit]
            )
            verdict = judge(average.figure, kilograms / mu, spread)
            if verdict.holds:
                return make(
                    "average",
                    average,
                    verdict,
                    "average.holds",
                    [operand(mass, "numerator"), operand(area, "denominator"), operand(average, "rate")],
                    plain(kilograms / mu, 4),
                    reading="per-area",
                    total=mass.claim.text,
                    count=area.claim.text,
                    computed=f"{plain(kilograms / mu, average.figure.places + 1)}{average.unit}",
                    stated=average.claim.text,
                )
    return None


def _average(
    average: Item,
    total: Item,
    count: Operand,
    count_value: Decimal,
    count_spread: Interval | None,
    strong: bool,
    reading: str = "",
) -> Finding | None:
    """total / count against the stated average; a count with no spread (a period's days) is exact."""
    nominal = total.claim.value / count_value
    spread = total.figure.interval / (count_spread or Interval.point(count_value))
    verdict = judge(average.figure, nominal, spread)
    if not verdict.holds and not strong:
        return None
    code = "average.holds" if verdict.holds else "average.fails"
    return make(
        "average",
        average,
        verdict,
        code,
        [operand(total, "numerator"), count, operand(average, "rate")],
        plain(nominal, 4).replace("−", "-"),
        reading=reading,
        total=written(total),
        count=count.text if count.claim_id else f"{count.value}（{count.text}）",
        computed=like(average, nominal, 1),
        stated=written(average),
    )
