"""The 说明 sheet: what the columns mean, who made the file, how to send edits back."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop import __version__
from desktop.export.cells import DATETIME_FORMAT, HEADER_FONT, CellMaker, bold_cell, clean_text, header_cells
from desktop.export.columns import COLUMNS, DATABASE_ID_LABEL, DETAIL_SHEET, FINDINGS_SHEET, LONG_TEXT_SHEET
from desktop.export.labels import REASON_LABELS, STATUS_LABELS

# The window's menu command, word for word as its Chinese menu shows it (a test holds the two together).
IMPORT_DECISIONS_MENU = "文件 → 导入核查结果…"
_EDITABLE = "、".join(f"“{column.header}”" for column in COLUMNS if column.editable)
_CLAIM_ID = COLUMNS[0].header

ROUND_TRIP_STEPS = (
    f"在“{DETAIL_SHEET}”表中只修改{_EDITABLE}这几列；其他列导回时不读取。",
    f"状态请从下拉列表中选择：{'、'.join(STATUS_LABELS.values())}。",
    f"状态为“{STATUS_LABELS['corrected']}”时填写更正值：可写数字（13000），也可照原文写法（1.3万）；单位不同时填写更正单位。",
    f"状态为“{STATUS_LABELS['rejected']}”时，可在“驳回原因”中选择：{'、'.join(REASON_LABELS.values())}；留空则保留原来的原因。",
    "来源标签之间用“、”隔开（逗号、分号也可以）。",
    f"可以排序、筛选、调整列的顺序或插入新列，但不要改第一行的列名，不要删除“{_CLAIM_ID}”列和上面几列，也不要改动{_CLAIM_ID}。",
    f"保存为 .xlsx 文件，然后在 FactDesk 窗口中选“{IMPORT_DECISIONS_MENU}”，"
    "或在命令行运行：factdesk import-decisions 文件名.xlsx",
    "以 = + - @ 开头的文字按原样保存为文本，不会被当作公式计算。",
    f"“{DETAIL_SHEET}”中可以修改的几列请填写文字或数字，不要填写公式：用公式算出的单元格导回时会被拒绝。",
    f"超过一个单元格容量（32,767 字）的文字，单元格里只显示开头，全文分段保存在“{LONG_TEXT_SHEET}”表中，导回时自动接上；请不要修改这样的单元格。",
    f"不要修改“{DATABASE_ID_LABEL}”：导回时据此确认这份表格来自同一个数据库，来自其他数据库的表格会被拒绝。",
)


def write_notes(
    sheet: Any,
    *,
    made_at: datetime,
    editor: str,
    filters_description: str,
    rows: int,
    articles: int,
    database_id: str | None = None,
    long_texts: int = 0,
    findings: int | None = None,
) -> None:
    sheet.column_dimensions["A"].width = 16.0
    sheet.column_dimensions["B"].width = 100.0
    maker = CellMaker(sheet)
    text = maker.text
    sheet.append([bold_cell(sheet, "FactDesk（核数台）数字核查结果")])
    sheet.append([bold_cell(sheet, "生成时间", HEADER_FONT), maker.formatted(made_at, 2, DATETIME_FORMAT)])
    sheet.append([bold_cell(sheet, "生成人", HEADER_FONT), text(clean_text(editor)) or "（未填写）"])
    sheet.append(
        [bold_cell(sheet, "筛选条件", HEADER_FONT), text(clean_text(filters_description)) or "无（全部数字）"]
    )
    sheet.append([bold_cell(sheet, "数字条数", HEADER_FONT), rows])
    sheet.append([bold_cell(sheet, "文章数", HEADER_FONT), articles])
    sheet.append([bold_cell(sheet, "FactDesk 版本", HEADER_FONT), __version__])
    if database_id:
        sheet.append([bold_cell(sheet, DATABASE_ID_LABEL, HEADER_FONT), text(database_id)])
    if findings is not None:
        sheet.append(
            [
                bold_cell(sheet, FINDINGS_SHEET, HEADER_FONT),
                f"自动核查的 {findings} 条提示（算术关系与数字用法），见“{FINDINGS_SHEET}”表；该表只供查看，导回时不读取",
            ]
        )
    if long_texts:
        sheet.append(
            [
                bold_cell(sheet, LONG_TEXT_SHEET, HEADER_FONT),
                f"{long_texts} 处文字超过一个单元格的容量，全文见“{LONG_TEXT_SHEET}”表",
            ]
        )
    sheet.append([])

    sheet.append([bold_cell(sheet, f"“{DETAIL_SHEET}”各列含义")])
    sheet.append(header_cells(sheet, ("列名", "含义")))
    for column in COLUMNS:
        meaning = column.description + ("（可修改，导回时读取）" if column.editable else "")
        sheet.append([text(column.header), meaning])
    sheet.append([])

    sheet.append([bold_cell(sheet, "如何修改后导回")])
    for number, step in enumerate(ROUND_TRIP_STEPS, start=1):
        sheet.append([f"{number}.", step])
