"""Export the review to an .xlsx workbook editors can read, filter and edit.

Three sheets: 核查明细 (one row per claim, the round-trip sheet), 文章汇总
(one row per article, with a chart) and 说明 (what the columns mean, who
made the file, how to send edits back); with the checks' findings, a fourth,
核查提示 (every finding, its explanation and what editors did), after the first.

The workbook is streamed (openpyxl write-only mode), so a 100,000-claim
export holds a few hundred rows in memory, not the whole sheet.  What
write-only mode allows, and when:

- column widths and the frozen header are written at the top of the sheet
  XML, so they are set before the first row;
- auto-filter, conditional formatting and data validation belong after the
  rows in the XML (`WorksheetWriter.write_tail`), and the write-only sheet
  keeps the same `auto_filter`, `conditional_formatting` and
  `data_validations` holders as a normal sheet, so they are set once the
  last row is known and go out when the sheet is closed.
  (`WriteOnlyWorksheet` lacks the `add_data_validation` helper;
  `data_validations.append` is what that helper does.)
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Sequence, Sized
from dataclasses import dataclass, fields, replace
from datetime import datetime
from itertools import chain, islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from desktop.export.atomic import replacing
from desktop.export.cells import (
    DATETIME_FORMAT,
    SECONDS_FORMAT,
    STATUS_COLOURS,
    CellMaker,
    clean_text,
    has_illegal,
    header_cells,
    parse_timestamp,
)
from desktop.export.columns import (
    COLUMN_INDEX,
    COLUMNS,
    DATABASE_ID_PROPERTY,
    DETAIL_SHEET,
    FINDINGS_SHEET,
    HEADERS,
    LONG_TEXT_SHEET,
    NOTES_SHEET,
    SUMMARY_SHEET,
    display_width,
)
from desktop.export.errors import ExportCancelled
from desktop.export.findings_sheet import write_findings
from desktop.export.labels import KIND_LABELS, REASON_LABELS, STATUS_LABELS
from desktop.export.longtext import LongTextSheet
from desktop.export.notes import write_notes
from desktop.export.streaming import fast_rows, stream_to_unnamed_file
from desktop.export.summary import write_summary
from desktop.export.target import check_target
from desktop.store.records import ArticleSummary, ExportRow, FindingExportRow

PROGRESS_EVERY = 500  # rows between progress reports and cancel checks
WIDTH_SAMPLE = 200  # rows looked at to size the columns

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportReport:
    path: Path
    rows: int  # claims written to 核查明细
    articles: int  # rows of 文章汇总
    findings: int = 0  # rows of 核查提示


def export_workbook(
    path: Path,
    rows: Iterable[ExportRow],
    articles: Sequence[ArticleSummary],
    *,
    total: int | None = None,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
    editor: str = "",
    made_at: datetime | None = None,
    filters_description: str = "",
    database: Path | None = None,
    database_id: str | None = None,
    findings: Iterable[FindingExportRow] | None = None,
) -> ExportReport:
    """Write `rows` and `articles` to the workbook at `path`, all or nothing.

    `path` must be a name ending in .xlsx and, if it exists, a workbook;
    never `database` (the review database the rows come from) or its
    companion files: TargetRefused otherwise, before anything is written
    (`desktop.export.target`).  The workbook is built in a file without a
    name and moved over `path` only when complete (`desktop.export.atomic`),
    so a cancelled, failed or killed export leaves whatever was at `path`
    before, and no other file.  `progress(done, total)` is called every
    PROGRESS_EVERY rows (total 0 when unknown) and once at the end with
    (rows, rows); `should_cancel` is polled as often and raises
    ExportCancelled when it returns True.  `database_id` is written into
    the workbook so that its decisions are only ever read back into the
    database they came from.  `findings` (ReviewStore.export_findings), when
    given, fill the 核查提示 sheet; the 提示 column of 核查明细 comes with
    the rows themselves (ExportRow.flags).
    """
    path = Path(path)
    refusal = check_target(path, database=database)
    if refusal is not None:
        raise refusal
    if total is None and isinstance(rows, Sized):
        total = len(rows)
    made_at = made_at or datetime.now().replace(microsecond=0)

    def still_allowed() -> None:
        # The export may have taken minutes: look again just before the rename.
        again = check_target(path, database=database)
        if again is not None:
            raise again

    workbook = Workbook(write_only=True)
    if database_id:
        workbook.custom_doc_props.append(StringProperty(name=DATABASE_ID_PROPERTY, value=database_id))
    # Created in the order the sheets appear; 长文本 only if a text needs it, last.
    detail = _new_sheet(workbook, DETAIL_SHEET)
    findings_sheet = _new_sheet(workbook, FINDINGS_SHEET) if findings is not None else None
    summary = _new_sheet(workbook, SUMMARY_SHEET)
    notes = _new_sheet(workbook, NOTES_SHEET)
    long_texts = LongTextSheet(lambda: _new_sheet(workbook, LONG_TEXT_SHEET), HEADERS)
    try:
        # Opened first, so a folder that cannot take the file fails at once, not after the rows.
        with replacing(path, before_replace=still_allowed) as out:
            written = _write_detail(detail, rows, total or 0, progress, should_cancel, long_texts)
            found = 0
            if findings_sheet is not None and findings is not None:
                found = write_findings(findings_sheet, findings)
            if should_cancel is not None and should_cancel():
                raise ExportCancelled
            write_summary(summary, articles)
            write_notes(
                notes,
                made_at=made_at,
                editor=editor,
                filters_description=filters_description,
                rows=written,
                articles=len(articles),
                database_id=database_id,
                long_texts=long_texts.texts,
                findings=found if findings is not None else None,
            )
            workbook.save(out)
    except BaseException:
        _discard(workbook)
        raise
    if progress is not None:
        progress(written, written)
    return ExportReport(path=path, rows=written, articles=len(articles), findings=found)


def _new_sheet(workbook: Workbook, title: str) -> Any:
    sheet = workbook.create_sheet(title)
    stream_to_unnamed_file(sheet)
    return sheet


def _write_detail(
    sheet: Any,
    rows: Iterable[ExportRow],
    total: int,
    progress: Progress | None,
    should_cancel: Callable[[], bool] | None,
    long_texts: LongTextSheet,
) -> int:
    rows = iter(rows)
    sample = list(islice(rows, WIDTH_SAMPLE))
    for index, width in enumerate(_column_widths(sample), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    fast_rows(sheet)
    sheet.append(header_cells(sheet, HEADERS))

    cells = _row_maker(CellMaker(sheet, long_texts.spill), long_texts)
    append = sheet.append
    written = 0
    for row in chain(sample, rows):
        append(cells(row))
        written += 1
        if written % PROGRESS_EVERY == 0:
            if should_cancel is not None and should_cancel():
                raise ExportCancelled
            if progress is not None:
                progress(written, total)
    if should_cancel is not None and should_cancel():
        raise ExportCancelled

    last_row = max(written + 1, 2)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last_row}"
    _add_status_rules(sheet, last_row)
    return written


def _row_maker(maker: CellMaker, long_texts: LongTextSheet) -> Callable[[ExportRow], list[object]]:
    """The function that turns one ExportRow into the cells of its row, in COLUMNS order.

    This runs for every claim, so it is a closure over local names and does
    no per-cell work beyond what a cell needs.  Text cells get their column
    so that a text too long for a cell is filed under it on the 长文本 sheet.
    """
    text, wrapped, number, formatted = maker.text, maker.wrapped, maker.number, maker.formatted
    kinds, statuses, reasons = KIND_LABELS, STATUS_LABELS, REASON_LABELS
    col = COLUMN_INDEX

    def cells(row: ExportRow) -> list[object]:
        claim = row.claim
        if has_illegal(_all_text(row)):
            row = _cleaned(row)
            claim = row.claim
        long_texts.key = claim.id
        return [
            text(claim.id, col["claim_id"]),
            text(row.headline, col["headline"]),
            text(row.date, col["date"]),
            text(row.file_name, col["file_name"]),
            wrapped(claim.sentence, col["sentence"]),
            text(claim.text, col["text"]),
            number(claim.value, col["value"]),
            text(claim.unit, col["unit"]),
            kinds.get(claim.kind) or text(claim.kind, col["kind"]),
            text(claim.subject, col["subject"]),
            text(claim.time, col["time"]),
            text(claim.place, col["place"]),
            statuses.get(claim.status) or text(claim.status, col["status"]),
            number(claim.corrected_value, col["corrected_value"]),
            text(claim.corrected_text, col["corrected_text"]),
            text(claim.corrected_unit, col["corrected_unit"]),
            text("、".join(claim.sources), col["sources"]),
            text(claim.note, col["note"]),
            text(claim.editor, col["editor"]),
            formatted(parse_timestamp(claim.decided_at), col["decided_at"], DATETIME_FORMAT),
            formatted(claim.seconds_spent, col["seconds"], SECONDS_FORMAT),
            reasons.get(claim.reason) or text(claim.reason, col["reason"]),
            claim.version,
            wrapped("\n".join(row.flags), col["flags"]) if row.flags else None,
            text(row.release_file, col["release_file"]) if row.release_file else None,
            text(row.release_match, col["release_match"]) if row.release_match else None,
        ]

    return cells


def _all_text(row: ExportRow) -> str:
    """Every text of a row in one string, so one regex search can vet them all."""
    claim = row.claim
    return "".join(
        (
            row.headline,
            row.date,
            row.file_name,
            claim.id,
            claim.sentence,
            claim.text,
            claim.unit,
            claim.kind,
            claim.subject,
            claim.time,
            claim.place,
            claim.status,
            claim.corrected_unit,
            claim.corrected_text,
            claim.note,
            claim.editor,
            claim.reason,
            *claim.sources,
            *row.flags,
            row.release_file,
            row.release_match,
        )
    )


def _cleaned(row: ExportRow) -> ExportRow:
    claim = row.claim
    texts: dict[str, Any] = {
        field.name: clean_text(value)
        for field in fields(claim)
        if isinstance(value := getattr(claim, field.name), str)
    }
    return replace(
        row,
        claim=replace(claim, sources=tuple(clean_text(tag) for tag in claim.sources), **texts),
        headline=clean_text(row.headline),
        date=clean_text(row.date),
        file_name=clean_text(row.file_name),
        flags=tuple(clean_text(flag) for flag in row.flags),
        release_file=clean_text(row.release_file),
        release_match=clean_text(row.release_match),
    )


def _display_texts(row: ExportRow) -> list[str]:
    """Roughly what each cell of the row shows, for sizing its column."""
    claim = row.claim
    return [
        claim.id,
        row.headline,
        row.date,
        row.file_name,
        claim.sentence,
        claim.text,
        f"{claim.value:,}",
        claim.unit,
        KIND_LABELS.get(claim.kind, claim.kind),
        claim.subject,
        claim.time,
        claim.place,
        STATUS_LABELS.get(claim.status, claim.status),
        "" if claim.corrected_value is None else f"{claim.corrected_value:,}",
        claim.corrected_text,
        claim.corrected_unit,
        "、".join(claim.sources),
        claim.note,
        claim.editor,
        "2024-01-01 00:00:00",
        "" if claim.seconds_spent is None else f"{claim.seconds_spent:.1f}",
        REASON_LABELS.get(claim.reason, claim.reason),
        str(claim.version),
        max(row.flags, key=len, default=""),
        row.release_file,
        row.release_match,
    ]


def _column_widths(sample: Sequence[ExportRow]) -> list[float]:
    """Widths from the header and the first rows, within each column's limits.

    Write-only mode writes column widths before any row, so only a sample
    can be measured; the limits keep an odd long value from making a column
    unusably wide, and wrapped sentences fill rows downwards instead.
    """
    # The header's filter button takes about two characters.
    widest = [display_width(column.header) + 2 for column in COLUMNS]
    for row in sample:
        for index, shown in enumerate(_display_texts(row)):
            widest[index] = max(widest[index], display_width(shown))
    return [
        float(min(max(width + 2, column.min_width), column.max_width))
        for width, column in zip(widest, COLUMNS, strict=True)
    ]


def _add_status_rules(sheet: Any, last_row: int) -> None:
    """Colour each status by its text; offer the statuses and reject reasons as drop-downs.

    Conditional formatting costs one rule per status for the whole column,
    where a fill per cell would cost a styled cell per row; it also
    recolours a cell the moment an editor picks another status.
    """
    column = get_column_letter(COLUMN_INDEX["status"] + 1)
    cells = f"{column}2:{column}{last_row}"
    for status, (fill, font, _bar) in STATUS_COLOURS.items():
        sheet.conditional_formatting.add(
            cells,
            CellIsRule(
                operator="equal",
                formula=[f'"{STATUS_LABELS[status]}"'],
                fill=PatternFill(fill_type="solid", start_color=fill, end_color=fill),
                font=Font(color=font),
            ),
        )
    choices = ",".join(STATUS_LABELS.values())
    validation = DataValidation(
        type="list",
        formula1=f'"{choices}"',
        allow_blank=False,
        showErrorMessage=True,
        errorTitle="状态无效",
        error=f"状态只能是：{'、'.join(STATUS_LABELS.values())}",
        showInputMessage=True,
        promptTitle="状态",
        prompt="从下拉列表选择核查结论",
    )
    validation.add(cells)
    sheet.data_validations.append(validation)

    column = get_column_letter(COLUMN_INDEX["reason"] + 1)
    reasons = DataValidation(
        type="list",
        formula1=f'"{",".join(REASON_LABELS.values())}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="驳回原因无效",
        error=f"驳回原因只能是：{'、'.join(REASON_LABELS.values())}，或留空",
    )
    reasons.add(f"{column}2:{column}{last_row}")
    sheet.data_validations.append(reasons)


def _discard(workbook: Workbook) -> None:
    """Close and delete the per-sheet temporary files of an abandoned workbook.

    Each write-only sheet streams into its own temporary file, which openpyxl
    deletes only on save or at interpreter exit; a desktop app that cancels
    a large export should not keep 100 MB of it around until then.  This
    reaches into `sheet._writer` because openpyxl has no public way to
    abandon a write-only workbook.
    """
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        if not sheet.closed:
            with contextlib.suppress(Exception):
                sheet.close()
        with contextlib.suppress(Exception):
            writer.close()
        if isinstance(writer.out, str) and os.path.exists(writer.out):
            with contextlib.suppress(OSError, ValueError):
                writer.cleanup()
