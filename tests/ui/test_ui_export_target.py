"""The window never exports over its own database, and says why in the editor's language."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.export.readback import read_workbook
from desktop.store import ReviewStore
from desktop.ui.main_window import MainWindow


def _answer_next_message_box(seen: list[str]) -> None:
    """Read and close the next modal message box, as an editor would."""

    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, close)

    QTimer.singleShot(20, close)


def test_export_over_the_open_database_is_refused_and_the_database_kept(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, chinese: None
) -> None:
    database = tmp_path / "review.sqlite"
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    seen: list[str] = []
    for target in (database, Path(f"{database}-wal")):
        expected = len(seen) + 1
        _answer_next_message_box(seen)
        window.transfers.start_export(target)
        qtbot.waitUntil(lambda expected=expected: len(seen) == expected, timeout=5000)
        assert not window.transfers.is_busy()  # no job was started
    assert all("核查数据库" in text and "不能导出" in text for text in seen), seen
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    with ReviewStore.open(database, seed_if_new=False) as store:
        assert len(store.articles()) == 20


def test_a_window_export_names_its_database(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "核查表.xlsx"
    with qtbot.waitSignal(window.transfers.finished, timeout=60_000):
        window.transfers.start_export(out)
    with ReviewStore.open(tmp_path / "review.sqlite", seed_if_new=False) as store:
        identity = store.database_id
    assert read_workbook(out).database_id == identity
    assert openpyxl.load_workbook(out, read_only=True).sheetnames[0] == "核查明细"
