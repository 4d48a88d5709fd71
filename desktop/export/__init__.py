"""The xlsx workbook: export the review, read editors' decisions back.

export_workbook(path, rows, articles)  ->  核查明细 / 文章汇总 / 说明
read_decision_edits(path)              ->  DecisionEdits from 核查明细
"""

from __future__ import annotations

from desktop.export.labels import KIND_LABELS, REASON_LABELS, STATUS_BY_LABEL, STATUS_LABELS
from desktop.export.readback import WorkbookError, read_decision_edits
from desktop.export.xlsx import ExportCancelled, ExportReport, export_workbook

__all__ = [
    "KIND_LABELS",
    "REASON_LABELS",
    "STATUS_BY_LABEL",
    "STATUS_LABELS",
    "ExportCancelled",
    "ExportReport",
    "WorkbookError",
    "export_workbook",
    "read_decision_edits",
]
