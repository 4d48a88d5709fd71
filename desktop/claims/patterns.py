"""The character sets and patterns the claim detector reads with.

Word lists stay in desktop/claims/lexicon.py; what is compiled from them is
compiled here, once, at import.  Every pattern is linear in the text it reads
(desktop/claims/detector.py says what that asks of a pattern).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.claims import lexicon as lx
from desktop.ingest.reflow import LAYOUT_MARKS

CN_DIGITS = "〇○零一二三四五六七八九两兩壹贰貳叁參肆伍陆陸柒捌玖"
_CN_PLAIN = "〇○零一二三四五六七八九"
CN_MAGNITUDE = "十拾百佰千仟万萬亿億兆"
CN_NUMERAL = CN_DIGITS + CN_MAGNITUDE
AR_DIGIT = "0-9０-９"
# Grouping commas: ASCII every three digits; the full-width comma only between
# full-width digits (１，２３４ in Big5-era copy), since elsewhere '，' ends a clause.
_ARABIC = rf"[{AR_DIGIT}]+(?:,[0-9]{{3}}|，[０-９]{{3}}(?![０-９]))*(?:[.．][{AR_DIGIT}]+)?"
# 1萬3780, 467萬3155, 40萬2千, 48億6,000萬, 1千零5, 5万4千6百: an Arabic
# number written across magnitude words (numerals.parse_number checks and adds
# up the parts).
_ARABIC_MIXED = rf"{_ARABIC}(?:[万萬亿億千百兆]零?(?=[{AR_DIGIT}]){_ARABIC})*"
# A Chinese numeral: its characters, with a single layout space between parts
# where one side is a magnitude (三千 八百 九十六 万: reflow keeps single
# spaces between CJK runs), then a decimal written 点/點/．(三点二, 四十二．七)
# whose digits are not the start of a time (三点二十分).  Possessive, so a
# failed match never tries shorter runs.
_CN_RUN = (
    rf"[{CN_NUMERAL}](?:[{CN_NUMERAL}]|[ \u3000](?=[{CN_NUMERAL}])"
    rf"(?:(?<=[{CN_MAGNITUDE}][ \u3000])|(?=[{CN_MAGNITUDE}])))*+"
    rf"(?:[ \u3000]?[点點．.][ \u3000]?[{_CN_PLAIN}]++(?![十拾]))?"
)

# The lookahead lets the regex engine skip, with a fast scan, every character
# that cannot start a number (most of a page).
CANDIDATE = re.compile(
    rf"(?=[近约約超逾第前{AR_DIGIT}{CN_NUMERAL}])"
    rf"(?P<pre>[近约約超逾])?"
    rf"(?P<rank>第|前)?"
    rf"(?:(?P<ar>{_ARABIC_MIXED})|(?P<cn>{_CN_RUN}))"
    rf"(?P<sfx1>[余餘多来來])?"
    rf"(?P<mag>千万|千萬|百万|百萬|万亿|萬億|[万亿萬億千百兆])?"
    rf"(?P<sfx2>[余餘多])?"
)

# Per-population rates: 15.1/10万, 14.13人/10万人.
# The denominator is a round base (10万, 1000, 100), so 2025/2026学年 is not a rate.
PER_POPULATION = re.compile(r"(?:[人例个個名])?/(?:[1-9]0*[万萬千]|10{1,5})(?:[人例]|人口)?(?![0-9])")
# 百分之五, 百分之二点五, 百分之百, 百分之1,250, 千分之三, 万分之二.
# Not after a numeral: 一百分之二, 百万分之五 are fractions of other bases.
_PERCENT_CHAR = rf"[{CN_NUMERAL}{AR_DIGIT}.．点點]"
PERCENT_WORDS = re.compile(
    rf"(?=[近约約超逾百千万萬佰仟])(?P<pre>[近约約超逾])?(?<![{CN_NUMERAL}{AR_DIGIT}])(?P<base>百分之|千分之|万分之|萬分之|佰分之|仟分之)"
    rf"(?P<num>(?:{_PERCENT_CHAR}|,(?=[0-9]{{3}})|，(?=[０-９]{{3}})|[ \u3000](?={_PERCENT_CHAR}))+)"
)
FRACTION_UNIT = {"百分之": "%", "佰分之": "%", "千分之": "‰", "仟分之": "‰", "万分之": "‱", "萬分之": "‱"}
FIRST_PLACE = re.compile(r"(?<![之])首(?P<unit>[位名])")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


UNIT_KIND = lx.UNIT_KINDS
# Where a unit or a range of Chinese numerals can start (see cues.may_have_unit).
UNIT_OR_RANGE_START = frozenset(u[0] for u in UNIT_KIND) | frozenset("至到~～—－-/")
# The last characters of index names and code words, or the colon after a code word.
NAME_OR_CODE_ENDS = frozenset(w[-1] for w in lx.INDEX_NAMES + lx.CODE_WORDS) | frozenset(":： ")
ANY_MARK = re.compile(f"[{LAYOUT_MARKS}]")
NUMBER_VERB_AT_END = re.compile(f"(?:{_alternation(lx.NUMBER_VERBS)})$")
FROM_FIGURE_AT_END = re.compile(rf"[从從由][{CN_NUMERAL}{AR_DIGIT}.．,]+$")
# 十年六个月, 两小时十五分钟: a numeral and a unit of time after a length of time.
SMALLER_DURATION = re.compile(
    r"[一二三四五六七八九十两兩]{1,3}(?:个月|個月|个小时|個小時|小时|小時|天|分钟|分鐘|周|週|日)"
)
SECONDS_AFTER = re.compile(r"[0-9]{1,2}秒")
# The round base of a per-unit denominator: mg/100ml, 毫克/100毫升.
DENOMINATOR_BASE = re.compile(r"[1-9]0{0,3}(?![0-9.])")
ARABIC_ONLY = frozenset(lx.ARABIC_ONLY_COUNT_UNITS)
# 元 takes 角 and 分 after it (12元5角); currency names said before a number (港幣3.14).
YUAN = ("元",)
CURRENCY_NAMES = tuple(u for u in lx.MONEY_UNITS if len(u) > 1 and u not in ("块钱", "塊錢", "美分", "欧分"))
# The digit of a spoken 千三 or 百二, and the words that make a leading 千 or 百 vague.
SPOKEN_DIGITS = "一二三四五六七八九两兩"
LONE_MAGNITUDES = ("百", "佰", "千", "仟", "万", "萬")
VAGUE_BEFORE = "上数數几幾成近好逾超约約过過余餘多每千百万萬"
UNIT = re.compile(_alternation(UNIT_KIND))
APPROX_SUFFIX_STARTS = frozenset(w[0] for w in lx.APPROX_SUFFIXES_AFTER_UNIT)
SET_PHRASE = re.compile(_alternation(lx.SET_PHRASES))
COUNTED_NOUN = re.compile(_alternation(lx.COUNTED_NOUNS))
AFTER_GE = re.compile(_alternation(lx.AFTER_GE_UNITS))

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
_DATE_NUM = rf"[{AR_DIGIT}]{{1,4}}|[〇○零一二三四五六七八九十两]{{1,4}}"
DATE = re.compile(
    # the lookahead lets the regex engine skip text that cannot start a date
    rf"(?=[{AR_DIGIT}〇○零一二三四五六七八九十两初])(?<![{AR_DIGIT}.．])"
    rf"(?:(?:{_DATE_NUM})[、—\-－~～至到年]){{0,12}}"
    rf"(?:"
    rf"[{AR_DIGIT}]{{4}}年(?:度|底|末|初|前|后|後|以来|以來|起|中|上半年|下半年)?"
    rf"|[〇○零一二三四五六七八九]{{4}}年"
    rf"|(?:{_DATE_NUM})月(?:份|底|末|初|中旬|上旬|下旬|中)?(?:(?:{_DATE_NUM})[日号號])?"
    rf"|(?:{_DATE_NUM})[日号號](?![常内內])"
    rf"|[{AR_DIGIT}]{{1,2}}[:：][0-9]{{2}}"
    rf"|[{AR_DIGIT}]{{1,2}}[时時](?:[{AR_DIGIT}]{{1,2}}分)?"
    rf"|[{AR_DIGIT}]{{1,2}}[点點](?:[{AR_DIGIT}]{{1,2}}分|半|钟|鐘)"
    rf"|[{AR_DIGIT}]{{1,2}}[·・][{AR_DIGIT}]{{1,2}}"
    rf"|初[一二三四五六七八九十]"
    rf"|[{AR_DIGIT}]{{4}}(?=[—\-－~～至到][{AR_DIGIT}]{{4}}年)"
    rf")"
)

# Quoted names and titles: a number inside a short quotation is part of a
# slogan or programme name (“一次挂号管三天”, “七个一”); inside 《》 it is a
# title.  Long quotations are speech and keep their claims.
QUOTED = re.compile(
    r"“[^“”\n]{1,16}”|\"[^\"\n]{1,16}\"|「[^「」\n]{1,16}」|『[^『』\n]{1,16}』|《[^《》\n]*》"
)
SENTENCE_STOP_IN_QUOTE = re.compile(r"[，。；！？,;!?]")

THRESHOLD_OF_RATE = re.compile(r"(?:以)?[内內][^，。；,;]{0,10}?的[^，。；,;]{0,6}?(?:比率|比例|百分比|率)")

# 兩名子女以上家庭; not 19家二级以上公立医院, where 以上 belongs to a tier.
NOUN_THRESHOLD = re.compile(
    r"(?:(?![一二三四五六七八九十两兩级級])[\u4e00-\u9fff]){1,3}?及?(?:以上|以下)[\u4e00-\u9fff]"
)
# One or two CJK characters that can start a counted noun (not a particle,
# conjunction or verb that merely follows the number).
BARE_NOUN = re.compile(
    r"(?![的和与與及以是在为為了等到至比较較同])[\u4e00-\u9fff](?:(?![的和与與及以是在为為了等])[\u4e00-\u9fff])?"
)
CLAUSE_START = re.compile(r"[，。；！？,;!?\n]")
CONNECTOR = "、和及与與或至到~～—－-"
RANGE_CONNECTOR = "至到~～—－-"
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
