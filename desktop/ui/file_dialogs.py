"""The window's file dialogs: what to import, where to export, which database (also from the recent ones).

Dialogs are made here rather than with QFileDialog's static functions so
that their labels can be set: Qt's own Chinese catalogue (qtbase_zh_CN, Qt
6.11) has "Look in:" and "Files of type:" only without the mnemonic the
widget dialog asks for ("&Look in:"), and no "Folder" for the Type column,
which left the dialog half English.
Where the platform has a native dialog (Windows, macOS, a desktop portal)
it is used as it is, in the system's language.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo, QSettings, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QFileIconProvider, QMenu, QWidget

from desktop.ui import settings as keys


class _FileTypes(QFileIconProvider):
    """The dialog's Type column: "Folder" comes untranslated from Qt 6.11's catalogue; files keep
    the system's own (localised) type names."""

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        return super().type(info)


def make_dialog(
    parent: QWidget | None, title: str, folder: str, filters: str, *, save: bool = False
) -> QFileDialog:
    """A file dialog in the editor's language (open one or more files, or save one)."""
    dialog = QFileDialog(parent, title, folder, filters)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    labels = {
        QFileDialog.DialogLabel.LookIn: QCoreApplication.translate("FileDialogs", "Look in:"),
        QFileDialog.DialogLabel.FileName: QCoreApplication.translate("FileDialogs", "File &name:"),
        QFileDialog.DialogLabel.FileType: QCoreApplication.translate("FileDialogs", "Files of &type:"),
    }
    for label, text in labels.items():
        dialog.setLabelText(label, text)
    provider = _FileTypes()
    dialog.setIconProvider(provider)
    dialog._file_types = provider  # type: ignore[attr-defined]  # the dialog does not own it: keep it alive
    return dialog


def _chosen(dialog: QFileDialog) -> list[Path]:
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return []
    return [Path(name) for name in dialog.selectedFiles()]


def ask_import_files(parent: QWidget) -> list[Path]:
    dialog = make_dialog(
        parent,
        QCoreApplication.translate("FileDialogs", "Import articles"),
        "",
        QCoreApplication.translate("FileDialogs", "Articles (*.txt *.md *.markdown *.docx);;All files (*)"),
    )
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _chosen(dialog)


def ask_release_file(parent: QWidget) -> Path | None:
    """The release an article was written from (imported unless it is in the database already)."""
    dialog = make_dialog(
        parent,
        QCoreApplication.translate("FileDialogs", "Attach the source release"),
        "",
        QCoreApplication.translate("FileDialogs", "Articles (*.txt *.md *.markdown *.docx);;All files (*)"),
    )
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _chosen(dialog)
    return chosen[0] if chosen else None


def ask_export_path(parent: QWidget) -> Path | None:
    dialog = make_dialog(
        parent,
        QCoreApplication.translate("FileDialogs", "Export to Excel"),
        str(Path.home() / time.strftime("核查表-%Y%m%d.xlsx")),
        QCoreApplication.translate("FileDialogs", "Excel (*.xlsx)"),
        save=True,
    )
    dialog.setDefaultSuffix("xlsx")
    chosen = _chosen(dialog)
    return chosen[0] if chosen else None


def ask_decisions_workbook(parent: QWidget) -> Path | None:
    """An exported workbook, edited, whose decisions are to come back."""
    dialog = make_dialog(
        parent,
        QCoreApplication.translate("FileDialogs", "Import decisions from a workbook"),
        str(Path.home()),
        QCoreApplication.translate("FileDialogs", "Excel (*.xlsx)"),
    )
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _chosen(dialog)
    return chosen[0] if chosen else None


def ask_database_to_open(parent: QWidget, folder: Path | None) -> Path | None:
    dialog = make_dialog(
        parent,
        QCoreApplication.translate("FileDialogs", "Open database"),
        str(folder or ""),
        QCoreApplication.translate("FileDialogs", "FactDesk databases (*.sqlite *.db);;All files (*)"),
    )
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _chosen(dialog)
    return chosen[0] if chosen else None


def ask_new_database(parent: QWidget, folder: Path | None) -> Path | None:
    dialog = make_dialog(
        parent,
        QCoreApplication.translate("FileDialogs", "New database"),
        str(folder or ""),
        QCoreApplication.translate("FileDialogs", "FactDesk databases (*.sqlite)"),
        save=True,
    )
    dialog.setDefaultSuffix("sqlite")
    chosen = _chosen(dialog)
    if not chosen:
        return None
    name = str(chosen[0])
    return Path(name if name.endswith((".sqlite", ".db")) else name + ".sqlite")


class RecentDatabasesMenu(QMenu):
    """File → Recent databases, filled from QSettings each time it opens."""

    database_chosen = Signal(object)  # Path

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("FileDialogs", "Recent databases"), parent)
        self._settings = settings
        self.aboutToShow.connect(self._fill)

    def _fill(self) -> None:
        self.clear()
        for recent in keys.list_value(self._settings, keys.RECENT_DATABASES):
            action = self.addAction(recent)
            # A database moved or deleted since is not recreated empty in its old place.
            action.setEnabled(Path(recent).exists())
            action.triggered.connect(lambda _checked=False, p=recent: self.database_chosen.emit(Path(p)))
