"""What a figure measures: its metric key, read from the claim and the words around it.

Two statements are of the same metric when they count or measure the same
thing (subject), for the same place and the same period, in the same unit.
The key holds each part after normalising what differs only in writing:

- the value has its magnitude applied already (3.5万 is 35000, `Claim.value`),
  so 元, 万元 and 亿元 are one family, and 名 counts the same people as 人;
- Traditional and Simplified characters are folded (`fold`);
- % and 个百分点 stay apart: a rate and a difference of rates are not one metric.

The words are what decides: the claim's subject (from the detector's
context) and the character pairs of the few characters around the figure,
without the words every news sentence has (全市, 目前, 累计, 实现).
Qualifiers that change what a figure counts (累计 or 新增, a target or an
outcome, 其中 a subset, a change rather than a level) are kept apart, since
the same subject words with another qualifier are another metric.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import NamedTuple, TypeVar

from desktop.checks.figures import Figure
from desktop.checks.repeats.fold import fold
from desktop.checks.text import CLAUSE_REACH, ArticleText, Item

# The detector's tagger with the project's dictionary, cached: one tagger in the process.
from desktop.claims.context import _tagged as tag_words
from desktop.claims.model import Claim

# Units written differently for the same thing counted.
_UNIT_FAMILY = {
    "圆": "元",
    "块钱": "元",
    "块": "元",
    "人民币": "元",
    "名": "人",
    "位": "人",
    "％": "%",
    "百分点": "个百分点",
}
# How many characters around the figure name its metric: the noun phrase
# before it (签约覆盖率61.25%) or after it (90家基层医疗机构).
_BEFORE = 16
_AFTER = 10
# Sentence and clause ends for the windows.  A window stops at the end of
# its sentence: the next sentence is about something else.
_SENTENCE_END = re.compile(r"[。！？!?；;]|(?<=[。！？!?；;：:，,])\n")
_CLAUSE_END = re.compile(r"[，,。！？!?；;、]")
_LINE_END = re.compile(r"\n")
_SPACE = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9fff]+")

# Characters that carry no metric on their own: particles, prepositions,
# verbs of being and reporting.  A pair with one of them names nothing.
_FUNCTION = frozenset("的了和与及等为是在已将有共达到至由从并也都其这该此对向把被于以之或而又再还更最各着过")
# Pairs every news sentence has: places and times in general, verbs of
# change and completion.  Two figures sharing them share no metric.
_COMMON_PAIRS = frozenset(
    [
        "全市",
        "我市",
        "本市",
        "全省",
        "本省",
        "全国",
        "全县",
        "全区",
        "市区",
        "目前",
        "截至",
        "截止",
        "今年",
        "去年",
        "明年",
        "上年",
        "同比",
        "环比",
        "累计",
        "实现",
        "完成",
        "其中",
        "以上",
        "以下",
        "左右",
        "增长",
        "提高",
        "提升",
        "下降",
        "降低",
        "减少",
        "增加",
        "分别",
        "共计",
        "总计",
        "已经",
        "正在",
        "开展",
        "工作",
        "进行",
        "推进",
        "全部",
        "我们",
        "记者",
        "获悉",
        "介绍",
        "表示",
        "通过",
        "持续",
        "不断",
        "一步",
        "进一",
        "年以",
        "以来",
        "月底",
        "年底",
        "上半",
        "半年",
        "下半",
        "季度",
        "年度",
        "达到",
        "超过",
        "突破",
        "万元",
        "亿元",
        "百分",
        "分点",
        "个百",
        "新闻",
        "发布",
        "显示",
        "核算",
        "初步",
        "统计",
        "数据",
        "获悉",
        "了解",
        "解到",
    ]
)

# Qualifiers, each a set of words looked for in the figure's clause before it.
_QUALIFIERS: dict[str, tuple[str, ...]] = {
    "cumulative": ("累计", "累積", "共计", "總計", "总计", "合计", "历年", "歷年", "以来", "以來"),
    "new": ("新增", "新建", "新招", "新开", "新增加", "新认定", "新发"),
    "target": (
        "将",
        "將",
        "计划",
        "計劃",
        "力争",
        "目标",
        "目標",
        "预计",
        "預計",
        "拟",
        "擬",
        "到20",
        "至20",
    ),
    "subset": ("其中", "含", "包括", "以内", "之中"),
    "change": (
        "增长",
        "增長",
        "增加",
        "提高",
        "提升",
        "上升",
        "下降",
        "降低",
        "减少",
        "減少",
        "降幅",
        "增幅",
        "增速",
        "降价",
        "降價",
    ),
    "average": ("平均", "人均", "户均", "戶均", "均价", "均價"),
    "share": ("占", "佔", "比重", "比例", "占比"),
    "rank": ("第", "居", "列", "位居", "排名"),
}
# Each qualifier's words as one pattern: a search finds whether any of them is there.
_QUALIFIER_WORDS = tuple(
    (name, re.compile("|".join(re.escape(word) for word in words))) for name, words in _QUALIFIERS.items()
)
# Abbreviations papers use for a metric's full name, spelled out so that a
# headline's 东港GDP增长5.8% shares words with its body's 地区生产总值.
# 生产总值 only: GDP is 国内 for a country and 地区 for a province or city.
_ABBREVIATIONS = {"GDP": "生产总值", "gdp": "生产总值", "CPI": "居民消费价格", "PPI": "生产者价格"}
_ABBREVIATION = re.compile("|".join(_ABBREVIATIONS))
# Holidays and seasons a report is about (国庆假期): a period, like 上半年,
# though no calendar date names it.
OCCASION = re.compile(r"(?:国庆|春节|五一|劳动节|中秋|元旦|清明|端午)(?:假期|黄金周|长假|小长假|期间)?")
# Periods a headline states: 前三季度, 上半年, 1—9月, 9月 (not a day: 10月8日).
_HEADLINE_PERIOD = re.compile(
    r"前三季度|上半年|下半年|[一二三四]季度|(?<![0-9])[0-9]{1,2}[—\-~至][0-9]{1,2}月|(?<![0-9—\-~至])[0-9]{1,2}月(?:份)?(?![0-9]{1,2}日|[0-9])"
)
# How many lines from the top a headline is looked for (a dateline, a kicker, the headline).
_HEADLINE_LINES = 3
# How far before a figure, in its sentence, a holiday names its period.
_OCCASION_REACH = 40
_RANGE_JOIN = re.compile(r"\s*(?:至|到|~|～|—|－|-)\s*")
# Words that make every figure after them in the sentence a plan, not an outcome.
_PLAN_WORDS = ("目标", "目標", "预期", "預期", "计划", "計劃", "力争", "力爭", "预计", "預計")
# Periods and places in the words before a figure, which name when and where, not what.
_PERIOD_OR_PLACE = re.compile(
    r"(?:19|20)[0-9]{2}年度?|[0-9]{1,2}(?:[—\-~至][0-9]{1,2})?月(?:份|底|末)?|今年|去年|明年|上半年|下半年"
    r"|前三季度|首三季|[一二三四]季度|截至|截止|目前|以来|全市|全省|全国|全县|全区|我市|本市|我省|本省|"
    + OCCASION.pattern
)
_RELATIVE_YEARS = {"去年": -1, "上年": -1, "今年": 0, "本年": 0, "明年": 1}
_DIGITS = frozenset("0123456789")
# Each set of qualifiers once, shared by the keys that have it (there are a few hundred at most).
_QUALIFIER_SETS: dict[frozenset[str], frozenset[str]] = {}
# A date in a file name: 2024-10-08, 2024_10_08, 20241008.
_NAME_DATE = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12][0-9]|3[01])(?![0-9])"
)
# A dateline at the top of an article: 青川日报 2026年10月8日 第1版.
_DATELINE = re.compile(r"((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日")
# How far into a document its dateline is looked for.
_DATELINE_REACH = 120
_MONTH = re.compile(r"([0-9]{1,2}|十[一二]?|[一二三四五六七八九])月")
_CHINESE_MONTHS = {name: n for n, name in enumerate("一二三四五六七八九十", start=1)} | {
    "十一": 11,
    "十二": 12,
}
# 滨州市, 邹平市, 博兴县: two Chinese characters and 市 or 县, kept when jieba
# takes them for a place or a name (not 实现市).  Provinces are left out:
# papers of two cities of one province both name it.
_PLACE_NAME = re.compile(r"([\u4e00-\u9fff]{2})(?:市|县)")
_NAME_TAGS = frozenset({"ns", "nr"})
# 海澄省, 山东省: two characters and 省, kept when the tagger reads them as a place.
_PROVINCE_NAME = re.compile(r"([\u4e00-\u9fff]{2})省")
# Characters that end a phrase before 省 rather than a name (我省, 全省, 外省, 跨省, 本省, 返省).
_NOT_PROVINCE = frozenset("全我本该外跨分出入回离来返赴省市县区")
# How much of a headline is read for the places it names.
_HEADLINE_REACH = 40
# Common nouns jieba tags as places.
_NOT_NAMES = frozenset({"城镇", "城市", "乡镇", "城乡", "全省", "全市", "全县"})
# How a reporter introduces a figure (记者从市文旅局获悉, 市文旅局表示): not what it counts.
_REPORTING = re.compile(r"记者|获悉|了解到|表示|介绍|透露|指出|显示|据统计|统计显示|初步核算|据悉|称")
# The verb that leads to a figure at the end of its clause (景区增至86家, 产量达到134.6亿斤).
_LEADING_VERB = re.compile(
    r"(?:增至|增加到|增长到|增长至|提高到|提高至|提升到|提升至|上升到|上升至|升至|降至|下降到|达到|达|为|是|突破|超过|共有|有|约|近|超|逾)+$"
)
# A four-digit year in a period: two periods with different years are different.
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_PERIOD_NOISE = re.compile(r"^(?:截至|截止到|截止|到|至|自|从|從)|(?:以来|以來|份|底|末)$|份")
# Places that mean the paper's own city or county (全市, 我市, 全县), or none stated.
LOCAL = frozenset({"", "市", "全县", "我县", "本县", "全区", "我区"})
# Place words that say "this city" or "this province" in the reporter's voice.
_PLACE_SAME = {"我市": "市", "本市": "市", "全市": "市", "我省": "省", "本省": "省", "全省": "省"}


@dataclass(frozen=True)
class Located:
    """Where a claim's document is: its index among the documents compared, its name, and what it says of itself."""

    document: int
    name: str
    headline: str = ""  # the first line of its document: how an editor knows the other article
    # The places its document names (滨州市, 聊城市): what its 全市 and 我市 mean.
    places: frozenset[str] = frozenset()
    # The provinces its document names (海澄): what its 全省 means.
    provinces: frozenset[str] = frozenset()
    # When its paper came out, as digits (20261008): from the file name or the dateline; "" when unknown.
    published: str = ""
    # The one holiday its document reports on (国庆假期), the period of its figures that state none.
    occasion: str = ""
    # The one period its headline states (前三季度), the period of its body's figures that state none.
    period: str = ""


class _Sentence(NamedTuple):
    """What one sentence says, for all its figures (positions index the document's text)."""

    text: str  # folded and spelled out
    clause_ends: list[int]  # where its clauses end
    months: list[tuple[int, str]]  # where each month it names ends, and the month (九, 10)
    plan_end: int  # where the first plan word (目标, 计划) ends; past the end when none


class Reading:
    """A document read once for all its figures' keys: its text folded, where its lines start,
    and what its sentences say (every figure of a sentence shares them).

    A figure reads its sentence up to itself (its lead clause, a month or a
    plan word before it): looked up here, not searched again for each of a
    sentence's figures, so a table of thousands of figures on one line stays linear.
    """

    def __init__(self, article: ArticleText, folded: str) -> None:
        """`folded` is the article's text folded (`fold`)."""
        self.article = article
        self.folded = folded
        lines = article.text.split("\n")
        self._line_starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        # Non-blank lines before each line: a figure's paragraph number is a bisection, not a count.
        self._told = list(accumulate((1 if line.strip() else 0 for line in lines), initial=0))
        self._sentences: dict[tuple[int, int], _Sentence] = {}

    def lines_before(self, position: int) -> int:
        """How many lines with words the text has before `position` (a part of a line counts when it has words)."""
        k = bisect_left(self._line_starts, position)
        if k == 0:
            return 0
        start = self._line_starts[k - 1]
        return self._told[k - 1] + (1 if self.article.text[start:position].strip() else 0)

    def sentence(self, span: tuple[int, int]) -> _Sentence:
        found = self._sentences.get(span)
        if found is None:
            start, end = span
            folded = self.folded
            text = _spelled(folded[start:end])
            # Spelling out GDP adds no month, no plan word and no clause end: found in the folded text.
            plans = [at + len(word) for word in _PLAN_WORDS if (at := folded.find(word, start, end)) >= 0]
            found = self._sentences[span] = _Sentence(
                text,
                [mark.start() for mark in _CLAUSE_END.finditer(folded, start, end)],
                [(month.end(), month.group(1)) for month in _MONTH.finditer(folded, start, end)],
                min(plans, default=end + 1),
            )
        return found


_T = TypeVar("_T")


def _shared(make: Callable[[MetricKey], _T]) -> cached_property[_T]:
    """A key's value worked out on first use, on the key its copies were made from (`moved`),
    so that it is worked out once for them all."""

    def get(key: MetricKey) -> _T:
        origin: MetricKey = key._origin
        return make(key) if origin is key else getattr(origin, make.__name__)

    get.__doc__ = make.__doc__
    return cached_property(get)


class MetricKey:
    """The metric a claim states, with the words that name it; built once per claim.

    Everything compare() reads is worked out here, once: a key is compared
    with dozens of others, and the memory of figures keeps keys for reuse
    (find.py).  What depends on the place and period a paragraph carries
    to its figures is worked out by `settle`, after they are carried.
    """

    # Where figures worth comparing with it are (find._buckets_of), set with its key.
    buckets: tuple[tuple[str, str, object], ...]
    # Set by settle(), from the place and period once carried (find._carried).
    city: str
    years: frozenset[str]
    relative_year: int | None
    month: int

    def __init__(self, located: Located, item: Item, reading: Reading) -> None:
        self.located = located
        article = reading.article
        folded = reading.folded
        self._folded = folded
        claim = item.claim
        text = article.text
        self.item = item
        self.claim = claim
        self.value: Decimal = claim.value
        sentence_start, sentence_end = item.sentence
        # The windows stay in the figure's sentence; a line break without a
        # full stop before it does not end one (a headline laid out on two lines).
        before_start = max(0, item.start - _BEFORE)
        cut = _SENTENCE_END.search(text, before_start, item.start)
        while cut is not None:
            before_start = cut.end()
            cut = _SENTENCE_END.search(text, before_start, item.start)
        after_end = min(len(text), item.end + _AFTER)
        # After the figure any line break ends the window: a headline ends there.
        cut = _SENTENCE_END.search(text, item.end, after_end) or _LINE_END.search(text, item.end, after_end)
        after_end = cut.start() if cut else after_end
        self.before = _spelled(_unspaced(folded[before_start : item.start]))
        clause_end = _CLAUSE_END.search(text, item.end, after_end)
        self.after_clause = _spelled(
            _unspaced(folded[item.end : clause_end.start() if clause_end else after_end])
        )
        # The words before the figure in its clause, its sentence, and the clause before its own:
        # read here for what they say (its qualifiers, naming words, period), not kept.
        clause_before = _spelled(folded[max(item.clause_start, item.start - CLAUSE_REACH) : item.start])
        sentence = reading.sentence(item.sentence)
        self._sentence = sentence.text
        # Which paragraph of its article the figure is in (0: the headline):
        # a restatement that disagrees is mostly the headline's or the lead's.
        self.paragraph = reading.lines_before(item.paragraph[0])
        sentence_before = _spelled(folded[sentence_start : item.start])
        lead_end = max(sentence_start, item.clause_start - 1)
        ends = bisect_left(sentence.clause_ends, lead_end)
        lead_start = sentence.clause_ends[ends - 1] + 1 if ends else sentence_start
        lead_clause = _spelled(folded[lead_start:lead_end])
        # The figure this one describes, when one stands just before it in
        # its clause: 净利润1.74亿元，同比增长14.9% is the growth of 1.74亿元.
        previous = article.items[item.index - 1] if item.index > 0 else None
        if previous is not None and previous.claim.kind == "rank" and previous.index > 0:
            # 4216.8亿元，总量居全省第1位，同比增长5.6%: the growth of the amount, not of the rank.
            previous = article.items[previous.index - 1]
        self.anchor: tuple[str, Decimal] | None = None
        if (
            previous is not None
            and previous.sentence == item.sentence
            and previous.end >= before_start
            and not previous.is_rate  # 失业率3.74%，季调失业率3.73%: a sibling rate, not the base
        ):
            self.anchor = (fold(previous.claim.unit), previous.claim.value)
        # One end of a range the detector read as two figures (1.2亿元至1.6亿元).
        following = article.next_item(item)
        self.range_end = any(
            other is not None
            and _RANGE_JOIN.fullmatch(text[min(item.end, other.end) : max(item.start, other.start)])
            for other in (previous, following)
        )
        self.is_range = claim.value_low is not None or self.range_end
        subject = _spelled(fold(claim.subject))
        # A place heading the subject (青川接待游客, 东港市地区生产总值) says
        # where, not what: 接待游客 in 青川.
        self.subject_place, self.subject = _place_heading(subject)
        place = _PLACE_SAME.get(fold(claim.place), fold(claim.place))
        self.place = place or self.subject_place
        # The pipeline gives a claim its article's date when its sentence
        # names no time; only a period the sentence states is a period.
        time = fold(claim.time)
        # A day (10月8日，记者获悉) is when the figure was told, not the period it covers.
        stated = bool(time) and time in sentence.text and not _day_follows(time, sentence.text)
        self.period = _period(time) if stated else ""
        if not self.period:
            # 国庆假期全市共接待游客: a holiday is the period, stated in the
            # sentence or, for the rest of the report, in its headline and lead.
            holiday = OCCASION.search(sentence_before, max(0, len(sentence_before) - _OCCASION_REACH))
            self.period = _occasion(holiday.group()) if holiday else located.occasion
        self.family = self._family()
        self._clause_before = clause_before
        self._lead_clause = lead_clause
        # A plan reaches further: 主要预期目标是：生产总值增长6%左右；一般公共预算收入增长6.5%
        self.qualifiers = self._qualifiers(clause_before, planned=sentence.plan_end <= item.start)
        # The last month the sentence names before the figure (九月失业率), for a period that names none.
        months = sentence.months[: bisect_right(sentence.months, (item.start, "\uffff"))]
        self._month_before = months[-1][1] if months else ""
        # A rate or a change: such figures crowd into a few dozen values (增长12.6%).
        self.is_rate = "change" in self.qualifiers or self.family in ("%", "个百分点")
        # The key its words are worked out on (`moved` copies share them).
        self._origin = self

    def settle(self) -> None:
        """Work out what follows from the figure's place and period, once `find` has carried
        a paragraph's place and period to it."""
        self.city = self._city()
        years = _YEAR.findall(self.period)
        self.years = frozenset(years) if years else _NO_PAIRS
        self.relative_year = _relative_year(self.period)
        self.month = self._month()

    def moved(self, located: Located) -> MetricKey:
        """This key in a set of documents compared, its document `located` there (its index,
        its file, the places its file names): only its city is worked out again."""
        key = object.__new__(MetricKey)
        key.__dict__ = self.__dict__.copy()  # a copy of the table itself: a fraction of a microsecond
        key.located = located
        key.city = key._city()
        return key

    def _family(self) -> str:
        """The unit family: 元 for any amount of yuan, 人 for 名 and 位 of people, `rank` for a rank."""
        if self.claim.kind == "rank":
            # 前三名 (among the first three) is not 第三 (the third).
            return "rank-top" if "前" in self.claim.text else "rank"
        unit = fold(self.claim.unit)
        return _UNIT_FAMILY.get(unit, unit)

    def _placeless(self, text: str) -> str:
        """`text` without the place heading the subject (and a 市 or 县 after it)."""
        if not self.subject_place:
            return text
        return re.sub(re.escape(self.subject_place) + "[市县]?", "", text)

    @_shared
    def figure(self) -> Figure:
        return self.item.figure  # worked out on first use, once per claim, by its Item

    # What is read only when the figure is compared, worked out then, once for a key and its copies.

    @_shared
    def words(self) -> frozenset[str]:
        """The character pairs that name the metric: from the window around the figure (without its
        period and place), and the subject."""
        before = _pairs(_PERIOD_OR_PLACE.sub(" ", self._placeless(self.before)))
        return before | _pairs(_PERIOD_OR_PLACE.sub(" ", self.after_clause)) | _pairs(self.subject)

    @_shared
    def lead_words(self) -> frozenset[str]:
        """The pairs of the clause before the figure's own, in its sentence (春运首日，全市发送旅客…)."""
        return _pairs(_squeezed(self._lead_clause))

    @_shared
    def sentence_words(self) -> frozenset[str]:
        """The metric character pairs of the figure's whole sentence."""
        return _pairs(self._sentence)

    @_shared
    def naming_text(self) -> str:
        """The words that name the figure in its clause, run together (`naming` is their pairs)."""
        return _squeezed(self._placeless(self._clause_before))

    @_shared
    def naming(self) -> frozenset[str]:
        """The pairs of the words that name the figure in its clause, without its period and place.

        上半年全市城镇新增就业 and 全市城镇新增就业 name one figure;
        每股基本盈利 and 非国际财务报告准则每股基本盈利 do not.
        """
        return _pairs(self.naming_text)

    @_shared
    def specificity(self) -> int:
        """How many significant digits the figure is written with: 8325 has 4, 90 and 10亿 have 1.

        A figure of many digits seldom recurs by chance; 5项 or 100% recur on
        every page, so they need more shared words to be linked.
        """
        figure = self.figure
        if figure.significant <= 0 or self.value == 0:
            return 1
        return max(1, len(str(int(abs(self.value) / figure.significant))))

    @_shared
    def text_before(self) -> str:
        """Its document's text up to the figure, folded and without spaces: what its reader has been told."""
        return _unspaced(self._folded[: self.item.start])

    def _qualifiers(self, before: str, planned: bool) -> frozenset[str]:
        """What the words just before the figure in its clause say it is: cumulative, new, a target,
        a subset, a change ...  `planned`: a plan word stands before it in its sentence.
        """
        found = {name for name, words in _QUALIFIER_WORDS if words.search(before)}
        if planned:
            found.add("target")
        if self.claim.kind in ("change",) or self.family in ("个百分点", "倍"):
            found.add("change")
        return _QUALIFIER_SETS.setdefault(frozenset(found), frozenset(found))

    @property
    def file_date(self) -> str:
        """When the document's paper came out, as digits (`Located.published`); "" when unknown."""
        return self.located.published

    def _month(self) -> int:
        """The month a period ends with (6 for 6月底, 8 for 1—8月, 9 for 九月); 0 when it names none."""
        # The context reads Arabic months only; 九月失业率 names its month in the sentence.
        found = _MONTH.findall(self.period)
        last = found[-1] if found else self._month_before
        if not last:
            return 0
        return int(last) if last.isdigit() else _CHINESE_MONTHS.get(last, 0)

    def _city(self) -> str:
        """The city the figure is of, by name: its place when its document names it (东港市 as 东港),
        or the one city its document names for its 全市; "" otherwise (全省, a page naming several cities)."""
        place = self.place
        places = self.located.places
        if place in LOCAL:
            return next(iter(places)) if place == "市" and len(places) == 1 else ""
        name = place.rstrip("市县")
        return name if name in places else ""


def _relative_year(period: str) -> int | None:
    """-1, 0 or 1 for a period of 去年, 今年 or 明年 (years of the paper's own date); None otherwise."""
    for word, year in _RELATIVE_YEARS.items():
        if period.startswith(word):
            return year
    return None


def _day_follows(time: str, sentence: str) -> bool:
    """Whether `time` stands in `sentence` followed by a day of the month (10月 in 10月8日)."""
    at = sentence.find(time)
    while at >= 0:
        day = at + len(time)
        if sentence[day : day + 1] in _DIGITS and (
            sentence[day + 1 : day + 2] == "日"
            or sentence[day + 1 : day + 2] in _DIGITS
            and sentence[day + 2 : day + 3] == "日"
        ):
            return True
        at = sentence.find(time, at + 1)
    return False


def named_places(folded: str, claims: Sequence[Claim]) -> frozenset[str]:
    """The cities and counties a document names (滨州, 聊城, 邹平): what its 全市 means.

    Read from the claims' places and from every 滨州市-shaped name in the
    text that the detector's own tagger (jieba, already loaded and cached)
    reads as a place or a name.
    """
    places = {fold(c.place).rstrip("市县") for c in claims if c.place and not c.place.endswith("省")}
    places.update(_place_heading(fold(c.subject))[0] for c in claims if c.subject)
    # The headline names the city a report is about (青川国庆游火爆) without 市.
    headline = next((line for line in folded.splitlines() if line.strip()), "")[:_HEADLINE_REACH]
    places.update(word.rstrip("市县") for word, tag in tag_words(headline) if tag == "ns" and len(word) >= 2)
    for candidate in {found.group() for found in _PLACE_NAME.finditer(folded)}:
        word, tag = tag_words(candidate)[0]
        if tag in _NAME_TAGS and (word == candidate or word == candidate[:2]):
            places.add(candidate[:2])
    return frozenset(p for p in places if len(p) >= 2 and p[0] not in "全我本" and p not in _NOT_NAMES)


def named_provinces(folded: str) -> frozenset[str]:
    """The provinces a document names (海澄省 as 海澄): what its 全省 and 我省 mean."""
    found = set()
    for candidate in {m.group(1) for m in _PROVINCE_NAME.finditer(folded)}:
        if candidate in _NOT_NAMES or any(ch in _FUNCTION or ch in _NOT_PROVINCE for ch in candidate):
            continue  # 在我省, 居全省, 日从省: no name
        # A made-up or rare name the tagger does not know (海澄省) is still a
        # name; taking a few words for one only keeps a 全省 from being matched.
        found.add(candidate)
    return frozenset(found)


def published(name: str, text: str) -> str:
    """When a document's paper came out, as digits (20261008): the date its file name carries
    (qlwb_2024-10-08.txt), else its dateline (青川日报 2026年10月8日 第1版); "" when neither."""
    found = _NAME_DATE.search(name)
    if found:
        return "".join(found.groups())
    line = _DATELINE.search(text, 0, _DATELINE_REACH)
    if line is None:
        return ""
    year, month, day = (int(part) for part in line.groups())
    return f"{year:04d}{month:02d}{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""


def headline_period(text: str) -> str:
    """The one period a document's headline states (前三季度 in 前三季度全省经济稳中向好); "" when none or several.

    The headline is in the first few lines before the body (a line with a
    full stop): after a paper's name or dateline (青川日报 2026年10月8日,
    whose month is no period), perhaps with a kicker.
    """
    found: set[str] = set()
    for line in [line for line in text.splitlines() if line.strip()][:_HEADLINE_LINES]:
        if "。" in line or line.lstrip().startswith("本报讯"):
            break
        found.update(_period(m.group()) for m in _HEADLINE_PERIOD.finditer(_DATELINE.sub(" ", fold(line))))
    return found.pop() if len(found) == 1 else ""


def occasion(text: str) -> str:
    """The one holiday a document reports on (国庆假期 in its headline and lead); "" when none or several."""
    found = {_occasion(m.group()) for m in OCCASION.finditer(text)}
    return found.pop() if len(found) == 1 else ""


def _occasion(word: str) -> str:
    """A holiday by its name alone: 国庆假期, 国庆黄金周 and 国庆期间 are one period."""
    return OCCASION.sub(lambda m: m.group().rstrip("假期黄金周长小间"), word)


def _place_heading(subject: str) -> tuple[str, str]:
    """(place, rest) when a place name the tagger knows heads `subject` (青川接待游客); else ("", subject)."""
    if len(subject) < 4:
        return "", subject
    word, tag = tag_words(subject)[0]
    if tag != "ns" or len(word) < 2 or word in _NOT_NAMES:
        return "", subject
    rest = subject[len(word) :]
    if rest[:1] in ("市", "县"):
        rest = rest[1:]
    word = word.rstrip("市县")
    return (word, rest) if len(rest) >= 2 and len(word) >= 2 else ("", subject)


def _spelled(text: str) -> str:
    """`text` with the abbreviations of metric names spelled out (GDP as 生产总值)."""
    return (
        _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group()], text) if "P" in text or "p" in text else text
    )


def _squeezed(clause: str) -> str:
    """A clause's naming words run together: without its period, place, reporting verb,
    the verb that leads to the figure and function characters.

    国庆假期接待游客 and 国庆假期全市共接待游客 are then the same words, and
    no pair is made across a word that was taken out.
    """
    text = _REPORTING.sub("", _PERIOD_OR_PLACE.sub("", _SPACE.sub("", clause)))
    text = _LEADING_VERB.sub("", text)
    return "".join(ch for ch in text if ch not in _FUNCTION)


def _unspaced(text: str) -> str:
    return _SPACE.sub("", text)


def _period(time: str) -> str:
    """A period as stated, without the words that only introduce it (截至, 以来, 份).

    今年上半年 is 上半年 in the same paper: 今年 adds nothing before a part of the year.
    """
    period = _PERIOD_NOISE.sub("", time)
    return period[2:] if period.startswith("今年") and len(period) > 2 else period


@lru_cache(maxsize=8192)
def _pairs(text: str) -> frozenset[str]:
    """The character pairs of `text`'s runs of Chinese characters, without pairs that name nothing.

    A function character ends a run (no pair has one).  Kept for the texts
    met most (a subject, a sentence stated again), the pairs themselves
    interned: kept keys share them.
    """
    runs = _CJK.findall(text.translate(_NO_FUNCTION))
    out = {run[i : i + 2] for run in runs for i in range(len(run) - 1)} - _COMMON_PAIRS
    return frozenset(sys.intern(pair) for pair in out) if out else _NO_PAIRS


_NO_FUNCTION = str.maketrans(dict.fromkeys(_FUNCTION, " "))
_NO_PAIRS: frozenset[str] = frozenset()
