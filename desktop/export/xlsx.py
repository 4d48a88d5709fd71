"""Export the review to an .xlsx workbook editors can read, filter and edit.

Three sheets: 核查明细 (one row per claim, the round-trip sheet), 文章汇总
(one row per article, with a chart) and 说明 (what the columns mean, who
made the file, how to send edits back).

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
import secrets
from collections.abc import Callable, Iterable, Sequence, Sized
from dataclasses import dataclass, fields, replace
from datetime import datetime
from itertools import chain, islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

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
    DETAIL_SHEET,
    HEADERS,
    NOTES_SHEET,
    SUMMARY_SHEET,
    display_width,
)
from desktop.export.labels import KIND_LABELS, REASON_LABELS, STATUS_LABELS
from desktop.export.notes import write_notes
from desktop.export.streaming import fast_rows
from desktop.export.summary import write_summary
from desktop.store.records import ArticleSummary, ExportRow

PROGRESS_EVERY = 500  # rows between progress reports and cancel checks
WIDTH_SAMPLE = 200  # rows looked at to size the columns

Progress = Callable[[int, int], None]


class ExportCancelled(Exception):
    """The user cancelled; nothing was written at the target path."""


@dataclass(frozen=True)
class ExportReport:
    path: Path
    rows: int  # claims written to 核查明细
    articles: int  # rows of 文章汇总


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
) -> ExportReport:
    """Write `rows` and `articles` to the workbook at `path`, all or nothing.

    The workbook is built in a hidden file next to `path` and moved over it
    only when complete, so a cancelled or failed export leaves whatever was
    at `path` before.  `progress(done, total)` is called every
    PROGRESS_EVERY rows (total 0 when unknown) and once at the end with
    (rows, rows); `should_cancel` is polled as often and raises
    ExportCancelled when it returns True.
    """
    path = Path(path)
    if total is None and isinstance(rows, Sized):
        total = len(rows)
    made_at = made_at or datetime.now().replace(microsecond=0)

    # Created here rather than by mkstemp so it gets the usual permissions,
    # not mkstemp's owner-only ones, once it replaces `path`.
    part = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    part.open("xb").close()
    workbook = Workbook(write_only=True)
    try:
        written = _write_detail(
            workbook.create_sheet(DETAIL_SHEET), rows, total or 0, progress, should_cancel
        )
        write_summary(workbook.create_sheet(SUMMARY_SHEET), articles)
        write_notes(
            workbook.create_sheet(NOTES_SHEET),
            made_at=made_at,
            editor=editor,
            filters_description=filters_description,
            rows=written,
            articles=len(articles),
        )
        workbook.save(part)
        os.replace(part, path)
    except BaseException:
        _discard(workbook)
        part.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(written, written)
    return ExportReport(path=path, rows=written, articles=len(articles))


def _write_detail(
    sheet: Any,
    rows: Iterable[ExportRow],
    total: int,
    progress: Progress | None,
    should_cancel: Callable[[], bool] | None,
) -> int:
    rows = iter(rows)
    sample = list(islice(rows, WIDTH_SAMPLE))
    for index, width in enumerate(_column_widths(sample), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    fast_rows(sheet)
    sheet.append(header_cells(sheet, HEADERS))

    cells = _row_maker(CellMaker(sheet))
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


def _row_maker(maker: CellMaker) -> Callable[[ExportRow], list[object]]:
    """The function that turns one ExportRow into the cells of its row, in COLUMNS order.

    This runs for every claim, so it is a closure over local names and does
    no per-cell work beyond what a cell needs.
    """
    text, wrapped, number, formatted = maker.text, maker.wrapped, maker.number, maker.formatted
    kinds, statuses, reasons = KIND_LABELS, STATUS_LABELS, REASON_LABELS
    sentence_col = COLUMN_INDEX["sentence"]
    value_col = COLUMN_INDEX["value"]
    corrected_col = COLUMN_INDEX["corrected_value"]
    decided_col = COLUMN_INDEX["decided_at"]
    seconds_col = COLUMN_INDEX["seconds"]

    def cells(row: ExportRow) -> list[object]:
        claim = row.claim
        if has_illegal(_all_text(row)):
            row = _cleaned(row)
            claim = row.claim
        return [
            text(claim.id),
            text(row.headline),
            text(row.date),
            text(row.file_name),
            wrapped(claim.sentence, sentence_col),
            text(claim.text),
            number(claim.value, value_col),
            text(claim.unit),
            kinds.get(claim.kind) or text(claim.kind),
            text(claim.subject),
            text(claim.time),
            text(claim.place),
            statuses.get(claim.status) or text(claim.status),
            number(claim.corrected_value, corrected_col),
            text(claim.corrected_unit),
            text("、".join(claim.sources)),
            text(claim.note),
            text(claim.editor),
            formatted(parse_timestamp(claim.decided_at), decided_col, DATETIME_FORMAT),
            formatted(claim.seconds_spent, seconds_col, SECONDS_FORMAT),
            reasons.get(claim.reason) or text(claim.reason),
            claim.version,
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
            claim.note,
            claim.editor,
            claim.reason,
            *claim.sources,
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
        claim.corrected_unit,
        "、".join(claim.sources),
        claim.note,
        claim.editor,
        "2024-01-01 00:00:00",
        "" if claim.seconds_spent is None else f"{claim.seconds_spent:.1f}",
        REASON_LABELS.get(claim.reason, claim.reason),
        str(claim.version),
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
