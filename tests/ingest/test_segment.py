"""Article segmentation: the seed pages' articles, unseen layouts, no lost text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.ingest.model import ROLES, SYNTHETIC, Article, Page, SourceText
from desktop.ingest.reflow import LAYOUT_MARKS, reflow
from desktop.ingest.segment import segment

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

EXPECTED_HEADLINES = {
    "000": [
        "滨州获国家基本公卫服务项目绩效评价全省第一",
        "“滨州是一座有爱有温度的城市”得到生动诠释",
        "我市印发《关于推进海域立体分层设权的通知》",
        "我市21家公立医院推行“一次挂号管三天”",
        "808艘渔船包保责任“一船一册”“一人一档”",
        "今年1—8月全市造血干细胞捐献9例",
    ],
    "001": [
        "滨州将实施医疗卫生服务“品质提升工程”三年行动",
        "符合条件参保人可享受门诊慢特病跨省联网报销",
        "两种方式让你快速找到身边的集采药品销售药店",
        "滨州市获评全省唯一“2020年度山东省健康城市建设样板市”",
        "我市药品耗材集采改革减轻群众负担近10亿元",
        "今年“七夕”全市共办理结婚登记314件",
        "滨州合肥两地文旅国企签订战略合作协议",
    ],
    "002": [
        "聊城优化全人群全周期全方位健康服务 五方面呈现卫生健康事业高质量发展",
        "关于拟认定张祁帅见义勇为行为的公示",
        "张祁帅见义勇为事迹",
    ],
    "003": [
        "“五个聚力”推动卫生健康事业高质量发展",
        "今年将重点改造1000个薄弱村卫生室",
        "工商银行聊城分行成功上线民政养老机构预付费监管项目",
    ],
    "004": ["护佑人民健康 创建满意枣庄"],
}


def seed(prefix: str) -> SourceText:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return SourceText(path, path.read_text("utf-8").lstrip("\ufeff"), "utf-8")


def page_of(text: str) -> Page:
    return segment(SourceText(Path("page.txt"), text, "utf-8"))


def part_texts(article: Article, role: str) -> list[str]:
    return [article.text[part.start : part.end] for part in article.parts if part.role == role]


def assert_well_formed(page: Page) -> None:
    """Parts tile the text between synthetic line breaks; offsets point at their characters."""
    source = page.source.text
    for article in (*page.articles, *page.furniture):
        assert len(article.offsets) == len(article.text)
        position = 0
        for number, part in enumerate(article.parts):
            assert part.role in ROLES
            if number:
                assert article.text[position] == "\n" and article.offsets[position] == SYNTHETIC
                position += 1
            assert part.start == position < part.end
            position = part.end
            real = article.offsets[part.start : part.end]
            assert SYNTHETIC not in real
            assert all(a < b for a, b in zip(real, real[1:], strict=False)), "reordered inside a part"
            for char, offset in zip(article.text[part.start : part.end], real, strict=True):
                assert source[offset] == char or (char == " " and source[offset] == "\n")
        assert position == len(article.text)
    for article in page.articles:
        assert all(part.role != "furniture" for part in article.parts)
    for record in page.furniture:
        assert all(part.role == "furniture" for part in record.parts)


def assert_lossless(page: Page) -> None:
    """Every non-whitespace source character is in exactly one part (or is a markdown marker)."""
    source = page.source.text
    seen = [
        offset
        for article in (*page.articles, *page.furniture)
        for char, offset in zip(article.text, article.offsets, strict=True)
        if offset != SYNTHETIC and not char.isspace()
    ]
    markers = [offset for paragraph in reflow(source) for offset in paragraph.markup]
    assert all(source[offset] == "#" for offset in markers)
    seen += markers
    assert len(seen) == len(set(seen)), "a character landed in two places"
    # Invisible marks are layout like whitespace (a joiner inside an emoji is kept; skipped here).
    expected = [index for index, char in enumerate(source) if not char.isspace() and char not in LAYOUT_MARKS]
    assert [index for index in sorted(seen) if source[index] not in LAYOUT_MARKS] == expected


# --- the seeds -------------------------------------------------------------


@pytest.mark.parametrize("prefix", sorted(EXPECTED_HEADLINES))
def test_seed_headlines(prefix: str) -> None:
    page = segment(seed(prefix))
    assert [article.headline for article in page.articles] == EXPECTED_HEADLINES[prefix]
    assert [article.index for article in page.articles] == list(range(len(page.articles)))
    assert page.furniture == ()


def test_the_seeds_hold_twenty_articles() -> None:
    assert sum(len(segment(seed(prefix)).articles) for prefix in EXPECTED_HEADLINES) == 20


@pytest.mark.parametrize("prefix", sorted(EXPECTED_HEADLINES))
def test_seeds_lose_nothing(prefix: str) -> None:
    page = segment(seed(prefix))
    assert_well_formed(page)
    assert_lossless(page)


def test_binzhou_dateline_gives_byline_date_and_body() -> None:
    first = segment(seed("000")).articles[0]
    assert first.date == "9月13日"
    assert "丁春贵" in first.byline
    assert (
        first.deck
        == "市卫健委不断健全公共卫生体系，持续优化医疗卫生服务，全链条推动全市卫生健康事业高质量发展"
    )
    assert part_texts(first, "byline") == ["滨州日报/滨州网讯（记者 丁春贵 李默 报道）"]
    assert part_texts(first, "body")[0].startswith("9月13日，记者在市政府新闻办召开")
    assert first.text.startswith("滨州获国家基本公卫服务项目绩效评价全省第一\n")
    assert [part.role for part in first.parts][:4] == ["headline", "deck", "byline", "body"]


def test_a_credit_cut_by_a_line_break_reads_as_a_byline() -> None:
    # "（记者\n丁春贵 李默 报道）": the break leaves no space in the text,
    # but the byline field puts the conventional one back.
    fourth = segment(seed("000")).articles[3]
    assert part_texts(fourth, "byline") == ["滨州日报/滨州网讯（记者丁春贵 李默 报道）"]
    assert fourth.byline == "记者 丁春贵 李默 报道"


def test_spaced_out_dateline_date_is_read() -> None:
    third = segment(seed("000")).articles[2]
    assert third.date == "9月13日"
    assert third.deck.startswith("助力海洋资源资产产权制度改革")


def test_correspondent_dateline() -> None:
    article = segment(seed("001")).articles[5]
    assert article.byline == "通讯员 张帅 报道"
    assert article.date == "8月4日"
    assert article.deck == "各县（市、区）婚姻登记机关同步开展了丰富多彩的文明婚俗宣传教育活动"


def test_seed_decks() -> None:
    assert segment(seed("001")).articles[3].deck == "全市人均期望寿命增长至2021年的79.05岁"
    assert segment(seed("004")).articles[0].deck == "枣庄市卫生健康事业发展十年记"
    kicked = segment(seed("003")).articles
    assert kicked[0].deck == "加快发展新质生产力,奋力推动事业行稳致远"
    assert kicked[1].deck == "新一轮“三年行动”实施"


def test_seed_bylines_without_datelines() -> None:
    assert segment(seed("002")).articles[0].byline == "记者 陶春燕"
    articles = segment(seed("003")).articles
    assert [article.byline for article in articles] == ["陶春燕 聊城报道", "陶春燕 聊城报道", "通讯员 孙泽龙"]
    assert [article.date for article in articles] == ["", "", ""]
    assert part_texts(articles[2], "byline") == ["(通讯员 孙泽龙)"]


def test_seed_subheads_stay_in_the_body() -> None:
    liaocheng = segment(seed("002")).articles[0]
    assert part_texts(liaocheng, "subhead")[0] == "聚焦群众关切 解决“急难愁盼”"
    assert len(part_texts(liaocheng, "subhead")) == 5
    zaozhuang = segment(seed("004")).articles[0]
    assert "加强智慧医院建设,助力卫健事业高质量发展" in part_texts(zaozhuang, "subhead")
    red_cross = segment(seed("000")).articles[1]
    assert part_texts(red_cross, "subhead") == [
        "全面发力“情暖滨州·救在身边”主责主业",
        "全面推进“情暖滨州·救在身边”创新工作走在前",
    ]


# --- pages the segmenter has never seen ------------------------------------

HEADLINE_AFTER_BODY = """\
 青州日报/青州网讯（记者 王海 周
敏 报道）5月20日，记者从市交通运
输局获悉，今年以来，全市新改建农
村公路312公里，完成年度任务的
64.5%，惠及沿线群众12万人。

全市交通系统坚持“建管养运”并
重，累计投入资金3.6亿元，实施了
一批道路提升工程，打造了一批具有

“美丽农村路”示范线路，群众出行
更加便捷。

市交通运输局加快推进农村公路提档升级，群
众出行更加便捷

全市新改建农村公路312公里

青州日报/青州网讯（通讯员 刘洋
报道）5 月 19 日，市图书馆举办
“书香青州”全民阅读活动，共吸
引读者2300余人次参与。

活动期间，图书馆还开展了阅
读分享会、亲子绘本剧场等12场
特色活动。

“书香青州”全民阅读活动启动

吸引读者2300余人次参与
"""


def test_headlines_printed_after_their_bodies() -> None:
    page = page_of(HEADLINE_AFTER_BODY)
    first, second = page.articles
    assert first.headline == "全市新改建农村公路312公里"
    assert first.deck == "市交通运输局加快推进农村公路提档升级，群众出行更加便捷"
    assert first.byline == "记者 王海 周敏 报道"
    assert first.date == "5月20日"
    assert part_texts(first, "body")[-1].endswith("打造了一批具有“美丽农村路”示范线路，群众出行更加便捷。")
    assert second.headline == "“书香青州”全民阅读活动启动"
    assert second.deck == "吸引读者2300余人次参与"
    assert second.byline == "通讯员 刘洋 报道"
    assert second.date == "5月19日"
    assert_well_formed(page)
    assert_lossless(page)


MARKDOWN = """\
# 江城启动老旧小区改造三年行动

## 今年计划改造小区120个

记者 林晓

### 聚焦民生 改造提速

今年以来，江城市住建局累计投入资金4.2亿元，完成改造小区36个，惠及居民1.8万户。

### 多方联动 共建共享

各街道成立工作专班，广泛征求居民意见，
累计召开议事会210场。

# 江城地铁3号线开通试运营

记者 赵一鸣 通讯员 钱程

6月28日，江城地铁3号线开通试运营，全长26.5公里，设站19座。
"""


def test_markdown_page() -> None:
    page = page_of(MARKDOWN)
    first, second = page.articles
    assert first.headline == "江城启动老旧小区改造三年行动"
    assert first.deck == "今年计划改造小区120个"
    assert first.byline == "记者 林晓"
    assert part_texts(first, "subhead") == ["聚焦民生 改造提速", "多方联动 共建共享"]
    assert "各街道成立工作专班，广泛征求居民意见，累计召开议事会210场。" in part_texts(first, "body")
    assert "#" not in first.text
    assert second.headline == "江城地铁3号线开通试运营"
    assert second.deck == ""
    assert second.byline == "记者 赵一鸣 通讯员 钱程"
    assert_well_formed(page)
    assert_lossless(page)


BYLINE_LINES = """\
坚持创新驱动,加快产业升级

临海高新区上半年产值增长12.5%

记者 沈立

今年上半年,临海高新区实现规模以上工业产值88.6亿元,同比增长12.5%,增速居全市第一。

园区新引进项目23个,总投资56亿元,其中过亿元项目9个。

海滨公园改造完成正式开放

周涛 临海报道

经过8个月的改造,海滨公园于7月1日正式开放,新增绿地3.2万平方米,

步道4.6公里。

(实习生 韩雪)
"""


def test_reporter_lines_and_place_bylines() -> None:
    page = page_of(BYLINE_LINES)
    first, second = page.articles
    assert (first.headline, first.deck, first.byline) == (
        "临海高新区上半年产值增长12.5%",
        "坚持创新驱动,加快产业升级",
        "记者 沈立",
    )
    assert (second.headline, second.deck) == ("海滨公园改造完成正式开放", "")
    assert second.byline == "周涛 临海报道；实习生 韩雪"
    assert "新增绿地3.2万平方米,步道4.6公里。" in second.text
    assert_well_formed(page)
    assert_lossless(page)


HEADLINE_BEFORE_DATELINE = """\
河湾市举办夏季招聘会

本报讯（记者 孟凡 通讯员 高洁）6月2日，河湾市夏季招聘会在会展中心举行，共有320家企业提供岗位8600个。

现场达成就业意向1200余人。

河湾湿地迎来候鸟

本报讯（记者 孟凡）6月1日，河湾湿地公园迎来今年第一批候鸟，数量超过500只。

第3版 责任编辑 李平
"""


def test_headlines_printed_above_datelines() -> None:
    page = page_of(HEADLINE_BEFORE_DATELINE)
    assert [(a.headline, a.byline, a.date) for a in page.articles] == [
        ("河湾市举办夏季招聘会", "记者 孟凡 通讯员 高洁", "6月2日"),
        ("河湾湿地迎来候鸟", "记者 孟凡", "6月1日"),
    ]
    (furniture,) = page.furniture
    assert furniture.text == "第3版 责任编辑 李平"
    assert [part.role for part in furniture.parts] == ["furniture"]
    assert_well_formed(page)
    assert_lossless(page)


def test_empty_and_blank_pages() -> None:
    for text in ("", "\n\n  \n"):
        page = page_of(text)
        assert page.articles == () and page.furniture == ()


# --- invariants on generated pages -----------------------------------------

CJK = "市县区委卫健医院疗服务群众就诊民生工作全面提升品质开展年月日的和在为了"
LINE_PARTS = st.one_of(
    st.text(alphabet=CJK, min_size=1, max_size=16),
    st.text(alphabet=CJK + "0123456789.%，。、“”（）《》 ", min_size=1, max_size=20),
    st.sampled_from(["。", "，", "”", "“", " ", "  ", "9 月 13 日", "A B", "x@y.cn", "\u3000"]),
)
LINE = st.lists(LINE_PARTS, min_size=1, max_size=4).map("".join)
SPECIAL_LINES = st.sampled_from(
    [
        "滨州日报/滨州网讯（记者 王海 李默 报道）9月13日，记者获悉，",
        "本报讯（通讯员 刘洋）8 月 5 日，",
        "（通讯员 孙泽龙）",
        "(实习生 韩雪)",
        "记者 陶春燕",
        "陶春燕 聊城报道",
        "# 护佑人民健康 创建满意枣庄",
        "## 枣庄市卫生健康事业发展十年记",
        "### 聚焦民生 改造提速 ###",
        "全市新改建农村公路312公里",
        "新一轮“三年行动”实施",
        "",
        "",
    ]
)
PAGE = st.lists(st.one_of(LINE, SPECIAL_LINES), max_size=40).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(PAGE)
def test_generated_pages_lose_nothing(text: str) -> None:
    page = page_of(text)
    assert_well_formed(page)
    assert_lossless(page)
    assert [article.index for article in page.articles] == list(range(len(page.articles)))
    for article in page.articles:
        assert article.headline == "".join(part_texts(article, "headline"))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_loses_nothing(text: str) -> None:
    page = page_of(text)
    assert_well_formed(page)
    assert_lossless(page)
