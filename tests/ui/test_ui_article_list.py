"""The article list: model, progress delegate, filter, search and selection."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.store import ReviewStore
from desktop.store.records import ArticleSummary, SearchHit
from desktop.ui.article_list import (
    SEARCH_DELAY_MS,
    ArticleIdRole,
    ArticleListModel,
    ArticleListPanel,
    Column,
    ProgressRole,
)

EDITOR = "测试编辑"

# The offscreen platform cannot resize a shown top-level window to its hints; that is no fault of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _type_chinese(widget: QWidget, text: str) -> None:
    """Commit `text` through the input method, as a pinyin IME does (QTest.keyClicks takes ASCII only)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _decide_some(store: ReviewStore, article_id: int, count: int, status: str = "confirmed") -> None:
    for claim in store.claims(article_id)[:count]:
        store.decide(claim.id, status, editor=EDITOR)


@pytest.fixture
def model(store: ReviewStore) -> ArticleListModel:
    model = ArticleListModel()
    model.set_articles(store.articles())
    return model


@pytest.fixture
def panel(qtbot: QtBot, store: ReviewStore) -> Iterator[ArticleListPanel]:
    widget = ArticleListPanel()
    qtbot.addWidget(widget)
    widget.set_articles(store.articles())
    widget.resize(420, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def _first_with_claims(store: ReviewStore, minimum: int = 3) -> ArticleSummary:
    return next(summary for summary in store.articles() if summary.claims >= minimum)


# -- model ----------------------------------------------------------------


def test_model_passes_the_model_tester(
    qtmodeltester: ModelTester, store: ReviewStore, model: ArticleListModel
) -> None:
    qtmodeltester.check(model)
    target = _first_with_claims(store)
    _decide_some(store, target.id, 2)
    model.update_article(store.article(target.id).summary)
    qtmodeltester.check(model)


def test_model_rows_match_the_store(store: ReviewStore, model: ArticleListModel) -> None:
    articles = store.articles()
    assert len(articles) == 20
    assert model.rowCount() == 20
    assert model.columnCount() == len(Column) == 4
    display = Qt.ItemDataRole.DisplayRole
    for row, summary in enumerate(articles):
        assert model.data(model.index(row, Column.HEADLINE), display) == summary.headline
        assert model.data(model.index(row, Column.DATE), display) == summary.date
        assert model.data(model.index(row, Column.FILE), display) == summary.file_name
        counts = f"{summary.reviewed}/{summary.claims}" if summary.claims else "No numbers"
        assert model.data(model.index(row, Column.PROGRESS), display) == counts
        assert model.data(model.index(row, Column.HEADLINE), ArticleIdRole) == summary.id
        tooltip = model.data(model.index(row, Column.HEADLINE), Qt.ItemDataRole.ToolTipRole)
        assert tooltip.startswith(summary.headline) and summary.file_name in tooltip
        assert model.article_id(row) == summary.id
        assert model.row_of(summary.id) == row
        assert model.summary(row) == summary
    assert model.row_of(10_000) is None
    headers = [model.headerData(column, Qt.Orientation.Horizontal) for column in Column]
    assert headers == ["Headline", "Date", "Source file", "Progress"]
    # A flat table: no children under any row.
    assert model.rowCount(model.index(0, 0)) == 0


def test_progress_role_and_tooltip(store: ReviewStore, model: ArticleListModel) -> None:
    target = _first_with_claims(store, minimum=4)
    _decide_some(store, target.id, 3)
    store.decide(store.claims(target.id)[3].id, "rejected", editor=EDITOR, reason="not-a-claim")
    summary = store.article(target.id).summary
    model.update_article(summary)
    row = model.row_of(target.id)
    assert row is not None
    index = model.index(row, Column.PROGRESS)
    assert model.data(index, ProgressRole) == pytest.approx(4 / summary.claims)
    assert model.data(index) == f"4/{summary.claims}"
    tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert f"Pending: {summary.claims - 4}" in tooltip
    assert "Confirmed: 3" in tooltip
    assert "Rejected: 1" in tooltip

    for other_row in range(model.rowCount()):
        if not model.summary(other_row).claims:
            continue
        share = model.data(model.index(other_row, Column.PROGRESS), ProgressRole)
        assert isinstance(share, float)
        assert 0.0 <= share <= 1.0


def test_an_article_with_no_numbers_is_not_done(store: ReviewStore, panel: ArticleListPanel) -> None:
    model = panel.model
    empty = next(row for row in range(model.rowCount()) if model.summary(row).claims == 0)
    index = model.index(empty, Column.PROGRESS)
    assert model.data(index, ProgressRole) is None  # no share: not 100 %
    assert model.data(index) == "No numbers"
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "No numbers found in this article"
    # Painted without the bar or the ✓ of a finished article.
    image = panel.table.viewport().grab().toImage()
    rect = panel.table.visualRect(index)
    colours = {
        image.pixelColor(x, y).name()
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
    }
    assert "#009e73" not in colours


def test_update_article_signals_only_its_row(
    qtbot: QtBot, store: ReviewStore, model: ArticleListModel
) -> None:
    target = _first_with_claims(store)
    row = model.row_of(target.id)
    assert row is not None
    _decide_some(store, target.id, 1)
    summary = store.article(target.id).summary

    def just_that_row(top_left: QModelIndex, bottom_right: QModelIndex, _roles: object = None) -> bool:
        return (
            top_left.row() == row
            and bottom_right.row() == row
            and top_left.column() == 0
            and bottom_right.column() == model.columnCount() - 1
        )

    with qtbot.waitSignal(model.dataChanged, timeout=1000, check_params_cb=just_that_row):
        assert model.update_article(summary)
    assert model.summary(row) == summary
    assert model.data(model.index(row, Column.PROGRESS)) == f"1/{summary.claims}"


def test_update_article_of_an_unlisted_article_changes_nothing(
    qtbot: QtBot, store: ReviewStore, model: ArticleListModel
) -> None:
    model.set_articles(store.articles()[:5])
    outside = store.articles()[10]
    with qtbot.assertNotEmitted(model.dataChanged):
        assert not model.update_article(outside)
    assert model.rowCount() == 5


# -- panel ------------------------------------------------------------------


def test_selecting_a_row_emits_its_article_id(
    qtbot: QtBot, store: ReviewStore, panel: ArticleListPanel
) -> None:
    expected = store.articles()[3].id
    with qtbot.waitSignal(panel.article_selected, timeout=1000) as blocker:
        panel.table.selectRow(3)
    assert blocker.args == [expected]
    assert panel.current_article_id() == expected


def test_clicking_a_row_emits_its_article_id(
    qtbot: QtBot, store: ReviewStore, panel: ArticleListPanel
) -> None:
    expected = store.articles()[2].id
    rect = panel.table.visualRect(panel.model.index(2, Column.DATE))
    with qtbot.waitSignal(panel.article_selected, timeout=1000) as blocker:
        qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [expected]


def test_filter_combo_emits_the_filter(qtbot: QtBot, panel: ArticleListPanel) -> None:
    assert [panel.filter_combo.itemData(i) for i in range(panel.filter_combo.count())] == [
        "",
        "pending",
        "done",
        "none",
    ]
    with qtbot.waitSignal(panel.filter_changed, timeout=1000) as blocker:
        panel.filter_combo.setCurrentIndex(1)
    assert blocker.args == ["pending"]
    with qtbot.waitSignal(panel.filter_changed, timeout=1000) as blocker:
        panel.set_filter_status("done")
    assert blocker.args == ["done"]
    with qtbot.waitSignal(panel.filter_changed, timeout=1000) as blocker:
        panel.set_filter_status(None)
    assert blocker.args == [""]
    assert panel.filter_status() == ""


def test_set_articles_keeps_the_current_article_quietly(
    qtbot: QtBot, store: ReviewStore, panel: ArticleListPanel
) -> None:
    target = _first_with_claims(store)
    panel.select_article(target.id)
    _decide_some(store, target.id, 1)
    with qtbot.assertNotEmitted(panel.article_selected):
        panel.set_articles(store.articles("pending"))
    assert panel.current_article_id() == target.id


def test_typing_in_the_search_box_requests_a_search_after_the_delay(
    qtbot: QtBot, panel: ArticleListPanel
) -> None:
    with qtbot.waitSignal(panel.search_requested, timeout=SEARCH_DELAY_MS * 10) as blocker:
        qtbot.keyClicks(panel.search_edit, "2021")
    # One request for the whole word, not one per key.
    assert blocker.args == ["2021"]
    panel.search_edit.clear()

    with qtbot.waitSignal(panel.search_requested, timeout=SEARCH_DELAY_MS * 10) as blocker:
        _type_chinese(panel.search_edit, "增长")
        # Debounced: nothing is asked while the editor is still typing.
        assert panel._search_timer.isActive()
    assert blocker.args == ["增长"]


def test_enter_searches_at_once_and_clearing_asks_for_no_search(
    qtbot: QtBot, panel: ArticleListPanel
) -> None:
    panel.search_edit.setText("滨州")
    with qtbot.waitSignal(panel.search_requested, timeout=100) as blocker:
        qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)
    assert blocker.args == ["滨州"]
    assert not panel._search_timer.isActive()

    # Esc is the window's "back to the article" (tests/ui/test_ui_keys.py), which clears it so.
    with qtbot.waitSignal(panel.search_requested, timeout=100) as blocker:
        panel.clear_search()
    assert blocker.args == [""]
    assert panel.search_edit.text() == ""
    assert panel.results_list.isHidden()


def _search(qtbot: QtBot, store: ReviewStore, panel: ArticleListPanel, text: str) -> list[SearchHit]:
    with qtbot.waitSignal(panel.search_requested, timeout=SEARCH_DELAY_MS * 10) as blocker:
        _type_chinese(panel.search_edit, text)
    hits = store.search(blocker.args[0])
    panel.show_search_results(hits)
    return hits


def test_activating_a_search_hit_emits_its_article_and_claim(
    qtbot: QtBot, store: ReviewStore, panel: ArticleListPanel
) -> None:
    hits = _search(qtbot, store, panel, "增长")
    assert hits
    assert panel.results_list.isVisible()
    assert panel.results_list.count() == len(hits)

    second = panel.results_list.item(1) if len(hits) > 1 else panel.results_list.item(0)
    expected = hits[1] if len(hits) > 1 else hits[0]
    rect = panel.results_list.visualItemRect(second)
    viewport = panel.results_list.viewport()
    with qtbot.waitSignal(panel.search_hit_activated, timeout=1000) as blocker:
        # A real double click starts with a click; QTest's mouseDClick sends only the second half.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [expected.article_id, expected.claim_id]


def test_down_arrow_moves_into_the_results_and_enter_activates(
    qtbot: QtBot, store: ReviewStore, panel: ArticleListPanel
) -> None:
    hits = _search(qtbot, store, panel, "增长")
    panel.focus_search()
    qtbot.waitUntil(panel.search_edit.hasFocus, timeout=1000)
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Down)
    assert panel.results_list.hasFocus()
    assert panel.results_list.currentRow() == 0
    with qtbot.waitSignal(panel.search_hit_activated, timeout=1000) as blocker:
        qtbot.keyClick(panel.results_list, Qt.Key.Key_Return)
    assert blocker.args == [hits[0].article_id, hits[0].claim_id]
    # Up from the first hit goes back to the search box.
    qtbot.keyClick(panel.results_list, Qt.Key.Key_Up)
    assert panel.search_edit.hasFocus()


def test_claim_hits_carry_their_claim_id(qtbot: QtBot, store: ReviewStore, panel: ArticleListPanel) -> None:
    claim = next(claim for claim in store.claims() if len(claim.subject) >= 2)
    hits = _search(qtbot, store, panel, claim.subject)
    row = next(row for row, hit in enumerate(hits) if hit.claim_id == claim.id)
    item = panel.results_list.item(row)
    assert claim.subject in item.toolTip()
    panel.results_list.setCurrentRow(row)
    with qtbot.waitSignal(panel.search_hit_activated, timeout=1000) as blocker:
        qtbot.keyClick(panel.results_list, Qt.Key.Key_Enter)
    assert blocker.args == [claim.article_id, claim.id]


def test_no_matches_shows_a_line_that_cannot_be_activated(qtbot: QtBot, panel: ArticleListPanel) -> None:
    panel.search_edit.setText("没有这种文字")
    panel.show_search_results([])
    assert panel.results_list.isVisible()
    assert panel.results_list.count() == 1
    assert not panel.results_list.item(0).flags() & Qt.ItemFlag.ItemIsEnabled
    with qtbot.assertNotEmitted(panel.search_hit_activated):
        panel.results_list.itemActivated.emit(panel.results_list.item(0))


def test_select_article_scrolls_to_it_and_emits_once(
    qtbot: QtBot, store: ReviewStore, panel: ArticleListPanel
) -> None:
    panel.resize(420, 300)
    QApplication.processEvents()
    last = store.articles()[-1]
    row = panel.model.row_of(last.id)
    assert row is not None
    viewport = panel.table.viewport().rect()
    assert not viewport.intersects(panel.table.visualRect(panel.model.index(row, 0)))

    with qtbot.waitSignal(panel.article_selected, timeout=1000) as blocker:
        assert panel.select_article(last.id)
    assert blocker.args == [last.id]
    assert panel.table.currentIndex().row() == row
    assert viewport.contains(panel.table.visualRect(panel.model.index(row, 0)))

    with qtbot.assertNotEmitted(panel.article_selected):
        assert panel.select_article(last.id)
    assert not panel.select_article(10_000)


def test_focus_search_focuses_and_selects_the_text(qtbot: QtBot, panel: ArticleListPanel) -> None:
    panel.search_edit.setText("滨州")
    panel.table.setFocus()
    panel.activateWindow()
    panel.focus_search()
    qtbot.waitUntil(panel.search_edit.hasFocus, timeout=1000)
    assert panel.search_edit.selectedText() == "滨州"


def test_progress_delegate_paints_every_row(store: ReviewStore, panel: ArticleListPanel) -> None:
    target = _first_with_claims(store)
    _decide_some(store, target.id, target.claims)
    panel.update_article(store.article(target.id).summary)
    image = panel.table.viewport().grab().toImage()
    assert not image.isNull()
    row = panel.model.row_of(target.id)
    assert row is not None
    rect = panel.table.visualRect(panel.model.index(row, Column.PROGRESS))
    colours = {image.pixelColor(x, rect.center().y() + 1).name() for x in range(rect.left(), rect.right())}
    assert "#009e73" in colours
