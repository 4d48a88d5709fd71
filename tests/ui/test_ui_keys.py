"""Keys on the real window: a decision key is only ever taken by the review.

Every key here is a QTest key event sent to the widget that has the focus in
the shown, active main window, so it goes through Qt's shortcut machinery as
a key from the keyboard does.  The store is asked what was decided.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.store.records import ClaimView
from desktop.ui.main_window import MainWindow

NO_MODIFIER = Qt.KeyboardModifier.NoModifier

# The offscreen platform cannot raise a popup or grab the keyboard for it (the tag completer).
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (raise|grabbing the keyboard)")


def focused(window: MainWindow) -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None and widget.window() is window, "the focus left the window"
    return widget


def press(
    qtbot: QtBot, window: MainWindow, key: str | Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER
) -> None:
    """One key, delivered where the keyboard would deliver it: to the focused widget."""
    qtbot.keyClick(focused(window), key, modifier)


def type_chinese(window: MainWindow, text: str) -> None:
    """Chinese arrives as an input-method commit, as a pinyin input method sends it."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(focused(window), event)


def at_the_article(qtbot: QtBot, window: MainWindow) -> ClaimView:
    window.article_view.setFocus()
    qtbot.waitUntil(window.article_view.hasFocus)
    claim = window.current_claim
    assert claim is not None and claim.status == "pending"
    return claim


def decided(window: MainWindow) -> int:
    return window.store.progress()[0]


# -- Return in a list opens the item -------------------------------------------------------------


@pytest.mark.parametrize("enter", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_return_in_the_search_results_opens_the_hit_and_decides_nothing(
    qtbot: QtBot, window: MainWindow, enter: Qt.Key
) -> None:
    claim = at_the_article(qtbot, window)
    press(qtbot, window, "F", Qt.KeyboardModifier.ControlModifier)
    panel = window.articles_panel
    assert panel.search_edit.hasFocus()
    qtbot.keyClicks(focused(window), "2021")
    press(qtbot, window, Qt.Key.Key_Return)  # search now, without waiting for the pause
    qtbot.waitUntil(panel.results_list.isVisible)
    hit = window.store.search("2021")[0]
    assert hit.article_id != claim.article_id

    press(qtbot, window, Qt.Key.Key_Down)
    assert panel.results_list.hasFocus()
    with qtbot.waitSignal(window.article_shown) as shown:
        press(qtbot, window, enter)

    assert shown.args == [hit.article_id]
    assert window.store.claim(claim.id).status == "pending"
    assert decided(window) == 0
    assert QApplication.focusWidget() is window.article_view
    # The keys are the review's again: Y decides the claim now shown, in the article opened.
    opened = window.current_claim
    assert opened is not None and opened.article_id == hit.article_id
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, window, "Y")
    assert window.store.claim(opened.id).status == "confirmed"
    assert window.store.claim(claim.id).status == "pending"


def test_enter_on_a_claim_hit_shows_that_claim(qtbot: QtBot, window: MainWindow) -> None:
    first = at_the_article(qtbot, window)
    target = next(
        c
        for c in window.store.claims()
        if len(c.subject) >= 3 and c.article_id != first.article_id and c.id != first.id
    )
    press(qtbot, window, "F", Qt.KeyboardModifier.ControlModifier)
    type_chinese(window, target.subject)
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(window.articles_panel.results_list.isVisible)
    hits = window.store.search(target.subject)
    row = next(row for row, hit in enumerate(hits) if hit.claim_id == target.id)
    for _ in range(row + 1):  # into the list, then down to the claim's hit
        press(qtbot, window, Qt.Key.Key_Down)
    assert window.articles_panel.results_list.currentRow() == row
    with qtbot.waitSignal(window.article_shown):
        press(qtbot, window, Qt.Key.Key_Enter)
    assert window.current_claim is not None and window.current_claim.id == target.id
    assert decided(window) == 0
    assert QApplication.focusWidget() is window.article_view


@pytest.mark.parametrize("enter", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_return_in_the_article_list_opens_the_article_and_decides_nothing(
    qtbot: QtBot, window: MainWindow, enter: Qt.Key
) -> None:
    at_the_article(qtbot, window)
    table = window.articles_panel.table
    row = table.currentIndex().row()
    # A click on the list gives it the focus, as Qt does for any list.
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(table.hasFocus)
    press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_Down)
    wanted = window.articles_panel.model.article_id(row + 2)
    assert window.current_claim is not None and window.current_claim.article_id == wanted
    # Letters, digits and Return in the list are the list's: none of them decides.
    for key in ("Y", "X", "1", "J"):
        press(qtbot, window, key)
    press(qtbot, window, enter)

    assert decided(window) == 0
    assert QApplication.focusWidget() is window.article_view
    opened = window.current_claim
    assert opened is not None and opened.article_id == wanted
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, window, "Y")
    assert window.store.claim(opened.id).status == "confirmed"
    assert decided(window) == 1


# -- Esc in a field drops the typing and gives the keys back to the review ------------------------


def open_field(qtbot: QtBot, window: MainWindow, which: str) -> QWidget:
    """Open a field the way the editor does, by its key, and return it."""
    inspector = window.inspector
    opened = {
        "correction": ("E", NO_MODIFIER, inspector.value_edit),
        "search": ("F", Qt.KeyboardModifier.ControlModifier, window.articles_panel.search_edit),
        "tag": ("T", NO_MODIFIER, inspector.source_edit),
        "note": ("N", NO_MODIFIER, inspector.note_edit),
    }
    key, modifier, field = opened[which]
    press(qtbot, window, key, modifier)
    assert field.hasFocus()
    return field


def field_text(field: QWidget) -> str:
    text = field.property("plainText") if field.property("plainText") is not None else field.property("text")
    return str(text)


@pytest.mark.parametrize("which", ["correction", "search", "tag", "note"])
def test_esc_in_a_field_drops_the_typing_and_the_next_y_confirms(
    qtbot: QtBot, window: MainWindow, which: str
) -> None:
    claim = at_the_article(qtbot, window)
    field = open_field(qtbot, window, which)
    qtbot.keyClicks(focused(window), "yjk")
    assert "yjk" in field_text(field)

    press(qtbot, window, Qt.Key.Key_Escape)
    assert field_text(field) == ""
    assert QApplication.focusWidget() is window.article_view
    if which == "correction":
        assert window.inspector.unit_edit.text() == ""
        assert not window.inspector.correction_error_text()
    if which == "search":
        assert window.articles_panel.results_list.isHidden()

    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, window, "Y")
    saved = window.store.claim(claim.id)
    assert saved.status == "confirmed"
    assert (saved.corrected_value, saved.sources, saved.note) == (None, (), "")
    assert field_text(field) == ""  # nothing was typed into the field after Esc
    assert decided(window) == 1


def test_esc_in_the_note_keeps_the_saved_note_and_never_saves_the_stray_letters(
    qtbot: QtBot, window: MainWindow
) -> None:
    claim = at_the_article(qtbot, window)
    window.store.decide(claim.id, "pending", editor=window.editor, note="电话核实过")
    window.session.show_article(claim.article_id, claim.id)  # the note as another session saved it
    at_the_article(qtbot, window)
    note = open_field(qtbot, window, "note")
    assert window.inspector.note_edit.toPlainText() == "电话核实过"
    qtbot.keyClicks(note, "yjk")

    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.inspector.note_edit.toPlainText() == "电话核实过"
    assert QApplication.focusWidget() is window.article_view
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, window, "Y")
    # The focus moves on, across claims and articles: the note is saved by no move.
    press(qtbot, window, "J")
    press(qtbot, window, "]")
    window.inspector.note_edit.setFocus()
    window.article_view.setFocus()
    qtbot.waitUntil(window.article_view.hasFocus)

    saved = window.store.claim(claim.id)
    assert (saved.status, saved.note) == ("confirmed", "电话核实过")
    notes = {str(entry.after.get("note", "")) for entry in window.store.history(claim.id)}
    assert not any("y" in note or "j" in note or "k" in note for note in notes)


def test_esc_closes_the_tag_completion_first_then_returns_to_the_article(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.inspector.set_known_sources(["国家统计局", "统计公报"])
    claim = at_the_article(qtbot, window)
    open_field(qtbot, window, "tag")
    type_chinese(window, "统计")
    popup = window.inspector.source_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert window.inspector.source_edit.hasFocus()  # the first Esc only closed the list
    assert window.inspector.source_edit.text() == "统计"
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.inspector.source_edit.text() == ""
    assert QApplication.focusWidget() is window.article_view
    assert window.store.claim(claim.id).sources == ()


def test_esc_in_the_search_results_leaves_the_search(qtbot: QtBot, window: MainWindow) -> None:
    claim = at_the_article(qtbot, window)
    press(qtbot, window, "F", Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(window), "2021")
    press(qtbot, window, Qt.Key.Key_Return)
    panel = window.articles_panel
    qtbot.waitUntil(panel.results_list.isVisible)
    press(qtbot, window, Qt.Key.Key_Down)
    assert panel.results_list.hasFocus()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert panel.search_edit.text() == ""
    assert panel.results_list.isHidden()
    assert QApplication.focusWidget() is window.article_view
    assert window.current_claim == claim


# -- fields keep their own keys ---------------------------------------------------------------------


def test_return_in_the_note_is_a_new_line_not_a_confirmation(qtbot: QtBot, window: MainWindow) -> None:
    claim = at_the_article(qtbot, window)
    note = open_field(qtbot, window, "note")
    qtbot.keyClicks(note, "a")
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.keyClicks(note, "b")
    assert window.inspector.note_edit.toPlainText() == "a\nb"
    assert window.store.claim(claim.id).status == "pending"
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.store.claim(claim.id).note == "a\nb"
    assert window.store.claim(claim.id).status == "pending"


# -- rejecting with a reason ------------------------------------------------------------------------


def test_x_rejects_as_not_a_claim_and_shift_x_as_a_wrong_number(qtbot: QtBot, window: MainWindow) -> None:
    first = at_the_article(qtbot, window)
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, window, "X")
    second = window.current_claim
    assert second is not None and second.id != first.id
    with qtbot.waitSignal(window.decision_saved):
        press(qtbot, window, "X", Qt.KeyboardModifier.ShiftModifier)
    assert (window.store.claim(first.id).status, window.store.claim(first.id).reason) == (
        "rejected",
        "not-a-claim",
    )
    assert (window.store.claim(second.id).status, window.store.claim(second.id).reason) == (
        "rejected",
        "wrong-number",
    )
    assert decided(window) == 2
