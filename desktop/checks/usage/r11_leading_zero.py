"""Rule 11: a decimal below one keeps its leading zero (.46 -> 0.46)."""

from __future__ import annotations

import re

from desktop.checks.model import Finding
from desktop.checks.usage.common import flag, scan

RULE = 11

# A point that starts a number: after a Chinese character, a space, an
# opening bracket, or the start of the text; never after a digit or a letter
# (No.5), and not where an ASCII point ends a sentence before a date
# (稳定.2017年, 增长.5月份).
_BARE = re.compile(
    r"(?:(?<=^)|(?<=[\u4e00-\u9fff：:（(=\s]))[.．](?P<digits>[0-9]{1,6})(?![0-9.．年月日号號时時点點])"
)

_TRIGGER = re.compile(r"[.．][0-9]")


def _starts_a_number(text: str, point: int) -> bool:
    return point == 0 or not (
        text[point - 1].isdigit() or text[point - 1].isascii() and text[point - 1].isalpha()
    )


def find(text: str) -> list[Finding]:
    return [
        flag(RULE, match.start(), match.end(), match.group(), f"0.{match.group('digits')}")
        for match in scan(
            _BARE, text, _TRIGGER, reach=8, keep=lambda hit: _starts_a_number(text, hit.start())
        )
    ]
