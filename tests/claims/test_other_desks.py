"""Claims of the desks beyond health news, and every numeral style papers print.

docs/numeric-claims.md, "Other genres and numeral styles": markets, sports,
company results, trade figures, Hong Kong, Macau and Taiwan copy.  Each row
asserts the whole list of claims of its sentence as ``(span, value, unit,
kind)``, so an extra or a missing claim fails; every category has sentences
in Simplified and in Traditional characters.  The sentences are made up in
the style of the desks' copy, not taken from any test page.
"""

from __future__ import annotations

import pytest
from claim_rows import C, Row, case, claims_of

# ---------------------------------------------------------------------------
# Units of other desks

MARKETS = [
    case(
        "index-close-simplified",
        "沪指收于3312.45点，跌21.06点，深证成指报10523.7点。",
        C("3312.45点", "3312.45", "点", "measure"),
        C("21.06点", "21.06", "点", "measure"),
        C("10523.7点", "10523.7", "点", "measure"),
    ),
    case(
        "index-close-traditional",
        "恒指收報17,234點，跌123點，成交額1,023億元。",
        C("17,234點", "17234", "點", "measure"),
        C("123點", "123", "點", "measure"),
        C("1,023億元", "102300000000", "元", "money"),
    ),
    case("index-change-small", "创业板指上涨8点。", C("8点", "8", "点", "measure")),
    case(
        "index-in-chinese-numerals",
        "加權指數收盤二萬一千零八十點，上漲二百三十點，下午三點公布。",
        C("二萬一千零八十點", "21080", "點", "measure"),
        C("二百三十點", "230", "點", "measure"),
    ),
    case("clock-is-not-points", "会议于上午10点开始，18点30分结束。"),
    case("landmark-level", "沪指失守3000点关口。"),
    case(
        "index-names-stay-names",
        "沪深300指数涨1.2%，上证50、中证500分别涨0.8%、1.5%。",
        C("1.2%", "1.2", "%", "percent"),
        C("0.8%", "0.8", "%", "percent"),
        C("1.5%", "1.5", "%", "percent"),
    ),
    case(
        "index-names-traditional",
        "標普500指數升0.6%，日經225指數跌1.1%。",
        C("0.6%", "0.6", "%", "percent"),
        C("1.1%", "1.1", "%", "percent"),
    ),
    case(
        "stock-codes",
        "贵州茅台（600519）股价上涨2.3%，股票代码000001的平安银行成交52.3亿元。",
        C("2.3%", "2.3", "%", "percent"),
        C("52.3亿元", "5230000000", "元", "money"),
    ),
    case("stock-code-hk", "騰訊控股（00700.HK）收報385.2港元。", C("385.2港元", "385.2", "港元", "money")),
    case(
        "shares-and-stocks",
        "两市上涨个股超3000只，每10股派息3.5元。",
        C("超3000只", "3000", "只", "count"),
        C("10股", "10", "股", "count"),
        C("3.5元", "3.5", "元", "money"),
    ),
    case("basis-points", "一年期LPR下调10个基点。", C("10个基点", "10", "个基点", "percent")),
]

SPORTS = [
    case(
        "box-score-simplified",
        "詹姆斯全场砍下23分12个篮板，戴维斯贡献18分。",
        C("23分", "23", "分", "count"),
        C("12个", "12", "个", "count"),
        C("18分", "18", "分", "count"),
    ),
    case(
        "box-score-bare-nouns",
        "约基奇拿下31分15篮板9助攻。",
        C("31分", "31", "分", "count"),
        C("15篮板", "15", "篮板", "count"),
        C("9助攻", "9", "助攻", "count"),
    ),
    case(
        "box-score-traditional",
        "林書豪全場獨得25分，另有8次助攻。",
        C("25分", "25", "分", "count"),
        C("8次", "8", "次", "count"),
    ),
    case(
        "record-of-games",
        "广东队取得5连胜，以15胜3负排名第二，辽宁队以3分之差险胜。",
        C("5连胜", "5", "连胜", "count"),
        C("15胜", "15", "胜", "count"),
        C("3负", "3", "负", "count"),
        C("第二", "2", "", "rank"),
        C("3分", "3", "分", "count"),
    ),
    case(
        "record-of-games-traditional",
        "港隊錄得3勝1平2負。",
        C("3勝", "3", "勝", "count"),
        C("1平", "1", "平", "count"),
        C("2負", "2", "負", "count"),
    ),
    case("not-a-record", "打造1平台2中心，共有5胜利者，负债3家。", C("3家", "3", "家", "count")),
    case("average-points", "本赛季场均得分105.6分。", C("105.6分", "105.6", "分", "count")),
    case(
        "goals", "哈兰德打进2球，全队射门17次。", C("2球", "2", "球", "count"), C("17次", "17", "次", "count")
    ),
    case("goals-chinese", "梅西本場攻入兩球。", C("兩球", "2", "球", "count")),
    case("match-score-colon", "湖人以98:91战胜勇士。"),
    case("match-score-bi", "曼城3比1击败阿森纳，以102比99险胜。"),
    case("match-score-traditional", "港隊以2比0擊敗對手。"),
    case("quarter-and-round", "第一节比赛结束时，湖人在第三轮系列赛中领先。"),
    case("quarter-and-round-traditional", "第四節開始後，球隊在第二輪晉級。"),
    case("team-names", "费城76人队主场迎战，北京四中和上海二中的学生到场助威。"),
    case(
        "exam-score-is-measured",
        "今年本科一批录取线为520分，全市综合得分84.6分。",
        C("520分", "520", "分", "measure"),
        C("84.6分", "84.6", "分", "measure"),
    ),
]

MONEY = [
    case(
        "currencies-simplified",
        "公司营收32.6亿港元，净利润1.2亿美元，海外收入8600万欧元，在日销售额120亿日元，英国业务3.5亿英镑。",
        C("32.6亿港元", "3260000000", "港元", "money"),
        C("1.2亿美元", "120000000", "美元", "money"),
        C("8600万欧元", "86000000", "欧元", "money"),
        C("120亿日元", "12000000000", "日元", "money"),
        C("3.5亿英镑", "350000000", "英镑", "money"),
    ),
    case(
        "currencies-traditional",
        "特區政府撥款32.6億澳門元，台灣出口額達新臺幣1.2兆元，另有5,000萬新臺幣。",
        C("32.6億澳門元", "3260000000", "澳門元", "money"),
        C("1.2兆元", "1200000000000", "元", "money"),
        C("5,000萬新臺幣", "50000000", "新臺幣", "money"),
    ),
    case(
        "currency-before-the-number",
        "项目总投资人民币12万元，港幣3.14的票价不变。",
        C("12万元", "120000", "元", "money"),
        C("3.14", "3.14", "", "money"),
    ),
    case(
        "money-without-a-currency-word",
        "平均成交價820萬，較上月上升3%；公司营收1.2亿，同比增长5%。",
        C("820萬", "8200000", "", "money"),
        C("3%", "3", "%", "percent"),
        C("1.2亿", "120000000", "", "money"),
        C("5%", "5", "%", "percent"),
    ),
    case(
        "currency-signs",
        "以每股HK$1.95认购，总额US$3亿。",
        C("1.95", "1.95", "", "money"),
        C("3亿", "300000000", "", "money"),
    ),
    case(
        "price-without-a-currency-word",
        "騰訊收報385.2，升1.5%；單價35，呎價1.2萬。",
        C("385.2", "385.2", "", "money"),
        C("1.5%", "1.5", "%", "percent"),
        C("35", "35", "", "money"),
        C("1.2萬", "12000", "", "money"),
    ),
    case(
        "a-count-after-a-money-word-is-a-count",
        "投资者数量达到1.2亿，股民突破2.2亿。",
        C("1.2亿", "120000000", "", "count"),
        C("2.2亿", "220000000", "", "count"),
    ),
    case("yuan-jiao-fen", "每斤售价12元5角，比上周贵3角。", C("12元5角", "12.5", "元", "money")),
    case(
        "yuan-jiao-fen-chinese",
        "票價由五元三毛漲至六元。",
        C("五元三毛", "5.3", "元", "money"),
        C("六元", "6", "元", "money"),
    ),
    case(
        "trade-surplus",
        "上半年出超120亿美元，入超5亿元。",
        C("120亿美元", "12000000000", "美元", "money"),
        C("5亿元", "500000000", "元", "money"),
    ),
    case(
        "trade-surplus-traditional",
        "1至6月出超達新臺幣3,200億元。",
        C("3,200億元", "320000000000", "元", "money"),
    ),
]

# ---------------------------------------------------------------------------
# Every numeral style

NUMERAL_STYLES = [
    case(
        "digit-by-digit",
        "出口二九〇〇億美元，共有三〇五家企业参与。",
        C("二九〇〇億美元", "290000000000", "美元", "money"),
        C("三〇五家", "305", "家", "count"),
    ),
    case("digit-by-digit-traditional", "全港共有三○五間學校。", C("三○五間", "305", "間", "count")),
    case(
        "years-in-these-styles-are-dates",
        "二〇二三年和二○二四年，全港火警二千三百宗。",
        C("二千三百宗", "2300", "宗", "count"),
    ),
    case(
        "chinese-decimals",
        "增长三点二个百分点，占百分之二点五，提高四点八个百分点。",
        C("三点二个百分点", "3.2", "个百分点", "change"),
        C("百分之二点五", "2.5", "%", "percent"),
        C("四点八个百分点", "4.8", "个百分点", "change"),
    ),
    case(
        "chinese-decimals-traditional",
        "年增百分之十二點五，減少一．三個百分點，佔四十二．七％，為去年的一．三倍。",
        C("百分之十二點五", "12.5", "%", "percent"),
        C("一．三個百分點", "1.3", "個百分點", "change"),
        C("四十二．七％", "42.7", "%", "percent"),
        C("一．三倍", "1.3", "倍", "change"),
    ),
    case(
        "chinese-decimal-magnitude",
        "总产值达三点二万亿元。",
        C("三点二万亿元", "3200000000000", "元", "money"),
    ),
    case("clock-in-chinese-is-not-a-decimal", "下午三点二十分，三点零五分出发。"),
    case(
        "spoken-abbreviations",
        "来了一百五人，两万三人次参观，月薪千三元。",
        C("一百五人", "150", "人", "count"),
        C("两万三人次", "23000", "人次", "count"),
        C("千三元", "1300", "元", "money"),
    ),
    case(
        "spoken-abbreviations-traditional",
        "全年接待兩萬三人次，月薪萬三的職位一百五個。",
        C("兩萬三人次", "23000", "人次", "count"),
        C("一百五個", "150", "個", "count"),
    ),
    case(
        "over-a-round-number",
        "千余名群众参加，百余家企业签约，万余人次观看，投资千余万元。",
        C("千余名", "1000", "名", "count"),
        C("百余家", "100", "家", "count"),
        C("万余人次", "10000", "人次", "count"),
        C("千余万元", "10000000", "元", "money"),
    ),
    case("over-a-round-number-traditional", "千餘名市民到場，數百餘人。", C("千餘名", "1000", "名", "count")),
    case("vague-thousand-stays-out", "上千三甲医院参与，数百名医生到场。"),
    case("wan-wan", "中国有四万万五千万人。", C("四万万五千万人", "450000000", "人", "count")),
    case("wan-wan-traditional", "當年四萬萬人口之說。"),
    case(
        "baifenzhibai",
        "合格率达到百分之百，完成率百分之一百二十点五。",
        C("百分之百", "100", "%", "percent"),
        C("百分之一百二十点五", "120.5", "%", "percent"),
    ),
    case("baifenzhibai-traditional", "達標率為百分之百。", C("百分之百", "100", "%", "percent")),
    case(
        "arabic-with-qian-and-ling",
        "全年新增1千零5人，投入2千零30万元。",
        C("1千零5人", "1005", "人", "count"),
        C("2千零30万元", "20300000", "元", "money"),
    ),
    case("arabic-parts-across-magnitudes", "共有5万4千6百户。", C("5万4千6百户", "54600", "户", "count")),
    case(
        "separators-after-baifenzhi",
        "增幅达百分之1,250，千分之3.5。",
        C("百分之1,250", "1250", "%", "percent"),
        C("千分之3.5", "3.5", "‰", "percent"),
    ),
    case(
        "full-width-grouping",
        "全年旅客１，２３４萬人次。",
        C("１，２３４萬人次", "12340000", "人次", "count"),
    ),
    case(
        "full-width-comma-between-numbers",
        "分别为３，４名。",
        C("４名", "4", "名", "count"),
    ),
    case(
        "layout-spaces-between-parts",
        "全市常住人口三千 八百 九十六 万人，增加一百 五十人。",
        C("三千 八百 九十六 万人", "38960000", "人", "count"),
        C("一百 五十人", "150", "人", "count"),
    ),
    case("wanfenzhi", "不良率为万分之三。", C("万分之三", "3", "‱", "percent")),
    case("fractions-of-other-bases-stay-out", "浓度为百万分之五，占一百分之二。"),
    case(
        "layout-space-around-the-point",
        "提高四点 五个百分点，占百分之一 點五。",
        C("四点 五个百分点", "4.5", "个百分点", "change"),
        C("百分之一 點五", "1.5", "%", "percent"),
    ),
    case(
        "signs",
        "增速为-22.2%，較上年負3.9%，比重在1-3%之间，亏损-1.2亿元，负债3亿元。",
        C("-22.2%", "-22.2", "%", "percent"),
        C("負3.9%", "-3.9", "%", "percent"),
        C("3%", "3", "%", "percent"),
        C("-1.2亿元", "-120000000", "元", "money"),
        C("3亿元", "300000000", "元", "money"),
    ),
    case("a-loss-is-a-count", "球队本赛季主场负3场。", C("3场", "3", "场", "count")),
    case(
        "si-prefix-after-a-magnitude",
        "功率一百千瓦，装机五万千瓦。",
        C("一百千瓦", "100", "千瓦", "measure"),
        C("五万千瓦", "50000", "千瓦", "measure"),
    ),
]

# ---------------------------------------------------------------------------
# Ranks, durations, approximations

RANKS_AND_DURATIONS = [
    case(
        "di-n-da",
        "创下历年第二大降幅，成为全球第三大市场。",
        C("第二", "2", "", "rank"),
        C("第三", "3", "", "rank"),
    ),
    case("di-n-da-traditional", "錄得有紀錄以來第二大跌幅。", C("第二", "2", "", "rank")),
    case("n-da-label-stays-out", "实施四大工程。"),
    case("lian-wu-yue", "出口连五月下跌。", C("五月", "5", "月", "duration")),
    case("lian-wu-yue-traditional", "出口連五月下跌。", C("五月", "5", "月", "duration")),
    case("months-are-dates", "五月出口下跌。"),
    case(
        "sentence-and-a-smaller-duration",
        "判处有期徒刑十年六个月，全程4小时18分。",
        C("十年", "10", "年", "duration"),
        C("六个月", "6", "个月", "duration"),
        C("4小时", "4", "小时", "duration"),
        C("18分", "18", "分", "duration"),
    ),
    case("lianxu-qi-ge-yue", "制造业PMI连续七个月位于扩张区间。", C("七个月", "7", "个月", "duration")),
    case(
        "ershi-nian-lai",
        "创二十年来新高，近十年增长一倍。",
        C("二十年", "20", "年", "duration"),
        C("近十年", "10", "年", "duration"),
        C("一倍", "1", "倍", "change"),
    ),
    case("ershi-nian-lai-traditional", "創二十年來新高。", C("二十年", "20", "年", "duration")),
    case(
        "shangxia",
        "成绩在80分上下，气温30℃上下。",
        C("80分上下", "80", "分", "measure"),
        C("30℃上下", "30", "℃", "measure"),
    ),
    case("shangxia-is-not-shangxiayou", "带动3家上下游企业。", C("3家", "3", "家", "count")),
    case("chuchao-ruchao", "前5月出超48亿美元。", C("48亿美元", "4800000000", "美元", "money")),
    case("chao-is-still-approx", "参观人数超50万人次。", C("超50万人次", "500000", "人次", "count")),
]

# ---------------------------------------------------------------------------
# The unit lexicon, by kind (a sample of each source)

UNIT_LEXICON = [
    case(
        "statistics-bureau",
        "能源消费总量5.2亿吨标准煤，港口吞吐量1052万标准箱，货运周转量3200亿吨公里。",
        C("5.2亿吨标准煤", "520000000", "吨标准煤", "measure"),
        C("1052万标准箱", "10520000", "标准箱", "count"),
        C("3200亿吨公里", "320000000000", "吨公里", "measure"),
    ),
    case(
        "hong-kong-and-taiwan-units",
        "實用面積500呎，每坪80萬元，每平方呎1.2萬元。",
        C("500呎", "500", "呎", "measure"),
        C("80萬元", "800000", "元", "money"),
        C("1.2萬元", "12000", "元", "money"),
    ),
    case(
        "agriculture-classifiers",
        "放流鱼苗500万尾，家禽存栏1.2万羽，打井12口。",
        C("500万尾", "5000000", "尾", "count"),
        C("1.2万羽", "12000", "羽", "count"),
        C("12口", "12", "口", "count"),
    ),
    case("arabic-only-classifiers", "两口子开了一面包店，三道防线。"),
    case(
        "commodities",
        "原油日产100万桶，黄金储备2200盎司。",
        C("100万桶", "1000000", "桶", "measure"),
        C("2200盎司", "2200", "盎司", "measure"),
    ),
    case(
        "si-prefix-with-arabic-digits",
        "新建光伏1.5兆瓦，跑了5千米。",
        C("1.5兆瓦", "1.5", "兆瓦", "measure"),
        C("5千米", "5", "千米", "measure"),
    ),
    case("ratings-name-the-equipment", "新投运500千伏变电站2座。", C("2座", "2", "座", "count")),
    case(
        "earthquake-and-wind",
        "发生6.8级地震，阵风10级，推进四级联动。",
        C("6.8级", "6.8", "级", "measure"),
        C("10级", "10", "级", "measure"),
    ),
    case("earthquake-traditional", "花蓮發生規模6.1級地震。", C("6.1級", "6.1", "級", "measure")),
    case(
        "below-zero",
        "最低气温零下5℃，最高-2℃。",
        C("零下5℃", "-5", "℃", "measure"),
        C("-2℃", "-2", "℃", "measure"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), MARKETS)
def test_markets(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), SPORTS)
def test_sports(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), MONEY)
def test_money_in_any_currency(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), NUMERAL_STYLES)
def test_numeral_styles(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), RANKS_AND_DURATIONS)
def test_ranks_durations_and_approximations(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), UNIT_LEXICON)
def test_unit_lexicon(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected
