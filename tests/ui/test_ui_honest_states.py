"""The window says what is true: no-number articles are not done, counts follow every change,
a claim set back to pending has no reviewer, undo says what it undid, the place is kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.store.records import ArticleSummary
from desktop.ui.main_window import MainWindow


def _row(window: MainWindow, article_id: int) -> ArticleSummary:
    model = window.articles_panel.model
    row = model.row_of(article_id)
    assert row is not None
    return model.summary(row)


def _at_the_article(qtbot: QtBot, window: MainWindow) -> None:
    window.article_view.setFocus()
    qtbot.waitUntil(window.article_view.hasFocus)


def test_articles_without_numbers_are_neither_done_nor_pending(window: MainWindow) -> None:
    empty = {a.id for a in window.session.articles if a.claims == 0}
    assert empty
    panel = window.articles_panel
    panel.set_filter_status("done")
    assert not empty & {a.id for a in panel.model.articles()}
    panel.set_filter_status("pending")
    assert not empty & {a.id for a in panel.model.articles()}
    panel.set_filter_status("none")
    assert {a.id for a in panel.model.articles()} == empty


def test_adding_a_number_counts_at_once(qtbot: QtBot, window: MainWindow) -> None:
    article_id = window.session.article_id
    assert article_id is not None
    before = _row(window, article_id).claims
    text = window.store.article(article_id).text
    start = text.index("七个结合")  # inside quotes: a name, so the detector left it out
    window.article_view.add_claim_requested.emit(start, start + 2)
    assert _row(window, article_id).claims == before + 1
    assert window.status.progress_label.text() == "Reviewed 0 of 504"


def test_undo_counts_at_once_and_says_what_it_undid(qtbot: QtBot, window: MainWindow) -> None:
    _at_the_article(qtbot, window)
    claim = window.current_claim
    assert claim is not None
    with qtbot.waitSignal(window.decision_saved):
        qtbot.keyClick(window.article_view, "X", Qt.KeyboardModifier.ShiftModifier)
    assert _row(window, claim.article_id).rejected == 1
    assert window.status.progress_label.text() == "Reviewed 1 of 503"

    with qtbot.waitSignal(window.decision_saved):
        qtbot.keyClick(window.article_view, "Z", Qt.KeyboardModifier.ControlModifier)
    assert _row(window, claim.article_id).rejected == 0
    assert window.status.progress_label.text() == "Reviewed 0 of 503"
    assert window.statusBar().currentMessage() == f"Undone: Reject “{claim.text}” (wrong number)"

    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(window.decision_saved):
        qtbot.keyClick(window.article_view, "Z", redo)
    assert window.statusBar().currentMessage() == f"Redone: Reject “{claim.text}” (wrong number)"
    assert _row(window, claim.article_id).rejected == 1


def test_a_claim_set_back_to_pending_names_no_reviewer(qtbot: QtBot, window: MainWindow) -> None:
    _at_the_article(qtbot, window)
    claim = window.current_claim
    assert claim is not None
    with qtbot.waitSignal(window.decision_saved):
        qtbot.keyClick(window.article_view, "Y")
    with qtbot.waitSignal(window.decision_saved):
        qtbot.keyClick(window.article_view, "Z", Qt.KeyboardModifier.ControlModifier)
    undone = window.store.claim(claim.id)
    assert undone.status == "pending" and undone.editor  # the store knows who set it back
    assert window.inspector.claim_id() == claim.id
    assert window.inspector.decided_label.text() == "not decided yet"
    assert window.inspector.history_entries_shown() == 2  # the decision and its undoing stay


def test_the_decision_counts_its_changes_instead_of_a_version(qtbot: QtBot, window: MainWindow) -> None:
    _at_the_article(qtbot, window)
    claim = window.current_claim
    assert claim is not None
    captions = {label.text() for label in window.inspector.findChildren(QLabel, "fieldCaption")}
    assert "Times changed" in captions and "Version" not in captions
    assert window.inspector.changes_field.text() == "none"
    window.session.set_note(claim.id, "电话核实")
    window.session.set_note(claim.id, "电话核实过")
    assert window.inspector.changes_field.text() == "2"


def test_the_window_reopens_on_the_claim_it_closed_on(
    qtbot: QtBot, window: MainWindow, settings: QSettings, tmp_path: Path
) -> None:
    _at_the_article(qtbot, window)
    qtbot.keyClick(window.article_view, "]")
    for _ in range(3):
        qtbot.keyClick(window.article_view, "J")
    claim = window.current_claim
    assert claim is not None
    first_pending = next(c for c in window.store.claims(claim.article_id) if c.status == "pending")
    assert claim.id != first_pending.id  # reopening on the article alone would land elsewhere
    window.close()

    again = MainWindow(settings, ask_editor=False)
    qtbot.addWidget(again)
    assert again.open_database(tmp_path / "review.sqlite")
    assert again.current_claim is not None and again.current_claim.id == claim.id
    assert again.claim_list.current_claim_id() == claim.id
    again.close()
