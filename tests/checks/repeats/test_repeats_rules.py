"""Repeats and conflicts, one rule at a time, on sentences made up for each."""

from __future__ import annotations

import string

import pytest

from desktop.checks.messages import render
from desktop.checks.model import Finding
from desktop.checks.repeats import find_repeats, find_repeats_in_article
from desktop.checks.repeats.fold import fold
from desktop.checks.repeats.messages import TEMPLATES
from desktop.claims.context import annotate
from desktop.claims.detector import detect


def _claims(text: str) -> list:  # type: ignore[type-arg]
    return annotate(text, detect(text))


def _article(text: str) -> list[Finding]:
    return find_repeats_in_article(text, _claims(text))


def _texts(finding: Finding) -> tuple[str, ...]:
    return tuple(o.text for o in finding.operands)


def test_fold_gives_one_spelling() -> None:
    assert fold("醫療機構總數１２８６家") == "医疗机构总数1286家"
    assert fold("失業率３．３６％") == "失业率3.36%"


def test_yuan_wan_yuan_and_yi_yuan_are_one_family() -> None:
    found = _article("全市固定资产投资1.2亿元\n今年上半年，全市固定资产投资12000万元，同比增长6%。")
    assert [(_texts(f), f.holds, f.reading) for f in found] == [(("1.2亿元", "12000万元"), True, "same")]


def test_people_counted_as_ren_or_ming_are_one_family() -> None:
    found = _article("全市新招录社区工作者320名\n今年，全市新招录社区工作者320人，充实基层力量。")
    assert [_texts(f) for f in found] == [("320名", "320人")]


def test_percent_and_points_are_different_metrics() -> None:
    text = "城镇调查失业率下降0.3%\n今年上半年，全市城镇调查失业率下降0.3个百分点。"
    assert _article(text) == []


def test_a_small_figure_with_no_shared_words_is_not_a_repeat() -> None:
    text = "他先后3次到北京参加培训。\n全年共召开常务会议3次，研究议题56项。"
    assert _article(text) == []


def test_traditional_and_simplified_headline_and_body_agree() -> None:
    found = _article("醫療機構總數達1,286家\n2023年，全市医疗机构总数达1286家，比上年增加23家。")
    assert [(_texts(f), f.holds) for f in found] == [(("1,286家", "1286家"), True)]


def test_a_rounded_headline_agrees_with_its_body() -> None:
    found = _article("全市常住人口287万人\n2023年末，全市常住人口287.3万人，比上年末增加0.6万人。")
    assert [(_texts(f), f.holds, f.reading, f.message.code) for f in found] == [
        (("287万人", "287.3万人"), True, "rounded", "repeat.rounded.article")
    ]
    found = _article("全市常住人口约287万人\n2023年末，全市常住人口287.3万人，比上年末增加0.6万人。")
    assert [(f.holds, f.message.code) for f in found] == [(True, "repeat.approx.article")]
    assert render(found[0].message) == "本文另一处写作 约287万人，与此处 287.3万人 相符（约数）✓"


def test_a_figure_rounded_or_cut_short_agrees_and_one_off_by_more_does_not() -> None:
    for headline in ("1.3万个", "1.2万个"):  # rounded, cut
        text = f"全市5G基站总数达{headline}\n截至6月底，全市5G基站总数达到1.25万个。"
        assert [f.reading for f in _article(text)] == ["rounded"]
    found = _article("全市5G基站总数达1.4万个\n截至6月底，全市5G基站总数达到1.25万个。")
    assert [f.reading for f in found] == ["conflict", "conflict"]


def test_headline_and_body_that_disagree_are_a_conflict_on_both() -> None:
    found = _article(
        "上半年全市新增就业2.35万人\n今年上半年，全市新增就业2.53万人，完成全年目标任务的58.6%。"
    )
    assert [(_texts(f), f.holds, f.start) for f in found] == [
        (("2.35万人", "2.53万人"), False, 9),
        (("2.35万人", "2.53万人"), False, 28),
    ]
    on_body = found[1]
    assert [o.role for o in on_body.operands] == ["first", "second"]
    assert on_body.computed == "1800"
    assert render(on_body.message) == (
        "同一指标本文另一处写作 2.35万人，此处为 2.53万人：2.53万人 − 2.35万人 = 0.18万人（相差 7.7 %）✗"
    )
    assert render(on_body.message, "en") == (
        "the same figure is 2.35万人 elsewhere in this article and 2.53万人 here:"
        " 2.53万人 − 2.35万人 = 0.18万人 (7.7 % apart) ✗"
    )


def test_first_half_and_cumulative_figures_are_not_a_conflict() -> None:
    text = "上半年全市接待游客820万人次\n今年以来，全市累计接待游客1260万人次，同比增长12%。"
    assert _article(text) == []


def test_a_province_and_its_city_are_not_a_conflict() -> None:
    text = "全省城镇新增就业58.3万人\n上半年，全市城镇新增就业2.53万人。"
    assert _article(text) == []


def test_a_target_and_an_outcome_are_not_a_conflict() -> None:
    text = "今年全市计划新建5G基站4000个\n今年以来，全市新建5G基站3600个。"
    assert _article(text) == []


def test_a_list_of_like_statements_is_not_a_conflict() -> None:
    text = (
        "养老补贴惠及更多老人\n"
        "东城区：截至6月底，已有3260人享受高龄津贴。西城区：截至6月底，已有2985人享受高龄津贴。"
        "南湖区：截至6月底，已有3120人享受高龄津贴。"
    )
    assert _article(text) == []


def test_across_documents_a_conflict_needs_a_period_with_its_year() -> None:
    first = "2023年，全市地区生产总值3215.6亿元，比上年增长6.2%。"
    second = "政府工作报告显示，2023年，全市地区生产总值3251.6亿元，比上年增长6.2%。"
    found = find_repeats([("b.txt", first, _claims(first)), ("c.txt", second, _claims(second))])
    conflicts = [(f.holds, [o.document for o in f.operands]) for found_here in found for f in found_here]
    assert (False, ["", "c.txt"]) in conflicts and (False, ["b.txt", ""]) in conflicts
    on_c = next(f for f in found[1] if f.holds is False)
    assert on_c.message.code == "repeat.conflict.other"
    assert render(on_c.message).startswith(
        "同一指标在 b.txt《2023年，全市地区生产总值3215.6亿元，…》中写作 3215.6亿元"
    )

    relative = [text.replace("2023年，", "上半年，") for text in (first, second)]
    found = find_repeats(
        [(name, text, _claims(text)) for name, text in zip(("b.txt", "c.txt"), relative, strict=True)]
    )
    assert not [f for found_here in found for f in found_here if f.holds is False]


def test_articles_of_one_file_are_told_apart_from_other_files() -> None:
    first = "全市医疗机构总数1286家，比上年增加23家。"
    second = "截至年底，全市医疗机构总数1286家。"
    found = find_repeats([("page.txt", first, _claims(first)), ("page.txt", second, _claims(second))])
    assert [f.message.code for f in found[1]] == ["repeat.same.file"]
    assert render(found[1][0].message, "en") == (
        "also stated as 1286家 in another article of this file (“全市医疗机构总数1286家，比上年增加23家。”) ✓"
    )
    assert found[1][0].operands[0].document == "page.txt"


def test_both_languages_use_the_same_arguments() -> None:
    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    for code, (zh, en) in TEMPLATES.items():
        assert code.startswith("repeat.")
        assert fields(zh) == fields(en), code


def test_two_body_paragraphs_conflict_only_when_nearly_the_same_sentence() -> None:
    top = "国庆假期文旅市场火热\n记者 王明\n10月8日，记者从市文旅局获悉，国庆假期全市文旅市场持续升温。\n"
    restated = (
        top + "据统计，国庆假期全市共接待游客1260万人次，实现旅游收入86.5亿元。\n各地还推出夜游项目。\n"
        "据统计，国庆假期全市共接待游客1206万人次，实现旅游收入86.5亿元。"
    )
    assert [(_texts(f), f.holds) for f in _article(restated) if f.holds is False] == [
        (("1260万人次", "1206万人次"), False),
        (("1260万人次", "1206万人次"), False),
    ]
    two_defendants = (
        top
        + "法院以危险驾驶罪判处李某某拘役四个月，缓刑六个月，并处罚金人民币八千元。\n同日，该院还审理了一起盗窃案。\n"
        "法院以盗窃罪判处王某某有期徒刑三年，缓刑六个月，并处罚金人民币一万二千元，责令其退赔被害人全部经济损失。"
    )
    assert [f for f in _article(two_defendants) if f.holds is False] == []


def test_papers_a_few_days_apart_share_their_periods_and_papers_weeks_apart_do_not() -> None:
    first = "国庆假期全省接待游客5862.3万人次\n记者从省文旅厅获悉，国庆假期全省共接待游客5862.3万人次，实现旅游收入476.2亿元。"
    second = "国庆假期文旅消费红火\n记者从省文旅厅获悉，国庆假期全省共接待游客5826.3万人次，实现旅游收入476.2亿元。"
    same_day = [("qlwb_2024-10-08.txt", first), ("dzrb_2024-10-08.txt", second)]
    found = find_repeats([(name, text, _claims(text)) for name, text in same_day])
    flagged = [(f.holds, _texts(f)) for found_here in found for f in found_here if f.holds is False]
    # The headline's and the body's 5862.3万人次 against the other paper's 5826.3万人次, shown on both.
    assert flagged == [(False, ("5862.3万人次", "5826.3万人次"))] * 4

    # The next day's paper reports the same holiday; a paper weeks later may carry an updated figure.
    next_day = [("qlwb_2024-10-08.txt", first), ("dzrb_2024-10-09.txt", second)]
    found = find_repeats([(name, text, _claims(text)) for name, text in next_day])
    assert len([f for found_here in found for f in found_here if f.holds is False]) == 4
    weeks_later = [("qlwb_2024-10-08.txt", first), ("dzrb_2024-10-29.txt", second)]
    found = find_repeats([(name, text, _claims(text)) for name, text in weeks_later])
    assert not [f for found_here in found for f in found_here if f.holds is False]


def test_last_year_and_this_year_of_one_paper_are_two_figures() -> None:
    text = "民生实事全部完成\n去年，全市承诺的12件民生实事全部完成。\n今年，全市承诺的12件民生实事将在年底前完成。"
    assert _article(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "春运首日客流平稳\n记者 李华\n春运首日，全市发送旅客12.3万人次。\n春运第二天，全市发送旅客13.1万人次。",
        "两会代表建言\n记者 李华\n代表张某建议，全市每年新增托位不少于3000个。\n代表王某建议，全市每年新增托位不少于5000个。",
        "两市人均收入比较\n记者 李华\n滨州市居民人均可支配收入38652元。\n东营市居民人均可支配收入52310元。",
        "东营港吞吐量创新高\n记者 李华\n1—6月，东营港完成货物吞吐量3260万吨，同比增长12%。\n1—5月，东营港完成货物吞吐量2680万吨。",
        "医保报销比例提高\n记者 李华\n职工医保住院报销比例提高到85%。\n居民医保住院报销比例提高到70%。",
    ],
    ids=["two-days", "two-delegates", "two-cities", "two-periods", "two-schemes"],
)
def test_statements_side_by_side_are_not_conflicts(text: str) -> None:
    assert [f for f in _article(text) if f.holds is False] == []


def test_a_headline_with_digits_swapped_is_a_conflict() -> None:
    text = "全市粮食总产量达到143.6亿斤\n记者 王明\n2023年，全市粮食总产量达到134.6亿斤，比上年增长1.2%。"
    assert [(f.holds, _texts(f)) for f in _article(text)] == [(False, ("143.6亿斤", "134.6亿斤"))] * 2


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (
            "一季度外贸进出口总值326.8亿元\n记者 王明\n一季度，全市外贸进出口总值362.8亿元，同比增长12%。",
            ("326.8亿元", "362.8亿元"),
        ),
        (
            "国庆假期接待游客1260万人次\n记者 王明\n10月8日，记者从市文旅局获悉，国庆假期全市共接待游客1260万人次。\n"
            "市文旅局表示，国庆假期全市接待游客1206万人次，同比增长15%。",
            ("1260万人次", "1206万人次"),
        ),
        (
            "我市新建5G基站3600个\n记者 王明\n上半年，全市新建5G基站3600个，累计建成1.25万个。\n"
            "上半年全市新建5G基站3060个，超额完成任务。",
            ("3600个", "3060个"),
        ),
    ],
    ids=["headline-without-place", "report-date-is-no-period", "short-name"],
)
def test_real_conflicts_are_found(text: str, figures: tuple[str, str]) -> None:
    flagged = [_texts(f) for f in _article(text) if f.holds is False]
    # On both figures; a value stated twice (headline and body) is wrong against the other value twice.
    assert flagged and set(flagged) == {figures} and len(flagged) % 2 == 0


@pytest.mark.parametrize(
    "text",
    [
        "接待游客1260万人次\n记者 王明\n国庆假期，全市共接待游客1260万人次。\n去年国庆假期，全市共接待游客1096万人次。",
        "我市签约项目86个\n记者 王明\n一季度，全市签约项目86个，总投资326亿元。\n二季度，全市签约项目92个，总投资410亿元。",
        "全市粮食总产量134.6亿斤\n记者 王明\n2023年全市粮食总产量134.6亿斤。\n2022年，全市粮食总产量133.1亿斤。",
    ],
    ids=["last-year", "next-quarter", "year-before"],
)
def test_a_headline_speaks_for_its_body_statement(text: str) -> None:
    """The headline leaves out the period; the body statement it repeats states it, and differs from the other."""
    found = _article(text)
    assert [f.holds for f in found] == [True]


def test_the_same_day_in_two_cities_is_not_a_conflict() -> None:
    """全市 in 滨州's paper and 全市 in 聊城's are two cities, told by the cities each file names."""
    first = "国庆假期，全市共接待游客1260万人次，滨州市各景区秩序良好。"
    second = "国庆假期，全市共接待游客980万人次，聊城市各景区秩序良好。"
    documents = [("bzrb_2024-10-08.txt", first), ("lcrb_2024-10-08.txt", second)]
    found = find_repeats([(name, text, _claims(text)) for name, text in documents])
    assert not [f for found_here in found for f in found_here]
    same_city = [("bzrb_2024-10-08.txt", first), ("dzrb_2024-10-08.txt", second.replace("聊城市", "滨州市"))]
    found = find_repeats([(name, text, _claims(text)) for name, text in same_city])
    assert [f.holds for found_here in found for f in found_here] == [False, False]


def test_two_provincial_papers_of_one_day_share_their_province() -> None:
    """全省 is wider than the cities each paper happens to name."""
    first = "国庆假期，全省共接待游客5862.3万人次，济南市各景区秩序良好。"
    second = "国庆假期，全省共接待游客5826.3万人次，青岛市各景区秩序良好。"
    documents = [("qlwb_2024-10-08.txt", first), ("dzrb_2024-10-08.txt", second)]
    found = find_repeats([(name, text, _claims(text)) for name, text in documents])
    assert [f.holds for found_here in found for f in found_here] == [False, False]
