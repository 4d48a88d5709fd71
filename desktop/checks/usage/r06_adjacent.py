"""Rule 6: adjacent-number and 几 approximations in Chinese numerals, with no 顿号.

20几个, 3、4个月 and 三、四个月 are wrong; 二十几个 and 三四个月 are right.
十几个 and 三四十岁 are right already.  A 顿号 between ordinal abbreviations
(二、三产业 = 第二、第三产业), ranks (第3、4位) and month names (6、7月份) is
a list, not an approximation, and is left alone.
"""

from __future__ import annotations

import re

from desktop.checks.model import Finding
from desktop.checks.usage.common import CN_VALUE, MEASURE_WORDS, chinese_count, flag, scan

RULE = 6

# 20几个 / 3十几人: Arabic digits before 几.
_ARABIC_JI = re.compile(r"(?<![0-9０-９.．A-Za-z])(?P<n>[0-9０-９]+)(?P<rest>几|幾)")
# 3、4个月 / 三、四个月: adjacent numbers split by a 顿号, then a measure word.
_PAIR = re.compile(
    rf"(?<![0-9０-９.．第、])(?P<a>[0-9０-９]{{1,3}}|[一二三四五六七八九])、(?P<b>[0-9０-９]{{1,3}}|[一二三四五六七八九十])"
    rf"(?![0-9０-９、])(?P<unit>{MEASURE_WORDS})"
)
_FOLD = str.maketrans("０１２３４５６７８９", "0123456789")
_TRIGGER_JI = re.compile(r"[0-9０-９][几幾]")
_TRIGGER_PAIR = re.compile(r"[0-9０-９一二三四五六七八九]、[0-9０-９一二三四五六七八九十]")


def find(text: str) -> list[Finding]:
    findings = []
    for match in scan(_ARABIC_JI, text, _TRIGGER_JI):
        n = int(match.group("n").translate(_FOLD))
        if n == 0 or n > 10000:
            continue
        written = match.group()
        findings.append(flag(RULE, match.start(), match.end(), written, chinese_count(n) + "几", "ji"))
    for match in scan(_PAIR, text, _TRIGGER_PAIR):
        a, b = _value(match.group("a")), _value(match.group("b"))
        if a is None or b is None or b != a + 1:
            continue
        # 第3、4位 is a list of ranks; 6、7月 (no 个) are month names.
        if match.group("unit") in ("月",) or text[max(0, match.start() - 1) : match.start()] == "第":
            continue
        written = match.group()
        fix = chinese_count(a) + chinese_count(b) + match.group("unit")
        findings.append(flag(RULE, match.start(), match.end(), written, fix, "pair"))
    return findings


def _value(number: str) -> int | None:
    if number[0].isdigit() or number[0] in "０１２３４５６７８９":
        return int(number.translate(_FOLD))
    if number == "十":
        return 10
    return CN_VALUE.get(number)
