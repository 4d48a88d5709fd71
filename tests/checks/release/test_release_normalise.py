"""Normalising figures for the release match: script, notation, units, precision."""

from __future__ import annotations

from decimal import Decimal

from desktop.checks.release import figures_in
from desktop.checks.release.figure import bare_figures, normal_unit, unclear_figures
from desktop.checks.release.script import TRADITIONAL_TO_SIMPLIFIED, to_simplified
from desktop.checks.release.values import ROUNDED, SAME, TRUNCATED, value_relation
from desktop.claims.detector import detect


def _figure(text: str, written: str):  # type: ignore[no-untyped-def]
    figures = figures_in(text, detect(text))
    return next(f for f in figures if f.text == written)


def test_traditional_becomes_simplified_for_comparison() -> None:
    assert to_simplified("4月批發業營業額為1兆645億元") == "4月批发业营业额为1兆645亿元"
    assert to_simplified("經季節調整後失業率") == "经季节调整后失业率"
    assert to_simplified("非國際財務報告準則") == "非国际财务报告准则"
    # Simplified text and figures pass through untouched.
    assert to_simplified("失业率3.74%") == "失业率3.74%"


def test_the_mapping_is_one_to_one_characters() -> None:
    for traditional, simplified in TRADITIONAL_TO_SIMPLIFIED.items():
        assert len(simplified) == 1 and chr(traditional) != simplified
    # A character with two Simplified forms by word is left alone, not guessed.
    assert to_simplified("乾著") == "乾著"


def test_units_fold_to_one_spelling() -> None:
    assert normal_unit("個百分點") == normal_unit("个百分点") == "个百分点"
    assert normal_unit("％") == "%"
    assert normal_unit("間次") == "间次"
    assert normal_unit("%") != normal_unit("个百分点")


def test_wan_and_digits_are_the_same_value() -> None:
    traditional = _figure("入境旅客25萬9,445間次。", "25萬9,445間次")
    digits = _figure("入境旅客259,445间次。", "259,445间次")
    assert traditional.value == digits.value == Decimal(259445)
    assert value_relation(digits, traditional) == SAME
    mixed = _figure("失業人數45萬4千人。", "45萬4千人")
    decimal_wan = _figure("失业人数45.4万人。", "45.4万人")
    assert value_relation(decimal_wan, mixed) == SAME


def test_trailing_zero_is_the_same_value() -> None:
    release = _figure("較上月上升0.10個百分點。", "0.10個百分點")
    article = _figure("较上月上升0.1个百分点。", "0.1个百分点")
    assert value_relation(article, release) == SAME


def test_rounding_and_truncation_only_from_the_more_precise_figure() -> None:
    release = _figure("工業生產減少7.93%。", "7.93%")
    assert value_relation(_figure("年减7.9%。", "7.9%"), release) == ROUNDED
    cut = _figure("各較上年增加0.88%。", "0.88%")
    assert value_relation(_figure("年增0.8%。", "0.8%"), cut) == TRUNCATED
    assert value_relation(_figure("年增0.9%。", "0.9%"), cut) == ROUNDED
    assert value_relation(_figure("年增0.7%。", "0.7%"), cut) == ""
    # The other way round is no rounding: 7.93% does not round 7.9%.
    assert value_relation(release, _figure("年减7.9%。", "7.9%")) == ""


def test_percent_is_not_percentage_points() -> None:
    points = _figure("較上月上升0.10個百分點。", "0.10個百分點")
    percent = _figure("较上月上升0.1%。", "0.1%")
    assert value_relation(percent, points) == ""


def test_magnitude_rounding_yi_against_wan_and_table_millions() -> None:
    area = _figure("播种面积16.83亿亩。", "16.83亿亩")
    exact = _figure("播种面积168329万亩。", "168329万亩")
    assert value_relation(area, exact) == ROUNDED
    table = "（人民币百万元）\n收入 192,869 167,193 15%\n"
    cells = bare_figures(table, detect(table))
    revenue = next(c for c in cells if c.text == "192,869")
    assert revenue.value == Decimal(192869000000) and revenue.unit == "元"
    assert value_relation(_figure("收入1928.7亿元。", "1928.7亿元"), revenue) == ROUNDED
    assert value_relation(
        _figure("收入1.23亿元。", "1.23亿元"), _figure("收入122,856,000元。", "122,856,000元")
    ) == (ROUNDED)


def test_per_share_header_holds_for_its_dash_rows_only() -> None:
    table = (
        "(人民币百万元,另有指明者除外)\n每股盈利(每股人民币元)\n-基本 6.952 5.762\n经营盈利 63,554 53,333\n"
    )
    cells = {c.text: c for c in bare_figures(table, detect(table))}
    assert cells["6.952"].value == Decimal("6.952") and cells["6.952"].unit == "元"
    assert cells["63,554"].value == Decimal(63554000000)


def test_bare_index_levels_but_not_years_or_codes() -> None:
    text = "2022年12月工業生產指數為129.62,股份代號00700,第2410號,2024.10.15公布,版本3.5.1。"
    found = [f.text for f in bare_figures(text, detect(text))]
    assert found == ["129.62"]


def test_an_unclear_figure_is_kept_but_never_equal() -> None:
    text = "較上年同期減少3万5000千人或7.44%。"
    unclear = unclear_figures(text, detect(text))
    assert [f.text for f in unclear] == ["3万5000千人"]
    assert unclear[0].unclear and unclear[0].unit == "人"
    same_written = _figure("減少3萬5千人。", "3萬5千人")
    assert value_relation(unclear[0], same_written) == ""


def test_precision_of_mixed_trillion_figures() -> None:
    figure = _figure("批發業營業額為1兆645億元。", "1兆645億元")
    assert figure.step == Decimal(10**8)
    assert figure.significant_digits == 5
    assert _figure("增长1.0%。", "1.0%").significant_digits == 1
    assert _figure("增长1.0%。", "1.0%").written_digits == 2


def test_a_unit_header_gives_its_unit_to_the_cells_below() -> None:
    table = "（單位：%）\n6月 3.74 3.68\n（单位：万人）\n就业 1,137.2 1,136.5\n"
    cells = {c.text: c for c in bare_figures(table, detect(table))}
    assert cells["3.74"].unit == "%" and cells["3.74"].value == Decimal("3.74")
    assert cells["1,137.2"].unit == "人" and str(cells["1,137.2"].value) == "11372000"
    assert cells["1,137.2"].note == "万人"
    assert value_relation(_figure("就业人数1137.2万人。", "1137.2万人"), cells["1,137.2"]) == SAME


def test_a_rank_is_not_a_bare_figure_of_equal_value() -> None:
    rank = _figure("属历史上第二高产年。", "第二")
    level = bare_figures("指数为2.00。", detect("指数为2.00。"))[0]
    assert rank.value == level.value and rank.unit == level.unit == ""
    assert value_relation(rank, level) == ""


def test_area_units_across_scripts_and_magnitudes() -> None:
    """8.65萬公頃 is 86.5千公顷; 7300公頃 is 7.3千公顷; a 亩 is not a 公顷."""
    release = "农作物受灾面积86.5千公顷，其中绝收面积7.3千公顷，改种2.1千亩。"
    article = "農作物受災面積8.65萬公頃，其中絕收7300公頃，改種2100公頃。"
    r = {f.text: f for f in figures_in(release, detect(release))}
    a = {f.text: f for f in figures_in(article, detect(article))}
    assert normal_unit("公頃") == normal_unit("公顷") == "公顷"
    assert value_relation(a["8.65萬公頃"], r["86.5千公顷"]) == SAME
    assert value_relation(a["7300公頃"], r["7.3千公顷"]) == SAME
    assert value_relation(a["2100公頃"], r["2.1千亩"]) == ""
