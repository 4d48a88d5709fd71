"""Rule 2: 增加了 N 倍 means new = (N + 1) × old; 增加到 N 倍 means new = N × old.

Checked only where both values are given: 从50增加到200，增加了4倍 is wrong
(增加了3倍, or 增加到4倍).  The relation checks find most such sentences from
the claims (a change whose 倍 holds only on the reading the words do not
mean); this module also reads the bare figures a sentence may give without
units (从50增加到200).  增长了两倍 with no values given is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from desktop.checks.model import Finding
from desktop.checks.usage.common import flag, plain_number
from desktop.claims.numerals import NumberError, parse_number

RULE = 2

_FIG = r"[0-9０-９][0-9０-９,.．]*(?:万|萬|亿|億)?|[〇零一二两兩三四五六七八九十百千万萬亿億]+"
_UP = r"增加|增长|增長|提高|提升|上升|扩大|擴大|增"
_SENTENCE = re.compile(
    rf"(?:从|由|從)(?P<a>{_FIG})[^，。；,;0-9]{{0,6}}?(?:{_UP})(?:到|至)(?P<b>{_FIG})[^，。；,;0-9]{{0,6}}?"
    rf"[，,](?P<phrase>(?:{_UP})(?P<to>了|到|至|为|為)?(?P<n>{_FIG})倍)"
)


def find(text: str, relations: Sequence[Finding] = ()) -> list[Finding]:
    findings = []
    covered: set[int] = set()
    for relation in relations:
        finding = _from_relation(relation)
        if finding is not None:
            findings.append(finding)
            covered.add(finding.start)
    for match in _SENTENCE.finditer(text):
        if match.start("n") in covered:
            continue
        finding = _bare(match)
        if finding is not None:
            findings.append(finding)
    return findings


def _from_relation(relation: Finding) -> Finding | None:
    """A change whose 倍 holds only on the reading its words do not mean."""
    code = relation.message.code
    if code not in ("change.times.loose", "change.times.to_strict") or len(relation.operands) < 3:
        return None
    old, new, rate = relation.operands[0], relation.operands[1], relation.operands[-1]
    try:
        ratio = Decimal(new.value) / Decimal(old.value)
    except (InvalidOperation, ZeroDivisionError):
        return None
    places = len(rate.value.split(".")[1]) if "." in rate.value else 0
    # 增长X倍 that is really the ratio: the increase is one less; 增长到X倍
    # that is really the increase: the ratio is one more.
    value = ratio - 1 if code == "change.times.loose" else ratio
    fix = f"{plain_number(value.quantize(Decimal(1).scaleb(-places)))}倍"
    variant = "loose" if code == "change.times.loose" else "strict"
    return flag(
        RULE,
        rate.start,
        rate.end,
        rate.text,
        fix,
        variant,
        ratio=plain_number(ratio.quantize(Decimal("0.01"))),
        phrase=relation.message.arg("phrase"),
    )


def _bare(match: re.Match[str]) -> Finding | None:
    try:
        a, b, n = (parse_number(match.group(k)) for k in ("a", "b", "n"))
    except NumberError:
        return None
    if a <= 0 or b <= a:
        return None
    ratio = b / a
    exponent = n.as_tuple().exponent
    step = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)

    def rounds_to(value: Decimal) -> bool:
        return (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step == n

    start, end = match.start("n"), match.end("phrase")
    written = match.group("n") + "倍"
    args = {"ratio": plain_number(ratio.quantize(Decimal("0.01"))), "phrase": match.group("phrase")}
    if match.group("to") in ("到", "至", "为", "為"):
        if not rounds_to(ratio) and rounds_to(ratio - 1):
            return flag(
                RULE, start, end, written, f"{plain_number(ratio.quantize(step))}倍", "strict", **args
            )
    elif not rounds_to(ratio - 1) and rounds_to(ratio):
        return flag(
            RULE, start, end, written, f"{plain_number((ratio - 1).quantize(step))}倍", "loose", **args
        )
    return None
