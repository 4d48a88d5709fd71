"""The scorer of the public suite of Chinese number expressions (bench/number_suite.py).

The suite itself (Microsoft Recognizers-Text's Chinese specs) is not in this
repository: with FACTDESK_NUMBER_SUITE pointing at a checkout, the last test
scores it and holds FactDesk to the issue's goal (0.95 value and unit).  The
other tests run the scorer on a few made-up spec entries in the suite's
format, so its reading "under our units" is checked in every run.
"""

from __future__ import annotations

import json
import os
import sys
from decimal import Decimal
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # bench/ sits beside the package and is not installed with it

from bench.number_suite import load, main, score  # noqa: E402


def write_suite(root: Path, entries: dict[str, list[dict[str, object]]]) -> Path:
    for name, cases in entries.items():
        folder = (
            "NumberWithUnit"
            if name in ("CurrencyModel", "DimensionModel", "AgeModel", "TemperatureModel")
            else "Number"
        )
        path = root / "Specs" / folder / "Chinese" / f"{name}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    for name in (
        "NumberModel",
        "OrdinalModel",
        "PercentModel",
        "CurrencyModel",
        "DimensionModel",
        "AgeModel",
        "TemperatureModel",
    ):
        folder = (
            "NumberWithUnit"
            if name in ("CurrencyModel", "DimensionModel", "AgeModel", "TemperatureModel")
            else "Number"
        )
        path = root / "Specs" / folder / "Chinese" / f"{name}.json"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("[]", encoding="utf-8")
    return root


def result(sentence: str, text: str, value: str, unit: str = "") -> dict[str, object]:
    start = sentence.index(text)
    resolution = {"value": value} | ({"unit": unit} if unit else {})
    return {"Text": text, "Start": start, "End": start + len(text) - 1, "Resolution": resolution}


def test_expressions_are_read_under_our_units(tmp_path: Path) -> None:
    root = write_suite(
        tmp_path,
        {
            "NumberModel": [
                {"Input": "两万三", "Results": [result("两万三", "两万三", "23000")]},
                {"Input": "五分之一", "Results": [result("五分之一", "五分之一", "0.2")]},
                {"Input": "二十几万", "Results": [result("二十几万", "二十几万", "200000")]},
            ],
            "PercentModel": [
                {"Input": "千分之２．４", "Results": [result("千分之２．４", "千分之２．４", "0.24%")]},
                {"Input": "增长三成", "Results": [result("增长三成", "三成", "30%")]},
                {"Input": "提高2.5个百分点", "Results": [result("提高2.5个百分点", "2.5个百分点", "2.5%")]},
            ],
            "CurrencyModel": [
                {
                    "Input": "售价人民币 50元",
                    "Results": [result("售价人民币 50元", "人民币 50元", "50", "Chinese yuan")],
                },
                {
                    "Input": "亏损8亿元人民币",
                    "Results": [result("亏损8亿元人民币", "8亿元人民币", "800000000", "Chinese yuan")],
                },
            ],
            "DimensionModel": [
                {"Input": "跑了12千米", "Results": [result("跑了12千米", "12千米", "12", "Kilometer")]},
                {"Input": "存了三千比特", "Results": [result("存了三千比特", "三千比特", "3", "Kilobit")]},
            ],
            "AgeModel": [
                {"Input": "宝宝三周大了", "Results": [result("宝宝三周大了", "三周大", "3", "Week")]}
            ],
        },
    )
    items, left_out = load(root)
    assert left_out == {"fraction": 1, "vague (几)": 1, "成 or 折": 1}
    assert {(i.text, str(i.value), i.unit) for i in items} == {
        ("两万三", "23000", ""),
        ("千分之２．４", "2.4", "‰"),  # the suite's 0.24 % is 2.4 ‰ as written
        ("2.5个百分点", "2.5", "个百分点"),
        ("50元", "50", "元"),  # the currency word before the number stays outside
        ("8亿元人民币", "800000000", "元"),
        ("12千米", "12", "千米"),  # after Arabic digits 千 is the unit's prefix
        ("三千比特", "3000", "比特"),  # after a Chinese numeral it is a magnitude
        ("三周大", "3", "周"),
    }
    counts = score(items)
    assert counts["items"] == 8
    assert counts["both"] == 8


def test_a_wrong_reading_is_counted(tmp_path: Path) -> None:
    root = write_suite(
        tmp_path, {"NumberModel": [{"Input": "一千五", "Results": [result("一千五", "一千五", "1005")]}]}
    )
    items, _ = load(root)
    assert score(items) == {"items": 1, "value": 0, "unit": 1, "both": 0, "read": 1}
    assert items[0].value == Decimal(1005)


@pytest.mark.skipif(
    not os.environ.get("FACTDESK_NUMBER_SUITE"), reason="FACTDESK_NUMBER_SUITE names no checkout of the suite"
)
def test_the_public_suite_is_read_right(capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(os.environ["FACTDESK_NUMBER_SUITE"])
    items, _ = load(root)
    counts = score(items)
    assert counts["both"] / counts["items"] >= 0.95, counts
    assert main([str(root)]) == 0
    assert "value and unit" in capsys.readouterr().out
