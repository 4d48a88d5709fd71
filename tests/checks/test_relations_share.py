"""Shares: part / whole against the stated percentage (checks.relations.share)."""

from __future__ import annotations

from check_helpers import findings, one, operand_texts

from desktop.checks.messages import render


def test_a_share_after_qizhong() -> None:
    f = one("今年全市公开招聘教师1280名，其中研究生学历312名，占比24.4%。", "share")
    assert f.holds is True
    assert operand_texts(f) == ["312名", "1280名", "24.4%"]
    assert render(f.message) == "312 / 1280 = 24.38 %，文中 24.4 % ✓"
    assert one("今年全市公开招聘教师1280名，其中研究生学历312名，占比26.4%。", "share").holds is False


def test_a_share_in_zai_zhong() -> None:
    text = "在38个工业大类行业中，有27个行业增加值实现增长，增长面达71.1%。"
    assert one(text, "share").holds is True
    assert one(text.replace("71.1%", "72.1%"), "share").holds is False


def test_a_named_whole_is_found_by_its_name() -> None:
    text = "全市货物进出口总值达到1268.4亿元，同比增长9.6%。对“一带一路”沿线国家进出口482.9亿元，增长15.7%，占全市进出口总值的38.1%。"
    f = one(text, "share")
    assert f.holds is True
    assert operand_texts(f) == ["482.9亿元", "1268.4亿元", "38.1%"]


def test_a_whole_the_article_never_states_is_no_finding() -> None:
    text = "全市教育经费总投入达到186.4亿元，其中一般公共预算教育支出142.8亿元，占一般公共预算支出的比例为19.2%。"
    assert not findings(text, "share")


def test_a_whole_written_in_the_phrase() -> None:
    text = "村集体经济收入50万元以上的村达到86个，占全县312个行政村的27.6%。"
    assert one(text, "share").holds is True
    assert one(text.replace("27.6%", "29.6%"), "share").holds is False


def test_an_implied_whole_number() -> None:
    f = one("10项健康指标位列前三名，优秀指标24项、占比达到68.6%。", "share")
    assert f.holds is True
    assert f.reading == "implied-whole"
    assert operand_texts(f) == ["24项", "68.6%"]
    assert "35" in render(f.message)


def test_an_impossible_implied_share_is_left_alone() -> None:
    # No whole number of items gives 68.9 % of 24 (34.8 would); the share may be of something else.
    assert not findings("优秀指标24项、占比达到68.9%。", "share")


def test_a_complement_share() -> None:
    text = "住院总费用8.77亿多元，通过各项保障报销后，个人自负比例为7.41%，减轻贫困患者就医负担8.12亿元。"
    f = one(text, "share")
    assert f.holds is True
    assert f.reading == "complement"


def test_a_coverage_rate_is_not_a_share_of_the_figures_before() -> None:
    assert not findings("全市现有幼儿园612所，其中公办幼儿园389所，普惠性幼儿园覆盖率达到92.4%。", "share")


def test_the_whole_is_not_its_own_change() -> None:
    text = "今年1至5月交通事故死亡人數為1,187人，較去年同期減少96人，降幅7.5％；其中65歲以上長者死亡412人，占34.7％。"
    share = one(text, "share")
    assert operand_texts(share)[:2] == ["412人", "1,187人"]
    assert share.holds is True


def test_a_share_of_another_place_is_not_a_share_of_the_figures() -> None:
    # 占全省的: the province's total is never given; 1.86万套 is the city's.
    text = "全市新建商品住宅成交1.86万套，其中中心城区成交9870套，占全省的12.1%。"
    assert not findings(text, "share")
    assert one(text.replace("占全省的12.1%", "占全市的53.1%"), "share").holds is True
