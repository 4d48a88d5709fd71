"""Rule 4: each end of a range carries its magnitude and its %.

9～16亿 reads as 9 to 16亿 (is it 9?); 15～30% and 3-5万元 likewise.  Right:
9亿～16亿, 15%～30%, 3万～5万元.  A unit symbol may be shared (100～150kg)
and so may a measure word (3～5个): only 万/亿 and % must be repeated.
"""

from __future__ import annotations

import re

from desktop.checks.model import Finding
from desktop.checks.usage.common import flag, scan

RULE = 4

_NUM = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
_RANGE = re.compile(
    rf"(?<![0-9０-９.．A-Za-z/:：\-－])(?P<a>{_NUM})(?P<dash>\s?[～~〜—–\-－]\s?|至|到)(?P<b>{_NUM})"
    r"(?P<mag>万亿|萬億|亿|億|万|萬|%|％)"
)

# The end of a range whose second figure carries a magnitude or %.
_TRIGGER = re.compile(r"(?:[～~〜—–\-－]|至|到)\s?[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万|萬|亿|億|%|％)")


def find(text: str) -> list[Finding]:
    findings = []
    for match in scan(_RANGE, text, _TRIGGER):
        dash = match.group("dash").strip()
        if dash in ("-", "－", "—", "–") and _looks_like_code(text, match):
            continue
        mag = match.group("mag")
        written = match.group()
        fix = f"{match.group('a')}{mag}～{match.group('b')}{mag}"
        what = "%" if mag in ("%", "％") else mag
        findings.append(flag(RULE, match.start(), match.end(), written, fix, what=what))
    return findings


def _looks_like_code(text: str, match: re.Match[str]) -> bool:
    """0543-3386119万…: a telephone number or a code, not a range."""
    return (
        len(match.group("a")) >= 4
        and not match.group("a").startswith(("1", "2"))
        or len(match.group("b")) >= 6
    )
