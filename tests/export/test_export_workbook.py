"""The exported workbook, read back with openpyxl: layout, types, formats, rules, sheets."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from export_factories import make_article, make_row

from desktop import __version__
from desktop.colours import STATUS_COLOURS, TEXT_DARK
from desktop.export import KIND_LABELS, STATUS_LABELS, export_workbook
from desktop.export.cells import DATETIME_FORMAT, SECONDS_FORMAT, SHARE_FORMAT
from desktop.export.columns import COLUMNS, DETAIL_SHEET, NOTES_SHEET, SUMMARY_SHEET
from desktop.export.notes import IMPORT_DECISIONS_MENU
from desktop.export.readback import read_workbook
from desktop.export.streaming import hook_available
from desktop.store.records import ExportRow

EXPECTED_HEADERS = [
    "数字编号", "文章标题", "日期", "来源文件", "所在句子", "原文数字", "数值", "单位", "类型", "主体",
    "时间", "地点", "状态", "更正值", "更正写法", "更正单位", "来源标签", "备注", "核查人", "核查时间", "用时(秒)",
    "驳回原因", "版本", "提示", "来源稿", "比对",
]  # fmt: skip
DECIDED_AT = "2024-03-05T02:03:04+00:00"


def col(header: str) -> int:
    """1-based column of a header."""
    return EXPECTED_HEADERS.index(header) + 1


def export(tmp_path: Path, rows: list[ExportRow], **kwargs: object) -> Path:
    path = tmp_path / "review.xlsx"
    articles = kwargs.pop("articles", [make_article(1), make_article(2)])
    report = export_workbook(path, rows, articles, **kwargs)  # type: ignore[arg-type]
    assert report.path == path
    assert report.rows == len(rows)
    return path


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    rows = [
        make_row(0, value=Decimal("14005000000"), text="140.05亿", unit="元", kind="money"),
        make_row(
            1,
            status="corrected",
            corrected_value=Decimal("13000.0"),
            corrected_unit="人",
            sources=("统计公报", "年鉴"),
            note="见年鉴第3页",
            editor="张三",
            decided_at=DECIDED_AT,
            seconds_spent=12.34,
        ),
        make_row(2, status="rejected", reason="not-a-claim", kind="rank", value=Decimal("2.5")),
        make_row(3, status="confirmed", kind="count", value=Decimal("1272")),
    ]
    return export(
        tmp_path, rows, editor="李编辑", filters_description="状态: 待核", made_at=datetime(2024, 3, 6, 9, 30)
    )


def test_sheets_and_headers_in_order(sample: Path) -> None:
    workbook = openpyxl.load_workbook(sample)
    assert workbook.sheetnames == [DETAIL_SHEET, SUMMARY_SHEET, NOTES_SHEET]
    sheet = workbook[DETAIL_SHEET]
    assert [cell.value for cell in sheet[1]] == EXPECTED_HEADERS
    assert [column.header for column in COLUMNS] == EXPECTED_HEADERS
    assert sheet.max_row == 5


def test_numbers_are_numeric_with_formats_that_show_them_as_written(sample: Path) -> None:
    sheet = openpyxl.load_workbook(sample)[DETAIL_SHEET]
    big = sheet.cell(2, col("数值"))
    assert (big.data_type, big.value, big.number_format) == ("n", 14005000000, "#,##0")
    assert isinstance(big.value, int)
    percent = sheet.cell(3, col("数值"))
    assert (percent.data_type, percent.value, percent.number_format) == ("n", 65.04, "#,##0.00")
    assert sheet.cell(3, col("单位")).value == "%"  # a percentage stays 65.04 with unit %, not 0.6504
    assert (sheet.cell(4, col("数值")).value, sheet.cell(4, col("数值")).number_format) == (2.5, "#,##0.0")
    corrected = sheet.cell(3, col("更正值"))
    assert (corrected.data_type, corrected.value, corrected.number_format) == ("n", 13000, "#,##0")
    seconds = sheet.cell(3, col("用时(秒)"))
    assert (seconds.data_type, seconds.value, seconds.number_format) == ("n", 12.34, SECONDS_FORMAT)
    # Empty decisions leave empty cells, not zeros or empty strings.
    assert sheet.cell(2, col("更正值")).value is None
    assert sheet.cell(2, col("用时(秒)")).value is None
    assert sheet.cell(2, col("备注")).value is None


def test_decision_time_is_a_real_local_datetime(sample: Path) -> None:
    sheet = openpyxl.load_workbook(sample)[DETAIL_SHEET]
    cell = sheet.cell(3, col("核查时间"))
    assert cell.is_date
    assert cell.number_format == DATETIME_FORMAT
    assert cell.value == datetime.fromisoformat(DECIDED_AT).astimezone().replace(tzinfo=None)


def test_kinds_statuses_reasons_and_tags_in_chinese(sample: Path) -> None:
    sheet = openpyxl.load_workbook(sample)[DETAIL_SHEET]
    assert [sheet.cell(r, col("类型")).value for r in range(2, 6)] == ["金额", "比例", "排名", "数量"]
    assert [sheet.cell(r, col("状态")).value for r in range(2, 6)] == ["待核", "已更正", "已驳回", "已确认"]
    assert sheet.cell(4, col("驳回原因")).value == "非数字声明"
    assert sheet.cell(3, col("来源标签")).value == "统计公报、年鉴"
    assert set(KIND_LABELS) == {"count", "money", "percent", "change", "rank", "duration", "measure"}
    assert dict(STATUS_LABELS) == {
        "pending": "待核",
        "confirmed": "已确认",
        "corrected": "已更正",
        "rejected": "已驳回",
    }


def test_header_is_styled_frozen_and_filtered(sample: Path) -> None:
    sheet = openpyxl.load_workbook(sample)[DETAIL_SHEET]
    for cell in sheet[1]:
        assert cell.font.bold
        assert cell.fill.fill_type == "solid"
        assert cell.border.bottom.style == "thin"
        assert cell.alignment.wrap_text
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:Z5"


def test_widths_fit_chinese_text_within_limits(tmp_path: Path) -> None:
    ascii_name = "a" * 20 + ".txt"
    rows = [
        make_row(0, headline="中" * 16, file_name=ascii_name, sentence="长" * 200),
    ]
    sheet = openpyxl.load_workbook(export(tmp_path, rows))[DETAIL_SHEET]
    widths = {
        header: sheet.column_dimensions[chr(ord("A") + i)].width for i, header in enumerate(EXPECTED_HEADERS)
    }
    assert all(width and width > 0 for width in widths.values())
    # 16 CJK characters need about twice the room of 16 Latin ones.
    assert widths["文章标题"] >= 32 > len(ascii_name) + 2 >= widths["来源文件"] - 2
    assert widths["所在句子"] == 60  # capped; the text wraps instead
    assert sheet.cell(2, col("所在句子")).alignment.wrap_text


def test_status_column_has_a_drop_down_and_colour_rules(sample: Path) -> None:
    sheet = openpyxl.load_workbook(sample)[DETAIL_SHEET]
    by_range = {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}
    status = by_range["M2:M5"]
    assert status.type == "list"
    assert status.formula1 == '"待核,已确认,已更正,已驳回"'
    assert status.showErrorMessage
    assert by_range["V2:V5"].formula1 == '"非数字声明,数字有误"'

    rules = {}
    for area in sheet.conditional_formatting:
        assert str(area.sqref) == "M2:M5"
        for rule in area.rules:
            assert (rule.type, rule.operator) == ("cellIs", "equal")
            rules[rule.formula[0]] = rule.dxf.fill.bgColor.rgb
    assert set(rules) == {f'"{label}"' for label in STATUS_LABELS.values()}
    assert len(set(rules.values())) == 4  # each status its own colour


def test_summary_sheet_rows_shares_totals_and_chart(sample: Path) -> None:
    workbook = openpyxl.load_workbook(sample)
    sheet = workbook[SUMMARY_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "文章ID",
        "标题",
        "日期",
        "来源文件",
        "数字总数",
        "待核",
        "已确认",
        "已更正",
        "已驳回",
        "已核比例",
    )
    assert rows[1][:9] == (
        1,
        "第1篇：北京市卫健委通报公立医院改革进展",
        "2024-03-05",
        "bj_health.txt",
        10,
        4,
        3,
        2,
        1,
    )
    share = sheet.cell(2, 10)
    assert (share.data_type, share.value, share.number_format) == ("n", 0.6, SHARE_FORMAT)
    assert rows[3][0] == "合计" and rows[3][4:9] == (20, 8, 6, 4, 2)
    assert sheet.cell(4, 10).value == 0.6
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:J3"  # the totals row stays out of sorting
    with zipfile.ZipFile(sample) as archive:
        chart = archive.read("xl/charts/chart1.xml").decode()
    assert "各文章核查进度" in chart
    assert '<grouping val="stacked"/>' in chart and '<barDir val="bar"/>' in chart
    assert "<strRef><f>'文章汇总'!$B$2:$B$3</f></strRef>" in chart  # headlines label the bars
    assert "<f>'文章汇总'!$F$2:$F$3</f>" in chart and "<f>'文章汇总'!$I$2:$I$3</f>" in chart
    assert re.findall(r'srgbClr val="(\w+)"', chart) and all(
        len(colour) == 6 for colour in re.findall(r'srgbClr val="(\w+)"', chart)
    )


def test_an_article_with_no_claims_says_so_instead_of_100_percent(tmp_path: Path) -> None:
    # As the window shows it (无数字): nothing was detected, so nothing was reviewed either.
    empty = make_article(1, claims=0, pending=0, confirmed=0, corrected=0, rejected=0)
    sheet = openpyxl.load_workbook(export(tmp_path, [], articles=[empty, make_article(2)]))[SUMMARY_SHEET]
    assert sheet.cell(2, 10).value == "无数字"
    assert sheet.cell(3, 10).value == 0.6
    assert (sheet.cell(4, 1).value, sheet.cell(4, 10).value) == ("合计", 0.6)
    only_empty = openpyxl.load_workbook(export(tmp_path, [], articles=[empty]))[SUMMARY_SHEET]
    assert (only_empty.cell(3, 1).value, only_empty.cell(3, 10).value) == ("合计", "无数字")


def test_status_colours_are_the_windows(sample: Path) -> None:
    sheet = openpyxl.load_workbook(sample)[DETAIL_SHEET]
    fills = {
        rule.formula[0].strip('"'): (rule.dxf.fill.bgColor.rgb, rule.dxf.font.color.rgb)
        for area in sheet.conditional_formatting
        for rule in area.rules
    }
    for status, label in STATUS_LABELS.items():
        colours = STATUS_COLOURS[status]
        assert fills[label] == ("FF" + colours.fill[1:], "FF" + TEXT_DARK[1:])
    with zipfile.ZipFile(sample) as archive:
        chart = archive.read("xl/charts/chart1.xml").decode()
    bars = re.findall(r'srgbClr val="(\w+)"', chart)
    for colours in STATUS_COLOURS.values():
        assert colours.line[1:] in bars


def test_an_older_workbook_with_the_english_first_header_still_reads(tmp_path: Path) -> None:
    path = export(tmp_path, [make_row(0, status="confirmed")])
    workbook = openpyxl.load_workbook(path)
    workbook[DETAIL_SHEET]["A1"].value = "claim id"
    workbook.save(path)
    assert [edit.claim_id for edit in read_workbook(path).edits] == [f"{0:016x}"]


def test_notes_sheet_explains_columns_origin_and_round_trip(sample: Path) -> None:
    sheet = openpyxl.load_workbook(sample)[NOTES_SHEET]
    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0]}
    assert values["生成时间"] == datetime(2024, 3, 6, 9, 30)
    assert values["生成人"] == "李编辑"
    assert values["筛选条件"] == "状态: 待核"
    assert values["FactDesk 版本"] == __version__
    assert values["数字条数"] == 4
    for column in COLUMNS:
        assert values[column.header] and column.description in values[column.header]
    assert "可修改" in values["备注"] and "可修改" not in values["文章标题"]
    text = "\n".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v)
    assert "factdesk import-decisions" in text
    # The way back through the window, named as its File menu names it.
    assert f"“{IMPORT_DECISIONS_MENU}”" in text and IMPORT_DECISIONS_MENU == "文件 → 导入核查结果…"
    for header in ("状态", "更正值", "更正单位", "来源标签", "备注"):
        assert f"“{header}”" in text


def test_notes_sheet_defaults_when_nothing_given(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(export(tmp_path, []))[NOTES_SHEET]
    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0]}
    assert values["生成人"] == "（未填写）"
    assert values["筛选条件"] == "无（全部数字）"
    assert isinstance(values["生成时间"], datetime)


def test_empty_export_still_opens_with_header_and_rules(tmp_path: Path) -> None:
    path = export(tmp_path, [], articles=[])
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DETAIL_SHEET]
    assert [cell.value for cell in sheet[1]] == EXPECTED_HEADERS
    assert sheet.max_row == 1
    with zipfile.ZipFile(path) as archive:
        assert not any(name.startswith("xl/charts/") for name in archive.namelist())


def test_control_characters_are_dropped_not_fatal(tmp_path: Path) -> None:
    rows = [make_row(0, note="a\x00b\x0cc", headline="标\x1f题", sources=("年\x07鉴",)), make_row(1)]
    sheet = openpyxl.load_workbook(export(tmp_path, rows))[DETAIL_SHEET]
    assert sheet.cell(2, col("备注")).value == "abc"
    assert sheet.cell(2, col("文章标题")).value == "标题"
    assert sheet.cell(2, col("来源标签")).value == "年鉴"
    assert sheet.max_row == 3


def test_openpyxl_still_has_the_row_hook_we_speed_up() -> None:
    # If this fails after an openpyxl upgrade the export still works, only slower:
    # see desktop/export/streaming.py.
    assert hook_available()


def test_normal_append_path_writes_the_same_cells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [
        make_row(0, note="=1+1", decided_at=DECIDED_AT, seconds_spent=3.0, status="corrected"),
        make_row(1, sentence="=SUM(A1)", corrected_value=Decimal("65.04")),
    ]
    fast = openpyxl.load_workbook(export(tmp_path, rows, made_at=datetime(2024, 1, 1)))[DETAIL_SHEET]
    monkeypatch.setattr("desktop.export.streaming.hook_available", lambda: False)
    (tmp_path / "slow").mkdir()
    slow = openpyxl.load_workbook(export(tmp_path / "slow", rows, made_at=datetime(2024, 1, 1)))[DETAIL_SHEET]
    for fast_row, slow_row in zip(fast.iter_rows(), slow.iter_rows(), strict=True):
        for a, b in zip(fast_row, slow_row, strict=True):
            assert (a.value, a.data_type, a.number_format, a.quotePrefix) == (
                b.value,
                b.data_type,
                b.number_format,
                b.quotePrefix,
            )
