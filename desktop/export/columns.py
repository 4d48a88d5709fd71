"""The columns of the 核查明细 sheet: header, meaning, width limits.

The writer lays the sheet out from this table, the 说明 sheet explains it and
the reader finds columns by these headers, so an editor may reorder or insert
columns and the round trip still works.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.export.labels import REASON_LABELS, STATUS_LABELS

DETAIL_SHEET = "核查明细"
SUMMARY_SHEET = "文章汇总"
# Every finding of the checks (desktop.export.findings_sheet); written when the caller passes them.
FINDINGS_SHEET = "核查提示"
NOTES_SHEET = "说明"
# Texts longer than a cell holds, in full (desktop.export.longtext); only when there are any.
LONG_TEXT_SHEET = "长文本"
# Which review database a workbook came from: a labelled cell on 说明 and a
# custom document property, both of which Excel and LibreOffice keep on save.
DATABASE_ID_LABEL = "数据库编号"
DATABASE_ID_PROPERTY = "FactDeskDatabaseId"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    description: str
    min_width: int  # in Excel character units; a CJK character takes two
    max_width: int
    wrap: bool = False
    editable: bool = False  # read back by `factdesk import-decisions`


def _one_of(labels: Iterable[str]) -> str:
    """待核、已确认、已更正或已驳回: the labels as a choice, in the words the sheet uses."""
    *most, last = labels
    return f"{'、'.join(most)}或{last}" if most else last


COLUMNS: tuple[Column, ...] = (
    # Read back under its older English header too (readback.CLAIM_ID_HEADERS).
    Column("claim_id", "数字编号", "数字的编号，导回时据此找到对应的数字；请勿修改", 12, 20),
    Column("headline", "文章标题", "数字所在文章的标题", 12, 40),
    Column("date", "日期", "文章日期（电头日期，否则为稿件的出版日期）", 10, 16),
    Column("file_name", "来源文件", "导入的稿件文件名", 10, 30),
    Column("sentence", "所在句子", "数字所在的整句原文", 20, 60, wrap=True),
    Column("text", "原文数字", "原文中数字的写法，如“1.3万”“65.04%”", 8, 20),
    Column("value", "数值", "换算后的数值（已乘以万、亿等量级）", 10, 20),
    Column("unit", "单位", "数值的单位；百分比为 %", 6, 12),
    Column("kind", "类型", "数量、金额、比例、变化、排名、时长或度量", 6, 8),
    Column("subject", "主体", "数字所说的对象（自动识别，仅供参考）", 8, 24),
    Column("time", "时间", "数字所指的时间（自动识别，仅供参考）", 8, 16),
    Column("place", "地点", "数字所指的地点（自动识别，仅供参考）", 8, 16),
    Column("status", "状态", f"核查结论：{_one_of(STATUS_LABELS.values())}", 8, 10, editable=True),
    Column(
        "corrected_value",
        "更正值",
        f"状态为“{STATUS_LABELS['corrected']}”时的正确数值，可写“1.3万”或 13000",
        10,
        20,
        editable=True,
    ),
    # Next to the number it was read as: the form the copy will print.  Read
    # back only to keep it while it still reads as 更正值 (see
    # desktop.store.decisions), so it is not one of the editable columns.
    Column(
        "corrected_text",
        "更正写法",
        "更正值的原样写法，如“1.3万”；更正值改了则以更正值为准",
        8,
        16,
    ),
    Column("corrected_unit", "更正单位", "更正值的单位；与原单位相同时可留空", 8, 12, editable=True),
    Column("sources", "来源标签", "核查所依据的来源，多个用“、”隔开", 10, 30, editable=True),
    Column("note", "备注", "核查人的说明", 12, 40, editable=True),
    Column("editor", "核查人", "最后一次作出结论的人", 8, 14),
    Column("decided_at", "核查时间", "最后一次作出结论的时间（导出电脑所在时区）", 19, 20),
    Column("seconds", "用时(秒)", "在这个数字上花的核查时间，单位秒", 8, 10),
    # Not in the original column list: the store reads a reason with each
    # decision (DecisionEdit.reason), so it rides at the end, leaving the
    # first twenty columns where editors expect them.
    Column(
        "reason",
        "驳回原因",
        f"状态为“{STATUS_LABELS['rejected']}”时的原因：{_one_of(REASON_LABELS.values())}；留空则不改",
        10,
        12,
        editable=True,
    ),
    # Read back but not editable: the decision's version when exported, so an
    # old workbook cannot silently undo a decision made after it was written.
    Column("version", "版本", "导出时的决定版本，回读时用来发现导出后又被改过的数字，请勿修改", 6, 8),
    # Output only, last so no column editors know moves: the claim's open
    # flags, one line each (the whole finding is on 核查提示).  Never read back.
    Column(
        "flags",
        "提示",
        "自动核查对这个数字提出、尚未处理的问题，一行一条；详见“核查提示”表",
        12,
        50,
        wrap=True,
    ),
    # Output only, after 提示: the release the article was written from and how
    # it states this figure (desktop.store.releases); empty for an article with
    # no release attached.  Never read back.
    Column("release_file", "来源稿", "文章所附来源稿（发布稿）的文件名；未附来源稿则为空", 10, 30),
    Column(
        "release_match",
        "比对",
        "这个数字与来源稿的比对：一致、约数（来源稿数字的四舍五入或截断）、不一致或来源稿中没有",
        6,
        12,
    ),
)

COLUMN_INDEX = {column.key: index for index, column in enumerate(COLUMNS)}
HEADERS = tuple(column.header for column in COLUMNS)


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: wide (CJK, full-width) characters count two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
