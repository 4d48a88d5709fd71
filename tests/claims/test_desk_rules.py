"""Rules of the other desks that the fourth blind batch asked for (issue 11).

Runs with a verb (连跌三日), an index's range for the day (波幅), units of
property and sport copy (伙, 记, mg/100ml), prices said the way people say
them with no currency word (月租两万三, 千三左右) or with the currency before
the number (澳门元二百亿), ranks by any adjective (第二高, 第二多), a market's
trading days, approximation words after 百分之 and after a multiple (倍多),
net buying and selling (买超, 賣超), the first months of a year, size bands
of homes, the money line that defines a group (超过3万元的困难群众), years
of work (三年新增), and a layout space inside a unit (个百分 点).  Each row
asserts the whole list of claims of its sentence as ``(span, value, unit,
kind)``; every rule has sentences in Simplified and in Traditional
characters and near misses that must stay as they were.  The sentences are
made up, not taken from any test page.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from claim_rows import C, Row, case, claims_of
from hypothesis import given
from hypothesis import strategies as st

from desktop.claims.numerals import parse_number, read_quantity, read_subunits

RUNS_AND_PERIODS = [
    case(
        "run-with-verb",
        "沪指连跌四日，累计下跌86点。",
        C("四日", "4", "日", "duration"),
        C("86点", "86", "点", "measure"),
    ),
    case(
        "run-with-verb-traditional",
        "恒指連升五日，全日波幅為二百一十點。",
        C("五日", "5", "日", "duration"),
        C("二百一十點", "210", "點", "measure"),
    ),
    case("run-of-months-with-verb", "出口連跌三月。", C("三月", "3", "月", "duration")),
    case(
        "run-in-arabic-days",
        "气温连续3日超过35℃。",
        C("3日", "3", "日", "duration"),
        C("35℃", "35", "℃", "measure"),
    ),
    case(
        "day-of-month-stays-a-date",
        "三日上午股市连升，3日收盘报3100.5点。",
        C("3100.5点", "3100.5", "点", "measure"),
    ),
    case(
        "month-stays-a-date-traditional",
        "五月份銷售額連跌，五月底庫存三千件。",
        C("三千件", "3000", "件", "count"),
    ),
    case(
        "first-months-are-a-period",
        "首五个月社会消费品零售总额1.2万亿元。",
        C("1.2万亿元", "1200000000000", "元", "money"),
    ),
    case(
        "first-months-traditional",
        "首三個月訪港旅客達一千二百萬人次。",
        C("一千二百萬人次", "12000000", "人次", "count"),
    ),
    case(
        "a-length-is-still-a-length",
        "工程用时五个月，歷時三個月。",
        C("五个月", "5", "个月", "duration"),
        C("三個月", "3", "個月", "duration"),
    ),
    case("trading-days", "人民币兑美元连续三个交易日走弱。", C("三个交易日", "3", "个交易日", "duration")),
    case("trading-days-traditional", "外資連續5個交易日賣超。", C("5個交易日", "5", "個交易日", "duration")),
]

MARKETS = [
    case("range-of-the-day", "深成指全日振幅为一百二十点。", C("一百二十点", "120", "点", "measure")),
    case("a-time-is-no-range", "波幅较大的时段在下午三点。"),
    case(
        "net-buying",
        "北向资金买超12.5亿元，外资卖超8亿元。",
        C("12.5亿元", "1250000000", "元", "money"),
        C("8亿元", "800000000", "元", "money"),
    ),
    case(
        "net-selling-traditional",
        "外資賣超３８．６億元，投信買超５．２億元。",
        C("３８．６億元", "3860000000", "元", "money"),
        C("５．２億元", "520000000", "元", "money"),
    ),
    case("over-is-still-approximate", "成交额超1万亿元。", C("超1万亿元", "1000000000000", "元", "money")),
    case("digit-by-digit-price", "新台币兑美元收在三二．一五元。", C("三二．一五元", "32.15", "元", "money")),
    case(
        "digit-by-digit-price-traditional",
        "日圓兌新臺幣收在〇．二一八元。",
        C("〇．二一八元", "0.218", "元", "money"),
    ),
]

UNITS = [
    case(
        "flats",
        "新盘首轮推售三百二十伙，超额认购九倍。",
        C("三百二十伙", "320", "伙", "count"),
        C("九倍", "9", "倍", "change"),
    ),
    case("flats-traditional", "屋苑共有1,200伙。", C("1,200伙", "1200", "伙", "count")),
    case(
        "partner-is-a-word",
        "三家合作伙伴共签约5伙伴关系项目2个。",
        C("三家", "3", "家", "count"),
        C("2个", "2", "个", "count"),
    ),
    case("shots", "他全场命中6记三分球。", C("6记", "6", "记", "count")),
    case("shots-traditional", "她連續扣殺三記重扣。", C("三記", "3", "記", "count")),
    case("reporters-are-no-shots", "现场有5记者。"),
    case("square-feet-before-another-numeral", "一个六百呎两房单位。", C("六百呎", "600", "呎", "measure")),
    case("square-feet-traditional", "一個五百八十呎三房單位。", C("五百八十呎", "580", "呎", "measure")),
    case("set-phrases-stay", "落实一院一策、四位一体。"),
    case("per-base", "血液中乙醇含量为95.2mg/100ml。", C("95.2mg/100ml", "95.2", "mg/100ml", "measure")),
    case(
        "per-base-chinese",
        "血液酒精含量為120毫克/100毫升。",
        C("120毫克/100毫升", "120", "毫克/100毫升", "measure"),
    ),
    case("per-unit-still", "PM2.5浓度32微克/立方米。", C("32微克/立方米", "32", "微克/立方米", "measure")),
]

SPOKEN_MONEY = [
    case("rent-spoken", "一个两房单位以月租两万三租出。", C("两万三", "23000", "", "money")),
    case("rent-spoken-traditional", "單位以月租一萬八租出。", C("一萬八", "18000", "", "money")),
    case(
        "price-moved",
        "单价已经从四万五跌到三万八左右。",
        C("四万五", "45000", "", "money"),
        C("三万八左右", "38000", "", "money"),
    ),
    case(
        "price-moved-traditional",
        "呎價由一萬二升至一萬五上下。",
        C("一萬二", "12000", "", "money"),
        C("一萬五上下", "15000", "", "money"),
    ),
    case("rent-dropped", "车位月租也降到了千二左右。", C("千二左右", "1200", "", "money")),
    case("currency-before-chinese", "撥款為澳門元三百二十億。", C("三百二十億", "32000000000", "", "money")),
    case(
        "currency-before-chinese-simplified", "投资总额为人民币五千万。", C("五千万", "50000000", "", "money")
    ),
    case("price-without-a-magnitude-is-no-amount", "股价一路走高，单价三成上涨。"),
    case("a-thousand-vague", "上千三甲医院参与。"),
    case("arabic-price-with-approximation", "平均成交价820万左右。", C("820万左右", "8200000", "", "money")),
]

RANKS = [
    case("second-highest", "出口额创历年第二高。", C("第二", "2", "", "rank")),
    case("second-highest-traditional", "單月金額創歷年第三高。", C("第三", "3", "", "rank")),
    case("second-most", "降雨量为有记录以来同期第二多。", C("第二", "2", "", "rank")),
    case("second-most-traditional", "入境人次為歷年第二多。", C("第二", "2", "", "rank")),
    case("third-lowest", "失业率降至同期第三低。", C("第三", "3", "", "rank")),
    case("a-second-peak-is-no-rank", "客流迎来第二高峰，市民走上第一大道，望見世界第一高樓。"),
    case("tenth-something", "排名第十多位。", C("第十多位", "10", "位", "rank")),
    case("second-largest-still", "欧盟为第二大贸易伙伴。", C("第二", "2", "", "rank")),
]

APPROXIMATIONS = [
    case("percent-words-over", "覆盖率提升至百分之六十以上。", C("百分之六十以上", "60", "%", "percent")),
    case(
        "percent-words-about-traditional",
        "佔比約為百分之八十左右。",
        C("百分之八十左右", "80", "%", "percent"),
    ),
    case("percent-words-bare", "增长百分之五。", C("百分之五", "5", "%", "percent")),
    case("multiple-and-more", "超标一倍多。", C("一倍多", "1", "倍", "change")),
    case("multiple-and-more-traditional", "儲備相當於貨幣的五倍多。", C("五倍多", "5", "倍", "change")),
    case("multiple-and-more-arabic", "增长3倍余。", C("3倍余", "3", "倍", "change")),
]

YUAN_JIAO_FEN = [
    case("amount-before-between", "收购价在1元2角5分之间。", C("1元2角5分", "1.25", "元", "money")),
    case(
        "amount-before-between-traditional",
        "每斤售價在3元4角5分之間。",
        C("3元4角5分", "3.45", "元", "money"),
    ),
    case("a-fraction-stays-a-fraction", "价格涨了3元，占三分之一。", C("3元", "3", "元", "money")),
]

SPORT_POINTS = [
    case("lead-in-points", "上半场结束时客队领先15分。", C("15分", "15", "分", "count")),
    case("lead-in-points-traditional", "第三節主隊一度領先12分。", C("12分", "12", "分", "count")),
    case("gap-in-points", "第四节将分差缩小到4分。", C("4分", "4", "分", "count")),
    case(
        "standings",
        "赛后，该队积48分，落后榜首3分。",
        C("48分", "48", "分", "count"),
        C("3分", "3", "分", "count"),
    ),
    case(
        "box-score-list",
        "她全场砍下27分，其中扣球得分20分、拦网得分4分、发球得分3分。",
        C("27分", "27", "分", "count"),
        C("20分", "20", "分", "count"),
        C("4分", "4", "分", "count"),
        C("3分", "3", "分", "count"),
    ),
    case("career-points", "他职业生涯总得分突破2万分。", C("2万分", "20000", "分", "count")),
    case("season-points-traditional", "她本賽季累計得分1,024分。", C("1,024分", "1024", "分", "count")),
    case(
        "exam-points-stay-measured",
        "本科录取分数线为480分，比去年提高5分。",
        C("480分", "480", "分", "measure"),
        C("5分", "5", "分", "measure"),
    ),
]

NAMES_STAY_NAMES = [
    case(
        "score-and-quarter-beside-a-lead",
        "湖人以98:91获胜，第一节一度领先8分，第三轮再战。",
        C("8分", "8", "分", "count"),
    ),
    case("score-and-quarter-traditional", "比賽第三節以25:21領先，分差4分。", C("4分", "4", "分", "count")),
    case(
        "index-name-beside-a-run",
        "沪深300指数连跌三日，股价报3.5元。",
        C("三日", "3", "日", "duration"),
        C("3.5元", "3.5", "元", "money"),
    ),
    case(
        "stock-codes-beside-a-run-traditional",
        "股票代碼600519的收報1688元，港股00700連升五日。",
        C("1688元", "1688", "元", "money"),
        C("五日", "5", "日", "duration"),
    ),
]

SIZE_BANDS = [
    case("size-band", "90至144平方米的改善型住房成交2100套。", C("2100套", "2100", "套", "count")),
    case("size-band-traditional", "四百至六百呎的單位成交佔六成。"),
    case("a-measured-range-stays", "降雨量50至80毫米。", C("80毫米", "80", "毫米", "measure")),
    case("an-area-range-stays", "户型面积在90至144平方米之间。", C("144平方米", "144", "平方米", "measure")),
]


THRESHOLDS_OF_A_GROUP = [
    case("money-line-of-a-group", "对自付费用超过5万元的困难群众实施救助。"),
    case("money-line-of-a-group-traditional", "向入息低於一萬二千元的家庭發放津貼。"),
    case("a-count-of-the-group-stays", "超过3万名的志愿者参与服务。", C("3万名", "30000", "名", "count")),
    case(
        "an-amount-stays",
        "投资超过5亿元的项目有12个。",
        C("5亿元", "500000000", "元", "money"),
        C("12个", "12", "个", "count"),
    ),
    case(
        "years-of-work",
        "三年新增学位4.2万个。",
        C("三年", "3", "年", "duration"),
        C("4.2万个", "42000", "个", "count"),
    ),
    case(
        "years-of-work-traditional",
        "五年累計投入八十億元。",
        C("五年", "5", "年", "duration"),
        C("八十億元", "8000000000", "元", "money"),
    ),
    case("a-plan-is-a-name", "实施学前教育三年行动。"),
]


SPACED_UNITS = [
    case("space-inside-a-unit", "增速高于全省0.4个百分 点。", C("0.4个百分 点", "0.4", "个百分点", "change")),
    case(
        "space-inside-a-unit-traditional",
        "比率上升１．２個百分 點。",
        C("１．２個百分 點", "1.2", "個百分點", "change"),
    ),
    case("space-inside-an-area", "新增绿地12平方 公里。", C("12平方 公里", "12", "平方公里", "measure")),
    case("a-space-before-a-noun-is-no-unit", "共有3家 医院参与。", C("3家", "3", "家", "count")),
]


CHINESE_NUMERAL_READINGS = [
    case(
        "count-ending-in-wan",
        "入境旅客人次達二千一百萬，按年上升。",
        C("二千一百萬", "21000000", "", "count"),
    ),
    case(
        "count-ending-in-wan-simplified",
        "全市常住人口约九百五十万。",
        C("约九百五十万", "9500000", "", "count"),
    ),
    case("idioms-with-wan-stay-words", "情况十万火急，成千上万，数以万计。"),
    case("temperature-in-chinese", "最高氣溫三十四點二度。", C("三十四點二度", "34.2", "度", "measure")),
    case("temperature-below-zero", "气温降至零下五度。", C("零下五度", "-5", "度", "measure")),
    case("times-are-no-degrees", "他两度夺冠，一度領先。"),
    case(
        "points-in-chinese",
        "她全場攻下二十八分，场均贡献十九点五分。",
        C("二十八分", "28", "分", "count"),
        C("十九点五分", "19.5", "分", "count"),
    ),
    case("very-is-no-score", "比賽十分激烈。"),
    case("points-in-chinese-need-a-game", "考试得了五百二十分。"),
    case("three-point-shot", "他三分球命中率高，3分球出手10次。", C("10次", "10", "次", "count")),
    case(
        "decimal-before-a-thousand",
        "农作物受灾面积五十八点七千公顷。",
        C("五十八点七千公顷", "58700", "公顷", "measure"),
    ),
    case(
        "decimal-before-a-thousand-traditional",
        "受災面積十二點五千公頃。",
        C("十二點五千公頃", "12500", "公頃", "measure"),
    ),
    case("a-time-stays-a-time", "会议于三点二十分开始。"),
    case(
        "hectopascal-after-a-numeral",
        "中心最低气压九百五十五百帕。",
        C("九百五十五百帕", "955", "百帕", "measure"),
    ),
    case("hectopascal-traditional", "中心氣壓九百八十百帕。", C("九百八十百帕", "980", "百帕", "measure")),
    case("three-thousand-metres-stay", "全程三千米。", C("三千米", "3000", "米", "measure")),
    case("speed-in-words", "最大风力相当于四十二米每秒。", C("四十二米每秒", "42", "米每秒", "measure")),
    case(
        "speed-in-words-traditional",
        "陣風時速一百二十公里每小時。",
        C("一百二十公里每小時", "120", "公里每小時", "measure"),
    ),
    case(
        "prison-term",
        "法院判處被告監禁四年，另一人入狱两年。",
        C("四年", "4", "年", "duration"),
        C("两年", "2", "年", "duration"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CHINESE_NUMERAL_READINGS)
def test_chinese_numeral_readings(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), SPACED_UNITS)
def test_layout_spaces_inside_a_unit(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), THRESHOLDS_OF_A_GROUP)
def test_thresholds_of_a_group_and_years_of_work(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), RUNS_AND_PERIODS)
def test_runs_and_periods(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), MARKETS)
def test_markets(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), UNITS)
def test_units(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), SPOKEN_MONEY)
def test_spoken_money(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), RANKS)
def test_ranks_by_any_adjective(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), APPROXIMATIONS)
def test_approximation_words(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), YUAN_JIAO_FEN)
def test_yuan_jiao_fen(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), SPORT_POINTS)
def test_points_in_a_game(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), NAMES_STAY_NAMES)
def test_names_stay_names_beside_the_new_rules(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), SIZE_BANDS)
def test_size_bands_of_homes(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [("三二．一五", "32.15"), ("二九．八", "29.8"), ("四十二．七", "42.7"), ("〇．五", "0.5")],
)
def test_digit_by_digit_with_a_printed_point(text: str, value: str) -> None:
    assert str(parse_number(text)) == value


def test_two_digits_before_a_spoken_point_stay_a_range() -> None:
    with pytest.raises(ValueError, match="range"):
        parse_number("一二点五")


def test_subunits_stop_at_a_fraction_only() -> None:
    assert read_subunits("5分之间", 0) is not None
    assert read_subunits("5分之內", 0) is not None
    assert read_subunits("3分之一", 0) is None
    assert read_subunits("3分之2", 0) is None


_PLAIN = "〇一二三四五六七八九"


@given(st.integers(min_value=10, max_value=99), st.integers(min_value=0, max_value=9999))
def test_two_digits_by_digit_with_a_printed_point_read_as_written(whole: int, fraction: int) -> None:
    # 三二．一五 = 32.15 for every two digits and any decimals, in full-width or ASCII point
    digits = str(fraction).zfill(4)
    written = "".join(_PLAIN[int(d)] for d in str(whole)) + "．" + "".join(_PLAIN[int(d)] for d in digits)
    assert parse_number(written) == Decimal(f"{whole}.{digits}")
    assert parse_number(written.replace("．", ".")) == Decimal(f"{whole}.{digits}")


@pytest.mark.parametrize(
    ("text", "value", "approx"), [("一倍多", "1", "多"), ("五倍多", "5", "多"), ("3倍余", "3", "余")]
)
def test_a_typed_multiple_and_more_reads_as_the_detector_reads_it(text: str, value: str, approx: str) -> None:
    quantity = read_quantity(text)
    assert (str(quantity.value), quantity.unit, quantity.approx) == (value, "倍", approx)
