"""Text never becomes a formula; progress, cancel and failure never leave a half-written file."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from export_factories import make_article, make_row
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.worksheet import _writer as openpyxl_writer

from desktop.export import ExportCancelled, export_workbook
from desktop.export.cells import needs_guard
from desktop.export.columns import DETAIL_SHEET, HEADERS, NOTES_SHEET, SUMMARY_SHEET
from desktop.export.xlsx import PROGRESS_EVERY
from desktop.store.records import ExportRow

RISKY = ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx", "=", "#N/A", '=HYPERLINK("http://evil","点我")']


def sheet_xml(path: Path, index: int) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"xl/worksheets/sheet{index}.xml").decode()


def test_formula_like_text_stays_exact_text_everywhere(tmp_path: Path) -> None:
    rows = [
        make_row(
            i,
            note=text,
            headline="=HEADLINE()" if i == 0 else f"-{i}号标题",
            sentence="=SUM(1,2) 开头的句子",
            subject="@主体",
            sources=("+来源", "年鉴"),
            editor="-张三",
            text="-5%",
        )
        for i, text in enumerate(RISKY)
    ]
    path = tmp_path / "risky.xlsx"
    articles = [make_article(1, headline="=1+2 标题", file_name="@file.txt")]
    export_workbook(path, rows, articles, editor="=editor", filters_description="-仅待核")

    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DETAIL_SHEET]
    note = HEADERS.index("备注") + 1
    for row, text in enumerate(RISKY, start=2):
        cell = sheet.cell(row, note)
        assert (cell.value, cell.data_type) == (text, "s")
        assert cell.quotePrefix
        for header, expected in (("文章标题", rows[row - 2].headline), ("所在句子", "=SUM(1,2) 开头的句子")):
            cell = sheet.cell(row, HEADERS.index(header) + 1)
            assert (cell.value, cell.data_type) == (expected, "s")
        assert sheet.cell(row, HEADERS.index("来源标签") + 1).value == "+来源、年鉴"
        assert sheet.cell(row, HEADERS.index("所在句子") + 1).alignment.wrap_text
    summary = workbook[SUMMARY_SHEET]
    assert (summary.cell(2, 2).value, summary.cell(2, 2).data_type) == ("=1+2 标题", "s")
    notes = {r[0]: r[1] for r in workbook[NOTES_SHEET].iter_rows(values_only=True) if r[0]}
    assert notes["生成人"] == "=editor" and notes["筛选条件"] == "-仅待核"
    for index in (1, 2, 3):
        assert not re.search(r"<f[ >]", sheet_xml(path, index))


def test_plain_text_is_not_guarded() -> None:
    assert not any(needs_guard(text) for text in ("", "北京", "1+1", "a=b", " =1", "＝1"))
    assert all(needs_guard(text) for text in RISKY)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.text(
            alphabet=st.characters(
                blacklist_categories=("Cs",),
                # XML 1.0 cannot carry these; the export drops them (tested above).
                blacklist_characters=[chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32)]],
            ),
            max_size=30,
        ),
        min_size=1,
        max_size=20,
    )
)
def test_any_text_reads_back_exactly(tmp_path: Path, texts: list[str]) -> None:
    path = tmp_path / "any.xlsx"
    rows = [make_row(i, note=text, headline=text or "标题") for i, text in enumerate(texts)]
    export_workbook(path, rows, [])
    sheet = openpyxl.load_workbook(path)[DETAIL_SHEET]
    note = HEADERS.index("备注") + 1
    for row, text in enumerate(texts, start=2):
        cell = sheet.cell(row, note)
        assert (cell.value or "") == text
        if text:
            assert cell.data_type == "s"
    assert not re.search(r"<f[ >]", sheet_xml(path, 1))


def test_progress_counts_rise_to_the_total(tmp_path: Path) -> None:
    rows = [make_row(i) for i in range(2 * PROGRESS_EVERY + 34)]
    calls: list[tuple[int, int]] = []
    export_workbook(tmp_path / "p.xlsx", rows, [], progress=lambda done, total: calls.append((done, total)))
    n = len(rows)
    assert calls == [(PROGRESS_EVERY, n), (2 * PROGRESS_EVERY, n), (n, n)]


def test_progress_from_a_generator_uses_the_given_total(tmp_path: Path) -> None:
    n = PROGRESS_EVERY + 1
    calls: list[tuple[int, int]] = []
    export_workbook(
        tmp_path / "p.xlsx",
        (make_row(i) for i in range(n)),
        [],
        total=n,
        progress=lambda d, t: calls.append((d, t)),
    )
    assert calls == [(PROGRESS_EVERY, n), (n, n)]
    calls.clear()
    export_workbook(
        tmp_path / "q.xlsx", (make_row(i) for i in range(n)), [], progress=lambda d, t: calls.append((d, t))
    )
    assert calls == [(PROGRESS_EVERY, 0), (n, n)]  # 0: total unknown


def test_cancel_leaves_no_file_behind(tmp_path: Path) -> None:
    temp_files = list(openpyxl_writer.ALL_TEMP_FILES)
    checks: list[int] = []

    def should_cancel() -> bool:
        checks.append(1)
        return True

    target = tmp_path / "cancelled.xlsx"
    with pytest.raises(ExportCancelled):
        export_workbook(
            target, [make_row(i) for i in range(PROGRESS_EVERY * 3)], [], should_cancel=should_cancel
        )
    assert checks == [1]  # stopped at the first check, not at the end
    assert list(tmp_path.iterdir()) == []
    # openpyxl's own per-sheet temporary files are gone too, not left for exit time.
    assert temp_files == openpyxl_writer.ALL_TEMP_FILES


def test_cancel_keeps_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "review.xlsx"
    export_workbook(target, [make_row(0, note="旧的")], [])
    before = target.read_bytes()
    with pytest.raises(ExportCancelled):
        export_workbook(target, [make_row(i) for i in range(PROGRESS_EVERY)], [], should_cancel=lambda: True)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["review.xlsx"]


def test_failure_midway_keeps_the_existing_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "review.xlsx"
    export_workbook(target, [make_row(0, note="旧的")], [])
    before = target.read_bytes()

    def rows() -> Iterator[ExportRow]:
        for i in range(PROGRESS_EVERY + 10):
            yield make_row(i)
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError, match="database went away"):
        export_workbook(target, rows(), [])
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["review.xlsx"]
    sheet = openpyxl.load_workbook(target)[DETAIL_SHEET]
    assert sheet.cell(2, HEADERS.index("备注") + 1).value == "旧的"


def test_export_replaces_an_existing_file_when_it_succeeds(tmp_path: Path) -> None:
    target = tmp_path / "review.xlsx"
    export_workbook(target, [make_row(0, note="旧的")], [])
    export_workbook(target, [make_row(0, note="新的"), make_row(1)], [])
    sheet = openpyxl.load_workbook(target)[DETAIL_SHEET]
    assert sheet.cell(2, HEADERS.index("备注") + 1).value == "新的"
    assert [p.name for p in tmp_path.iterdir()] == ["review.xlsx"]
