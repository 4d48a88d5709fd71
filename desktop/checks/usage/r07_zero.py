"""Rule 7: zero is 〇 in digit-by-digit numerals, 零 in quantities, never 0 or O.

二00八年 and 二O一二年 mix an Arabic 0 or a Latin O into Chinese numerals;
二零零八年 writes a digit-by-digit year with the quantity's 零.  Right:
二〇〇八年, or 2008年.  三千零五十二 (a quantity) keeps its 零.
"""

from __future__ import annotations

import re

from desktop.checks.model import Finding
from desktop.checks.usage.common import flag, scan

RULE = 7

# ○ (a circle, U+25CB) stands for 〇 in much Hong Kong and Taiwan copy; it
# reads the same, so it is taken as 〇 rather than flagged.
_CN = "一二三四五六七八九〇○◯"
_WRONG_ZERO = "0０OoＯｏ零"
# A digit-by-digit run (no 十百千万) of at least three characters with a
# Chinese digit in it and a zero that is not 〇.
_RUN = re.compile(
    rf"(?<![{_CN}{_WRONG_ZERO}十百千万萬亿億A-Za-z0-9])[{_CN}{_WRONG_ZERO}]{{3,}}(?![十百千万萬亿億A-Za-z0-9])"
)
# A wrong zero next to a Chinese digit.
_TRIGGER = re.compile(r"[一二三四五六七八九〇○◯][0０OoＯｏ零]|[0０OoＯｏ零][一二三四五六七八九〇○◯]")
_FIX = str.maketrans({ch: "〇" for ch in _WRONG_ZERO})


def find(text: str) -> list[Finding]:
    findings = []
    for match in scan(_RUN, text, _TRIGGER):
        run = match.group()
        if not any(ch in "一二三四五六七八九" for ch in run) or not any(ch in _WRONG_ZERO for ch in run):
            continue
        # A Latin O or an Arabic 0 counts only among Chinese digits (not in "2O" or "OO").
        if sum(ch in _CN for ch in run) < 2:
            continue
        if "零" in run and not _is_year(text, match.end()):
            continue  # 零 in a digit run that is not a year: a code or a name, left alone
        findings.append(flag(RULE, match.start(), match.end(), run, run.translate(_FIX)))
    return findings


def _is_year(text: str, end: int) -> bool:
    return text[end : end + 1] in ("年", "届")
