"""Table-driven tests of the claim detector against docs/numeric-claims.md.

Every rule and example of the annotation standard has a row here, plus
sentences made up in the style of Chinese (Simplified and Hong Kong
Traditional) news copy to check that the rules generalise beyond the seeds.

A row asserts the *whole* list of claims of its text, in reading order, as
``(span, value, unit, kind)`` tuples, so any extra or missing claim fails.
Where the detector disagrees with the standard the row keeps the standard's
answer.  The detector gets display text with layout already repaired, so no
row here carries layout damage.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from claim_rows import C, Row, case, claims_of, same_unit

from desktop.claims.detector import detect
from desktop.claims.model import KINDS


def _spans(text: str, part: str) -> list[tuple[int, int]]:
    out, i = [], text.find(part)
    assert i >= 0, f"{part!r} is not in the test sentence {text!r}"
    while i >= 0:
        out.append((i, i + len(part)))
        i = text.find(part, i + 1)
    return out


def _overlaps(claim_start: int, claim_end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < claim_end and claim_start < e for s, e in spans)


# ---------------------------------------------------------------------------
# The span: [approx prefix] [rank prefix] number [magnitude] [approx suffix]
# [unit] [approx suffix]
# ---------------------------------------------------------------------------

SPAN_PARTS = [
    # approx prefix
    case("prefix-jin", "今年以来累计接诊发热患者近2万人次。", C("近2万人次", "20000", "人次", "count")),
    case("prefix-yue", "该项目总投资约3.5亿元。", C("约3.5亿元", "350000000", "元", "money")),
    case("prefix-chao", "国庆假期全市接待游客超800万人次。", C("超800万人次", "8000000", "人次", "count")),
    case("prefix-yu", "逾600名志愿者参与了此次活动。", C("逾600名", "600", "名", "count")),
    # verbs stay outside the span
    case("verb-da-outside", "全年门诊量达125万人次。", C("125万人次", "1250000", "人次", "count")),
    case("verb-chaoguo-outside", "新增参保人数超过3000人。", C("3000人", "3000", "人", "count")),
    case("verb-tupo-outside", "互联网医院线上问诊量突破50万人次。", C("50万人次", "500000", "人次", "count")),
    # rank prefix
    case("rank-di", "群众满意度列全市第4位。", C("第4位", "4", "位", "rank")),
    case("rank-qian-arabic", "该院科研实力进入全国前10位。", C("前10位", "10", "位", "rank")),
    case("rank-qian-chinese", "改革成效位居全国前五名。", C("前五名", "5", "名", "rank")),
    # number forms
    case("number-decimal", "门诊次均费用下降3.4%。", C("3.4%", "3.4", "%", "percent")),
    case("number-grouped", "全年共收治住院患者1,234人次。", C("1,234人次", "1234", "人次", "count")),
    case(
        "number-grouped-long",
        "全年累计完成核酸检测12,345,678人次。",
        C("12,345,678人次", "12345678", "人次", "count"),
    ),
    case("number-fullwidth", "医院抽调１２名医护人员驰援。", C("１２名", "12", "名", "count")),
    case("number-cn-san", "今年新建三个社区卫生服务站。", C("三个", "3", "个", "count")),
    case("number-cn-liang", "医保部门推出两项便民措施。", C("两项", "2", "项", "count")),
    case("number-cn-shiyi", "年内新开通十一条公交线路。", C("十一条", "11", "条", "count")),
    case("number-cn-yibaiershi", "今年培训乡村医生一百二十名。", C("一百二十名", "120", "名", "count")),
    # magnitude
    case("magnitude-wan", "这项政策惠及群众15.6万人。", C("15.6万人", "156000", "人", "count")),
    case("magnitude-yi", "集团实现营业收入140.05亿元。", C("140.05亿元", "14005000000", "元", "money")),
    case("magnitude-qian", "全市新增普惠性托位3千个。", C("3千个", "3000", "个", "count")),
    case("magnitude-bai-with-yu", "各级医院组织义诊5百余场。", C("5百余场", "500", "场", "count")),
    case("magnitude-cn-qian", "赛会共招募志愿者三千名。", C("三千名", "3000", "名", "count")),
    case("magnitude-cn-liangbai-yu", "现场两百余人参加演练。", C("两百余人", "200", "人", "count")),
    # approx suffix
    case("suffix-yu", "全市组建家庭医生团队860余支。", C("860余支", "860", "支", "count")),
    case("suffix-duo", "医保电子凭证已覆盖300多家药店。", C("300多家", "300", "家", "count")),
    case("suffix-lai", "现场有20来名工作人员维持秩序。", C("20来名", "20", "名", "count")),
    case(
        "suffix-zuoyou-after-unit", "患者月均自付费用在7000元左右。", C("7000元左右", "7000", "元", "money")
    ),
    case("suffix-yishang-after-unit", "集采药品平均降价50%以上。", C("50%以上", "50", "%", "percent")),
    case("suffix-yixia-after-unit", "院内感染率控制在3%以下。", C("3%以下", "3", "%", "percent")),
    case("suffix-yu-after-magnitude", "累计投入资金2亿余元。", C("2亿余元", "200000000", "元", "money")),
    case("suffix-yu-before-wan", "地铁日均客流40余万人次。", C("40余万人次", "400000", "人次", "count")),
    case("suffix-yu-before-yi", "带动消费30余亿元。", C("30余亿元", "3000000000", "元", "money")),
    case("suffix-yu-after-wan", "共有志愿者1.2万余人。", C("1.2万余人", "12000", "人", "count")),
    case("suffix-yu-chinese", "全县十余家企业参与。", C("十余家", "10", "家", "count")),
    case("suffix-duo-chinese", "三十多名专家参加会诊。", C("三十多名", "30", "名", "count")),
]

# Every unit the standard lists, with the kind the kind table gives it.
UNITS = [
    case("unit-ge", "全市建成健康促进示范点25个。", C("25个", "25", "个", "count")),
    case("unit-jia", "今年新增定点医疗机构90家。", C("90家", "90", "家", "count")),
    case("unit-ren", "上半年新增城镇就业3200人。", C("3200人", "3200", "人", "count")),
    case("unit-ming", "市人民医院招聘医学毕业生56名。", C("56名", "56", "名", "count")),
    case("unit-xiang", "全年完成重点民生任务17项。", C("17项", "17", "项", "count")),
    case("unit-li", "本周新增确诊病例3例。", C("3例", "3", "例", "count")),
    case("unit-zhang", "新院区新增床位480张。", C("480张", "480", "张", "count")),
    case("unit-tai", "县医院今年采购CT设备4台。", C("4台", "4", "台", "count")),
    case("unit-chu", "检查组整改安全隐患136处。", C("136处", "136", "处", "count")),
    case("unit-jian", "全年办理民生实事28件。", C("28件", "28", "件", "count")),
    case("unit-ci", "市场监管部门开展联合检查45次。", C("45次", "45", "次", "count")),
    case("unit-renci", "流动医疗车服务群众2.3万人次。", C("2.3万人次", "23000", "人次", "count")),
    case("unit-zhi", "全省组建应急医疗队12支。", C("12支", "12", "支", "count")),
    case("unit-suo", "今年全区新建中小学校7所。", C("7所", "7", "所", "count")),
    case("unit-liang", "公交集团更新新能源公交车320辆。", C("320辆", "320", "辆", "count")),
    case("unit-sou", "执法人员共检查渔船65艘。", C("65艘", "65", "艘", "count")),
    case("unit-tao", "年内建设保障性住房1500套。", C("1500套", "1500", "套", "count")),
    case("unit-qi", "全年举办健康讲座培训班8期。", C("8期", "8", "期", "count")),
    case("unit-chang", "下半年开展义诊活动36场。", C("36场", "36", "场", "count")),
    case("unit-tiao", "全市新开通公交线路12条。", C("12条", "12", "条", "count")),
    case("unit-zhong", "纳入医保报销的特药新增两种。", C("两种", "2", "种", "count")),
    case("unit-lei", "互认的检验检查项目涵盖6类。", C("6类", "6", "类", "count")),
    case("unit-tian", "平均住院日缩短至7.8天。", C("7.8天", "7.8", "天", "duration")),
    case("unit-fenzhong", "急救平均反应时间缩短至11分钟。", C("11分钟", "11", "分钟", "duration")),
    case("unit-xiaoshi", "患者平均等候时间为1.5小时。", C("1.5小时", "1.5", "小时", "duration")),
    case("unit-sui", "全市人均期望寿命达到79.05岁。", C("79.05岁", "79.05", "岁", "measure")),
    case("unit-yuan", "人均基本公共卫生服务经费补助标准提高到89元。", C("89元", "89", "元", "money")),
    case("unit-wanyuan", "市财政拨付专项资金560万元。", C("560万元", "5600000", "元", "money")),
    case("unit-yiyuan", "全年医保基金支出68.48亿元。", C("68.48亿元", "6848000000", "元", "money")),
    case("unit-percent", "家庭医生签约率为45.2%。", C("45.2%", "45.2", "%", "percent")),
    case("unit-percent-fullwidth", "重点人群签约率为78.6％。", C("78.6％", "78.6", "%", "percent")),
    case("unit-permille", "新生儿死亡率降至1.2‰。", C("1.2‰", "1.2", "‰", "percent")),
    case("unit-gebaifendian", "高于全国平均水平1.8个百分点。", C("1.8个百分点", "1.8", "个百分点", "change")),
    case("unit-bei", "跨省直接结算人次比上年增长1.5倍。", C("1.5倍", "1.5", "倍", "change")),
    case("unit-wei-count", "医院邀请8位省级专家坐诊。", C("8位", "8", "位", "count")),
    case("unit-pingfangmi", "新建业务用房3000余平方米。", C("3000余平方米", "3000", "平方米", "measure")),
    case("unit-haili", "海巡船今年累计巡航4700海里。", C("4700海里", "4700", "海里", "measure")),
    case("unit-guan", "筛查队伍采集血液样本2400余管。", C("2400余管", "2400", "管", "count")),
]

# "Examples (text → span)" of the standard, verbatim (layout damage repaired).
STANDARD_EXAMPLES = [
    case("ex-65.04pct", "实现65.04%的党支部建在科室", C("65.04%", "65.04", "%", "percent")),
    case("ex-1272wan-jian", "发放便民物品、资料1272万件", C("1272万件", "12720000", "件", "count")),
    case("ex-3.4wan-ming", "为3.4万名“三高”患者", C("3.4万名", "34000", "名", "count")),
    case("ex-di3-di2wei", "居全省第3和第2位", C("第3", "3", "", "rank"), C("第2位", "2", "位", "rank")),
    case("ex-diyiming", "绩效评价全省第一名", C("第一名", "1", "名", "rank")),
    case("ex-qiansanming", "位居全省前三名", C("前三名", "3", "名", "rank")),
    case("ex-1300yuming", "1300余名卫生技术人员", C("1300余名", "1300", "名", "count")),
    case("ex-jin10yiyuan", "累计减轻群众用药负担近10亿元", C("近10亿元", "1000000000", "元", "money")),
    case("ex-6.39-points", "高于全省平均6.39个百分点", C("6.39个百分点", "6.39", "个百分点", "change")),
    case(
        "ex-two-bei",
        "分别增长8.26倍、7.05倍",
        C("8.26倍", "8.26", "倍", "change"),
        C("7.05倍", "7.05", "倍", "change"),
    ),
    case("ex-2.4permille", "婴儿死亡率由2017年的2.4‰", C("2.4‰", "2.4", "‰", "percent")),
    case("ex-15.1-per-10wan", "孕产妇死亡率下降到15.1/10万", C("15.1/10万", "15.1", "/10万", "percent")),
    case("ex-sange", "需要满足三个条件", C("三个", "3", "个", "count")),
    case("ex-year-not-in-span", "降至2021年的1.69‰", C("1.69‰", "1.69", "‰", "percent")),
    case(
        "ex-169-171.4pct",
        "分别完成半年任务的169%和171.4%",
        C("169%", "169", "%", "percent"),
        C("171.4%", "171.4", "%", "percent"),
    ),
]

# The value table: magnitude applied, money keeps 元, percentages as written.
VALUE_TABLE = [
    case("value-1272wan-jian", "全年发放宣传资料1272万件。", C("1272万件", "12720000", "件", "count")),
    case("value-3.4wan-ming", "为3.4万名慢病患者建立档案。", C("3.4万名", "34000", "名", "count")),
    case("value-140.05yiyuan", "全年实现旅游收入140.05亿元。", C("140.05亿元", "14005000000", "元", "money")),
    case("value-65.04pct", "党支部覆盖率达到65.04%。", C("65.04%", "65.04", "%", "percent")),
    case("value-2.4permille", "婴儿死亡率为2.4‰。", C("2.4‰", "2.4", "‰", "percent")),
    case("value-15.1-per-10wan", "孕产妇死亡率为15.1/10万。", C("15.1/10万", "15.1", "/10万", "percent")),
    case("value-6.39-points", "增幅高于全省6.39个百分点。", C("6.39个百分点", "6.39", "个百分点", "change")),
    case("value-8.26bei", "网上办件量增长8.26倍。", C("8.26倍", "8.26", "倍", "change")),
    case("value-diyiming", "该院在全省考核中获得第一名。", C("第一名", "1", "名", "rank")),
    case(
        "value-qiansanming",
        "该市连续两年进入全省前三名。",
        C("两年", "2", "年", "duration"),
        C("前三名", "3", "名", "rank"),
    ),
    case("value-jin10yiyuan", "集中带量采购节约资金近10亿元。", C("近10亿元", "1000000000", "元", "money")),
    case("value-liangzhong", "该院新开展两种微创手术。", C("两种", "2", "种", "count")),
]

# The kind table.
KIND_TABLE = [
    case(
        "kind-count-1272wan-jian", "疫情期间发放防疫物资1272万件。", C("1272万件", "12720000", "件", "count")
    ),
    case("kind-count-90jia", "全市基层医疗机构共有90家。", C("90家", "90", "家", "count")),
    case("kind-count-3.4wan-ming", "为辖区3.4万名老人免费体检。", C("3.4万名", "34000", "名", "count")),
    case("kind-count-sange", "全县建成三个医共体。", C("三个", "3", "个", "count")),
    case(
        "kind-money-68.48yiyuan", "全年医保基金收入68.48亿元。", C("68.48亿元", "6848000000", "元", "money")
    ),
    case("kind-money-5000yuan", "每户一次性发放补贴5000元。", C("5000元", "5000", "元", "money")),
    case("kind-money-jin10yiyuan", "全年为企业减负近10亿元。", C("近10亿元", "1000000000", "元", "money")),
    case("kind-percent-65.04", "电子病历普及率为65.04%。", C("65.04%", "65.04", "%", "percent")),
    case("kind-percent-2.4permille", "全市婴儿死亡率降至2.4‰。", C("2.4‰", "2.4", "‰", "percent")),
    case(
        "kind-percent-per-10wan", "孕产妇死亡率控制在15.1/10万。", C("15.1/10万", "15.1", "/10万", "percent")
    ),
    case("kind-change-points", "签约率提高6.39个百分点。", C("6.39个百分点", "6.39", "个百分点", "change")),
    case("kind-change-bei", "线上结算量增长8.26倍。", C("8.26倍", "8.26", "倍", "change")),
    case("kind-rank-di1wei", "综合考核位列全省第1位。", C("第1位", "1", "位", "rank")),
    case("kind-rank-diyiming", "该县在年度考评中荣获第一名。", C("第一名", "1", "名", "rank")),
    case("kind-rank-qiansanming", "满意度测评位居全市前三名。", C("前三名", "3", "名", "rank")),
    case("kind-rank-shouwei", "群众满意度居全省首位。", C("首位", "1", "位", "rank")),
    case("kind-duration-11tian", "新院区建设用时11天。", C("11天", "11", "天", "duration")),
    case(
        "kind-duration-10fenzhong", "患者从挂号到就诊平均只需10分钟。", C("10分钟", "10", "分钟", "duration")
    ),
    case("kind-duration-20tian", "审批时间压缩至20天。", C("20天", "20", "天", "duration")),
    case("kind-measure-79.05sui", "人均期望寿命提高到79.05岁。", C("79.05岁", "79.05", "岁", "measure")),
    case(
        "kind-measure-3000yu-pingfangmi",
        "新建康复中心3000余平方米。",
        C("3000余平方米", "3000", "平方米", "measure"),
    ),
    case("kind-measure-4700haili", "执法船累计航行4700海里。", C("4700海里", "4700", "海里", "measure")),
    # a percentage that states a change is still kind percent
    case("kind-percent-change-up", "全市地区生产总值同比增长10.4%。", C("10.4%", "10.4", "%", "percent")),
    case("kind-percent-change-down", "药品费用同比下降4.3%。", C("4.3%", "4.3", "%", "percent")),
    case("kind-percent-change-jiangfu", "次均费用降幅为2.7%。", C("2.7%", "2.7", "%", "percent")),
]


@pytest.mark.parametrize(("text", "expected"), SPAN_PARTS)
def test_span_parts(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), UNITS)
def test_units_of_the_standard(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), STANDARD_EXAMPLES)
def test_standard_examples(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), VALUE_TABLE)
def test_value_table(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), KIND_TABLE)
def test_kind_table(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


PERCENT_WORDS = [
    pytest.param("今年药占比下降了百分之五。", "百分之五", "5", id="baifenzhiwu"),
    pytest.param("药占比降至百分之三十五点六。", "百分之三十五点六", "35.6", id="baifenzhi-decimal"),
    pytest.param("全市人口自然增长率为千分之三。", "千分之三", "3", id="qianfenzhisan"),
]


@pytest.mark.parametrize(("text", "span", "value"), PERCENT_WORDS)
def test_percent_written_in_words(text: str, span: str, value: str) -> None:
    # 百分之五 is kind percent (the kind table); the standard names no unit for it.
    claims = detect(text)
    assert [(c.text, str(c.value), c.kind) for c in claims] == [(span, value, "percent")]


# ---------------------------------------------------------------------------
# Approximation words: as written, and only the approximation words
# ---------------------------------------------------------------------------

APPROX = [
    pytest.param("累计减轻群众用药负担近10亿元。", "近10亿元", "近", id="jin"),
    pytest.param("该项目总投资约3.5亿元。", "约3.5亿元", "约", id="yue"),
    pytest.param("国庆假期全市接待游客超800万人次。", "超800万人次", "超", id="chao"),
    pytest.param("逾600名志愿者参与了此次活动。", "逾600名", "逾", id="yu-prefix"),
    pytest.param("全院共有1300余名卫生技术人员。", "1300余名", "余", id="yu-suffix"),
    pytest.param("医保电子凭证已覆盖300多家药店。", "300多家", "多", id="duo"),
    pytest.param("现场有20来名工作人员维持秩序。", "20来名", "来", id="lai"),
    pytest.param("患者月均自付费用在7000元左右。", "7000元左右", "左右", id="zuoyou"),
    pytest.param("集采药品平均降价90%以上。", "90%以上", "以上", id="yishang"),
    pytest.param("院内感染率控制在3%以下。", "3%以下", "以下", id="yixia"),
    pytest.param("全年减免费用9800余万元。", "9800余万元", "余", id="yu-before-magnitude"),
    pytest.param("上周急症室共處理約4萬1200人次求診。", "約4萬1200人次", "約", id="yue-traditional"),
    pytest.param("全年门诊量达125万人次。", "125万人次", "", id="verb-da-is-not-approx"),
    pytest.param("参保人数超过3000人。", "3000人", "", id="verb-chaoguo-is-not-approx"),
    pytest.param("线上问诊量突破50万人次。", "50万人次", "", id="verb-tupo-is-not-approx"),
    pytest.param("该工程建设周期逼近8年。", "8年", "", id="verb-bijin-is-not-approx"),
]


@pytest.mark.parametrize(("text", "span", "approx"), APPROX)
def test_approx_word(text: str, span: str, approx: str) -> None:
    claims = detect(text)
    assert [c.text for c in claims] == [span]
    assert claims[0].approx == approx


# ---------------------------------------------------------------------------
# What is NOT a claim: no claim may overlap the item; the rest is exact.
# ---------------------------------------------------------------------------


def neg(id_: str, text: str, forbidden: str | tuple[str, ...], *expected: Row) -> object:
    items = (forbidden,) if isinstance(forbidden, str) else forbidden
    return pytest.param(text, items, list(expected), id=id_)


NOT_CLAIMS = [
    # dates and times
    neg("date-9yue13ri", "9月13日，市卫健委召开新闻发布会。", "9月13日"),
    neg("date-2022nian7yue", "2022年7月，该院新门诊楼正式投入使用。", "2022年7月"),
    neg("date-2023nian", "2023年全市出生人口继续下降。", "2023年"),
    neg("date-1-8yue", "1—8月，全市新增城镇就业4.1万人。", "1—8月", C("4.1万人", "41000", "人", "count")),
    neg("date-2024-2026nian", "2024—2026年，全市将持续推进老年食堂建设。", "2024—2026年"),
    neg("time-18:30", "热线服务时间为每天8:30至18:30。", ("8:30", "18:30")),
    neg(
        "date-2017nianmo", "截至2017年末，全市共有养老机构46家。", "2017年末", C("46家", "46", "家", "count")
    ),
    neg("date-birth", "王某，男，汉族，2002年9月出生。", "2002年9月出生"),
    # names, slogans, programme titles
    neg("name-1+8+1", "全面落实“1+8+1”工作机制。", "“1+8+1”"),
    neg("name-12158", "全面推行“12158”工作法。", "“12158”"),
    neg("name-6293", "该县围绕“6293”工作思路推进医改。", "“6293”工作思路"),
    neg("name-qigeyi", "各地深入开展“七个一”主题活动。", "“七个一”"),
    neg("name-yicigua-hao", "全市推行“一次挂号管三天”服务。", "“一次挂号管三天”"),
    neg("name-sannian-xingdong", "实施基层卫生服务能力提升三年行动。", "三年行动"),
    neg("name-wujin", "组织开展健康知识“五进”活动。", "“五进”活动"),
    neg("name-qianming-yishi", "我市启动千名医师下基层活动。", "千名医师下基层"),
    neg("name-wanming-yihu", "全省实施万名医护进乡村工程。", "万名医护进乡村"),
    neg("name-shibada", "党的十八大以来，全市卫生事业快速发展。", "十八大"),
    neg("name-shisiwu", "市里正式编制“十四五”卫生健康发展规划。", "“十四五”"),
    # named days
    neg("day-5.8", "在5·8世界红十字日当天，市红十字会开展应急救护培训。", "5·8世界红十字日"),
    neg("day-6.14", "“6·14”世界献血者日前夕，中心血站举办表彰活动。", "“6·14”世界献血者日"),
    # identifiers
    neg("id-phone", "如有疑问请拨打咨询电话15863571664。", "15863571664"),
    neg("id-110", "辖区110民警迅速赶到现场处置。", "110民警"),
    neg(
        "id-120",
        "全市120院前急救平均反应时间为12分钟。",
        "120院前急救",
        C("12分钟", "12", "分钟", "duration"),
    ),
    neg("id-5G", "全市已建成5G基站2300个。", "5G", C("2300个", "2300", "个", "count")),
    neg("id-H7N9", "市疾控中心做好H7N9流感疫情防控工作。", "H7N9"),
    neg("id-AED", "今年在公共场所新增AED设备120台。", "AED", C("120台", "120", "台", "count")),
    neg("id-email", "来稿请发送至jkb2023@163.com邮箱。", "jkb2023@163.com"),
    neg("id-2023ban", "市卫健委发布“2023版”家庭医生服务包。", "“2023版”"),
    neg("id-90hou", "该院90后护士已成为护理队伍的主力。", "90后"),
    neg("id-12345-hotline", "市民可拨打12345市民热线反映诉求。", "12345"),
    neg(
        "id-12345-with-claim",
        "12345热线全年受理群众诉求86.2万件。",
        "12345",
        C("86.2万件", "862000", "件", "count"),
    ),
    neg("id-covid-19", "做好COVID-19疫苗加强针接种工作。", "COVID-19"),
    neg(
        "id-pm2.5",
        "PM2.5平均浓度为32微克/立方米。",
        "PM2.5",
        C("32微克/立方米", "32", "微克/立方米", "measure"),
    ),
    neg("id-shuang11", "“双11”期间快递业务量达1.2亿件。", "“双11”", C("1.2亿件", "120000000", "件", "count")),
    # ordinals that name an event or batch
    neg("ordinal-disanchang", "这是今年举办的第三场专场招聘会。", "第三场"),
    neg("ordinal-di18qi", "第18期青年干部培训班昨日开班。", "第18期"),
    neg("ordinal-dierjie", "第二届健康科普大赛圆满落幕。", "第二届"),
    neg("ordinal-diwupi", "第五批国家组织药品集采中选结果落地。", "第五批"),
    neg("ordinal-shoupi", "首批家庭病床服务试点正式启动。", "首批"),
    neg("ordinal-dishisijie", "第十四届全国运动会圆满闭幕。", "第十四届"),
    # enumerations
    neg("enum-yishi-ershi", "一是加强组织领导，二是强化资金保障。", ("一是", "二是")),
    neg("enum-yizhong-fangshi", "一种方式是线上预约，另一种方式是现场挂号。", ("一种方式", "另一种方式")),
    # ages and thresholds that define a group
    neg("age-65-jiyishang", "为辖区65岁及以上老年人免费体检。", "65岁及以上"),
    neg("age-5-yixia", "全市5岁以下儿童死亡率降至3.1‰。", "5岁以下", C("3.1‰", "3.1", "‰", "percent")),
    neg("age-70-yishang", "70岁以上老人乘坐公交车免费。", "70岁以上"),
    neg("age-60-yishang", "为60岁以上老年人免费接种流感疫苗。", "60岁以上"),
    neg("age-range-0-3", "为0—3岁婴幼儿家庭提供科学育儿指导。", "0—3岁"),
    neg("age-range-18-59", "为18至59岁人群免费接种疫苗。", "18至59岁"),
    neg("age-threshold-nianman", "为年满18周岁的居民提供免费体检。", "18周岁"),
    neg(
        "age-60-zhousui-yishang",
        "全市60周岁以上老年人达126.5万人。",
        "60周岁以上",
        C("126.5万人", "1265000", "人", "count"),
    ),
    neg("threshold-600fen", "600分以上考生共312人。", "600分以上", C("312人", "312", "人", "count")),
    # set phrases
    neg("set-yizhanshi", "打造一站式政务服务平台。", "一站式"),
    neg("set-yitihua", "推进医防融合一体化发展。", "一体化"),
    neg("set-yilaoyixiao", "统筹做好一老一小服务保障。", "一老一小"),
    neg("set-yiyuanyice", "对薄弱卫生院实行一院一策精准帮扶。", "一院一策"),
    neg("set-bairigongjian", "全市开展安全生产百日攻坚行动。", "百日攻坚"),
    # slogans without quotes
    neg("slogan-sigequanmian", "协调推进四个全面战略布局。", "四个全面"),
    neg("slogan-baxiangguiding", "严格落实中央八项规定精神。", "八项规定"),
    neg("slogan-lianggeweihu", "坚决做到两个维护。", "两个维护"),
    neg("set-diyishijian", "民警第一时间赶赴现场处置。", "第一时间"),
    # more of the same shapes (grades, per-head bases, words with 一)
    neg("grade-erji-yishang", "辖区内二级以上医院均已开通预约挂号。", "二级以上"),
    neg("per-head-base", "每千人口拥有执业医师数为3.6人。", "千人口", C("3.6人", "3.6", "人", "count")),
    neg("word-jinyibu", "进一步提升基层服务能力。", "进一步"),
    neg("word-zhiyi", "该县是全省首批试点县之一。", ("首批", "之一")),
    neg("word-diyi-zerenren", "院长是安全生产第一责任人。", "第一责任人"),
    neg("word-yicixing", "对困难群众给予一次性救助。", "一次性"),
    neg("date-chinese-numerals", "二〇二三年十月八日，新院区举行奠基仪式。", ("二〇二三年", "十月八日")),
    neg(
        "time-qiansanjidu", "前三季度，全市工业用电量增长6.2%。", "前三季度", C("6.2%", "6.2", "%", "percent")
    ),
]


@pytest.mark.parametrize(("text", "forbidden", "expected"), NOT_CLAIMS)
def test_not_a_claim(text: str, forbidden: tuple[str, ...], expected: list[Row]) -> None:
    claims = detect(text)
    for item in forbidden:
        spans = _spans(text, item)
        hits = [c.text for c in claims if _overlaps(c.start, c.end, spans)]
        assert hits == [], f"{item!r} must not be a claim"
    assert claims_of(text) == expected


# ---------------------------------------------------------------------------
# Left out of the score: nothing is asserted about the ignored item, the rest
# of the sentence is exact.
# ---------------------------------------------------------------------------


def ign(id_: str, text: str, ignored: str | tuple[str, ...], *expected: Row) -> object:
    items = (ignored,) if isinstance(ignored, str) else ignored
    return pytest.param(text, items, list(expected), id=id_)


IGNORED = [
    ign("one-quanshengweiyi", "该院成为全省唯一的国家区域医疗中心。", "全省唯一"),
    ign("zero-lingsiwang", "全市连续五年实现零死亡。", "零死亡", C("五年", "5", "年", "duration")),
    ign("vague-shuwan", "灯会吸引数万名游客前来观赏。", "数万"),
    ign("vague-jishi", "几十名志愿者参与了清扫。", "几十"),
    ign("tier-sijiliandong", "构建市县乡村四级联动机制。", "四级联动"),
    ign("tier-sanji", "建立市县乡三级医疗服务网络。", "三级"),
    ign("tier-liangji", "建立市区两级督导机制。", "两级"),
    ign("tier-sanchongbaozhang", "筑牢基本医保、大病保险、医疗救助三重保障。", "三重保障"),
    ign("da-sidagongcheng", "全面实施四大工程。", "四大工程"),
    ign("da-sandahexinzhibiao", "三大核心指标均排名全省第一。", "三大核心指标", C("第一", "1", "", "rank")),
    ign("da-liudazhongxin-quoted", "加快推进“六大中心”建设。", "“六大中心”"),
    ign("quoted-sum-8+16", "全市重点专科数量达到“8+16”。", "“8+16”"),
    ign("stock-label-15fenzhong", "全面建成15分钟服务圈。", "15分钟服务圈"),
    # fractions with 成 and 半, ordinal years: not covered by the standard
    ign("fraction-liangcheng", "今年流感個案較去年減少兩成。", "兩成"),
    ign("fraction-yichengban", "輪候時間縮短一成半。", "一成半"),
    ign("fraction-banxiaoshi", "救護車平均召達時間縮短半小時。", "半小時"),
    ign("ordinal-year", "全市连续第二年获评全国文明城市。", "连续第二年"),
]


@pytest.mark.parametrize(("text", "ignored", "expected"), IGNORED)
def test_ignored_items_leave_the_rest_exact(text: str, ignored: tuple[str, ...], expected: list[Row]) -> None:
    spans = [s for item in ignored for s in _spans(text, item)]
    rest = [
        (c.text, str(c.value), same_unit(c.unit), c.kind)
        for c in detect(text)
        if not _overlaps(c.start, c.end, spans)
    ]
    assert rest == expected


# ---------------------------------------------------------------------------
# Smaller rules
# ---------------------------------------------------------------------------

SMALLER_RULES = [
    case(
        "every-occurrence-headline-and-body",
        "全市新增普惠托位1.2万个\n今年以来，全市新增普惠托位1.2万个，提前完成全年任务。",
        C("1.2万个", "12000", "个", "count"),
        C("1.2万个", "12000", "个", "count"),
    ),
    case(
        "target-in-plan",
        "到2025年底前，全市居民健康素养水平达到65%以上。",
        C("65%以上", "65", "%", "percent"),
    ),
    case("unit-as-written-taici", "全年完成各类手术1.8万台次。", C("1.8万台次", "18000", "台次", "count")),
    case("unit-as-written-huci", "党员干部走访困难群众2300户次。", C("2300户次", "2300", "户次", "count")),
    case("unit-as-written-dalei", "本次抽检覆盖食品12大类。", C("12大类", "12", "大类", "count")),
    case("counted-noun-14bumen", "市卫健委联合14部门印发实施方案。", C("14部门", "14", "部门", "count")),
    case("ge-gongzuori", "审批时限压缩至5个工作日。", C("5个工作日", "5", "个工作日", "duration")),
    case("ge-yue", "专项整治行动为期6个月。", C("6个月", "6", "个月", "duration")),
    case("ge-yue-after-tiqian", "全市提前3个月完成全年目标。", C("3个月", "3", "个月", "duration")),
    case("ge-counted-noun-outside", "市场监管局抽检食品8个批次。", C("8个", "8", "个", "count")),
    case("rank-unit-wei", "患者满意度排名全省第1位。", C("第1位", "1", "位", "rank")),
    case("rank-unit-ming", "在省级技能竞赛中获得第一名。", C("第一名", "1", "名", "rank")),
    case("rank-unit-empty", "该项指标列全省第3。", C("第3", "3", "", "rank")),
    case(
        "rank-list-di-repeated",
        "相关指标评价列全省第1、第2和第4位。",
        C("第1", "1", "", "rank"),
        C("第2", "2", "", "rank"),
        C("第4位", "4", "位", "rank"),
    ),
    case("rank-diyi-chinese-empty-unit", "改革成效列全省第三。", C("第三", "3", "", "rank")),
    case("rank-qian-empty-unit", "综合评价排名全省前三。", C("前三", "3", "", "rank")),
    case(
        "rank-list-1-3-4",
        "三项指标分别列全省第1、3、4位。",
        C("三项", "3", "项", "count"),
        C("第1", "1", "", "rank"),
        C("3", "3", "", "rank"),
        C("4位", "4", "位", "rank"),
    ),
    case("per-head-rate-count", "全市每千人口托位数达到4.1个。", C("4.1个", "4.1", "个", "count")),
    case(
        "money-change-stays-money", "城乡居民医保基金增长2700万元。", C("2700万元", "27000000", "元", "money")
    ),
    case("percent-change-stays-percent", "门诊人次同比增长10.4%。", C("10.4%", "10.4", "%", "percent")),
    case("duration-lianxu-4nian", "该院连续4年获评省级文明单位。", C("4年", "4", "年", "duration")),
    case("duration-yongshi-11tian", "方舱医院改造用时11天。", C("11天", "11", "天", "duration")),
    case("duration-24xiaoshi", "药房24小时提供服务。", C("24小时", "24", "小时", "duration")),
]


@pytest.mark.parametrize(("text", "expected"), SMALLER_RULES)
def test_smaller_rules(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


# ---------------------------------------------------------------------------
# Harder cases
# ---------------------------------------------------------------------------

HARDER_CASES = [
    # 一 + measure word as an article or set phrase
    case("yi-article-yiming", "一名男青年突然晕倒在地。"),
    case("yi-article-yige", "市疾控中心设立了一个应急物资储备库。"),
    case("yi-article-yibu", "嫌疑人抢过一部手机后逃离现场。"),
    case("yi-article-renyiyizhong", "参保人可任选其中任意一种支付方式。"),
    case("yi-article-yipi", "培养了一批基层骨干人才。"),
    case("yi-set-yixian", "医护人员坚守在抗疫一线。"),
    case("yi-set-hege-yisou", "海事部门做到合格一艘、放行一艘。"),
    # a count of one written as a figure, or in a tally
    case("one-as-figure-1li", "当日新增死亡病例1例。", C("1例", "1", "例", "count")),
    case("one-as-figure-1ge", "今年建成区域医疗中心1个。", C("1个", "1", "个", "count")),
    case("one-as-figure-1jia", "新增三级甲等医院1家。", C("1家", "1", "家", "count")),
    case(
        "one-in-tally-figures",
        "其中牵头专科1个、参与专科3个。",
        C("1个", "1", "个", "count"),
        C("3个", "3", "个", "count"),
    ),
    case(
        "one-in-tally-chinese",
        "新增国家级重点专科一个、省级重点专科四个。",
        C("一个", "1", "个", "count"),
        C("四个", "4", "个", "count"),
    ),
    # Chinese numeral before a bare noun is a name
    case("bare-noun-liangdi", "两地医保实现异地就医直接结算。"),
    case("bare-noun-sanyuan", "市三院新院区今日启用。"),
    case("bare-noun-sangao", "社区开展三高共管服务。"),
    case("bare-noun-liuxin", "医院打造六心服务品牌。"),
    # Arabic digits before a bare noun count; so does a Chinese numeral before 方面
    case("arabic-bare-noun-2dishi", "全省2地市入选国家试点。", C("2地市", "2", "地市", "count")),
    case("arabic-bare-noun-18qu", "計劃已推展至全港18區。", C("18區", "18", "區", "count")),
    case("arabic-bare-noun-16shi", "全省16市全部开通医保电子凭证。", C("16市", "16", "市", "count")),
    case("arabic-bare-noun-14bumen", "14部门联合开展专项整治。", C("14部门", "14", "部门", "count")),
    case("fangmian-liu", "实施方案从六方面推进改革。", C("六方面", "6", "方面", "count")),
    case("fangmian-wu", "会议提出五方面具体措施。", C("五方面", "5", "方面", "count")),
    # first place
    case("first-shouwei", "群众就医满意度居全省首位。", C("首位", "1", "位", "rank")),
    case("first-shouming", "该院选手在全省护理技能大赛中取得首名。", C("首名", "1", "名", "rank")),
    case("first-diyi", "营商环境评价综合排名全省第一。", C("第一", "1", "", "rank")),
    case("not-first-zhishou", "发病数居法定传染病之首。"),
    case("not-first-fangzai-shouwei", "始终把人民健康放在优先发展的首位。"),
    case("not-first-shouge", "全省首个儿童友好医院在我市挂牌。"),
    case("not-first-shoupi", "首批互联网医院通过验收。"),
    case("not-first-shoujie", "首届健康科普大赛开幕。"),
    # time limits
    case(
        "limit-reached-20fenzhong",
        "全市实现精确到20分钟内的门诊预约。",
        C("20分钟", "20", "分钟", "duration"),
    ),
    case(
        "limit-promised-10gegongzuori",
        "申请材料齐全的，10个工作日办理完毕。",
        C("10个工作日", "10", "个工作日", "duration"),
    ),
    case(
        "limit-traditional-24xiaoshi",
        "所有投訴個案均於24小時內完成派案。",
        C("24小時", "24", "小時", "duration"),
    ),
    case(
        "limit-defines-indicator-30fenzhong",
        "緊急類別病人於30分鐘內就診的比率為91.2%。",
        C("91.2%", "91.2", "%", "percent"),
    ),
    # change only for 个百分点 and 倍
    case("other-difference-zhang", "急症病床較去年增加5張。", C("5張", "5", "張", "count")),
    case(
        "other-difference-ri",
        "平均住院日為5.2日，較去年減少0.1日。",
        C("5.2日", "5.2", "日", "duration"),
        C("0.1日", "0.1", "日", "duration"),
    ),
    case(
        "other-difference-money", "职工医保统筹基金增长2700万元。", C("2700万元", "27000000", "元", "money")
    ),
    case("other-difference-percent", "住院人次同比增长10.4%。", C("10.4%", "10.4", "%", "percent")),
    # one written in Chinese that is an amount, not an article
    case("one-chinese-change-points", "住院率下降了一个百分点。", C("一个百分点", "1", "个百分点", "change")),
    case("one-chinese-change-bei", "外贸出口额增长一倍。", C("一倍", "1", "倍", "change")),
    case("one-chinese-duration", "新院区建设历时一年。", C("一年", "1", "年", "duration")),
    # coordinated numbers share the last one's unit
    case(
        "coordinated-units",
        "分别培训医生和护士1,730及2,397名。",
        C("1,730", "1730", "", "count"),
        C("2,397名", "2397", "名", "count"),
    ),
    case(
        "per-population-ren-per-10wanren",
        "全市肺结核报告发病率为14.13人/10万人。",
        C("14.13人/10万人", "14.13", "人/10万人", "percent"),
    ),
    # span shapes
    case(
        "approx-before-magnitude",
        "全年为患者减免费用9800余万元。",
        C("9800余万元", "98000000", "元", "money"),
    ),
    case(
        "mixed-numeral-1wan3780chuang",
        "醫管局轄下病床總數為1萬3780床。",
        C("1萬3780床", "13780", "床", "count"),
    ),
    case(
        "mixed-numeral-467wan3155ren",
        "全港登記選民共467萬3155人。",
        C("467萬3155人", "4673155", "人", "count"),
    ),
    # a short tail after 万 fills its low places, in either script
    case(
        "mixed-numeral-short-tail-simplified",
        "单日最高峰共81万437人次出入境。",
        C("81万437人次", "810437", "人次", "count"),
    ),
    case(
        "mixed-numeral-short-tail-traditional",
        "羅湖管制站錄得9萬45人次。",
        C("9萬45人次", "90045", "人次", "count"),
    ),
    # near-misses: a one-digit tail (13000 or 10003?) and a short tail after 億 (萬 left out?)
    case("mixed-numeral-one-digit-tail", "全场观众1萬3人。"),
    case("mixed-numeral-short-tail-after-yi", "共有3億4500人。"),
    case("verb-bijin-outside", "该工程建设周期逼近8年。", C("8年", "8", "年", "duration")),
    # ratio 每N…有M
    case(
        "ratio-meiliuwei",
        "全市每6位市民就有1位是60岁以上老年人。",
        C("6位", "6", "位", "count"),
        C("1位", "1", "位", "count"),
    ),
    # 前N位的是：
    case(
        "top-n-list",
        "今年群众投诉量排在前5位的是：物业、噪音、交通、教育、医疗。",
        C("前5位", "5", "位", "rank"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), HARDER_CASES)
def test_harder_cases(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


# Ranges: the upper end is the scored claim, the lower end stays as value_low.
RANGES = [
    pytest.param(
        "预计今年接待游客70~80万人。", "80万人", "800000", "700000", "人", "count", id="70~80wan-ren"
    ),
    pytest.param("每个乡镇建设3至5个示范村。", "5个", "5", "3", "个", "count", id="3zhi5ge"),
    pytest.param("每个社区配备三至五名网格员。", "五名", "5", "3", "名", "count", id="sanzhiwuming"),
    pytest.param("每月补贴1.5万—2万元。", "2万元", "20000", "15000", "元", "money", id="1.5wan-2wanyuan"),
    pytest.param(
        "护理员月薪在8000~12000元之间。", "12000元", "12000", "8000", "元", "money", id="8000~12000yuan"
    ),
    pytest.param(
        "单次治疗时间为30至45分钟。", "45分钟", "45", "30", "分钟", "duration", id="30zhi45fenzhong"
    ),
]


@pytest.mark.parametrize(("text", "upper", "value", "low", "unit", "kind"), RANGES)
def test_ranges(text: str, upper: str, value: str, low: str, unit: str, kind: str) -> None:
    claims = detect(text)
    assert len(claims) == 1, [c.text for c in claims]
    (claim,) = claims
    assert claim.text.endswith(upper)
    assert (str(claim.value), claim.unit, claim.kind) == (value, unit, kind)
    assert claim.value_low == Decimal(low)


# ---------------------------------------------------------------------------
# Traditional characters and full-width digits
# ---------------------------------------------------------------------------

TRADITIONAL = [
    case("trad-wan", "流感疫苗接種量達320萬人次。", C("320萬人次", "3200000", "人次", "count")),
    case("trad-yi", "政府預留3.5億元推行基層醫療計劃。", C("3.5億元", "350000000", "元", "money")),
    case("trad-liang-ge", "衞生署將新設兩個社區藥房。", C("兩個", "2", "個", "count")),
    case("trad-ge", "年內新增5個日間醫療中心。", C("5個", "5", "個", "count")),
    case("trad-zhang", "新急症大樓增設病床250張。", C("250張", "250", "張", "count")),
    case("trad-sui", "本港男性平均預期壽命為83.2歲。", C("83.2歲", "83.2", "歲", "measure")),
    case("trad-fenzhong", "救護車平均召達時間為10.2分鐘。", C("10.2分鐘", "10.2", "分鐘", "duration")),
    case("trad-xiaoshi", "熱線服務時間延長至每日16小時。", C("16小時", "16", "小時", "duration")),
    case("trad-yue-approx", "全年共接獲約2,300宗投訴。", C("約2,300宗", "2300", "宗", "count")),
    case("trad-yu-approx", "活動吸引逾1萬名市民參加。", C("逾1萬名", "10000", "名", "count")),
    case("trad-age-group-huo-yishang", "計劃為65歲或以上長者提供免費疫苗。"),
    case(
        "trad-age-group-nianman",
        "長者醫療券每年金額為2000元，合資格長者須年滿65歲。",
        C("2000元", "2000", "元", "money"),
    ),
]

FULL_WIDTH = [
    case("fullwidth-12ming", "急救中心增派１２名医护人员。", C("１２名", "12", "名", "count")),
    case(
        "fullwidth-65.04pct",
        "党支部建在科室的比例为６５．０４％。",
        C("６５．０４％", "65.04", "%", "percent"),
    ),
    case(
        "fullwidth-wanyuan", "市财政安排补助资金１２００万元。", C("１２００万元", "12000000", "元", "money")
    ),
    case(
        "fullwidth-date-not-claim",
        "２０２３年９月１３日，全市新增床位３００张。",
        C("３００张", "300", "张", "count"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), TRADITIONAL)
def test_traditional_characters(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), FULL_WIDTH)
def test_full_width_digits(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


# ---------------------------------------------------------------------------
# Made-up news sentences: health, economy, transport, education; Simplified
# and Hong Kong government press release style.
# ---------------------------------------------------------------------------

NEWS = [
    case(
        "health-institutions",
        "截至6月底，全市共有医疗卫生机构3215家，其中医院126家、基层医疗卫生机构2986家，实有床位2.6万张。",
        C("3215家", "3215", "家", "count"),
        C("126家", "126", "家", "count"),
        C("2986家", "2986", "家", "count"),
        C("2.6万张", "26000", "张", "count"),
    ),
    case(
        "health-signing-rate",
        "上半年，全市家庭医生签约服务覆盖率达到45.2%，重点人群签约率为78.6%，较去年同期提高3.5个百分点。",
        C("45.2%", "45.2", "%", "percent"),
        C("78.6%", "78.6", "%", "percent"),
        C("3.5个百分点", "3.5", "个百分点", "change"),
    ),
    case(
        "health-vaccination",
        "全市累计接种流感疫苗312.5万剂次，老年人接种率为86.3%。",
        C("312.5万剂次", "3125000", "剂次", "count"),
        C("86.3%", "86.3", "%", "percent"),
    ),
    case(
        "health-hfmd",
        "今年以来，全市共报告手足口病1532例，无死亡病例。",
        C("1532例", "1532", "例", "count"),
    ),
    case(
        "economy-gdp",
        "前三季度，全市实现地区生产总值4567.8亿元，同比增长5.6%，增速高于全省0.4个百分点。",
        C("4567.8亿元", "456780000000", "元", "money"),
        C("5.6%", "5.6", "%", "percent"),
        C("0.4个百分点", "0.4", "个百分点", "change"),
    ),
    case(
        "economy-jobs-income",
        "全年城镇新增就业3.2万人，城镇调查失业率控制在5.5%以内，居民人均可支配收入达到42315元。",
        C("3.2万人", "32000", "人", "count"),
        C("5.5%", "5.5", "%", "percent"),
        C("42315元", "42315", "元", "money"),
    ),
    case(
        "economy-industry",
        "1—9月，全市规模以上工业增加值同比增长7.2%，固定资产投资下降1.8%。",
        C("7.2%", "7.2", "%", "percent"),
        C("1.8%", "1.8", "%", "percent"),
    ),
    case(
        "transport-metro-bus",
        "地铁日均客运量达到385.6万人次，新开通公交线路12条，更新新能源公交车300辆。",
        C("385.6万人次", "3856000", "人次", "count"),
        C("12条", "12", "条", "count"),
        C("300辆", "300", "辆", "count"),
    ),
    case(
        "transport-roads-port",
        "全市高速公路通车里程达到856公里，港口货物吞吐量完成2.3亿吨，同比增长4.1%。",
        C("856公里", "856", "公里", "measure"),
        C("2.3亿吨", "230000000", "吨", "measure"),
        C("4.1%", "4.1", "%", "percent"),
    ),
    case(
        "transport-spring-festival",
        "春运40天，全市铁路累计发送旅客1260.3万人次，日均31.5万人次。",
        C("40天", "40", "天", "duration"),
        C("1260.3万人次", "12603000", "人次", "count"),
        C("31.5万人次", "315000", "人次", "count"),
    ),
    case(
        "education-schools",
        "今年全市新建改扩建中小学校18所，新增学位2.4万个，义务教育阶段在校生近15万人。",
        C("18所", "18", "所", "count"),
        C("2.4万个", "24000", "个", "count"),
        C("近15万人", "150000", "人", "count"),
    ),
    case(
        "education-gaokao",
        "2024年高考全市本科上线率为68.5%，比上年提高2.1个百分点，其中600分以上考生312人。",
        C("68.5%", "68.5", "%", "percent"),
        C("2.1个百分点", "2.1", "个百分点", "change"),
        C("312人", "312", "人", "count"),
    ),
    case(
        "education-kindergartens",
        "全市共有幼儿园846所，在园幼儿21.7万人，普惠性幼儿园覆盖率达到91.3%。",
        C("846所", "846", "所", "count"),
        C("21.7万人", "217000", "人", "count"),
        C("91.3%", "91.3", "%", "percent"),
    ),
    case(
        "hk-dengue",
        "衞生署今日（十月八日）公布，本年至今共錄得67宗登革熱個案，較去年同期增加12宗。",
        C("67宗", "67", "宗", "count"),
        C("12宗", "12", "宗", "count"),
    ),
    case(
        "hk-ae-attendance",
        "醫院管理局表示，上周公立醫院急症室共處理約4萬1200人次求診，平均每日約5886人次。",
        C("約4萬1200人次", "41200", "人次", "count"),
        C("約5886人次", "5886", "人次", "count"),
    ),
    case(
        "hk-gdp",
        "政府統計處今日發表的數字顯示，二〇二四年第二季本地生產總值按年實質上升3.3%。",
        C("3.3%", "3.3", "%", "percent"),
    ),
    case(
        "hk-mtr",
        "港鐵整體列車服務準時程度維持在99.9%以上，全年共載客約19.5億人次。",
        C("99.9%以上", "99.9", "%", "percent"),
        C("約19.5億人次", "1950000000", "人次", "count"),
    ),
    case(
        "hk-education-grant",
        "教育局今年共批出1,280個學額，並向全港約450所中小學發放一筆過津貼，每校50萬元。",
        C("1,280個", "1280", "個", "count"),
        C("約450所", "450", "所", "count"),
        C("50萬元", "500000", "元", "money"),
    ),
    case(
        "hk-taxi-complaints",
        "運輸署表示，去年共收到約2,300宗有關的士服務的投訴，較前年減少15%。",
        C("約2,300宗", "2300", "宗", "count"),
        C("15%", "15", "%", "percent"),
    ),
    case(
        "hk-pharmacists",
        "截至今年九月底，全港共有約1,200名註冊藥劑師，按年增加8%。",
        C("約1,200名", "1200", "名", "count"),
        C("8%", "8", "%", "percent"),
    ),
    case(
        "hk-funding-hkd",
        "政府撥款20億港元推行計劃，每名合資格長者可獲港幣3,000元資助。",
        C("20億港元", "2000000000", "港元", "money"),
        C("3,000元", "3000", "元", "money"),
    ),
    case(
        "transport-high-speed",
        "时速350公里的复兴号列车今年共开行1.6万列次。",
        C("350公里", "350", "公里", "measure"),
        C("1.6万列次", "16000", "列次", "count"),
    ),
    case(
        "transport-enforcement",
        "今年1至5月，全市共查处交通违法行为12.6万起，同比下降9.7%。",
        C("12.6万起", "126000", "起", "count"),
        C("9.7%", "9.7", "%", "percent"),
    ),
    case(
        "hk-food-safety",
        "食物安全中心今年共抽取約6萬5000個食物樣本，整體合格率為99.8%。",
        C("約6萬5000個", "65000", "個", "count"),
        C("99.8%", "99.8", "%", "percent"),
    ),
    case(
        "hk-clock-time",
        "截至今日下午4時，新增確診個案12宗，其中4名病人情況危殆。",
        C("12宗", "12", "宗", "count"),
        C("4名", "4", "名", "count"),
    ),
    case(
        "hk-waiting-time",
        "專科門診新症輪候時間中位數為45分鐘，較去年縮短3分鐘。",
        C("45分鐘", "45", "分鐘", "duration"),
        C("3分鐘", "3", "分鐘", "duration"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEWS)
def test_made_up_news(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


# ---------------------------------------------------------------------------
# Invariants over every sentence above
# ---------------------------------------------------------------------------

ALL_TEXTS = sorted(
    {
        p.values[0]
        for table in (
            SPAN_PARTS,
            UNITS,
            STANDARD_EXAMPLES,
            VALUE_TABLE,
            KIND_TABLE,
            NOT_CLAIMS,
            IGNORED,
            SMALLER_RULES,
            HARDER_CASES,
            TRADITIONAL,
            FULL_WIDTH,
            NEWS,
        )
        for p in table  # type: ignore[attr-defined]
    }
)


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_claims_index_the_text_in_reading_order(text: str) -> None:
    claims = detect(text)
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert c.kind in KINDS
    starts = [c.start for c in claims]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(claims, claims[1:], strict=False))


# ---------------------------------------------------------------------------
# Claim context (needs desktop.paths, written by another engineer)
# ---------------------------------------------------------------------------

CONTEXT = [
    pytest.param(
        "截至6月底，全市全人群签约覆盖率达到61.25%。",
        "61.25%",
        "全人群签约覆盖率",
        "截至6月底",
        "全市",
        id="signing-rate",
    ),
    pytest.param(
        "2023年，全省共有托位数16049个。",
        "16049个",
        "托位数",
        "2023年",
        "全省",
        id="childcare-places",
    ),
]


@pytest.mark.parametrize(("text", "span", "subject", "time", "place"), CONTEXT)
def test_context(text: str, span: str, subject: str, time: str, place: str) -> None:
    pytest.importorskip("desktop.paths")
    from desktop.claims.context import annotate

    claims = [c for c in annotate(text, detect(text), default_time="2023-07-31") if c.text == span]
    assert len(claims) == 1
    (claim,) = claims
    assert subject in claim.subject
    assert claim.time == time
    assert claim.place == place
    assert span in claim.sentence


def test_context_falls_back_to_the_article_date() -> None:
    pytest.importorskip("desktop.paths")
    from desktop.claims.context import annotate

    text = "全市基层医疗机构共有90家。"
    (claim,) = annotate(text, detect(text), default_time="2023-07-31")
    assert claim.time == "2023-07-31"
    assert "基层医疗机构" in claim.subject


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("港口吞吐量1052.3万标箱。", [("1052.3万标箱", "10523000", "标箱", "count")]),
        (
            "新增容量2.6千伏安，储能2兆瓦时。",
            [("2.6千伏安", "2.6", "千伏安", "measure"), ("2兆瓦时", "2", "兆瓦时", "measure")],
        ),
        ("審批將於30日內完成。", [("30日", "30", "日", "duration")]),
        ("把年代上推约800年。", [("约800年", "800", "年", "duration")]),
        ("新建10万吨级泊位2个。", [("2个", "2", "个", "count")]),
        ("2025/2026學年起實施。", []),
        ("工期30至36个月。", [("36个月", "36", "个月", "duration")]),
    ],
    ids=["teu", "kva-mwh", "days-within", "approx-years", "tonnage-class", "school-year", "range-upper-end"],
)
def test_rules_found_on_blind_pages(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全市常住人口达到128万。", [("128万", "1280000", "", "count")]),
        ("吸引280万游客参观。", [("280万游客", "2800000", "游客", "count")]),
        ("人口增加3.5万", [("3.5万", "35000", "", "count")]),
        ("拨打12345市民热线。", []),
        ("3亿年前的化石。", []),
    ],
    ids=["magnitude-no-unit", "magnitude-bare-noun", "at-the-end", "hotline-still-out", "era-not-counted"],
)
def test_a_figure_with_a_magnitude_word_is_a_quantity(text: str, expected: list[Row]) -> None:
    assert claims_of(text) == expected
