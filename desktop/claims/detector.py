"""Find the numeric claims of an article, as docs/numeric-claims.md defines them.

The detector works on an article's display text (layout already repaired).  A
single regular expression proposes every number-shaped token with whatever
approximation word, rank prefix and magnitude sits against it; each proposal
is then read in its surroundings (what follows it, whether it is inside a
name in quotes, a date, an identifier) and either becomes a Claim or is
dropped.  Rules are about the shape of Chinese news copy, never about the
strings of any one article.

Every pattern here is linear in the text it reads: no quantifier can split
one stretch of text in more than one way (2023年9月 is read one way only),
unbounded repetition consumes runs of characters a following part cannot
start with, and anything that must look at a long run looks at it once.  A
page of 10,000 digits costs what 10,000 characters of prose cost.

A value is never wrong, it is refused: a run of digits longer than any figure
(see `numerals.MAX_INTEGER_DIGITS`; a 10,000-digit run is table columns or an
identifier that the layout glued together, not a claim) proposes no claim at
all, not even for part of the run; a number that an invisible mark cuts in
two (``1\u200b000万元``, when the text did not go through reflow, which takes
such marks out) is dropped rather than read as 000万元.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from typing import NamedTuple

from desktop.claims import lexicon as lx
from desktop.claims.model import Claim
from desktop.claims.numerals import (
    DIGIT_CHARS,
    EXACT,
    NumberError,
    check_bounds,
    parse_fraction_number,
    parse_number,
    read_subunits,
)
from desktop.ingest.reflow import LAYOUT_MARKS

# A version stands for one behaviour: what the pipeline (reflow, segment,
# detect, context) finds in a fixed corpus, the seeds, the held-out pages and
# a page of every desk (tests/claims/test_detector_version.py), digested by
# pipeline.fingerprint.  That test fails when the output changes and
# DETECTOR_VERSION does not, so a stored document whose version differs was
# read by other rules and `factdesk redetect` reads it again (decisions kept).
# To release a change: raise the version by one and record the digest the
# test prints.  1 and 2 were numbered by hand, before the digest.
DETECTOR_VERSION = "12"
DETECTOR_FINGERPRINTS = {
    # every numeral style, the units of other desks, money in any currency (issue 11)
    "3": "798aa9e727ab08ce5bc36697f046bed9ef542e8e785ec96f687a860ced2fac91",
    # 千余名, index levels in Chinese numerals; the corpus page grew to show them
    "4": "05cbc41b6f334e35e51c65679d7326e31e694f0c9dcf31c927f1697e33690d18",
    # 平 is a draw only after wins, 胜利 and 负债 are words, a score is not a price
    "5": "e814a5550f56c27b0c73bd2d0cda3bc14ee2c0743098f04679124b99c29c8ba7",
    # runs with a verb (连升三日), spoken prices (月租两万三), 第N高/第N多, 伙 记 mg/100ml,
    # 买超/卖超, 倍多, 百分之…以上, trading days, 首五个月 and size bands of homes are no lengths
    # (digest recorded again, the detector unchanged, when the corpus grew by batch 4's pages)
    "6": "5bd53f7fdea670eed062ae691a554a618595eff46702882705b40ab6f3a63e96",
    # 超过3万元的困难群众 defines a group; 三年新增, 五年累计 are lengths of time; 第二高中 is a school
    "7": "166acf56f8eba7c2924fb08a2fd58e5d0f3d3b6b0080f276ccffa38eb240ec09",
    # a layout space inside a unit (个百分 点), points of a season or career; the corpus page shows them
    "8": "7dec326607515bd6d0bceb0c9302d1150e9ded4688e77133cc60c0695334a928",
    # 三千四百萬 at a clause's end is a count, 三十四點二度 a temperature, 二十八分 in a game
    # points, 三分球 a shot, 監禁四年 a term
    "9": "066ccb7e57146285daac6b59110f18e4b4201527fe17ec828510d970903b382b",
    # 五十八点七千公顷 (a decimal before 千), 九百五十五百帕 (百 the unit's prefix), 四十二米每秒
    "10": "bd2c298deba15b6728cdc1d88ab66f1642e4432362b7b7892c5f6f781738b8b7",
    # a two- or three-digit tail after 万 fills its low places (81萬437 = 810437); 1万3 and
    # 3亿4500 stay refused; the corpus page shows them
    "11": "34b91ebf8b2fc6b0b0fbab09cee18c9bf45878bcb940ebc2fea8b65b3dc694c6",
    # segmentation: a paragraph opening on a news-agency tag (【本報訊】, 〔記者…報導〕) is a
    # dateline, so the headlines around it read differently (desktop/ingest/segment.py)
    "12": "7dc02f6dab94eaf5140b76c37f5e8031756f8ba2a0e530f36f279c73ba767c95",
}

_CN_DIGITS = "〇○零一二三四五六七八九两兩壹贰貳叁參肆伍陆陸柒捌玖"
_CN_PLAIN = "〇○零一二三四五六七八九"
_CN_MAGNITUDE = "十拾百佰千仟万萬亿億兆"
_CN_NUMERAL = _CN_DIGITS + _CN_MAGNITUDE
_AR_DIGIT = "0-9０-９"
# Grouping commas: ASCII every three digits; the full-width comma only between
# full-width digits (１，２３４ in Big5-era copy), since elsewhere '，' ends a clause.
_ARABIC = rf"[{_AR_DIGIT}]+(?:,[0-9]{{3}}|，[０-９]{{3}}(?![０-９]))*(?:[.．][{_AR_DIGIT}]+)?"
# 1萬3780, 467萬3155, 40萬2千, 48億6,000萬, 1千零5, 5万4千6百: an Arabic
# number written across magnitude words (numerals.parse_number checks and adds
# up the parts).
_ARABIC_MIXED = rf"{_ARABIC}(?:[万萬亿億千百兆]零?(?=[{_AR_DIGIT}]){_ARABIC})*"
# A Chinese numeral: its characters, with a single layout space between parts
# where one side is a magnitude (三千 八百 九十六 万: reflow keeps single
# spaces between CJK runs), then a decimal written 点/點/．(三点二, 四十二．七)
# whose digits are not the start of a time (三点二十分).  Possessive, so a
# failed match never tries shorter runs.
_CN_RUN = (
    rf"[{_CN_NUMERAL}](?:[{_CN_NUMERAL}]|[ \u3000](?=[{_CN_NUMERAL}])"
    rf"(?:(?<=[{_CN_MAGNITUDE}][ \u3000])|(?=[{_CN_MAGNITUDE}])))*+"
    rf"(?:[ \u3000]?[点點．.][ \u3000]?[{_CN_PLAIN}]++(?![十拾]))?"
)

# The lookahead lets the regex engine skip, with a fast scan, every character
# that cannot start a number (most of a page).
_CANDIDATE = re.compile(
    rf"(?=[近约約超逾第前{_AR_DIGIT}{_CN_NUMERAL}])"
    rf"(?P<pre>[近约約超逾])?"
    rf"(?P<rank>第|前)?"
    rf"(?:(?P<ar>{_ARABIC_MIXED})|(?P<cn>{_CN_RUN}))"
    rf"(?P<sfx1>[余餘多来來])?"
    rf"(?P<mag>千万|千萬|百万|百萬|万亿|萬億|[万亿萬億千百兆])?"
    rf"(?P<sfx2>[余餘多])?"
)

# Per-population rates: 15.1/10万, 14.13人/10万人.
# The denominator is a round base (10万, 1000, 100), so 2025/2026学年 is not a rate.
_PER_POPULATION = re.compile(r"(?:[人例个個名])?/(?:[1-9]0*[万萬千]|10{1,5})(?:[人例]|人口)?(?![0-9])")
# 百分之五, 百分之二点五, 百分之百, 百分之1,250, 千分之三, 万分之二.
# Not after a numeral: 一百分之二, 百万分之五 are fractions of other bases.
_PERCENT_CHAR = rf"[{_CN_NUMERAL}{_AR_DIGIT}.．点點]"
_PERCENT_WORDS = re.compile(
    rf"(?=[近约約超逾百千万萬佰仟])(?P<pre>[近约約超逾])?(?<![{_CN_NUMERAL}{_AR_DIGIT}])(?P<base>百分之|千分之|万分之|萬分之|佰分之|仟分之)"
    rf"(?P<num>(?:{_PERCENT_CHAR}|,(?=[0-9]{{3}})|，(?=[０-９]{{3}})|[ \u3000](?={_PERCENT_CHAR}))+)"
)
_FRACTION_UNIT = {"百分之": "%", "佰分之": "%", "千分之": "‰", "仟分之": "‰", "万分之": "‱", "萬分之": "‱"}
_FIRST_PLACE = re.compile(r"(?<![之])首(?P<unit>[位名])")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_UNIT_KIND = lx.UNIT_KINDS
# Where a unit or a range of Chinese numerals can start (see Detector._may_have_unit).
_UNIT_OR_RANGE_START = frozenset(u[0] for u in _UNIT_KIND) | frozenset("至到~～—－-/")
# The last characters of index names and code words, or the colon after a code word.
_NAME_OR_CODE_ENDS = frozenset(w[-1] for w in lx.INDEX_NAMES + lx.CODE_WORDS) | frozenset(":： ")
_ANY_MARK = re.compile(f"[{LAYOUT_MARKS}]")
_NUMBER_VERB_AT_END = re.compile(f"(?:{_alternation(lx.NUMBER_VERBS)})$")
_FROM_FIGURE_AT_END = re.compile(rf"[从從由][{_CN_NUMERAL}{_AR_DIGIT}.．,]+$")
# 十年六个月, 两小时十五分钟: a numeral and a unit of time after a length of time.
_SMALLER_DURATION = re.compile(
    r"[一二三四五六七八九十两兩]{1,3}(?:个月|個月|个小时|個小時|小时|小時|天|分钟|分鐘|周|週|日)"
)
_SECONDS_AFTER = re.compile(r"[0-9]{1,2}秒")
# The round base of a per-unit denominator: mg/100ml, 毫克/100毫升.
_DENOMINATOR_BASE = re.compile(r"[1-9]0{0,3}(?![0-9.])")
_ARABIC_ONLY = frozenset(lx.ARABIC_ONLY_COUNT_UNITS)
# 元 takes 角 and 分 after it (12元5角); currency names said before a number (港幣3.14).
_YUAN = ("元",)
_CURRENCY_NAMES = tuple(u for u in lx.MONEY_UNITS if len(u) > 1 and u not in ("块钱", "塊錢", "美分", "欧分"))
# The digit of a spoken 千三 or 百二, and the words that make a leading 千 or 百 vague.
_SPOKEN_DIGITS = "一二三四五六七八九两兩"
_LONE_MAGNITUDES = ("百", "佰", "千", "仟", "万", "萬")
_VAGUE_BEFORE = "上数數几幾成近好逾超约約过過余餘多每千百万萬"
_UNIT = re.compile(_alternation(_UNIT_KIND))
_APPROX_SUFFIX_STARTS = frozenset(w[0] for w in lx.APPROX_SUFFIXES_AFTER_UNIT)
_SET_PHRASE = re.compile(_alternation(lx.SET_PHRASES))
_COUNTED_NOUN = re.compile(_alternation(lx.COUNTED_NOUNS))
_AFTER_GE = re.compile(_alternation(lx.AFTER_GE_UNITS))

# Dates and clock times: masked before claims are read so that 2023年,
# 9月13日, 1—8月, 6、7月份 and 18:30 never become claims.
#
# The numbers listed before the last one (the 2023年 of 2023年9月, the 1— of
# 1—8月, the 6、 of 6、7月份) each end in their separator, and there are at
# most 12 of them (every month of a year).  With the separator optional, a
# run of digits could be cut into numbers in exponentially many ways, and the
# engine tried them all before giving up on a date: 26 digits took 7 s, 30
# never ended.  Now a listed number can end in only one place and every start
# costs a bounded amount of work, so masking is linear in the text.
_DATE_NUM = rf"[{_AR_DIGIT}]{{1,4}}|[〇○零一二三四五六七八九十两]{{1,4}}"
_DATE = re.compile(
    # the lookahead lets the regex engine skip text that cannot start a date
    rf"(?=[{_AR_DIGIT}〇○零一二三四五六七八九十两初])(?<![{_AR_DIGIT}.．])"
    rf"(?:(?:{_DATE_NUM})[、—\-－~～至到年]){{0,12}}"
    rf"(?:"
    rf"[{_AR_DIGIT}]{{4}}年(?:度|底|末|初|前|后|後|以来|以來|起|中|上半年|下半年)?"
    rf"|[〇○零一二三四五六七八九]{{4}}年"
    rf"|(?:{_DATE_NUM})月(?:份|底|末|初|中旬|上旬|下旬|中)?(?:(?:{_DATE_NUM})[日号號])?"
    rf"|(?:{_DATE_NUM})[日号號](?![常内內])"
    rf"|[{_AR_DIGIT}]{{1,2}}[:：][0-9]{{2}}"
    rf"|[{_AR_DIGIT}]{{1,2}}[时時](?:[{_AR_DIGIT}]{{1,2}}分)?"
    rf"|[{_AR_DIGIT}]{{1,2}}[点點](?:[{_AR_DIGIT}]{{1,2}}分|半|钟|鐘)"
    rf"|[{_AR_DIGIT}]{{1,2}}[·・][{_AR_DIGIT}]{{1,2}}"
    rf"|初[一二三四五六七八九十]"
    rf"|[{_AR_DIGIT}]{{4}}(?=[—\-－~～至到][{_AR_DIGIT}]{{4}}年)"
    rf")"
)

# Quoted names and titles: a number inside a short quotation is part of a
# slogan or programme name (“一次挂号管三天”, “七个一”); inside 《》 it is a
# title.  Long quotations are speech and keep their claims.
_QUOTED = re.compile(
    r"“[^“”\n]{1,16}”|\"[^\"\n]{1,16}\"|「[^「」\n]{1,16}」|『[^『』\n]{1,16}』|《[^《》\n]*》"
)
_SENTENCE_STOP_IN_QUOTE = re.compile(r"[，。；！？,;!?]")

_THRESHOLD_OF_RATE = re.compile(r"(?:以)?[内內][^，。；,;]{0,10}?的[^，。；,;]{0,6}?(?:比率|比例|百分比|率)")

# 兩名子女以上家庭; not 19家二级以上公立医院, where 以上 belongs to a tier.
_NOUN_THRESHOLD = re.compile(
    r"(?:(?![一二三四五六七八九十两兩级級])[\u4e00-\u9fff]){1,3}?及?(?:以上|以下)[\u4e00-\u9fff]"
)
# One or two CJK characters that can start a counted noun (not a particle,
# conjunction or verb that merely follows the number).
_BARE_NOUN = re.compile(
    r"(?![的和与與及以是在为為了等到至比较較同])[\u4e00-\u9fff](?:(?![的和与與及以是在为為了等])[\u4e00-\u9fff])?"
)
_CLAUSE_START = re.compile(r"[，。；！？,;!?\n]")
_CONNECTOR = "、和及与與或至到~～—－-"
_RANGE_CONNECTOR = "至到~～—－-"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")


class _Candidate(NamedTuple):
    # A tuple rather than a frozen dataclass: a page proposes hundreds, and a
    # tuple is made several times faster.
    start: int
    end: int
    value: Decimal
    unit: str
    kind: str
    approx: str
    bare: bool  # no unit: may borrow one from a coordinated number (第1、3、4位)
    arabic: bool
    rank_prefix: bool


def _is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK.match(ch) is not None


# What a figure is made of: digits and numerals, and the marks and magnitude
# words that stand inside one (1,234.5万, 48億6,000萬, 九十五点五).
_NUMBER_GOES_ON = frozenset(DIGIT_CHARS + "点點")
_INSIDE_FIGURE = frozenset(".．,，点點万萬亿億兆千仟百佰")


def _glued_by_mark(text: str, start: int, end: int) -> bool:
    """Do invisible marks join text[start:end] to more of a number (1\u200b000, 1\u200f2.5)?

    Reflow takes such marks out of a page; this guards text that did not go
    through it, where reading either side alone would give a wrong value
    (000万元, 2.5%, or 6,000萬 from 48\u00ad億6,000萬).
    """
    return _mark_then_number(text, range(start - 1, -1, -1)) or _mark_then_number(text, range(end, len(text)))


def _char_before(text: str, position: int) -> str:
    """The character before `position` that is not a layout mark ("" at the start)."""
    while position and text[position - 1] in LAYOUT_MARKS:
        position -= 1
    return text[position - 1] if position else ""


def _mark_then_number(text: str, positions: range) -> bool:
    """Walking `positions`, is a layout mark followed by more of a figure?

    Before the first mark only the inside of a figure is crossed (never a
    digit), so each walk stops within the run of marks and figure
    punctuation next to the number: the detector stays linear.
    """
    marked = False
    for at in positions:
        char = text[at]
        if char in LAYOUT_MARKS:
            marked = True
        elif char in _NUMBER_GOES_ON and marked:
            return True
        elif char not in _INSIDE_FIGURE:
            return False
    return False


def _spaced_unit(text: str, pos: int) -> tuple[str, int] | None:
    """The unit at `pos` read across layout spaces (个百分 点, 平方 公里): (unit without them, where it ends).

    Reflow keeps a single space between two runs of Chinese characters, and
    whitespace is layout, never content (docs/numeric-claims.md, "The span").
    Reads at most 12 characters; a space right at `pos` is not crossed.
    """
    chars: list[str] = []
    ends: list[int] = []
    for at in range(pos, min(len(text), pos + 12)):
        ch = text[at]
        if ch in " \u3000":
            if not chars:
                return None
            continue
        chars.append(ch)
        ends.append(at + 1)
    m = _UNIT.match("".join(chars))
    if m is None:
        return None
    return m.group(), ends[m.end() - 1]


def _reads_as_number(token: str) -> bool:
    try:
        parse_number(token)
    except ValueError:
        return False
    return True


def _scaled_at_clause_end(text: str, numeral: str, end: int) -> bool:
    """Does the Chinese numeral ending at `end` end in 万 or 亿 where a clause ends (達三千四百萬，)?

    Such a figure is a quantity with its noun before it, as 128万 is; before
    a character (十万火急, 万一) or a range word it is not read so.
    """
    if len(numeral) < 2 or numeral[-1] not in "万萬亿億":
        return False
    nxt = text[end : end + 1]
    return not nxt or _CLAUSE_START.match(nxt) is not None or nxt in "）)」』”"


class _Mask:
    """Positions of a text that belong to a date or a name, looked up in O(1)."""

    def __init__(self, length: int) -> None:
        self._flags = bytearray(length + 1)

    def add(self, start: int, end: int) -> None:
        self._flags[start:end] = b"\x01" * (end - start)

    def covers(self, start: int, end: int) -> bool:
        return any(self._flags[start:end])


_RUN_COUNT = re.compile(rf"[{_CN_DIGITS}十{_AR_DIGIT}]{{1,3}}[月日]")


def _after_run(text: str, start: int) -> bool:
    """Does a run word stand before `start` (连五月, 连续3日), maybe with its verb (连升三日, 連跌五月)?"""
    before = text[max(0, start - 3) : start]
    if before[-1:] and before[-1] in lx.RUN_VERBS:
        before = before[:-1]
    return before.endswith(lx.RUN_WORDS)


def _masks(text: str) -> tuple[_Mask, _Mask]:
    dates, names = _Mask(len(text)), _Mask(len(text))
    for m in _DATE.finditer(text):
        if m.end() > m.start():
            if _RUN_COUNT.fullmatch(m.group()) and _after_run(text, m.start()):
                continue  # 连五月下跌, 連升三日: five months, three days running, not May or the 3rd
            dates.add(m.start(), m.end())
    for m in _QUOTED.finditer(text):
        inner = m.group()[1:-1]
        if m.group()[0] == "《" or not _SENTENCE_STOP_IN_QUOTE.search(inner):
            names.add(m.start(), m.end())
    for m in _SET_PHRASE.finditer(text):
        names.add(m.start(), m.end())
    return dates, names


class Detector:
    """Stateless claim finder; one instance can be shared by threads."""

    version = DETECTOR_VERSION

    def detect(self, text: str) -> list[Claim]:
        dates, names = _masks(text)
        # Text from reflow has no layout marks left; only then is it worth
        # asking, for every number, whether one cuts it.
        marked = _ANY_MARK.search(text) is not None
        candidates: list[_Candidate] = []
        for m in _CANDIDATE.finditer(text):
            cand = self._read(text, m, dates, names, marked)
            if cand is not None:
                candidates.append(cand)
        candidates.extend(self._percent_words(text, names))
        candidates.extend(self._first_places(text, names))
        candidates.sort(key=lambda c: c.start)
        return self._resolve(text, candidates)

    # -- reading one proposal -------------------------------------------------

    def _read(
        self,
        text: str,
        m: re.Match[str],
        dates: _Mask,
        names: _Mask,
        marked: bool,
    ) -> _Candidate | None:
        start = m.start()
        pre, rank, ar, cn, sfx1, mag, sfx2 = m.groups(default="")
        num_start = m.start("ar") if ar else m.start("cn")
        if (
            not ar
            and not rank
            and not self._may_have_unit(text, num_start, m.end())
            and not self._spoken_money(text, start, cn)
            and not _scaled_at_clause_end(text, cn, num_start + len(cn))
        ):
            return None  # 一体化, 进一步, 三是: a Chinese numeral with nothing after it that counts
        if pre:
            before = text[start - 1] if start else ""
            if before and before in lx.NOT_APPROX_BEFORE.get(pre, ""):
                start += len(pre)  # 逼近8年, 出超120亿元: the word is a verb or a noun
                pre = ""
        if rank == "前" and pre:
            return None
        if rank == "前" and start and text[start - 1] in lx.WORD_BEFORE_QIAN:
            rank = ""  # 提前3个月: 前 belongs to the word before it
            start = num_start
        arabic = bool(ar)
        token = ar or cn
        if arabic:
            # (past any layout marks: /\u200b10万 is still a denominator)
            before = _char_before(text, num_start)
            if before and (_ASCII_ALNUM.match(before) or before in "/.．:：·"):
                return None
            if self._names_something(text, num_start):
                return None
        elif token in _LONE_MAGNITUDES and sfx1 in ("余", "餘", "多"):
            # 千余人, 百余家, 万余名: over a thousand, a hundred, ten thousand
            before = text[num_start - 1 : num_start] if num_start else ""
            if before and (before in _VAGUE_BEFORE or before in _CN_NUMERAL):
                return None
        else:
            trimmed = self._trim_chinese(text, num_start, token)
            if trimmed is None:
                return None
            token = trimmed

        if dates.covers(num_start, num_start + 1):
            return None
        if names.covers(num_start, num_start + 1):
            return None

        num_end = num_start + len(token)
        if not arabic and len(token) != len(cn):
            # the numeral was shortened: what followed is no longer glued to it
            sfx1 = mag = sfx2 = ""
        if rank == "第" and sfx1 == "多" and not mag and text[num_end + 1 : num_end + 2] not in lx.RANK_UNITS:
            sfx1 = sfx2 = ""  # 同期第二多 ranks a result (see _ranks_a_result); 多 is not "over"
        pos = num_end + len(sfx1)
        if mag:
            # A magnitude that starts a unit is the unit's SI prefix: 5千米 is
            # five kilometres, 1.5兆瓦 one and a half megawatts, 3百分点.
            prefixed = _UNIT.match(text, pos)
            # After a Chinese numeral 千 and 百 are inside the run, except after its
            # decimal (五十八点七千公顷 is 58700 公顷, as 58.7千公顷 is).
            if (
                prefixed
                and prefixed.group().startswith(mag[0])
                or not arabic
                and mag in ("千", "百")
                and not any(ch in token for ch in "点點．.")
            ):
                mag = ""
        pos += len(mag)
        if mag and sfx1 and sfx2:
            sfx2 = ""
        pos += len(sfx2)
        approx_word = sfx1 or sfx2
        if marked and _glued_by_mark(text, num_start, pos):
            return None

        try:
            value = parse_number(("一" if token in _LONE_MAGNITUDES else "") + token + mag)
        except ValueError:
            return None

        unit, kind, pos = self._read_unit(text, pos, arabic, bool(mag))
        if approx_word in ("多", "来", "來") and not unit:
            return None  # 多 without a unit is an adjective (多个 handled by unit)
        if unit in _YUAN and value == value.to_integral_value() and not approx_word:
            cents = read_subunits(text, pos)  # 12元5角 is one amount, 12.5 元
            if cents is not None:
                value, pos = EXACT.add(value, cents[0]), cents[1]

        # an approximation word after the unit (7000元左右, 90%以上, 80分上下)
        tail_approx = self._tail_approx(text, pos) if unit else ""
        if (
            unit == "倍"
            and not approx_word
            and not tail_approx
            and text.startswith(lx.APPROX_AFTER_MULTIPLE, pos)
        ):
            tail_approx = text[pos]  # 超标一倍多, 五倍多

        if rank:
            return self._read_rank(text, start, num_start, pos, value, unit, rank, pre, arabic)

        if not unit:
            if mag and not arabic:
                return None
            nxt = text[pos : pos + 1]
            money = (
                self._money_before(text, start, bool(mag))
                if arabic
                else self._spoken_money(text, start, token)
            )
            if money and (not nxt or nxt not in _RANGE_CONNECTOR) and not _ASCII_ALNUM.match(nxt or " "):
                # 平均成交價820萬, 營收1.2億, HK$1.95, 澳門元二百一十五億, 月租兩萬三:
                # money with no currency word after it (and maybe 左右 after it)
                tail_approx = self._tail_approx(text, pos)
                approx = pre or approx_word or tail_approx
                end = pos + len(tail_approx)
                return _Candidate(start, end, value, "", "money", approx, False, arabic, False)
            if (
                arabic
                and mag
                and (not nxt or nxt not in _CONNECTOR)
                and not _ASCII_ALNUM.match(nxt or " ")
                or not arabic
                and _scaled_at_clause_end(text, token, pos)
            ):
                # 常住人口达到128万，, 旅客人次達三千四百萬。: a figure with a magnitude
                # word is a quantity even where the counted noun came before it.
                return _Candidate(start, pos, value, "", "count", pre or approx_word, False, arabic, False)
            # a bare Arabic number: a claim only when coordinated with a number
            # that has a unit; decided in _resolve.
            if not arabic:
                # 三至五名: a Chinese lower end stands bare before a range word
                if not (nxt and nxt in _RANGE_CONNECTOR and text[pos + 1 : pos + 2] in _CN_DIGITS + "十"):
                    return None
            elif nxt and nxt not in _CONNECTOR:
                return None
            if _ASCII_ALNUM.match(text[pos : pos + 1] or " "):
                return None
            return _Candidate(start, pos, value, "", "", pre or approx_word, True, arabic, False)

        if (
            not arabic
            and token in ("一", "壹")
            and not pre
            and not self._one_is_amount(text, start, pos, kind)
            and not self._one_in_tally(text, pos, unit)
        ):
            # 一名男青年, 一批, 一次: 一 before a measure word is an article.
            return None

        refined = self._refine_kind(text, start, num_start, pos, unit, kind, arabic, token)
        if refined is None:
            return None
        kind = refined
        if not arabic and len(token) == 1 and self._in_set_phrase(text, pos):
            return None

        if not pre and not approx_word and value and kind not in ("count", "rank", "duration"):
            start, value = self._signed(text, start, value, unit, kind)

        if tail_approx and unit not in ("岁", "歲", "周岁", "週歲"):
            pos += len(tail_approx)
        approx = pre or approx_word or tail_approx
        return _Candidate(start, pos, value, unit, kind, approx, False, arabic, False)

    @staticmethod
    def _signed(text: str, start: int, value: Decimal, unit: str, kind: str) -> tuple[int, Decimal]:
        """A sign written against a rate, a measure or an amount is part of it: -22.2%, 负3.9%, 零下5℃.

        A minus after a digit is a range (1-3%), not a sign; 负 before a count
        is a loss (负3场), so counts never get here.
        """
        if unit in lx.TEMPERATURE_UNITS and text[:start].endswith(lx.BELOW_ZERO):
            return start - len(lx.BELOW_ZERO[0]), -value
        sign = text[start - 1 : start]
        if not sign or sign not in "-−－负負":
            return start, value
        if sign in "负負" and kind == "money":
            return start, value  # 负债3亿元 is a debt, not minus three hundred million
        before = text[start - 2 : start - 1]
        if before and (
            _ASCII_ALNUM.match(before) or before in _CN_NUMERAL or before in "０１２３４５６７８９.．%％"
        ):
            return start, value
        return start - 1, -value

    @staticmethod
    def _may_have_unit(text: str, num_start: int, end: int) -> bool:
        """Could a unit or a range word follow the Chinese numeral at text[num_start:end]?

        A quick look at the characters where a unit could start (the last
        character of the numeral, which may be the prefix of 兆瓦, and each one
        after it): most Chinese numerals on a page are words (一体化, 第一时间)
        and are dropped here before any reading.
        """
        return any(ch in _UNIT_OR_RANGE_START for ch in text[max(num_start, end - 5) : end + 1])

    @staticmethod
    def _names_something(text: str, num_start: int) -> bool:
        """沪深300, 上证50, 股票代码600519: an Arabic number that belongs to a name or code."""
        if not num_start or text[num_start - 1] not in _NAME_OR_CODE_ENDS:
            return False
        before = text[max(0, num_start - 8) : num_start]
        if before.endswith(lx.INDEX_NAMES):
            return True
        return before.rstrip(":： ").endswith(lx.CODE_WORDS)

    @staticmethod
    def _tail_approx(text: str, pos: int) -> str:
        """The approximation word after a unit or an amount at `pos` (7000元左右, 两万六上下), or ""."""
        if text[pos : pos + 1] not in _APPROX_SUFFIX_STARTS:
            return ""  # what almost every claim meets: a quick look at one character
        for word in lx.APPROX_SUFFIXES_AFTER_UNIT:
            if text.startswith(word, pos):
                if word == "上下" and text[pos + 2 : pos + 3] in lx.SHANGXIA_NOT_BEFORE:
                    continue  # 3家上下游企业
                return word
        return ""

    def _spoken_money(self, text: str, start: int, numeral: str) -> bool:
        """Is the Chinese numeral at `start`, with no unit, an amount (澳門元二百一十五億, 月租兩萬三)?

        Only a numeral with a magnitude in it (a lone 三 after 价 is no
        price), said where money is (see `_money_before`).
        """
        if len(numeral) < 2 or not any(ch in _CN_MAGNITUDE for ch in numeral):
            return False
        return self._money_before(text, start, True)

    @staticmethod
    def _money_before(text: str, start: int, has_magnitude: bool) -> bool:
        """Does the number at `start`, which has no unit, state an amount of money?

        Right after a currency sign or name it does (HK$1.95, 港幣3.14).
        Otherwise the words before it, past the verbs that lead to a number
        (达到, 同比增长, 收報), must end in what money is: a price for any
        figure (平均成交價820萬, 收報385.2), a revenue, cost or the like for
        a figure with a magnitude (營收1.2億, 市值3万亿).  投资者达到1.2亿
        counts investors: the word there is 投资者, not 投资.
        """
        before = text[max(0, start - 6) : start]
        if before[-1:] and before[-1] in lx.CURRENCY_SIGNS:
            return True
        if before.endswith(_CURRENCY_NAMES):
            return True
        head = _CLAUSE_START.split(text[max(0, start - 24) : start])[-1]
        for _ in range(6):
            if head.endswith(lx.PRICE_WORDS) and not head.endswith(lx.NOT_PRICE_WORDS):
                return True
            if has_magnitude and head.endswith(lx.MONEY_CUES) and not head.endswith(lx.NOT_PRICE_WORDS):
                return True
            # 单价从三万二跌到…: past the verb, the figure it moved from and its 从
            passed = _NUMBER_VERB_AT_END.search(head) or _FROM_FIGURE_AT_END.search(head)
            if passed is None:
                return False
            head = head[: passed.start()]
        return False

    @staticmethod
    def _one_is_amount(text: str, start: int, end: int, kind: str) -> bool:
        """一个百分点, 增长一倍, 历时一年: here 一 is the amount itself."""
        if kind == "change":
            return True
        return kind == "duration" and text[max(0, start - 4) : start].endswith(lx.YEAR_DURATION_BEFORE)

    @staticmethod
    def _one_in_tally(text: str, end: int, unit: str) -> bool:
        """专科一个、重点学科四个: a count of one listed beside other counts.

        合格一艘、放行一艘 lists only ones, and stays an article.
        """
        if text[end : end + 1] not in ("、", "，", ","):
            return False
        ahead = text[end + 1 : end + 16]
        return any(
            ahead[i - 1] in _CN_DIGITS + "十0123456789" and ahead[i - 1] not in "一壹"
            for i in range(1, len(ahead))
            if ahead.startswith(unit, i)
        )

    @staticmethod
    def _trim_chinese(text: str, num_start: int, token: str) -> str | None:
        """Keep a Chinese numeral only when it reads as a number, not a word.

        A lone magnitude (万亩, 千人口, 百万人) is not a number; neither is a
        numeral that starts with a magnitude other than 十, except the spoken
        千三 (1300) and 百二 (120) where no word before makes 千 or 百 vague
        (上千三甲医院 is "over a thousand grade-three hospitals").  A 兆, or a
        千 after a magnitude, that starts a unit is the unit's prefix.
        """
        if token[0] in "万萬亿億兆":
            return None
        if token[0] in "千仟百佰":
            before = text[num_start - 1 : num_start] if num_start else ""
            if not (
                len(token) == 2 and token[1] in _SPOKEN_DIGITS and (not before or before not in _VAGUE_BEFORE)
            ):
                return None
        if not any(ch in _CN_DIGITS or ch in "十拾" for ch in token):
            return None
        if all(ch in "零〇○" for ch in token):
            return None  # 零部件, 零售, ○○公司: a lone 零 is a word, and zero counts are not scored
        if token[-1] in "兆千仟百佰" and len(token) > 1:
            # 五兆瓦, 一百千瓦, 五万千瓦: after a magnitude (or as 兆) the last
            # character can only be the prefix of the unit it starts; so it is
            # where the numeral would not read with it (九百五十五百帕 is 955 百帕).
            prefixed = _UNIT.match(text, num_start + len(token) - 1)
            if (
                prefixed
                and prefixed.group()[0] == token[-1]
                and (token[-1] == "兆" or token[-2] in _CN_MAGNITUDE or not _reads_as_number(token))
            ):
                return token[:-1].rstrip() or None
        return token

    def _read_unit(self, text: str, pos: int, arabic: bool, has_magnitude: bool) -> tuple[str, str, int]:
        m = _UNIT.match(text, pos)
        found = (m.group(), m.end()) if m else None
        ahead = text[pos + 1 : pos + 6]
        if " " in ahead or "\u3000" in ahead:
            spaced = _spaced_unit(text, pos)  # 0.4个百分 点: a layout space inside the unit
            if spaced and (found is None or len(spaced[0]) > len(found[0])):
                found = spaced
        per = _PER_POPULATION.match(text, pos)
        if per and per.end() > pos + 1 and "/" in per.group():
            return per.group(), "percent", per.end()
        noun = _COUNTED_NOUN.match(text, pos) if arabic else None
        if noun and (found is None or noun.end() > found[1]):
            return noun.group(), "count", noun.end()
        if found:
            unit, end = found
            if text[end : end + 1] and text[end] in lx.UNIT_NOT_BEFORE.get(unit, ""):
                return "", "", pos  # 76人队, 3口之家, 16球队, 600519股价: the start of a word
            if unit in _ARABIC_ONLY and not arabic:
                return "", "", pos  # 两口子, 三道防线: a Chinese numeral before 口 or 道 is a word
            if unit in ("个", "個"):
                after = _AFTER_GE.match(text, end)
                if after:
                    unit += after.group()
                    end = after.end()
            kind = _UNIT_KIND.get(unit)
            if kind == "count" and not unit.endswith("次") and text.startswith("次", end):
                unit, end = unit + "次", end + 1  # 辆次, 幢次: counts of trips or visits, as written
            if kind in ("measure", "money") and text.startswith("/", end):
                # 32微克/立方米, 1.32万元/平方米, 186.4mg/100ml (a base in the denominator)
                base = _DENOMINATOR_BASE.match(text, end + 1)
                per_unit = _UNIT.match(text, base.end() if base else end + 1)
                if per_unit and _UNIT_KIND.get(per_unit.group()) in ("measure", "duration", "count"):
                    unit, end = text[pos : per_unit.end()], per_unit.end()
            if kind is None:
                kind = _UNIT_KIND.get(unit[:1], "count")
                if unit.endswith(("工作日", "交易日", "月", "小时", "小時", "星期", "季度")):
                    kind = "duration"
                elif unit.endswith(("百分点", "百分點")):
                    kind = "change"
            return unit, kind, end
        if arabic and has_magnitude:
            # 280万游客, 15万群众: after a magnitude word the number is a quantity
            # (no code or name reads "N万…"), and the counted noun is the unit.
            noun = (
                None if text.startswith(lx.APPROX_SUFFIXES_AFTER_UNIT, pos) else _BARE_NOUN.match(text, pos)
            )
            if noun:
                return noun.group(), "count", noun.end()
        return "", "", pos

    def _refine_kind(
        self,
        text: str,
        start: int,
        num_start: int,
        end: int,
        unit: str,
        kind: str,
        arabic: bool,
        token: str,
    ) -> str | None:
        after = text[end : end + 4]
        before = text[max(0, start - 4) : start]
        if unit in lx.AGE_UNITS:
            if after.startswith(lx.GROUP_AGE_AFTER) or before.endswith(lx.GROUP_AGE_BEFORE):
                return None
            return "measure"
        if unit == "年":
            if arabic and len(token) >= 3 and not text[start:num_start].strip():
                return None  # 1998年 is a year; 约800年 is a length of time
            approximate = bool(text[start:num_start].strip())  # 约800年, 近10年
            if (
                approximate
                or before.endswith(lx.YEAR_DURATION_BEFORE)
                or after.startswith(lx.YEAR_DURATION_AFTER)
            ):
                return "duration"
            return None
        if (
            unit == "日"
            and not arabic
            and not before.endswith(lx.YEAR_DURATION_BEFORE)
            and not _after_run(text, start)
        ):
            # 三日内复诊 reads as part of an offer's name; Arabic 0.1日 is a length
            return None
        if kind == "duration" and before.endswith(lx.PERIOD_PREFIXES):
            return None  # 首五個月零售業總銷貨價值: the period the figure covers
        if (
            kind == "duration"
            and after.startswith(("内", "內", "以内", "以內"))
            and _THRESHOLD_OF_RATE.match(text, end)
        ):
            return None  # 於30分鐘內就診的比率: the limit only defines the rate
        if unit in ("度",) and not arabic and not self._temperature_around(text, start, token):
            return None  # 一度, 两度夺冠: once, twice (but 氣溫三十四點二度)
        if after.startswith(lx.THRESHOLD_WORDS) and kind != "percent" and _is_cjk(text[end + 2 : end + 3]):
            return None  # 3人以上的较大事故, 7座以下小型客车: a line that defines a class
        if after.startswith(("级", "級")):
            return None  # 10万吨级泊位, 500千伏级: a class, not a quantity
        if unit == "分":
            if after.startswith("之") and not after.startswith(("之差", "之多")):
                return None  # 三分之一: not a score (but 3分之差 is)
            if not arabic:
                # 十分重要 is "very"; 場均貢獻二十八點五分 counts points in a game
                if token in ("十", "拾") or not self._sport_around(text, start, end):
                    return None
                return "count"
            if text[:start].endswith(("小时", "小時", "时", "時", "天", "日")) or _SECONDS_AFTER.match(after):
                return "duration"  # 4小时18分, 1分52秒: minutes
            if self._sport_around(text, start, end):
                return "count"  # 砍下23分, 场均105.6分: points in a game are counted
        if unit in ("点", "點"):
            return self._index_points(text, start, end, token, arabic)
        if (
            unit in lx.RATING_UNITS
            and text[start:end].count("万") + text[start:end].count("萬") == 0
            and text.startswith(lx.RATED_EQUIPMENT, end)
        ):
            return None  # 500千伏变电站, 120千瓦快充桩: the rating names the equipment
        if unit in ("级", "級"):
            # 6.8级地震, 风力8级 are measured; 四级联动, 三级医院 are tiers
            near = _CLAUSE_START.split(text[max(0, start - 8) : start])[-1]
            if not arabic and not any(cue in near for cue in lx.MAGNITUDE_SCALE_BEFORE):
                return None
            if after.startswith(lx.MAGNITUDE_SCALE_AFTER) or any(
                cue in near for cue in lx.MAGNITUDE_SCALE_BEFORE
            ):
                return "measure"
            return None
        if unit == "平" and not text[:start].endswith(lx.DRAW_AFTER):
            return None  # 3平台, 1平均: 平 is a draw only in 3胜2平1负
        if unit == "月" and not _after_run(text, start):
            return None  # only 连五月, 連跌五月 (five months running) get here
        if kind in ("money", "measure") and self._defines_a_group(text, start, end):
            return None  # 自付费用超过3万元的困难群众: the line that says who is helped
        if kind != "percent" and _NOUN_THRESHOLD.match(text, end):
            return None  # 兩名子女以上家庭: the number draws the line for a group
        if kind == "measure" and after.startswith(lx.SPORT_EVENT_AFTER):
            return None  # 男子200米自由泳 names the race
        if unit in ("次",) and not arabic and after[:1] and _is_cjk(after[:1]) and after[:1] in "性":
            return None
        if unit not in _UNIT_KIND and after.startswith(lx.HOTLINE_AFTER):
            return None  # 12345市民热线 is a service number
        return kind

    @staticmethod
    def _temperature_around(text: str, start: int, token: str) -> bool:
        """Is the Chinese numeral before 度 a temperature (最高氣溫三十四點二度, 气温降至零下五度)?"""
        if len(token) < 2 and not text[:start].endswith(lx.BELOW_ZERO):
            return False  # 一度, 两度: once, twice (but 零下五度)
        clause = _CLAUSE_START.split(text[max(0, start - 12) : start])[-1]
        return any(cue in clause for cue in lx.TEMPERATURE_CUES)

    @staticmethod
    def _defines_a_group(text: str, start: int, end: int) -> bool:
        """超过3万元的困难群众: a comparison verb, the figure, 的 and a group of people or firms."""
        if not text.startswith("的", end) or not text[max(0, start - 2) : start].endswith(lx.THRESHOLD_VERBS):
            return False
        return any(noun in text[end + 1 : end + 7] for noun in lx.GROUP_NOUNS)

    @staticmethod
    def _sport_around(text: str, start: int, end: int) -> bool:
        """Is the score at text[start:end] in a sentence about a game (砍下23分, 23分12篮板)?"""
        # (60 characters back: a box score lists 扣球得分23分、拦网得分3分 long after 全场砍下)
        window = text[max(0, start - 60) : end + 15]
        left = max(window.rfind(stop, 0, start - max(0, start - 60)) for stop in "。！？\n")
        right = [i for i in (window.find(stop, end - max(0, start - 60)) for stop in "。！？\n") if i >= 0]
        sentence = window[left + 1 : min(right) if right else len(window)]
        return any(cue in sentence for cue in lx.SPORT_SCORE_CUES)

    @staticmethod
    def _index_points(text: str, start: int, end: int, token: str, arabic: bool) -> str | None:
        """收于3312.45点, 跌21点, 上漲二百三十點: an index level or change (measure).

        8点 and 下午三点 are times of day, 三点意见 a count of points: a Chinese
        numeral needs a market word before it in its clause.
        """
        if text.startswith(lx.LANDMARK_AFTER, end):
            return None  # 失守4000点关口 is a landmark, not a level
        if text[max(0, start - 3) : start].endswith(lx.TIME_OF_DAY):
            return None  # 下午三点, 凌晨3点: a time of day, whatever the clause is about
        clause = _CLAUSE_START.split(text[max(0, start - 16) : start])[-1]
        if any(cue in clause for cue in lx.INDEX_POINT_CUES):
            return "measure"
        if not arabic:
            return None
        if "." in token or "．" in token:
            return "measure"
        try:
            hour = parse_number(token)
        except ValueError:
            return None
        return "measure" if hour > 24 else None

    @staticmethod
    def _in_set_phrase(text: str, end: int) -> bool:
        """四位一体, 一院一策: a numeral+classifier followed by another numeral.

        Not a length of time followed by a smaller one: 十年六个月, 三年零六个月.
        """
        nxt = text[end : end + 1]
        if not nxt or nxt not in "一二三四五六七八九两兩":
            return False
        smaller = _SMALLER_DURATION.match(text, end)
        return smaller is None

    def _read_rank(
        self,
        text: str,
        start: int,
        num_start: int,
        pos: int,
        value: Decimal,
        unit: str,
        rank: str,
        pre: str,
        arabic: bool,
    ) -> _Candidate | None:
        if unit and unit not in lx.RANK_UNITS:
            return None  # 第三场, 第18期, 前3个月
        nxt = text[pos : pos + 1]
        if (
            nxt
            and _is_cjk(nxt)
            and nxt not in "和及与與、至到或的"
            and not (unit and self._ranking_cue(text, start))
            and not (rank == "第" and not unit and self._ranks_a_result(text, pos))
        ):
            return None  # 第一手, 第一责任人, 前三季度, 第一位患者 (but 排名由第8位跃升)
        if pre:
            return None
        return _Candidate(start, pos, value, unit, "rank", "", False, arabic, True)

    @staticmethod
    def _ranks_a_result(text: str, pos: int) -> bool:
        """第二大降幅, 創歷年第二高, 同期第二多: an adjective after 第N ranks a result (not 第二高峰)."""
        adjective = text[pos : pos + 1]
        not_after = lx.RANK_ADJECTIVES.get(adjective)
        if not_after is None:
            return False
        nxt = text[pos + 1 : pos + 2]
        return not nxt or nxt not in not_after

    @staticmethod
    def _ranking_cue(text: str, start: int) -> bool:
        clause = _CLAUSE_START.split(text[max(0, start - 24) : start])[-1]
        return any(cue in clause for cue in lx.RANKING_CUES)

    def _percent_words(self, text: str, names: _Mask) -> list[_Candidate]:
        out = []
        for m in _PERCENT_WORDS.finditer(text):
            if names.covers(m.start(), m.end()):
                continue
            if _glued_by_mark(text, m.start("num"), m.end()):
                continue
            try:
                value = parse_fraction_number(m.group("num"))
            except ValueError:
                continue
            unit = _FRACTION_UNIT[m.group("base")]
            tail = self._tail_approx(text, m.end())  # 百分之六十以上, as 60%以上
            out.append(
                _Candidate(
                    m.start(),
                    m.end() + len(tail),
                    value,
                    unit,
                    "percent",
                    m.group("pre") or tail,
                    False,
                    False,
                    False,
                )
            )
        return out

    def _first_places(self, text: str, names: _Mask) -> list[_Candidate]:
        out = []
        for m in _FIRST_PLACE.finditer(text):
            nxt = text[m.end() : m.end() + 1]
            if nxt and _is_cjk(nxt) and nxt not in "和及与與、":
                continue
            if not self._ranking_cue(text, m.start()):
                continue  # 放在首位 is a priority, not a first place
            if names.covers(m.start(), m.end()):
                continue
            out.append(
                _Candidate(m.start(), m.end(), Decimal(1), m.group("unit"), "rank", "", False, False, True)
            )
        return out

    # -- putting proposals together -------------------------------------------

    def _resolve(self, text: str, candidates: list[_Candidate]) -> list[Claim]:
        claims: list[Claim] = []
        i = 0
        n = len(candidates)
        # drop overlaps (a 百分之 match and a plain numeral over the same text)
        kept: list[_Candidate] = []
        for cand in candidates:
            if kept and cand.start < kept[-1].end:
                if (cand.end - cand.start) > (kept[-1].end - kept[-1].start):
                    kept[-1] = cand
                continue
            kept.append(cand)
        candidates = kept
        n = len(candidates)
        while i < n:
            cand = candidates[i]
            if (
                i
                and candidates[i - 1].kind == "rank"
                and self._joined(text, candidates[i - 1], cand)
                and (cand.bare or cand.unit in lx.RANK_UNITS)
            ):
                # 第1、3、4位: numbers listed after a rank are ranks too
                cand = candidates[i] = cand._replace(kind="rank", bare=False)
            if not cand.bare:
                claims.append(self._claim(text, cand))
                i += 1
                continue
            # a run of bare numbers joined by connectors borrows the unit and
            # kind of the first number with a unit that ends the run
            j = i
            while (
                j < n
                and candidates[j].bare
                and j + 1 < n
                and self._joined(text, candidates[j], candidates[j + 1])
            ):
                j += 1
            head = candidates[j]
            if head.bare or j == i and not (i + 1 < n and self._joined(text, cand, candidates[i + 1])):
                i = j + 1 if head.bare else j
                continue
            if text[cand.end : cand.end + 1] in _RANGE_CONNECTOR and (
                head.unit in lx.AGE_UNITS or self._size_band(text, head)
            ):
                i = j + 1  # 18至59岁 defines a group of people, 90至144平方米的住房 a band of homes
                continue
            if (
                j == i + 1
                and text[cand.end : cand.end + 1] in _RANGE_CONNECTOR
                and not head.rank_prefix
                and head.kind != "rank"
            ):
                claims.append(self._range(text, cand, head))
                i = j + 1
                continue
            rank_run = head.kind == "rank"
            for k in range(i, j):
                bare = candidates[k]
                if not rank_run and text[bare.end : bare.end + 1] in _RANGE_CONNECTOR:
                    continue
                claims.append(self._claim(text, bare._replace(kind=head.kind, unit="")))
            i = j
        return claims

    @staticmethod
    def _size_band(text: str, high: _Candidate) -> bool:
        """Does the range ending in `high` name a band of floor areas (90至144平方米的改善型住房)?"""
        if high.unit not in lx.AREA_UNITS or not text.startswith("的", high.end):
            return False
        return any(noun in text[high.end + 1 : high.end + 9] for noun in lx.HOME_NOUNS)

    @staticmethod
    def _joined(text: str, left: _Candidate, right: _Candidate) -> bool:
        between = text[left.end : right.start]
        return (
            len(between) == 1
            and between in _CONNECTOR
            or between in ("第",)
            or (len(between) == 2 and between[0] in _CONNECTOR and between[1] == "第")
        )

    def _range(self, text: str, low: _Candidate, high: _Candidate) -> Claim:
        low_value = low.value
        # 70~80万人: the magnitude written once applies to both ends.  Only
        # the number's own magnitude counts, not a 万 in the unit (10.2～15.1/10万).
        span = text[high.start : high.end]
        number = span[: span.rfind(high.unit)] if high.unit and high.unit in span else span
        magnitude = self._magnitude_of(number)
        if magnitude != 1 and self._magnitude_of(text[low.start : low.end]) == 1:
            try:
                low_value = check_bounds(EXACT.multiply(low_value, magnitude), text[low.start : high.end])
            except NumberError:
                # A lower end past any real figure is not a lower end; the upper end stands.
                return self._claim(text, high)
        # The standard scores a range by its upper end: that is the span; the
        # lower end travels with it as value_low (and shows in the inspector).
        return replace(self._claim(text, high), value_low=low_value)

    @staticmethod
    def _magnitude_of(span: str) -> Decimal:
        factor = Decimal(1)
        for ch in span:
            if ch in "万萬":
                factor *= 10000
            elif ch in "亿億":
                factor *= 100000000
        return factor

    @staticmethod
    def _claim(text: str, cand: _Candidate) -> Claim:
        return Claim(
            start=cand.start,
            end=cand.end,
            text=text[cand.start : cand.end],
            value=cand.value,
            unit=cand.unit,
            kind=cand.kind,
            approx=cand.approx,
        )


_DEFAULT = Detector()


def detect(text: str) -> list[Claim]:
    """Claims of one article's display text, in reading order, without context."""
    return _DEFAULT.detect(text)
