"""The article pane: highlights where the claims are, styled by status, and the requests it makes."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QHelpEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMainWindow, QToolTip
from pytestqt.qtbot import QtBot

from desktop.store import ReviewStore
from desktop.store.records import ArticleDetail, ClaimView
from desktop.ui.article_view import ArticleView
from desktop.ui.article_view.positions import PositionMap
from desktop.ui.palette import STATUS_STYLES, claim_format, status_icon
from desktop.ui.wording import status_label


def longest(store: ReviewStore) -> tuple[ArticleDetail, list[ClaimView]]:
    article = max(store.articles(), key=lambda a: len(store.article(a.id).text))
    return store.article(article.id), store.claims(article.id)


@pytest.fixture
def view(qtbot: QtBot) -> ArticleView:
    widget = ArticleView()
    qtbot.addWidget(widget)
    return widget


def selected_text(view: ArticleView, index: int) -> str:
    selections = view.extraSelections()  # held: PySide frees a temporary list's cursors with it
    return selections[index].cursor.selectedText()


def select(view: ArticleView, start: int, end: int) -> None:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.document_position(start))
    cursor.setPosition(view.document_position(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def click_point(view: ArticleView, claim: ClaimView) -> QPoint:
    """A point on the middle of the claim's first character."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.document_position(claim.start))
    left = view.cursorRect(cursor)
    cursor.setPosition(view.document_position(claim.start + 1))
    right = view.cursorRect(cursor)
    if right.top() != left.top():  # the claim wraps after its first character
        return QPoint(left.left() + 4, left.center().y())
    return QPoint((left.left() + right.left()) // 2, left.center().y())


def test_each_claim_is_one_highlight_over_its_own_text(store: ReviewStore, view: ArticleView) -> None:
    for article in store.articles():
        detail, claims = store.article(article.id), store.claims(article.id)
        view.show_article(detail, claims)
        selections = view.extraSelections()
        assert len(selections) == len(claims) == article.claims
        ordered = sorted(claims, key=lambda c: (c.start, c.end))
        for index, (selection, claim) in enumerate(zip(selections, ordered, strict=True)):
            assert selection.cursor.selectionStart() == view.document_position(claim.start)
            assert selection.cursor.selectionEnd() == view.document_position(claim.end)
            assert selected_text(view, index) == claim.text == detail.text[claim.start : claim.end]
        assert view.claim_ids() == [c.id for c in ordered]


def test_the_text_is_the_article_plus_one_date_line(store: ReviewStore, view: ArticleView) -> None:
    detail, claims = store.article(1), store.claims(1)
    view.show_article(detail, claims)
    shown = view.toPlainText()
    assert detail.summary.date in shown and detail.summary.file_name in shown
    meta = f"\n{detail.summary.date} · {detail.summary.file_name}"
    assert shown.replace(meta, "", 1) == detail.text
    # The headline is large and bold, the body at reading size.
    headline = view.document().firstBlock()
    assert headline.charFormat().font().pixelSize() == 22
    assert headline.charFormat().font().bold()


def test_orphaned_claims_and_other_articles_claims_are_not_highlighted(
    store: ReviewStore, view: ArticleView
) -> None:
    detail, claims = longest(store)
    orphan = dataclasses.replace(claims[0], orphaned=True)
    stranger = store.claims(1)[0]
    view.show_article(detail, [orphan, *claims[1:], stranger])
    assert len(view.extraSelections()) == len(claims) - 1
    assert claims[0].id not in view.claim_ids() and stranger.id not in view.claim_ids()


def test_update_claim_restyles_only_that_claim(store: ReviewStore, view: ArticleView) -> None:
    detail, claims = longest(store)
    view.show_article(detail, claims)
    before = [QTextCharFormat(s.format) for s in view.extraSelections()]
    assert not any(f.fontStrikeOut() for f in before)

    view.update_claim(dataclasses.replace(claims[3], status="rejected", reason="not-a-claim"))

    after = view.extraSelections()  # held: PySide frees a temporary list's formats with it
    assert len(after) == len(before)
    assert after[3].format.fontStrikeOut()
    assert after[3].format.background().color() == STATUS_STYLES["rejected"].background
    assert selected_text(view, 3) == claims[3].text
    for index, fmt in enumerate(before):
        if index != 3:
            assert after[index].format == fmt


def test_update_claim_adds_a_manual_claim_and_drops_an_orphaned_one(
    store: ReviewStore, view: ArticleView
) -> None:
    detail, claims = longest(store)
    view.show_article(detail, claims[1:])
    view.update_claim(claims[0])
    assert view.claim_ids()[0] == claims[0].id
    view.update_claim(dataclasses.replace(claims[5], orphaned=True))
    assert claims[5].id not in view.claim_ids()
    assert len(view.extraSelections()) == len(claims) - 1


def test_current_claim_is_outlined_and_painted_last(store: ReviewStore, view: ArticleView) -> None:
    detail, claims = longest(store)
    view.show_article(detail, claims)
    view.set_current_claim(claims[2].id)
    assert view.current_claim_id() == claims[2].id
    selections = view.extraSelections()
    assert selections[-1].format == claim_format(claims[2].status, current=True)
    assert selections[-1].cursor.selectedText() == claims[2].text

    view.set_current_claim(claims[4].id)
    assert view.extraSelections()[2].format == claim_format(claims[2].status)
    view.set_current_claim(None)
    assert view.current_claim_id() is None
    selections = view.extraSelections()
    outline = claim_format("pending", current=True).background()
    assert not any(selection.format.background() == outline for selection in selections)


def test_set_current_claim_scrolls_it_into_view(store: ReviewStore, view: ArticleView, qtbot: QtBot) -> None:
    detail, claims = longest(store)
    view.resize(360, 240)
    view.show()
    qtbot.waitExposed(view)
    view.show_article(detail, claims)
    last = claims[-1]
    for claim in (last, claims[0], claims[len(claims) // 2]):
        view.set_current_claim(claim.id)
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.document_position(claim.start))
        assert view.viewport().rect().contains(view.cursorRect(cursor))
    assert view.verticalScrollBar().value() > 0


def test_clicking_a_claim_emits_its_id(store: ReviewStore, view: ArticleView, qtbot: QtBot) -> None:
    detail, claims = longest(store)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    view.show_article(detail, claims)
    for claim in (claims[0], claims[7]):
        view.set_current_claim(claim.id)  # scrolls it into view
        with qtbot.waitSignal(view.claim_clicked, timeout=1000) as blocker:
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=click_point(view, claim))
        assert blocker.args == [claim.id]


def test_clicking_plain_text_emits_nothing(store: ReviewStore, view: ArticleView, qtbot: QtBot) -> None:
    detail, claims = longest(store)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    view.show_article(detail, claims)
    headline_point = QPoint(view.cursorRect(QTextCursor(view.document())).left() + 4, 40)
    with qtbot.assertNotEmitted(view.claim_clicked):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=headline_point)


def test_claim_at_maps_text_positions(store: ReviewStore, view: ArticleView) -> None:
    detail, claims = longest(store)
    view.show_article(detail, claims)
    claim = claims[0]
    assert view.claim_at(claim.start) == claim.id
    assert view.claim_at(claim.end - 1) == claim.id
    assert view.claim_at(claim.end) != claim.id
    assert view.claim_at(0) is None


def test_context_menu_actions_request_with_text_offsets(
    store: ReviewStore, view: ArticleView, qtbot: QtBot
) -> None:
    detail, claims = store.article(1), store.claims(1)  # has a date line shifting later positions
    view.show_article(detail, claims)
    start = detail.text.index("记者在市政府")
    end = start + 2
    select(view, start, end)
    assert view.textCursor().selectedText() == "记者"
    assert view.add_claim_action.isEnabled() and view.reject_selection_action.isEnabled()

    with qtbot.waitSignal(view.add_claim_requested, timeout=1000) as added:
        view.add_claim_action.trigger()
    assert added.args == [start, end]
    with qtbot.waitSignal(view.reject_selection_requested, timeout=1000) as rejected:
        view.reject_selection_action.trigger()
    assert rejected.args == [start, end]


def test_selection_actions_need_a_usable_selection(
    store: ReviewStore, view: ArticleView, qtbot: QtBot
) -> None:
    detail, claims = store.article(1), store.claims(1)
    view.show_article(detail, claims)
    assert not view.add_claim_action.isEnabled()
    paragraph_break = detail.text.index("\n", detail.parts[-1].start - 1)
    select(view, paragraph_break - 2, paragraph_break + 2)  # across two paragraphs
    assert not view.add_claim_action.isEnabled()
    with qtbot.assertNotEmitted(view.add_claim_requested):
        view.add_claim_action.trigger()


# The offscreen platform warns when a main window is shown; that is not ours to fix.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_single_letter_shortcuts_reach_the_window(store: ReviewStore, qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    view = ArticleView()
    window.setCentralWidget(view)
    detail, claims = longest(store)
    view.show_article(detail, claims)
    next_claim = QAction("Next", window)
    next_claim.setShortcut(QKeySequence("J"))
    next_claim.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    window.addAction(next_claim)
    window.show()
    qtbot.waitExposed(window)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    with qtbot.waitSignal(next_claim.triggered, timeout=1000):
        qtbot.keyClick(view, Qt.Key.Key_J)
    select(view, 0, 2)  # a selection does not swallow it either
    with qtbot.waitSignal(next_claim.triggered, timeout=1000):
        qtbot.keyClick(view, Qt.Key.Key_J)


def test_position_map_counts_utf16_units_and_skips_the_inserted_line() -> None:
    text = "𠀀数字\n正文12"
    positions = PositionMap(text, insert_at=3, inserted=5)
    assert positions.to_document(0) == 0
    assert positions.to_document(1) == 2  # after a surrogate pair
    assert positions.to_document(3) == 4
    assert positions.to_document(4) == 10
    assert positions.to_text(10) == 4
    assert positions.to_text(6) is None
    assert positions.to_text(2) == 1


def test_palette_has_a_label_and_icon_per_status(qtbot: QtBot) -> None:
    for status, style in STATUS_STYLES.items():
        assert status_label(status)
        assert style.glyph
        assert not status_icon(status).isNull()
    underlines = {style.underline for style in STATUS_STYLES.values() if not style.strike_out}
    assert len(underlines) == 3  # each status has its own non-colour cue


# The offscreen platform cannot raise the tooltip's window; that is no fault of ours.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_rejected_claims_tooltip_says_why(store: ReviewStore, view: ArticleView, qtbot: QtBot) -> None:
    article = store.articles()[0]
    claim = store.claims(article.id)[2]
    store.decide(claim.id, "rejected", editor="编辑", reason="wrong-number")
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    view.show_article(store.article(article.id), store.claims(article.id))
    view.set_current_claim(claim.id)  # scrolled into sight
    point = click_point(view, claim)
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.text() == f"✗ Rejected (wrong number): {claim.text}"
    QToolTip.hideText()


def test_the_current_claim_stays_in_sight_when_the_view_is_resized(
    store: ReviewStore, view: ArticleView, qtbot: QtBot
) -> None:
    detail, claims = longest(store)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.show_article(detail, claims)
    target = claims[len(claims) * 2 // 3]
    view.set_current_claim(target.id)
    view.resize(420, 500)  # the text reflows into many more lines
    qtbot.waitUntil(lambda: view.viewport().width() < 500)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.document_position(target.start))
    assert view.viewport().rect().contains(view.cursorRect(cursor))
