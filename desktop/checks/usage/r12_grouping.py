"""Rule 12 (style): one digit-grouping style per article.

12,345 next to 23456 in one article: one style throughout.  Figures of five
digits or more count; four-digit figures (2024, 1286) may go either way, and
telephone numbers, codes and years are not figures to group.  The figures in
the less used style are flagged (the ungrouped ones on a tie).
"""

from __future__ import annotations

import re

from desktop.checks.model import Finding
from desktop.checks.usage.common import flag

RULE = 12

_GROUPED = re.compile(r"(?<![0-9０-９.．,，])[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])")
_ANY_GROUPED = re.compile(r"[0-9],[0-9]{3}")
_PLAIN = re.compile(r"(?<![0-9０-９.．,，A-Za-z\-－/])[0-9]{5,}(?:\.[0-9]+)?(?![0-9,A-Za-z])")
# A run of digits that is a number to dial or a code, not a figure.
_NOT_A_FIGURE = re.compile(
    r"(?:电话|電話|热线|熱線|专线|專線|编号|編號|代码|代碼|邮编|郵編|号码|號碼|账号|帳號|QQ|微信)[^，。；]{0,12}$"
)


def find(text: str) -> list[Finding]:
    if not _ANY_GROUPED.search(text):
        return []  # one style throughout: nothing to compare
    grouped = [m for m in _GROUPED.finditer(text) if len(m.group().split(".")[0].replace(",", "")) >= 5]
    plain = [m for m in _PLAIN.finditer(text) if _is_figure(text, m)]
    if not grouped or not plain:
        return []
    minority = plain if len(plain) <= len(grouped) else grouped
    findings = []
    for match in minority:
        written = match.group()
        fix = _grouped(written) if minority is plain else written.replace(",", "")
        findings.append(
            flag(
                RULE,
                match.start(),
                match.end(),
                written,
                fix,
                "ungrouped" if minority is plain else "grouped",
            )
        )
    return findings


def _is_figure(text: str, match: re.Match[str]) -> bool:
    digits = match.group().split(".")[0]
    if digits.startswith("0") or (len(digits) >= 7 and digits.startswith("1") and "." not in match.group()):
        return False  # 0543…, 1386…: telephone numbers
    if text[match.end() : match.end() + 1] in ("年", "号", "號", "期", "届", "屆"):
        return False
    return not _NOT_A_FIGURE.search(text[max(0, match.start() - 20) : match.start()])


def _grouped(written: str) -> str:
    whole, _, fraction = written.partition(".")
    return f"{int(whole):,}" + (f".{fraction}" if fraction else "")
