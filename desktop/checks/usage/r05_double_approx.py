"""Rule 5 (style): one approximation word per number.

大约300人左右, 将近400余人, 不到30个左右, 至少…以上 and 超过…以上 say the same
thing twice (or contradict themselves).  Right: 约300人, 300人左右, 近400人.
The fix drops the word after the figure.
"""

from __future__ import annotations

import re

from desktop.checks.model import Finding
from desktop.checks.usage.common import flag, scan

RULE = 5

_NUM = r"(?:[0-9０-９][0-9０-９,.．]*|[〇零一二两兩三四五六七八九十百千]+)(?:万亿|万|萬|亿|億|千|百)?"
_UNIT = r"[^\s，。；：、,.;:0-9０-９“”（）()]{0,4}?"
# Pairs that clash: a word before the figure and one after it.
_PAIRS = (
    (r"大约|大概|约为|約為|约|約|大致", r"左右|上下|余|餘|多|来|來"),
    (r"将近|將近|接近|近", r"余|餘|多|左右|以上"),
    (r"不到|不足|少于|少於|低于|低於", r"左右|以上|余|餘|多"),
    (r"至少|最少|超过|超過|多于|多於|高于|高於|逾|超", r"以上|余|餘|多"),
    (r"最多|至多|不超过|不超過", r"以下|以内|以內"),
)
_DOUBLE = re.compile(
    "|".join(
        rf"(?P<pre{i}>{before})(?:有|为|為|是|达|達|在)?(?P<fig{i}>{_NUM}{_UNIT})(?P<post{i}>{after})(?![年月])"
        for i, (before, after) in enumerate(_PAIRS)
    )
)


# Two words before the figure: 大约有近百人, 约超过300人.
_TWO_BEFORE = re.compile(
    rf"(?P<first>大约|大概|约为|約為|约|約)(?:有|为|為|是)?(?P<second>将近|將近|接近|近|超过|超過|逾|不到|不足)(?P<fig>{_NUM})"
)

# Every clash has an approximation word right before a figure.
_TRIGGER = re.compile(
    r"(?:大约|大概|约|約|将近|將近|接近|近|不到|不足|少于|少於|低于|低於|至少|最少|超过|超過|多于|多於|高于|高於|逾|超|最多|至多)"
    r"(?:有|为|為|是|达|達|在)?[0-9０-９〇零一二两兩三四五六七八九十百千]"
)


def find(text: str) -> list[Finding]:
    findings = []
    for match in scan(_TWO_BEFORE, text, _TRIGGER):
        written = match.group()
        fix = written[len(match.group("first")) :].lstrip("有为為是")
        findings.append(flag(RULE, match.start(), match.end(), written, fix))
    for match in scan(_DOUBLE, text, _TRIGGER):
        i = next(k for k in range(len(_PAIRS)) if match.group(f"pre{k}"))
        figure, after = match.group(f"fig{i}"), match.group(f"post{i}")
        if after in ("来", "來") and re.search(r"[年月天周週]$", figure):
            continue  # 近5年来: recent years, not an approximation
        if after in ("多", "余", "餘") and _number_part(figure) != figure:
            continue  # after a measure word 多 starts another word (约300人多次)
        written = match.group()
        fix = written[: len(written) - len(after)]
        findings.append(flag(RULE, match.start(), match.end(), written, fix))
    return findings


def _number_part(figure: str) -> str:
    found = re.match(_NUM, figure)
    return found.group() if found else figure
