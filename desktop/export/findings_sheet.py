"""The 核查提示 sheet: every finding of the checks, with its explanation and what editors did.

One row per finding (relations that hold too, so the sheet shows what was
checked, not only what failed), and one per figure an article's release
does not back as written (check 来源稿比对, 结论 约数, 不一致 or 来源稿中没有,
the release figure under 涉及数字: desktop.store.releases.as_finding),
streamed like 核查明细: the rows come from the store an article at a time
and go out as they come.  The sheet is output only; reading an edited
workbook back never looks at it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

# Words every check's codes: the release's own, and the shared templates for the others.
from desktop.checks.release.messages import render
from desktop.export.cells import (
    DATETIME_FORMAT,
    STATUS_COLOURS,
    CellMaker,
    clean_text,
    header_cells,
    parse_timestamp,
)
from desktop.export.columns import Column
from desktop.export.labels import (
    CHECK_LABELS,
    FINDING_STATUS_LABELS,
    MATCH_LABELS,
    STATUS_LABELS,
    VERDICT_LABELS,
)
from desktop.export.streaming import fast_rows
from desktop.store.records import FindingExportRow, StoredFinding
from desktop.store.releases import RELEASE_CHECK

FINDING_COLUMNS: tuple[Column, ...] = (
    Column("headline", "文章标题", "提示所在文章的标题", 12, 40),
    Column("file_name", "来源文件", "导入的稿件文件名", 10, 30),
    Column(
        "check",
        "核查类型",
        "加总、增减、占比、平均、数字用法（国标 GB/T 15835 与编辑规范），或来源稿比对",
        8,
        10,
    ),
    Column("rule", "规则", "数字用法的规则编号（1-13）；算术核查为空", 4, 6),
    Column(
        "verdict",
        "结论",
        "成立、不成立，或无法核算（缺少某个数）；来源稿比对为约数、不一致或来源稿中没有",
        6,
        12,
    ),
    Column("text", "原文", "提示所指的原文文字", 8, 20),
    Column("message", "说明", "核查的算式或理由", 30, 70, wrap=True),
    Column("figures", "涉及数字", "参与计算的各个数字及其角色", 16, 40, wrap=True),
    Column(
        "verified",
        "已核实过",
        "同一数字在别处已由编辑确认或更正：核实的数值、来源标签、核查人和时间",
        16,
        40,
        wrap=True,
    ),
    Column("computed", "计算结果", "按文中数字算出的值", 8, 16),
    Column("fix", "建议写法", "数字用法问题的建议改法", 8, 20),
    Column("status", "处理状态", "未处理、已采纳或已忽略", 8, 10),
    Column("acted_by", "处理人", "采纳或忽略这条提示的人", 8, 14),
    Column("acted_at", "处理时间", "采纳或忽略的时间（导出电脑所在时区）", 19, 20),
    Column("note", "处理备注", "忽略时写下的理由", 12, 30, wrap=True),
)
FINDING_HEADERS = tuple(column.header for column in FINDING_COLUMNS)

# Operand roles in the editor's words.
ROLE_LABELS = {
    "part": "分项",
    "total": "合计",
    "from": "原值",
    "to": "新值",
    "rate": "变化",
    "numerator": "总量",
    "denominator": "份数",
    "release": "来源稿",
    "first": "先出现",
    "second": "后出现",
}
# The status colours of 核查明细, by meaning: open as pending, accepted as
# rejected (the claim was), dismissed as confirmed (the figure stands).
_STATUS_COLOURS = {"open": "pending", "accepted": "rejected", "dismissed": "confirmed"}


def figures(finding: StoredFinding) -> str:
    """The figures a relation used, one line each: 合计：8325人."""
    return "\n".join(f"{ROLE_LABELS.get(o.role, o.role)}：{o.text}" for o in finding.operands)


def verified_lines(row: FindingExportRow) -> str:
    """The other statements of a repeated figure an editor verified, one line each:
    38652元 已核实（已确认）：市统计局公报；王编辑 2026-12-02."""
    lines = []
    for claim in row.verified:
        status = STATUS_LABELS.get(claim.status, claim.status)
        value = claim.text
        if claim.status == "corrected":
            # As the editor typed it (3215.7亿元), else the value read with its unit.
            typed = claim.corrected_text or f"{claim.corrected_value}{claim.corrected_unit or claim.unit}"
            value = f"{claim.text} → {typed}"
        sources = "、".join(claim.sources) or "未标来源"
        when = claim.decided_at[:10]
        lines.append(f"{value} 已核实（{status}）：{sources}；{claim.editor} {when}".rstrip())
    return "\n".join(lines)


def write_findings(sheet: Any, rows: Iterable[FindingExportRow]) -> int:
    """Write every finding; returns how many.  Memory stays that of one row."""
    for index, column in enumerate(FINDING_COLUMNS, start=1):
        width = max(column.min_width, min(column.max_width, 2 * len(column.header) + 4))
        sheet.column_dimensions[get_column_letter(index)].width = float(width)
    sheet.freeze_panes = "A2"
    fast_rows(sheet)
    sheet.append(header_cells(sheet, FINDING_HEADERS))
    maker = CellMaker(sheet)
    text, wrapped, formatted = maker.text, maker.wrapped, maker.formatted
    col = {column.key: index for index, column in enumerate(FINDING_COLUMNS)}
    written = 0
    for row in rows:
        f = row.finding
        sheet.append(
            [
                text(clean_text(row.headline), col["headline"]),
                text(clean_text(row.file_name), col["file_name"]),
                CHECK_LABELS.get(f.check, f.check),
                f.rule or None,
                MATCH_LABELS.get(f.reading, f.reading)
                if f.check == RELEASE_CHECK
                else VERDICT_LABELS[f.holds],
                text(clean_text(f.text), col["text"]),
                wrapped(clean_text(render(f.message, "zh")), col["message"]),
                wrapped(clean_text(figures(f)), col["figures"]),
                wrapped(clean_text(verified_lines(row)), col["verified"]),
                text(clean_text(f.computed), col["computed"]),
                text(clean_text(f.fix), col["fix"]),
                FINDING_STATUS_LABELS.get(f.status, f.status),
                text(clean_text(f.acted_by), col["acted_by"]),
                formatted(parse_timestamp(f.acted_at), col["acted_at"], DATETIME_FORMAT),
                wrapped(clean_text(f.note), col["note"]),
            ]
        )
        written += 1
    last_row = max(written + 1, 2)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(FINDING_COLUMNS))}{last_row}"
    _add_status_colours(sheet, last_row)
    return written


def _add_status_colours(sheet: Any, last_row: int) -> None:
    column = get_column_letter(
        FINDING_COLUMNS.index(next(c for c in FINDING_COLUMNS if c.key == "status")) + 1
    )
    for status, colour_of in _STATUS_COLOURS.items():
        fill, font, _bar = STATUS_COLOURS[colour_of]
        sheet.conditional_formatting.add(
            f"{column}2:{column}{last_row}",
            CellIsRule(
                operator="equal",
                formula=[f'"{FINDING_STATUS_LABELS[status]}"'],
                fill=PatternFill(fill_type="solid", start_color=fill, end_color=fill),
                font=Font(color=font),
            ),
        )
