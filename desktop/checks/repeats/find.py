"""Repeats and conflicts among the figures of several documents (or of one).

Every claim gets its metric key.  A figure is compared only with figures in
its buckets (one unit family and the same value, the value to two digits,
or the same subject), and there only with the first few statements of each
group, so the work grows with the figures, not with their square.  Figures
stated again with the same value gather into groups (the headline, the lead
and a later paragraph saying 8325人 are one figure stated three times), and
every pair of a group within a file is linked, as the relation gold records
them.  Roundings and conflicts are told once per pair of groups; a conflict
is judged between the statements that tell most (a body's, with its period)
and shown on both, since either may be the wrong one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from itertools import islice

from desktop.checks.figures import EXACT, HUNDRED, plain
from desktop.checks.model import Finding, Message, Operand
from desktop.checks.relations.common import in_units_of
from desktop.checks.repeats.conflict import NAMING_MIN, plausible_error
from desktop.checks.repeats.fold import fold
from desktop.checks.repeats.kept import Kept
from desktop.checks.repeats.key import (
    Located,
    MetricKey,
    Reading,
    headline_period,
    named_places,
    named_provinces,
    occasion,
    published,
)
from desktop.checks.repeats.match import Verdict, compare
from desktop.checks.repeats.messages import ARTICLE, FILE, OTHER
from desktop.checks.text import ArticleText
from desktop.claims.model import Claim

REPEAT = "repeat"
# Kinds of claims that name a metric.  Durations (全程运行约58分钟,
# 行车间隔5分钟) are weighed like any figure: a short one needs many shared words.
_KINDS = frozenset({"count", "money", "percent", "measure", "rank", "change", "duration"})

Document = tuple[str, str, Sequence[Claim]]
# How much of the other article's first line a message quotes.
_HEADLINE = 24
# Pairs of statements tried between two groups before they are taken as
# unrelated; also how many statements of a group stand for it.
_TRIES = 4
# Units of a rate, whose neighbouring amount names what it is the rate of.
_RATES = frozenset({"%", "个百分点"})
# How many of the latest groups of a bucket a figure is compared with.
_GROUPS = 32


def find_repeats(
    documents: Sequence[Document], *, worded: Collection[int] | None = None
) -> list[list[Finding]]:
    """The repeat findings of each document, in the order given.

    `documents` are (name, display text, claims with offsets into that
    text); an article is a document, and several articles of one file share
    its name.  A finding's span and its own operand index its document's
    text; an operand in another document carries that document's name in
    `Operand.document` (its offsets index that document's text, and its
    claim id names it).  A repeat is shown on the later statement; a
    conflict on both, since either may be the wrong one.

    With `worded` (indexes of documents), only the repeats with a figure in
    one of them are told: the others are still found, as they shape the
    groups, but not worded (the memory of figures compares a few new
    articles with many keyed ones, whose repeats among themselves it has).
    """
    keys = metric_keys(documents)
    findings: list[list[Finding]] = [[] for _ in documents]
    for first, second, verdict in _links(keys):
        if (
            worded is not None
            and first.located.document not in worded
            and second.located.document not in worded
        ):
            continue
        findings[second.located.document].append(_finding(second, first, first, second, verdict))
        if verdict is Verdict.CONFLICT:
            findings[first.located.document].append(_finding(first, second, first, second, verdict))
    return [sorted(found, key=lambda f: (f.start, f.end)) for found in findings]


def find_repeats_in_article(text: str, claims: Sequence[Claim]) -> list[Finding]:
    """The figures one article states twice: a headline repeating its body, the lead and a later paragraph."""
    return find_repeats([("", text, claims)])[0]


def metric_keys(documents: Sequence[Document]) -> list[MetricKey]:
    """Every compared claim's metric key, the documents' in order (`MetricKey.located.document`
    is the index of its document): what find_repeats compares, and the memory of figures keeps."""
    keys: list[MetricKey] = []
    read = [_read(text, tuple(claims)) for _, text, claims in documents]
    # The places a file names, over all its articles: one article of a page
    # may say 滨州市 for the 全市 of all of them.
    places: dict[str, frozenset[str]] = defaultdict(frozenset)
    provinces: dict[str, frozenset[str]] = defaultdict(frozenset)
    for (name, _, _), document in zip(documents, read, strict=True):
        places[name] |= document.places
        provinces[name] |= document.provinces
    for index, ((name, text, _), document) in enumerate(zip(documents, read, strict=True)):
        if document.located is None:
            continue
        here = replace(
            document.located,
            document=index,
            name=name,
            places=places[name],
            provinces=provinces[name],
            published=published(name, text),
        )
        keys.extend(key.moved(here) for key in document.keys)
    return keys


@dataclass(frozen=True)
class _Read:
    """What a document's text and claims alone say: its keys, worked out once for all the
    sets of documents it is compared in (`MetricKey.moved` places them there)."""

    places: frozenset[str]  # the cities and provinces the document names
    provinces: frozenset[str]
    located: Located | None  # at index 0, of no file, of no places: None without claims
    keys: tuple[MetricKey, ...]


# How many claims' keys are kept for reuse (`kept`): about the articles of a
# refresh step of the memory and its candidates.  12,000 keys of news
# articles take about 36 MB as keyed, 60 MB once every word they are
# compared by is worked out.
KEPT_CLAIMS = 12_000
_kept: Kept[tuple[str, tuple[Claim, ...]], _Read] = Kept(KEPT_CLAIMS)


def _read(text: str, claims: tuple[Claim, ...]) -> _Read:
    return _kept.get((text, claims), max(1, len(claims)), lambda: _read_afresh(text, claims))


def _read_afresh(text: str, claims: tuple[Claim, ...]) -> _Read:
    folded = fold(text)
    places, provinces = named_places(folded, claims), named_provinces(folded)
    article = ArticleText(text, claims)
    if not article.items:
        return _Read(places, provinces, None, ())
    located = Located(0, "", _headline(text), occasion=occasion(folded), period=headline_period(text))
    reading = Reading(article, folded)
    keys = _carried(
        [MetricKey(located, item, reading) for item in article.items if item.claim.kind in _KINDS]
    )
    for key in keys:
        key.settle()
        key.buckets = tuple(_buckets_of(key))
    return _Read(places, provinces, located, tuple(keys))


def _carried(keys: list[MetricKey]) -> list[MetricKey]:
    """One document's keys, with the place and period a paragraph states once carried to its later figures.

    省文化和旅游厅发布，国庆假期全省共接待游客3862.5万人次；实现旅游收入318.6亿元:
    the revenue is the province's too.  A rate right after its amount
    (4216.8亿元，总量居全省第1位，同比增长5.6%) is of the amount's place,
    whatever a rank between them says.  A figure of a paragraph that states
    no period is of the period its headline states (前三季度全省GDP增长5.3%).
    """
    headline = {key.period for key in keys if key.paragraph == 0 and key.period}
    period = headline.pop() if len(headline) == 1 else (keys[0].located.period if keys else "")
    previous: MetricKey | None = None
    for key in keys:
        if previous is not None and previous.paragraph == key.paragraph > 0:
            describes = key.family in _RATES and key.anchor == (fold(previous.claim.unit), previous.value)
            if previous.place and (describes or not key.place):
                key.place = previous.place
            key.period = key.period or previous.period
        if key.paragraph > 0 and not key.period:
            key.period = period
        if key.claim.kind != "rank":
            previous = key
    return keys


def _links(keys: list[MetricKey]) -> list[tuple[MetricKey, MetricKey, Verdict]]:
    """The pairs (earlier, later) worth telling the editor about, with their verdict.

    Only equal values gather: a rounding is a link between two figures, not
    a reason to take a third figure that rounds the same way as equal to
    either (突破3200亿元 agrees with 3215.6亿元 and with 3251.6亿元, which
    disagree).
    """
    roots, judged = _gather(keys)
    members: dict[int, list[int]] = defaultdict(list)
    for i, group in enumerate(roots):
        members[group].append(i)
    links = [
        (keys[i], keys[j], Verdict.SAME) for group in members.values() for i, j in _group_pairs(keys, group)
    ]
    between: dict[tuple[int, int], tuple[int, int, Verdict]] = {}
    for i, j, verdict in judged:
        a, b = sorted((roots[i], roots[j]))
        if a != b:
            between.setdefault((a, b), (i, j, verdict))
    # A metric stated with three or more values is a list of like statements
    # about different things (已有9.37万人享受待遇 after each of five
    # policies), whose topic the words around the figures do not carry: no
    # pair of them is a conflict.
    opponents: dict[int, int] = defaultdict(int)
    for (a, b), (_, _, verdict) in between.items():
        if verdict is Verdict.CONFLICT:
            opponents[a] += 1
            opponents[b] += 1
    for (a, b), (i, j, verdict) in between.items():
        if verdict is not Verdict.CONFLICT:
            links.append((keys[i], keys[j], verdict))
            continue
        if opponents[a] > 1 or opponents[b] > 1:
            continue
        # A group speaks through its best-told statement: a headline leaves
        # out the period its body states (接待游客1260万人次 is the body's
        # 国庆假期 figure, not last year's), so the conflict must hold there.
        first, second = sorted((_spokesman(keys, members[a]), _spokesman(keys, members[b])))
        if compare(keys[first], keys[second]) is Verdict.CONFLICT and plausible_error(
            keys[first], keys[second]
        ):
            links.extend((keys[i], keys[j], verdict) for i, j in _conflict_pairs(members[a], members[b]))
    return links


def _conflict_pairs(first: list[int], second: list[int]) -> list[tuple[int, int]]:
    """The statements of two conflicting groups told against each other, the earlier first.

    Each statement of the figure (a headline, its body, another paper) is
    wrong against each of the other value: an editor who looks at any of
    them sees the conflict.  The first few of each group stand for it.
    """
    return sorted((min(i, j), max(i, j)) for i in first[:_TRIES] for j in second[:_TRIES])


def _gather(keys: list[MetricKey]) -> tuple[list[int], list[tuple[int, int, Verdict]]]:
    """Each figure's group (the index of its first statement), and the pairs judged a rounding or a conflict.

    Each bucket holds its groups, each with the first few of its statements
    there: a later figure is compared with those, not with every statement,
    so the same figure in many files costs a comparison per file, not one
    per pair of files.
    """
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    judged: list[tuple[int, int, Verdict]] = []
    buckets: dict[tuple[str, str, object], _Bucket] = {}
    homes: dict[int, list[_Bucket]] = defaultdict(list)  # the buckets each group is in
    tries: dict[tuple[int, int], int] = {}
    settled: set[tuple[int, int]] = set()
    for j, key in enumerate(keys):
        compared: set[int] = set()
        b = j  # the figure's group: its own until a comparison joins it to an earlier one
        for name in key.buckets:
            bucket = buckets.get(name)
            if bucket is None:
                bucket = buckets[name] = _Bucket()
            groups = bucket.groups
            # The latest groups of the bucket only: a figure restates what is
            # near it, and a metric stated with hundreds of values is a table.
            if bucket.merged != bucket.clean:
                clean = True
                for group in list(islice(reversed(groups), _GROUPS)):
                    if parent[group] != group and group in groups:
                        # Merged since: its statements join their group's, and an older
                        # group comes among the latest (looked at next time).
                        merged = _group(bucket, root(group), homes)
                        merged.extend(groups.pop(group)[: _TRIES - len(merged)])
                        clean = False
                if clean:
                    bucket.clean = bucket.merged
            for sample in islice(reversed(groups.values()), _GROUPS):
                for i in sample:  # at most _TRIES
                    a = i if parent[i] == i else root(i)
                    pair = (a, b) if a < b else (b, a)
                    if a == b or i in compared or pair in settled or tries.get(pair, 0) >= _TRIES:
                        break  # one group already, or these two groups judged
                    compared.add(i)
                    verdict = compare(keys[i], key)
                    if verdict is Verdict.SAME:
                        parent[pair[1]] = pair[0]  # the earliest statement stays the group's first
                        for home in homes.get(pair[1], ()):
                            home.merged += 1
                        b = pair[0]
                    elif verdict is Verdict.UNRELATED:
                        tries[pair] = tries.get(pair, 0) + 1
                    else:
                        settled.add(pair)
                        judged.append((i, j, verdict))
            sample = _group(bucket, b, homes)
            if len(sample) < _TRIES:
                sample.append(j)
    return [root(i) for i in range(len(keys))], judged


class _Bucket:
    """The groups of one bucket, each with its first few statements there (latest last).

    A group merged into another moves its statements to it when next seen
    among the latest.  A group stops being a root only when merged, and the
    latest groups change otherwise only by a new one (a root) coming last: so
    they are looked at again only when one of the bucket's groups was merged
    since they were last all roots (`merged` counts, `clean` is the count then).
    """

    __slots__ = ("groups", "merged", "clean")

    def __init__(self) -> None:
        self.groups: dict[int, list[int]] = {}
        self.merged = 0
        self.clean = 0


def _group(bucket: _Bucket, group: int, homes: dict[int, list[_Bucket]]) -> list[int]:
    """A group's statements in a bucket: a new group comes last (the latest)."""
    found = bucket.groups.get(group)
    if found is None:
        found = bucket.groups[group] = []
        homes[group].append(bucket)
    return found


def _spokesman(keys: list[MetricKey], group: list[int]) -> int:
    """The statement of a group that tells most: in a body with its period, else in a body, else the first."""
    body = [i for i in group if keys[i].paragraph > 0]
    dated = [i for i in body if keys[i].period]
    return (dated or body or group)[0]


def _group_pairs(keys: list[MetricKey], group: list[int]) -> Iterable[tuple[int, int]]:
    """The pairs of a group linked: each statement with the first few of its file, and with the group's first.

    The group's first statement stands for the other files, and a file's
    first few for the rest of it: linking every statement with every other
    would say the same thing many times over (and grow with the square of
    the statements).
    """
    first = group[0]
    earlier: dict[str, list[int]] = defaultdict(list)  # the group's first few statements in each file
    for j in group:
        name = keys[j].located.name
        if j != first and keys[first].located.name != name:
            yield first, j
        for i in earlier[name]:
            yield i, j
        if len(earlier[name]) < _TRIES:
            earlier[name].append(j)


def buckets(key: MetricKey) -> tuple[tuple[str, str, object], ...]:
    """Where figures worth comparing with this one are (`_buckets_of`), worked out with its key:
    (kind, unit family, value).  The memory of figures looks a new article's candidates up by them."""
    return key.buckets


def _buckets_of(key: MetricKey) -> list[tuple[str, str, object]]:
    """Where figures worth comparing with this one are: one unit family and the same value, a value
    as rounded, or the same subject (or, without one, the same naming words)."""
    found: list[tuple[str, str, object]] = [
        ("value", key.family, key.value.normalize()),
        # 約12.9萬人 and 128650人: the same value to two significant digits.
        ("near", key.family, _two_digits(key.value)),
    ]
    if key.anchor is not None and key.family in _RATES:
        # The growth of 4216.8亿元, whatever each paper calls it.  (By the
        # unit alone: the words of a figure are read only when it is compared.)
        found.append(("anchor", key.family, key.anchor))
    if key.subject:
        found.append(("subject", key.family, key.subject))
    elif len(key.naming) >= NAMING_MIN:
        # No subject found (新增就业 has no noun): the words that name it in its clause.
        found.append(("naming", key.family, key.naming))
    return found


def _two_digits(value: Decimal) -> Decimal:
    if not value:
        return value
    exponent = value.adjusted() - 1
    return value.scaleb(-exponent).quantize(Decimal(1), rounding=ROUND_HALF_UP).scaleb(exponent).normalize()


def _finding(
    home: MetricKey, other: MetricKey, first: MetricKey, second: MetricKey, verdict: Verdict
) -> Finding:
    """A repeat finding shown on `home`, with `other` as the figure it repeats or contradicts."""
    operands = tuple(_operand(key, role, home) for key, role in ((first, "first"), (second, "second")))
    args = {"stated": home.claim.text, "other": other.claim.text}
    scope = _scope(home, other)
    if scope != ARTICLE:
        args["document"] = other.located.name
        args["article"] = other.located.headline
    if verdict is Verdict.ROUNDED and (first.figure.approx != EXACT or second.figure.approx != EXACT):
        verdict_code = "approx"  # 突破3200亿元 and 3215.6亿元: a bound, not a rounding
    else:
        verdict_code = verdict.value
    difference = second.value - first.value
    if verdict is Verdict.CONFLICT:
        high, low = (first, second) if first.value > second.value else (second, first)
        args["high"] = high.claim.text
        args["low"] = low.claim.text
        args["difference"] = in_units_of(home.item, abs(difference)) + home.claim.unit
        args["relative"] = f"{plain(abs(difference) / low.value * HUNDRED, 1)} %" if low.value else "—"
    code = f"repeat.{verdict_code}.{scope}"
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


def _headline(text: str) -> str:
    """The first line of a document, shortened for a message."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= _HEADLINE else line[: _HEADLINE - 1] + "…"


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
