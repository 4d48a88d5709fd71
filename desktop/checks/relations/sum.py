"""Sum: parts and the total the text says they make.

Parts are only added when the text marks them as parts of that total:

- 其中 after the total: 新增志愿者8325人，其中应急救护志愿者7530人、其他登记的志愿者795人;
- a listing verb after the total: 建成站点1752处，覆盖90处乡镇、28处社区…和1484个村卫生室;
- 共/合计 after the parts: 一等奖45名、二等奖90名，共135名;
- named groups, each given its count further on: 实施“暖心就医”“放心就医”…四大工程，
  落实60项措施, then one paragraph per group (“暖心就医”工程…23项);
- 分产业看 / 按…分 after the total, one part per clause.

A 其中 list is often a subset (其中党员12人、女性9人 need not add up), and
categories nest; so parts that fall short of the total are no finding at all.
A sum is flagged as failing only where the text says the list is the whole:
其他/其余 among the parts, a dichotomy (出口/进口), 共/合计, 分为, or named groups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from desktop.checks.figures import ONE, ZERO, Interval, plain
from desktop.checks.model import Finding
from desktop.checks.relations.common import judge, like, make, operand, written
from desktop.checks.text import ArticleText, Item

_WITHIN = re.compile(r"其中|当中|當中")
_REST = re.compile(r"其他|其它|其余|其餘|剩余|剩餘|另有|余下|餘下")
# Pairs of words that between them cover a whole (出口 + 进口 = 进出口).
_DICHOTOMIES = (
    ("出口", "进口"),
    ("出口", "進口"),
    ("男", "女"),
    ("城镇", "农村"),
    ("城镇", "乡村"),
    ("城市", "农村"),
    ("公办", "民办"),
    ("境内", "境外"),
    ("国内", "国外"),
    ("线上", "线下"),
    ("第一产业", "第二产业", "第三产业"),
)
# A figure that is a difference or an average is not a part.
_DELTA_BEFORE = re.compile(
    r"(?:增加|减少|減少|增长|增長|下降|提高|降低|上升|多|少|增|减|減|新增了)了?(?:约|約|近|超过|超過)?$|每[^，。；]{0,4}$"
)
_AVERAGE_IN = re.compile(r"平均|人均|户均|戶均|均值|次均|日均|生均")
# Between two items of a list: the first one's noun then a joining word
# (90处乡镇、28处社区), or a joining word then the next one's noun (一等奖45名、二等奖90名).
_LIST_JOIN = re.compile(
    r"^(?:[^，。；：,;:0-9０-９]{0,16}(?:、|和|及|与|與|以及)|(?:、|和|及|与|與|以及)[^，。；：,;:0-9０-９]{0,16})$"
)
_LIST_VERB = re.compile(
    r"^[，,]?(?P<verb>覆盖|覆蓋|包括|包含|涵盖|涵蓋|分布在|分布于|分为|分為|分别为|分別為|分别是|含|涉及)了?[^，。；：0-9]{0,6}$"
)
_EXHAUSTIVE_VERBS = frozenset({"分为", "分為", "分别为", "分別為", "分别是"})
_TOTAL_AFTER = re.compile(
    r"^[^，。；：,;:0-9]{0,10}[，,]?(?:共|共计|共計|合计|合計|总计|總計|总共|總共)(?:有|达|達|达到|为|為)?$"
)
_NAMED_GROUPS = re.compile(
    r"((?:“[^”“]{1,12}”[、和及]?){2,})(?P<n>[二三四五六七八九两兩\d])(?:大|个|個|项|項)"
)
_NAMED_GROUPS_HINT = re.compile(r"”[、和及]?[二三四五六七八九两兩\d](?:大|个|個|项|項)")
_PARTITION = re.compile(r"(?:分[^，。；：0-9]{1,6}看|按[^，。；：0-9]{1,6}分)[，,：:]")
# How far a listed sum may be from a 共 total and still be taken as its sum.
_PLAUSIBLE = (Decimal("0.5"), Decimal("1.5"))
_CN_DIGIT = {"二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def find(article: ArticleText) -> list[Finding]:
    findings: list[Finding] = []
    findings.extend(_within(article))
    findings.extend(_listed(article))
    findings.extend(_totalled(article))
    findings.extend(_named_groups(article))
    findings.extend(_partition(article))
    return findings


def _is_part(article: ArticleText, item: Item) -> bool:
    """An amount that can be added: not a difference, not an average, not an age."""
    clause = article.clause_before(item)
    return item.is_extensive and not _DELTA_BEFORE.search(clause) and not _AVERAGE_IN.search(clause)


def _same_kind(total: Item, part: Item, mixed_counts: bool) -> bool:
    if part.unit == total.unit:
        return True
    return mixed_counts and total.claim.kind == "count" and part.claim.kind == "count"


def _judge(
    article: ArticleText, total: Item, parts: Sequence[Item], exhaustive: bool, reading: str = ""
) -> Finding | None:
    if len(parts) < 2 or total in parts:
        return None
    nominal = sum((p.claim.value for p in parts), ZERO)
    spread = Interval.point(ZERO)
    for p in parts:
        spread = spread + p.figure.interval
    verdict = judge(total.figure, nominal, spread)
    if not verdict.holds and not exhaustive:
        return None
    ops = [operand(total, "total"), *(operand(p, "part") for p in parts)]
    code = "sum.holds" if verdict.holds else "sum.fails"
    return make(
        "sum",
        total,
        verdict,
        code,
        ops,
        plain(nominal).replace("−", "-"),
        reading=reading,
        parts=" + ".join(written(p) for p in parts),
        computed=like(total, nominal),
        stated=written(total),
    )


def _dichotomy(article: ArticleText, parts: Sequence[Item]) -> bool:
    names = [article.clause_before(p)[-8:] for p in parts]
    for words in _DICHOTOMIES:
        if len(words) == len(parts) and all(any(w in n for n in names) for w in words):
            return True
    return False


def _within(article: ArticleText) -> list[Finding]:
    """Total, 其中 parts (to the end of the sentence, or of the next one when 其中 opens it)."""
    findings: list[Finding] = []
    text = article.text
    for match in _WITHIN.finditer(text):
        sentence = article.sentence_of(match.start())
        if _in_brackets(text, sentence[0], match.start()):
            continue  # （其中…） breaks down one part of a list, not the sentence's total
        scope_end = sentence[1]
        # The next 其中 of the same level ends the scope; one in brackets does not.
        for following in _WITHIN.finditer(text, match.end(), scope_end):
            if not _in_brackets(text, match.end(), following.start()):
                scope_end = following.start()
                break
        candidates = [
            i
            for i in article.in_span(match.end(), scope_end)
            if _is_part(article, i) and not _in_brackets(text, match.end(), i.start)
        ]
        found = _total_before(article, match.start(), sentence)
        if found is None or not candidates:
            continue
        total, near = found
        tight = all(
            _LIST_JOIN.match(article.between(a, b)) for a, b in zip(candidates, candidates[1:], strict=False)
        )
        parts = [p for p in candidates if _same_kind(total, p, tight)]
        exhaustive = near and (
            any(_REST.search(article.clause_before(p)) for p in parts) or _dichotomy(article, parts)
        )
        finding = _judge(article, total, parts, exhaustive)
        if finding:
            findings.append(finding)
    return findings


def _in_brackets(text: str, start: int, position: int) -> bool:
    """Whether `position` is inside a bracket opened after `start`: 30人（其中女10人）."""
    opened = text.count("（", start, position) + text.count("(", start, position)
    closed = text.count("）", start, position) + text.count(")", start, position)
    return opened > closed


def _total_before(article: ArticleText, position: int, sentence: tuple[int, int]) -> tuple[Item, bool] | None:
    """The figure 其中 divides, and whether it is near.

    Near: the last amount before 其中 in its sentence, or in the sentence
    before when 其中 opens one.  Otherwise the last amount earlier in the
    paragraph (…总产量12358亿斤，增长0.3%。粮食生产再获丰收。其中玉米…), which
    is used only if the parts add up to it.
    """
    start = sentence[0]
    if position - start <= 1:
        start = article.sentence_of(max(0, start - 2))[0]
    paragraph = article.paragraph_of(position)[0]
    for begin, near in ((start, True), (paragraph, False)):
        # The last figure that is not a difference or an average (152万人，比上年增加3万人，其中…).
        before = [i for i in article.last_before(begin, position) if _is_part(article, i)]
        if before:
            return before[-1], near
    return None


def _listed(article: ArticleText) -> list[Finding]:
    """建成站点1752处，覆盖90处乡镇、28处社区、…和1484个村卫生室."""
    findings: list[Finding] = []
    items = article.items
    for k, total in enumerate(items[:-2]):
        first = items[k + 1]
        if not total.is_amount or first.sentence != total.sentence:
            continue
        verb = _LIST_VERB.match(article.between(total, first))
        if not verb:
            continue
        parts = [first]
        for nxt in items[k + 2 :]:
            if nxt.sentence != total.sentence or not _LIST_JOIN.match(article.between(parts[-1], nxt)):
                break
            parts.append(nxt)
        if not all(_same_kind(total, p, True) and _is_part(article, p) for p in parts):
            continue
        finding = _judge(article, total, parts, verb.group("verb") in _EXHAUSTIVE_VERBS)
        if finding:
            findings.append(finding)
    return findings


def _totalled(article: ArticleText) -> list[Finding]:
    """一等奖45名、二等奖90名，共135名: parts, then the total they make."""
    findings: list[Finding] = []
    items = article.items
    for k, total in enumerate(items):
        if k < 2 or not total.is_amount or not _TOTAL_AFTER.match(article.between(items[k - 1], total)):
            continue
        parts = [items[k - 1]]
        for prev in reversed(items[: k - 1]):
            if prev.sentence != total.sentence or not _LIST_JOIN.match(article.between(prev, parts[-1])):
                break
            parts.append(prev)
        parts.reverse()
        # One unit throughout: 应急发电车32台、抢修队伍146支共3200余人 is not a sum.
        if all(p.unit == total.unit and _is_part(article, p) for p in parts):
            # 1月5起、2月7起，共发生事故30起 lists some months of a larger total: a sum
            # far from the total is another count, only a near one a slip.
            near = (
                _PLAUSIBLE[0]
                <= sum((p.claim.value for p in parts), ZERO) / max(total.claim.value, ONE)
                <= _PLAUSIBLE[1]
            )
            finding = _judge(article, total, parts, exhaustive=near)
            if finding:
                findings.append(finding)
    return findings


def _named_groups(article: ArticleText) -> list[Finding]:
    """实施“暖心就医”“放心就医”“安心就医”“减少就医”四大工程，聚力落实60项具体措施,
    then a paragraph per group, each with its own count of measures."""
    findings: list[Finding] = []
    text = article.text
    if not _NAMED_GROUPS_HINT.search(text):
        return findings  # no “…”四大工程: a look for its end first, which is fast
    for match in _NAMED_GROUPS.finditer(text):
        names = re.findall(r"“([^”“]{1,12})”", match.group(1))
        count = _CN_DIGIT.get(match.group("n")) or (
            int(match.group("n")) if match.group("n").isdigit() else 0
        )
        if count != len(names) or len(set(names)) != len(names):
            continue
        sentence = article.sentence_of(match.start())
        totals = [i for i in article.in_span(match.end(), sentence[1]) if i.is_amount]
        if not totals:
            continue
        total = totals[0]
        noun = _noun_after(text, total.end)
        paragraph_end = article.paragraph_of(total.start)[1]
        parts = []
        for name in names:
            part = _group_count(article, f"“{name}”", paragraph_end, total, noun)
            if part is None:
                break
            parts.append(part)
        if len(parts) == len(names):
            finding = _judge(article, total, parts, exhaustive=True, reading="named-groups")
            if finding:
                findings.append(finding)
    return findings


def _noun_after(text: str, position: int) -> str:
    match = re.match(r"[^，。；：,;:、0-9]{0,6}", text[position:])
    return match.group() if match else ""


def _group_count(article: ArticleText, quoted: str, after: int, total: Item, noun: str) -> Item | None:
    """The one figure of the first later paragraph that names the group."""
    where = article.text.find(quoted, after)
    if where < 0:
        return None
    start, end = article.paragraph_of(where)
    found = [i for i in article.in_span(start, end) if i.unit == total.unit and i.is_amount]
    if len(found) > 1:
        # 落实九项准则等6项措施: the count of the same kind of thing as the total.
        found = [i for i in found if set(_noun_after(article.text, i.end)) & set(noun)]
    return found[-1] if len(found) == 1 or (found and len({i.start for i in found}) == 1) else None


def _partition(article: ArticleText) -> list[Finding]:
    """分产业看，第一产业增加值162.4亿元…；第二产业…；第三产业…: the parts of the total before.

    Only a sum that works is reported: the parts of a 分…看 paragraph are not
    always amounts that add (averages, rates, overlapping groups).
    """
    findings: list[Finding] = []
    for match in _PARTITION.finditer(article.text):
        sentence = article.sentence_of(match.end())
        clauses = re.split(r"[；;]", article.text[match.end() : sentence[1]])
        parts: list[Item] = []
        offset = match.end()
        for clause in clauses:
            inside = [i for i in article.in_span(offset, offset + len(clause)) if _is_part(article, i)]
            if inside:
                parts.append(inside[0])
            offset += len(clause) + 1
        before = [
            i for i in article.in_span(max(0, match.start() - 400), match.start()) if _is_part(article, i)
        ]
        if len(parts) < 2:
            continue
        # The whole is the figure of that unit the parts add up to, nearest first
        # (分业务看 may follow a per-head figure of the same unit).
        for total in reversed(before):
            if any(p.unit != total.unit for p in parts):
                continue
            finding = _judge(article, total, parts, exhaustive=False, reading="partition")
            if finding and finding.holds:
                findings.append(finding)
                break
    return findings
