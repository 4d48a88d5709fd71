"""The memory of verified figures in the window: 已核实过 in the inspector, conflicts, confirming the same figure.

Two made-up pages of one city paper, a month apart, written like the
repeats' test pages (tests/data/repeats, b_ and c_): the second restates the
first's income per head exactly (38652元, linked as equal) and its GDP with
two digits swapped (3251.6亿元 against 3215.6亿元: a conflict).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton
from pytestqt.qtbot import QtBot

from desktop.export.columns import FINDINGS_SHEET
from desktop.store.records import ClaimView
from desktop.ui.help import ShortcutsDialog
from desktop.ui.main_window import MainWindow

# Two pages of one city paper a month apart (README beside them).
MEMORY_PAGES = Path(__file__).resolve().parents[1] / "data" / "memory"


@pytest.fixture
def memory_window(
    chinese: None, window_with: Callable[[Sequence[Path]], MainWindow], tmp_path: Path
) -> MainWindow:
    folder = tmp_path / "pages"
    folder.mkdir()
    first = folder / "a_linjiang_2024-01-20.txt"
    later = folder / "b_linjiang_2024-03-02.txt"
    shutil.copy(MEMORY_PAGES / first.name, first)
    shutil.copy(MEMORY_PAGES / later.name, later)
    win = window_with([first, later])
    win.article_view.setFocus()
    return win


def _claims(win: MainWindow, file_prefix: str, text: str) -> list[ClaimView]:
    return [
        claim
        for article in win.store.articles()
        if article.file_name.startswith(file_prefix)
        for claim in win.store.claims(article.id)
        if claim.text == text
    ]


def _show(win: MainWindow, claim: ClaimView) -> None:
    win.session.show_article(claim.article_id, claim.id)
    assert win.current_claim is not None and win.current_claim.id == claim.id


def _press(qtbot: QtBot, win: MainWindow, key: Qt.Key, shift: bool = False) -> None:
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(win.article_view, key, modifier)


def test_the_import_keys_the_new_articles_in_the_background(memory_window: MainWindow) -> None:
    # Keyed by the import job, not at the first look at an article.
    assert memory_window.store.memory_outdated() == 0


def test_a_verified_figure_shows_in_the_later_article_with_its_source_and_editor(
    qtbot: QtBot, memory_window: MainWindow
) -> None:
    win = memory_window
    headline_income = _claims(win, "a_", "38652元")[0]
    _show(win, headline_income)
    assert win.session.set_sources(headline_income.id, ["市统计局公报"])
    _press(qtbot, win, Qt.Key.Key_Y)
    assert win.store.claim(headline_income.id).status == "confirmed"

    (later_income,) = _claims(win, "b_", "38652元")
    _show(win, later_income)
    section = win.inspector.memory
    assert not section.isHidden() and not win.inspector.memory_title.isHidden()
    assert win.inspector.memory_title.text() == "已核实过"
    (verified,) = [text for text in section.texts() if "已核实过" in text]
    assert "38652元" in verified and "市统计局公报" in verified and "测试编辑" in verified
    assert "《2023年全市居民人均可支配收入38652元》" in verified and "2024-01-20" in verified

    # The headline is a link: it opens the first article with that figure selected.
    label = section.rows[0].findChildren(QLabel)[0]
    label.linkActivated.emit(f"hit:{headline_income.article_id}:{headline_income.id}")
    assert win.session.article_id == headline_income.article_id
    assert win.current_claim is not None and win.current_claim.id == headline_income.id


def test_a_differing_figure_shows_the_conflict_and_a_figure_stated_nowhere_else_is_quiet(
    memory_window: MainWindow,
) -> None:
    win = memory_window
    (later_gdp,) = _claims(win, "b_", "3251.6亿元")
    _show(win, later_gdp)
    rows = win.inspector.memory.texts()
    (conflict,) = [text for text in rows if text.startswith("⚑")]
    assert "3215.6亿元" in conflict and "3251.6亿元" in conflict and "36亿元" in conflict
    assert "2024-01-20" in conflict
    assert [row.objectName() for row in win.inspector.memory.rows] == ["memoryConflict"]

    (budget,) = _claims(win, "b_", "186.4亿元")  # the budget revenue: no other article states it
    _show(win, budget)
    assert win.inspector.memory.isHidden() and win.inspector.memory_title.isHidden()


def test_confirming_offers_the_same_figure_elsewhere_in_one_step_undone_by_one_ctrl_z(
    qtbot: QtBot, memory_window: MainWindow
) -> None:
    win = memory_window
    headline_income, body_income = _claims(win, "a_", "38652元")
    (later_income,) = _claims(win, "b_", "38652元")
    _show(win, headline_income)
    assert win.session.set_sources(headline_income.id, ["市统计局公报"])
    _press(qtbot, win, Qt.Key.Key_Y)

    # Offered once, without a dialog, for the claim just confirmed (no longer the one shown).
    offered, count = win.session.memory.offer
    assert offered is not None and offered.id == headline_income.id and count == 2
    assert win.inspector.offer.text() == "38652元 已核实：还有 2 处相同数字，一并确认？"
    assert win.inspector.offer.button.text() == "一并确认（Shift+Y）"
    assert win.status.currentMessage() == "38652元 已核实：还有 2 处相同数字，一并确认？（Shift+Y）"
    assert win.current_claim is not None and win.current_claim.id != headline_income.id

    _press(qtbot, win, Qt.Key.Key_Y, shift=True)
    for claim_id in (body_income.id, later_income.id):
        after = win.store.claim(claim_id)
        assert after.status == "confirmed" and after.sources == ("市统计局公报",)
    assert win.inspector.offer.isHidden()
    assert win.session.memory.offer == (None, 0)
    # The claim list shows the one of this article confirmed at once.
    row = win.claim_list.model.row_of(body_income.id)
    assert row is not None and win.claim_list.model.claim(row).status == "confirmed"

    # One Ctrl+Z takes both back; the confirmed claim stays confirmed.
    qtbot.keyClick(win.article_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.store.claim(body_income.id).status == "pending"
    assert win.store.claim(later_income.id).status == "pending"
    assert win.store.claim(headline_income.id).status == "confirmed"
    assert win.status.currentMessage() == "已撤销：一并确认 2 处相同数字"


def test_the_same_figure_without_a_source_tag_is_refused_in_chinese(
    qtbot: QtBot, memory_window: MainWindow
) -> None:
    win = memory_window
    headline_income, body_income = _claims(win, "a_", "38652元")
    _show(win, headline_income)
    _press(qtbot, win, Qt.Key.Key_Y)  # confirmed, no source tag
    assert win.inspector.offer.text() == "38652元 已核实：还有 2 处相同数字；标注来源（T）后可一并确认。"
    assert not win.inspector.offer.button.isEnabled()
    _press(qtbot, win, Qt.Key.Key_Y, shift=True)
    assert "请先标注来源" in win.inspector.refusal_text()
    assert win.store.claim(body_income.id).status == "pending"

    # A figure no other claim states: nothing to confirm, said so.
    (population,) = _claims(win, "a_", "287.3万人")
    _show(win, population)
    assert win.session.set_sources(population.id, ["市统计局公报"])
    _press(qtbot, win, Qt.Key.Key_Y)
    _show(win, win.store.claim(population.id))
    _press(qtbot, win, Qt.Key.Key_Y, shift=True)
    assert "无需一并确认" in win.inspector.refusal_text()


def test_the_command_is_in_the_edit_menu_and_in_the_key_help(memory_window: MainWindow) -> None:
    win = memory_window
    action = win.actions_by_id["confirm_linked"]
    edit_menu = next(a.menu() for a in win.menuBar().actions() if a.menu() and action in a.menu().actions())
    assert edit_menu is not None and "编辑" in edit_menu.title()
    listed = ShortcutsDialog(win.actions_by_id, win).listed()
    assert listed.get("一并确认相同数字") == "Shift+Y"


def test_the_export_lists_the_repeat_and_the_conflict_across_articles(
    qtbot: QtBot, memory_window: MainWindow, tmp_path: Path
) -> None:
    win = memory_window
    out = tmp_path / "记忆.xlsx"
    with qtbot.waitSignal(win.transfers.finished, timeout=60_000):
        win.transfers.start_export(out)
    qtbot.waitUntil(lambda: not win.transfers.is_busy())
    sheet = openpyxl.load_workbook(out)[FINDINGS_SHEET]
    header = [cell.value for cell in sheet[1]]
    file_at, text_at, message_at = header.index("来源文件"), header.index("原文"), header.index("说明")
    rows = [row for row in sheet.iter_rows(min_row=2, values_only=True)]
    later = [row for row in rows if str(row[file_at]).startswith("b_")]
    conflict = next(
        row for row in later if row[text_at] == "3251.6亿元" and "3215.6亿元" in str(row[message_at])
    )
    assert "a_linjiang_2024-01-20.txt" in str(conflict[message_at]) and "36亿元" in str(conflict[message_at])
    assert any(row[text_at] == "38652元" and "a_linjiang" in str(row[message_at]) for row in later)


def test_an_offer_closed_is_not_made_again_for_that_claim(qtbot: QtBot, memory_window: MainWindow) -> None:
    win = memory_window
    headline_income, body_income = _claims(win, "a_", "38652元")
    _show(win, headline_income)
    assert win.session.set_sources(headline_income.id, ["市统计局公报"])
    _press(qtbot, win, Qt.Key.Key_Y)
    assert win.inspector.offer.text()
    close = next(b for b in win.inspector.offer.findChildren(QToolButton) if b.text() == "×")
    close.click()
    assert win.inspector.offer.isHidden() and win.session.memory.offer == (None, 0)
    # Tagged again (a decision that leaves it verified): still not offered.
    assert win.session.set_sources(headline_income.id, ["市统计局公报", "政府工作报告"])
    assert win.inspector.offer.isHidden()
    assert win.store.claim(body_income.id).status == "pending"
    # Another decision takes an offer down: it was about the claim just decided.
    (later_income,) = _claims(win, "b_", "38652元")
    _show(win, later_income)
    assert win.session.set_sources(later_income.id, ["年报"])
    _press(qtbot, win, Qt.Key.Key_Y)
    assert win.session.memory.offer[0] is not None
    (budget,) = _claims(win, "b_", "186.4亿元")
    _show(win, budget)
    _press(qtbot, win, Qt.Key.Key_Y)
    assert win.session.memory.offer == (None, 0) and win.inspector.offer.isHidden()


def test_a_figure_corrected_elsewhere_to_another_value_is_a_conflict_with_the_correction(
    memory_window: MainWindow,
) -> None:
    win = memory_window
    headline_income = _claims(win, "a_", "38652元")[0]
    _show(win, headline_income)
    assert win.session.set_sources(headline_income.id, ["市统计局公报"])
    assert win.session.correct(headline_income.id, "3.8562万", "元")
    (later_income,) = _claims(win, "b_", "38652元")
    _show(win, later_income)
    (conflict,) = win.inspector.memory.texts()
    # The correction is the figure verified, written as the copy writes it; the difference in yuan.
    assert conflict.startswith("⚑ 与已核实的 38562元（市统计局公报，测试编辑")
    assert "此处为 38652元，相差 90元（0.2 %）" in conflict
    assert win.inspector.memory_title.text() == "已核实过"
