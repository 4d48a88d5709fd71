"""Repeats and conflicts among the figures of several documents (or of one).

Every claim gets its metric key; pairs worth comparing are those of one unit
family with the same value (a repeat) or the same subject (a rounding or a
conflict), so the work grows with the figures, not with their square.
Figures stated again are gathered into groups (the headline, the lead and a
later paragraph saying 8325人 are one figure stated three times) and each
later statement is linked to the first, as the relation gold records them;
a conflict is reported between the first statements of two groups, on both
of them, since either may be the wrong one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from desktop.checks.figures import HUNDRED, plain
from desktop.checks.model import Finding, Message, Operand
from desktop.checks.relations.common import in_units_of, written
from desktop.checks.repeats.key import Located, MetricKey
from desktop.checks.repeats.match import Verdict, compare
from desktop.checks.repeats.messages import ARTICLE, FILE, OTHER
from desktop.checks.text import ArticleText
from desktop.claims.model import Claim

REPEAT = "repeat"
# Kinds of claims that name a metric.  Durations (30分钟) are how long
# something takes, mostly in passing; they recur without being one figure.
_KINDS = frozenset({"count", "money", "percent", "measure", "rank", "change"})

Document = tuple[str, str, Sequence[Claim]]


def find_repeats(documents: Sequence[Document]) -> list[list[Finding]]:
    """The repeat findings of each document, in the order given.

    `documents` are (name, display text, claims with offsets into that
    text); an article is a document, and several articles of one file share
    its name.  A finding's span and its own operand index its document's
    text; an operand in another document carries that document's name in
    `Operand.document` (its offsets index that document's text, and its
    claim id names it).
    """
    keys = _keys(documents)
    groups, conflicts = _pairs(keys)
    findings: list[list[Finding]] = [[] for _ in documents]
    for group in groups:
        # Every pair of the group: which statement a reader (or the gold)
        # takes as the first is not always the first in the text.
        for n, first in enumerate(group):
            for key in group[n + 1 :]:
                verdict = compare(first, key)
                verdict = verdict if verdict in (Verdict.SAME, Verdict.ROUNDED) else _by_value(first, key)
                findings[key.located.document].append(_finding(key, first, first, key, verdict))
    for a, b in conflicts:
        findings[b.located.document].append(_finding(b, a, a, b, Verdict.CONFLICT))
        findings[a.located.document].append(_finding(a, b, a, b, Verdict.CONFLICT))
    return [sorted(found, key=lambda f: (f.start, f.end)) for found in findings]


def find_repeats_in_article(text: str, claims: Sequence[Claim]) -> list[Finding]:
    """The figures one article states twice: a headline repeating its body, the lead and a later paragraph."""
    return find_repeats([("", text, claims)])[0]


def _keys(documents: Sequence[Document]) -> list[MetricKey]:
    keys: list[MetricKey] = []
    for index, (name, text, claims) in enumerate(documents):
        article = ArticleText(text, claims)
        keys.extend(
            MetricKey(Located(index, name, item), article)
            for item in article.items
            if item.claim.kind in _KINDS
        )
    return keys


def _pairs(keys: list[MetricKey]) -> tuple[list[list[MetricKey]], list[tuple[MetricKey, MetricKey]]]:
    """Groups of one figure stated again (in text order), and conflicting pairs of first statements."""
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    conflicting: list[tuple[int, int]] = []
    for i, j in _candidates(keys):
        verdict = compare(keys[i], keys[j])
        if verdict in (Verdict.SAME, Verdict.ROUNDED):
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)  # the earliest statement stays the group's first
        elif verdict is Verdict.CONFLICT:
            conflicting.append((i, j))
    members: dict[int, list[MetricKey]] = defaultdict(list)
    for i in range(len(keys)):
        members[root(i)].append(keys[i])
    groups = [group for _, group in sorted(members.items()) if len(group) > 1]
    pairs = {tuple(sorted((root(i), root(j)))) for i, j in conflicting if root(i) != root(j)}
    # A metric stated with three or more values is a list of like statements
    # about different things (已有9.37万人享受待遇 after each of five
    # policies), whose topic the words around the figures do not carry: no
    # pair of them is a conflict.
    opponents: dict[int, int] = defaultdict(int)
    for a, b in pairs:
        opponents[a] += 1
        opponents[b] += 1
    conflicts = [(keys[a], keys[b]) for a, b in sorted(pairs) if opponents[a] == 1 and opponents[b] == 1]
    return groups, conflicts


def _candidates(keys: list[MetricKey]) -> Iterable[tuple[int, int]]:
    """Pairs (i < j) of one unit family with the same value or the same subject."""
    buckets: dict[tuple[str, str, object], list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        buckets[("value", key.family, key.value.normalize())].append(index)
        if key.subject:
            buckets[("subject", key.family, key.subject)].append(index)
    seen: set[tuple[int, int]] = set()
    for members in buckets.values():
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                if (i, j) not in seen:
                    seen.add((i, j))
                    yield i, j


def _by_value(a: MetricKey, b: MetricKey) -> Verdict:
    """The verdict for a figure linked to its group's first statement through another one."""
    if a.value == b.value:
        return Verdict.SAME
    return Verdict.ROUNDED


def _finding(
    home: MetricKey, other: MetricKey, first: MetricKey, second: MetricKey, verdict: Verdict
) -> Finding:
    """A repeat finding shown on `home`, with `other` as the figure it repeats or contradicts."""
    operands = tuple(_operand(key, role, home) for key, role in ((first, "first"), (second, "second")))
    args = {"stated": written(home.item), "other": written(other.item)}
    scope = _scope(home, other)
    if scope != ARTICLE:
        args["document"] = other.located.name
    difference = second.value - first.value
    if verdict is Verdict.CONFLICT:
        high, low = (first, second) if first.value > second.value else (second, first)
        args["high"] = written(high.item)
        args["low"] = written(low.item)
        args["difference"] = in_units_of(home.item, abs(difference)) + home.claim.unit
        args["relative"] = f"{plain(abs(difference) / low.value * HUNDRED, 1)} %" if low.value else "—"
    code = f"repeat.{verdict.value}.{scope}"
    return Finding(
        check=REPEAT,
        holds=verdict is not Verdict.CONFLICT,
        start=home.item.start,
        end=home.item.end,
        message=Message(code, tuple(sorted(args.items()))),
        operands=operands,
        computed=plain(difference).replace("−", "-") if difference else "0",
        reading=verdict.value,
        claim_ids=tuple(o.claim_id for o in operands if o.claim_id),
    )


def _operand(key: MetricKey, role: str, home: MetricKey) -> Operand:
    item = key.item
    return Operand(
        role=role,
        text=item.claim.text,
        start=item.start,
        end=item.end,
        claim_id=item.claim.id,
        value=plain(item.claim.value).replace("−", "-"),
        document="" if key.located.document == home.located.document else key.located.name,
    )


def _scope(home: MetricKey, other: MetricKey) -> str:
    if home.located.document == other.located.document:
        return ARTICLE
    return FILE if home.located.name == other.located.name else OTHER
