"""The 核查提示 sheet names the verified statements of a repeated figure (issue 13 §4: memory hits).

Two made-up pages of one city paper a month apart: the later one restates
the earlier's income per head (38652元, an equal repeat) and its GDP with
two digits swapped (3251.6亿元 against 3215.6亿元, a conflict).  Once an
editor verifies the earlier figures, the later article's repeat rows say so,
with the source tag, the editor and the date; an unverified repeat says
nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl

from desktop.export import export_workbook
from desktop.export.columns import FINDINGS_SHEET
from desktop.store import ReviewStore
from desktop.store.records import ClaimView

# Two pages of one city paper a month apart (README beside them).
MEMORY_PAGES = Path(__file__).resolve().parents[1] / "data" / "memory"


def _claim(store: ReviewStore, file_prefix: str, text: str) -> ClaimView:
    return next(
        claim
        for article in store.articles()
        if article.file_name.startswith(file_prefix)
        for claim in store.claims(article.id)
        if claim.text == text
    )


def _rows(path: Path) -> list[dict[str, object]]:
    sheet = openpyxl.load_workbook(path, read_only=True)[FINDINGS_SHEET]
    values = list(sheet.iter_rows(values_only=True))
    width = len(values[0])  # a read-only sheet leaves a row's empty cells at its end out
    return [dict(zip(values[0], (*row, *[None] * (width - len(row))), strict=True)) for row in values[1:]]


def test_a_repeat_row_names_the_verified_statement_with_its_source_editor_and_date(tmp_path: Path) -> None:
    first, later = tmp_path / "a_linjiang_2024-01-20.txt", tmp_path / "b_linjiang_2024-03-02.txt"
    shutil.copy(MEMORY_PAGES / first.name, first)
    shutil.copy(MEMORY_PAGES / later.name, later)
    with ReviewStore.open(tmp_path / "review.sqlite", seed_if_new=False) as store:
        store.import_files([first, later])
        store.refresh_memory()
        before = tmp_path / "before.xlsx"
        export_workbook(before, store.export_rows(), store.articles(), findings=store.export_findings())
        income = _claim(store, "a_", "38652元")
        gdp = _claim(store, "a_", "3215.6亿元")
        store.decide(income.id, "confirmed", editor="王编辑", sources=["市统计局公报"])
        store.decide(gdp.id, "corrected", editor="李编辑", corrected_value="3215.7亿元")
        after = tmp_path / "after.xlsx"
        export_workbook(after, store.export_rows(), store.articles(), findings=store.export_findings())

    unverified = [
        row for row in _rows(before) if row["核查类型"] == "重复与矛盾" and row["文章标题"].startswith("政府")
    ]
    assert unverified and all(row["已核实过"] is None for row in unverified)

    later_rows = [
        row for row in _rows(after) if row["核查类型"] == "重复与矛盾" and row["文章标题"].startswith("政府")
    ]
    income_row = next(row for row in later_rows if row["原文"] == "38652元")
    assert income_row["已核实过"].startswith("38652元 已核实（已确认）：市统计局公报；王编辑 20")
    gdp_row = next(row for row in later_rows if row["原文"] == "3251.6亿元")
    assert "3215.6亿元 → 3215.7亿元 已核实（已更正）：未标来源；李编辑" in gdp_row["已核实过"]
    # The corrected figure's own row names no one: the figure it conflicts with is not verified.
    earlier = [
        row for row in _rows(after) if row["核查类型"] == "重复与矛盾" and row["文章标题"].startswith("2023")
    ]
    assert [row["已核实过"] for row in earlier if row["原文"] == "3215.6亿元"] == [None]
