"""Averages: total / count against the stated per-head or per-day figure."""

from __future__ import annotations

from check_helpers import findings, one, operand_texts


def test_per_head() -> None:
    text = "市民政局为1.6万名临时生活困难群众发放临时救助金2480万元，人均1550元。"
    f = one(text, "average")
    assert f.holds is True
    assert [o.role for o in f.operands] == ["numerator", "denominator", "rate"]
    assert one(text.replace("人均1550元", "人均1650元"), "average").holds is False


def test_per_household() -> None:
    assert one("今年为2640户新市民发放租赁补贴1126万元，户均补贴4265元。", "average").holds is True


def test_per_day_with_a_day_count() -> None:
    text = "为期40天的春运落下帷幕，全市累计发送旅客1286.4万人次，日均32.2万人次。"
    f = one(text, "average")
    assert f.holds is True
    assert operand_texts(f) == ["1286.4万人次", "40天", "32.2万人次"]
    assert one(text.replace("32.2万", "36.2万"), "average").holds is False


def test_per_day_over_a_year_is_reported_only_when_it_works() -> None:
    f = one("全市110接警平台全年共接报警情41.3万起，日均1131起。", "average")
    assert f.holds is True
    assert f.reading == "days-of-period"
    assert f.operands[1].claim_id == ""
    assert not findings("全市110接警平台全年共接报警情41.3万起，日均1531起。", "average")


def test_per_area_yield() -> None:
    text = "全县小麦种植面积稳定在68.2万亩，比上年增加1.5万亩。全县小麦平均亩产达到512.6公斤，小麦总产34.96万吨。"
    f = one(text, "average")
    assert f.holds is True
    assert f.reading == "per-area"


def test_figures_of_different_sentences_are_not_divided() -> None:
    # Near-miss from the gold: a per-boat income and a fund and a fleet elsewhere.
    text = "今年专项捕捞渔船工作时间为20天，船均收入18.36万元。\n全市808艘渔船“一船一册”。整合资金1100万元，建成监管平台。"
    assert not findings(text, "average")


def test_a_per_head_statistic_is_not_a_total_shared_out() -> None:
    text = "全县1.26万户、3.8万名脱贫人口发放补助1.2亿元，人均可支配收入达到16420元。"
    assert not findings(text, "average")
