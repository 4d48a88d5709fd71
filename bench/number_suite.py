"""Score FactDesk's number reading on a public suite of Chinese number expressions.

The suite is the Chinese part of the test specifications of Microsoft's
Recognizers-Text (https://github.com/microsoft/Recognizers-Text, MIT
licence): ``Specs/Number/Chinese/{NumberModel,OrdinalModel,PercentModel}.json``
and ``Specs/NumberWithUnit/Chinese/{CurrencyModel,DimensionModel,AgeModel,
TemperatureModel}.json``.  It is not copied into this repository; point the
scorer at a checkout:

    git clone --depth 1 https://github.com/microsoft/Recognizers-Text
    python -m bench.number_suite Recognizers-Text [-v]

Every expression of the suite with a resolved value is scored "under our
units" (docs/numeric-claims.md): the value is the number as written with its
magnitude applied (千分之2.4 is 2.4 ‰, not the suite's 0.24 %; 三千比特 is
3000 比特, not 3 kilobits), the unit is the word written after the number
(美元, 个百分点, 公斤; a currency word written before it stays outside, and
the 大 of 三周大 is not part of the unit).  Left out, and counted, are the
expressions the standard does not score or no paper prints as a figure:
fractions other than 百分之/千分之/万分之, 成 and 折, vague amounts (几),
scientific notation, powers and k/M/G suffixes, dozens and pairs as
multipliers (打), 半, and 两 as a unit of weight.

What FactDesk answers: for an expression with a unit or a percentage, the
claim the detector finds over it when the suite's sentence is read as an
article; where it finds none (a bare number is not a claim), the reading of
the expression by `numerals.read_quantity`, which is what an editor gets
when marking it by hand.  Bare numbers and ordinals are read that way only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from desktop.claims.numerals import DIGIT_CHARS, NumberError, read_quantity
from desktop.ingest.model import SourceText
from desktop.pipeline import process_source

MODELS = (
    ("Number", "NumberModel", False),
    ("Number", "OrdinalModel", False),
    ("Number", "PercentModel", True),
    ("NumberWithUnit", "CurrencyModel", True),
    ("NumberWithUnit", "DimensionModel", True),
    ("NumberWithUnit", "AgeModel", True),
    ("NumberWithUnit", "TemperatureModel", True),
)

# Why an expression is left out, tested in this order on its text.
_LEFT_OUT = (
    (
        "scientific notation, powers, k/M/G",
        re.compile(r"[\^eEkKＫｋMmGg](?![a-zA-Z])(?<!cm)(?<!CM)|[0-9][mM]\b"),
    ),
    # 百分之五 is a percentage; 一百分之二, 百万分之五, 五分之一 are fractions
    (
        "fraction",
        re.compile(
            r"(?:^|[^〇零一二三四五六七八九十百千万萬亿億两兩壹贰貳叁參肆伍陆陸柒捌玖拾佰仟0-9０-９])[百千万萬佰仟]分之|又|[0-9０-９]\s*[/／]\s*[0-9０-９]"
        ),
    ),
    (
        "a decimal without its leading zero (GB/T 15835, rule 11)",
        re.compile(r"(?<![0-9０-９])[.．][0-9０-９]"),
    ),
    ("成 or 折", re.compile(r"[成折]")),
    ("vague (几)", re.compile(r"[几幾]")),
    ("dozens and pairs as multipliers", re.compile(r"[打]")),
    ("半", re.compile(r"半")),
    ("两 as a unit of weight", re.compile(r"[一二三四五六七八九十百千万0-9]两$")),
)
_NUMERAL = frozenset(DIGIT_CHARS + "，点點余餘多来來负負-−－")
_CURRENCY_BEFORE = re.compile(r"^(?:人民币|人民幣|港幣|港币|\$|＄|￥|¥|华氏温度|華氏溫度|摄氏温度)\s*")
# The suite's unit names that carry an SI prefix, which the text writes as 千 or 兆 before the unit.
_PREFIX_OF_UNIT = {"Kilo": "千", "Mega": "兆"}
_FRACTION_WORDS = (
    ("百分之", "%", 0),
    ("佰分之", "%", 0),
    ("千分之", "‰", 1),
    ("仟分之", "‰", 1),
    ("万分之", "‱", 2),
    ("萬分之", "‱", 2),
)


@dataclass(frozen=True)
class Item:
    model: str
    sentence: str
    start: int
    end: int
    value: Decimal
    unit: str

    @property
    def text(self) -> str:
        return self.sentence[self.start : self.end]


def _left_out(why: str, pattern: re.Pattern[str], flat: str) -> bool:
    if why == "fraction":
        # 分之 that is not the 百分之 of a percentage (百分之五, 千分之三 with no numeral before)
        return (
            "分之" in flat
            and flat.count("分之") != len(re.findall(pattern, flat))
            or bool(re.search("又|[0-9０-９][/／][0-9０-９]", flat))
        )
    return bool(pattern.search(flat))


def load(root: Path) -> tuple[list[Item], Counter[str]]:
    """The suite's expressions under our units, and what was left out and why."""
    items: list[Item] = []
    left_out: Counter[str] = Counter()
    specs = root / "Specs" if (root / "Specs").is_dir() else root
    for folder, model, with_unit in MODELS:
        path = specs / folder / "Chinese" / f"{model}.json"
        for case in json.loads(path.read_text(encoding="utf-8-sig")):
            for result in case.get("Results", []):
                resolution = result.get("Resolution") or {}
                if resolution.get("value") in (None, ""):
                    continue
                start, end = int(result["Start"]), int(result["End"]) + 1
                text = case["Input"][start:end]
                flat = re.sub(r"\s", "", text)
                reason = next((why for why, pattern in _LEFT_OUT if _left_out(why, pattern, flat)), None)
                if reason is not None:
                    left_out[reason] += 1
                    continue
                item = _under_our_units(model, case["Input"], start, end, resolution, with_unit)
                if item is None:
                    left_out["value not a decimal"] += 1
                else:
                    items.append(item)
    return items, left_out


def _under_our_units(
    model: str, sentence: str, start: int, end: int, resolution: dict[str, str], with_unit: bool
) -> Item | None:
    raw = str(resolution["value"]).rstrip("%")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    text = sentence[start:end]
    # A currency word or a scale's name written before the number stays outside the span.
    prefix = _CURRENCY_BEFORE.match(text)
    if prefix:
        start += prefix.end()
        text = sentence[start:end]
    unit = ""
    if with_unit:
        unit_name = str(resolution.get("unit") or "")
        prefix_char = next((c for name, c in _PREFIX_OF_UNIT.items() if unit_name.startswith(name)), "")
        unit, scale = _written_unit(text, prefix_char)
        value = value.scaleb(scale)
        flat = re.sub(r"\s", "", text)
        for word, symbol, power in _FRACTION_WORDS:
            if flat.startswith(word):
                unit, value = symbol, value.scaleb(power)  # 千分之2.4: 2.4 ‰, the suite's 0.24 %
    # One way of writing each value (3000, not 3E+3; 2.4, not 2.40), as the parser returns them.
    value = Decimal(int(value)) if value == value.to_integral_value() else value.normalize()
    return Item(model, sentence, start, end, value, unit)


def _written_unit(text: str, prefix_char: str) -> tuple[str, int]:
    """The unit written after the number (美元, 个百分点, 个月 of 三个月大, 元 of 8亿元人民币), and a power of ten.

    `prefix_char`: 千 or 兆 when the suite's unit carries that SI prefix
    (Kilogram, Megabyte).  After Arabic digits it is the unit's (12千米 is
    12 千米); after a Chinese numeral 千 is a magnitude (三千比特 is 3000
    比特, which the suite calls 3 kilobits: the power says so); 兆 before a
    unit is always the prefix.
    """
    flat = re.sub(r"\s", "", text)
    at = 0
    while at < len(flat) and flat[at] in _NUMERAL:
        at += 1
    power = 0
    if prefix_char and at and flat[at - 1] == prefix_char:
        # (after a magnitude, 一百千瓦, the 千 cannot be a magnitude either)
        if (
            prefix_char == "兆"
            or at > 1
            and flat[at - 2] in "0123456789０１２３４５６７８９十百千万亿萬億拾佰仟"
        ):
            at -= 1
        else:
            power = 3
    unit = flat[at:]
    # 五元三毛, 两美元又三美分: the unit ends where the subunits start
    cut = next(
        (i for i, ch in enumerate(unit) if ch in "0123456789０１２３４５６７８９一二三四五六七八九又"),
        len(unit),
    )
    unit = unit[:cut]
    if unit.endswith(("人民币", "人民幣")) and len(unit) > 3:
        unit = unit[:-3]  # 8亿元人民币: 元 is the unit, 人民币 says which
    if unit.endswith("大") and len(unit) > 1:
        unit = unit[:-1]  # 三周大 (three weeks old)
    if unit[:1] in ("个", "個") and unit[1:] not in (
        "百分点",
        "百分點",
        "月",
        "小时",
        "小時",
        "星期",
        "工作日",
    ):
        unit = unit[:1]  # 20个比特币: after 个 the counted noun is not the unit
    return unit, power


@dataclass(frozen=True)
class Answer:
    value: Decimal | None
    unit: str
    how: str  # "detected", "read" or "refused"


def answer(item: Item, detected: list[tuple[int, int, Decimal, str]]) -> Answer:
    if item.model not in ("NumberModel", "OrdinalModel"):
        for start, end, value, unit in detected:
            if start < item.end and item.start < end:
                return Answer(value, unit, "detected")
    try:
        quantity = read_quantity(item.text)
    except NumberError:
        return Answer(None, "", "refused")
    return Answer(quantity.value, quantity.unit, "read")


def claims_in(sentence: str) -> list[tuple[int, int, Decimal, str]]:
    result = process_source(SourceText(Path("suite.txt"), sentence, "utf-8"))
    return [(c.source_start, c.source_end, c.value, c.unit) for _, c in result.claims()]


def same_unit(a: str, b: str) -> bool:
    return a.replace("％", "%") == b.replace("％", "%")


def same_value(got: Decimal | None, want: Decimal) -> bool:
    # The suite writes some values as floats (2.02107211321364E+23): equal to 1e-9, as the claim scorer does.
    return got is not None and abs(got - want) <= abs(want) * Decimal("1e-9")


def score(items: list[Item], verbose: bool = False) -> dict[str, int]:
    counts: Counter[str] = Counter()
    cache: dict[str, list[tuple[int, int, Decimal, str]]] = {}
    for item in items:
        if item.sentence not in cache:
            cache[item.sentence] = claims_in(item.sentence)
        got = answer(item, cache[item.sentence])
        value_ok = same_value(got.value, item.value)
        unit_ok = got.value is not None and same_unit(got.unit, item.unit)
        counts["items"] += 1
        counts["value"] += value_ok
        counts["unit"] += unit_ok
        counts["both"] += value_ok and unit_ok
        counts[got.how] += 1
        if verbose and not (value_ok and unit_ok):
            print(
                f"  {item.model:16} {item.text!r}: want {item.value} {item.unit!r}, "
                f"got {got.value} {got.unit!r} ({got.how})"
            )
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suite", type=Path, help="a checkout of Recognizers-Text (or its Specs folder)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every expression read wrong")
    args = parser.parse_args(argv)
    items, left_out = load(args.suite)
    counts = score(items, args.verbose)
    n = counts["items"]
    print(f"number suite: {n} expressions scored, {sum(left_out.values())} left out ({dict(left_out)})")
    print(
        f"number suite: value and unit {counts['both']}/{n} = {counts['both'] / n:.3f}; "
        f"value {counts['value'] / n:.3f}, unit {counts['unit'] / n:.3f} "
        f"({counts.get('detected', 0)} by the detector, {counts.get('read', 0)} read, {counts.get('refused', 0)} refused)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
