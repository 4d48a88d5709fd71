"""Change: a figure goes from one value to another and the text states by how much.

The shapes news copy uses, each read inside one sentence:

- from → to, then the change: 由890元和950元，降至434元和447元，降幅达51%和53%;
  办案数量由269件提升到2491件，罚没款由44.75万元提升至360.31万元，分别增长8.26倍、7.05倍;
- the change first, then the cases it sums up: 平均降价82%，髋关节从3.5万元下降至
  7000元左右，膝关节从3.2万元下降至5000元左右 (the mean, or the pooled, change);
- a new value, the difference and the rate: 12358亿斤，比2016年增加33亿斤，增长0.3%
  (the old value is the new one less the difference).

The stated change may be a percentage (relative change), 个百分点 (difference
of two percentages), 倍 (增长 X 倍: strict new = (1+X)·old, loose new = X·old;
both readings are tried and the one that holds is named) or an amount in the
unit of the figures.  The stated change must follow the figures directly
(“，降幅达”): a clause with a subject of its own (“，可用于…的基金增长2700万元”)
is another figure, not this change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from desktop.checks.figures import HUNDRED, ONE, ZERO, Interval, plain, round_to
from desktop.checks.model import Finding, Operand
from desktop.checks.relations.common import Verdict, in_units_of, judge, make, operand, percent, written
from desktop.checks.text import POINT_UNITS, ArticleText, Item

# Simplified and traditional forms: copy from Hong Kong, Macao and Taiwan
# writes 增長, 減少, 縮短.
_UP_WORDS = (
    "提高|提升|增长|增長|增加|上升|上涨|上漲|攀升|扩大|擴大|延长|延長|增幅|涨幅|漲幅|涨价|漲價|增|升|涨|漲"
)
_DOWN_WORDS = "下降|降低|减少|減少|下调|下調|回落|缩小|縮小|缩短|縮短|压缩|壓縮|缩减|縮減|下跌|降幅|跌幅|减幅|減幅|降价|降價|降|减|減|跌"
_VERB = rf"(?P<verb>{_UP_WORDS}|{_DOWN_WORDS})"
_UP = re.compile(rf"^(?:{_UP_WORDS})$")

_FROM_WORD = re.compile(r"[由从從]")
_VERB_ANYWHERE = re.compile(rf"{_VERB}")
# 由/从 before the first "from" figure, with at most a short qualifier
# between (由2012年的, 由集采前均价, 由每人).
_FROM = re.compile(r"(?:由|从|從)(?:\d{4}年[末底初]?的?|[^，。；：,;:0-9由从從]{0,8})$")
# What joins the members of a group: 890元和950元, 8.26倍、7.05倍.
_JOIN = re.compile(r"^(?:和|、|及|与|與|以及|,|，)$")
_JOIN_TIGHT = re.compile(r"^(?:和|、|及|与|與|以及)$")
# Between the last "from" figure and the first "to" figure: the verb and 到/至/为.
_VERB_TO = re.compile(
    rf"^的?[，,]?[^，。；：,;:0-9]{{0,8}}?{_VERB}了?(?P<to>到|至|为|為)了?(?:\d{{4}}年[末底]?的|[^，。；：,;:0-9]{{0,6}}的)?$"
)
# The most cases a change stated first may sum up (平均降价82%：髋关节…，膝关节…).
_MAX_CASES = 6
# Between the last "to" figure and the stated change.
_RATE_AFTER = re.compile(
    rf"^[，,、]?(?P<each>分别|分別|同比|均|各)?{_VERB}(?P<to>到|至|为|為)?(?:了|达|達|为|為|达到|分别为|分别达|约|近)*$"
)
# Before a change stated first: 平均降价82%.  The word for "on average,
# overall" is required: 次均住院费用下降6.8% has a subject of its own and is
# not what the next clause (平均住院日由8.9天缩短至8.1天) illustrates.
_RATE_BEFORE = re.compile(rf"(?P<mean>平均|整体|整體|总体|總體|綜合|综合){_VERB}(?:了|达|為|为|达到)?$")
# A new value, then the difference: 12358亿斤，比2016年增加33亿斤 / 44.2万人，月增8000人.
_DELTA_AFTER = re.compile(
    rf"^[，,、]?(?:(?:比|较|較|与|與)[^，。；：,;:]{{0,10}}?(?:相比)?[，,]?|同比|环比|月|年)?{_VERB}了?$"
)
# Between the difference and the rate: 、增幅 / ，增长 / 或.
_RATE_AFTER_DELTA = re.compile(rf"^[，,、]?(?:或|，)?(?:同比)?(?:{_VERB})?(?:了|达|為|为)?$")


@dataclass(frozen=True)
class Member:
    start: Item
    end: Item
    verb: str  # the verb between them (提升, 降)


@dataclass(frozen=True)
class Pair:
    members: tuple[Member, ...]
    last: int  # index (in the sentence) of the last "to" figure


def find(article: ArticleText) -> list[Finding]:
    findings: list[Finding] = []
    for sentence in article.sentences():
        if len(sentence) < 2:
            continue  # a change needs two figures at least
        words = article.text[sentence[0].sentence[0] : sentence[0].sentence[1]]
        # Most sentences state no change: a look for its words first.
        if _FROM_WORD.search(words):
            findings.extend(_in_sentence(article, sentence))
        elif len(sentence) >= 3 and _VERB_ANYWHERE.search(words):
            findings.extend(_delta_forms(article, sentence))
    return findings


def _in_sentence(article: ArticleText, items: list[Item]) -> list[Finding]:
    findings: list[Finding] = []
    pairs = _pairs(article, items)
    used: set[int] = set()
    pending: list[Pair] = []
    for pair in pairs:
        pending.append(pair)
        rates = _group(article, items, pair.last + 1, _JOIN)
        if not rates:
            continue
        gap = article.between(items[pair.last], rates[0])
        match = _RATE_AFTER.match(gap)
        if not match or not all(_can_state_change(r, pair.members[0].start) for r in rates):
            continue
        members = _assign(pending, len(rates), pair)
        if members is None:
            continue
        for member, rate in zip(members, rates, strict=True):
            verb = match.group("verb")
            to_word = match.group("to") or ""
            # The words as written, from the verb to the figure (增加了4倍, 分别增长8.26倍、7.05倍 → 增长7.05倍).
            phrase = (
                f"{gap[match.start('verb') :]}{rate.claim.text}"
                if rate is rates[0]
                else f"{verb}{rate.claim.text}"
            )
            result = _judge_member(member, rate, verb, to_word, phrase)
            if result is not None:
                findings.append(result)
                used.add(rate.index)
        pending = []
    findings.extend(_rate_first(article, items, pairs, used))
    findings.extend(_delta_forms(article, items))
    return findings


def _pairs(article: ArticleText, items: list[Item]) -> list[Pair]:
    """Every from → to pair (or group of pairs) in a sentence, in order."""
    pairs: list[Pair] = []
    i = 0
    while i < len(items):
        first = items[i]
        # 由/从 first: a group is only read where a "from" figure can start.
        if not _FROM.search(article.clause_before(first)):
            i += 1
            continue
        starts = _group(article, items, i, _JOIN_TIGHT)
        j = i + len(starts)
        if j >= len(items):
            break
        verb = _VERB_TO.match(article.between(starts[-1], items[j]))
        ends = _group(article, items, j, _JOIN_TIGHT)[: len(starts)] if verb else []
        if (
            verb
            and len(ends) == len(starts)
            and all(_comparable(a, b) for a, b in zip(starts, ends, strict=True))
        ):
            members = tuple(Member(a, b, verb.group("verb")) for a, b in zip(starts, ends, strict=True))
            pairs.append(Pair(members, _position(items, ends[-1])))
            i = j + len(ends)
        else:
            i += 1
    return pairs


def _position(items: list[Item], item: Item) -> int:
    """Where a claim is in its sentence's list (claims of a sentence are consecutive)."""
    return item.index - items[0].index


def _group(article: ArticleText, items: list[Item], start: int, join: re.Pattern[str]) -> list[Item]:
    """The figures from `start` on that a joining word ties together (890元和950元)."""
    if start >= len(items):
        return []
    group = [items[start]]
    for k in range(start + 1, len(items)):
        if not join.match(article.between(items[k - 1], items[k])):
            break
        group.append(items[k])
    return group


def _comparable(a: Item, b: Item) -> bool:
    """Two figures of one quantity at two times: same unit, both amounts or both rates."""
    if a.unit != b.unit or a.claim.value_low is not None or b.claim.value_low is not None:
        return False
    return (a.is_amount and b.is_amount) or (a.unit in ("%", "％", "‰") and b.unit == a.unit)


def _can_state_change(rate: Item, start: Item) -> bool:
    return (
        rate.unit in ("%", "％", "倍")
        or rate.unit in POINT_UNITS
        or (rate.unit == start.unit and rate.is_amount)
    )


def _assign(pending: list[Pair], count: int, pair: Pair) -> list[Member] | None:
    """Which members a list of stated changes belongs to (分别: one each, in order)."""
    if count == len(pair.members):
        return list(pair.members)
    members = [m for p in pending for m in p.members]
    return members if count == len(members) else None


def _direction(verb: str) -> int:
    return 1 if _UP.match(verb) else -1


def _judge_member(member: Member, rate: Item, verb: str, to_word: str, phrase: str) -> Finding | None:
    a, b = member.start, member.end
    if rate.unit == "倍":
        return _times(a, b, rate, verb, to_word, phrase)
    if rate.unit in POINT_UNITS:
        return _points(a, b, rate, verb, phrase)
    if rate.unit in ("%", "％"):
        return _relative(a, b, rate, verb, phrase)
    return _difference(a, b, rate, verb)


def _ops(a: Item, b: Item, rate: Item) -> list[Operand]:
    return [operand(a, "from"), operand(b, "to"), operand(rate, "rate")]


def _unit_suffix(a: Item) -> str:
    return "" if a.unit in ("%", "％", "‰") else f" {a.unit}"


def _wrong_direction(a: Item, b: Item, rate: Item, verb: str, phrase: str, computed: str) -> Finding:
    actual = "增加" if b.claim.value > a.claim.value else "减少"
    return make(
        "change",
        rate,
        Verdict(False),
        "change.wrong_direction",
        _ops(a, b, rate),
        computed,
        **{
            "from": written(a),
            "to": written(b),
            "unit": _unit_suffix(a),
            "actual": actual,
            "actual_en": "an increase" if actual == "增加" else "a decrease",
            "phrase": phrase,
        },
    )


def _relative(a: Item, b: Item, rate: Item, verb: str, phrase: str) -> Finding | None:
    if a.claim.value == ZERO:
        return None
    change = (b.claim.value / a.claim.value - ONE) * HUNDRED
    spread = _relative_spread(a.figure.interval, b.figure.interval)
    sign = _direction(verb)
    computed = f"{plain(change, 3).replace('−', '-')}%"
    if change != ZERO and (change > 0) != (sign > 0):
        return _wrong_direction(a, b, rate, verb, phrase, computed)
    verdict = judge(rate.figure, abs(change), _abs(spread))
    args = {
        "from": written(a),
        "to": written(b),
        "unit": _unit_suffix(a),
        "computed": percent(change, rate.figure.places + 1),
        "stated": percent(rate.claim.value * sign, rate.figure.places),
    }
    # A difference of two percentages written as %: the stated figure is the
    # difference exactly, and the relative change holds at best within the
    # rounding of the figures (由90%提高到95%，增长了5%).
    if (not verdict.holds or verdict.within_rounding) and a.unit in ("%", "％") and b.unit in ("%", "％"):
        points = b.claim.value - a.claim.value
        if rate.figure.agrees(abs(points)):
            return make(
                "change",
                rate,
                Verdict(False),
                "change.points_as_percent",
                _ops(a, b, rate),
                computed,
                reading="points",
                **{
                    "from": a.claim.text,
                    "to": b.claim.text,
                    "points": plain(abs(points)),
                    "relative": percent(change, 1),
                    "phrase": phrase,
                },
            )
    code = "change.holds" if verdict.holds else "change.fails"
    return make("change", rate, verdict, code, _ops(a, b, rate), computed, **args)


def _points(a: Item, b: Item, rate: Item, verb: str, phrase: str) -> Finding | None:
    if a.unit not in ("%", "％", "‰"):
        return None
    points = b.claim.value - a.claim.value
    spread = b.figure.interval - a.figure.interval
    sign = _direction(verb)
    computed = f"{plain(points).replace('−', '-')} points"
    if points != ZERO and (points > 0) != (sign > 0):
        return _wrong_direction(a, b, rate, verb, phrase, computed)
    verdict = judge(rate.figure, abs(points), _abs(spread))
    if not verdict.holds and a.claim.value != ZERO:
        relative = (b.claim.value / a.claim.value - ONE) * HUNDRED
        if rate.figure.agrees(abs(relative)):
            return make(
                "change",
                rate,
                Verdict(False),
                "change.percent_as_points",
                _ops(a, b, rate),
                computed,
                reading="relative",
                **{
                    "from": a.claim.text,
                    "to": b.claim.text,
                    "points": plain(abs(points)),
                    "relative": percent(relative, 1),
                    "phrase": phrase,
                },
            )
    code = "change.holds" if verdict.holds else "change.fails"
    args = {
        "from": a.claim.text,
        "to": b.claim.text,
        "unit": "",
        "computed": f"{plain(points * sign if sign < 0 else points)} 个百分点",
        "stated": f"{plain(rate.claim.value * sign)} 个百分点",
    }
    return make("change", rate, verdict, code, _ops(a, b, rate), computed, **args)


def _difference(a: Item, b: Item, rate: Item, verb: str) -> Finding | None:
    difference = b.claim.value - a.claim.value
    spread = b.figure.interval - a.figure.interval
    sign = _direction(verb)
    computed = plain(difference).replace("−", "-")
    if difference != ZERO and (difference > 0) != (sign > 0):
        return _wrong_direction(a, b, rate, verb, f"{verb}{rate.claim.text}", computed)
    verdict = judge(rate.figure, abs(difference), _abs(spread))
    code = "change.holds" if verdict.holds else "change.fails"
    args = {
        "from": written(a),
        "to": written(b),
        "unit": _unit_suffix(a),
        "computed": f"{'+' if difference > 0 else ''}{plain(difference)}",
        "stated": f"{'+' if sign > 0 else '−'}{plain(rate.claim.value)}",
    }
    return make("change", rate, verdict, code, _ops(a, b, rate), computed, **args)


def _times(a: Item, b: Item, rate: Item, verb: str, to_word: str, phrase: str) -> Finding | None:
    """增长 X 倍: strict new = (1 + X)·old, loose new = X·old; 增长到 X 倍: loose only."""
    if _direction(verb) < 0 or a.claim.value == ZERO:
        return None  # 倍 for a decrease is a usage error (rule 1), not a ratio to check
    ratio = b.claim.value / a.claim.value
    spread = b.figure.interval / a.figure.interval
    strict = judge(
        rate.figure, ratio - ONE, None if spread is None else Interval(spread.low - 1, spread.high - 1)
    )
    loose = judge(rate.figure, ratio, spread)
    # Which reading the figures as written support decides; the rounding of
    # coarse figures (2万 → 8万) would otherwise let both readings pass.
    if not strict.within_rounding or not loose.within_rounding:
        if strict.holds and strict.within_rounding and not loose.within_rounding and loose.holds:
            strict = Verdict(False)
        if loose.holds and loose.within_rounding and not strict.within_rounding and strict.holds:
            loose = Verdict(False)
    computed = f"{plain(ratio, 4)}; strict {plain(ratio - ONE, 4)}"
    args = {
        "from": written(a),
        "to": written(b),
        "ratio": plain(round_to(ratio, Decimal("0.01"))),
        "phrase": phrase,
    }
    if to_word:
        # 增长到/为 X 倍 says new = X·old: only the loose reading is meant.
        if loose.holds:
            return make(
                "change",
                rate,
                loose,
                "change.times.to_holds",
                _ops(a, b, rate),
                computed,
                reading="loose",
                **args,
            )
        code = "change.times.to_strict" if strict.holds else "change.times.to_fails"
        return make(
            "change",
            rate,
            Verdict(False),
            code,
            _ops(a, b, rate),
            computed,
            reading="strict" if strict.holds else "",
            **args,
            strict=plain(ratio - ONE, 2),
        )
    if strict.holds and loose.holds:
        return make(
            "change", rate, strict, "change.times.both", _ops(a, b, rate), computed, reading="both", **args
        )
    if strict.holds:
        return make(
            "change",
            rate,
            strict,
            "change.times.strict",
            _ops(a, b, rate),
            computed,
            reading="strict",
            **args,
        )
    if loose.holds:
        return make(
            "change", rate, loose, "change.times.loose", _ops(a, b, rate), computed, reading="loose", **args
        )
    return make(
        "change",
        rate,
        Verdict(False),
        "change.times.fails",
        _ops(a, b, rate),
        computed,
        **args,
        strict=plain(ratio - ONE, 2),
    )


def _relative_spread(old: Interval, new: Interval) -> Interval | None:
    ratio = new / old
    return None if ratio is None else Interval((ratio.low - ONE) * HUNDRED, (ratio.high - ONE) * HUNDRED)


def _abs(spread: Interval | None) -> Interval | None:
    if spread is None:
        return None
    if spread.low >= ZERO:
        return spread
    if spread.high <= ZERO:
        return Interval(-spread.high, -spread.low)
    return Interval(ZERO, max(-spread.low, spread.high))


def _rate_first(article: ArticleText, items: list[Item], pairs: list[Pair], used: set[int]) -> list[Finding]:
    """平均降价82%，髋关节从3.5万元下降至7000元左右，膝关节从3.2万元下降至5000元左右."""
    findings: list[Finding] = []
    for rate in items:
        if rate.index in used or rate.unit not in ("%", "％"):
            continue
        match = _RATE_BEFORE.search(article.clause_before(rate))
        if not match or _follows_amount(article, items, rate):
            continue
        after = [p for p in pairs if p.members[0].start.index > rate.index]
        members = [m for p in after for m in p.members]
        # A stated average sums up a few cases, not a table of them.
        if not members or len(members) > _MAX_CASES:
            continue
        # Another stated change in between would be the one these figures illustrate.
        figures = {x.index for m in members for x in (m.start, m.end)}
        others = [
            i
            for i in items[_position(items, rate) + 1 : after[-1].last + 1]
            if i.unit in ("%", "％") and i.index not in figures
        ]
        if others:
            continue
        verb = match.group("verb")
        if len(members) == 1:
            m = members[0]
            result = _judge_member(m, rate, verb, "", f"{verb}{rate.claim.text}")
            # A change the other way is another change, not a wrong one.
            if result is not None and result.message.code != "change.wrong_direction":
                findings.append(result)
        elif match.group("mean"):
            result = _mean(rate, members, verb)
            if result is not None:
                findings.append(result)
    return findings


def _follows_amount(article: ArticleText, items: list[Item], rate: Item) -> bool:
    """Whether the rate is the change of a figure just before it (18.6万件，同比增长41.2%)."""
    k = _position(items, rate)
    if k == 0:
        return False
    gap = article.between(items[k - 1], rate)
    return items[k - 1].is_amount and len(re.findall(r"[，,；;]", gap)) <= 1 and len(gap) <= 16


def _mean(rate: Item, members: Sequence[Member], verb: str) -> Finding | None:
    """A stated average change against its cases: the mean of the changes, or the pooled one."""
    if any(m.start.claim.value == ZERO or m.start.unit in ("%", "％") for m in members):
        return None
    sign = _direction(verb)
    changes = [(m.end.claim.value / m.start.claim.value - ONE) * HUNDRED for m in members]
    mean = sum(changes, ZERO) / len(changes)
    pooled_old = sum((m.start.claim.value for m in members), ZERO)
    pooled = (sum((m.end.claim.value for m in members), ZERO) / pooled_old - ONE) * HUNDRED
    if any((c > 0) != (sign > 0) for c in changes if c != ZERO):
        return None
    by_mean = rate.figure.agrees(abs(mean))
    by_pool = rate.figure.agrees(abs(pooled))
    reading = "both" if by_mean and by_pool else "mean" if by_mean else "pooled" if by_pool else ""
    places = rate.figure.places + 1
    details = "；".join(
        f"{written(m.start)} → {written(m.end)}：{percent(c, places)}"
        for m, c in zip(members, changes, strict=True)
    )
    computed = f"mean {plain(mean, 3)}%, pooled {plain(pooled, 3)}%".replace("−", "-")
    ops = [operand(x, role) for m in members for x, role in ((m.start, "from"), (m.end, "to"))]
    ops.append(operand(rate, "rate"))
    shown = mean if by_mean or not by_pool else pooled
    verdict = Verdict(bool(reading))
    code = "change.mean.holds" if reading else "change.mean.fails"
    return make(
        "change",
        rate,
        verdict,
        code,
        ops,
        computed,
        reading=reading,
        details=details,
        computed=percent(shown, places),
        stated=percent(rate.claim.value * sign, rate.figure.places),
    )


def _delta_forms(article: ArticleText, items: list[Item]) -> list[Finding]:
    """12358亿斤，比2016年增加33亿斤，增长0.3%: the old value is 12358 − 33."""
    findings: list[Finding] = []
    for k in range(len(items) - 2):
        new, delta, rate = items[k], items[k + 1], items[k + 2]
        if not (new.is_amount and delta.is_amount and delta.unit == new.unit and rate.unit in ("%", "％")):
            continue
        first = _DELTA_AFTER.match(article.between(new, delta))
        second = _RATE_AFTER_DELTA.match(article.between(delta, rate))
        if not first or not second:
            continue
        sign = _direction(first.group("verb"))
        if second.group("verb") and _direction(second.group("verb")) != sign:
            continue
        old = new.claim.value - sign * delta.claim.value
        if old <= ZERO:
            continue
        old_spread = new.figure.interval - delta.figure.interval.scale(Decimal(sign))
        change = delta.claim.value / old * HUNDRED
        spread = delta.figure.interval / old_spread
        verdict = judge(rate.figure, change, None if spread is None else spread.scale(HUNDRED))
        code = "change.delta.holds" if verdict.holds else "change.delta.fails"
        findings.append(
            make(
                "change",
                rate,
                verdict,
                code,
                [operand(new, "to"), operand(delta, "rate"), operand(rate, "rate")],
                f"{plain(change * sign, 3).replace('−', '-')}%",
                reading="difference",
                **{
                    "to": written(new),
                    "sign": "−" if sign > 0 else "+",
                    "delta": written(delta),
                    "from": in_units_of(new, old),
                    "computed": percent(change * sign, rate.figure.places + 1),
                    "stated": percent(rate.claim.value * sign, rate.figure.places),
                },
            )
        )
    return findings
