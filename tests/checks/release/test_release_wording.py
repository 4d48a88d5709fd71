"""How an article rewords a release: signs, comparisons, approximations (issue 13 §3, blind batch).

Each rule with the near-miss it must not confirm.
"""

from __future__ import annotations

from release_helpers import label_of, match_texts

from desktop.checks.release import figures_in
from desktop.checks.release.differing import slipped
from desktop.checks.release.figure import TextFigure
from desktop.claims.detector import detect


def test_an_approximation_word_keeps_its_side() -> None:
    release = "全市法院共受理各类案件126,418件，审结119,875件，结案率94.82%。\n"
    just_under = label_of(match_texts("去年审结案件近12万件，结案率94.82%。\n", release), "近12万件")
    assert just_under.match == "rounded" and just_under.source is not None
    assert just_under.source.text == "119,875件"
    # 近 is just under: 126,418 is over 12万, so it is never what 近12万 rounds.
    received = "全市法院共受理各类案件126,418件，结案率94.82%。\n"
    assert match_texts("去年受理案件近12万件，结案率94.82%。\n", received)[0].match == "absent"
    # 逾 is over: 119,875 is under 12万.
    decided = "全市法院共审结119,875件，结案率94.82%。\n"
    assert match_texts("去年审结案件逾12万件，结案率94.82%。\n", decided)[0].match == "absent"
    over = label_of(match_texts("去年受理案件逾12万件，结案率94.82%。\n", release), "逾12万件")
    assert over.match == "rounded" and over.source is not None and over.source.text == "126,418件"


def test_a_month_compared_with_is_not_the_figures_period() -> None:
    release = "10月出生數為9,412人,較上月增加658人;死亡數為1萬6,289人。\n"
    article = "10 月出生數 9412 人,雖較 9 月增加 658 人;死亡數 1 萬 6289 人。\n"
    matches = match_texts(article, release)
    for text in ("658人", "1萬6289人"):
        assert label_of(matches, text).match == "same", text
    # A month named as the figure's own period still differs from the release's.
    other_month = match_texts("9月死亡數1萬6289人。\n", release)
    assert other_month[0].match == "absent"
    assert other_month[0].message.code == "release.absent_other_metric"


def test_fewer_and_more_state_a_direction() -> None:
    release = "出生數較上年同月減少1,036人。\n"
    fewer = label_of(match_texts("出生數比去年同月少 1036 人。\n", release), "1036人")
    assert fewer.match == "same"
    more = label_of(match_texts("出生數比去年同月多 1036 人。\n", release), "1036人")
    assert more.match == "absent" and more.message.code == "release.absent_other_metric"


def test_a_bound_is_no_direction() -> None:
    release = "出生數較上年同月增加1,036人。\n"
    # 至少 bounds the figure; it does not say the births fell.
    bound = label_of(match_texts("出生數至少1036人。\n", release), "1036人")
    assert bound.message.code != "release.absent_other_metric"


def test_a_negative_written_as_a_word_turns_the_verb_round() -> None:
    release = "10月人口自然增加為負6,877人,社會增加為4,770人。\n"
    matches = match_texts("單月人口自然減少 6877 人,社會增加 4770 人。\n", release)
    assert label_of(matches, "6877人").match == "same"
    assert label_of(matches, "4770人").match == "same"
    wrong_way = match_texts("單月人口自然增加 6877 人。\n", release)
    assert wrong_way[0].match == "absent" and wrong_way[0].message.code == "release.absent_other_metric"


def test_shorter_and_longer_are_directions() -> None:
    release = "一审案件平均审理天数42.6天，较上年缩短3.8天。\n"
    assert label_of(match_texts("平均审理天数较上年缩短3.8天。\n", release), "3.8天").match == "same"
    longer = label_of(match_texts("平均审理天数较上年延长3.8天。\n", release), "3.8天")
    assert longer.match == "absent" and longer.message.code == "release.absent_other_metric"


def test_a_specific_figure_of_an_unrelated_metric_is_not_confirmed() -> None:
    release = "将1,873名失信被执行人纳入失信名单，1,209名被执行人主动履行义务后被移出名单。\n"
    unrelated = match_texts("市司法局介绍，全市现有人民调解员1209名。\n", release)
    assert unrelated[0].match == "absent"
    related = label_of(match_texts("1209名被执行人履行义务后移出名单。\n", release), "1209名")
    assert related.match == "same"


def test_during_the_period_names_no_metric() -> None:
    release = "入境處共調配1,350名人員在各管制站當值。\n"
    staff = label_of(match_texts("入境处期间调配1350名人员当值。\n", release), "1350名")
    assert staff.match == "same"
    police = label_of(match_texts("警方期间在旅客区调派约1350名警员维持秩序。\n", release), "约1350名")
    assert police.match == "absent"


def test_metric_words_after_the_figure() -> None:
    release = "全省共248.73万人受灾，紧急转移安置19.42万人。因灾死亡3人、失踪1人。\n"
    matches = match_texts("灾害造成3人死亡、1人失踪。\n", release)
    dead, missing = label_of(matches, "3人"), label_of(matches, "1人")
    assert dead.match == "same" and dead.source is not None and dead.source.text == "3人"
    assert missing.match == "same" and missing.source is not None and missing.source.text == "1人"
    assert label_of(match_texts("灾害造成3人受伤。\n", release), "3人").match == "absent"
    headline = label_of(match_texts("台风袭海澄 248万人受灾\n", release), "248万人")
    assert headline.match == "rounded" and headline.source is not None
    assert headline.source.text == "248.73万人"
    assert label_of(match_texts("台风袭海澄 248万人返乡\n", release), "248万人").match == "absent"
    # A headline that runs on with no break: the first word after the figure counts.
    run_on = label_of(match_texts("台风袭海澄248万人受灾经济损失严重\n", release), "248万人")
    assert run_on.match == "rounded"
    assert label_of(match_texts("台风袭海澄248万人受影响\n", release), "248万人").match == "absent"


_RESULTS = (
    "星澜科技业绩公告\n"
    "截至2026年9月30日止三个月：\n"
    "本公司权益持有人应占盈利为人民币5,107百万元，同比增长24.6%。\n"
    "\n"
    "截至2026年9月30日止九个月：\n"
    "本公司权益持有人应占盈利为人民币14,280百万元，同比增长20.3%。\n"
)


def test_a_section_heading_gives_its_period_to_the_lines_below() -> None:
    quarter = match_texts("第三季股东应占盈利51.07亿元，按年升24.6%。\n", _RESULTS)
    growth = label_of(quarter, "24.6%")
    assert (
        growth.match == "same" and growth.source is not None and growth.source.start < _RESULTS.index("\n\n")
    )
    nine_months = match_texts("首三季股东应占盈利142.8亿元，按年升24.6%。\n", _RESULTS)
    assert label_of(nine_months, "142.8亿元").match == "same"
    wrong = label_of(nine_months, "24.6%")
    # The quarter's 24.6% is not the nine months' growth: the release gives 20.3% there.
    assert wrong.match == "different" and wrong.source is not None and wrong.source.text == "20.3%"


def test_a_heading_naming_two_stretches_gives_no_period() -> None:
    both = (
        "截至2026年9月30日止三个月及九个月：\n本公司权益持有人应占盈利为人民币5,107百万元，同比增长24.6%。\n"
    )
    nine_months = match_texts("首三季股东应占盈利51.07亿元，按年升24.6%。\n", both)
    assert label_of(nine_months, "24.6%").match == "same"
    # A blank line ends a heading's reach.
    ended = "业绩公告\n截至2026年9月30日止三个月：\n\n本公司权益持有人应占盈利为人民币5,107百万元，同比增长24.6%。\n"
    assert (
        label_of(match_texts("首三季股东应占盈利51.07亿元，按年升24.6%。\n", ended), "24.6%").match == "same"
    )


def test_a_slipped_digit_beside_a_backed_neighbour_is_different() -> None:
    release = "东港市平均降雨量286.4毫米，最大单站累计降雨量为白沙站612.5毫米。\n"
    slipped = label_of(
        match_texts("東港市平均286.4毫米，白沙站累計雨量達621.5毫米。\n", release), "621.5毫米"
    )
    assert slipped.match == "different" and slipped.source is not None and slipped.source.text == "612.5毫米"
    # Two digits changed: not a slip, and nothing else says the figure is the release's.
    other = label_of(match_texts("東港市平均286.4毫米，白沙站累計雨量達650.5毫米。\n", release), "650.5毫米")
    assert other.match == "absent"


def test_a_slip_before_a_backed_neighbour_needs_the_metric_words() -> None:
    release = "10月份，全市社会消费品零售总额286.47亿元，同比增长4.9%。\n"
    retail = label_of(
        match_texts("10月份全市社会消费品零售总额268.47亿元，同比增长4.9%。\n", release), "268.47亿元"
    )
    assert retail.match == "different" and retail.source is not None and retail.source.text == "286.47亿元"
    industry = label_of(
        match_texts("10月份全市工业增加值268.47亿元，同比增长4.9%。\n", release), "268.47亿元"
    )
    assert industry.match == "absent"


def test_a_slip_in_mixed_wan_notation() -> None:
    release = "羅湖管制站錄得902,117人次，港珠澳大橋香港口岸錄得612,308人次。\n"
    matches = match_texts("罗湖管制站录得92万2117人次，港珠澳大桥香港口岸61万2308人次。\n", release)
    luohu = label_of(matches, "92万2117人次")
    assert luohu.match == "different" and luohu.source is not None and luohu.source.text == "902,117人次"
    assert label_of(matches, "61万2308人次").match == "same"


def test_a_change_is_compared_though_the_article_runs_on_past_the_releases_line() -> None:
    release = "智能终端收入为人民币13,870百万元，同比下降4.2%；\n广告及其他收入为人民币8,713百万元，同比增长19.2%。\n"
    article = "智能終端收入138.7億元，按年跌{}；廣告及其他收入87.13億元，按年增長19.2%。\n"
    fell = label_of(match_texts(article.format("2.4%"), release), "2.4%")
    assert fell.match == "different" and fell.source is not None and fell.source.text == "4.2%"
    # The other way round is another statement, not a wrong figure for this one.
    rose = match_texts(article.format("按年升2.4%").replace("按年跌", ""), release)
    assert label_of(rose, "2.4%").match == "absent"


def test_what_counts_as_a_slipped_digit() -> None:
    def figure(text: str) -> TextFigure:
        (found,) = figures_in(text, detect(text))
        return found

    assert slipped(figure("268.47亿元"), figure("286.47亿元"))  # two neighbours swapped
    assert slipped(figure("621.5毫米"), figure("612.5毫米"))
    assert slipped(figure("3.2天"), figure("3.8天"))  # one digit changed
    assert not slipped(figure("3天"), figure("8天"))  # one digit: any change is one
    assert not slipped(figure("650.5毫米"), figure("612.5毫米"))  # two digits changed
    assert not slipped(figure("261.47亿元"), figure("216.74亿元"))  # swapped apart, not neighbours
    assert not slipped(figure("286.5亿元"), figure("286.47亿元"))  # a rounding, not a slip
    assert not slipped(figure("28.6亿元"), figure("286亿元"))  # another size


def test_the_same_month_a_year_before_names_no_metric() -> None:
    """较去年同月增加1036人 is a change worded with no metric of its own: the death rate's, not the births'."""
    release = (
        "出生數為9,412人,較上年同月減少1,036人;死亡數為1萬6,289人,粗死亡率為8.39‰,較上年同月增加812人。\n"
    )
    article = (
        "出生數 9412 人,比去年同月少 1036 人;死亡數 1 萬 6289 人,粗死亡率 8.39‰,較去年同月增加 1036 人。\n"
    )
    matches = match_texts(article, release)
    births = label_of(matches, "1036人", 0)
    assert births.match == "same" and births.source is not None and births.source.text == "1,036人"
    deaths = label_of(matches, "1036人", 1)
    assert deaths.match == "different" and deaths.source is not None and deaths.source.text == "812人"
    # Worded the other way, it moves against the deaths' 812 and cannot be the births' figure
    # again: one passage does not state one release figure twice.
    fell = label_of(match_texts(article.replace("較去年同月增加", "較去年同月減少"), release), "1036人", 1)
    assert fell.match == "absent"
    assert (
        label_of(match_texts(article.replace("較去年同月增加", "較去年同月減少"), release), "1036人").match
        == "same"
    )


def test_metric_words_after_the_figure_meet_only_the_release_figures_own_words() -> None:
    release = "全省因灾死亡3人，其中1人为儿童。\n"
    # 1人 of the release is one of the three dead, not a death of its own.
    assert label_of(match_texts("另有1人死亡。\n", release), "1人").match == "absent"
    assert label_of(match_texts("造成3人死亡。\n", release), "3人").match == "same"


def test_an_approximation_word_after_a_figure_names_no_metric() -> None:
    release = "景区单日接待游客控制在3000人以内。\n"
    # 以内 after both figures is no shared metric word: the article's figure is about a lecture.
    lecture = label_of(match_texts("每场讲座听众限3000人以内。\n", release), "3000人")
    assert lecture.match == "absent"
    visitors = label_of(match_texts("单日接待游客控制在3000人以内。\n", release), "3000人")
    assert visitors.match == "same"


def test_words_after_the_figure_must_not_say_something_else() -> None:
    release = "全年共有1200人参加培训。\n"
    assert label_of(match_texts("今年有1200人参加比赛。\n", release), "1200人").match == "absent"
    assert label_of(match_texts("今年有1200人参加培训。\n", release), "1200人").match == "same"


def test_a_figure_whose_words_name_another_release_figure_is_not_confirmed() -> None:
    release = "陸路管制站中，羅湖管制站錄得902,117人次，港珠澳大橋香港口岸錄得612,308人次，深圳灣管制站錄得588,940人次。\n"
    wrong_place = label_of(match_texts("港珠澳大桥香港口岸58万8940人次。\n", release), "58万8940人次")
    assert wrong_place.match == "absent"
    right_place = label_of(match_texts("深圳湾管制站58万8940人次。\n", release), "58万8940人次")
    assert right_place.match == "same" and right_place.source is not None
    # Words the release uses for no figure leave a specific value, beside a backed neighbour, to speak for itself.
    profit = "收入为人民币192,869百万元，本公司权益持有人应占盈利为人民币63,133百万元。\n"
    assert label_of(match_texts("收入1928.69亿元，纯利631.33亿元。\n", profit), "631.33亿元").match == "same"


def test_a_change_is_not_a_level_of_equal_value() -> None:
    release = "全市法院审结119,875件，同比增长4.7%，结案率94.82%；员工总数为48,215名，比上年末减少1,207名。\n"
    rate = label_of(match_texts("去年结案率4.7%。\n", release), "4.7%")
    assert rate.match == "absent"
    staff = label_of(match_texts("员工总数1207名。\n", release), "1207名")
    assert staff.match == "absent"
    # The same figures stated as what they are.
    assert label_of(match_texts("全市法院审结11.99万件，同比增长4.7%。\n", release), "4.7%").match == "same"
    assert label_of(match_texts("员工较上年末减少1207名。\n", release), "1207名").match == "same"


def test_the_level_a_change_arrives_at_is_a_level() -> None:
    release = "收入为人民币192,869百万元，同比增长15%。\n"
    level = label_of(match_texts("收入按年增長15%至1928.7億元。\n", release), "1928.7億元")
    assert level.match == "rounded"


def test_a_table_rows_later_cells_may_be_changes() -> None:
    release = "(人民币百万元)\n本公司权益持有人应占盈利 63,133 53,230 19% 55,628 13%\n"
    matches = match_texts("純利631.3億元，按年升19%、按季增13%。\n", release)
    assert label_of(matches, "19%").match == "same" and label_of(matches, "13%").match == "same"


def test_different_words_after_equal_figures_are_different_things() -> None:
    release = "全省共248.73万人受灾，紧急转移安置19.42万人。\n"
    missing = label_of(match_texts("全省共248.73万人失踪。\n", release), "248.73万人")
    assert missing.match == "absent"
    # 回购 and 购回 share their characters: one thing, said two ways.
    buyback = "本公司以总代价约2,036百万港元购回合共18,540,000股股份。\n"
    shares = label_of(match_texts("公司斥资回购1854萬股。\n", buyback), "1854萬股")
    assert shares.match == "same"


def test_rain_is_no_fall() -> None:
    release = "全省平均降雨量128.6毫米，其中东港市平均降雨量286.4毫米。\n"
    rain = label_of(match_texts("東港市平均降雨量286.4毫米。\n", release), "286.4毫米")
    assert rain.match == "same"


def test_words_that_name_another_release_figure_fully() -> None:
    release = "全省平均降雨量128.6毫米，其中东港市平均降雨量286.4毫米。\n"
    province = label_of(match_texts("全省平均降雨量286.4毫米。\n", release), "286.4毫米")
    assert province.match == "absent"
    city = label_of(match_texts("东港市平均降雨量286.4毫米。\n", release), "286.4毫米")
    assert city.match == "same"
    # An enumeration shares its words: 工业、制造业生产指数 names the industrial index too.
    index = "12月工業生產指數129.62。\n全年工業、製造業生產指數分別為132.87及135.05。\n"
    year = label_of(match_texts("全年工業生產指數為132.87。\n", index), "132.87")
    assert year.match == "same"


def test_a_change_is_read_where_the_release_gives_it() -> None:
    release = "1.批發業4月營業額為1兆645億元,年增5.9%。零售業4月營業額為3,439億元,年增3.9%。\n"
    wrong = label_of(match_texts("批發業4月營業額為1兆645億元,年增3.9%。\n", release), "3.9%")
    # Not the retail trade's 3.9%: the wholesale figure's change is the 5.9% right after it.
    assert wrong.match == "different" and wrong.source is not None and wrong.source.text == "5.9%"
    right = label_of(match_texts("批發業4月營業額為1兆645億元,年增5.9%。\n", release), "5.9%")
    assert right.match == "same"


def test_a_list_later_in_the_sentence_does_not_excuse_a_displaced_change() -> None:
    release = "2.零售業:4月零售業營業額為3,439億元,年增4.7%,其中超市、量販店分別年增22.7%、12.5%。\n"
    wrong = label_of(match_texts("零售业4月营业额3,439亿元,年增22.7%。\n", release), "22.7%")
    assert wrong.match == "different" and wrong.source is not None and wrong.source.text == "4.7%"
    shops = label_of(match_texts("零售业4月营业额3,439亿元，其中超市年增22.7%。\n", release), "22.7%")
    assert shops.match == "same"


def test_a_headline_level_after_another_figure_is_still_a_level() -> None:
    release = "全市法院审结119,875件，同比增长4.7%，结案率94.82%。\n"
    article = "南屿法院审结案件近12万件 结案率{}\n\n正文。\n"
    assert label_of(match_texts(article.format("4.7%"), release), "4.7%").match == "absent"
    assert label_of(match_texts(article.format("94.82%"), release), "94.82%").match == "same"


def test_words_borrowed_from_the_clause_before_name_the_metric_too() -> None:
    release = "全国粮食总产量61791万吨(12358亿斤)，比2016年增加166万吨(33亿斤)。其中谷物产量56455万吨(11291亿斤)。\n"
    wrong = label_of(match_texts("全国粮食总产量12358亿斤，比2016年增加11291亿斤。\n", release), "11291亿斤")
    assert wrong.match == "absent"
    right = label_of(match_texts("全国粮食总产量12358亿斤，比2016年增加33亿斤。\n", release), "33亿斤")
    assert right.match == "same"


def test_a_bound_backs_no_value() -> None:
    release = "全省平均降雨量128.6毫米，全省有37个站点累计降雨量超过400毫米。\n"
    value = label_of(match_texts("全省累计降雨量400毫米。\n", release), "400毫米")
    assert value.match == "absent"
    bound = label_of(match_texts("全省有37个站点累计降雨量超过400毫米。\n", release), "400毫米")
    assert bound.match == "same"


def test_a_list_of_statements_is_not_one_phrase() -> None:
    release = "4月批發業營業額為1兆645億元,年增5.9%,致機械器具批發業年增3.9%、建材批發業年增13.3%。\n"
    wrong = label_of(match_texts("機械器具批發業年增13.3%。\n", release), "13.3%")
    assert wrong.match == "absent"
    right = label_of(match_texts("建材批發業年增13.3%。\n", release), "13.3%")
    assert right.match == "same"
