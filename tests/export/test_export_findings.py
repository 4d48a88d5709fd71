"""The checks in the workbook: the 核查提示 sheet and the 提示 column, read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from desktop.checks.messages import render
from desktop.export import export_workbook, read_workbook
from desktop.export.columns import DETAIL_SHEET, FINDINGS_SHEET, HEADERS, NOTES_SHEET, SUMMARY_SHEET
from desktop.export.findings_sheet import FINDING_HEADERS
from desktop.store import ReviewStore

TEXT = (
    "全市新能源汽车保有量从2万辆增加到8万辆，增加了4倍。\n\n"
    "冠脉导引导管均价由集采前的890元，降至434元，降幅达51%。\n\n"
    "今年以来新增志愿者8325人，其中应急救护志愿者7530人、其他登记的志愿者759人。\n"
)


@pytest.fixture
def store(tmp_path: Path) -> ReviewStore:
    page = tmp_path / "page.txt"
    page.write_text(TEXT, encoding="utf-8")
    opened = ReviewStore.open(tmp_path / "review.sqlite")
    opened.import_files([page])
    return opened


def _export(store: ReviewStore, path: Path) -> Path:
    report = export_workbook(
        path,
        store.export_rows(),
        store.articles(),
        findings=store.export_findings(),
        database_id=store.database_id,
    )
    assert report.findings == 4
    return path


def _records(sheet: object) -> list[dict[str, object]]:
    rows = list(sheet.iter_rows(values_only=True))  # type: ignore[attr-defined]
    return [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]


def test_every_finding_with_its_verdict_status_and_who(store: ReviewStore, tmp_path: Path) -> None:
    (article,) = store.articles()
    found = store.findings(article.id)
    sum_flag = next(f for f in found if f.check == "sum")
    store.dismiss_finding(sum_flag.id, "王编辑", note="口径不同")
    path = _export(store, tmp_path / "review.xlsx")

    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [DETAIL_SHEET, FINDINGS_SHEET, SUMMARY_SHEET, NOTES_SHEET]
    sheet = workbook[FINDINGS_SHEET]
    assert tuple(cell.value for cell in sheet[1]) == FINDING_HEADERS
    records = _records(sheet)
    assert len(records) == 4
    by_kind = {r["核查类型"]: r for r in records}
    assert sorted(str(r["核查类型"]) for r in records) == sorted(["加总", "增减", "增减", "数字用法"])
    summed = by_kind["加总"]
    assert summed["结论"] == "不成立" and summed["处理状态"] == "已忽略"
    assert (
        summed["处理人"] == "王编辑" and summed["处理时间"] is not None and summed["处理备注"] == "口径不同"
    )
    assert summed["说明"] == render(sum_flag.message, "zh")
    assert "合计：8325人" in str(summed["涉及数字"]) and "分项：7530人" in str(summed["涉及数字"])
    usage = by_kind["数字用法"]
    assert (usage["规则"], usage["结论"], usage["建议写法"], usage["处理状态"]) == (
        2,
        "不成立",
        "3倍",
        "未处理",
    )
    assert any(r["结论"] == "成立" for r in records)
    assert all(r["文章标题"] == article.headline or not article.headline for r in records)
    notes = [
        row[1]
        for row in workbook[NOTES_SHEET].iter_rows(values_only=True)
        if row and row[0] == FINDINGS_SHEET
    ]
    assert notes and "4 条提示" in str(notes[0])


def test_the_hint_column_holds_open_flags_and_is_never_read_back(store: ReviewStore, tmp_path: Path) -> None:
    (article,) = store.articles()
    found = store.findings(article.id)
    sum_flag = next(f for f in found if f.check == "sum")
    usage = next(f for f in found if f.check == "usage")
    path = _export(store, tmp_path / "review.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DETAIL_SHEET]
    hints = {row[0]: row[HEADERS.index("提示")] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert hints[sum_flag.claim_id] == render(sum_flag.message, "zh")
    assert hints[usage.claim_id] == render(usage.message, "zh")
    quiet = [claim_id for claim_id, hint in hints.items() if hint is None]
    assert quiet  # claims without an open flag have an empty cell

    # A dismissed flag leaves the column; the sheet still reads back, and the column is ignored.
    store.dismiss_finding(sum_flag.id, "王编辑")
    path = _export(store, tmp_path / "again.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DETAIL_SHEET]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == sum_flag.claim_id)
    assert sheet.cell(row, HEADERS.index("提示") + 1).value is None
    sheet.cell(row, HEADERS.index("提示") + 1, "编辑随手写的字")
    sheet.cell(row, HEADERS.index("状态") + 1, "已确认")
    workbook.save(path)
    read = read_workbook(path)
    assert read.problems == [] and [(e.claim_id, e.status) for e in read.edits if e.status == "已确认"] == [
        (sum_flag.claim_id, "已确认")
    ]
    changes, refused = store.apply_edits(read.edits, editor="导入", database_id=read.database_id)
    assert not refused and [c.claim.id for c in changes] == [sum_flag.claim_id]
    assert store.claim(sum_flag.claim_id).note == ""


def test_without_findings_the_workbook_is_as_before(store: ReviewStore, tmp_path: Path) -> None:
    path = tmp_path / "plain.xlsx"
    report = export_workbook(path, store.export_rows(), store.articles())
    assert report.findings == 0
    assert openpyxl.load_workbook(path).sheetnames == [DETAIL_SHEET, SUMMARY_SHEET, NOTES_SHEET]


def test_the_command_line_export_carries_the_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.cli import main

    page = tmp_path / "page.txt"
    page.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "review.sqlite"
    assert main(["import", "--db", str(db), str(page)]) == 0
    out = tmp_path / "out.xlsx"
    assert main(["export", "--db", str(db), str(out)]) == 0
    capsys.readouterr()
    workbook = openpyxl.load_workbook(out)
    records = _records(workbook[FINDINGS_SHEET])
    assert len(records) == 4 and {r["处理状态"] for r in records} == {"未处理"}
    hints = [
        row[HEADERS.index("提示")] for row in workbook[DETAIL_SHEET].iter_rows(min_row=2, values_only=True)
    ]
    assert sum(hint is not None for hint in hints) >= 2
