"""Editors' decisions read back from an exported, edited workbook."""

from __future__ import annotations

import random
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from export_factories import make_row
from openpyxl.utils import get_column_letter

from desktop.export import WorkbookError, export_workbook, read_decision_edits
from desktop.export.columns import DETAIL_SHEET, HEADERS
from desktop.store.records import DecisionEdit


def exported(tmp_path: Path) -> Path:
    rows = [
        make_row(0),
        make_row(1, status="confirmed", sources=("统计公报",), note="已核"),
        make_row(2, status="corrected", corrected_value=Decimal("65.04"), corrected_unit="%"),
        make_row(3, status="rejected", reason="wrong-number"),
    ]
    path = tmp_path / "review.xlsx"
    export_workbook(path, rows, [])
    return path


def test_unedited_export_reads_back_as_written(tmp_path: Path) -> None:
    edits, problems = read_decision_edits(exported(tmp_path))
    assert problems == []
    assert edits == [
        DecisionEdit(row=2, claim_id=f"{0:016x}", status="待核", corrected_value="", corrected_unit="", version=1),
        DecisionEdit(row=3, claim_id=f"{1:016x}", status="已确认", corrected_value="", corrected_unit="", sources=("统计公报",), note="已核", version=1),
        DecisionEdit(row=4, claim_id=f"{2:016x}", status="已更正", corrected_value="65.04", corrected_unit="%", version=1),
        DecisionEdit(row=5, claim_id=f"{3:016x}", status="已驳回", corrected_value="", corrected_unit="", reason="数字有误", version=1),
    ]  # fmt: skip


def test_round_trip_after_editing_and_reordering_columns(tmp_path: Path) -> None:
    path = exported(tmp_path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DETAIL_SHEET]
    column = {header: HEADERS.index(header) + 1 for header in HEADERS}
    sheet.cell(2, column["状态"], "已更正")
    sheet.cell(2, column["更正值"], "1.3万")
    sheet.cell(2, column["更正单位"], "人")
    sheet.cell(2, column["来源标签"], "统计公报、年鉴, 官网;  政府网站")
    sheet.cell(3, column["备注"], "与年报第3页一致")
    sheet.cell(4, column["更正值"], 13000.0)  # typed as a number, read as Excel stores it

    # The editor rearranges the sheet: columns shuffled and one of their own added.
    table = [[cell.value for cell in row] for row in sheet.iter_rows()]
    order = list(range(len(HEADERS)))
    random.Random(7).shuffle(order)
    edited = openpyxl.Workbook()
    edited.active.title = "我的笔记"
    target = edited.create_sheet(DETAIL_SHEET)
    for number, row in enumerate(table):
        target.append(["编辑自己的列" if number == 0 else f"x{number}"] + [row[i] for i in order])
    target.append([])  # a blank row in the middle is skipped, not a problem
    target.append(["孤行", *([None] * len(HEADERS))])  # content but no claim id
    status_only: list[object] = [None] * (len(HEADERS) + 1)
    status_only[1 + order.index(HEADERS.index("状态"))] = "已确认"
    target.append(status_only)  # a decision with no claim id
    out = tmp_path / "edited.xlsx"
    edited.save(out)

    edits, problems = read_decision_edits(out)
    by_id = {edit.claim_id: edit for edit in edits}
    first = by_id[f"{0:016x}"]
    assert (first.row, first.status, first.corrected_value, first.corrected_unit) == (
        2,
        "已更正",
        "1.3万",
        "人",
    )
    assert first.sources == ("统计公报", "年鉴", "官网", "政府网站")
    assert by_id[f"{1:016x}"].note == "与年报第3页一致"
    assert by_id[f"{2:016x}"].corrected_value == "13000"
    assert by_id[f"{3:016x}"].reason == "数字有误"
    assert len(edits) == 4
    assert [row for row, _ in problems] == [7, 8]  # row 6 is the blank one
    assert all("no 数字编号" in reason and reason.code == "no-claim-id" for _, reason in problems)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (13000.0, "13000"),
        (65.04, "65.04"),
        (14005000000, "14005000000"),
        (0.1, "0.1"),
        (-2.5, "-2.5"),
        (1e-7, "0.0000001"),
    ],
)
def test_numbers_read_back_as_exact_text(tmp_path: Path, typed: float, expected: str) -> None:
    path = exported(tmp_path)
    workbook = openpyxl.load_workbook(path)
    workbook[DETAIL_SHEET].cell(2, HEADERS.index("更正值") + 1, typed)
    workbook.save(path)
    edits, _ = read_decision_edits(path)
    assert edits[0].corrected_value == expected


def test_without_reason_column_the_reason_is_kept(tmp_path: Path) -> None:
    path = exported(tmp_path)
    workbook = openpyxl.load_workbook(path)
    workbook[DETAIL_SHEET].delete_cols(HEADERS.index("驳回原因") + 1)
    workbook.save(path)
    edits, problems = read_decision_edits(path)
    assert problems == [] and len(edits) == 4
    assert all(edit.reason == "" for edit in edits)


def test_not_an_xlsx_is_a_workbook_error(tmp_path: Path) -> None:
    text = tmp_path / "notes.xlsx"
    text.write_text("这不是表格", encoding="utf-8")
    with pytest.raises(WorkbookError, match="notes.xlsx: not an .xlsx workbook"):
        read_decision_edits(text)
    csv = tmp_path / "review.csv"
    csv.write_text("claim id,状态\n", encoding="utf-8")
    with pytest.raises(WorkbookError, match="review.csv"):
        read_decision_edits(csv)
    with pytest.raises(WorkbookError, match="file not found"):
        read_decision_edits(tmp_path / "missing.xlsx")


def test_workbook_without_the_detail_sheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Sheet1"
    workbook.save(path)
    with pytest.raises(WorkbookError, match=f"no sheet named {DETAIL_SHEET}"):
        read_decision_edits(path)


@pytest.mark.parametrize("header", ["数字编号", "备注", "状态"])
def test_sheet_missing_a_needed_column_is_refused(tmp_path: Path, header: str) -> None:
    path = exported(tmp_path)
    workbook = openpyxl.load_workbook(path)
    workbook[DETAIL_SHEET].delete_cols(HEADERS.index(header) + 1)
    workbook.save(path)
    with pytest.raises(WorkbookError, match=f"no column headed {header}"):
        read_decision_edits(path)


def test_empty_detail_sheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = DETAIL_SHEET
    workbook.save(path)
    with pytest.raises(WorkbookError, match="no column headed 数字编号"):
        read_decision_edits(path)


@pytest.mark.parametrize(
    ("typed", "number_format", "expected"),
    [(0.125, "0.0%", "12.5%"), (0.07, "0%", "7%"), (1.5, "0.00%", "150%"), (0.125, '0.000" %"', "0.125")],
)
def test_a_percentage_typed_into_the_correction_reads_as_a_percentage(
    tmp_path: Path, typed: float, number_format: str, expected: str
) -> None:
    # Excel stores "12.5%" typed into a cell as 0.125 formatted "0.0%".
    path = exported(tmp_path)
    workbook = openpyxl.load_workbook(path)
    cell = workbook[DETAIL_SHEET].cell(2, HEADERS.index("更正值") + 1, typed)
    cell.number_format = number_format
    workbook.save(path)
    edits, problems = read_decision_edits(path)
    assert problems == []
    assert edits[0].corrected_value == expected


def test_an_unreadable_version_is_reported_not_guessed(tmp_path: Path) -> None:
    path = exported(tmp_path)
    workbook = openpyxl.load_workbook(path)
    workbook[DETAIL_SHEET].cell(3, HEADERS.index("版本") + 1, "三")
    workbook.save(path)
    edits, problems = read_decision_edits(path)
    assert [edit.row for edit in edits] == [2, 4, 5]
    assert problems == [(3, "版本 '三' is not a whole number; export the workbook again")]


def _with_cached_result(path: Path, coordinate: str, result: str) -> None:
    """Give the formula at `coordinate` the result a spreadsheet program saves with it (openpyxl saves none)."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    cell = re.search(rf'<c r="{coordinate}"[^>]*>(<f>[^<]*</f>)<v\s*(?:/>|></v>)</c>', sheet)
    assert cell is not None, sheet[:2000]
    sheet = sheet.replace(cell.group(0), f'<c r="{coordinate}" t="str">{cell.group(1)}<v>{result}</v></c>')
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_formula_without_a_saved_result_refuses_its_row_and_the_rest_is_read(tmp_path: Path) -> None:
    path = exported(tmp_path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DETAIL_SHEET]
    column = {header: HEADERS.index(header) + 1 for header in HEADERS}
    # As a script saves them: the formula alone.  Read as empty, the note
    # (and the sources) of row 3 would have been wiped.
    sheet.cell(3, column["备注"], '=CONCAT("已核","年报")')
    sheet.cell(4, column["状态"], '=IF(TRUE,"已确认","待核")')
    sheet.cell(5, column["备注"], '="见"&"公报"')  # given its result below, as Excel would save it
    sheet.cell(2, column["备注"], "新备注")
    # A total in the editor's own column, in a row of its own: not a decision, still skipped.
    sheet.cell(8, len(HEADERS) + 1, "=SUM(1,2)")
    workbook.save(path)
    _with_cached_result(path, f"{get_column_letter(column['备注'])}5", "见公报")

    edits, problems = read_decision_edits(path)
    assert [row for row, _ in problems] == [3, 4]
    assert problems[0][1].startswith('备注 holds a formula (=CONCAT("已核","年报")) with no saved result')
    assert problems[1][1].startswith("状态 holds a formula")
    by_row = {edit.row: edit for edit in edits}
    assert sorted(by_row) == [2, 5]
    assert by_row[2].note == "新备注"
    assert by_row[5].note == "见公报"  # a formula with a saved result reads as that result
