"""What File → Import decisions… says, in the editor's language: a workbook refused whole, a row refused.

desktop.export.readback refuses a file with a WorkbookError `kind` and a
row it cannot read with a Refusal `code`; the store refuses a row it will
not apply with a Refusal too (desktop.store.decisions).  Each is worded
here; the English reasons stay for the command line.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.export.columns import COLUMNS, DETAIL_SHEET
from desktop.export.errors import WorkbookError
from desktop.store.records import Refusal
from desktop.ui.store_errors import decision_refusal_text
from desktop.ui.wording import local_time

__all__ = ["row_refusal_text", "workbook_error_text"]


def workbook_error_text(error: WorkbookError) -> str:
    translate = QCoreApplication.translate
    name = error.path.name
    sentences = {
        "unsafe": translate(
            "ImportRefusals",
            "“{name}” was refused before it was read: it is far larger inside than a workbook of "
            "decisions can be (a damaged or hostile file). Nothing was imported.",
        ),
        "missing": translate("ImportRefusals", "“{name}” was not found. Nothing was imported."),
        "not-a-workbook": translate(
            "ImportRefusals",
            "“{name}” is not an Excel workbook (.xlsx), or it is damaged. Nothing was imported.",
        ),
        "unreadable": translate(
            "ImportRefusals",
            "“{name}” cannot be read (it may be encrypted, or the disk reported an error). Nothing was imported.",
        ),
        "no-detail-sheet": translate(
            "ImportRefusals",
            "“{name}” has no sheet named {sheet}, where FactDesk writes the decisions (its sheets: {sheets}). "
            "Nothing was imported.",
        ),
        "missing-columns": translate(
            "ImportRefusals",
            "The {sheet} sheet of “{name}” has no column headed {columns} in its first row, so it cannot "
            "say what was decided. Nothing was imported.",
        ),
        "two-databases": translate(
            "ImportRefusals",
            "“{name}” names two review databases: its sheets were copied from another workbook. Export "
            "again. Nothing was imported.",
        ),
    }
    sentence = sentences.get(error.kind) or translate(
        "ImportRefusals", "“{name}” cannot be read as a FactDesk workbook. Nothing was imported."
    )
    return sentence.format(
        name=name,
        sheet=DETAIL_SHEET,
        sheets=error.details.get("sheets", ""),
        columns=error.details.get("columns", ""),
    )


def row_refusal_text(reason: str) -> str:
    """Why one row of the workbook was not applied."""
    if not isinstance(reason, Refusal):  # a reason from before the codes: the English is all there is
        return reason
    translate = QCoreApplication.translate
    details = reason.details
    sentences = {
        "no-claim-id": translate("ImportRefusals", "the row has no {column}").format(
            column=COLUMNS[0].header
        ),
        "formula": translate(
            "ImportRefusals",
            "{column} holds a formula with no saved result; type the value itself, or open and save the "
            "workbook in a spreadsheet program",
        ).format(column=details.get("column", "")),
        "long-text": translate(
            "ImportRefusals",
            "{column} is longer than a cell and was changed in the workbook; edit long texts in FactDesk",
        ).format(column=details.get("column", "")),
        "bad-version": translate(
            "ImportRefusals", "its {column} “{value}” is not a whole number; export the workbook again"
        ).format(column=_header("version"), value=details.get("value", "")),
    }
    if reason.code == "stale":
        return translate(
            "ImportRefusals",
            "the claim was decided again after the export (by {who}, {when}); export again to see the "
            "current decision",
        ).format(
            who=details.get("editor") or translate("ImportRefusals", "another editor"),
            when=local_time(details.get("at", "")) or "—",
        )
    return sentences.get(reason.code) or decision_refusal_text(reason.code, details)


def _header(key: str) -> str:
    return next(column.header for column in COLUMNS if column.key == key)
