"""End to end: the real main window driven from the keyboard through a whole review."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from ui_modal import answer_next_dialog, scope_answer

from desktop.export.readback import read_workbook
from desktop.store import ReviewStore
from desktop.ui import file_dialogs
from desktop.ui import settings as keys
from desktop.ui.claim_list import Column as ClaimColumn
from desktop.ui.inspector.correction import far_apart
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
    assert "0 of 503" in window.status.progress_label.text()


def test_a_whole_review_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
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

    # a value ten times off is asked about once: the first Enter asks, the second saves
    assert far_apart(second.value, Decimal(13000))
    value_edit.clear()
    type_text(value_edit, "1.3万")
    with qtbot.assertNotEmitted(window.decision_saved):
        qtbot.keyClick(value_edit, Qt.Key.Key_Return)
    assert "13,000" in window.inspector.second_look_text()
    assert window.store.claim(second.id).status == "pending"
    with qtbot.waitSignal(window.decision_saved):
        qtbot.keyClick(value_edit, Qt.Key.Key_Return)
    corrected = window.store.claim(second.id)
    assert (corrected.status, str(corrected.corrected_value)) == ("corrected", "13000")
    # the claim list shows the value as typed beside the number
    row = window.claim_list.model.row_of(second.id)
    assert row is not None
    assert "1.3万" in window.claim_list.model.index(row, ClaimColumn.VALUE).data()

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

    # Ctrl+L: the claim list; ↓ moves the review along, Return hands the keys back to the article
    key(qtbot, window, "L", Qt.KeyboardModifier.ControlModifier)
    assert window.claim_list.table.hasFocus()
    key(qtbot, window, Qt.Key.Key_Down)
    sixth = window.current_claim
    assert sixth is not None and sixth.id != fifth.id
    assert window.article_view.current_claim_id() == sixth.id
    assert window.inspector.claim_id() == sixth.id
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.article_view.hasFocus()

    # Shift+X rejects it as a wrong number; the list says why
    with qtbot.waitSignal(window.decision_saved):
        key(qtbot, window, "X", Qt.KeyboardModifier.ShiftModifier)
    rejected = window.store.claim(sixth.id)
    assert (rejected.status, rejected.reason) == ("rejected", "wrong-number")
    row = window.claim_list.model.row_of(sixth.id)
    assert row is not None
    assert "wrong number" in window.claim_list.model.index(row, ClaimColumn.STATUS).data()

    # Ctrl+= and Ctrl+- size the article's text, Ctrl+0 puts it back
    key(qtbot, window, "=", Qt.KeyboardModifier.ControlModifier)
    assert window.article_view.zoom() == 110
    key(qtbot, window, "-", Qt.KeyboardModifier.ControlModifier)
    key(qtbot, window, "-", Qt.KeyboardModifier.ControlModifier)
    assert window.article_view.zoom() == 90
    key(qtbot, window, "0", Qt.KeyboardModifier.ControlModifier)
    assert window.article_view.zoom() == 100

    # Ctrl+E asks which claims first: Alt+T, this article only, then Return; the file is chosen
    article = window.session.article_id
    out = tmp_path / "本篇.xlsx"
    monkeypatch.setattr(file_dialogs, "ask_export_path", lambda parent: out)
    asked: list[str] = []
    answer_next_dialog(asked, scope_answer(qtbot, ("T", "this_article")))
    with qtbot.waitSignal(window.transfers.finished, timeout=60_000):
        key(qtbot, window, "E", Qt.KeyboardModifier.ControlModifier)
    exported = read_workbook(out)
    assert asked == ["Export to Excel"]
    assert [edit.claim_id for edit in exported.edits] == [c.id for c in window.store.claims(article)]
    assert {edit.claim_id: edit.status for edit in exported.edits}[sixth.id] == "已驳回"

    # the workbook, edited, comes back with Ctrl+Shift+I: one claim confirmed, one corrected as typed
    pending = [c for c in window.store.claims(article) if c.status == "pending"]
    edited = openpyxl.load_workbook(out)
    sheet = edited["核查明细"]
    header = [cell.value for cell in sheet[1]]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    rows[pending[0].id][header.index("状态")].value = "已确认"
    rows[pending[1].id][header.index("状态")].value = "已更正"
    rows[pending[1].id][header.index("更正值")].value = "1.5万"
    edited.save(out)
    monkeypatch.setattr(file_dialogs, "ask_decisions_workbook", lambda parent: out)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.article_view.setFocus()
    qtbot.waitUntil(window.article_view.hasFocus)
    with qtbot.waitSignal(window.transfers.finished, timeout=60_000):
        key(qtbot, window, "I", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    summary = window.transfers.summary_box
    assert summary.text().startswith("2 decision(s) imported") and "0 row(s) refused" in summary.text()
    summary.accept()
    assert window.store.claim(pending[0].id).status == "confirmed"
    assert window.store.claim(pending[1].id).corrected_text == "1.5万"
    row = window.claim_list.model.row_of(pending[1].id)
    assert row is not None and "1.5万" in window.claim_list.model.index(row, ClaimColumn.VALUE).data()

    # everything is in the database: close and reopen
    database = tmp_path / "review.sqlite"
    window.close()
    with ReviewStore.open(database, seed_if_new=False) as store:
        statuses = {c: store.claim(c).status for c in (first.id, second.id, third.id)}
        assert statuses == {first.id: "confirmed", second.id: "corrected", third.id: "rejected"}
        assert store.claim(fifth.id).sources == ("统计公报",)
        assert store.claim(first.id).editor == window.editor
        assert store.claim(sixth.id).reason == "wrong-number"
        reviewed, total = store.progress()
        assert reviewed == 6 and total == 503


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
    with qtbot.waitSignal(again.transfers.finished, timeout=60_000):
        again.transfers.start_export(out)
    qtbot.waitUntil(lambda: not again.transfers.is_busy())
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


def test_first_run_with_no_database_fills_the_demo_pages(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / "data" / "factdesk.sqlite"
    monkeypatch.setattr("desktop.ui.main_window.default_database_path", lambda: default)
    win = MainWindow(settings, ask_editor=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.transfers.finished, timeout=60_000):
        assert win.open_database(None)
    qtbot.waitUntil(lambda: not win.transfers.is_busy())
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
    with qtbot.waitSignal(window.transfers.finished, timeout=60_000) as finished:
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


def test_the_text_size_is_remembered_and_keeps_the_current_claim(
    qtbot: QtBot, window: MainWindow, settings: QSettings, tmp_path: Path
) -> None:
    window.article_view.setFocus()
    qtbot.waitUntil(window.article_view.hasFocus)
    key(qtbot, window, "J")
    claim = window.current_claim
    assert claim is not None
    key(qtbot, window, "=", Qt.KeyboardModifier.ControlModifier)
    key(qtbot, window, "=", Qt.KeyboardModifier.ControlModifier)
    assert window.article_view.zoom() == 125
    assert window.article_view.current_claim_id() == claim.id
    assert "125%" in window.statusBar().currentMessage()
    window.close()
    again = MainWindow(settings, ask_editor=False)
    qtbot.addWidget(again)
    assert again.article_view.zoom() == 125
    again.close()


def test_pending_only_lists_the_articles_with_something_to_check(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.articles_panel
    done = panel.model.articles()[0]
    for claim in window.store.claims(done.id):
        window.store.decide(claim.id, "confirmed", editor=window.editor)
    key(qtbot, window, "P", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    listed = panel.model.articles()
    assert listed and all(a.pending > 0 for a in listed)
    assert done.id not in {a.id for a in listed}
    assert panel.pending_only_button.isChecked() and panel.filter_status() == "pending"
    # The button is the same command: a click shows every article again.
    qtbot.mouseClick(panel.pending_only_button, Qt.MouseButton.LeftButton)
    assert len(panel.model.articles()) == 20
    assert not window.actions_by_id["pending_only"].isChecked() and panel.filter_status() == ""
    # Choosing the filter in the combo checks the button too.
    panel.set_filter_status("pending")
    assert panel.pending_only_button.isChecked()


def test_after_an_import_the_first_new_article_is_shown_and_listed_in_sight(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.resize(1300, 500)  # a short list, so the new article is below the fold
    before = window.current_claim
    assert before is not None
    page = tmp_path / "新稿.txt"
    page.write_text(
        "新稿标题\n\n（记者 王明 报道）今年前三季度，全市新增市场主体1.2万户，同比增长8.5%。\n\n"
        "第二篇\n\n（记者 李华 报道）全年接待游客320万人次。\n",
        "utf-8",
    )
    with qtbot.waitSignal(window.transfers.finished, timeout=60_000):
        window.transfers.start_import([page])
    qtbot.waitUntil(lambda: not window.transfers.is_busy())
    articles = window.articles_panel.model.articles()
    new = [a for a in articles if a.file_name == "新稿.txt"]
    assert new
    shown = window.current_claim
    assert shown is not None and shown.article_id == new[0].id
    panel = window.articles_panel
    assert panel.current_article_id() == new[0].id
    row = panel.model.row_of(new[0].id)
    assert row is not None
    rect = panel.table.visualRect(panel.model.index(row, 0))
    assert panel.table.viewport().rect().contains(rect)
