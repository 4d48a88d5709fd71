"""The window's file dialogs: what to import, where to export, which database (also from the recent ones)."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from desktop.ui import settings as keys


def ask_import_files(parent: QWidget) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("FileDialogs", "Import articles"),
        "",
        QCoreApplication.translate("FileDialogs", "Articles (*.txt *.md *.markdown *.docx);;All files (*)"),
    )
    return [Path(n) for n in names]


def ask_export_path(parent: QWidget) -> Path | None:
    default = str(Path.home() / time.strftime("核查表-%Y%m%d.xlsx"))
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("FileDialogs", "Export to Excel"),
        default,
        QCoreApplication.translate("FileDialogs", "Excel (*.xlsx)"),
    )
    if not name:
        return None
    return Path(name if name.endswith(".xlsx") else name + ".xlsx")


def ask_database_to_open(parent: QWidget, folder: Path | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("FileDialogs", "Open database"),
        str(folder or ""),
        QCoreApplication.translate("FileDialogs", "FactDesk databases (*.sqlite *.db);;All files (*)"),
    )
    return Path(name) if name else None


def ask_new_database(parent: QWidget, folder: Path | None) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("FileDialogs", "New database"),
        str(folder or ""),
        QCoreApplication.translate("FileDialogs", "FactDesk databases (*.sqlite)"),
    )
    if not name:
        return None
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
