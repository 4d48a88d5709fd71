"""The checks stay linear and never fail, whatever the text.

A table glued into one sentence (11,000 figures joined by 、), thousands of
其中/占比 phrases, of changes, of per-head figures: each used to take
between 6 and 40 seconds when a check looked at every figure of the
sentence for every figure; now each takes well under a second.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.checks import check_article
from desktop.claims.detector import detect

HOSTILE = {
    "list": "、".join(f"{i}人" for i in range(1, 11000)) + "，共100人",
    "shares": "，".join(f"其中A{i}人，占比{i % 100}.5%" for i in range(1, 4000)),
    "changes": "，".join(f"由{i}元降至{i + 1}元，降幅达5%" for i in range(1, 3000)),
    "averages": "，".join(f"共{i}人发放{i * 3}万元，人均300元" for i in range(1, 3000)),
    "stated first": "平均降价82%，" + "，".join(f"从{i}元下降至{i // 2}元" for i in range(2, 3000)),
    "yields": "，".join(f"总产{i}万吨，面积{i}万亩，亩产500公斤" for i in range(1, 2000)),
    "named wholes": "，".join(f"收入{i}亿元，其中A{i}亿元，占总收入的{i % 90}%" for i in range(1, 2000)),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_sentence_of_thousands_of_figures_is_checked_in_linear_time(name: str) -> None:
    text = HOSTILE[name]
    claims = detect(text)
    start = time.perf_counter()
    check_article(text, claims)
    # Linear work is well under a second here; the quadratic versions took 6–40 s.
    assert time.perf_counter() - start < 5.0


_PIECES = st.sampled_from(
    [
        "其中",
        "共",
        "占比",
        "占全市",
        "的",
        "由",
        "从",
        "降至",
        "提高到",
        "增长",
        "下降了",
        "降幅达",
        "人均",
        "日均",
        "分别",
        "和",
        "、",
        "，",
        "。",
        "\n",
        "“",
        "”",
        "12",
        "3.5",
        "890",
        "0",
        "万",
        "亿",
        "千",
        "百",
        "元",
        "人",
        "%",
        "倍",
        "个百分点",
        "年",
        "月",
        "天",
        "亩产",
        "公斤",
        "吨",
        "亩",
        "约",
        "近",
        "逾",
        "左右",
        "余",
        "二",
        "〇",
        "O",
        "零",
        "星期",
        "几",
        "～",
        "-",
        "至",
        ".46",
        "12,345",
        "23456",
        "在",
        "基础上",
        "又",
        "达到",
        "8+16",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60))
def test_any_text_gives_findings_with_spans_inside_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    for finding in check_article(text, detect(text)):
        assert 0 <= finding.start <= finding.end <= len(text)
        for operand in finding.operands:
            assert 0 <= operand.start <= operand.end <= len(text)
            assert text[operand.start : operand.end] == operand.text or not operand.claim_id
