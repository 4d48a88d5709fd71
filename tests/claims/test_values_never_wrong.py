"""A claim's value is right or the claim is not there: never a wrong value.

Invisible marks inside a number (zero-width space, bidi marks, word joiner,
soft hyphen) are layout: reflow takes them out, so the pipeline reads the
whole figure and its source span still covers the file's text exactly.  Text
that reaches the detector with marks still in it has the cut number dropped.
Figures past the bounds of `desktop.claims.numerals` are not claims, and the
arithmetic on parts (48億6,000萬, ranges, 百分之…点…) is exact.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.claims.detector import detect
from desktop.claims.numerals import MAX_INTEGER_DIGITS
from desktop.ingest.model import SourceText
from desktop.ingest.reflow import LAYOUT_MARKS
from desktop.pipeline import process_source

# Joiners are content between two emoji; everywhere near a number they are marks.
MARKS = sorted(LAYOUT_MARKS)


def pipeline_claims(text: str) -> list[tuple[str, str, str, int, int]]:
    """(span, value, unit, source_start, source_end) of every claim the pipeline finds in `text`."""
    result = process_source(SourceText(Path("marks.txt"), text, "utf-8"))
    return [(c.text, str(c.value), c.unit, c.source_start, c.source_end) for _, c in result.claims()]


# --- invisible marks -----------------------------------------------------------


def test_a_zero_width_space_inside_a_figure_is_layout() -> None:
    # Was 000万元 with the value 0.
    text = "今年全市投入1\u200b000万元。"
    assert pipeline_claims(text) == [("1000万元", "10000000", "元", 6, 13)]
    assert text[6:13] == "1\u200b000万元"


def test_a_right_to_left_mark_inside_a_percentage_is_layout() -> None:
    # Was 2.5%.
    text = "同比增长1\u200f2.5%，"
    assert pipeline_claims(text) == [("12.5%", "12.5", "%", 4, 10)]
    assert text[4:10] == "1\u200f2.5%"


@pytest.mark.parametrize("mark", MARKS)
def test_every_mark_anywhere_in_a_claim_keeps_value_and_exact_offsets(mark: str) -> None:
    clean = "累计发放补贴近1,234.5万元，"
    start = clean.index("近")
    for cut in range(start + 1, clean.index("，")):
        text = clean[:cut] + mark + clean[cut:]
        (claim,) = pipeline_claims(text)
        assert claim[:3] == ("近1,234.5万元", "12345000", "元")
        assert (claim[3], claim[4]) == (start, clean.index("，") + 1)
        assert text[claim[3] : claim[4]].replace(mark, "") == "近1,234.5万元"


@pytest.mark.parametrize("mark", MARKS)
def test_the_detector_drops_a_number_a_mark_cuts_in_two(mark: str) -> None:
    # Text that did not go through reflow: no part of the cut figure is read alone.
    assert detect(f"全市投入1{mark}000万元。") == []
    assert detect(f"同比增长1{mark}2.5%，") == []
    assert detect(f"占百分之五{mark}十。") == []
    assert detect(f"共1万{mark}3780人。") == []
    # A mark next to a number but not inside one changes nothing.
    assert [(c.text, c.value) for c in detect(f"增长{mark}12.5%{mark}，")] == [("12.5%", Decimal("12.5"))]


SENTENCES = [
    "全市新增企业1250家，同比增长12.5%，",
    "累计发放补贴近1,234.5万元，惠及3.4万名群众。",
    "排名居全省第3位，高于平均6.39个百分点。",
    "共有467萬3155人，投资48億6,000萬元。",
    "发病率为10.2～15.1/10万，约70~80万人。",
    "完成任务的百分之九十五点五，历时三十五天。",
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SENTENCES), st.data())
def test_marks_anywhere_never_give_a_wrong_value(sentence: str, data: st.DataObject) -> None:
    inserted = data.draw(
        st.lists(st.tuples(st.integers(0, len(sentence)), st.sampled_from(MARKS)), min_size=1, max_size=4)
    )
    text = sentence
    for position, mark in sorted(inserted, reverse=True):
        text = text[:position] + mark + text[position:]
    right = Counter(c.value for c in detect(sentence))
    # Straight to the detector: a claim may be dropped, never misread.
    found = Counter(c.value for c in detect(text))
    assert not found - right, f"values not in the clean sentence: {found - right}"
    # Through the pipeline the marks are layout: every claim as in the clean text.
    assert [claim[:3] for claim in pipeline_claims(text)] == [
        claim[:3] for claim in pipeline_claims(sentence)
    ]


# --- bounds ------------------------------------------------------------------


def test_a_long_run_of_digits_is_no_claim() -> None:
    # Table columns or an identifier glued together by the layout: no part of
    # the run is a claim either.
    assert detect("增长" + "7" * 10_000 + "万元") == []
    assert detect("共" + "1" * (MAX_INTEGER_DIGITS + 1) + "元") == []
    assert detect("共" + "一" * 10_000 + "个") == []
    largest = "9" * MAX_INTEGER_DIGITS
    assert [(c.text, c.value) for c in detect(f"共{largest}元")] == [(largest + "元", Decimal(largest))]


def test_magnitudes_take_a_figure_past_the_bound() -> None:
    assert detect("共" + "1" * (MAX_INTEGER_DIGITS - 3) + "亿元") == []
    assert detect("共1" + "0" * 25 + "億3456萬人") == []


def test_mixed_table_figures_are_added_exactly() -> None:
    # The default 28-digit context used to round this to 1.234567890123456789012345600E+29.
    (claim,) = detect("1234567890123456789012億3456萬人")
    assert str(claim.value) == "123456789012345678901234560000"
    (claim,) = detect("48億6,000萬元")
    assert str(claim.value) == "4860000000"


def test_spoken_decimals_are_added_exactly() -> None:
    (claim,) = detect("百分之一二三四五六七八九〇一二三四五六七八九〇一二三四五六七八点五")
    assert str(claim.value) == "1234567890123456789012345678.5"


def test_a_range_takes_the_magnitude_of_its_number_not_of_its_unit() -> None:
    # 10.2～15.1/10万 used to give the lower end 102000: the 万 of /10万 was applied to it.
    (claim,) = detect("发病率为10.2～15.1/10万。")
    assert (claim.text, claim.value, claim.value_low) == ("15.1/10万", Decimal("15.1"), Decimal("10.2"))
    (claim,) = detect("约70~80万人。")
    assert (claim.value, claim.value_low) == (Decimal(800_000), Decimal(700_000))
    (claim,) = detect("每平方米10～20万元/平方米。")
    assert (claim.value, claim.value_low) == (Decimal(200_000), Decimal(100_000))


def test_a_range_whose_lower_end_is_past_the_bound_keeps_its_upper_end() -> None:
    low = "9" * (MAX_INTEGER_DIGITS - 2)
    (claim,) = detect(f"约{low}~1亿人。")
    assert (claim.text, claim.value, claim.value_low) == ("1亿人", Decimal(100_000_000), None)
