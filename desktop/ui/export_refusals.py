"""Why the window will not export to a chosen file, in the editor's language.

desktop.export.target decides (the review database, its -wal/-shm, any
SQLite file, a name without .xlsx, an existing file that is not a workbook);
this module only words each refusal kind for the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.export.target import TargetRefused


def export_refusal_text(refusal: TargetRefused) -> str:
    name = refusal.path.name
    translate = QCoreApplication.translate
    texts = {
        "database": translate(
            "ExportRefusal",
            "Cannot export to “{name}”: it is the review database in use (or one of its files); "
            "the export would overwrite it. Choose another .xlsx file name.",
        ),
        "not-a-file": translate(
            "ExportRefusal", "Cannot export to “{name}”: it is a folder, a device or a pipe."
        ),
        "not-xlsx": translate("ExportRefusal", "Cannot export to “{name}”: the file name must end in .xlsx."),
        "sqlite": translate(
            "ExportRefusal",
            "Cannot export to “{name}”: it is an SQLite database (a backup or another review); "
            "it will not be overwritten.",
        ),
        "not-a-workbook": translate(
            "ExportRefusal",
            "Cannot export to “{name}”: the file exists and is not an Excel workbook; it will not be overwritten.",
        ),
        "unreadable": translate(
            "ExportRefusal",
            "Cannot export to “{name}”: the existing file cannot be read, so it cannot be judged safe to replace.",
        ),
    }
    text = texts.get(refusal.kind)
    if text is None:  # a kind added later: the English reason still says why
        return translate("ExportRefusal", "Cannot export to “{name}”: {reason}").format(
            name=name, reason=refusal.reason
        )
    return text.format(name=name)
