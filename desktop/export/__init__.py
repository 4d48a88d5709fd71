"""The xlsx workbook: export the review, read editors' decisions back.

export_workbook(path, rows, articles)  ->  核查明细 / 文章汇总 / 说明 (/ 长文本)
    ..., findings=store.export_findings()  ->  and 核查提示 (the checks' findings)
check_target(path, database=...)       ->  why a path must not receive a workbook, or None
read_workbook(path)                    ->  DecisionEdits from 核查明细, problems, database id
read_decision_edits(path)              ->  (edits, problems), as before
"""

from __future__ import annotations

from desktop.export.labels import KIND_LABELS, REASON_LABELS, STATUS_BY_LABEL, STATUS_LABELS
from desktop.export.readback import WorkbookEdits, WorkbookError, read_decision_edits, read_workbook
from desktop.export.target import TargetRefused, check_target
from desktop.export.xlsx import ExportCancelled, ExportReport, export_workbook

__all__ = [
    "KIND_LABELS",
    "REASON_LABELS",
    "STATUS_BY_LABEL",
    "STATUS_LABELS",
    "ExportCancelled",
    "ExportReport",
    "TargetRefused",
    "WorkbookEdits",
    "WorkbookError",
    "check_target",
    "export_workbook",
    "read_decision_edits",
    "read_workbook",
]
