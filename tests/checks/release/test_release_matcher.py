"""One test per match label, and the traps that must not be confirmed."""

from __future__ import annotations

from release_helpers import label_of, match_texts

from desktop.checks.release.messages import render


def test_same_across_scripts_and_notation() -> None:
    release = "一、6月就業人數1,137萬2千人,較上月增加1千人或0.01%。\n二、6月失業人數44萬2千人,較上月增加8千人或1.87%。\n"
    article = "6月失业人数为44.2万人,月增8000人、增幅1.87%。\n"
    matches = match_texts(article, release)
    for text, source in (("44.2万人", "44萬2千人"), ("8000人", "8千人"), ("1.87%", "1.87%")):
        m = label_of(matches, text)
        assert m.match == "same" and m.source is not None and m.source.text == source
    assert label_of(matches, "8000人").message.code == "release.same_notation"
    assert render(label_of(matches, "8000人").message) == "与来源稿一致：来源稿写作 8千人，数值相同"


def test_rounded_and_truncated() -> None:
    release = "4.全年與上年比較:111年工業、製造業生產指數分別為132.87及135.05,各較上年增加0.88%及0.89%。\n"
    article = "2022年全年工業生產指數為132.87,年增0.8%;製造生產指數135.05,年增0.8%。\n"
    matches = match_texts(article, release)
    first, second = label_of(matches, "0.8%", 0), label_of(matches, "0.8%", 1)
    assert first.match == second.match == "rounded"
    # Respectively: the first 0.8% is 0.88%, the second 0.89%.
    assert first.source is not None and first.source.text == "0.88%"
    assert second.source is not None and second.source.text == "0.89%"
    assert first.message.code == "release.truncated"
    assert render(first.message, "en") == (
        "the release has 0.88%; 0.8% is that figure cut to 0.1% (rounding gives 0.9)"
    )


def test_rounded_from_a_results_table() -> None:
    release = (
        "(人民币百万元,另有指明者除外)\n"
        "收入 192,869 167,193 15% 184,504 5%\n"
        "本公司权益持有人应占盈利 63,133 53,230 19% 55,628 13%\n"
    )
    article = "騰訊第三季純利631.3億元，按年升19%、按季增13%。收入按年增長15%至1928.7億元。\n"
    matches = match_texts(article, release)
    profit = label_of(matches, "631.3億元")
    assert profit.match == "rounded" and profit.source is not None and profit.source.text == "63,133"
    assert render(profit.message) == "来源稿为 63,133（百万元），文中 631.3億元 是它四舍五入到 0.1億 的结果"
    assert label_of(matches, "1928.7億元").match == "rounded"
    for text in ("19%", "13%", "15%"):
        assert label_of(matches, text).match == "same", text


def test_equal_value_of_another_metric_is_absent() -> None:
    release = "一、全国粮食播种面积112220千公顷(168329万亩),比2016年减少815千公顷(1222万亩),下降0.7%。\n"
    article = "其中稻谷4171亿斤、增加30亿斤,增长0.7%。\n"
    rice = label_of(match_texts(article, release), "0.7%")
    assert rice.match == "absent" and rice.source is None
    assert rice.message.code == "release.absent_other_metric"
    assert render(rice.message) == "来源稿中的 0.7% 数值相同，但增减方向不同，不是同一指标"


def test_equal_value_of_another_period_is_absent() -> None:
    release = "綜計1至4月零售業營業額為1兆3,945億元,年增4.2%。\n"
    article = "展望5月,预估零售业营业额年增4.2%。\n"
    m = label_of(match_texts(article, release), "4.2%")
    assert m.match == "absent"
    assert "时期不同" in render(m.message)


def test_equal_value_of_a_named_subset_is_absent() -> None:
    release = "一、6月就業人數1,137萬2千人,較上月增加1千人或0.01%。\n"
    article = "6月就业人数为1137.2万人,较上月增加1千人,其中工业部门增加1千人、0.04%。\n"
    matches = match_texts(article, release)
    assert label_of(matches, "1千人", 0).match == "same"
    assert label_of(matches, "1千人", 1).match == "absent"


def test_a_common_value_with_other_words_is_absent() -> None:
    release = "(人民币百万元)\n收入 192,869 167,193 15% 184,504 5%\n"
    article = "本土市場遊戲收入428億元，按年增長15%；社交網絡收入按年增長5%至323億元。\n"
    matches = match_texts(article, release)
    assert label_of(matches, "15%").match == "absent"
    assert label_of(matches, "5%").match == "absent"


def test_a_repeated_release_value_is_chosen_by_its_period() -> None:
    release = (
        "1.與上月比較:111年12月工業生產指數129.62,較上月增加0.14%。\n"
        "3.與上季比較:111年第4季工業生產指數129.62,較上季減少5.18%。\n"
    )
    article = "2022年12月工業生產指數為129.62,年減7.9%。去年第4季工業生產指數為129.62,年減5.9%。\n"
    matches = match_texts(article, release)
    december, quarter = label_of(matches, "129.62", 0), label_of(matches, "129.62", 1)
    assert december.source is not None and quarter.source is not None
    assert december.match == quarter.match == "same"
    assert release.index("12月") < december.source.start < release.index("3.")
    assert quarter.source.start > release.index("第4季")


def test_different_when_the_article_restates_a_stretch_with_one_figure_changed() -> None:
    release = "上半年失業人數平均為43萬4千人,較上年同期減少3萬5千人或7.44%。\n"
    article = "上半年失业人数平均为43万4000人,较上年同期减少3万6000人或7.44%。\n"
    m = label_of(match_texts(article, release), "3万6000人")
    assert m.match == "different"
    assert m.source is not None and m.source.text == "3萬5千人"
    assert render(m.message, "en").startswith("the release gives the same metric")


def test_different_for_a_figure_whose_value_is_unclear() -> None:
    release = "上半年失業人數平均為43萬4千人,較上年同期減少3萬5千人或7.44%。\n"
    article = "上半年失业人数平均为43万4000人,较上年同期减少3万5000千人或7.44%。\n"
    m = label_of(match_texts(article, release), "3万5000千人")
    assert m.match == "different" and m.source is not None and m.source.text == "3萬5千人"


def test_no_different_without_a_backed_figure_before() -> None:
    release = "上半年失業人數平均為43萬4千人,較上年同期減少3萬5千人或7.44%。\n"
    article = "上半年失业人数平均为43万3000人,较上年同期减少3万6000人。\n"
    matches = match_texts(article, release)
    assert [m.match for m in matches] == ["absent", "absent"]


def test_absent_when_the_release_does_not_state_it() -> None:
    release = "7月失業率3.84%,較上月上升0.10個百分點。\n"
    article = "7月失業率3.84%,並以批發及零售業增加6千人較多。\n"
    matches = match_texts(article, release)
    assert label_of(matches, "3.84%").match == "same"
    missing = label_of(matches, "6千人")
    assert missing.match == "absent" and missing.message.code == "release.absent"
    assert render(missing.message, "en") == "the release does not state this figure"


def test_agreeing_direction_base_and_period_alone_do_not_confirm() -> None:
    release = "6月份，社会消费品零售总额38,000亿元，同比增长12%。\n"
    article = "6月份，手机销量达到500万部，同比增长12%。\n"
    m = label_of(match_texts(article, release), "12%")
    assert m.match == "absent" and m.message.code == "release.absent_unsure"


def test_a_shared_qualifier_does_not_make_the_same_metric() -> None:
    release = "(人民币百万元)\n同比变动\n非国际财务报告准则经营盈利 72,570 61,274 18%\n经营盈利 181,224 156,621 16%\n"
    article = "非國際財務報告準則純利按年增長18%。首三季經調整盈利按年升16%。\n"
    matches = match_texts(article, release)
    assert label_of(matches, "18%").match == "absent"
    assert label_of(matches, "16%").match == "absent"


def test_a_table_cell_takes_its_column_head_as_comparison() -> None:
    release = (
        "二零二五年九月三十日 同比变动 二零二五年六月三十日 环比变动\n"
        "(人民币百万元)\n"
        "收入 192,869 15% 184,504 5%\n"
    )
    yearly = label_of(match_texts("收入按年增長5%至1928.7億元。\n", release), "5%")
    assert yearly.match == "absent" and "比较基期不同" in render(yearly.message)
    sequential = label_of(match_texts("收入按季增長5%至1928.7億元。\n", release), "5%")
    assert sequential.match == "same"


def test_a_negative_figure_is_a_fall() -> None:
    release = "出口总值1,234亿元,同比-5.3%。\n"
    matches = match_texts("出口总值1,234亿元,同比下降5.3%。\n", release)
    assert label_of(matches, "5.3%").match == "same"
    rising = match_texts("出口总值1,234亿元,同比增长5.3%。\n", release)
    assert label_of(rising, "5.3%").match == "absent"


CPI_RELEASE = (
    "2024年10月份居民消费价格同比上涨0.3%\n\n"
    "2024年10月份，全国居民消费价格同比上涨0.3%。其中，城市上涨0.3%，农村上涨0.2%；食品价格上涨2.9%，"
    "非食品价格下降0.3%；消费品价格上涨0.3%，服务价格上涨0.3%。1—10月平均，全国居民消费价格比上年同期上涨0.3%。\n\n"
    "10月份，全国居民消费价格环比下降0.3%。其中，城市下降0.3%，农村下降0.3%；食品价格下降1.0%，"
    "非食品价格下降0.1%；消费品价格下降0.4%，服务价格下降0.1%。\n"
)
CPI_ARTICLE = (
    "国家统计局今日公布，10月全国居民消费价格（CPI）同比上涨0.3%，涨幅比上月回落0.1个百分点；环比下降0.3%。"
    "其中食品价格同比上涨2.9%，非食品价格下降0.3%。服务价格环比下降0.1%，猪肉价格上涨14.0%。\n"
)


def test_one_value_many_metrics_each_figure_finds_its_own() -> None:
    matches = match_texts(CPI_ARTICLE, CPI_RELEASE)
    sources = {}
    for m in matches:
        assert m.match in ("same", "absent")
        if m.source is not None:
            sources.setdefault(m.figure.text, []).append(CPI_RELEASE[m.source.start - 12 : m.source.end])
    # A gloss in brackets (（CPI）) does not hide the metric; 环比 after ； is still the CPI.
    ends = ("居民消费价格同比上涨0.3%", "居民消费价格环比下降0.3%", "非食品价格下降0.3%")
    assert len(sources["0.3%"]) == 3
    assert all(found.endswith(end) for found, end in zip(sources["0.3%"], ends, strict=True))
    assert len(sources["0.1%"]) == 1 and sources["0.1%"][0].endswith("服务价格下降0.1%")
    assert label_of(matches, "0.1个百分点").match == "absent"
    assert label_of(matches, "14.0%").match == "absent"


def test_the_earlier_periods_value_is_not_this_periods() -> None:
    release = "本期实现营业收入1,234亿元，上年同期为1,100亿元。\n"
    matches = match_texts("公司营业收入1,100亿元。\n", release)
    assert label_of(matches, "1,100亿元").match == "absent"
    stated_as_earlier = match_texts("公司营业收入1,234亿元，去年同期则为1,100亿元。\n", release)
    assert [m.match for m in stated_as_earlier] == ["same", "same"]


def test_different_for_the_change_stated_after_a_backed_figure() -> None:
    release = "报告期内，公司实现营业收入12,285.6万元，同比增长13.2%。\n"
    wrong = label_of(match_texts("公司营业收入1.23亿元，同比增长15.2%。\n", release), "15.2%")
    assert wrong.match == "different" and wrong.source is not None and wrong.source.text == "13.2%"
    assert render(wrong.message) == "来源稿同一指标（公司营业收入）为 13.2%，文中 15.2%：请核对"
    right = match_texts("公司营业收入1.23亿元，同比增长13.2%。\n", release)
    assert [m.match for m in right] == ["rounded", "same"]
    # Its own metric, or the other direction: nothing says it is the same figure.
    assert (
        label_of(match_texts("公司营业收入1.23亿元，净利润增长15.2%。\n", release), "15.2%").match == "absent"
    )
    assert (
        label_of(match_texts("公司营业收入1.23亿元，同比下降15.2%。\n", release), "15.2%").match == "absent"
    )


def test_segments_sharing_a_growth_rate_each_keep_their_own() -> None:
    release = (
        "本集团收入为人民币1,234.5亿元，同比增长15%。其中，游戏业务收入为人民币428亿元，同比增长15%；"
        "广告业务收入为人民币362亿元，同比增长21%。毛利率为45%，上年同期为43%。\n"
    )
    article = (
        "腾讯收入1234.5亿元，增长15%。游戏收入428亿元，增长15%。广告收入增长21%至362亿元。"
        "金融科技收入增长15%。毛利率45%，较去年的43%提升。国际游戏收入增长43%。\n"
    )
    matches = match_texts(article, release)
    group, games, fintech = (label_of(matches, "15%", n) for n in range(3))
    assert group.source is not None and release[group.source.start - 12 : group.source.start].endswith(
        "同比增长"
    )
    assert group.source.start < release.index("其中") < (games.source.start if games.source else 0)
    assert fintech.match == "absent"
    assert label_of(matches, "21%").match == "same"
    assert label_of(matches, "43%", 0).match == "same"  # 较去年的43%: last year's, as the release says
    assert label_of(matches, "43%", 1).match == "absent"  # 国际游戏收入增长43%


def test_same_month_last_year_is_a_yearly_comparison() -> None:
    release = "113年10月出口值為413.5億美元，較上年同月增加8.4%；進口值為353.9億美元，增加25.6%。\n"
    article = "台湾10月出口413.5亿美元，年增8.4%；进口353.9亿美元，年增25.6%。10月外销订单年增8.4%。\n"
    matches = match_texts(article, release)
    assert [m.match for m in matches] == ["same", "same", "same", "same", "absent"]


def test_quarters_and_cumulative_periods_keep_equal_rates_apart() -> None:
    release = (
        "初步核算，前三季度国内生产总值949746亿元，同比增长4.8%。分季度看，一季度国内生产总值同比增长5.3%，"
        "二季度增长4.7%，三季度增长4.6%。分产业看，前三季度第三产业增加值530651亿元，增长4.7%。\n"
    )
    article = "前三季度我国国内生产总值为949746亿元，同比增长4.8%。其中三季度增长4.6%，二季度增长4.7%。\n"
    matches = match_texts(article, release)
    assert [m.match for m in matches] == ["same"] * 4
    second = label_of(matches, "4.7%")
    assert second.source is not None and second.source.start < release.index("三季度增长")


def test_a_headline_figure_goes_to_the_title_a_body_figure_to_the_body() -> None:
    release = "6月失業率3.74%\n\n五、6月失業率3.74%。\n"
    article = "6月失业率3.74%\n\n主计总处公布6月失业率为3.74%。\n"
    headline, body = (
        label_of(match_texts(article, release), "3.74%", 0),
        label_of(match_texts(article, release), "3.74%", 1),
    )
    assert headline.source is not None and headline.source.start < release.index("五")
    assert body.source is not None and body.source.start > release.index("五")


def test_a_figure_naming_its_own_metric_needs_a_neighbour_right_beside_it() -> None:
    release = "营业收入1,234.5亿元，同比增长15%，毛利率45%。\n"
    article = "营收1234.5亿元，增长15%；净利率15%。\n"
    matches = match_texts(article, release)
    assert label_of(matches, "15%", 0).match == "same"
    assert label_of(matches, "15%", 1).match == "absent"
