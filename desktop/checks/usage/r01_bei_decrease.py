"""Rule 1: 倍 and 番 express only increases.

成本降低了两倍 cannot be: a decrease is a fraction (降低了三分之二) or a
percentage.  Read as the writer most likely meant it (new = old / (N + 1)),
the suggested fix is the fraction N / (N + 1).  增长了两倍, 翻一番 and 下降一半
are right and are not touched.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from desktop.checks.model import Finding
from desktop.checks.usage.common import CN_VALUE, chinese_count, flag, plain_number, scan

RULE = 1

_NUMBER = r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二两兩三四五六七八九十]+"
# A decreasing verb right before the multiple; 至少/多少/不少 are not 少.
_DECREASE = re.compile(
    rf"(?P<verb>降低|下降|减少|減少|缩小|縮小|缩减|縮減|压缩|壓縮|缩短|縮短|下跌|下调|下調|(?<![至多不])少|降|减|減|跌)"
    rf"(?P<le>了)?(?P<approx>约|約|近)?(?P<n>{_NUMBER})(?P<unit>倍|番)"
)

# 比原来低了两倍 / 比去年小了一倍: a comparison downwards.
_LOWER = re.compile(
    rf"比[^，。；,;]{{0,12}}?(?P<verb>低|小)(?P<le>了)?(?P<approx>约|約|近)?(?P<n>{_NUMBER})(?P<unit>倍|番)"
)

_TRIGGER = re.compile(r"[倍番]")


def find(text: str) -> list[Finding]:
    findings = []
    matches = sorted(
        [*scan(_DECREASE, text, _TRIGGER), *scan(_LOWER, text, _TRIGGER)], key=lambda m: m.start("n")
    )
    seen: set[int] = set()
    for match in matches:
        if match.start("n") in seen:
            continue
        seen.add(match.start("n"))
        times = _value(match.group("n"))
        if times is None or times <= 0:
            continue
        start = match.start("approx") if match.group("approx") else match.start("n")
        written = text[start : match.end()]
        findings.append(flag(RULE, start, match.end(), written, _fix(times, match.group("unit"))))
    return findings


def _value(number: str) -> Decimal | None:
    number = number.translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
    if number[0].isdigit():
        try:
            return Decimal(number)
        except InvalidOperation:
            return None
    if number == "十":
        return Decimal(10)
    if len(number) == 1:
        return Decimal(CN_VALUE.get(number, 0)) or None
    if number.startswith("十"):
        return Decimal(10 + CN_VALUE.get(number[1], 0))
    if len(number) == 2 and number[1] == "十":
        return Decimal(CN_VALUE.get(number[0], 0) * 10)
    return None


def _fix(times: Decimal, unit: str) -> str:
    """What is left out: N倍 -> N/(N+1) of the old value; 番 doubles, so N番 -> 1 - 1/2^N."""
    if unit == "番":
        whole = 2 ** int(times)
        return (
            f"{chinese_count(whole)}分之{chinese_count(whole - 1)}"
            if times == int(times)
            else "（改用百分数）"
        )
    if times == 1:
        return "一半"
    if times == int(times):
        n = int(times)
        return f"{chinese_count(n + 1)}分之{chinese_count(n)}"
    share = times / (times + 1) * 100
    return f"{plain_number(share.quantize(Decimal('0.1')))}%"
