"""The claim list: its model and proxy, and how it follows the review (and the review it)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.store import ReviewStore
from desktop.store.records import ClaimView
from desktop.ui.claim_list import ClaimFilterProxy, ClaimIdRole, ClaimListModel, ClaimListPanel, Column
from desktop.ui.main_window import MainWindow
from desktop.ui.wording import typed_form

EDITOR = "测试编辑"


def _longest_article(store: ReviewStore) -> int:
    return max(store.articles(), key=lambda a: a.claims).id


@pytest.fixture
def claims(store: ReviewStore) -> list[ClaimView]:
    return store.claims(_longest_article(store))


def test_the_model_and_its_proxy_pass_the_model_tester(
    qtmodeltester: ModelTester, claims: list[ClaimView]
) -> None:
    model = ClaimListModel()
    model.set_claims(claims)
    qtmodeltester.check(model, force_py=True)
    proxy = ClaimFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_status("pending")
    proxy.sort(Column.VALUE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)


def test_rows_show_each_claims_text_value_unit_kind_and_status(
    qapp: QApplication, claims: list[ClaimView]
) -> None:
    model = ClaimListModel()
    model.set_claims(claims)
    assert model.rowCount() == len(claims)
    for row, claim in enumerate(claims):
        cell = {column: model.index(row, column).data() for column in Column}
        assert cell[Column.POSITION] == str(row + 1)
        assert cell[Column.TEXT] == claim.text
        assert cell[Column.UNIT] == claim.unit
        assert cell[Column.KIND]
        assert cell[Column.STATUS] == "Pending"
        assert model.index(row, 0).data(ClaimIdRole) == claim.id
        assert model.index(row, Column.STATUS).data(Qt.ItemDataRole.DecorationRole) is not None


def test_a_decision_changes_only_its_own_row(
    store: ReviewStore, claims: list[ClaimView], qtbot: QtBot
) -> None:
    model = ClaimListModel()
    model.set_claims(claims)
    target = claims[3]
    saved = store.decide(target.id, "rejected", editor=EDITOR, reason="wrong-number").claim
    with qtbot.waitSignal(model.dataChanged) as changed:
        assert model.update_claim(saved)
    top, bottom = changed.args[0], changed.args[1]
    assert (top.row(), bottom.row()) == (3, 3)
    assert (top.column(), bottom.column()) == (0, len(Column) - 1)
    assert "wrong number" in model.index(3, Column.STATUS).data()


def test_the_proxy_filters_by_status_and_kind_and_sorts_numbers_as_numbers(
    store: ReviewStore, claims: list[ClaimView]
) -> None:
    for claim in claims[:5]:
        store.decide(claim.id, "confirmed", editor=EDITOR)
    model = ClaimListModel()
    model.set_claims(store.claims(claims[0].article_id))
    proxy = ClaimFilterProxy()
    proxy.setSourceModel(model)

    proxy.set_status("confirmed")
    assert proxy.rowCount() == 5
    proxy.set_status("")
    kind = claims[0].kind
    proxy.set_kind(kind)
    assert proxy.rowCount() == sum(1 for c in claims if c.kind == kind)
    proxy.set_kind("")

    proxy.sort(Column.VALUE, Qt.SortOrder.AscendingOrder)
    values = [model.claim(proxy.mapToSource(proxy.index(r, 0)).row()).value for r in range(proxy.rowCount())]
    assert values == sorted(values)
    # "#" sorts back into reading order.
    proxy.sort(Column.POSITION, Qt.SortOrder.AscendingOrder)
    ids = [proxy.index(r, 0).data(ClaimIdRole) for r in range(proxy.rowCount())]
    assert ids == [c.id for c in claims]


def test_the_filter_combos_narrow_the_list_and_say_how_many(
    qtbot: QtBot, claims: list[ClaimView], store: ReviewStore
) -> None:
    store.decide(claims[0].id, "confirmed", editor=EDITOR)
    panel = ClaimListPanel()
    qtbot.addWidget(panel)
    panel.set_claims(store.claims(claims[0].article_id))
    assert panel.count_label.text() == f"{len(claims)} claims"
    panel.set_status_filter("confirmed")
    assert panel.visible_claim_ids() == [claims[0].id]
    assert panel.count_label.text() == f"1 of {len(claims)} claims"
    panel.set_status_filter("")
    panel.set_kind_filter(claims[1].kind)
    assert all(c.kind == claims[1].kind for c in (store.claim(i) for i in panel.visible_claim_ids()))


# -- in the window ----------------------------------------------------------------------------


def _at_the_article(qtbot: QtBot, window: MainWindow) -> ClaimView:
    window.article_view.setFocus()
    qtbot.waitUntil(window.article_view.hasFocus)
    claim = window.current_claim
    assert claim is not None
    return claim


def test_the_list_follows_the_review_keys(qtbot: QtBot, window: MainWindow) -> None:
    first = _at_the_article(qtbot, window)
    assert window.claim_list.current_claim_id() == first.id
    assert window.claim_list.model.rowCount() == len(window.session.claims)
    qtbot.keyClick(window.article_view, "J")
    second = window.current_claim
    assert second is not None and second.id != first.id
    assert window.claim_list.current_claim_id() == second.id
    # Another article: the list is that article's.
    qtbot.keyClick(window.article_view, "]")
    shown = window.current_claim
    assert shown is not None and shown.article_id != first.article_id
    listed = {window.claim_list.model.claim(r).article_id for r in range(window.claim_list.model.rowCount())}
    assert listed == {shown.article_id}


def test_a_click_in_the_list_moves_the_article_view_and_the_inspector(
    qtbot: QtBot, window: MainWindow
) -> None:
    first = _at_the_article(qtbot, window)
    table = window.claim_list.table
    index = table.model().index(4, Column.TEXT)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    picked = window.claim_list.current_claim_id()
    assert picked is not None and picked != first.id
    assert window.current_claim is not None and window.current_claim.id == picked
    assert window.article_view.current_claim_id() == picked
    assert window.inspector.claim_id() == picked
    # Letters in the list are the list's: nothing is decided from here.
    qtbot.keyClick(table, "Y")
    assert window.store.claim(picked).status == "pending"
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.article_view
    with qtbot.waitSignal(window.decision_saved):
        qtbot.keyClick(window.article_view, "Y")
    assert window.store.claim(picked).status == "confirmed"


def test_a_sorted_and_filtered_list_still_follows_the_current_claim(qtbot: QtBot, window: MainWindow) -> None:
    _at_the_article(qtbot, window)
    panel = window.claim_list
    panel.table.sortByColumn(Column.VALUE, Qt.SortOrder.DescendingOrder)
    qtbot.keyClick(window.article_view, "J")
    current = window.current_claim
    assert current is not None and panel.current_claim_id() == current.id
    with qtbot.waitSignal(window.decision_saved):
        qtbot.keyClick(window.article_view, "Y")
    panel.set_status_filter("pending")
    assert current.id not in panel.visible_claim_ids()
    moved_to = window.current_claim
    assert moved_to is not None and panel.current_claim_id() == moved_to.id
    # A current claim the filter hides selects nothing rather than a wrong row.
    window.session.select_claim(current.id)
    assert window.current_claim is not None and window.current_claim.id == current.id
    assert panel.current_claim_id() is None
    assert panel.table.selectionModel().selectedRows() == []


def test_the_typed_correction_is_shown_in_the_list_and_the_inspector(
    qtbot: QtBot, window: MainWindow
) -> None:
    claim = _at_the_article(qtbot, window)
    assert window.session.correct(claim.id, "1.3万", "")
    saved = window.store.claim(claim.id)
    assert saved.corrected_value == Decimal(13000)
    row = window.claim_list.model.row_of(claim.id)
    assert row is not None
    assert "(typed 1.3万)" in window.claim_list.model.index(row, Column.VALUE).data()
    window.session.select_claim(claim.id)
    assert "(typed 1.3万)" in window.inspector.corrected_label.text()
    # Undone, the typed form goes with the correction.
    window.session.undo()
    assert "typed" not in window.claim_list.model.index(row, Column.VALUE).data()


def test_the_typed_correction_comes_from_the_store_and_survives_a_reopen(
    qtbot: QtBot, window: MainWindow, settings: QSettings, tmp_path: Path
) -> None:
    claim = _at_the_article(qtbot, window)
    assert window.session.correct(claim.id, "1.3万", "")
    window.session.select_claim(claim.id)
    # The history says what was typed too.
    assert any("1.3万" in row.text() for row in window.inspector.history_rows)
    window.close()
    again = MainWindow(settings, ask_editor=False)
    qtbot.addWidget(again)
    assert again.open_database(tmp_path / "review.sqlite")
    again.session.show_article(claim.article_id, claim.id)
    assert "(typed 1.3万)" in again.inspector.corrected_label.text()
    row = again.claim_list.model.row_of(claim.id)
    assert row is not None
    assert "(typed 1.3万)" in again.claim_list.model.index(row, Column.VALUE).data()
    again.close()


def test_nothing_typed_beyond_the_number_adds_nothing(qtbot: QtBot, window: MainWindow) -> None:
    claim = _at_the_article(qtbot, window)
    assert window.session.correct(claim.id, "13000", "")
    assert typed_form(window.store.claim(claim.id)) == ""


def test_the_list_and_its_model_start_empty_without_an_article(qapp: QApplication) -> None:
    model = ClaimListModel()
    assert model.rowCount() == 0 and model.columnCount() == len(Column)
    assert model.data(QModelIndex()) is None


def test_the_value_column_widens_to_a_typed_correction_until_the_editor_sizes_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    claim = _at_the_article(qtbot, window)
    table = window.claim_list.table
    header = table.horizontalHeader()
    before = header.sectionSize(Column.VALUE)
    assert window.session.correct(claim.id, "1.3万亿元", "")
    row = window.claim_list.model.row_of(claim.id)
    assert row is not None
    shown = window.claim_list.model.index(row, Column.VALUE).data()
    needed = table.fontMetrics().horizontalAdvance(shown)
    assert header.sectionSize(Column.VALUE) > before
    assert header.sectionSize(Column.VALUE) >= min(needed, table.viewport().width() // 3)
    # The whole entry is in the tooltip whatever the width.
    assert window.claim_list.model.index(row, Column.VALUE).data(Qt.ItemDataRole.ToolTipRole) == shown
    # Dragged by the editor, the column keeps the editor's width.
    header.resizeSection(Column.VALUE, 60)
    window.session.undo()
    assert header.sectionSize(Column.VALUE) == 60
