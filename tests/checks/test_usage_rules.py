"""The 13 usage rules on the examples of docs/number-usage.md: wrong, right, near-miss.

Each wrong example must be flagged with its rule, its span and a fix; each
right form and each correct-but-tempting example must raise no flag at all.
"""

from __future__ import annotations

import pytest
from usage_sets import usage_flags

from desktop.checks.messages import render

# (rule, text, flagged span, suggested fix)
WRONG = [
    (1, "成本降低了两倍", "两倍", "三分之二"),
    (1, "减少一倍", "一倍", "一半"),
    (2, "从50增加到200，增加了4倍", "4倍", "3倍"),
    (3, "从60%降至48%，下降了12%", "12%", "12个百分点"),
    (4, "9～16亿", "9～16亿", "9亿～16亿"),
    (4, "15～30%", "15～30%", "15%～30%"),
    (4, "3-5万元", "3-5万", "3万～5万"),
    (5, "大约300人左右", "大约300人左右", "大约300人"),
    (5, "将近400余人", "将近400余", "将近400"),
    (5, "不到30个左右", "不到30个左右", "不到30个"),
    (5, "至少有5家以上", "至少有5家以上", "至少有5家"),
    (5, "超过3万人以上", "超过3万人以上", "超过3万人"),
    (6, "20几个", "20几", "二十几"),
    (6, "3、4个月", "3、4个", "三四个"),
    (6, "三、四个月", "三、四个", "三四个"),
    (7, "二00八年", "二00八", "二〇〇八"),
    (7, "二O一二年", "二O一二", "二〇一二"),
    (8, "88年5月", "88年", "1988年"),
    (8, "’98", "’98", "1998年"),
    (8, "88年代", "88年代", "20世纪80年代"),
    (9, "3千里", "3千", "3000"),
    (9, "5百人", "5百", "500"),
    (9, "3亿4千5百万公里", "3亿4千5百万", "3.45亿"),
    (10, "二十世纪30年代", "二十世纪30年代", "20世纪30年代"),
    (11, "系数为.46", ".46", "0.46"),
    (12, "销售12,345件，库存23456件。", "23456", "23,456"),
    (13, "星期2", "星期2", "星期二"),
    (13, "5四运动", "5四运动", "五四运动"),
]

RIGHT = [
    (1, "降低了三分之二"),
    (1, "减少了50%"),
    (1, "减少了一半"),
    (2, "从50增加到200，增加了3倍"),
    (2, "从50增加到200，增加到4倍"),
    (3, "从60%降至48%，下降了12个百分点"),
    (3, "从60%降至48%，下降了20%"),
    (4, "9亿～16亿"),
    (4, "15%～30%"),
    (4, "3万～5万元"),
    (5, "约300人"),
    (5, "300人左右"),
    (5, "近400人"),
    (6, "二十几个"),
    (6, "三四个月"),
    (7, "二〇〇八年"),
    (7, "2008年"),
    (8, "1988年"),
    (9, "3000里"),
    (9, "三千里"),
    (9, "500人"),
    (9, "3.45亿公里"),
    (10, "20世纪30年代"),
    (10, "二十世纪三十年代"),
    (11, "0.46"),
    (12, "销售12,345件，库存23,456件。"),
    (13, "星期二"),
    (13, "五四运动"),
]

NEAR_MISS = [
    (1, "增长了两倍"),
    (1, "翻一番"),
    (1, "下降一半"),
    (2, "增长了两倍"),
    (3, "提高了3个百分点"),
    (3, "销量增长了12%"),
    (4, "100～150kg"),
    (4, "3～5个"),
    (5, "约300人"),
    (5, "300人左右"),
    (5, "400余人"),
    (6, "十几个"),
    (6, "三四十岁"),
    (6, "二、三产业"),
    (7, "二〇二五年"),
    (7, "三千零五十二"),
    (8, "这家老店已有88年历史"),
    (8, "八十八年"),
    (9, "50万元"),
    (9, "1.2亿人"),
    (10, "2024年第一季度"),
    (12, "2024年销售1286件，库存12,345件。"),
    (13, "十四五规划"),
    (13, "一带一路"),
]


@pytest.mark.parametrize(("rule", "text", "span", "fix"), WRONG)
def test_a_breach_is_flagged_with_its_rule_span_and_fix(rule: int, text: str, span: str, fix: str) -> None:
    flags = usage_flags(text)
    assert [(f.rule, text[f.start : f.end], f.fix) for f in flags] == [(rule, span, fix)]
    flag = flags[0]
    assert flag.check == "usage" and flag.holds is False and flag.is_flag
    # The reason is worded in both languages, and names the text and the fix.
    for language in ("zh", "en"):
        message = render(flag.message, language)
        assert span in message and fix in message, message


@pytest.mark.parametrize(("rule", "text"), RIGHT)
def test_the_right_form_is_quiet(rule: int, text: str) -> None:
    assert usage_flags(text) == [], rule


@pytest.mark.parametrize(("rule", "text"), NEAR_MISS)
def test_a_tempting_correct_form_is_quiet(rule: int, text: str) -> None:
    assert usage_flags(text) == [], rule


def test_every_rule_has_examples() -> None:
    assert {r for r, *_ in WRONG} == set(range(1, 14))
    assert {r for r, _ in RIGHT} == set(range(1, 14))


def test_a_figure_whose_value_is_unclear_gets_a_reason_and_no_fix() -> None:
    (flag,) = usage_flags("较上年同期减少3万5000千人")
    assert flag.rule == 9 and flag.fix == ""
    assert "不明确" in render(flag.message)


def test_thousand_hectares_is_a_unit() -> None:
    assert usage_flags("比2016年减少815千公顷，播种面积112220千公顷。") == []
    assert [f.fix for f in usage_flags("增加815千人")] == ["81.5万"]
