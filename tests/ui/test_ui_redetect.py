"""A database an older detector read: the window offers to detect again, and keeps every decision."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.paths import seed_files
from desktop.store import ReviewStore
from desktop.ui.main_window import MainWindow


def _older_database(path: Path) -> str:
    """The seeds imported, one claim confirmed, then marked as read by an older detector."""
    with ReviewStore.open(path, seed_if_new=False) as store:
        store.import_files(seed_files()[:2])
        claim = store.claims(store.articles()[0].id)[0]
        store.decide(claim.id, "confirmed", editor="测试编辑")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE documents SET detector_version = 'older'")
    conn.close()
    return claim.id


def test_opening_an_older_database_offers_detection_and_keeps_decisions(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    path = tmp_path / "older.sqlite"
    confirmed = _older_database(path)
    win = MainWindow(settings, ask_editor=False)
    qtbot.addWidget(win)
    win.show()
    assert win.open_database(path)
    offer = win.transfers.redetect_offer
    qtbot.waitUntil(offer.isVisible)
    assert "2" in offer.text()  # how many documents
    with qtbot.waitSignal(win.transfers.finished, timeout=60_000):
        offer.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not win.transfers.is_busy())
    assert win.store.documents_outdated() == 0
    assert win.store.claim(confirmed).status == "confirmed"
    assert "kept" in win.status.currentMessage() or "保留" in win.status.currentMessage()
    win.close()


def test_a_current_database_asks_nothing_and_the_menu_says_all_is_current(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    path = tmp_path / "current.sqlite"
    with ReviewStore.open(path, seed_if_new=False) as store:
        store.import_files(seed_files()[:1])
    win = MainWindow(settings, ask_editor=False)
    qtbot.addWidget(win)
    win.show()
    assert win.open_database(path)
    assert not hasattr(win.transfers, "redetect_offer")
    win.actions_by_id["redetect"].trigger()
    assert not win.transfers.is_busy()
    assert "current" in win.status.currentMessage() or "当前" in win.status.currentMessage()
    win.close()
