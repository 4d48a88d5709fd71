"""A change stated as a base and what was added to it.

在2021年实现7项跨省通办事项、16项省内通办事项异地通办的基础上，今年又实现
“生育保险待遇核定与支付”业务的跨省通办，达到“8+16”: the base figures, an
addition (a figure, or one named item), and the figure reached — a claim, or
a tally in quotes with one number per base figure (“8+16”), which is not a
claim of its own but is what the sentence asserts.  The tally must be the
base with the addition in exactly one place.
"""

from __future__ import annotations

import re
from decimal import Decimal

from desktop.checks.figures import ZERO, plain
from desktop.checks.model import Finding, Operand
from desktop.checks.relations.common import Verdict, make, operand, written
from desktop.checks.text import ArticleText, Item

_BASE = re.compile(r"在(?P<base>[^。！？\n]{2,80}?)的?基础上[，,]")
_ADDED = re.compile(r"(?:又|再|新增|增加)(?:[^，。；：,;:“0-9]{0,6}“(?P<name>[^”“]{1,30})”)?")
_REACHED = re.compile(r"(?:达到|達到|增至|增加到|总数达到?|總數達到?|累计达到?|累計達到?|达|達)(?:了)?")
_TALLY = re.compile(r"“(?P<tally>\d+(?:[+＋]\d+)+)”")


def find(article: ArticleText) -> list[Finding]:
    findings: list[Finding] = []
    for match in _BASE.finditer(article.text):
        finding = _accrual(article, match)
        if finding is not None:
            findings.append(finding)
    return findings


def _accrual(article: ArticleText, match: re.Match[str]) -> Finding | None:
    base = [i for i in article.in_span(match.start("base"), match.end("base")) if i.is_amount]
    if not base or len({i.unit for i in base}) != 1:
        return None
    sentence_end = article.sentence_of(match.end())[1]
    rest = article.text[match.end() : sentence_end]
    added = _ADDED.search(rest)
    reached = _REACHED.search(rest, added.end() if added else 0)
    if not added or not reached:
        return None
    offset = match.end()
    added_items = [
        i for i in article.in_span(offset + added.start(), offset + reached.start()) if i.is_amount
    ]
    if added_items:
        amount, by = added_items[0].claim.value, added_items[0]
    elif added.group("name"):
        amount, by = Decimal(1), None  # one named item: 又实现“生育保险待遇核定与支付”业务
    else:
        return None
    after = offset + reached.end()
    tally = _TALLY.match(article.text, after)
    if tally:
        return _tally(article, base, amount, by, tally)
    reached_items = [i for i in article.in_span(after, min(sentence_end, after + 20)) if i.is_amount]
    if not reached_items or reached_items[0].start - after > 4 or reached_items[0].unit != base[0].unit:
        return None
    return _total(base, amount, by, reached_items[0])


def _tally(
    article: ArticleText, base: list[Item], amount: Decimal, by: Item | None, tally: re.Match[str]
) -> Finding | None:
    stated = [Decimal(x) for x in re.split(r"[+＋]", tally.group("tally"))]
    if len(stated) != len(base):
        return None
    before = [i.claim.value for i in base]
    changed = [k for k, (old, new) in enumerate(zip(before, stated, strict=True)) if old != new]
    holds = len(changed) == 1 and stated[changed[0]] - before[changed[0]] == amount
    start, end = tally.start("tally"), tally.end("tally")
    ops: list[Operand] = [operand(i, "from") for i in base]
    if by is not None:
        ops.append(operand(by, "rate"))
    ops.append(Operand("to", tally.group("tally"), start, end, "", tally.group("tally")))
    code = "change.tally.holds" if holds else "change.tally.fails"
    return make(
        "change",
        (start, end),
        Verdict(holds),
        code,
        ops,
        "+".join(plain(v) for v in before) + f" + {plain(amount)}",
        reading="tally",
        **{
            "from": "+".join(written(i) for i in base),
            "added": plain(amount),
            "computed": _expected(before, stated, amount),
            "stated": tally.group("tally"),
        },
    )


def _expected(before: list[Decimal], stated: list[Decimal], amount: Decimal) -> str:
    """The tally the base and the addition give, for the place where the text changed it."""
    changed = [k for k, (old, new) in enumerate(zip(before, stated, strict=True)) if old != new] or [0]
    after = list(before)
    after[changed[0]] += amount
    return "+".join(plain(v) for v in after)


def _total(base: list[Item], amount: Decimal, by: Item | None, reached: Item) -> Finding | None:
    expected = sum((i.claim.value for i in base), ZERO) + amount
    holds = reached.figure.agrees(expected)
    ops = [operand(i, "from") for i in base]
    if by is not None:
        ops.append(operand(by, "rate"))
    ops.append(operand(reached, "to"))
    code = "change.tally.holds" if holds else "change.tally.fails"
    return make(
        "change",
        reached,
        Verdict(holds),
        code,
        ops,
        plain(expected),
        reading="accrual",
        **{
            "from": " + ".join(written(i) for i in base),
            "added": plain(amount),
            "computed": plain(expected),
            "stated": written(reached),
        },
    )
