"""Layout repair: joined lines, dropped layout spaces and an exact offset map."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.ingest.reflow import LAYOUT_MARKS, Paragraph, display_width, reflow

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text("utf-8").lstrip("\ufeff")


def wrap(paragraph: str, width: float) -> list[str]:
    """Set `paragraph` in a column `width` ems wide, first line indented two ems."""
    lines: list[str] = []
    line = ""
    limit = width - 2
    for char in paragraph:
        if display_width(line + char) > limit:
            lines.append(line)
            line = ""
            limit = width
        line += char
    lines.append(line)
    return lines


def texts(source: str) -> list[str]:
    return [paragraph.text for paragraph in reflow(source)]


def assert_maps_back(source: str, paragraphs: list[Paragraph]) -> None:
    """Every character points at itself in the source; joins point at a newline."""
    for paragraph in paragraphs:
        assert len(paragraph.offsets) == len(paragraph.text)
        assert all(a < b for a, b in zip(paragraph.offsets, paragraph.offsets[1:], strict=False))
        for char, offset in zip(paragraph.text, paragraph.offsets, strict=True):
            assert source[offset] == char or (char == " " and source[offset] == "\n")


def assert_lossless(source: str, paragraphs: list[Paragraph]) -> None:
    """Each source character that is not layout is in exactly one paragraph or is a heading marker."""
    seen: list[int] = []
    for paragraph in paragraphs:
        seen.extend(
            offset
            for offset, char in zip(paragraph.offsets, paragraph.text, strict=True)
            if not char.isspace()
        )
        assert all(source[offset] == "#" for offset in paragraph.markup)
        seen.extend(paragraph.markup)
    assert len(seen) == len(set(seen))
    # Invisible marks are layout like whitespace (a joiner inside an emoji is
    # kept, which the tests on marks check; it is skipped here).
    expected = [index for index, char in enumerate(source) if not char.isspace() and char not in LAYOUT_MARKS]
    assert [index for index in sorted(seen) if source[index] not in LAYOUT_MARKS] == expected


# --- spaces ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("记者在9 月 13 日召开", "记者在9月13日召开"),
        ("上半年分 别 完 成 半 年 任 务 的 169% 和 171.4%。", "上半年分别完成半年任务的169%和171.4%。"),
        ("65 岁 及 以 上 老 年 人 签 约 率", "65岁及以上老年人签约率"),
        ("自2022年 7月起", "自2022年7月起"),
        ("全市实现 65.04%的覆盖", "全市实现65.04%的覆盖"),
        ("给予每人 5000 元奖励", "给予每人5000元奖励"),
        ("由 2017 年的 2.4‰ 、3.02‰ 降 至 2021 年 的", "由2017年的2.4‰、3.02‰降至2021年的"),
        ("插卡式“ AIS”设备", "插卡式“AIS”设备"),
    ],
)
def test_layout_spaces_are_dropped(line: str, expected: str) -> None:
    assert texts(line) == [expected]


@pytest.mark.parametrize(
    "line",
    [
        "Hello World",
        "举办“相约七夕 情定锦秋”集体婚礼",
        "（记者 丁春贵 李默 报道）",
        "聊城优化健康服务 五方面呈现高质量发展",
    ],
)
def test_real_separators_are_kept(line: str) -> None:
    assert texts(line) == [line]


def test_runs_of_latin_spaces_collapse_to_the_first_space() -> None:
    (paragraph,) = reflow("FactDesk   checks\tnumbers")
    assert paragraph.text == "FactDesk checks\tnumbers"
    assert paragraph.offsets[8] == 8


def test_line_ends_are_trimmed() -> None:
    assert texts("　 滨江网讯今天开幕。  \t") == ["滨江网讯今天开幕。"]


# --- joining lines ---------------------------------------------------------


def test_cjk_and_digits_join_without_a_space() -> None:
    source = "截至目前，累计发放资料\n1272万件，惠及12\n58户。"
    assert texts(source) == ["截至目前，累计发放资料1272万件，惠及1258户。"]


def test_a_break_between_latin_words_becomes_a_space_on_the_newline() -> None:
    source = "the hard-wrapped Latin\nwords stay apart"
    (paragraph,) = reflow(source)
    assert paragraph.text == "the hard-wrapped Latin words stay apart"
    space = paragraph.text.index(" words")
    assert source[paragraph.offsets[space]] == "\n"


def test_a_wrapped_column_becomes_one_paragraph_per_paragraph() -> None:
    first = (
        "立足民生所向，在便民服务上提升品质。自去年起，全区推行“一次挂号管三天”，累计受益群众26.49万人次。"
    )
    second = "坚持以人为本，在基层服务上提升品质。建立精准帮扶机制，名医工作室实现基层医疗机构全覆盖。"
    source = "\n".join(wrap(first, 14)) + "\n\n" + "\n".join(wrap(second, 14)) + "\n"
    assert texts(source) == [first, second]


def test_a_paragraph_ending_early_inside_a_block_is_cut() -> None:
    source = "\n".join(
        ["明确了空间分为水面、水体、海", "床和底土等层次。", "二是明确了立体分层设权适用", "范围。"]
    )
    assert texts(source) == [
        "明确了空间分为水面、水体、海床和底土等层次。",
        "二是明确了立体分层设权适用范围。",
    ]


@pytest.mark.parametrize(
    "lines",
    [
        # A full line without a full stop, a blank line, a line opening a quote.
        [
            "全市所有公立医院均已实现“床旁办",
            "理”。推行“一次挂号管三天”、夜间",
            "",
            "“延时门诊”等便民服务，化解群众",
            "就医时间难题。",
        ],
        # The blank line falls inside an open quote.
        [
            "扎实推进“银龄安康工程”，实现县市",
            "区政府统保全覆盖，全力打造“医养",
            "",
            "结合”示范样板，全市机构达到24家。",
        ],
        # A single full line between blank lines.
        [
            "县域医共体建设国家试点实现全覆盖，",
            "",
            "建成紧密型县域医共体15个，覆盖89家",
            "",
            "公办基层医疗卫生机构。",
        ],
    ],
)
def test_a_blank_line_inside_a_paragraph_is_joined(lines: list[str]) -> None:
    assert texts("\n".join(lines)) == ["".join(lines)]


def test_a_new_indented_paragraph_after_a_blank_line_is_kept() -> None:
    first = "累计为就诊患者发放便民物品、资料1272万件，切实提升群众看病就医获得感"
    second = "坚持以人为本，在医疗卫生服务上提升品质。"
    source = "\n".join(wrap(first, 14)) + "\n\n" + "\n".join(wrap(second, 14))
    assert len(wrap(first, 14)[-1]) < 12  # the first paragraph's last line is short
    assert texts(source) == [first, second]


def test_headline_and_deck_after_a_body_stay_apart() -> None:
    body = wrap("全市造血干细胞捐献9例，位居全省前三名，百万人捐献比例全省第二。", 13)
    source = "\n".join(
        [
            *body,
            "",
            "江州市红十字会坚持以党建带红建，联合市直",
            "部门打造党建联盟",
            "",
            "今年1—8月全市",
            "造血干细胞捐献9例",
            "",
            "位居全省前三名，百万人捐献比例",
            "全省第二",
        ]
    )
    assert texts(source)[1:] == [
        "江州市红十字会坚持以党建带红建，联合市直部门打造党建联盟",
        "今年1—8月全市造血干细胞捐献9例",
        "位居全省前三名，百万人捐献比例全省第二",
    ]


def test_a_headline_over_a_wider_deck_in_one_block_is_cut() -> None:
    source = "今年“端午”全市接待游客35万人次\n各县（市、区）景区同步开展了丰富多彩的民俗文化体验与展示活动"
    assert texts(source) == [
        "今年“端午”全市接待游客35万人次",
        "各县（市、区）景区同步开展了丰富多彩的民俗文化体验与展示活动",
    ]


def test_unwrapped_page_joins_a_paragraph_cut_by_the_column() -> None:
    source = (
        "一名男青年在商场手机专卖店以购买手机为由，趁店员不备抢过一部售价\n\n"
        "3000余元的手机拔腿就跑，正在购物的王某听到呼喊声，迅速冲向逃跑男子，从\n\n"
        "商场内一直追到外面公路上。\n\n"
        "公示期内，任何单位和个人\n\n"
        "如对公示内容有异议，请以电话、信函等形式反映。\n\n"
        "电子邮箱：report@\n\n"
        "example.cn\n\n"
        "联系电话：12345678901\n\n"
        "河西区见义勇为协会\n\n"
        "2024年3月1日\n"
    )
    assert texts(source) == [
        "一名男青年在商场手机专卖店以购买手机为由，趁店员不备抢过一部售价3000余元的手机拔腿就跑，"
        "正在购物的王某听到呼喊声，迅速冲向逃跑男子，从商场内一直追到外面公路上。",
        "公示期内，任何单位和个人如对公示内容有异议，请以电话、信函等形式反映。",
        "电子邮箱：report@example.cn",
        "联系电话：12345678901",
        "河西区见义勇为协会",
        "2024年3月1日",
    ]


def test_unwrapped_page_keeps_kicker_headline_and_byline_apart() -> None:
    source = (
        "坚持创新驱动,加快产业升级\n\n临海高新区上半年产值增长12.5%\n\n记者 沈立\n\n"
        "今年上半年,临海高新区实现产值88亿元。\n\n监测系统采取平台与公众号\n\n结合的服务方式。平台端支持入驻。\n"
    )
    assert texts(source) == [
        "坚持创新驱动,加快产业升级",
        "临海高新区上半年产值增长12.5%",
        "记者 沈立",
        "今年上半年,临海高新区实现产值88亿元。",
        "监测系统采取平台与公众号结合的服务方式。平台端支持入驻。",
    ]


def test_markdown_heading_markers_are_markup() -> None:
    source = "## 江城启动改造行动 ##\n\n### 聚焦民生 改造提速\n正文第一段。\n"
    paragraphs = reflow(source)
    assert [(p.text, p.heading) for p in paragraphs] == [
        ("江城启动改造行动", 2),
        ("聚焦民生 改造提速", 3),
        ("正文第一段。", 0),
    ]
    assert [source[i] for i in paragraphs[0].markup] == ["#"] * 4
    assert_lossless(source, paragraphs)


def test_a_hash_without_a_space_is_text() -> None:
    assert [(p.text, p.heading) for p in reflow("#话题# 今天")] == [("#话题#今天", 0)]


def test_display_width_halves_ascii_and_punctuation() -> None:
    assert display_width("市卫健委") == 4
    assert display_width("2023年，") == 3.5


def test_a_closing_hash_run_is_found_from_the_end_of_the_line() -> None:
    assert [(p.text, p.markup) for p in reflow("# a \t ## x ##")] == [("a ## x", (0, 11, 12))]
    assert [(p.text, p.markup) for p in reflow("# a#")] == [("a#", (0,))]
    assert [(p.text, p.markup) for p in reflow("#  a  ##  ")] == [("a", (0, 6, 7))]


# --- invisible marks -----------------------------------------------------------


def test_a_zero_width_space_inside_a_figure_is_layout() -> None:
    # Detection used to read 1\u200b000万元 as 000万元, a value of 0.
    source = "投资1\u200b000万元。"
    (paragraph,) = reflow(source)
    assert paragraph.text == "投资1000万元。"
    assert paragraph.offsets == (0, 1, 2, 4, 5, 6, 7, 8, 9)


def test_a_bidi_mark_inside_a_percentage_is_layout() -> None:
    source = "增长1\u200f2.5%"
    (paragraph,) = reflow(source)
    assert paragraph.text == "增长12.5%"
    assert paragraph.offsets == (0, 1, 2, 4, 5, 6, 7)


@pytest.mark.parametrize("mark", sorted(LAYOUT_MARKS))
def test_every_layout_mark_is_taken_out_with_its_offset(mark: str) -> None:
    source = f"{mark}全年{mark}完成12{mark}3.4{mark}万元{mark}\n"
    (paragraph,) = reflow(source)
    assert paragraph.text == "全年完成123.4万元"
    assert [source[offset] for offset in paragraph.offsets] == list(paragraph.text)
    assert mark not in [source[offset] for offset in paragraph.offsets]
    assert_lossless(source, [paragraph])


def test_a_line_of_marks_only_is_a_blank_line() -> None:
    assert texts("第一段。\n\u200b\ufeff\n第二段。") == texts("第一段。\n\n第二段。")


def test_marks_take_no_width_in_a_wrapped_column() -> None:
    paragraph = "全市新改建农村公路312公里，完成投资2.5亿元，惠及沿线群众12万人。" * 3
    lines = wrap(paragraph, 20)
    marked = ["\u200b".join(line) for line in lines]  # a mark between every two characters
    assert texts("\n".join(marked)) == texts("\n".join(lines)) == [paragraph]


def test_a_joiner_inside_an_emoji_or_a_shaping_script_is_kept() -> None:
    source = "全家👨\u200d👩\u200d👧出游，मि\u200dत्र，第1\u200d2名"
    (paragraph,) = reflow(source)
    assert paragraph.text == "全家👨\u200d👩\u200d👧出游，मि\u200dत्र，第12名"
    assert [source[offset] for offset in paragraph.offsets] == list(paragraph.text)


# --- the seeds -------------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "passage"),
    [
        ("000", "午间或夜间“延时门诊”“网约医护”等便民服务"),
        ("000", "我市获评“全国平安医院建设工作表现突出地区”"),
        ("000", "全省首个实现乡镇卫生院（社区卫生服务中心）基本标准达标率100%"),
        ("000", "分别完成半年任务的169%和171.4%。"),
        ("000", "65岁及以上老年人签约率84.99%"),
        ("000", "并给予每人5000元奖励"),
        ("000", "自2022年7月创新实施"),
        ("000", "全市二级以上公立医院实现65.04%的党支部建在科室"),
        ("000", "（记者 丁春贵 李默 报道）9月13日，记者在市政府"),
        ("001", "2021年的79.05岁"),
        ("001", "今年“七夕”结婚登记量同比增长47.42%"),
        ("002", "抢过一部售价4000余元的手机"),
        ("002", "迅速冲向逃跑男子，从商场内一直追到的外面公路上"),
        ("002", "电子邮箱：dcfqzfwjcszhzk@lc.shandong.cn"),
        ("003", "采取管理平台与微信公众号结合的服务方式。"),
        ("004", "以“电子病历”为核心,夯实智慧医院的信息化基础"),
    ],
)
def test_seed_passages_come_out_whole(seed: str, passage: str) -> None:
    assert any(passage in text for text in texts(seed_text(seed)))


@pytest.mark.parametrize(
    ("seed", "title"),
    [
        ("000", "滨州获国家基本公卫服务项目绩效评价全省第一"),
        ("000", "我市21家公立医院推行“一次挂号管三天”"),
        ("001", "全市人均期望寿命增长至2021年的79.05岁"),
        ("003", "加快发展新质生产力,奋力推动事业行稳致远"),
        ("003", "陶春燕 聊城报道"),
    ],
)
def test_seed_titles_stay_paragraphs_of_their_own(seed: str, title: str) -> None:
    assert title in texts(seed_text(seed))


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_seeds_map_back_without_loss(seed: str) -> None:
    source = seed_text(seed)
    paragraphs = reflow(source)
    assert_maps_back(source, paragraphs)
    assert_lossless(source, paragraphs)


# --- invariants ------------------------------------------------------------

PIECES = st.sampled_from(
    [
        "滨", "州", "卫", "健", "委", "记", "者", "报", "道", "年", "月", "日", "的", "在",
        "，", "。", "、", "：", "；", "！", "“", "”", "（", "）", "《", "》", "%", "‰", "·",
        "0", "1", "7", "9", ".", "A", "b", "Z", "@", "-", "#", "## ", "# ", "(", ")",
        " ", " ", "  ", "\u3000", "\t", "\n", "\n", "\n\n", "\r", "\xa0",
        "（记者 王海 报道）", "记者 林晓", "本报讯", "9 月 13 日",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=80).map("".join))
def test_reflow_maps_every_character_back(source: str) -> None:
    paragraphs = reflow(source)
    assert_maps_back(source, paragraphs)
    assert_lossless(source, paragraphs)
    assert all(paragraph.text and paragraph.text == paragraph.text.strip() for paragraph in paragraphs)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_reflow_survives_any_text(source: str) -> None:
    paragraphs = reflow(source)
    assert_maps_back(source, paragraphs)
    assert_lossless(source, paragraphs)


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join), st.data())
def test_marks_anywhere_change_nothing_but_the_offsets(source: str, data: st.DataObject) -> None:
    # Put marks between any characters (no joiner: next to two emoji it is content).
    marks = sorted(set(LAYOUT_MARKS) - {"\u200c", "\u200d"})
    inserted = data.draw(
        st.lists(st.tuples(st.integers(0, len(source)), st.sampled_from(marks)), max_size=10)
    )
    marked = source
    for position, mark in sorted(inserted, reverse=True):
        marked = marked[:position] + mark + marked[position:]
    # Where each character of `source` went in `marked`.
    moved = [index for index, char in enumerate(marked) if char not in LAYOUT_MARKS]
    plain, with_marks = reflow(source), reflow(marked)
    assert [p.text for p in with_marks] == [p.text for p in plain]
    assert [p.offsets for p in with_marks] == [tuple(moved[o] for o in p.offsets) for p in plain]
    assert [p.markup for p in with_marks] == [tuple(moved[o] for o in p.markup) for p in plain]
    assert_maps_back(marked, with_marks)
    assert_lossless(marked, with_marks)


def test_the_core_does_not_import_qt() -> None:
    code = "import sys, desktop.ingest.segment; assert 'PySide6' not in sys.modules"
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root, env={"PYTHONPATH": str(root)})


def test_a_figure_cut_from_its_unit_by_a_blank_line_is_joined() -> None:
    source = "全市联合攻关项目累计达到356\n\n项，带动企业新增产值超50亿元。\n\n联系电话：12345678901\n\n河西区科技局\n"
    assert texts(source) == [
        "全市联合攻关项目累计达到356项，带动企业新增产值超50亿元。",
        "联系电话：12345678901",
        "河西区科技局",
    ]


def test_digits_spaced_out_with_their_line_are_one_figure() -> None:
    source = "全 年 完 成 投 资 5 2 . 6 亿 元 ， 每 人 补 贴 1 0 , 0 0 0 元 。\n"
    assert texts(source) == ["全年完成投资52.6亿元，每人补贴10,000元。"]
