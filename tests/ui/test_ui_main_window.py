"""End to end: the real main window driven from the keyboard through a whole review."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent, QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from desktop.store import ReviewStore
from desktop.ui import settings as keys
from desktop.ui.main_window import MainWindow


def type_text(widget: QWidget, text: str) -> None:
    """Chinese arrives as an input-method commit, as a pinyin input method sends it."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def key(
    qtbot: QtBot, window: MainWindow, sequence: str | Qt.Key, modifier: Qt.KeyboardModifier | None = None
) -> None:
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, sequence, modifier or Qt.KeyboardModifier.NoModifier)


def test_import_shows_the_demo_articles_and_the_first_pending_claim(window: MainWindow) -> None:
    assert len(window.articles_panel.model.articles()) == 20
    claim = window.current_claim
    assert claim is not None and claim.status == "pending"
    assert window.article_view.current_claim_id() == claim.id
    assert "0 / 503" in window.progress_label.text() or "0 of 503" in window.progress_label.text()


def test_a_whole_review_from_the_keyboard(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.article_view.setFocus()
    qtbot.waitUntil(window.article_view.hasFocus)
    first = window.current_claim
    assert first is not None

    # J / K move through the claims
    key(qtbot, window, "J")
    second = window.current_claim
    assert second is not None and second.id != first.id
    key(qtbot, window, "K")
    assert window.current_claim == first

    # Y confirms and moves on to the next pending claim
    with qtbot.waitSignal(window.decision_saved):
        key(qtbot, window, "Y")
    assert window.store.claim(first.id).status == "confirmed"
    assert window.current_claim is not None and window.current_claim.id == second.id

    # E opens the correction; an invalid value is refused with the reason
    key(qtbot, window, "E")
    value_edit = window.inspector.value_edit
    assert value_edit.hasFocus()
    value_edit.clear()
    qtbot.keyClicks(value_edit, "abc")
    with qtbot.assertNotEmitted(window.decision_saved):
        qtbot.keyClick(value_edit, Qt.Key.Key_Return)
    assert window.inspector.correction_error_text()
    assert window.store.claim(second.id).status == "pending"
    value_edit.clear()
    type_text(value_edit, "1.3万")
    with qtbot.waitSignal(window.decision_saved):
        qtbot.keyClick(value_edit, Qt.Key.Key_Return)
    corrected = window.store.claim(second.id)
    assert (corrected.status, str(corrected.corrected_value)) == ("corrected", "13000")

    # X rejects the claim now current
    window.article_view.setFocus()
    third = window.current_claim
    assert third is not None
    with qtbot.waitSignal(window.decision_saved):
        key(qtbot, window, "X")
    assert window.store.claim(third.id).status == "rejected"

    # T tags a source by name; then key 1 tags the next claim with that recent source
    fourth = window.current_claim
    assert fourth is not None
    key(qtbot, window, "T")
    source_edit = window.inspector.source_edit
    assert source_edit.hasFocus()
    type_text(source_edit, "统计公报")
    with qtbot.waitSignal(window.decision_saved):
        qtbot.keyClick(source_edit, Qt.Key.Key_Return)
    assert window.store.claim(fourth.id).sources == ("统计公报",)
    window.article_view.setFocus()
    key(qtbot, window, "J")
    fifth = window.current_claim
    assert fifth is not None and fifth.id != fourth.id
    with qtbot.waitSignal(window.decision_saved):
        key(qtbot, window, "1")
    assert window.store.claim(fifth.id).sources == ("统计公报",)

    # undo and redo the rejection's successor decisions
    with qtbot.waitSignal(window.decision_saved):
        key(qtbot, window, "Z", Qt.KeyboardModifier.ControlModifier)
    assert window.store.claim(fifth.id).sources == ()
    with qtbot.waitSignal(window.decision_saved):
        key(qtbot, window, "Z", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.store.claim(fifth.id).sources == ("统计公报",)

    # everything is in the database: close and reopen
    database = tmp_path / "review.sqlite"
    window.close()
    with ReviewStore.open(database, seed_if_new=False) as store:
        statuses = {c: store.claim(c).status for c in (first.id, second.id, third.id)}
        assert statuses == {first.id: "confirmed", second.id: "corrected", third.id: "rejected"}
        assert store.claim(fifth.id).sources == ("统计公报",)
        assert store.claim(first.id).editor == window.editor
        reviewed, total = store.progress()
        assert reviewed == 3 and total == 503


def test_reopened_window_shows_decisions_and_exports_them(
    qtbot: QtBot, window: MainWindow, settings: QSettings, tmp_path: Path
) -> None:
    first = window.current_claim
    assert first is not None
    with qtbot.waitSignal(window.decision_saved):
        window.session.confirm()
    window.close()

    again = MainWindow(settings, ask_editor=False)
    qtbot.addWidget(again)
    again.show()
    assert again.open_database(tmp_path / "review.sqlite")
    assert again.store.claim(first.id).status == "confirmed"
    out = tmp_path / "review.xlsx"
    with qtbot.waitSignal(again.job_finished, timeout=60_000):
        again.start_export(out)
    qtbot.waitUntil(lambda: not again.is_busy())
    sheet = openpyxl.load_workbook(out)["核查明细"]
    header = [cell.value for cell in sheet[1]]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == 503
    assert rows[first.id][header.index("状态")] == "已确认"
    assert rows[first.id][header.index("核查人")] == again.editor
    again.close()


def test_a_stale_decision_is_refused_and_reloaded(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    claim = window.current_claim
    assert claim is not None
    with ReviewStore.open(tmp_path / "review.sqlite", seed_if_new=False) as other:
        other.decide(claim.id, "rejected", editor="另一位编辑", reason="wrong-number")
    with qtbot.assertNotEmitted(window.decision_saved):
        window.session.confirm()
    assert "另一位编辑" in window.inspector.refusal_text()
    assert window.current_claim is not None and window.current_claim.status == "rejected"
    assert window.store.claim(claim.id).status == "rejected"


def test_every_action_with_a_shortcut_is_listed_in_the_help(window: MainWindow) -> None:
    window.show_shortcuts()
    table = window.shortcuts_dialog.findChild(QTableWidget)
    listed = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}
    for action_id in (
        "next_claim",
        "prev_claim",
        "confirm",
        "reject",
        "correct",
        "tag",
        "tag_1",
        "note",
        "undo",
    ):
        action = window.actions_by_id[action_id]
        assert action.shortcuts(), action_id
        keys_shown = listed[action.text().replace("&", "")]
        assert action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText) in keys_shown
    window.shortcuts_dialog.close()


def test_first_run_with_no_database_fills_the_demo_pages(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / "data" / "factdesk.sqlite"
    monkeypatch.setattr("desktop.ui.main_window.default_database_path", lambda: default)
    win = MainWindow(settings, ask_editor=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.job_finished, timeout=60_000):
        assert win.open_database(None)
    qtbot.waitUntil(lambda: not win.is_busy())
    assert len(win.articles_panel.model.articles()) == 20
    assert win.current_claim is not None
    win.close()


def test_selected_text_becomes_a_manual_claim(qtbot: QtBot, window: MainWindow) -> None:
    article_id = window.current_claim.article_id if window.current_claim else None
    assert article_id is not None
    text = window.store.article(article_id).text
    start = text.index("七个结合")  # inside quotes: a name, so the detector left it out
    with qtbot.waitSignal(window.article_shown):
        window.article_view.add_claim_requested.emit(start, start + 2)
    claim = window.current_claim
    assert claim is not None and claim.manual and claim.text == "七个"
    assert str(claim.value) == "7" and claim.unit == "个"


def test_dropping_files_on_the_window_imports_them(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = tmp_path / "新稿.txt"
    page.write_text("（记者 王明 报道）今年前三季度，全市新增市场主体1.2万户，同比增长8.5%。\n", "utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page))])
    drop = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.job_finished, timeout=60_000) as finished:
        window.dropEvent(drop)
    assert finished.args[0].documents_added == 1
    assert len(window.articles_panel.model.articles()) == 21


def test_the_window_remembers_database_and_article(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    window.session.next_article()
    window.session.next_article()
    article_id = window.current_claim.article_id if window.current_claim else None
    window.close()
    again = MainWindow(settings, ask_editor=False)
    qtbot.addWidget(again)
    last = keys.text_value(settings, keys.LAST_DATABASE)
    assert again.open_database(Path(last))
    assert again.current_claim is not None and again.current_claim.article_id == article_id
    again.close()


def test_a_half_typed_note_stays_with_its_claim_when_the_article_changes(
    qtbot: QtBot, window: MainWindow
) -> None:
    claim = window.current_claim
    assert claim is not None
    window.note_current()
    type_text(window.inspector.note_edit, "电话核实过")
    window.session.next_article()
    assert window.store.claim(claim.id).note == "电话核实过"
    moved_to = window.current_claim
    assert moved_to is not None and moved_to.article_id != claim.article_id
    assert window.store.claim(moved_to.id).note == ""


def test_a_note_being_typed_is_saved_when_the_window_closes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    claim = window.current_claim
    assert claim is not None
    window.note_current()
    type_text(window.inspector.note_edit, "关窗前写的")
    window.close()
    with ReviewStore.open(tmp_path / "review.sqlite", seed_if_new=False) as store:
        assert store.claim(claim.id).note == "关窗前写的"


def test_two_changes_on_one_claim_undo_one_after_the_other(qtbot: QtBot, window: MainWindow) -> None:
    claim = window.current_claim
    assert claim is not None
    window._sources_requested(claim.id, ["年鉴"])
    window._note_requested(claim.id, "第二步")
    window.session.next_claim()  # the editor has moved on
    window.session.undo()
    window.session.undo()
    undone = window.store.claim(claim.id)
    assert (undone.sources, undone.note) == ((), "")
    assert (
        window.current_claim is not None and window.current_claim.id == claim.id
    )  # undo shows what it undid
    assert not window.inspector.refusal_text()


def test_arrow_keys_in_the_correction_field_stay_in_the_field(qtbot: QtBot, window: MainWindow) -> None:
    claim = window.current_claim
    assert claim is not None
    window.correct_current()
    value_edit = window.inspector.value_edit
    qtbot.keyClick(value_edit, Qt.Key.Key_Down)
    qtbot.keyClick(value_edit, Qt.Key.Key_Up)
    assert window.current_claim == claim
    assert value_edit.hasFocus()


def test_the_next_pending_claim_is_found_in_articles_above_too(qtbot: QtBot, window: MainWindow) -> None:
    last = window.articles_panel.model.articles()[-1]
    window.session.show_article(last.id)
    for claim in window.store.claims(last.id):
        window.store.decide(claim.id, "confirmed", editor=window.editor)
    window.session.show_article(last.id)
    target = window.store.claims(last.id)[0]
    window.store.decide(target.id, "pending", editor=window.editor)
    window.session.show_article(last.id, target.id)
    window.session.confirm()
    after = window.current_claim
    assert after is not None and after.status == "pending"
    assert after.article_id != last.id
