"""The source release in the window: attach (menu proposal, file, drop), see the matches, confirm all, undo."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from desktop.export.columns import DETAIL_SHEET
from desktop.ui.main_window import MainWindow

PAIRS = Path(__file__).resolve().parents[1] / "data" / "release_pairs"
ARTICLE = PAIRS / "06_cn-grain-output-2017.article.txt"
RELEASE = PAIRS / "06_cn-grain-output-2017.source.txt"


@pytest.fixture
def release_window(window_with: Callable[[Sequence[Path]], MainWindow], tmp_path: Path) -> MainWindow:
    win = window_with([ARTICLE])
    win.article_view.setFocus()
    return win


def _labels(win: MainWindow) -> dict[str, int]:
    labels: dict[str, int] = {}
    for match in win.session.release.matches:
        labels[match.match] = labels.get(match.match, 0) + 1
    return labels


def test_a_file_dropped_on_the_article_becomes_its_source_and_the_pane_shows_the_matches(
    qtbot: QtBot, release_window: MainWindow
) -> None:
    win = release_window
    assert win.release_pane.view.isHidden()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(RELEASE))])
    view = win.article_view
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert view.acceptDrops() and view.viewport().acceptDrops()
    view.dropEvent(drop)  # as Qt delivers it from a real drag (a synthetic one is not routed)
    assert drop.isAccepted()
    attachment = win.session.release.attachment
    assert attachment is not None and attachment.file_name == RELEASE.name
    assert not win.release_pane.view.isHidden()  # shown on attaching
    labels = _labels(win)
    assert labels.get("same", 0) > 0
    assert win.release_pane.view.marked()  # figures marked in the release text
    assert "same" in {label for _text, label in win.release_pane.view.marked()}
    # The inspector says how the current claim matched.
    same = next(m for m in win.session.release.matches if m.match == "same" and m.claim_id)
    win.session.select_claim(same.claim_id)
    line = win.inspector.checks.release_line
    assert not line.isHidden() and same.source is not None and "=" in line.text()
    # Dropped on the article it attached; nothing else was imported as an article to review.
    assert win.status.currentMessage()


def test_confirm_all_that_agree_is_one_step_and_undone_as_one(
    qtbot: QtBot, release_window: MainWindow
) -> None:
    win = release_window
    assert win.release_pane.attach_file(RELEASE)
    agreeing = {m.claim_id for m in win.session.release.matches if m.match == "same" and m.claim_id}
    others = {m.claim_id for m in win.session.release.matches if m.match != "same" and m.claim_id}
    assert agreeing and others
    assert win.release_pane.view.confirm_button.isEnabled()
    qtbot.keyClick(
        win.article_view,
        Qt.Key.Key_Y,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    for claim_id in agreeing:
        claim = win.store.claim(claim_id)
        assert claim.status == "confirmed" and RELEASE.name in claim.sources
    assert all(win.store.claim(c).status == "pending" for c in others)
    assert not win.release_pane.view.confirm_button.isEnabled()  # nothing left to confirm
    # The list shows them confirmed at once.
    model = win.claim_list.model
    some = next(iter(agreeing))
    row = model.row_of(some)
    assert row is not None and model.claim(row).status == "confirmed"
    # One Ctrl+Z takes every one back.
    qtbot.keyClick(win.article_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert all(win.store.claim(c).status == "pending" for c in agreeing)
    assert win.release_pane.view.confirm_button.isEnabled()
    qtbot.keyClick(
        win.article_view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert all(win.store.claim(c).status == "confirmed" for c in agreeing)


def test_the_menu_proposes_the_imported_release_and_the_export_carries_the_match(
    qtbot: QtBot, release_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = release_window
    with qtbot.waitSignal(win.transfers.finished, timeout=60_000):
        win.transfers.start_import([RELEASE])
    qtbot.waitUntil(lambda: not win.transfers.is_busy())
    article = next(a for a in win.store.articles() if a.file_name == ARTICLE.name)
    win.session.show_article(article.id)
    offered: list[list[str]] = []

    def pick_first(
        _parent: object, _title: str, _label: str, items: list[str], *_args: object
    ) -> tuple[str, bool]:
        offered.append(items)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pick_first)
    win.actions_by_id["attach_source"].trigger()
    assert offered and RELEASE.name in offered[0][0]
    attachment = win.session.release.attachment
    assert attachment is not None and attachment.file_name == RELEASE.name
    out = tmp_path / "比对.xlsx"
    with qtbot.waitSignal(win.transfers.finished, timeout=60_000):
        win.transfers.start_export(out)
    qtbot.waitUntil(lambda: not win.transfers.is_busy())
    sheet = openpyxl.load_workbook(out)[DETAIL_SHEET]
    header = [cell.value for cell in sheet[1]]
    source_column, match_column = header.index("来源稿"), header.index("比对")
    matched = [
        row for row in sheet.iter_rows(min_row=2, values_only=True) if row[source_column] == RELEASE.name
    ]
    assert matched and {"一致"} <= {row[match_column] for row in matched}
    # Taken off again: the pane says there is none.
    win.actions_by_id["detach_source"].trigger()
    assert win.session.release.attachment is None
    assert win.session.release.matches == []
