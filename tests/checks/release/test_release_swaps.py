"""Rules against swapped figures: an article figure stated with another release figure's value is not confirmed.

Each test gives a release that names two figures side by side and an
article that writes the first one's words with the second one's value
(what swap_stress.py builds from the pairs), with the right article as a
control: the rule refuses the swap, never the figure stated rightly.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pairs_score import DATA
from release_helpers import label_of, match_texts

from desktop.checks.release import figures_in
from desktop.checks.release.context import contexts
from desktop.checks.release.document import placed
from desktop.ingest.model import SourceText
from desktop.pipeline import process_source

TYPHOON = (
    "一、降雨情况。全省平均降雨量128.6毫米。全省共有37个站点累计降雨量超过400毫米。\n"
    "二、受灾情况。据初步统计，全省9个市46个县（市、区）共248.73万人受灾，紧急转移安置19.42万人。\n"
)


@pytest.mark.parametrize(
    ("swapped", "text", "nth"),
    [
        ("全省有9个站点雨量超过400毫米。全省9个市46个县（市、区）共248.7万人受灾。\n", "9个", 0),
        ("全省有37個站點雨量超過400毫米。全省37個市46個縣（市、區）共248.7萬人受災。\n", "37個", 1),
        ("全省有37個站點雨量超過400毫米。全省9個市37個縣（市、區）共248.7萬人受災。\n", "37個", 1),
    ],
)
def test_a_count_of_another_noun_is_not_confirmed(swapped: str, text: str, nth: int) -> None:
    """9个市 is not 37个站点, nor 46个县: the words right after a count name what is counted, one character is enough."""
    assert not label_of(match_texts(swapped, TYPHOON), text, nth).confirms


@pytest.mark.parametrize(
    "right",
    [
        "全省有37个站点雨量超过400毫米。全省9个市46个县（市、区）共248.7万人受灾。\n",
        "全省有37個站點雨量超過400毫米。全省9個市46個縣（市、區）共248.7萬人受災。\n",
    ],
)
def test_counts_stated_rightly_are_confirmed(right: str) -> None:
    counts = [m for m in match_texts(right, TYPHOON) if m.figure.unit == "个"]
    assert len(counts) == 3 and all(m.confirms for m in counts), [(m.figure.text, m.match) for m in counts]


@pytest.mark.parametrize(
    ("swapped", "right"),
    [
        ("6月失业率为3.73%，月增0.06个百分点。\n", "6月失业率为3.74%，月增0.06个百分点。\n"),
        ("6月失業率為3.73%,月增0.06個百分點。\n", "6月失業率為3.74%,月增0.06個百分點。\n"),
    ],
)
def test_the_plain_metric_is_not_its_qualified_twin(swapped: str, right: str) -> None:
    """失业率 names the release's 失业率, not 经季节调整后失业率, whatever the value."""
    release = "五、6月失業率3.74%,較上月上升0.06個百分點,經季節調整後失業率為3.73%,與上月持平。\n"
    assert label_of(match_texts(swapped, release), "3.73%").match not in ("same", "rounded")
    assert label_of(match_texts(right, release), "3.74%").match == "same"
    qualified = "经季节调整后失业率为3.73%，与上月持平。\n"
    assert label_of(match_texts(qualified, release), "3.73%").match == "same"


@pytest.mark.parametrize(
    ("stated", "swapped"),
    [
        (
            "电信网络诈骗案件成为审判重点，去年共审结1046件，涉案金额14.37亿元，为群众挽回损失3.12亿元。\n",
            "电信网络诈骗案件成为审判重点，去年共审结71,320件，涉案金额14.37亿元，为群众挽回损失3.12亿元。\n",
        ),
        (
            "電信網路詐騙案件成為審判重點，去年共審結1046件，涉案金額14.37億元，為群眾挽回損失3.12億元。\n",
            "電信網路詐騙案件成為審判重點，去年共審結71,320件，涉案金額14.37億元，為群眾挽回損失3.12億元。\n",
        ),
    ],
)
def test_a_qualifier_the_article_states_is_kept(stated: str, swapped: str) -> None:
    """去年共审结 after 电信网络诈骗案件成为审判重点 is 审结电信网络诈骗案件; it is not 审结民商事案件, a qualifier the article never states."""
    release = (
        "2026年，全市两级法院共受理各类案件126,418件，审结119,875件。\n"
        "一、刑事审判。审结电信网络诈骗案件1,046件，涉案金额14.37亿元，为群众挽回损失3.12亿元。\n"
        "二、民商事审判。审结民商事案件71,320件，诉讼标的额486.9亿元。\n"
    )
    assert label_of(match_texts(stated, release), "1046件").match == "same"
    assert label_of(match_texts(swapped, release), "71,320件").match not in ("same", "rounded")


def test_the_whole_is_not_its_part() -> None:
    """社会消费品零售总额's growth is not 其中限额以上单位消费品零售额's: the article took the next line's figure."""
    release = (
        "二、消费市场。10月份，全市社会消费品零售总额286.47亿元，同比增长4.9%。"
        "其中，限额以上单位消费品零售额118.36亿元，增长6.2%。"
        "1—10月份，全市社会消费品零售总额2713.85亿元，同比增长5.3%。\n"
    )
    article = (
        "消费方面，10月份全市社会消费品零售总额286.47亿元，同比增长{}，"
        "其中限额以上单位消费品零售额118.4亿元，增长6.2%。\n"
    )
    swapped = match_texts(article.format("6.2%"), release)
    assert not label_of(swapped, "6.2%", 0).confirms
    assert (
        label_of(swapped, "6.2%", 1).match == "same"
    )  # the part's own growth, no longer taken by the whole's
    right = match_texts(article.format("4.9%"), release)
    assert label_of(right, "4.9%").match == label_of(right, "6.2%").match == "same"


def test_a_trade_is_not_the_next_trade() -> None:
    """建材批发业's growth is not 家用器具及用品批发业's, which borrows no 建材 (a Traditional release, a Simplified article)."""
    release = (
        "1. 批發業:4月批發業營業額為1兆645億元,年增5.9%,致機械器具批發業年增3.9%、建材批發業年增13.3%;"
        "家用器具及用品批發業因下游零售通路母親節檔期促銷活動,帶動家電商品出貨成長,年增13.2%;"
        "藥品及化粧品批發業因防疫相關商品及保健藥品需求增加,年增13.7%。\n"
    )
    article = (
        "经济部表示,批发业4月营业额为1兆645亿元,年增5.9%,致机械器具批发业年增3.9%,而建材批发业年增{};"
        "家用器具及用品批发业因下游零售通路母亲节档期促销活动,带动家电商品出货成长,年增{}。\n"
    )
    for first, second in (("13.2%", "13.2%"), ("13.3%", "13.7%")):
        swapped = match_texts(article.format(first, second), release)
        assert not label_of(swapped, "13.2%" if first == "13.2%" else "13.7%", 0).confirms
    right = match_texts(article.format("13.3%", "13.2%"), release)
    assert all(m.match == "same" for m in right), [(m.figure.text, m.match) for m in right]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("一、全国粮食播种面积112220千公顷。\n", "全国粮食播种面积"),
        ("三、7月勞動力參與率為58.91%。\n", "劳动力参#率"),  # 与 is a function word
        ("1—10月份，社会消费品零售总额累计2713.85亿元。\n", "社会消费品零售总额"),
    ],
)
def test_item_numbers_and_cumulative_are_no_metric_words(text: str, words: str) -> None:
    """A release item's number (一、) and 累计 (a stretch, said by the period) name no metric: they must not stand between two namings."""
    document = placed(process_source(SourceText(Path("release.txt"), text, "utf-8")))
    figures = figures_in(document.text, document.claims)
    (context,) = contexts(document.text, figures)
    assert context.clause_words == words


UNEMPLOYMENT = (
    "三、7月勞動力參與率為58.91%,較上月上升0.16個百分點。\n"
    "四、7月失業率3.84%,較上月上升0.10個百分點,較上年同月則降0.18個百分點;"
    "經調整季節變動因素後之失業率3.78%,與上月持平。\n"
)


@pytest.mark.parametrize(
    "article",
    [
        "主計總處今(22)日公布7月人力資源調查結果,失業率3.84%,較上月上升0.1個百分點,"
        "較上年同月下降0.18個百分點,季節調整後失業率{},與上月持平。\n",
        "主计总处今(22)日公布7月人力资源调查结果,失业率3.84%,较上月上升0.1个百分点,"
        "较上年同月下降0.18个百分点,季节调整后失业率{},与上月持平。\n",
    ],
)
def test_a_neighbour_anchors_only_through_its_own_match(article: str) -> None:
    """0.1个百分点 is matched to the 失业率's change: it does not vouch for 58.91% in the 劳动力参与率 line."""
    swapped = match_texts(article.format("58.91%"), UNEMPLOYMENT)
    assert not label_of(swapped, "58.91%").confirms
    assert label_of(swapped, "3.84%").match == "same"
    right = label_of(match_texts(article.format("3.78%"), UNEMPLOYMENT), "3.78%")
    assert right.match == "same" and right.source is not None and right.source.text == "3.78%"


RESULTS = (
    "截至下列日期止三个月\n"
    "二零二五年九月三十日 二零二四年九月三十日 同比变动 二零二五年六月三十日 环比变动\n"
    "(人民币百万元,另有指明者除外)\n"
    "本公司权益持有人应占盈利 63,133 53,230 19% 55,628 13%\n"
    "每股盈利(每股人民币元)\n"
    "-基本 6.952 5.762 21% 6.115 14%\n"
)


@pytest.mark.parametrize(
    ("article", "text", "confirmed"),
    [
        ("騰訊第三季每股基本盈利5.762元。\n", "5.762元", False),
        ("腾讯第三季股东应占盈利55,628百万元。\n", "55,628百万元", False),
        ("騰訊第三季每股基本盈利6.952元。\n", "6.952元", True),
        ("腾讯第三季本公司权益持有人应占盈利63,133百万元。\n", "63,133百万元", True),
    ],
)
def test_a_results_tables_later_columns_are_earlier_periods(article: str, text: str, confirmed: bool) -> None:
    """A row's first cell is the period's figure; 5.762 and 55,628 after it are the year and the quarter before."""
    assert label_of(match_texts(article, RESULTS), text).confirms is confirmed


def test_a_qualifier_said_after_the_figure_does_not_name_it() -> None:
    """6月失业率为3.73% names the plain rate, though 经季节调整后 follows in the sentence."""
    release = "五、6月失業率3.74%,較上月上升0.06個百分點,經季節調整後失業率為3.73%,與上月持平。\n"
    article = "主计总处今天公布6月失业率为{},月增0.06个百分点,经季节调整后失业率为3.73%,与5月持平。\n"
    swapped = match_texts(article.format("3.73%"), release)
    assert not label_of(swapped, "3.73%", 0).confirms
    assert label_of(swapped, "3.73%", 1).match == "same"
    right = match_texts(article.format("3.74%"), release)
    assert label_of(right, "3.74%").match == label_of(right, "3.73%").match == "same"


@pytest.mark.parametrize(
    "article",
    [
        "全省平均降雨量128.6毫米，东港市平均{}，白沙站累计雨量达612.5毫米。\n",
        "全省平均降雨量128.6毫米，東港市平均{}，白沙站累計雨量達612.5毫米。\n",
    ],
)
def test_the_average_is_not_the_station(article: str) -> None:
    """东港市平均 after 全省平均降雨量 is 东港市平均降雨量, not 东港市白沙站's maximum."""
    release = (
        "一、降雨情况。11月1日8时至3日17时，全省平均降雨量128.6毫米，其中东港市平均降雨量286.4毫米，"
        "最大单站累计降雨量为东港市白沙站612.5毫米。\n"
    )
    swapped = match_texts(article.format("612.5毫米"), release)
    assert not label_of(swapped, "612.5毫米", 0).confirms
    right = match_texts(article.format("286.4毫米"), release)
    assert label_of(right, "286.4毫米").match == label_of(right, "612.5毫米").match == "same"


@pytest.mark.parametrize(
    "article",
    [
        "全国粮食作物平均单产367公斤/亩,比2016年增加{}公斤/亩,增长1.0%。\n",
        "全國糧食作物平均單產367公斤/畝,比2016年增加{}公斤/畝,增長1.0%。\n",
    ],
)
def test_a_gloss_is_the_level_it_restates(article: str) -> None:
    """(367公斤/亩) after 5506公斤/公顷 is a level, as that figure is: 增加367公斤/亩 is not it."""
    release = (
        "二、全国粮食单位面积产量5506公斤/公顷(367公斤/亩),比2016年增加54公斤/公顷(3.6公斤/亩),增长1.0%。\n"
    )
    swapped = [m for m in match_texts(article.format("367"), release) if m.figure.value == 367]
    assert len(swapped) == 2 and not swapped[1].confirms
    right = match_texts(article.format("3.6"), release)
    assert all(m.match == "same" for m in right), [(m.figure.text, m.match) for m in right]


@pytest.mark.parametrize(
    "article",
    [
        "单日最高峰出现在十月三日，共{}人次出入境；当日经港珠澳大桥香港口岸往来的车辆达46215架次。\n",
        "單日最高峰出現在十月三日，共{}人次出入境；當日經港珠澳大橋香港口岸往來的車輛達46215架次。\n",
    ],
)
def test_a_sentence_that_tells_another_figure(article: str) -> None:
    """Nothing of 单日最高峰出现在十月三日 is in 深圳湾管制站录得588,940人次; much is in 单日…最高为十月三日，录得810,437人次."""
    release = (
        "陸路管制站中，羅湖管制站錄得902,117人次，港珠澳大橋香港口岸錄得612,308人次，深圳灣管制站錄得588,940人次。\n"
        "期間單日出入境旅客人次最高為十月三日，錄得810,437人次。其中經港珠澳大橋香港口岸出入境的車輛共46,215架次。\n"
    )
    assert not label_of(match_texts(article.format("588,940"), release), "588,940人次").confirms
    assert label_of(match_texts(article.format("81万437"), release), "81万437人次").match == "same"


@pytest.mark.parametrize(
    "article",
    [
        "經濟部統計處1日公布2022年12月工業生產指數為129.62,年減7.9%,製造生產指數為131.99,年減{}。\n",
        "经济部统计处1日公布2022年12月工业生产指数为129.62,年减7.9%,制造生产指数为131.99,年减{}。\n",
    ],
)
def test_a_neighbour_does_not_vouch_for_a_metric_the_article_never_names(article: str) -> None:
    """制造生产指数's fall is not 矿业及土石采取业减少0.80%, though 7.9% is matched two figures before it."""
    release = (
        "1.12月工業生產指數129.62。\n"
        "2.與上年同月比較:工業生產減少7.93%,其中製造業減少8.40%,礦業及土石採取業減少0.80%,"
        "電力及燃氣供應業減少2.13%,用水供應業增加3.99%。\n"
    )
    swapped = match_texts(article.format("0.80%"), release)
    assert not label_of(swapped, "0.80%").confirms
    assert label_of(match_texts(article.format("8.4%"), release), "8.4%").match == "same"


@pytest.mark.parametrize(
    ("article", "text", "confirmed"),
    [
        ("全省有2,931个站点雨量超过400毫米。\n", "2,931个", False),
        ("全省有2,931個站點雨量超過400毫米。\n", "2,931個", False),
        ("全省开放避灾安置场所2931个。\n", "2931个", True),
        ("全省開放避災安置場所2931個。\n", "2931個", True),
    ],
)
def test_a_classifier_needs_its_noun(article: str, text: str, confirmed: bool) -> None:
    """2,931个 followed by 站点 is not 开放避灾安置场所2,931个: 个 counts whatever noun completes it."""
    release = "全省累计转移危险区域群众19.42万人，出动抢险救援人员1.2万人次、车辆3,400台次，开放避灾安置场所2,931个。\n"
    assert label_of(match_texts(article, release), text).confirms is confirmed


# The dev pair's results announcement: a quarter's table and a nine months' table.
RESULTS_ANNOUNCEMENT = DATA / "03_tencent-results-2025q3.source.txt"


QUARTER = (
    "騰訊(00700)公布截至今年9月底止第三季業績，純利631.3億元（人民幣．下同），按年升19%、按季增13%；"
    "每股基本盈利6.952元。至於非國際財務報告準則純利705.5億元，按年增長{}、按季升{}，勝市場預期；"
    "非國際財務報告準則每股基本盈利為7.769元。\n"
)
NINE_MONTHS = (
    "另外，公司截至今年9月底止首三季純利1665.8億元，按年升17%；每股基本盈利18.316元。"
    "非國際財務報告準則純利1949.3億元，按年增長16%；非國際財務報告準則每股基本盈利21.433元。收入按年增{}至5574億元。\n"
)


@pytest.mark.parametrize(
    ("article", "text", "confirmed"),
    [
        (QUARTER.format("20%", "12%"), "20%", False),
        (QUARTER.format("18%", "5%"), "5%", False),
        (QUARTER.format("18%", "12%"), "18%", True),
        (QUARTER.format("18%", "12%"), "12%", True),
        (NINE_MONTHS.format("15%"), "15%", False),
        (NINE_MONTHS.format("14%"), "14%", True),
    ],
)
def test_a_change_is_matched_where_its_level_is(article: str, text: str, confirmed: bool) -> None:
    """705.5亿元 is the 70,551 row: its changes are that row's 18% and 12%, not 期内盈利's 20% or 16%."""
    release = RESULTS_ANNOUNCEMENT.read_text(encoding="utf-8")
    assert label_of(match_texts(article, release), text).confirms is confirmed


@pytest.mark.parametrize(
    ("article", "text", "confirmed"),
    [
        ("2022年全年工业生产指数为135.05,年增0.8%。\n", "135.05", False),
        ("2022年全年工業生產指數為132.87,年增0.8%。\n", "132.87", True),
        ("其中超市年增12.5%。\n", "12.5%", False),
    ],
)
def test_a_list_stated_respectively(article: str, text: str, confirmed: bool) -> None:
    """工业、制造业生产指数分别为132.87及135.05: 工业生产指数 is the first of the list; 超市 is not 量贩店's 12.5%."""
    release = (
        "4.全年與上年比較:111年工業、製造業生產指數分別為132.87及135.05,各較上年增加0.88%及0.89%。\n"
        "其中超市、量販店、食品飲料及菸草零售業分別年增22.7%、12.5%、11.0%。\n"
    )
    assert label_of(match_texts(article, release), text).confirms is confirmed


@pytest.mark.parametrize(("per_share", "confirmed"), [("166,582百萬元", False), ("6.952元", True)])
def test_an_amount_per_share_is_never_a_total(per_share: str, confirmed: bool) -> None:
    """每股基本盈利 is a cell under (每股人民币元), never 本公司权益持有人应占盈利's total, whatever the value."""
    article = QUARTER.format("18%", "12%").replace("每股基本盈利6.952元", f"每股基本盈利{per_share}")
    matches = match_texts(article, RESULTS_ANNOUNCEMENT.read_text(encoding="utf-8"))
    assert label_of(matches, per_share).confirms is confirmed


CITY = "市统计局公布9月底登记人口为181万2,407人，较上月减少1,306人，较上年同月减少2万4,518人。\n"


def test_a_change_stated_with_no_base_is_the_release_s_leading_one() -> None:
    """A headline that drops the base states the release's first comparison (较上月), not a later one of its level."""
    headline = "本市人口再减{}\n\n市统计局公布最新人口统计。\n"
    swapped = label_of(match_texts(headline.format("2万4,518人"), CITY), "2万4,518人")
    assert not swapped.confirms
    assert label_of(match_texts(headline.format("1306人"), CITY), "1306人").match == "same"
    # Stated with its base (较上年同月, 一年来), the later comparison is backed.
    based = match_texts("本市9月底人口181万2407人，较上年同月减少2万4,518人。\n", CITY)
    assert label_of(based, "2万4,518人").match == "same"
    a_year = match_texts("本市9月底人口181万2407人，一年来少了2.5万人。\n", CITY)
    assert label_of(a_year, "2.5万人").match == "rounded"


def test_a_results_row_s_second_change_column_needs_its_base() -> None:
    release = (
        "截至下列日期止三个月\n"
        "2026年9月30日 2025年9月30日 同比变动 2026年6月30日 环比变动\n"
        "(人民币百万元)\n"
        "收入 41,502 36,870 13% 39,180 6%\n"
        "经营盈利 8,214 6,925 19% 7,401 11%\n"
    )
    swapped = label_of(match_texts("集团第三季经营盈利升11%至82.1亿元\n\n正文。\n", release), "11%")
    assert not swapped.confirms
    right = label_of(match_texts("集团第三季经营盈利升19%至82.1亿元\n\n正文。\n", release), "19%")
    assert right.match == "same"
    quarter = label_of(match_texts("集团第三季经营盈利环比升11%至82.1亿元\n\n正文。\n", release), "11%")
    assert quarter.match == "same"


PROFITS = (
    "营业利润为人民币8,412百万元，同比增长11.0%。\n"
    "本集团权益持有人应占溢利为人民币6,275百万元，同比增长14.2%。\n"
    "经调整本集团权益持有人应占溢利为人民币7,031百万元，同比增长9.8%。\n"
)


@pytest.mark.parametrize(
    ("article", "text", "confirmed"),
    [
        ("股東應佔溢利6,275百万元。\n", "6,275百万元", True),
        ("股東應佔溢利7,031百万元。\n", "7,031百万元", False),
        ("經調整股東應佔溢利7,031百万元。\n", "7,031百万元", True),
        ("經調整股東應佔溢利6,275百万元。\n", "6,275百万元", False),
    ],
)
def test_words_of_its_own_still_choose_between_a_figure_and_its_qualified_twin(
    article: str, text: str, confirmed: bool
) -> None:
    """股东应占溢利 is neither release figure's words whole; the qualifier (经调整) stated or not still chooses."""
    assert label_of(match_texts(article, PROFITS), text).confirms == confirmed


def test_a_qualifier_in_words_of_one_s_own_is_stated() -> None:
    """季节调整后 states 季调: a shortened qualifier keeps its characters."""
    release = "8月失业人数为45万4,126人，季调失业人数为44万9,387人。\n"
    assert label_of(match_texts("8月季節調整後失業人數44萬9387人。\n", release), "44萬9387人").match == "same"
    assert not label_of(match_texts("8月季節調整後失業人數45萬4126人。\n", release), "45萬4126人").confirms
    assert label_of(match_texts("8月失業人數45萬4126人。\n", release), "45萬4126人").match == "same"


def test_a_level_is_where_the_release_states_the_change_after_it() -> None:
    """全市人口为X，较上月减少1208人: X is the level whose change the release gives as 1,208, not an equal value elsewhere."""
    release = (
        "三、9月底本市户籍人口为182万4,316人，较上月减少1,208人。\n"
        "四、9月底本市60岁以上人口为41万7,052人，占总人口22.86%。\n"
    )
    swapped = match_texts("9月底全市人口为41万7,052人，较上月减少1208人。\n", release)
    assert not label_of(swapped, "41万7,052人").confirms
    assert label_of(swapped, "1208人").match == "same"
    right = match_texts("9月底全市人口为182万4316人，较上月减少1208人。\n", release)
    assert [m.match for m in right] == ["same", "same"]


def test_a_change_as_specific_as_its_level_places_it_before_the_level_is_chosen() -> None:
    """The swapped level would otherwise take the sentence's last figure and push its own change (5926) off."""
    release = "1至9月累计出生数为8万1,437人，较上年同期减少5,926人，平均每月出生9,049人。\n"
    swapped = match_texts("1至9月累计出生9,049人，较去年同期减少5926人。\n", release)
    assert not label_of(swapped, "9,049人").confirms
    assert label_of(swapped, "5926人").match == "same"
    right = match_texts("1至9月累计出生8万1437人，较去年同期减少5926人。\n", release)
    assert [m.match for m in right] == ["same", "same"]


def test_a_specific_figure_in_words_more_another_figure_s_needs_a_neighbour() -> None:
    """股东应占溢利 shares one pair with 营业溢利 and most with 本集团权益持有人应占溢利: 8,412 is not its figure."""
    release = "营业溢利为人民币8,412百万元，同比增长11.0%。\n本集团权益持有人应占溢利为人民币6,275百万元，同比增长14.2%。\n"
    assert not label_of(match_texts("股東應佔溢利8,412百万元。\n", release), "8,412百万元").confirms
    assert label_of(match_texts("營業溢利8,412百万元。\n", release), "8,412百万元").match == "same"
    assert label_of(match_texts("股東應佔溢利6,275百万元。\n", release), "6,275百万元").match == "same"


def test_borrowed_words_none_of_the_release_sentence_s_need_a_neighbour() -> None:
    """单日最高峰 borrowed by 共…人次出入境 is not the week's total, however specific the value."""
    release = (
        "国庆期间经各管制站出入境的旅客总数为3,912,418人次，较去年同期上升5.2%。\n"
        "期间单日出入境旅客人次最高为十月二日，录得612,907人次。\n"
    )
    peak = "单日最高峰出现在十月二日，共{}人次出入境。\n"
    assert not label_of(match_texts(peak.format("3,912,418"), release), "3,912,418人次").confirms
    assert label_of(match_texts(peak.format("612,907"), release), "612,907人次").match == "same"
    # The words right after it (渔船) name the release figure: no neighbour needed.
    boats = "开放避灾安置场所2,931个。全省11,826艘渔船全部回港避风。\n"
    matches = match_texts("开放避灾安置场所2931个，11826艘渔船全部回港避风。\n", boats)
    assert label_of(matches, "11826艘").match == "same"


def test_words_naming_a_figure_of_another_unit_back_no_value_of_this_one() -> None:
    """失业率43万7千人: the words name the rate (a percentage), the value the count; the release backs neither."""
    release = "8月就业人数为1,152万人，失业人数为43万7千人，失业率为3.65%。\n"
    assert not label_of(match_texts("8月失業率為43萬7千人。\n", release), "43萬7千人").confirms
    assert label_of(match_texts("8月失業人數為43萬7千人。\n", release), "43萬7千人").match == "same"
    assert label_of(match_texts("8月失業率為3.65%。\n", release), "3.65%").match == "same"


def test_a_change_with_no_base_may_be_a_later_comparison_its_direction_names() -> None:
    """CPI下降0.3%: the release's first comparison (同比上涨) goes the other way, so the 环比 is meant."""
    release = "10月份，全国居民消费价格指数为102.3，同比上涨0.3%，环比下降0.3%。\n"
    assert label_of(match_texts("10月消费价格指数下降0.3%\n\n正文。\n", release), "0.3%").match == "same"


def test_a_figure_stated_twice_in_a_passage_goes_to_the_one_its_words_name() -> None:
    """绝收415间；倒塌房屋415间: the release's 倒塌房屋415间 is the second's, though the first came first."""
    release = "农作物受灾面积86.5千公顷，其中绝收面积7.3千公顷；倒塌房屋415间，严重损坏房屋1,208间。\n"
    # The neighbours matched beside it would otherwise back the first 415间 (绝收 is not 倒塌房屋).
    matches = match_texts(
        "农作物受灾面积86.5千公顷，其中绝收415间；倒塌房屋415间，严重损坏房屋1208间。\n", release
    )
    assert not label_of(matches, "415间", 0).confirms
    assert label_of(matches, "415间", 1).match == "same"
