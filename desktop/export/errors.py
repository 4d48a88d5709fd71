"""Why an export or a read-back stopped: apart from the workbook code, so catching them costs no openpyxl import.

The window imports these at start-up; openpyxl (about a tenth of a second
to import) is loaded only when a workbook is written or read.
"""

from __future__ import annotations

from pathlib import Path


class ExportCancelled(Exception):
    """The user cancelled; nothing was written at the target path."""


class WorkbookError(Exception):
    """The file cannot be read as a FactDesk workbook at all."""

    def __init__(self, path: Path, reason: str, kind: str = "unreadable", /, **details: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason
        self.kind = kind
        self.details = details
