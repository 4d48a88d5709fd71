"""Rule 8: years are written in full.

88年 (for 1988), ’98 and 88年代 shorten a year.  Right: 1988年.  A two-digit
number before 年 is a year only where the sentence treats it as one (a month
follows: 98年5月; 于/在/自 before it; 年代 after it); 88年 as a duration
(用了88年, 88年来) is not a year.  The suggested century is a guess: before
the current two-digit year, 20xx; otherwise 19xx.
"""

from __future__ import annotations

import re
from datetime import date

from desktop.checks.model import Finding
from desktop.checks.usage.common import CN_VALUE, flag, scan

RULE = 8

_NOT_A_DIGIT = r"(?<![0-9０-９.．/\-－—～~第])"
# 98年5月, 98年底, 于98年, 在98年, 88年代 (but not 80年代: a decade may be written so).
_YEAR = re.compile(
    rf"{_NOT_A_DIGIT}(?P<before>于|於|在|自|从|從|生于|生於)?(?P<yy>[0-9]{{2}})年"
    r"(?P<after>代|[0-9０-９]{1,2}月|[一二三四五六七八九十]{1,2}月|底|末|初|春|夏|秋|冬|前后|时|時|[^0-9０-９]|$)"
)
# After a number of years, these make it a length of time: 在20年内, 于10年间.
_DURATION_AFTER = frozenset(
    {"内", "內", "间", "間", "中", "里", "裡", "后", "後", "来", "來", "以", "多", "余", "餘", "左", "的"}
)
# Two digits before 年 (the end of 2024年 too: `_two_digits` keeps only a
# run of two; a trigger that starts with a character class is found fast).
_TRIGGER = re.compile(r"[0-9]{2}年")
_APOSTROPHE_TRIGGER = re.compile(r"[’'‘][0-9]{2}")
_TRIGGER_CN = re.compile(r"[一二三四五六七八九〇零]年")
_SEASONS = frozenset({"底", "末", "初", "春", "夏", "秋", "冬", "时", "時", "前后"})
_APOSTROPHE = re.compile(r"(?<![A-Za-z0-9])[’'‘](?P<yy>[0-9]{2})(?![0-9A-Za-z%])")
# 九八年 / 〇八年: two digit-by-digit Chinese numerals before 年 (not 三四年, an approximation).
# Not the end of a range (二○二三至二四年度: a fiscal year) and not 年度/年级.
_CN_YEAR = re.compile(
    r"(?<![一二三四五六七八九〇○◯零十百千万0-9OoＯ至到—－\-～~])(?P<yy>[一二三四五六七八九〇零]{2})年(?!级|級|制|期|度)"
)


def find(text: str) -> list[Finding]:
    findings = []
    for match in scan(_YEAR, text, _TRIGGER, keep=lambda hit: _two_digits(text, hit)):
        yy, after = match.group("yy"), match.group("after")
        if after == "代" and yy.endswith("0"):
            continue  # 80年代: a decade, commonly written so
        named = after == "代" or "月" in after or after in _SEASONS or _opens_with_a_year(text, match)
        if not named and (not match.group("before") or after in _DURATION_AFTER):
            continue  # 用了88年, 在20年内: a length of time
        # 有88年底…: a year only where it opens a phrase, unless 于/在/自 introduces it.
        opens = re.search(r"[，。；、\s（(]$|^$", text[max(0, match.start() - 1) : match.start()])
        if not match.group("before") and after in _SEASONS and not opens:
            continue
        start = match.start("yy")
        if after == "代":
            # 88年代 names no decade; the decade of the year is meant.
            end = match.end("after")
            fix = f"20世纪{yy[0]}0年代" if _century(int(yy)) == "19" else f"21世纪{yy[0]}0年代"
        else:
            end = match.end("yy") + 1
            fix = f"{_century(int(yy))}{yy}年"
        findings.append(flag(RULE, start, end, text[start:end], fix))
    for match in scan(_APOSTROPHE, text, _APOSTROPHE_TRIGGER, reach=2):
        yy = match.group("yy")
        findings.append(flag(RULE, match.start(), match.end(), match.group(), f"{_century(int(yy))}{yy}年"))
    for match in scan(_CN_YEAR, text, _TRIGGER_CN):
        a, b = (CN_VALUE[ch] for ch in match.group("yy"))
        if b == a + 1:
            continue  # 三四年: three or four years
        yy = f"{a}{b}"
        findings.append(flag(RULE, match.start(), match.end(), match.group(), f"{_century(int(yy))}{yy}年"))
    return findings


def _two_digits(text: str, hit: re.Match[str]) -> bool:
    return hit.start() == 0 or not text[hit.start() - 1].isdigit()


def _opens_with_a_year(text: str, match: re.Match[str]) -> bool:
    """97年香港回归后 / 08年奥运会: a clause that opens with 40年–99年 or 0x年 names a year.

    A clause may open with a length of time too (20年，他一直…), but hardly
    with one of 40 years or more, or one written with a leading zero.
    """
    yy = match.group("yy")
    opens = match.start() == 0 or text[match.start() - 1] in "，。；、：\n（(“"
    follows = match.group("after")
    return (
        opens
        and (yy.startswith("0") or int(yy) >= 40)
        and follows not in _DURATION_AFTER
        and follows not in "，,、"
    )


def _century(yy: int) -> str:
    return "20" if yy <= date.today().year % 100 else "19"
