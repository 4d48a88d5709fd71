"""The xlsx workbook: export the review, read editors' decisions back.

export_workbook(path, rows, articles)  ->  核查明细 / 文章汇总 / 说明 (/ 长文本)
    ..., findings=store.export_findings()  ->  and 核查提示 (the checks' findings)
check_target(path, database=...)       ->  why a path must not receive a workbook, or None
read_workbook(path)                    ->  DecisionEdits from 核查明细, problems, database id
read_decision_edits(path)              ->  (edits, problems), as before

The names are loaded on first use: importing a light part of the package
(desktop.export.scope, .errors) must not import openpyxl, which the window
would otherwise pay for at every start.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.export.errors import ExportCancelled, WorkbookError
    from desktop.export.labels import KIND_LABELS, REASON_LABELS, STATUS_BY_LABEL, STATUS_LABELS
    from desktop.export.readback import WorkbookEdits, read_decision_edits, read_workbook
    from desktop.export.target import TargetRefused, check_target
    from desktop.export.xlsx import ExportReport, export_workbook

_HOMES = {
    "KIND_LABELS": "labels",
    "REASON_LABELS": "labels",
    "STATUS_BY_LABEL": "labels",
    "STATUS_LABELS": "labels",
    "ExportCancelled": "errors",
    "ExportReport": "xlsx",
    "TargetRefused": "target",
    "WorkbookEdits": "readback",
    "WorkbookError": "errors",
    "check_target": "target",
    "export_workbook": "xlsx",
    "read_decision_edits": "readback",
    "read_workbook": "readback",
}

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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
