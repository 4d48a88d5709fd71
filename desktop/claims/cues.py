"""What the words around a number say about it: the cues a proposal is read by.

Each cue looks at a bounded stretch of text next to one number (a few
characters, at most a clause or a sentence), so reading a page stays linear.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.claims import lexicon as lx
from desktop.claims.numerals import DIGIT_CHARS, parse_number
from desktop.claims.patterns import (
    APPROX_SUFFIX_STARTS,
    ASCII_ALNUM,
    CJK,
    CLAUSE_START,
    CN_DIGITS,
    CN_MAGNITUDE,
    CN_NUMERAL,
    CURRENCY_NAMES,
    FROM_FIGURE_AT_END,
    NAME_OR_CODE_ENDS,
    NUMBER_VERB_AT_END,
    SMALLER_DURATION,
    SPOKEN_DIGITS,
    UNIT,
    UNIT_OR_RANGE_START,
    VAGUE_BEFORE,
)
from desktop.ingest.reflow import LAYOUT_MARKS


def is_cjk(ch: str) -> bool:
    return bool(ch) and CJK.match(ch) is not None


# What a figure is made of: digits and numerals, and the marks and magnitude
# words that stand inside one (1,234.5万, 48億6,000萬, 九十五点五).
_NUMBER_GOES_ON = frozenset(DIGIT_CHARS + "点點")
_INSIDE_FIGURE = frozenset(".．,，点點万萬亿億兆千仟百佰")


def glued_by_mark(text: str, start: int, end: int) -> bool:
    """Do invisible marks join text[start:end] to more of a number (1\u200b000, 1\u200f2.5)?

    Reflow takes such marks out of a page; this guards text that did not go
    through it, where reading either side alone would give a wrong value
    (000万元, 2.5%, or 6,000萬 from 48\u00ad億6,000萬).
    """
    return _mark_then_number(text, range(start - 1, -1, -1)) or _mark_then_number(text, range(end, len(text)))


def char_before(text: str, position: int) -> str:
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


def spaced_unit(text: str, pos: int) -> tuple[str, int] | None:
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
    m = UNIT.match("".join(chars))
    if m is None:
        return None
    return m.group(), ends[m.end() - 1]


def _reads_as_number(token: str) -> bool:
    try:
        parse_number(token)
    except ValueError:
        return False
    return True


def scaled_at_clause_end(text: str, numeral: str, end: int) -> bool:
    """Does the Chinese numeral ending at `end` end in 万 or 亿 where a clause ends (達三千四百萬，)?

    Such a figure is a quantity with its noun before it, as 128万 is; before
    a character (十万火急, 万一) or a range word it is not read so.
    """
    if len(numeral) < 2 or numeral[-1] not in "万萬亿億":
        return False
    nxt = text[end : end + 1]
    return not nxt or CLAUSE_START.match(nxt) is not None or nxt in "）)」』”"


def after_run(text: str, start: int) -> bool:
    """Does a run word stand before `start` (连五月, 连续3日), maybe with its verb (连升三日, 連跌五月)?"""
    before = text[max(0, start - 3) : start]
    if before[-1:] and before[-1] in lx.RUN_VERBS:
        before = before[:-1]
    return before.endswith(lx.RUN_WORDS)


def signed(text: str, start: int, value: Decimal, unit: str, kind: str) -> tuple[int, Decimal]:
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
        ASCII_ALNUM.match(before) or before in CN_NUMERAL or before in "０１２３４５６７８９.．%％"
    ):
        return start, value
    return start - 1, -value


def may_have_unit(text: str, num_start: int, end: int) -> bool:
    """Could a unit or a range word follow the Chinese numeral at text[num_start:end]?

    A quick look at the characters where a unit could start (the last
    character of the numeral, which may be the prefix of 兆瓦, and each one
    after it): most Chinese numerals on a page are words (一体化, 第一时间)
    and are dropped here before any reading.
    """
    return any(ch in UNIT_OR_RANGE_START for ch in text[max(num_start, end - 5) : end + 1])


def names_something(text: str, num_start: int) -> bool:
    """沪深300, 上证50, 股票代码600519: an Arabic number that belongs to a name or code."""
    if not num_start or text[num_start - 1] not in NAME_OR_CODE_ENDS:
        return False
    before = text[max(0, num_start - 8) : num_start]
    if before.endswith(lx.INDEX_NAMES):
        return True
    return before.rstrip(":： ").endswith(lx.CODE_WORDS)


def approx_after(text: str, pos: int) -> str:
    """The approximation word after a unit or an amount at `pos` (7000元左右, 两万六上下), or ""."""
    if text[pos : pos + 1] not in APPROX_SUFFIX_STARTS:
        return ""  # what almost every claim meets: a quick look at one character
    for word in lx.APPROX_SUFFIXES_AFTER_UNIT:
        if text.startswith(word, pos):
            if word == "上下" and text[pos + 2 : pos + 3] in lx.SHANGXIA_NOT_BEFORE:
                continue  # 3家上下游企业
            return word
    return ""


def spoken_money(text: str, start: int, numeral: str) -> bool:
    """Is the Chinese numeral at `start`, with no unit, an amount (澳門元二百一十五億, 月租兩萬三)?

    Only a numeral with a magnitude in it (a lone 三 after 价 is no
    price), said where money is (see `money_before`).
    """
    if len(numeral) < 2 or not any(ch in CN_MAGNITUDE for ch in numeral):
        return False
    return money_before(text, start, True)


def money_before(text: str, start: int, has_magnitude: bool) -> bool:
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
    if before.endswith(CURRENCY_NAMES):
        return True
    head = CLAUSE_START.split(text[max(0, start - 24) : start])[-1]
    for _ in range(6):
        if head.endswith(lx.PRICE_WORDS) and not head.endswith(lx.NOT_PRICE_WORDS):
            return True
        if has_magnitude and head.endswith(lx.MONEY_CUES) and not head.endswith(lx.NOT_PRICE_WORDS):
            return True
        # 单价从三万二跌到…: past the verb, the figure it moved from and its 从
        passed = NUMBER_VERB_AT_END.search(head) or FROM_FIGURE_AT_END.search(head)
        if passed is None:
            return False
        head = head[: passed.start()]
    return False


def one_is_amount(text: str, start: int, end: int, kind: str) -> bool:
    """一个百分点, 增长一倍, 历时一年: here 一 is the amount itself."""
    if kind == "change":
        return True
    return kind == "duration" and text[max(0, start - 4) : start].endswith(lx.YEAR_DURATION_BEFORE)


def one_in_tally(text: str, end: int, unit: str) -> bool:
    """专科一个、重点学科四个: a count of one listed beside other counts.

    合格一艘、放行一艘 lists only ones, and stays an article.
    """
    if text[end : end + 1] not in ("、", "，", ","):
        return False
    ahead = text[end + 1 : end + 16]
    return any(
        ahead[i - 1] in CN_DIGITS + "十0123456789" and ahead[i - 1] not in "一壹"
        for i in range(1, len(ahead))
        if ahead.startswith(unit, i)
    )


def trim_chinese(text: str, num_start: int, token: str) -> str | None:
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
        if not (len(token) == 2 and token[1] in SPOKEN_DIGITS and (not before or before not in VAGUE_BEFORE)):
            return None
    if not any(ch in CN_DIGITS or ch in "十拾" for ch in token):
        return None
    if all(ch in "零〇○" for ch in token):
        return None  # 零部件, 零售, ○○公司: a lone 零 is a word, and zero counts are not scored
    if token[-1] in "兆千仟百佰" and len(token) > 1:
        # 五兆瓦, 一百千瓦, 五万千瓦: after a magnitude (or as 兆) the last
        # character can only be the prefix of the unit it starts; so it is
        # where the numeral would not read with it (九百五十五百帕 is 955 百帕).
        prefixed = UNIT.match(text, num_start + len(token) - 1)
        if (
            prefixed
            and prefixed.group()[0] == token[-1]
            and (token[-1] == "兆" or token[-2] in CN_MAGNITUDE or not _reads_as_number(token))
        ):
            return token[:-1].rstrip() or None
    return token


def in_set_phrase(text: str, end: int) -> bool:
    """四位一体, 一院一策: a numeral+classifier followed by another numeral.

    Not a length of time followed by a smaller one: 十年六个月, 三年零六个月.
    """
    nxt = text[end : end + 1]
    if not nxt or nxt not in "一二三四五六七八九两兩":
        return False
    smaller = SMALLER_DURATION.match(text, end)
    return smaller is None


def ranks_a_result(text: str, pos: int) -> bool:
    """第二大降幅, 創歷年第二高, 同期第二多: an adjective after 第N ranks a result (not 第二高峰)."""
    adjective = text[pos : pos + 1]
    not_after = lx.RANK_ADJECTIVES.get(adjective)
    if not_after is None:
        return False
    nxt = text[pos + 1 : pos + 2]
    return not nxt or nxt not in not_after


def ranking_cue(text: str, start: int) -> bool:
    clause = CLAUSE_START.split(text[max(0, start - 24) : start])[-1]
    return any(cue in clause for cue in lx.RANKING_CUES)
