"""The made-up pages of tests/data/repeats: their conflicts found, their traps left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.checks.messages import render
from desktop.checks.repeats import PlacedRepeat, repeats_of_files
from desktop.pipeline import process_file

PAGES = Path(__file__).resolve().parents[2] / "data" / "repeats"


@pytest.fixture(scope="module")
def placed() -> list[PlacedRepeat]:
    files = sorted(PAGES.glob("*.txt"))
    assert len(files) == 6
    return repeats_of_files([(path.name, process_file(path)) for path in files])


def _pairs(placed: list[PlacedRepeat], holds: bool) -> set[tuple[str, ...]]:
    return {tuple(o.text for o in p.finding.operands) for p in placed if p.finding.holds is holds}


def test_the_two_conflicts_and_nothing_else_are_flagged(placed: list[PlacedRepeat]) -> None:
    flagged = [
        (p.file[0], tuple(o.text for o in p.finding.operands)) for p in placed if p.finding.holds is False
    ]
    # Each conflict is flagged on both of its figures, and against every
    # statement of the other value: the headline's 2.35万人 against the body's
    # 2.53万人 and against the second article's.
    assert sorted(flagged) == [
        ("a", ("2.35万人", "2.53万人")),
        ("a", ("2.35万人", "2.53万人")),
        ("a", ("2.35万人", "2.53万人")),
        ("a", ("2.35万人", "2.53万人")),
        ("b", ("3215.6亿元", "3251.6亿元")),
        ("c", ("3215.6亿元", "3251.6亿元")),
    ]


def test_a_conflict_gives_the_other_figure_its_file_and_the_difference(placed: list[PlacedRepeat]) -> None:
    on_c = next(p for p in placed if p.file.startswith("c") and p.finding.holds is False)
    assert render(on_c.finding.message) == (
        "同一指标在 b_linhe_2024-01-20.txt《2023年全市地区生产总值突破3200亿元》中写作 3215.6亿元，"
        "此处为 3251.6亿元：3251.6亿元 − 3215.6亿元 = 36亿元（相差 1.1 %）✗"
    )
    assert "3251.6亿元 − 3215.6亿元 = 36亿元 (1.1 % apart)" in render(on_c.finding.message, "en")
    assert on_c.finding.computed == "3600000000"
    first, second = on_c.finding.operands
    assert (first.role, first.document, second.document) == ("first", "b_linhe_2024-01-20.txt", "")
    assert on_c.operand_files == ("b_linhe_2024-01-20.txt", "")


def test_operand_spans_index_their_own_files(placed: list[PlacedRepeat]) -> None:
    for p in placed:
        for operand, file, (start, end) in zip(
            p.finding.operands, p.operand_files, p.operand_spans, strict=True
        ):
            text = (PAGES / (file or p.file)).read_text(encoding="utf-8")
            assert text[start:end] == operand.text
        start, end = p.source_span
        assert (PAGES / p.file).read_text(encoding="utf-8")[start:end] in [o.text for o in p.finding.operands]


def test_traditional_and_simplified_figures_are_one_figure(placed: list[PlacedRepeat]) -> None:
    same = _pairs(placed, True)
    assert ("1,286家", "1286家") in same
    assert ("38652元", "38,652元") in same
    assert ("約12.9萬人", "128650人") in same  # within the rounding of 12.9萬


def test_headline_and_body_that_agree_are_linked(placed: list[PlacedRepeat]) -> None:
    same = _pairs(placed, True)
    assert {
        ("1.2万个", "1.25万个"),
        ("3.2万户", "3.2万户"),
        ("3200亿元", "3215.6亿元"),
        ("126家", "126家"),
    } <= same


@pytest.mark.parametrize(
    "figure",
    [
        "2.21万人",
        "58.3万人",
        "8620人",
        "3260人",
        "2985人",
        "1740人",
        "3050.2亿元",
        "92068.7亿元",
        "1263家",
        "1102家",
    ]
    + ["3600个", "4000个", "21.6万个", "2.9万户", "1.1万户", "6%左右"],
)
def test_traps_are_neither_linked_nor_flagged(placed: list[PlacedRepeat], figure: str) -> None:
    """Another period, the province, a subset, a target, a list of like statements."""
    assert not [render(p.finding.message) for p in placed if figure in [o.text for o in p.finding.operands]]
