"""Export with a scope, and decisions brought back from an edited workbook, from the window's keys."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from ui_modal import answer_next_dialog, scope_answer

from desktop.export.columns import DATABASE_ID_LABEL, DETAIL_SHEET, NOTES_SHEET, SUMMARY_SHEET
from desktop.export.readback import read_workbook
from desktop.paths import seed_files
from desktop.store import ReviewStore
from desktop.ui import file_dialogs
from desktop.ui.export_scope import ExportScopeDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.workers import DecisionsImported

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def at_the_article(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.article_view.setFocus()
    qtbot.waitUntil(window.article_view.hasFocus)


def export_by_keys(
    qtbot: QtBot,
    window: MainWindow,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    *choices: tuple[str, str],
) -> list[str]:
    """Ctrl+E, the scope dialog answered with Alt+letter keys and Return; `out` chosen as the file."""
    monkeypatch.setattr(file_dialogs, "ask_export_path", lambda parent: out)
    seen: list[str] = []
    answer_next_dialog(seen, scope_answer(qtbot, *choices))
    at_the_article(qtbot, window)
    with qtbot.waitSignal(window.transfers.finished, timeout=60_000):
        qtbot.keyClick(window.article_view, "E", CTRL)
    qtbot.waitUntil(lambda: not window.transfers.is_busy())
    return seen


def test_ctrl_e_exports_everything_by_default(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "全部.xlsx"
    seen = export_by_keys(qtbot, window, out, monkeypatch)
    assert seen == ["Export to Excel"]
    assert len(read_workbook(out).edits) == 503


def test_the_current_article_filtered_as_the_claim_list_is(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = window.current_claim
    assert claim is not None
    article = window.session.article_id
    window.claim_list.set_kind_filter("percent")
    expected = {c.id for c in window.store.claims(article) if c.kind == "percent"}
    assert expected and len(expected) < len(window.store.claims(article))
    out = tmp_path / "本篇.xlsx"
    export_by_keys(qtbot, window, out, monkeypatch, ("T", "this_article"), ("F", "filtered_claims"))
    workbook = openpyxl.load_workbook(out, read_only=True)
    rows = list(workbook[DETAIL_SHEET].iter_rows(min_row=2, values_only=True))
    assert {row[0] for row in rows} == expected
    summary = list(workbook[SUMMARY_SHEET].iter_rows(min_row=2, values_only=True))
    assert summary[0][0] == article and summary[1][0] == "合计"
    notes = {row[0]: row[1] for row in workbook[NOTES_SHEET].iter_rows(values_only=True) if len(row) > 1}
    headline = window.store.article(article).summary.headline
    assert notes["筛选条件"] == f"文章: 《{headline}》；类型: 比例"


def test_the_scope_dialog_counts_what_each_choice_exports(qtbot: QtBot, window: MainWindow) -> None:
    article = window.session.article_id
    assert article is not None
    store = window.store
    dialog = ExportScopeDialog(
        window,
        article=(article, "标题"),
        claim_filter=("pending", ""),
        count=lambda scope: store.count_export_rows(scope.statuses, scope.article_ids, scope.kinds),
    )
    qtbot.addWidget(dialog)
    assert "503 claim(s)" in dialog.count_label.text()
    dialog.this_article.setChecked(True)
    assert f"{len(store.claims(article))} claim(s)" in dialog.count_label.text()
    no_filter = ExportScopeDialog(window, article=None, claim_filter=("", ""), count=lambda scope: 0)
    qtbot.addWidget(no_filter)
    assert not no_filter.this_article.isEnabled() and not no_filter.filtered_claims.isEnabled()
    assert not no_filter.choose_button.isEnabled()  # nothing to export


def _edit(path: Path, changes: dict[str, dict[str, object]]) -> None:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DETAIL_SHEET]
    header = [cell.value for cell in sheet[1]]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    for claim_id, cells in changes.items():
        if claim_id not in rows:
            sheet.append([claim_id])
            rows[claim_id] = next(r for r in sheet.iter_rows(min_row=sheet.max_row) if r[0].value == claim_id)
        for column, value in cells.items():
            sheet.cell(rows[claim_id][0].row, header.index(column) + 1, value)
    workbook.save(path)


def import_by_keys(qtbot: QtBot, window: MainWindow, workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_dialogs, "ask_decisions_workbook", lambda parent: workbook)
    at_the_article(qtbot, window)
    qtbot.keyClick(window.article_view, "I", CTRL_SHIFT)


def test_decisions_come_back_from_an_edited_workbook(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chinese: None
) -> None:
    out = tmp_path / "核查表.xlsx"
    export_by_keys(qtbot, window, out, monkeypatch)
    first, second, third = window.session.claims[:3]
    _edit(
        out,
        {
            first.id: {"状态": "已确认", "备注": "表格里确认的"},
            second.id: {"状态": "已更正", "更正值": "abc"},
            third.id: {"状态": "已更正", "更正值": "1.3万"},
            "不存在的编号": {"状态": "已确认"},
        },
    )
    import_by_keys(qtbot, window, out, monkeypatch)
    qtbot.waitUntil(
        lambda: isinstance(getattr(window.transfers, "summary_box", None), QMessageBox), timeout=60_000
    )
    box = window.transfers.summary_box
    assert "导入了 2 条核查结论，2 行未导入" in box.text()
    details = box.informativeText()
    assert f"（{second.id}）：“abc”开头不是数字" in details
    assert "没有编号为 不存在的编号 的数字" in details
    assert "not a" not in details and "claim" not in details  # no English reason leaks through
    box.accept()
    store = window.store
    assert (store.claim(first.id).status, store.claim(first.id).note) == ("confirmed", "表格里确认的")
    assert (store.claim(third.id).corrected_text, store.claim(second.id).status) == ("1.3万", "pending")
    # The window shows the database as it now is: the claims, the counts, the progress.
    assert window.session.claims[0].status == "confirmed"
    assert window.status.progress_label.text() == "已核 2 / 503"
    listed = next(a for a in window.articles_panel.model.articles() if a.id == first.article_id)
    assert listed.confirmed == 1 and listed.corrected == 1


def test_a_workbook_of_another_database_is_refused_whole(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chinese: None
) -> None:
    other = tmp_path / "other.sqlite"
    out = tmp_path / "别的库.xlsx"
    with ReviewStore.open(other) as store:
        store.import_files(seed_files())
        claim = store.claims()[0]
        store.decide(claim.id, "confirmed", editor="别人")
    again = MainWindow(window._settings, ask_editor=False)  # noqa: SLF001 - the same settings
    qtbot.addWidget(again)
    assert again.open_database(other)
    with qtbot.waitSignal(again.transfers.finished, timeout=60_000):
        again.transfers.start_export(out)
    again.close()
    seen: list[str] = []
    answer_next_dialog(seen)
    with qtbot.waitSignal(window.transfers.finished, timeout=60_000):
        import_by_keys(qtbot, window, out, monkeypatch)
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert "另一个核查数据库" in seen[0] and "一条也没有导入" in seen[0]
    assert window.store.progress()[0] == 0


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_a_workbook_that_names_no_database_is_asked_about(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
) -> None:
    out = tmp_path / "旧表.xlsx"
    with qtbot.waitSignal(window.transfers.finished, timeout=60_000):
        window.transfers.start_export(out)
    claim = window.session.claims[0]
    workbook = openpyxl.load_workbook(out)
    workbook.custom_doc_props = type(workbook.custom_doc_props)()  # as an older FactDesk wrote it
    notes = workbook[NOTES_SHEET]
    for row in notes.iter_rows():
        if row[0].value == DATABASE_ID_LABEL:
            row[1].value = None
    workbook.save(out)
    _edit(out, {claim.id: {"状态": "已确认"}})
    assert read_workbook(out).database_id is None
    seen: list[str] = []
    answer_next_dialog(seen, lambda box: box.button(answer).click())  # type: ignore[attr-defined]
    with qtbot.waitSignal(window.transfers.finished, timeout=60_000) as finished:
        import_by_keys(qtbot, window, out, monkeypatch)
    assert "does not say which review database" in seen[0]
    imported = isinstance(finished.args[0], DecisionsImported)
    assert imported == (answer == QMessageBox.StandardButton.Yes)
    assert window.store.claim(claim.id).status == ("confirmed" if imported else "pending")
    if imported:
        window.transfers.summary_box.accept()
