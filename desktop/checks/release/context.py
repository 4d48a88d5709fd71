"""What a figure is about, read from the words around it.

An article restates a release in its own words and script, so the context
of a figure is compared on Simplified characters with every figure masked:

- `subject`: the metric words nearest before the figure (工业生产指数,
  失业人数), taken from its own clause, or from the clauses before it when
  its own clause has none (``营业额为1兆645亿元,年增5.9%``: 5.9% is about
  营业额);
- `direction`: up or down when a change is stated (年增, 减少, 下降, 少,
  缩短), turned round by a 负 written before the figure (增加为负6,877人);
- `base`: what a change is measured against (上月, 上年同期, 上季);
- `period`: the month, quarter, half or cumulative stretch named nearest
  before the figure (4月, 1至4月, 第4季, 上半年, 截至9月30日止九个月), or by
  the section heading above its line; a month compared with (较9月) is none;
- `after`: the metric words right after the figure (3人死亡, 248万人受灾);
- `prior`: the earlier period's value (上年同期为…, or a results table's
  cell after its row's first of that unit: the year or the quarter before);
- `respective`: the names of a list stated respectively (工业、制造业生产
  指数分别为132.87及135.05) and which is the figure's.

Direction, base and period are compared only when both sides state them;
one that contradicts the other marks another metric, whatever the value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from desktop.checks.release.columns import column_bases
from desktop.checks.release.figure import TextFigure
from desktop.checks.release.script import to_simplified

PASSAGE_END = "。！？!?\n"
SENTENCE_END = PASSAGE_END + "；;"
CLAUSE_END = SENTENCE_END + "，,、：:「」“”"
# A gloss in brackets (（CPI）, （人民币．下同）, (168329万亩)) says nothing new
# about the metric; it is dropped from the words before a figure.
_GLOSS = re.compile(r"（[^（）]*）|\([^()]*\)")
_OPEN_BRACKET = re.compile(r"[（(][^（）()]*$")
MASK = "#"
# How many metric characters before a figure name what it measures.
SUBJECT_REACH = 8
# How many metric characters after a figure are compared (受灾, 死亡, 失踪).
TAIL_REACH = 4

UP, DOWN = "up", "down"
_DIRECTION = re.compile(
    r"(?P<down>负成长|減少|减少|下降|减幅|衰退|下跌|下滑|萎缩|缩减|缩短|缩小|回落|走低|下调|减|降(?![雨水])|跌)"
    r"|(?P<up>增加|增长|增幅|成长|上升|上涨|提高|扩大|延长|回升|攀升|走高|上调|增(?!值)|升|涨)"
    # 比去年同月少1036人, 多2.1亿元: 少/多 right before the figure, not 至少 or 最多 (a bound).
    r"|(?<![至最])(?:(?P<fewer>少了?)|(?P<more>多了?))(?=#|$)"
)
_BASE = re.compile(
    # 一年来少了5.3万人: what a year has changed is against the year before.
    r"(?P<yoy>上年同[月期季]|去年同[月期季]|较上年|比上年|较去年|比去年|年增|年减|按年|同比|(?:近|过去)?一年(?:来|间|内))"
    # 上年同月增加 is against the year before, not the month before.
    r"|(?P<mom>较上月|与上月|比上月|上月|(?<!同)月增|(?<!同)月减|按月)"
    r"|(?P<qoq>较上季|上季|按季|(?<!同)季增|(?<!同)季减)"
    r"|(?P<seq>环比)"
)
# The value of the earlier period, named right before the figure: 上年同期为1,100亿元.
_PRIOR = re.compile(
    r"(?:上年同期|去年同期|上年同月|去年同月|上年|去年|上月|上季|同期)(?:则|亦|仅)?(?:为|是|有|达|的)?$"
)
# 环比 is against the period before, a month or a quarter as the data go.
_SEQUENTIAL = frozenset({"mom", "qoq", "seq"})
_CN_DIGIT = {
    "一": "1",
    "二": "2",
    "三": "3",
    "四": "4",
    "两": "2",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
    "十": "10",
}
_PERIOD = re.compile(
    # 截至2026年9月30日止九个月: the months ending with the one named (results announcements).
    r"(?P<ending>截至(?:\d{4}年)?(?P<end>\d{1,2})月(?:\d{1,2}日)?止?(?P<count>[一二三四五六七八九十]|1[0-2]|[1-9])个月)"
    r"|(?P<half>上半年|下半年)"
    r"|(?P<span>(?P<from>\d{1,2})\s*[至到\-~－—–]\s*(?P<to>\d{1,2})\s*月)"
    r"|(?:前|首)(?P<first>[1-9一二三四]|1[0-2])(?:个)?(?P<what>季度?|月)"
    r"|(?P<year>全年)"
    r"|第(?P<quarter>[1-4一二三四])\s*季"
    r"|(?<![前首第\d])(?P<quarter2>[1-4一二三四])\s*季度"
    # 较9月增加658人: a month compared with is the base, not the figure's period.
    r"|(?<![\d个较比])(?P<month>\d{1,2})\s*月(?!底)"
)
_UNNAMED = re.compile(r"\(\?P<\w+>")
# Words that say nothing about which metric a figure measures: verbs of
# change and comparison, periods, function words, currencies and magnitudes.
_NOT_METRIC = re.compile(
    r"负成长|正成长|"
    + _UNNAMED.sub("(?:", _DIRECTION.pattern)
    + "|"
    + _UNNAMED.sub("(?:", _BASE.pattern)
    + r"|上半年|下半年|全年|今年|去年|本年|同期|同月|同季|期间|单月|累计|截至|为止|底止|第[一二三四\d]季度?|[首前][一二三四\d]季度?|[\d一二三四五六七八九十]+[年月日季]"
    r"|人民币|港币|新台币|美元|港元|约|逾|近|为|是|达到|达|至|到|的|其中|以及|及|和|与|则|亦|也|平均|共|计|或|而|且"
    r"|分别|各|有|在|于|了|其|由|从|因|主因|此外|另外|至于|同步|已|将|仍|再|又|等|之|后|较|比|持平|元|亿|万|千"
)
# The number of a release's item (一、 三、 2. （四）) is not a metric word.
_LIST_NUMBER = re.compile(r"^(?:[（(]?[一二三四五六七八九十]+[、.．)）]|[（(]?[0-9]{1,2}[、.．)）](?![0-9]))")
_REPORTED = re.compile(r"^.*(?:公布|发布|宣布|表示|指出|显示|透露|称)")
# Metric words are Chinese words and Latin abbreviations (CPI, GDP, PMI).
_NOT_CJK = re.compile(r"[^\u4e00-\u9fffA-Za-z#]")


@dataclass(frozen=True)
class Context:
    """The context of one figure (all text Simplified, figures masked as #)."""

    sentence: str  # the whole sentence (up to 。 or ；), masked
    passage_index: int  # which passage of the text (up to 。 or a line break: a release item)
    position: int  # the figure's place among the figures of its passage
    subject: str  # the metric words nearest before the figure ("" when none)
    own_subject: bool  # whether the subject is in the figure's own clause
    direction: str  # UP, DOWN or ""
    base: str  # "yoy", "mom", "qoq", "seq" (环比: against the period before) or ""
    period: str  # "m4", "c1-4", "q4", "c1-6", "c1-12" or ""
    prior: bool  # an earlier period's value (上年同期为1,100亿元; a table cell after its row's first)
    first_line: bool  # the figure is in the text's first line (a headline or a title)
    # The metric words of the figure's own clause, however many ("" when it has none).
    clause_words: str = ""
    # No other figure stands before it in its own clause (结案率94.82%, not a table row's third cell).
    leads_clause: bool = True
    # The figure is the level a change arrives at (增长15%至1928.7亿元, 升至3.9%), not the change.
    reached: bool = False
    # The words right after the figure in its clause, as written (248万人受灾 -> 受灾, 3人死亡 -> 死亡).
    after: str = ""
    # The sentence up to the figure, masked (what the article has said of it by then).
    lead: str = ""
    # In a list stated respectively (工业、制造业生产指数分别为132.87及135.05): the
    # names listed, and which of them is this figure's (-1 when none).
    respective: tuple[str, ...] = ()
    respective_index: int = -1

    @property
    def metric_chars(self) -> frozenset[str]:
        return frozenset(self.subject) - {MASK}


def contexts(text: str, figures: Sequence[TextFigure]) -> list[Context]:
    """The Context of every figure of `text`, in the order given."""
    masked = list(text)
    for figure in figures:
        masked[figure.start : figure.end] = MASK * (figure.end - figure.start)
    plain = to_simplified("".join(masked))
    sentence_starts = [0] + [i + 1 for i, ch in enumerate(plain) if ch in SENTENCE_END]
    passage_starts = [0] + [i + 1 for i, ch in enumerate(plain) if ch in PASSAGE_END]
    first_line_end = text.find("\n") if "\n" in text.strip("\n") else len(text)
    order = sorted(range(len(figures)), key=lambda i: figures[i].start)
    positions: dict[int, int] = {}
    counts: dict[int, int] = {}
    for i in order:
        passage = _index(passage_starts, figures[i].start)
        positions[i] = counts.get(passage, 0)
        counts[passage] = positions[i] + 1
    columns = column_bases(text, figures)
    line_starts = [0] + [i + 1 for i, ch in enumerate(plain) if ch == "\n"]
    headings = _heading_periods(to_simplified(text), line_starts)
    comparisons = _comparison_cells(figures, line_starts)
    found: list[Context] = []
    for i, figure in enumerate(figures):
        start = sentence_starts[_index(sentence_starts, figure.start)]
        following = _index(sentence_starts, figure.end - 1) + 1 if figure.end > figure.start else None
        end = (
            sentence_starts[following] - 1
            if following is not None and following < len(sentence_starts)
            else len(plain)
        )
        lead = plain[start : figure.start]
        respective, place = _respectively(lead, figure, figures, start)
        passage = _index(passage_starts, figure.start)
        first_line = figure.start < first_line_end and text[:first_line_end].strip() != ""
        # A figure after ； with no metric words of its own is about the
        # metric before it (同比上涨0.3%；环比下降0.3%): the subject is looked
        # for across the passage, the coverage in the sentence.
        subject, own = _subject(
            _NEGATIVE.sub("", plain[passage_starts[passage] : figure.start].rstrip()), headline=first_line
        )
        found.append(
            Context(
                sentence=_squeeze(plain[start:end]),
                passage_index=passage,
                position=positions[i],
                subject=subject,
                own_subject=own,
                direction=_signed(figure, _own_clause(_DIRECTION, lead), lead),
                base=_own_clause(_BASE, lead) or columns.get(i, ""),
                period=_period(plain[passage_starts[passage] : figure.start])
                or headings.get(_index(line_starts, figure.start), ""),
                prior=_PRIOR.search(_squeeze(lead)) is not None or i in comparisons,
                first_line=first_line,
                after=_after(plain, figure.end, headline=first_line),
                lead=_squeeze(lead),
                reached=_REACHED.search(_squeeze(lead)) is not None,
                # A gloss (5506公斤/公顷(367公斤/亩)) stands where the figure it restates stands.
                leads_clause=MASK not in _clauses(_GLOSSED.sub("", lead), headline=first_line)[-1],
                clause_words=_metric_words(_PHRASE_END.split(_GLOSS.sub("", lead))[-1]) if own else "",
                respective=respective,
                respective_index=place,
            )
        )
    return found


_RESPECTIVELY = "分别"
_NAME_END = re.compile(r"[。！？!?\n；;，,：:「」“”]")


def _respectively(
    lead: str, figure: TextFigure, figures: Sequence[TextFigure], sentence_start: int
) -> tuple[tuple[str, ...], int]:
    """The names of a list stated respectively and the figure's place in it, as Context fields.

    ``超市、量贩店…分别年增22.7%、12.5%…``: the names are those before 分别
    in its clause, one per 、; the figure's place counts the figures of its
    unit between 分别 and it.  Only when the figure's place has a name.
    """
    at = lead.rfind(_RESPECTIVELY)
    if at < 0:
        return (), -1
    clause = _NAME_END.split(_GLOSS.sub("", lead[:at]))[-1]
    names = tuple(_metric_words(name) for name in clause.split("、"))
    if len(names) < 2 or not all(names):
        return (), -1
    begin = sentence_start + at
    place = sum(1 for f in figures if begin <= f.start < figure.start and f.unit == figure.unit)
    if place >= len(names):
        return (), -1
    return names, place


def _comparison_cells(figures: Sequence[TextFigure], line_starts: Sequence[int]) -> set[int]:
    """The table cells that state an earlier period's level: after the row's first cell of their unit.

    A results table prints the period's figure first and the ones it is
    compared with after it (本公司权益持有人应占盈利 63,133 53,230 19%
    55,628 13%: 53,230 a year before, 55,628 a quarter before), under
    column heads the cells do not repeat.  Only cells under a unit header
    (a `note`) count: a sentence may well list two levels of one unit.
    """
    first: dict[tuple[int, str], int] = {}
    later: set[int] = set()
    for i in sorted(range(len(figures)), key=lambda i: figures[i].start):
        figure = figures[i]
        if not figure.note or figure.unit == "%":
            continue
        key = (_index(line_starts, figure.start), figure.unit)
        if key in first:
            later.add(i)
        else:
            first[key] = i
    return later


# Where the words of a figure's own phrase begin: an enumeration of names (工业、制造业生产指数)
# is one phrase, a list of statements (机械器具批发业年增3.9%、建材批发业年增13.3%) is not.
_PHRASE_END = re.compile(r"[。！？!?\n；;，,：:「」“”]|(?<=#)\s*[、]")
_REACHED = re.compile(r"(?:至|到|达到)$")
# A figure and the bracket opened right after it: what follows restates it in other units.
_GLOSSED = re.compile(r"#+\s*[（(]\s*$")


def _after(plain: str, end: int, headline: bool = False) -> str:
    """The first words between the figure and the end of its clause or the next figure ("" when they name no metric)."""
    stop = end
    while stop < len(plain) and plain[stop] not in CLAUSE_END and plain[stop] != MASK:
        if headline and plain[stop].isspace() and _between_words(plain[end:], stop - end):
            break
        stop += 1
    # The words as written, not cut into metric words: 参加比赛 must stay apart from 参加培训.
    rest = _APPROX_AFTER.sub("", _squeeze(plain[end:stop])).lstrip("的了")
    if _NOT_METRIC.match(rest):
        return ""  # a verb of change, a comparison, a function word: no metric of its own (同比增长)
    words = _WORD_RUN.match(rest)
    return words.group()[:TAIL_REACH] if words else ""


_WORD_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z]+")


# An approximation word after a figure (90%以上, 3000人左右) says nothing of the metric.
_APPROX_AFTER = re.compile(r"^(?:左右|上下|以上|以下|以内|之多|有余|多|余)")


def coverage(context: Context, other: Context) -> float | None:
    """How much of `context`'s metric words `other`'s sentence holds (None: no metric words).

    Characters and character pairs count alike: pairs keep 工业部门 apart from
    就业人数, characters let 制造生产指数 meet 制造业 and 工业生产.
    """
    chars = context.metric_chars
    if not chars:
        return None
    pairs = _pairs(context.subject)
    seen_chars = len(chars & set(other.sentence)) / len(chars)
    if not pairs:
        return seen_chars
    sentence_pairs = _pairs(other.sentence)
    return (seen_chars + len(pairs & sentence_pairs) / len(pairs)) / 2


def tail_found(context: Context, other: Context) -> bool:
    """Whether the words right after the figure (248万人受灾, 3人死亡) name `other`'s metric.

    They must stand right after `other` too, or end the metric words of its
    own clause (因灾死亡3人, not 死亡3人，其中1人为儿童 for 1人死亡): at
    least two characters, a whole word of the other side.
    """
    tail, theirs = context.after, other.after
    if len(tail) < 2:
        return False
    # One side may run on where the other stops (a headline: 248万人受灾经济损失…),
    # but neither may say something else (1200人参加培训 is not 1200人参加比赛).
    if len(theirs) >= 2 and (tail.startswith(theirs) or theirs.startswith(tail)):
        return True
    return other.own_subject and other.subject.endswith(tail)


def subject_cover(context: Context, other: Context, whole: bool = False) -> float | None:
    """The share of `context`'s metric character pairs in `other`'s own metric words (None: no pairs).

    `whole`: in all the metric words of `other`'s own clause, not only the nearest.
    """
    pairs = _pairs(context.subject)
    if not pairs:
        return None
    return len(pairs & _pairs(other.clause_words if whole else other.subject)) / len(pairs)


def head_found(context: Context, other: Context) -> bool:
    """Whether the head of the metric (its last three characters: 失业率, 批发业, 纯利) is in `other`'s sentence.

    Three, not two: 净利率 is not 毛利率, though both end in 利率.  True when
    the metric words are too short to have a head.
    """
    last = "".join(ch for ch in context.subject.split(MASK)[-1] if _is_cjk(ch))
    return len(last) < 2 or last[-3:] in other.sentence


def coverage_pairs(context: Context, other: Context) -> float | None:
    """The share of `context`'s metric character pairs found in `other`'s sentence (None: no pairs)."""
    pairs = _pairs(context.subject)
    if not pairs:
        return None
    return len(pairs & _pairs(other.sentence)) / len(pairs)


def conflicts(a: Context, b: Context) -> str:
    """The first of direction, base and period that both state differently ("" when none)."""
    if a.direction and b.direction and a.direction != b.direction:
        return "direction"
    if (a.period and b.period and a.period != b.period) or a.prior != b.prior:
        return "period"
    if a.base and b.base and not same_base(a.base, b.base):
        return "base"
    return ""


def same_base(a: str, b: str) -> bool:
    """Whether two bases are one: equal, or 环比 against a month's or a quarter's."""
    return a == b or ("seq" in (a, b) and a in _SEQUENTIAL and b in _SEQUENTIAL)


def agreements(a: Context, b: Context) -> int:
    """How many of direction, base and period both state alike."""
    direction = bool(a.direction) and a.direction == b.direction
    base = bool(a.base and b.base) and same_base(a.base, b.base)
    period = bool(a.period) and a.period == b.period
    return direction + base + period


def _index(starts: Sequence[int], offset: int) -> int:
    low, high = 0, len(starts)
    while high - low > 1:
        middle = (low + high) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle
    return low


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _clauses(lead: str, headline: bool = False) -> list[str]:
    """The clauses of a sentence's lead, the figure's own clause last.

    In a headline a space separates phrases (景氣好轉 7月失業率3.84%); in a
    body, spaces around figures are layout (失業率 3.84% ,較上月).
    """
    parts: list[str] = []
    current: list[str] = []
    for i, ch in enumerate(lead):
        # A comma between digits groups a number; it never ends a clause.
        grouping = ch in ",，" and 0 < i < len(lead) - 1 and lead[i - 1] == MASK and lead[i + 1] == MASK
        # A space between two words is a break in a headline (景氣好轉 7月失業率3.84%);
        # spaces around a figure are layout.
        spaced = ch.isspace() and (headline or _between_words(lead, i))
        if (ch in CLAUSE_END and not grouping) or spaced:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _between_words(text: str, i: int) -> bool:
    before = text[:i].rstrip()
    after = text[i:].lstrip()
    return bool(before and after and _is_cjk(before[-1]) and _is_cjk(after[0]))


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _metric_words(clause: str) -> str:
    """A clause with everything that is not a metric word taken out.

    Who reports the figure is not what it measures: the clause is read
    after its last reporting verb (主计总处公布6月失业率为 -> 失业率).
    """
    squeezed = _LIST_NUMBER.sub("", _REPORTED.sub("", _squeeze(clause)))
    return _NOT_CJK.sub("", _NOT_METRIC.sub(MASK, squeezed)).strip(MASK)


def _subject(lead: str, headline: bool = False) -> tuple[str, bool]:
    """The metric words nearest before the figure, and whether they are in its own clause."""
    lead = _OPEN_BRACKET.sub("", _GLOSS.sub("", lead))
    clauses = _clauses(lead, headline)
    words = ""
    own = True
    for clause in reversed(clauses):
        words = (_metric_words(clause) + MASK + words).strip(MASK) if words else _metric_words(clause)
        if len(words.replace(MASK, "")) >= 2:
            break
        own = False
    words = words.replace(MASK * 2, MASK)
    return words[-SUBJECT_REACH:].strip(MASK), own


def _own_clause(pattern: re.Pattern[str], lead: str) -> str:
    """What `pattern` finds last in the figure's own clause, or in the one before when it only continues it.

    ``增加1千人、0.04%``: 0.04% is an increase too; ``失业人数45.4万人`` after
    ``同步增加,其中,`` is a level, not an increase.
    """
    clauses = _clauses(lead)
    for clause in reversed(clauses):
        found = _last_group(pattern, _squeeze(clause))
        if found:
            return found
        rest = _squeeze(clause).replace(MASK, "")
        if rest not in ("", "或", "及", "和", "与"):
            return ""
    return ""


def _signed(figure: TextFigure, direction: str, lead: str = "") -> str:
    """A negative figure is a fall whatever verb stands before it (增长-0.5个百分点, 同比-5.3%).

    A figure written after 负 (自然增加为负6,877人) is negative too, though the
    detector reads 负 as a word: it turns the verb's direction round
    (自然增加为负6,877人 is a fall, as 自然减少6877人).
    """
    if figure.value < 0:
        return DOWN
    if _NEGATIVE.search(_squeeze(lead)):
        return UP if direction == DOWN else DOWN
    return direction


_NEGATIVE = re.compile(r"(?<![正])负$")


def _last_group(pattern: re.Pattern[str], text: str) -> str:
    last = ""
    for match in pattern.finditer(text):
        last = match.lastgroup or ""
    return _GROUP_MEANS.get(last, last)


_GROUP_MEANS = {"fewer": DOWN, "more": UP}


def _period(passage_lead: str) -> str:
    """The period named nearest before the figure in its passage.

    A clause that names two periods (7月单月或1至7月) says nothing certain
    about the figures after it, so it gives none.
    """
    for clause in reversed(_clauses(passage_lead)):
        named = {_period_of(m) for m in _PERIOD.finditer(_squeeze(clause))}
        if len(named) > 1:
            return ""
        if named:
            return named.pop()
    return ""


# A heading that names two stretches (止三个月及九个月) gives none.
_TWO_STRETCHES = re.compile(r"个月[及和与、至]")
_FIGURE_LEFT = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万亿两]个|[零〇一二三四五六七八九十]+[万亿%]")
# The longest line read as a section heading.
_HEADING_LENGTH = 40


def _heading_periods(plain: str, line_starts: Sequence[int]) -> dict[int, str]:
    """The period a section heading gives the lines below it, by line number (`plain`: Simplified, unmasked).

    A heading is a short line with no figure and no full stop that names one
    period (截至2026年9月30日止九个月：, 分部资料（截至2026年9月30日止三个月）);
    it holds down to the next blank line or the next heading.  A release
    lays out its quarter and its nine months this way, the figures below
    naming no period of their own.
    """
    periods: dict[int, str] = {}
    current = ""
    for number, start in enumerate(line_starts):
        end = line_starts[number + 1] - 1 if number + 1 < len(line_starts) else len(plain)
        line = _squeeze(plain[start:end])
        if not line:
            current = ""
            continue
        # The heading's own period is often a figure to the detector (三个月): any
        # other digit or numeral makes the line a row, not a heading.
        rest = _PERIOD.sub("", line)
        if (
            not _FIGURE_LEFT.search(rest)
            and len(line) <= _HEADING_LENGTH
            and not line.endswith("。")
            and number > 0  # the first line is the title, for the whole text
        ):
            named = {_period_of(m) for m in _PERIOD.finditer(line)} - {""}
            if named or current:
                current = named.pop() if len(named) == 1 and not _TWO_STRETCHES.search(line) else ""
            continue
        if current:
            periods[number] = current
    return periods


def _period_of(match: re.Match[str]) -> str:
    if match.group("ending"):
        end, count = int(match.group("end")), int(_CN_DIGIT.get(match.group("count"), match.group("count")))
        if count == 3 and end % 3 == 0:
            return f"q{end // 3}"
        return f"c{end - count + 1}-{end}" if count <= end else ""
    if match.group("half"):
        return "c1-6" if match.group("half") == "上半年" else "c7-12"
    if match.group("span"):
        return f"c{int(match.group('from'))}-{int(match.group('to'))}"
    if match.group("first"):
        n = int(_CN_DIGIT.get(match.group("first"), match.group("first")))
        return f"c1-{n * 3 if match.group('what').startswith('季') else n}"
    if match.group("year"):
        return "c1-12"
    quarter = match.group("quarter") or match.group("quarter2")
    if quarter:
        return f"q{_CN_DIGIT.get(quarter, quarter)}"
    return f"m{int(match.group('month'))}"


# Contexts are compared pair by pair many times over (each candidate against
# every release figure); the same few hundred texts come back each time.
@lru_cache(maxsize=1 << 14)
def word_pairs(text: str) -> frozenset[str]:
    """The character pairs of metric words (none across a masked figure): how contexts are compared."""
    return frozenset(text[i : i + 2] for i in range(len(text) - 1) if MASK not in text[i : i + 2])


_pairs = word_pairs
