"""Texts longer than a cell holds are never cut: the 长文本 sheet keeps them and the reader joins them."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from export_factories import make_article, make_row

from desktop.export import export_workbook, read_decision_edits
from desktop.export.columns import DETAIL_SHEET, HEADERS, NOTES_SHEET, SUMMARY_SHEET

NOTE = "".join(f"第{i}段：电话核实，与统计公报一致。" for i in range(7000))[:100_000]
EMOJI_NOTE = "核实✅📈" * 7_000  # 21,000 characters, 35,000 UTF-16 units: over the limit as Excel counts
FORMULA_LIKE = "=SUM(A1:A9) " + "备" * 40_000
CELL_LIMIT = 32_767  # what Excel holds in a cell, in UTF-16 units
LONG_TEXT_SHEET = "长文本"
SOURCES = tuple(f"来源{i:05d}" for i in range(5_000))  # 40,000 characters once joined


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def exported(tmp_path: Path) -> Path:
    path = tmp_path / "long.xlsx"
    rows = [
        make_row(0, note=NOTE, status="confirmed"),
        make_row(1, note=EMOJI_NOTE, sentence="句" * 40_000),
        make_row(2, note=FORMULA_LIKE, sources=SOURCES),
        make_row(3, note="短备注"),
    ]
    export_workbook(path, rows, [make_article(1, headline="标" * 40_000)], editor="编" * 40_000)
    return path


def every_cell(path: Path) -> list[tuple[str, object]]:
    workbook = openpyxl.load_workbook(path)
    return [(sheet.title, cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row]


def test_long_texts_come_back_whole_and_every_cell_fits(tmp_path: Path) -> None:
    path = exported(tmp_path)
    edits, problems = read_decision_edits(path)
    assert problems == []
    assert [edit.note for edit in edits] == [NOTE, EMOJI_NOTE, FORMULA_LIKE, "短备注"]
    assert edits[2].sources == SOURCES
    # Excel would cut (or refuse) any cell over the limit, counted in UTF-16 units.
    texts = [value for _, value in every_cell(path) if isinstance(value, str)]
    assert max(utf16_units(text) for text in texts) <= CELL_LIMIT


def test_the_cell_shows_the_start_and_says_where_the_rest_is(tmp_path: Path) -> None:
    path = exported(tmp_path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [DETAIL_SHEET, SUMMARY_SHEET, NOTES_SHEET, LONG_TEXT_SHEET]
    note = workbook[DETAIL_SHEET].cell(2, HEADERS.index("备注") + 1)
    assert note.value.startswith(NOTE[:1000])
    assert note.value.endswith(
        f"……〔未完：全文共 {len(NOTE)} 字，见“长文本”表，导回时自动接上；请勿修改这一格〕"
    )
    formula_like = workbook[DETAIL_SHEET].cell(4, HEADERS.index("备注") + 1)
    assert (formula_like.data_type, formula_like.quotePrefix) == ("s", True)  # still never a formula
    pieces = [row for row in workbook[LONG_TEXT_SHEET].iter_rows(min_row=2, values_only=True)]
    assert {(claim_id, header) for claim_id, header, _, _ in pieces} == {
        (f"{0:016x}", "备注"),
        (f"{1:016x}", "备注"),
        (f"{1:016x}", "所在句子"),
        (f"{2:016x}", "备注"),
        (f"{2:016x}", "来源标签"),
    }
    assert (
        "".join(text for claim_id, header, _, text in pieces if (claim_id, header) == (f"{0:016x}", "备注"))
        == NOTE
    )
    # Sheets that are not read back cut visibly instead of silently.
    headline = workbook[SUMMARY_SHEET].cell(2, 2).value
    assert headline.endswith("……〔未完：全文共 40000 字〕") and utf16_units(headline) <= CELL_LIMIT
    editor = next(row[1] for row in workbook[NOTES_SHEET].iter_rows(values_only=True) if row[0] == "生成人")
    assert editor.endswith("……〔未完：全文共 40000 字〕")


def test_sorting_the_long_text_sheet_changes_nothing(tmp_path: Path) -> None:
    path = exported(tmp_path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[LONG_TEXT_SHEET]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    for number, values in enumerate(reversed(rows), start=2):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(number, column, value)
            if isinstance(value, str):
                cell.data_type = "s"  # openpyxl would make "=SUM(…" a formula; a spreadsheet keeps text
    workbook.save(path)
    edits, problems = read_decision_edits(path)
    assert problems == [] and edits[0].note == NOTE and edits[1].note == EMOJI_NOTE


def test_an_edited_long_text_cell_refuses_its_row_only(tmp_path: Path) -> None:
    path = exported(tmp_path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DETAIL_SHEET]
    note = HEADERS.index("备注") + 1
    # The editor saw only the start and typed into it: which text did they mean?
    sheet.cell(2, note, "补充：" + sheet.cell(2, note).value)
    sheet.cell(5, note, "改短了")
    workbook.save(path)
    edits, problems = read_decision_edits(path)
    assert [row for row, _ in problems] == [2]
    assert "备注 is longer than a cell (100000 characters)" in problems[0][1]
    assert [edit.note for edit in edits] == [EMOJI_NOTE, FORMULA_LIKE, "改短了"]


def test_without_the_long_text_sheet_the_rows_that_need_it_are_refused(tmp_path: Path) -> None:
    path = exported(tmp_path)
    workbook = openpyxl.load_workbook(path)
    del workbook[LONG_TEXT_SHEET]
    workbook.save(path)
    edits, problems = read_decision_edits(path)
    assert [row for row, _ in problems] == [2, 3, 4]
    assert "which is not in the workbook" in problems[0][1]
    assert [edit.note for edit in edits] == ["短备注"]


@pytest.mark.parametrize("drop", ["first", "last"])
def test_a_missing_piece_refuses_the_row(tmp_path: Path, drop: str) -> None:
    path = exported(tmp_path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[LONG_TEXT_SHEET]
    numbers = [row[0].row for row in sheet.iter_rows(min_row=2) if row[0].value == f"{0:016x}"]
    sheet.delete_rows(numbers[0] if drop == "first" else numbers[-1])
    workbook.save(path)
    edits, problems = read_decision_edits(path)
    assert [row for row, _ in problems] == [2]
    assert {edit.claim_id for edit in edits} == {f"{i:016x}" for i in (1, 2, 3)}
