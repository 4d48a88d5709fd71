"""Changes: from → to, and the change the text states (checks.relations.change, accrual)."""

from __future__ import annotations

from check_helpers import findings, one, operand_texts

from desktop.checks.messages import render


def test_a_percentage_drop_rounded_to_its_precision() -> None:
    f = one("冠脉导引导管均价由集采前的890元，降至434元，降幅达51%。", "change")
    assert f.holds is True
    assert [o.role for o in f.operands] == ["from", "to", "rate"]
    assert render(f.message) == "890 → 434 元 是 −51.2 %，文中 −51 % ✓"
    assert f.computed == "-51.236%"


def test_pairs_joined_by_he_are_matched_in_order() -> None:
    text = "由集采前均价890元和950元，降至434元和447元，降幅达51%和53%。"
    found = findings(text, "change")
    assert [operand_texts(f) for f in found] == [["890元", "434元", "51%"], ["950元", "447元", "53%"]]
    assert all(f.holds for f in found)


def test_a_wrong_percentage_fails() -> None:
    f = one("由集采前均价890元，降至434元，降幅达57%。", "change")
    assert f.holds is False
    assert "✗" in render(f.message)


def test_the_wrong_direction_fails() -> None:
    f = one("平均价格由890元提高到434元，增长51%。", "change")
    assert f.holds is False
    assert f.message.code == "change.wrong_direction"


def test_bei_strict_reading_and_fenbie() -> None:
    text = "办案数量由2012年的269件提升到2021年的2491件，罚没款由44.75万元提升至360.31万元，分别增长8.26倍、7.05倍。"
    found = findings(text, "change")
    assert [f.reading for f in found] == ["strict", "strict"]
    assert all(f.holds for f in found)
    assert render(found[0].message) == "269 → 2491 是 9.26 倍；“增长8.26倍”仅按严格读法成立"


def test_bei_loose_reading_is_named() -> None:
    f = one("罚没款由44.75万元提升至360.31万元，增长8.05倍。", "change")
    assert f.holds is True
    assert f.reading == "loose"


def test_bei_neither_reading_fails() -> None:
    f = one("罚没款由44.75万元提升至360.31万元，增长6倍。", "change")
    assert f.holds is False
    assert f.message.code == "change.times.fails"


def test_points_between_two_percentages() -> None:
    assert one("个人卫生支出占比由30.62%降至25.86%，下降4.76个百分点。", "change").holds is True
    assert one("个人卫生支出占比由30.62%降至25.86%，下降4.86个百分点。", "change").holds is False


def test_points_written_as_percent() -> None:
    f = one("优良率从60%降至48%，下降了12%。", "change")
    assert f.holds is False
    assert f.message.code == "change.points_as_percent"
    assert f.reading == "points"


def test_an_absolute_difference() -> None:
    assert one("年度限额由1500元提高到3000元，提高了1500元。", "change").holds is True


def test_a_change_with_a_subject_of_its_own_is_not_linked() -> None:
    # Near-miss from the gold: 2700万元 is the growth of a fund, not of the per-head standard.
    text = "居民大病保险年筹资标准由每人81元提高到90元，可用于居民大病住院报销的基金增长2700万元。"
    assert not findings(text, "change")


def test_an_average_change_stated_first() -> None:
    text = "人工关节集采政策平均降价82%，髋关节平均价格从3.5万元下降至7000元左右，膝关节从3.2万元下降至5000元左右。"
    f = one(text, "change")
    assert f.holds is True
    assert len(f.operands) == 5
    assert f.reading in ("mean", "pooled", "both")


def test_a_rate_of_another_figure_is_not_stated_first() -> None:
    # 次均住院费用下降6.8% has its own subject; the next clause is another change.
    assert not findings("次均住院费用下降6.8%，平均住院日由8.9天缩短至8.1天。", "change")
    assert not findings("受理证件申请18.6万件，同比增长41.2%，办证时限由7个工作日压缩至5个工作日。", "change")


def test_new_value_difference_and_rate() -> None:
    f = one("2017年全国粮食总产量12358亿斤，比2016年增加33亿斤，增长0.3%。", "change")
    assert f.holds is True
    assert f.reading == "difference"
    assert one("2017年全国粮食总产量12358亿斤，比2016年增加33亿斤，增长0.5%。", "change").holds is False
    assert one("其中玉米4318亿斤、减少73亿斤，下降1.7%。", "change").holds is True


def test_rounded_figures_hold_within_their_rounding() -> None:
    # 44.2万 and 8000 are roundings: 8000 / 434000 is 1.84 %, but the figures allow 1.87 %.
    f = one("6月失业人数为44.2万人，月增8000人、增幅1.87%。", "change")
    assert f.holds is True
    assert "舍入" in render(f.message)


def test_a_tally_in_quotes() -> None:
    text = "在2021年实现7项跨省通办事项、16项省内通办事项异地通办的基础上，今年又实现“生育保险待遇核定与支付”业务的跨省通办，达到“8+16”。"
    f = one(text, "change")
    assert f.holds is True
    assert operand_texts(f) == ["7项", "16项", "8+16"]
    assert f.operands[-1].claim_id == ""
    assert one(text.replace("8+16", "9+16"), "change").holds is False


def test_a_base_and_an_addition() -> None:
    assert one("在去年建成35所的基础上，今年又新建12所，总数达到47所。", "change").holds is True
    assert one("在去年建成35所的基础上，今年又新建12所，总数达到49所。", "change").holds is False
