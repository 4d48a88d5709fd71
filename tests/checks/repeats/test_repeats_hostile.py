"""Repeats stay near-linear and never fail, whatever the documents."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.checks.repeats import find_repeats, find_repeats_in_article
from desktop.claims.context import annotate
from desktop.claims.detector import detect

HOSTILE = {
    "a table in one line": "、".join(f"{i}人" for i in range(1, 11000)) + "，共100人",
    "one figure stated 3,000 times": "\n".join("全市新增就业2.53万人。" for _ in range(3000)),
    "3,000 values of one metric": "\n".join(f"全市新增就业{i}人。" for i in range(1000, 4000)),
    "3,000 like sentences": "\n".join(
        f"第{i}个区：截至6月底，已有{i * 7}人享受高龄津贴。" for i in range(1, 3000)
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_thousands_of_figures_are_compared_in_near_linear_time(name: str) -> None:
    text = HOSTILE[name]
    claims = detect(text)
    start = time.perf_counter()
    found = find_repeats_in_article(text, claims)
    assert time.perf_counter() - start < 10.0
    assert len(found) < 40 * len(claims)  # never every pair of a group


def test_the_same_page_in_many_files_is_linked_to_the_first_file_only() -> None:
    text = "全市城镇新增就业2.53万人\n今年上半年，全市城镇新增就业2.53万人，完成全年目标任务的58.6%。"
    claims = annotate(text, detect(text))
    found = find_repeats([(f"{n}.txt", text, claims) for n in range(200)])
    # Each copy: its body repeats its headline, its headline and body repeat the first file's headline,
    # its 58.6% the first file's.
    assert [len(here) for here in found] == [1] + [4] * 199
    assert {o.document for here in found[1:] for f in here for o in f.operands} == {"", "0.txt"}


_PIECES = st.sampled_from(
    [
        "全市",
        "新增",
        "就业",
        "2.53万人",
        "2.35万人",
        "8325人",
        "上半年",
        "去年",
        "其中",
        "累计",
        "，",
        "。",
        "\n",
    ]
    + ["约", "近", "突破", "3200亿元", "3215.6亿元", "%", "61.25", "个百分点", "第一", "前三名", "1,286家"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=30), min_size=1, max_size=4))
def test_any_documents_give_findings_with_spans_inside_them(documents: list[list[str]]) -> None:
    texts = ["".join(pieces) for pieces in documents]
    named = [(f"{n % 2}.txt", text, annotate(text, detect(text))) for n, text in enumerate(texts)]
    found = find_repeats(named)
    assert len(found) == len(named)
    for (name, text, _), here in zip(named, found, strict=True):
        for finding in here:
            assert finding.check == "repeat" and finding.holds is not None
            assert text[finding.start : finding.end] in [o.text for o in finding.operands]
            for operand in finding.operands:
                own = (
                    next(t for n, t, _ in named if n == (operand.document or name))
                    if operand.document
                    else text
                )
                assert operand.document == "" or operand.document != name or own
                if not operand.document:
                    assert text[operand.start : operand.end] == operand.text
