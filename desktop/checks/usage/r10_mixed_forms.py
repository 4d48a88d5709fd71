"""Rule 10: one form within one expression.

二十世纪30年代 writes one expression in two forms.  Right: 20世纪30年代 or
二十世纪三十年代.  The same holds for a date (2024年三月5日) and for
百分之5.  Figures of different expressions may differ (第一季度 next to
2024年): only the parts of one expression are compared.
"""

from __future__ import annotations

import re

from desktop.checks.model import Finding
from desktop.checks.usage.common import CN_VALUE, flag, scan

RULE = 10

_AR = r"[0-9０-９]+"
_CN = r"[〇零一二三四五六七八九十]+"
_CENTURY = re.compile(rf"(?P<a>{_AR}|{_CN})世纪(?P<b>{_AR}|{_CN})年代")
_DATE = re.compile(
    rf"(?P<a>[0-9０-９]{{4}}|[〇零一二三四五六七八九]{{4}})年(?P<b>{_AR}|[一二三四五六七八九十]{{1,2}})月"
    rf"(?:(?P<c>{_AR}|[一二三四五六七八九十]{{1,3}})[日号號])?"
)
_PERCENT = re.compile(r"百分之(?P<a>[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?)")
_TRIGGER_CENTURY = re.compile("世纪")
# A date whose parts change script: 2023年十月, 二〇二四年3月, 10月五日.
_TRIGGER_DATE = re.compile(
    r"[0-9０-９][年月][一二三四五六七八九十]|[〇零一二三四五六七八九十][年月][0-9０-９]"
)
_TRIGGER_PERCENT = re.compile("百分之")
_FOLD = str.maketrans("０１２３４５６７８９", "0123456789")


def find(text: str) -> list[Finding]:
    findings = []
    for match in scan(_CENTURY, text, _TRIGGER_CENTURY):
        if _mixed(match.group("a"), match.group("b")):
            fix = f"{_arabic(match.group('a'))}世纪{_arabic(match.group('b'))}年代"
            findings.append(flag(RULE, match.start(), match.end(), match.group(), fix))
    for match in scan(_DATE, text, _TRIGGER_DATE):
        parts = [p for p in (match.group("a"), match.group("b"), match.group("c")) if p]
        if _mixed(*parts):
            fix = f"{_arabic(parts[0])}年{_arabic(parts[1])}月" + (
                f"{_arabic(parts[2])}日" if len(parts) > 2 else ""
            )
            findings.append(flag(RULE, match.start(), match.end(), match.group(), fix))
    for match in scan(_PERCENT, text, _TRIGGER_PERCENT):
        number = match.group("a").translate(_FOLD).replace("．", ".").replace(",", "").replace("，", "")
        findings.append(flag(RULE, match.start(), match.end(), match.group(), f"{number}%"))
    return findings


def _is_arabic(part: str) -> bool:
    return part[0] in "0123456789０１２３４５６７８９"


def _mixed(*parts: str) -> bool:
    return len({_is_arabic(p) for p in parts}) > 1


def _arabic(part: str) -> str:
    if _is_arabic(part):
        return part.translate(_FOLD)
    if all(ch in "〇零一二三四五六七八九" for ch in part) and len(part) > 1:
        return "".join(str(CN_VALUE[ch]) for ch in part)  # 二〇二四 -> 2024
    tens, _, ones = part.partition("十")
    if "十" in part:
        return str((CN_VALUE.get(tens, 1) if tens else 1) * 10 + (CN_VALUE.get(ones, 0) if ones else 0))
    return str(CN_VALUE.get(part, 0))
