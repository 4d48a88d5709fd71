"""A database that cannot be written: the window says why in the editor's language and stays usable."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.paths import seed_files
from desktop.store import ReviewStore
from desktop.store.errors import UNAVAILABLE_KINDS, DatabaseUnavailable, UnavailableKind
from desktop.ui.main_window import MainWindow

# What the editor reads, one sentence per kind (resources/i18n/factdesk_zh_CN.ts).
CHINESE = {
    "busy": "数据库正被另一个程序占用（可能是正在进行的导入），请稍后再试；你的操作没有保存。",
    "full": "数据库所在的磁盘已满，请腾出空间后再试；你的操作没有保存。",
    "readonly": "数据库在这里无法写入（文件或所在文件夹是只读的），请把它复制到可以写入的文件夹再打开；你的操作没有保存。",
    "damaged": "数据库文件已损坏，请停止在其中核查，并用同一文件夹下 backups 中最新的备份恢复；你的操作没有保存。",
    "io": "读写数据库时磁盘报错（硬盘故障、移动盘被拔出或网络共享断开），请检查后再试；你的操作没有保存。",
}


def press(
    qtbot: QtBot, key: str | Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget: QWidget | None = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def at_the_article(qtbot: QtBot, window: MainWindow) -> None:
    window.article_view.setFocus()
    qtbot.waitUntil(window.article_view.hasFocus)


def failing(window: MainWindow, kind: UnavailableKind) -> Any:
    def decide(*_args: object, **_kwargs: object) -> object:
        raise DatabaseUnavailable(window.store.path, kind, f"simulated {kind}")

    return decide


def test_every_kind_has_its_own_chinese_sentence() -> None:
    assert set(CHINESE) == set(UNAVAILABLE_KINDS)
    assert len(set(CHINESE.values())) == len(CHINESE)


@pytest.mark.parametrize("kind", UNAVAILABLE_KINDS)
def test_a_decision_the_database_cannot_take_is_explained_and_can_be_tried_again(
    qtbot: QtBot, window: MainWindow, chinese: None, monkeypatch: pytest.MonkeyPatch, kind: UnavailableKind
) -> None:
    at_the_article(qtbot, window)
    claim = window.current_claim
    assert claim is not None
    with monkeypatch.context() as patched:
        patched.setattr(window.store, "decide", failing(window, kind))
        with qtbot.assertNotEmitted(window.decision_saved):
            press(qtbot, "Y")
    assert window.inspector.refusal_text() == CHINESE[kind]
    assert window.store.claim(claim.id).status == "pending"
    assert window.current_claim == claim  # still there, so the same key tries again
    assert QApplication.focusWidget() is window.article_view
    assert window.statusBar().currentMessage() == CHINESE[kind]  # outlives the banner
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, "Y")
    assert window.store.claim(claim.id).status == "confirmed"
    assert window.statusBar().currentMessage() != CHINESE[kind]  # saved now: no stale "not saved"


def test_a_database_held_by_another_writer_is_reported_busy(
    qtbot: QtBot, window: MainWindow, chinese: None, tmp_path: Path
) -> None:
    at_the_article(qtbot, window)
    claim = window.current_claim
    assert claim is not None
    other = sqlite3.connect(tmp_path / "review.sqlite", isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program (an import, say) is writing
        with qtbot.assertNotEmitted(window.decision_saved):
            press(qtbot, "Y")
    finally:
        other.rollback()
        other.close()
    assert window.inspector.refusal_text() == CHINESE["busy"]
    assert window.store.claim(claim.id).status == "pending"
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, "Y")
    assert window.store.claim(claim.id).status == "confirmed"


def test_an_undo_that_cannot_be_saved_is_retried_by_the_next_ctrl_z(
    qtbot: QtBot, window: MainWindow, chinese: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_the_article(qtbot, window)
    first = window.current_claim
    assert first is not None
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, "Y")
    second = window.current_claim
    assert second is not None and second.id != first.id
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, "X")

    with monkeypatch.context() as patched:
        patched.setattr(window.store, "decide", failing(window, "full"))
        press(qtbot, "Z", Qt.KeyboardModifier.ControlModifier)
    assert window.inspector.refusal_text() == CHINESE["full"]
    assert window.store.claim(second.id).status == "rejected"

    # The next Ctrl+Z retries the same undo; it does not reach past it to the first decision.
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, "Z", Qt.KeyboardModifier.ControlModifier)
    assert window.store.claim(second.id).status == "pending"
    assert window.store.claim(first.id).status == "confirmed"
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, "Z", Qt.KeyboardModifier.ControlModifier)
    assert window.store.claim(first.id).status == "pending"


def test_a_redo_that_cannot_be_saved_is_retried_by_the_next_redo(
    qtbot: QtBot, window: MainWindow, chinese: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_the_article(qtbot, window)
    claim = window.current_claim
    assert claim is not None
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, "Y")
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, "Z", Qt.KeyboardModifier.ControlModifier)
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with monkeypatch.context() as patched:
        patched.setattr(window.store, "decide", failing(window, "io"))
        press(qtbot, "Z", redo)
    assert window.inspector.refusal_text() == CHINESE["io"]
    assert window.store.claim(claim.id).status == "pending"
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, "Z", redo)
    assert window.store.claim(claim.id).status == "confirmed"


def test_a_note_that_cannot_be_saved_stays_typed_and_is_saved_on_the_next_try(
    qtbot: QtBot, window: MainWindow, chinese: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_the_article(qtbot, window)
    claim = window.current_claim
    assert claim is not None
    press(qtbot, "N")
    qtbot.keyClicks(window.inspector.note_edit, "call back")
    with monkeypatch.context() as patched:
        patched.setattr(window.store, "decide", failing(window, "busy"))
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.inspector.refusal_text() == CHINESE["busy"]
    assert window.inspector.note_edit.toPlainText() == "call back"
    assert window.store.claim(claim.id).note == ""
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.store.claim(claim.id).note == "call back"


def test_an_import_the_database_cannot_take_is_explained(
    qtbot: QtBot, window: MainWindow, chinese: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def import_files(store: ReviewStore, *_args: object, **_kwargs: object) -> object:
        raise DatabaseUnavailable(store.path, "readonly", "simulated")

    shown: list[str] = []
    monkeypatch.setattr(ReviewStore, "import_files", import_files)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    window.transfers.start_import(seed_files()[:1])
    qtbot.waitUntil(lambda: not window.transfers.is_busy() and bool(shown))
    assert shown == [CHINESE["readonly"]]
    # The window goes on: the next key still decides.
    at_the_article(qtbot, window)
    claim = window.current_claim
    assert claim is not None
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, "Y")
    assert window.store.claim(claim.id).status == "confirmed"


def _latin_words(text: str) -> list[str]:
    """English words left in a sentence (a path or an SQLite detail aside)."""
    import re

    return [w for w in re.findall(r"[A-Za-z]{4,}", text) if w not in {"FactDesk", "SQLite", "backups"}]


def test_every_refused_database_is_worded_in_chinese(chinese: None) -> None:
    from desktop.store.errors import REFUSED_CODES, DatabaseRefused
    from desktop.ui.store_errors import store_error_text

    sentences = {
        code: store_error_text(DatabaseRefused(Path("/x/a.sqlite"), "English", code, version="9", latest="5"))
        for code in REFUSED_CODES
    }
    assert len(set(sentences.values())) == len(REFUSED_CODES)
    for code, sentence in sentences.items():
        assert sentence.endswith("文件没有被改动。"), code
        assert not _latin_words(sentence), (code, sentence)


def test_opening_a_file_that_is_not_a_database_says_why_in_chinese(
    qtbot: QtBot, tmp_path: Path, chinese: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui import settings as keys

    fake = tmp_path / "notes.sqlite"
    fake.write_bytes(b"this is a page of notes, not a database at all " * 200)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    win = MainWindow(keys.settings_in_file(tmp_path / "s.ini"), ask_editor=False)
    qtbot.addWidget(win)
    assert not win.open_database(fake)
    (message,) = shown
    assert "不是核数台数据库" in message and not _latin_words(message)
    assert fake.read_bytes().startswith(b"this is a page")


def test_a_manual_claim_that_cannot_be_added_says_why_in_chinese(
    qtbot: QtBot, window: MainWindow, chinese: None
) -> None:
    messages: list[str] = []
    window.session.refused.connect(lambda message, _why: messages.append(message))
    claim = window.session.claims[0]
    assert not window.session.add_manual_claim(claim.start, claim.end)  # a claim already: said and selected
    text = window.article_view.toPlainText()
    detail = window.store.article(claim.article_id)
    start = next(i for i, ch in enumerate(detail.text) if ch == "，")
    assert not window.session.add_manual_claim(start, start + 1)  # a comma is no number
    assert len(messages) == 2 and text
    assert "不能" in messages[1] or "无法" in messages[1]
    assert not _latin_words(messages[1]), messages[1]
