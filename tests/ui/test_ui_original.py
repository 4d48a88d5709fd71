"""The original: where the claim stands in its file, and opening the file (refused, in words, when it moved)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_modal import answer_next_dialog

from desktop.ui import original_file
from desktop.ui.main_window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """What the window hands to the system to open (nothing is launched)."""
    urls: list[QUrl] = []

    def record(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(original_file, "open_url", record)
    return urls


def test_the_inspector_shows_the_line_and_the_raw_text_of_the_file(window: MainWindow) -> None:
    claim = window.current_claim
    assert claim is not None
    source = window.store.document_source(claim.document_id)
    raw = Path(source.path).read_text("utf-8")
    line = raw[: claim.source_start].count("\n") + 1
    shown = window.inspector.original_text()
    assert f"{source.file_name}, line {line}" in shown
    assert raw[claim.source_start : claim.source_end] in shown
    # The text before it on its line, as the file has it.
    before = raw[: claim.source_start].rsplit("\n", 1)[-1][-5:]
    assert before + raw[claim.source_start : claim.source_end] in shown
    # J: the next claim's place follows.
    window.article_view.setFocus()
    window.session.next_claim()
    following = window.current_claim
    assert following is not None
    assert raw[following.source_start : following.source_end] in window.inspector.original_text()


def test_ctrl_shift_o_opens_the_original_file(qtbot: QtBot, window: MainWindow, opened: list[QUrl]) -> None:
    claim = window.current_claim
    assert claim is not None
    window.article_view.setFocus()
    qtbot.waitUntil(window.article_view.hasFocus)
    qtbot.keyClick(window.article_view, "O", CTRL_SHIFT)
    assert [url.toLocalFile() for url in opened] == [window.store.document_source(claim.document_id).path]
    assert "Opened" in window.statusBar().currentMessage()
    # The file name in the inspector is the same command.
    window.inspector.original_label.linkActivated.emit("original")
    assert len(opened) == 2


def test_a_moved_original_is_refused_in_chinese_and_nothing_opens(
    qtbot: QtBot, window: MainWindow, opened: list[QUrl], tmp_path: Path, chinese: None
) -> None:
    folder = tmp_path / "稿件"
    folder.mkdir()
    page = folder / "新稿.txt"
    page.write_text("（记者 王明 报道）今年前三季度，全市新增市场主体1.2万户，同比增长8.5%。\n", "utf-8")
    with qtbot.waitSignal(window.transfers.finished, timeout=60_000):
        window.transfers.start_import([page])
    qtbot.waitUntil(lambda: not window.transfers.is_busy())
    assert window.current_claim is not None and window.inspector.original_text().startswith("新稿.txt")
    assert "第 1 行" in window.inspector.original_text()
    shutil.move(page, tmp_path / "别处.txt")
    window.activateWindow()  # the import's progress dialog had it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.article_view.setFocus()
    qtbot.waitUntil(window.article_view.hasFocus)
    seen: list[str] = []
    answer_next_dialog(seen)
    qtbot.keyClick(window.article_view, "O", CTRL_SHIFT)
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert "新稿.txt" in seen[0] and "已不在" in seen[0] and str(page) in seen[0]
    assert opened == []


def test_a_changed_original_opens_with_a_warning(
    qtbot: QtBot, window: MainWindow, opened: list[QUrl], tmp_path: Path
) -> None:
    page = tmp_path / "新稿.txt"
    page.write_text("（记者 王明 报道）今年前三季度，全市新增市场主体1.2万户。\n", "utf-8")
    with qtbot.waitSignal(window.transfers.finished, timeout=60_000):
        window.transfers.start_import([page])
    qtbot.waitUntil(lambda: not window.transfers.is_busy())
    page.write_text("改过的稿件：新增市场主体1.3万户。\n", "utf-8")
    window.open_original()
    assert len(opened) == 1
    assert "changed after the import" in window.statusBar().currentMessage()


def test_the_place_keeps_its_height_and_fits_the_pane(qtbot: QtBot, window: MainWindow) -> None:
    # A label that changed height with its text laid the whole inspector out again on every key.
    label = window.inspector.original_label
    height = label.height()
    window.article_view.setFocus()
    qtbot.waitUntil(window.article_view.hasFocus)
    for _ in range(8):
        qtbot.keyClick(window.article_view, "J")
        assert label.height() == height
    claim = window.current_claim
    assert claim is not None
    place = window.session.source_place(claim)
    assert place is not None
    long = replace(
        place, file_name="很长很长的稿件文件名" * 6 + ".txt", before="前文" * 40, after="后文" * 40
    )
    window.inspector.show_place(long)
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)  # as QLabel lays out its rich text
    document.setHtml(label.text())
    assert document.idealWidth() <= label.contentsRect().width() + 2
    assert "…" in label.text() and label.height() == height
    assert long.file_name in window.inspector.original_text()  # whole, for a screen reader
