"""Rule 9: with Arabic digits only 万 and 亿 may serve as magnitudes.

3千里, 5百人 and 3亿4千5百万公里 use 千 and 百 after Arabic digits.  Right:
3000里 (or 三千里), 500人, 3.45亿公里.  千克, 千米, 千瓦, 千公顷 (the statistics
bureau's unit of area) and 百分之 are units or words of their own, not
magnitudes.
"""

from __future__ import annotations

import re
from decimal import Decimal

from desktop.checks.model import Finding
from desktop.checks.usage.common import flag, plain_number, scan

RULE = 9

_NUM = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
_FIGURE = re.compile(
    rf"(?<![0-9０-９.．A-Za-z])(?:{_NUM}(?:万亿|亿|万|萬|億|千|百|十)){{0,4}}{_NUM}(?:千|百)(?:万|萬|亿|億)?"
    r"(?![克米瓦伏帕焦卡赫兆分]|公顷|公頃)"
)
_TRIGGER = re.compile(r"[0-9０-９][千百]")
_FOLD = str.maketrans("０１２３４５６７８９．萬億", "0123456789.万亿")
_MAGNITUDE = {"十": 10, "百": 100, "千": 1000}


def find(text: str) -> list[Finding]:
    findings = []
    for match in scan(_FIGURE, text, _TRIGGER, reach=40):
        written = match.group()
        value = _value(written.translate(_FOLD))
        if value is None:
            # 3万5000千: no reading of it is sure, so no replacement is offered.
            findings.append(flag(RULE, match.start(), match.end(), written, "", "unclear"))
        else:
            findings.append(flag(RULE, match.start(), match.end(), written, _format(value)))
    return findings


def _value(text: str) -> Decimal | None:
    """3亿4千5百万 -> 345000000; None when the magnitudes are out of order (3万5000千)."""
    result = section = number = Decimal(0)
    smallest = 10_000  # the last small magnitude used in this section, which must fall
    for token in re.findall(r"[0-9]+(?:\.[0-9]+)?|万亿|亿|万|千|百|十", text):
        if token[0].isdigit():
            number = Decimal(token)
        elif token in _MAGNITUDE:
            # 815千 alone is 815000; after a larger magnitude (3万5000千) a
            # number of ten or more before 千 is a slip whose value is unknown.
            mixed = result > 0 or section > 0
            if _MAGNITUDE[token] >= smallest or (mixed and number >= 10):
                return None
            smallest = _MAGNITUDE[token]
            section += number * _MAGNITUDE[token]
            number = Decimal(0)
        elif token == "万":
            result += (section + number) * 10**4
            section = number = Decimal(0)
            smallest = 10_000
        else:  # 亿, 万亿
            result = (result + section + number) * (10**8 if token == "亿" else 10**12)
            section = number = Decimal(0)
            smallest = 10_000
    return result + section + number


def _format(value: Decimal) -> str:
    if value >= 10**8:
        return plain_number(value / 10**8) + "亿"
    if value >= 10**5 and value % 100 == 0:
        return plain_number(value / 10**4) + "万"
    return plain_number(value)
