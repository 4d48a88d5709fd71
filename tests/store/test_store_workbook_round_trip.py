"""Decisions exported to a workbook and read back into the same store."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desktop.export import export_workbook, read_decision_edits, read_workbook
from desktop.export.columns import DETAIL_SHEET, HEADERS
from desktop.store import ReviewStore
from desktop.store.errors import ForeignWorkbook, InvalidDecision


def export(store: ReviewStore, path: Path) -> Path:
    export_workbook(path, store.export_rows(), store.articles())
    return path


def row_of(path: Path, claim_id: str) -> int:
    sheet = openpyxl.load_workbook(path)[DETAIL_SHEET]
    return next(row for row in range(2, sheet.max_row + 1) if sheet.cell(row, 1).value == claim_id)


def test_an_older_workbook_does_not_undo_a_newer_decision(store: ReviewStore, tmp_path: Path) -> None:
    changed, edited = store.claims()[:2]
    store.decide(changed.id, "confirmed", editor="甲")
    path = export(store, tmp_path / "review.xlsx")
    # After the export, someone decides the first claim again in the app.
    store.decide(changed.id, "rejected", editor="乙", reason="not-a-claim", note="不是数字")
    # The editor of the workbook only touches the second claim's row.
    workbook = openpyxl.load_workbook(path)
    workbook[DETAIL_SHEET].cell(row_of(path, edited.id), HEADERS.index("状态") + 1, "已确认")
    workbook.save(path)

    edits, problems = read_decision_edits(path)
    assert problems == []
    changes, refused = store.apply_edits(edits, editor="导入")

    assert [change.claim.id for change in changes] == [edited.id]
    assert store.claim(edited.id).status == "confirmed"
    now = store.claim(changed.id)
    assert (now.status, now.reason, now.note, now.editor) == ("rejected", "not-a-claim", "不是数字", "乙")
    assert [edit.claim_id for edit, _ in refused] == [changed.id]
    reason = refused[0][1]
    assert "changed since the export by 乙 at" in reason and now.decided_at in reason


def test_a_workbook_without_the_version_column_still_applies(store: ReviewStore, tmp_path: Path) -> None:
    claim = store.claims()[0]
    path = export(store, tmp_path / "review.xlsx")
    store.decide(claim.id, "confirmed", editor="乙")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DETAIL_SHEET]
    sheet.delete_cols(HEADERS.index("版本") + 1)
    sheet.cell(row_of(path, claim.id), HEADERS.index("备注") + 1, "旧表")
    workbook.save(path)

    edits, problems = read_decision_edits(path)
    assert problems == [] and all(edit.version is None for edit in edits)
    changes, refused = store.apply_edits(edits, editor="导入")
    # No version to check against: the workbook's row wins, as before.
    assert refused == []
    assert store.claim(claim.id).note == "旧表"
    assert claim.id in [change.claim.id for change in changes]


def test_a_tag_holding_a_separator_is_stored_split_and_survives_a_round_trip(
    store: ReviewStore, tmp_path: Path
) -> None:
    claim = store.claims()[0]
    saved = store.decide(
        claim.id, "confirmed", editor="甲", sources=["国家统计局，2023年公报", " 卫健委; 国家统计局 "]
    )
    assert saved.claim.sources == ("国家统计局", "2023年公报", "卫健委")
    path = export(store, tmp_path / "review.xlsx")
    edits, problems = read_decision_edits(path)
    assert problems == []
    changes, refused = store.apply_edits(edits, editor="导入")
    assert changes == [] and refused == []
    assert store.claim(claim.id).version == saved.claim.version


def test_add_source_refuses_a_tag_a_workbook_would_split(store: ReviewStore) -> None:
    with pytest.raises(InvalidDecision, match="cannot contain"):
        store.add_source("国家统计局、年鉴")
    assert store.sources() == []


def test_a_percentage_typed_in_excel_is_saved_as_a_percentage(store: ReviewStore, tmp_path: Path) -> None:
    claim = store.claims()[0]
    path = export(store, tmp_path / "review.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DETAIL_SHEET]
    row = row_of(path, claim.id)
    sheet.cell(row, HEADERS.index("状态") + 1, "已更正")
    sheet.cell(row, HEADERS.index("更正值") + 1, 0.125).number_format = "0.0%"
    workbook.save(path)
    edits, _ = read_decision_edits(path)
    changes, refused = store.apply_edits(edits, editor="导入")
    assert refused == [] and len(changes) == 1
    now = store.claim(claim.id)
    assert (now.corrected_value, now.corrected_unit) == (Decimal("12.5"), "%")


def test_a_note_longer_than_a_cell_survives_an_unchanged_round_trip(
    store: ReviewStore, tmp_path: Path
) -> None:
    claim, other = store.claims()[:2]
    note = "".join(f"第{i}次核实：与统计公报一致；" for i in range(8000))[:100_000]
    saved = store.decide(claim.id, "confirmed", editor="甲", note=note)
    assert len(saved.claim.note) == 100_000
    path = export(store, tmp_path / "review.xlsx")
    # The editor confirms another claim and leaves the long note's row alone.
    workbook = openpyxl.load_workbook(path)
    workbook[DETAIL_SHEET].cell(row_of(path, other.id), HEADERS.index("状态") + 1, "已确认")
    workbook.save(path)

    edits, problems = read_decision_edits(path)
    assert problems == []
    changes, refused = store.apply_edits(edits, editor="导入")
    assert refused == [] and [change.claim.id for change in changes] == [other.id]
    now = store.claim(claim.id)
    assert now.note == note and now.version == saved.claim.version


def test_a_formula_in_a_note_refuses_its_row_and_keeps_the_note(store: ReviewStore, tmp_path: Path) -> None:
    noted, other = store.claims()[:2]
    store.decide(noted.id, "confirmed", editor="甲", note="电话核实")
    path = export(store, tmp_path / "review.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DETAIL_SHEET]
    # What a script saves: the formula without its result, which read as "" wiped the note.
    sheet.cell(row_of(path, noted.id), HEADERS.index("备注") + 1, '=CONCAT("电话","核实")')
    sheet.cell(row_of(path, other.id), HEADERS.index("状态") + 1, "已确认")
    workbook.save(path)

    edits, problems = read_decision_edits(path)
    assert [row for row, _ in problems] == [row_of(path, noted.id)]
    assert "备注 holds a formula" in problems[0][1]
    changes, refused = store.apply_edits(edits, editor="导入")
    assert refused == [] and [change.claim.id for change in changes] == [other.id]
    assert store.claim(noted.id).note == "电话核实"


def test_a_workbook_from_another_database_is_refused_whole(
    store: ReviewStore, tmp_path: Path, seed_copy: Path
) -> None:
    claim = store.claims()[0]
    path = tmp_path / "review.xlsx"
    export_workbook(path, store.export_rows(), store.articles(), database_id=store.database_id)
    workbook = openpyxl.load_workbook(path)
    workbook[DETAIL_SHEET].cell(row_of(path, claim.id), HEADERS.index("状态") + 1, "已确认")
    workbook.save(path)
    read = read_workbook(path)
    assert read.database_id == store.database_id

    # The same articles imported into another database: the same claim ids.
    with ReviewStore.open(tmp_path / "other.sqlite") as other:
        other.import_files([seed_copy])
        assert other.claim(claim.id).status == "pending"
        with pytest.raises(ForeignWorkbook) as refused:
            other.apply_edits(read.edits, editor="导入", database_id=read.database_id)
        assert (refused.value.workbook_id, refused.value.database_id) == (
            store.database_id,
            other.database_id,
        )
        assert other.claim(claim.id).status == "pending"

    changes, _ = store.apply_edits(read.edits, editor="导入", database_id=read.database_id)
    assert [change.claim.id for change in changes] == [claim.id]
