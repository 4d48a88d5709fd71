"""What the usage rules share: the flag they raise and Chinese numerals for fixes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from desktop.checks.model import Finding, Message

CN_DIGITS = "〇一二三四五六七八九"
CN_VALUE = {ch: i for i, ch in enumerate(CN_DIGITS)} | {"零": 0, "两": 2, "兩": 2}
ARABIC_TO_CN = str.maketrans("0123456789０１２３４５６７８９", CN_DIGITS * 2)
# Measure words after which two adjacent numbers or 几 make an approximate count.
MEASURE_WORDS = (
    "个|個|名|人|位|次|天|年|岁|歲|家|所|项|項|只|隻|条|條|件|辆|輛|种|種|倍|周|週|小时|小時|分钟|分鐘|"
    "元|户|戶|米|公里|吨|噸|亩|畝|本|张|張|台|座|场|場|批|期|篇|部|层|層|间|間|万|萬|千|百|十"
)


def flag(rule: int, start: int, end: int, text: str, fix: str, variant: str = "", **args: str) -> Finding:
    """A breach of rule `rule` at [start, end): the text as written and the suggested form."""
    code = f"usage.r{rule}" + (f".{variant}" if variant else "")
    arguments = {"text": text, "fix": fix, **args}
    return Finding(
        check="usage",
        holds=False,
        start=start,
        end=end,
        message=Message(code, tuple(sorted(arguments.items()))),
        rule=rule,
        fix=fix,
    )


def chinese_count(number: int) -> str:
    """A whole number as a Chinese numeral for a quantity: 20 -> 二十, 14 -> 十四, 105 -> 一百零五."""
    if number < 0:
        return "负" + chinese_count(-number)
    if number < 10:
        return CN_DIGITS[number] if number else "零"
    if number < 20:
        return "十" + (CN_DIGITS[number - 10] if number > 10 else "")
    if number >= 10**8:
        high, low = divmod(number, 10**8)
        return chinese_count(high) + "亿" + (_section_tail(low, 10**7) if low else "")
    if number >= 10**4:
        high, low = divmod(number, 10**4)
        return chinese_count(high) + "万" + (_section_tail(low, 1000) if low else "")
    out = ""
    zero = False
    for power, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, power)
        if digit:
            if zero:
                out += "零"
            out += CN_DIGITS[digit] + word
            zero = False
        elif out:
            zero = True
    return out


def _section_tail(low: int, top: int) -> str:
    """The lower section after 万/亿, with 零 where its leading places are empty (3万0500 -> 三万零五百)."""
    text = chinese_count(low)
    if low < top:
        text = "零" + text
    return text.replace("零一十", "零十").replace("零十", "零一十")


def chinese_digits(text: str) -> str:
    """Arabic digits one by one (years): 2008 -> 二〇〇八."""
    return text.translate(ARABIC_TO_CN)


def plain_number(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def scan(
    pattern: re.Pattern[str],
    text: str,
    trigger: re.Pattern[str],
    reach: int = 24,
    keep: Callable[[re.Match[str]], bool] | None = None,
) -> Iterator[re.Match[str]]:
    """`pattern`'s matches, looked for only around the places `trigger` finds.

    A rule's breach always contains its trigger (倍 for rule 1, 年 for rule 8),
    and no match is longer than `reach` on either side of it, so the matches
    are those of the whole text; an article whose numbers are few is read in
    a fraction of the time.  Windows that touch are merged, so no match is
    found twice.  `keep` drops trigger hits that cannot start a breach
    (a trigger that begins with a character class is found by a fast scan;
    what a lookbehind would say is better said here).
    """
    windows: list[list[int]] = []
    for hit in trigger.finditer(text):
        if keep is not None and not keep(hit):
            continue
        start, end = max(0, hit.start() - reach), min(len(text), hit.end() + reach)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    for start, end in windows:
        yield from pattern.finditer(text, start, end)
