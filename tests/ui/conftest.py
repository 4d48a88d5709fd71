"""GUI tests run offscreen with a fresh SQLite review database each."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from desktop.paths import seed_files  # noqa: E402
from desktop.store import ReviewStore  # noqa: E402
from desktop.ui import settings as keys  # noqa: E402
from desktop.ui.app import install_translator  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ReviewStore]:
    """A review database holding the five demo pages (20 articles)."""
    with ReviewStore.open(tmp_path / "review.sqlite", seed_if_new=False) as opened:
        opened.import_files(seed_files())
        yield opened


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    settings = keys.settings_in_file(tmp_path / "settings.ini")
    settings.setValue(keys.EDITOR_NAME, "测试编辑")
    return settings


def open_window(qtbot: QtBot, settings: QSettings, tmp_path: Path, files: Sequence[Path]) -> MainWindow:
    """The main window, shown and active (so key events go through its shortcuts), with `files` imported."""
    win = MainWindow(settings, ask_editor=False)
    qtbot.addWidget(win)
    win.resize(1300, 800)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    assert win.open_database(tmp_path / "review.sqlite")
    with qtbot.waitSignal(win.transfers.finished, timeout=60_000):
        win.transfers.start_import(files)
    qtbot.waitUntil(lambda: not win.transfers.is_busy())
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


@pytest.fixture
def window_with(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> Iterator[Callable[[Sequence[Path]], MainWindow]]:
    """A function that opens the main window with some files imported (closed after the test)."""
    opened: list[MainWindow] = []

    def make(files: Sequence[Path]) -> MainWindow:
        opened.append(open_window(qtbot, settings, tmp_path, files))
        return opened[-1]

    yield make
    for win in opened:
        win.close()


@pytest.fixture
def window(qtbot: QtBot, settings: QSettings, tmp_path: Path) -> Iterator[MainWindow]:
    """The main window with the demo pages."""
    win = open_window(qtbot, settings, tmp_path, seed_files())
    yield win
    win.close()


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The window's Chinese translation installed for one test, English again after."""
    app = QCoreApplication.instance()
    assert app is not None
    install_translator(app, "zh_CN")
    try:
        yield
    finally:
        install_translator(app, "en")
