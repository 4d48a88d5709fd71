"""One event reported by several papers on nearby days: the rules that link their figures, each with its near-misses."""

from __future__ import annotations

from decimal import Decimal

from desktop.checks.model import Finding
from desktop.checks.repeats import find_repeats, find_repeats_in_article
from desktop.checks.repeats.conflict import digits_swapped
from desktop.checks.repeats.key import occasion, published
from desktop.claims.context import annotate
from desktop.claims.detector import detect


def _found(*documents: tuple[str, str]) -> list[Finding]:
    named = [(name, text, annotate(text, detect(text))) for name, text in documents]
    return [f for here in find_repeats(named) for f in here]


def _conflicts(*documents: tuple[str, str]) -> set[tuple[str, ...]]:
    return {tuple(o.text for o in f.operands) for f in _found(*documents) if f.holds is False}


def _across(*documents: tuple[str, str]) -> set[tuple[str, ...]]:
    """The conflicts between figures of two files."""
    return {
        tuple(o.text for o in f.operands)
        for f in _found(*documents)
        if f.holds is False and any(o.document for o in f.operands)
    }


def _repeats(*documents: tuple[str, str]) -> set[tuple[str, ...]]:
    return {tuple(o.text for o in f.operands) for f in _found(*documents) if f.holds is True}


def test_a_paper_is_dated_by_its_file_name_or_its_dateline() -> None:
    assert published("qcrb_2026-10-08_holiday.txt", "") == "20261008"
    assert published("page.txt", "青川日报 2026年10月8日 第1版\n\n国庆假期…") == "20261008"
    assert published("page.txt", "国庆假期青川接待游客486.3万人次") == ""
    # A date deep in the body is not the paper's.
    assert published("page.txt", "正文" * 80 + "2026年10月8日") == ""


def test_a_dateline_dates_papers_a_day_apart_as_one_event() -> None:
    first = "青川日报 2026年10月8日\n国庆假期，全市共接待游客5862.3万人次，实现旅游收入476.2亿元。"
    second = "青川晚报 2026年10月9日\n国庆假期，全市共接待游客5826.3万人次，实现旅游收入476.2亿元。"
    assert _conflicts(("a.txt", first), ("b.txt", second)) == {("5862.3万人次", "5826.3万人次")}
    weeks_later = second.replace("10月9日", "10月30日")
    assert _conflicts(("a.txt", first), ("b.txt", weeks_later)) == set()
    # Two days apart across a new year: this year's 今年 is not last year's.
    year_end = ("a_2026-12-31.txt", "今年，全市共接待游客5862.3万人次。")
    year_start = ("b_2027-01-02.txt", "今年，全市共接待游客5826.3万人次。")
    assert _conflicts(year_end, year_start) == set()
    assert _conflicts(year_end, ("b_2026-12-30.txt", year_start[1])) == {("5862.3万人次", "5826.3万人次")}


def test_a_holiday_is_the_period_of_a_report() -> None:
    assert occasion("国庆假期青川接待游客\n国庆黄金周期间，全市……") == "国庆"
    assert occasion("国庆假期和中秋假期") == ""  # two holidays: none is the report's
    # The holiday and the month of the same paper are two periods.
    holiday = "国庆假期，全市接待游客486.3万人次。"
    month = "9月份，全市接待游客468.3万人次。"
    assert _conflicts(("a_2026-10-08.txt", holiday), ("b_2026-10-09.txt", month)) == set()
    assert _conflicts(("a_2026-10-08.txt", holiday), ("b_2026-10-09.txt", holiday.replace("486", "468"))) == {
        ("486.3万人次", "468.3万人次")
    }


def test_a_paragraph_states_its_place_once() -> None:
    """省厅发布，国庆假期全省接待游客…；实现旅游收入318.6亿元: the revenue is the province's, not the city's."""
    city = "国庆旅游收入\n市文旅局发布，国庆假期全市实现旅游收入318.2亿元。"
    province = "国庆旅游红火\n省文旅厅发布，国庆假期全省共接待游客3862.5万人次，同比增长9.8%；实现旅游收入318.6亿元，同比增长14.3%。"
    assert _conflicts(("a_2026-10-08.txt", city), ("b_2026-10-09.txt", province)) == set()
    same_city = "国庆旅游红火\n市文旅局发布，国庆假期全市共接待游客386.5万人次，同比增长9.8%；实现旅游收入318.6亿元，同比增长14.3%。"
    assert _conflicts(("a_2026-10-08.txt", city), ("b_2026-10-09.txt", same_city)) == {
        ("318.2亿元", "318.6亿元")
    }


def test_a_place_heading_the_subject_is_where_not_what() -> None:
    text = "9月青川接待游客321.6万人次\n本报讯 9月份，全市接待游客312.6万人次，同比增长8.1%。"
    assert {f.holds for f in find_repeats_in_article(text, annotate(text, detect(text)))} == {False}
    # Another city named the same way, in another paper, is another city; the same city is the same.
    other = "9月东港接待游客312.6万人次\n本报讯 9月份，全市接待游客312.6万人次。"
    assert _across(("dg_2026-10-20.txt", other), ("qc_2026-10-20.txt", text)) == set()
    same = other.replace("东港", "青川").replace("312.6", "321.6")
    assert _across(("qc_2026-10-20.txt", text), ("qcwb_2026-10-20.txt", same)) == {
        ("312.6万人次", "321.6万人次")
    }


def test_a_paper_naming_one_city_means_it_by_its_wholecity_words() -> None:
    city_paper = "东港新闻\n前三季度，全市地区生产总值4216.8亿元，同比增长5.8%。"
    province_paper = (
        "海澄日报\n分市看，东港市地区生产总值4216.8亿元，同比增长5.8%；青川市地区生产总值2310.4亿元。"
    )
    found = _repeats(("a_2026-10-25.txt", city_paper), ("b_2026-10-27.txt", province_paper))
    assert ("4216.8亿元", "4216.8亿元") in found
    # A paper naming another city: its 全市 is that city's.
    other_city = "青川新闻 青川市统计局发布\n前三季度，全市地区生产总值4216.8亿元。"
    assert _repeats(("a_2026-10-25.txt", other_city), ("b_2026-10-27.txt", province_paper)) == set()


def test_gdp_is_spelled_out() -> None:
    text = "前三季度东港GDP增长5.8%\n本报讯 前三季度，全市地区生产总值4216.8亿元，同比增长5.8%。"
    found = find_repeats_in_article(text, annotate(text, detect(text)))
    assert [(f.holds, tuple(o.text for o in f.operands)) for f in found] == [(True, ("5.8%", "5.8%"))]
    # The same rate of another metric is not linked.
    other = "前三季度东港GDP增长5.8%\n本报讯 前三季度，全市居民人均可支配收入同比增长5.8%。"
    assert find_repeats_in_article(other, annotate(other, detect(other))) == []


def test_durations_are_weighed_like_any_figure() -> None:
    first = "线路全长38.6公里。全程运行约58分钟，高峰时段行车间隔5分钟。"
    second = "3号线今日开通。全程运行约58分钟，高峰时段行车间隔5分钟。"
    assert _repeats(("a_2026-10-28.txt", first), ("b_2026-10-29.txt", second)) == {
        ("约58分钟", "约58分钟"),
        ("5分钟", "5分钟"),
    }
    # Five minutes of another thing is another figure.
    walk = "从车站步行5分钟即可到达公园。"
    assert _repeats(("a_2026-10-28.txt", first), ("b_2026-10-29.txt", walk)) == set()


def test_the_growth_of_one_amount_is_one_metric_whatever_each_paper_calls_it() -> None:
    city = "前三季度，全市地区生产总值4216.8亿元，同比增长5.8%。"
    province = (
        "前三季度全省经济稳中向好\n分市看，东港市地区生产总值4216.8亿元，总量居全省第1位，同比增长5.6%。"
    )
    assert _conflicts(("a_2026-10-25.txt", "东港新闻\n" + city), ("b_2026-10-27.txt", province)) == {
        ("5.8%", "5.6%")
    }
    # The growth of another city's amount is another rate.
    other = "前三季度全省经济稳中向好\n分市看，青川市地区生产总值2310.4亿元，同比增长5.6%。"
    assert _conflicts(("a_2026-10-25.txt", "东港新闻\n" + city), ("b_2026-10-27.txt", other)) == set()
    # An amount too plain to name a figure (5家) names no metric for its rate.
    small = ("全市新开业商场5家，同比增长25%。", "全市新开业影院5家，同比增长20%。")
    assert _conflicts(("a_2026-10-25.txt", small[0]), ("b_2026-10-27.txt", small[1])) == set()


def test_digits_swapped_are_a_slip() -> None:
    assert digits_swapped(Decimal("486.3"), Decimal("468.3"))
    assert digits_swapped(Decimal("41.27"), Decimal("42.17")) is False  # not neighbours
    assert digits_swapped(Decimal("486.3"), Decimal("487.3")) is False
    assert digits_swapped(Decimal("486.3"), Decimal("486.3")) is False


def test_a_rate_next_to_a_mistyped_amount_still_repeats() -> None:
    """同比增长12.6% after 486.3万人次 in one paper and after 468.3万人次 in the other: one growth rate."""
    first = "国庆假期，全市共接待游客486.3万人次，同比增长12.6%。"
    second = "国庆假期，全市接待游客468.3万人次，同比增长12.6%。"
    found = _found(("a_2026-10-08.txt", first), ("b_2026-10-08.txt", second))
    assert ("12.6%", "12.6%") in {tuple(o.text for o in f.operands) for f in found if f.holds}
    # Beside amounts that are not one figure written wrong, the same rate is two rates.
    other = "国庆假期，全市接待游客318.6万人次，同比增长12.6%。"
    found = _found(("a_2026-10-08.txt", first), ("b_2026-10-08.txt", other))
    assert ("12.6%", "12.6%") not in {tuple(o.text for o in f.operands) for f in found}


def test_another_paper_may_name_the_topic_in_front() -> None:
    first = "地铁3号线一期工程将于10月29日开通初期运营。线路全长38.6公里，共设车站27座。"
    second = "3号线一期线路全长36.8公里，设车站27座。"
    assert _conflicts(("a_2026-10-28.txt", first), ("b_2026-10-29.txt", second)) == {("38.6公里", "36.8公里")}
    # A topic the other paper never names is another thing measured.
    unnamed = "地铁4号线工程将于10月29日开通。线路全长38.6公里，共设车站27座。"
    assert _conflicts(("a_2026-10-28.txt", unnamed), ("b_2026-10-29.txt", second)) == set()
    # Inside one article, a longer name is another metric (每股基本盈利, 非国际财务报告准则每股基本盈利).
    one = "3号线一期线路全长36.8公里。\n二期工程建成后，线路全长38.6公里。"
    assert [f for f in find_repeats_in_article(one, annotate(one, detect(one))) if f.holds is False] == []


def test_a_conflict_is_told_against_every_statement_of_the_other_value() -> None:
    first = "国庆假期青川接待游客486.3万人次\n国庆假期全市共接待游客486.3万人次，同比增长12.6%。"
    second = "青川晚报\n国庆假期，全市接待游客468.3万人次，同比增长12.6%。"
    found = [f for f in _found(("a_2026-10-08.txt", first), ("b_2026-10-08.txt", second)) if f.holds is False]
    # The headline and the body, each against the other paper, each shown on both figures.
    assert len(found) == 4
    assert {(o.start, o.document) for f in found for o in f.operands if o.text == "486.3万人次"} == {
        (10, ""),
        (30, ""),
        (10, "a_2026-10-08.txt"),
        (30, "a_2026-10-08.txt"),
    }


def test_a_paper_naming_no_city_or_province_is_not_sure_to_be_of_anothers() -> None:
    """A conflict needs to be sure: the 全市 of a paper that names no city may be any city's."""
    named = "临江日报\n10月份，全市规模以上工业增加值同比增长6.4%，增速比上月加快0.9个百分点。"
    unnamed = "本报讯\n10月份，全市规模以上工业增加值同比增长6.8%，增速比上月加快1.3个百分点。"
    assert _conflicts(("a_2026-11-16.txt", named), ("b_2026-11-17.txt", unnamed)) == set()
    same = unnamed.replace("本报讯", "临江晚报")
    assert _conflicts(("a_2026-11-16.txt", named), ("b_2026-11-17.txt", same)) == {
        ("6.4%", "6.8%"),
        ("0.9个百分点", "1.3个百分点"),
    }
    # 全省 likewise: a report of 海澄省 and one of a province it does not name are two provinces.
    province = "海澄省防汛指挥部通报\n据统计，全省农作物受灾面积86.5千公顷，直接经济损失42.68亿元。"
    other = "台风过境\n据统计，全省农作物受灾面积58.7千公顷，直接经济损失28.6亿元。"
    assert _conflicts(("a_2026-11-03.txt", province), ("b_2026-11-04.txt", other)) == set()
    both = other.replace("台风过境", "海澄省台风过境")
    assert ("86.5千公顷", "58.7千公顷") in _conflicts(
        ("a_2026-11-03.txt", province), ("b_2026-11-04.txt", both)
    )
