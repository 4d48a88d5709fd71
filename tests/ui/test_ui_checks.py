"""The checks in the window: flags marked in the article and the list, F/Shift+F, accept, dismiss, undo."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from desktop.ui.claim_list import Column
from desktop.ui.main_window import MainWindow

# One failing sum (7530 + 759 = 8289, not 8325), one change that holds, one usage breach
# (增加了4倍 for 2万 → 8万 is 增加了3倍), and an innocent count.
TEXT = (
    "全市新能源汽车保有量从2万辆增加到8万辆，增加了4倍。\n\n"
    "冠脉导引导管均价由集采前的890元，降至434元，降幅达51%。\n\n"
    "今年以来新增志愿者8325人，其中应急救护志愿者7530人、其他登记的志愿者759人。\n\n"
    "全市共有公园12个。\n"
)


@pytest.fixture
def checked_window(window_with: Callable[[Sequence[Path]], MainWindow], tmp_path: Path) -> MainWindow:
    page = tmp_path / "page.txt"
    page.write_text(TEXT, encoding="utf-8")
    win = window_with([page])
    win.article_view.setFocus()
    return win


def _claim_id(win: MainWindow, text: str) -> str:
    return next(c.id for c in win.session.claims if c.text == text)


def _key(
    qtbot: QtBot, win: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(win.article_view, key, modifier)


def test_flagged_claims_are_marked_by_shape_in_the_article_and_counted_in_the_list(
    checked_window: MainWindow,
) -> None:
    win = checked_window
    flagged = set(win.session.checks.flags())
    total = _claim_id(win, "8325人")
    assert total in flagged
    assert _claim_id(win, "12个") not in flagged
    # The article view: a line over the flagged claim, which no status draws.
    view = win.article_view
    row = view.claim_ids().index(total)
    assert view.extraSelections() and any(
        s.format.fontOverline() and s.format.fontWeight() == QFont.Weight.Bold for s in view.extraSelections()
    )
    assert total in view.flagged_claim_ids()
    assert _claim_id(win, "12个") not in view.flagged_claim_ids()
    assert row >= 0
    # The claim list: a flag column with the count, its explanation in the tooltip.
    model = win.claim_list.model
    list_row = model.row_of(total)
    assert list_row is not None
    assert model.index(list_row, Column.FLAGS).data() == "⚑ 1"
    assert "7530" in model.index(list_row, Column.FLAGS).data(Qt.ItemDataRole.ToolTipRole)
    innocent = model.row_of(_claim_id(win, "12个"))
    assert innocent is not None and model.index(innocent, Column.FLAGS).data() == ""


def test_f_and_shift_f_walk_the_flagged_claims_and_wrap(qtbot: QtBot, checked_window: MainWindow) -> None:
    win = checked_window
    order = [c.id for c in win.session.claims if c.id in win.session.checks.flags()]
    assert len(order) >= 2
    win.session.select_claim(win.session.claims[-1].id)  # after every flag: F wraps to the first
    _key(qtbot, win, Qt.Key.Key_F)
    assert win.session.current_claim is not None and win.session.current_claim.id == order[0]
    _key(qtbot, win, Qt.Key.Key_F)
    assert win.session.current_claim.id == order[1]
    _key(qtbot, win, Qt.Key.Key_F, Qt.KeyboardModifier.ShiftModifier)
    assert win.session.current_claim.id == order[0]
    _key(qtbot, win, Qt.Key.Key_F, Qt.KeyboardModifier.ShiftModifier)
    assert win.session.current_claim.id == order[-1]


def test_the_inspector_explains_the_checks_and_links_their_figures(checked_window: MainWindow) -> None:
    win = checked_window
    total = _claim_id(win, "8325人")
    win.session.select_claim(total)
    section = win.inspector.checks
    (finding,) = [f for f in section.findings if f.check == "sum"]
    assert finding.holds is False
    texts = " ".join(label.text() for row in section.rows for label in row.findChildren(QLabel))
    assert "7530" in texts and "759" in texts
    assert "claim:" in texts  # the parts are links to their claims
    assert win.inspector.checks_title.text() != "Checks"  # says how many flags are open
    # Clicking a figure selects that claim.
    part = _claim_id(win, "7530人")
    section.operand_clicked.emit(part)
    assert win.session.current_claim is not None and win.session.current_claim.id == part
    # The innocent number says no check involves it.
    win.session.select_claim(_claim_id(win, "12个"))
    assert section.findings == []
    assert section.rows and isinstance(section.rows[0], QLabel)


def test_accept_rejects_as_wrong_number_with_the_explanation_and_undo_reopens(
    qtbot: QtBot, checked_window: MainWindow
) -> None:
    win = checked_window
    total = _claim_id(win, "8325人")
    win.session.select_claim(total)
    _key(qtbot, win, Qt.Key.Key_A)
    saved = win.store.claim(total)
    assert (saved.status, saved.reason) == ("rejected", "wrong-number")
    assert "7530" in saved.note
    assert total not in win.session.checks.flags()
    assert total not in win.article_view.flagged_claim_ids()
    (sum_finding,) = [f for f in win.store.findings_for_claim(total) if f.check == "sum"]
    assert sum_finding.status == "accepted"
    # Undo takes the decision back and the flag is open again, marked again.
    _key(qtbot, win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.store.claim(total).status == "pending"
    assert total in win.session.checks.flags()
    assert total in win.article_view.flagged_claim_ids()


def test_dismiss_is_recorded_and_undone_from_the_keyboard(qtbot: QtBot, checked_window: MainWindow) -> None:
    win = checked_window
    total = _claim_id(win, "8325人")
    win.session.select_claim(total)
    _key(qtbot, win, Qt.Key.Key_D)
    (sum_finding,) = [f for f in win.store.findings_for_claim(total) if f.check == "sum"]
    assert sum_finding.status == "dismissed" and sum_finding.acted_by == "测试编辑"
    assert win.store.claim(total).status == "pending"  # dismissing decides nothing
    assert total not in win.session.checks.flags()
    model = win.claim_list.model
    row = model.row_of(total)
    assert row is not None and model.index(row, Column.FLAGS).data() == ""
    # Still listed in the inspector, with who dismissed it and no buttons.
    rows = win.inspector.checks.rows
    assert any("测试编辑" in label.text() for row_widget in rows for label in row_widget.findChildren(QLabel))
    assert not [b for row_widget in rows for b in row_widget.findChildren(QPushButton) if b.isVisible()]
    # Ctrl+Z restores it, Ctrl+Shift+Z dismisses it again.
    _key(qtbot, win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert total in win.session.checks.flags()
    assert "Undone" in win.status.currentMessage() or "撤销" in win.status.currentMessage()
    _key(qtbot, win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert total not in win.session.checks.flags()


def test_the_buttons_act_on_their_own_finding(checked_window: MainWindow) -> None:
    win = checked_window
    total = _claim_id(win, "8325人")
    win.session.select_claim(total)
    (dismiss,) = [
        b
        for row in win.inspector.checks.rows
        for b in row.findChildren(QPushButton)
        if b.objectName() == "dismissFinding"
    ]
    dismiss.click()
    assert total not in win.session.checks.flags()


def test_a_and_d_without_a_flag_say_so_and_change_nothing(qtbot: QtBot, checked_window: MainWindow) -> None:
    win = checked_window
    innocent = _claim_id(win, "12个")
    win.session.select_claim(innocent)
    before = win.store.claim(innocent)
    _key(qtbot, win, Qt.Key.Key_A)
    _key(qtbot, win, Qt.Key.Key_D)
    assert win.store.claim(innocent) == before
    assert "flag" in win.status.currentMessage() or "提示" in win.status.currentMessage()


def test_the_window_exports_the_findings_sheet_and_the_flag_column(
    qtbot: QtBot, checked_window: MainWindow, tmp_path: Path
) -> None:
    import openpyxl

    from desktop.export.columns import DETAIL_SHEET, FINDINGS_SHEET

    win = checked_window
    total = _claim_id(win, "8325人")
    win.session.select_claim(total)
    _key(qtbot, win, Qt.Key.Key_D)  # the sum dismissed; the usage flag stays open
    out = tmp_path / "核查.xlsx"
    with qtbot.waitSignal(win.transfers.finished, timeout=60_000):
        win.transfers.start_export(out)
    qtbot.waitUntil(lambda: not win.transfers.is_busy())
    book = openpyxl.load_workbook(out)  # not read_only: that mode drops a row's empty trailing cells
    header, *rows = list(book[FINDINGS_SHEET].iter_rows(values_only=True))
    cells = [dict(zip(header, row, strict=False)) for row in rows]
    dismissed = [c for c in cells if c.get("处理状态") == "已忽略" or "已忽略" in c.values()]
    assert dismissed and any("7530" in str(v) for c in dismissed for v in c.values())
    assert any("测试编辑" in str(v) for c in dismissed for v in c.values())
    detail_header, *detail = list(book[DETAIL_SHEET].iter_rows(values_only=True))
    flags = detail_header.index("提示")
    flagged = [row for row in detail if row[flags]]
    assert flagged and all("7530" not in str(row[flags]) for row in flagged)  # the dismissed one is gone
