"""Sums: parts and the total the text says they make (checks.relations.sum)."""

from __future__ import annotations

from check_helpers import findings, one, operand_texts

from desktop.checks.messages import render


def test_a_within_list_closed_by_other_holds() -> None:
    f = one("今年以来新增志愿者8325人，其中应急救护志愿者7530人、其他登记的志愿者795人。", "sum")
    assert f.holds is True
    assert operand_texts(f) == ["8325人", "7530人", "795人"]
    assert [o.role for o in f.operands] == ["total", "part", "part"]
    assert render(f.message) == "7530 + 795 = 8325 ✓"
    assert render(f.message, "en") == "7530 + 795 = 8325 ✓"


def test_a_closed_list_that_does_not_add_up_fails() -> None:
    f = one("今年以来新增志愿者8325人，其中应急救护志愿者7530人、其他登记的志愿者759人。", "sum")
    assert f.holds is False
    assert render(f.message) == "7530 + 759 = 8289，文中 8325 ✗"


def test_a_subset_that_falls_short_is_no_finding() -> None:
    # 其中 lists are often subsets: 党员 and 女性 need not add up to the whole.
    assert not findings("全市共有社区工作者1200人，其中党员680人、女性530人。", "sum")


def test_a_dichotomy_is_a_closed_list() -> None:
    f = one("全年进出口总值1268.4亿元。其中，出口736.2亿元，增长12.3%；进口522.2亿元，增长6.1%。", "sum")
    assert f.holds is False


def test_magnitudes_and_rounding() -> None:
    f = one("三年新增学位4.2万个，其中义务教育学位3.1万个、学前教育学位1.1万个。", "sum")
    assert f.holds is True
    assert render(f.message) == "3.1万 + 1.1万 = 4.2万 ✓"


def test_a_listing_verb_may_mix_count_units() -> None:
    f = one(
        "全市累计建成基层服务站点1752处，覆盖90处乡镇、28处社区、26家二级以上公立医院、32家非公立医院、"
        "92家基层医疗机构和1484个村卫生室。",
        "sum",
    )
    assert f.holds is True
    assert len(f.operands) == 7


def test_a_listing_that_does_not_add_up_is_no_finding() -> None:
    # 覆盖 lists where a total reaches; it need not be exhaustive.
    assert not findings("全市建成站点1752处，覆盖90处乡镇、28处社区和1484个村卫生室。", "sum")


def test_parts_then_gong_total() -> None:
    assert one("评选出一等奖45名、二等奖90名，共135名。", "sum").holds is True
    assert one("评选出一等奖45名、二等奖90名，共计125名。", "sum").holds is False


def test_named_groups_given_their_counts_in_later_paragraphs() -> None:
    text = (
        "实施“暖心就医”“放心就医”“减少就医”三大工程，聚力落实40项具体措施。\n"
        "实施“暖心就医”工程。推行“一次挂号管3天”等23项暖心服务措施。\n"
        "实施“放心就医”工程。落实九项准则等6项措施。\n"
        "实施“减少就医”工程。加强健康宣教等11项举措。"
    )
    f = one(text, "sum")
    assert f.holds is True
    assert operand_texts(f) == ["40项", "23项", "6项", "11项"]
    wrong = text.replace("11项举措", "12项举措")
    assert one(wrong, "sum").holds is False


def test_a_partition_is_reported_only_when_it_adds_up() -> None:
    text = "全市实现地区生产总值2186.7亿元，同比增长5.8%。\n分产业看，第一产业增加值162.4亿元，增长4.1%；第二产业增加值865.3亿元，增长6.9%；第三产业增加值1159.0亿元，增长5.2%。"
    assert one(text, "sum").holds is True
    assert not findings(text.replace("1159.0", "1139.0"), "sum")


def test_ages_and_averages_are_not_parts() -> None:
    # Near-miss: life expectancies of men and women do not add up to the mean.
    assert not findings("國人平均壽命為80.23歲，其中男性76.94歲、女性83.74歲。", "sum")


def test_a_difference_is_not_a_part() -> None:
    assert not findings(
        "全市常住人口152万人，比上年增加3万人，其中城镇人口98万人、其他人口54万人。", "change"
    )
    f = one("全市常住人口152万人，比上年增加3万人，其中城镇人口98万人、其他人口54万人。", "sum")
    assert operand_texts(f)[0] == "152万人"


def test_higher_tiers_are_not_parts() -> None:
    # Near-miss from the gold: 45 and 5 are tiers within 139, not parts of it.
    assert not findings(
        "139个基层医疗机构全部达到国家基本标准，45个达到国家推荐标准，5个达到二级医院水平。", "sum"
    )


def test_a_breakdown_in_brackets_is_not_a_part() -> None:
    # （其中女性10人） breaks down 30人; it is not another part of 50人.
    text = "全市新增志愿者50人，其中青年志愿者30人（其中女性10人）、其他志愿者20人。"
    f = one(text, "sum")
    assert f.holds is True
    assert operand_texts(f) == ["50人", "30人", "20人"]


def test_a_gong_total_far_from_the_listed_sum_counts_more_than_the_list() -> None:
    # Two months listed, the year's total after 共: not a sum that fails.
    assert not findings("1月5起、2月7起，共发生交通事故30起。", "sum")
