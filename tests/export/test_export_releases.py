"""Source releases in the workbook: 来源稿 and 比对 on 核查明细, discrepancies on 核查提示, read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from desktop.checks.release.messages import render
from desktop.export import export_workbook, read_workbook
from desktop.export.columns import DETAIL_SHEET, FINDINGS_SHEET, HEADERS
from desktop.export.findings_sheet import FINDING_HEADERS
from desktop.store import ReviewStore

PAIRS = Path(__file__).resolve().parents[1] / "data" / "release_pairs"
WITH_RELEASE = "06_cn-grain-output-2017"
WITHOUT = "04_tw-unemployment-2017-07"
LABELS = {"same": "一致", "rounded": "约数", "different": "不一致", "absent": "来源稿中没有"}


@pytest.fixture
def store(tmp_path: Path) -> ReviewStore:
    opened = ReviewStore.open(tmp_path / "review.sqlite")
    opened.import_files([PAIRS / f"{WITH_RELEASE}.article.txt", PAIRS / f"{WITHOUT}.article.txt"])
    article = _article(opened, WITH_RELEASE)
    opened.attach_source_file(article, PAIRS / f"{WITH_RELEASE}.source.txt", "王编辑")
    return opened


def _article(store: ReviewStore, pair: str) -> int:
    (found,) = [a.id for a in store.articles() if a.file_name == f"{pair}.article.txt"]
    return found


def _export(store: ReviewStore, path: Path) -> Path:
    export_workbook(
        path,
        store.export_rows(),
        store.articles(),
        findings=store.export_findings(with_releases=True),
        database_id=store.database_id,
    )
    return path


def _records(sheet: object) -> list[dict[str, object]]:
    rows = list(sheet.iter_rows(values_only=True))  # type: ignore[attr-defined]
    return [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]


def test_detail_rows_carry_the_release_and_the_label_of_articles_with_one(
    store: ReviewStore, tmp_path: Path
) -> None:
    with store:
        article = _article(store, WITH_RELEASE)
        labels = {m.claim_id: LABELS[m.match] for m in store.release_matches(article) if m.claim_id}
        path = _export(store, tmp_path / "review.xlsx")
        claims = {c.id: c for c in store.claims()}
    sheet = openpyxl.load_workbook(path)[DETAIL_SHEET]
    assert tuple(cell.value for cell in sheet[1]) == HEADERS
    assert HEADERS[-2:] == ("来源稿", "比对")
    records = _records(sheet)
    assert len(records) == len(claims)
    for record in records:
        claim = claims[str(record["数字编号"])]
        if claim.article_id == article:
            assert record["来源稿"] == f"{WITH_RELEASE}.source.txt"
            assert record["比对"] == labels[claim.id]
        else:
            assert record["来源稿"] is None and record["比对"] is None
    assert {r["比对"] for r in records if r["比对"]} >= {"一致", "来源稿中没有"}


def test_release_discrepancies_are_rows_of_the_checks_sheet(store: ReviewStore, tmp_path: Path) -> None:
    with store:
        article = _article(store, WITH_RELEASE)
        matches = store.release_matches(article)
        path = _export(store, tmp_path / "review.xlsx")
    sheet = openpyxl.load_workbook(path)[FINDINGS_SHEET]
    assert tuple(cell.value for cell in sheet[1]) == FINDING_HEADERS
    rows = [r for r in _records(sheet) if r["核查类型"] == "来源稿比对"]
    discrepancies = [m for m in matches if m.match != "same"]
    assert len(rows) == len(discrepancies) > 0
    for row, m in zip(rows, discrepancies, strict=True):
        assert (row["原文"], row["结论"]) == (m.text, LABELS[m.match])
        assert row["说明"] == render(m.message, "zh")
        assert row["处理状态"] == "未处理"
        if m.source is not None:
            assert row["涉及数字"] == f"来源稿：{m.source.text}"
    assert any(r["结论"] == "约数" and str(r["涉及数字"]).startswith("来源稿：") for r in rows)


def test_the_release_columns_are_output_only(store: ReviewStore, tmp_path: Path) -> None:
    """An editor who types over 来源稿 or 比对 changes no decision: read back ignores them."""
    with store:
        path = _export(store, tmp_path / "review.xlsx")
        before = {c.id: c for c in store.claims()}
        untouched = read_workbook(path)
        workbook = openpyxl.load_workbook(path)
        sheet = workbook[DETAIL_SHEET]
        release_column = HEADERS.index("来源稿") + 1
        match_column = HEADERS.index("比对") + 1
        for row in range(2, sheet.max_row + 1):
            sheet.cell(row, release_column).value = "别的稿子.txt"
            sheet.cell(row, match_column).value = "不一致"
        workbook.save(path)
        edited = read_workbook(path)
        assert edited.edits == untouched.edits
        assert edited.problems == untouched.problems == []
        changes, refused = store.apply_edits(edited.edits, editor="王编辑", database_id=edited.database_id)
        assert (changes, refused) == ([], [])
        assert {c.id: c for c in store.claims()} == before
