"""One language: the same name for the same thing everywhere, Chinese file dialogs, dates with
their year, a help that lists every key once, and an article list that reads at 1024 px."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QFileInfo, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from desktop.colours import TEXT_DARK
from desktop.export.cells import STATUS_COLOURS as WORKBOOK_COLOURS
from desktop.export.columns import COLUMNS
from desktop.export.labels import KIND_LABELS
from desktop.export.notes import IMPORT_DECISIONS_MENU
from desktop.store import ReviewStore
from desktop.store.records import REASON_LABELS_ZH, STATUS_LABELS_ZH
from desktop.ui import settings as keys
from desktop.ui.actions import ACTIONS, key_sequences
from desktop.ui.app import install_translator
from desktop.ui.article_list import ArticleListPanel
from desktop.ui.article_list import Column as ArticleColumn
from desktop.ui.claim_list import ClaimListModel
from desktop.ui.claim_list import Column as ClaimColumn
from desktop.ui.file_dialogs import make_dialog
from desktop.ui.help import ShortcutsDialog, key_names, plain_text
from desktop.ui.main_window import MainWindow
from desktop.ui.palette import STATUS_STYLES
from desktop.ui.wording import article_date, kind_label, reason_label, status_label

HEADERS = {column.key: column.header for column in COLUMNS}
# A mnemonic as Chinese menus write it, "(&N)", is no English word.
MNEMONIC = re.compile(r"\(&.\)")


@pytest.fixture
def chinese_window(chinese: None, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    settings = keys.settings_in_file(tmp_path / "zh.ini")
    settings.setValue(keys.EDITOR_NAME, "编辑")
    window = MainWindow(settings, ask_editor=False)
    qtbot.addWidget(window)
    yield window
    window.close()


# -- the same name for the same thing ----------------------------------------------------------


def test_status_reason_and_kind_names_are_the_workbooks(chinese: None) -> None:
    assert {s: status_label(s) for s in STATUS_LABELS_ZH} == STATUS_LABELS_ZH
    assert {r: reason_label(r) for r in REASON_LABELS_ZH} == REASON_LABELS_ZH
    assert {k: kind_label(k) for k in KIND_LABELS} == dict(KIND_LABELS)


def test_the_window_names_fields_and_reasons_as_the_workbook_does(chinese_window: MainWindow) -> None:
    window = chinese_window
    captions = {label.text() for label in window.inspector.findChildren(QLabel, "fieldCaption")}
    for key in ("status", "value", "unit", "kind", "subject", "time", "place", "sentence", "corrected_value"):
        assert HEADERS[key] in captions, key
    assert HEADERS["reason"] in captions
    model = ClaimListModel()
    headers = {str(model.headerData(column, Qt.Orientation.Horizontal)) for column in ClaimColumn}
    for key in ("status", "text", "value", "unit", "kind", "sources"):
        assert HEADERS[key] in headers, key
    # Both reasons, in the menus (and so in the help), the context menu and the reason box.
    not_a_claim, wrong = REASON_LABELS_ZH["not-a-claim"], REASON_LABELS_ZH["wrong-number"]
    assert not_a_claim in window.actions_by_id["reject"].text()
    assert wrong in window.actions_by_id["reject_wrong"].text()
    assert window.article_view.reject_selection_action.text() == f"驳回：{not_a_claim}"
    combo = window.inspector.reason_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [not_a_claim, wrong]


def test_status_colours_are_the_workbooks(qapp: QApplication) -> None:
    for status, style in STATUS_STYLES.items():
        fill, font, bar = WORKBOOK_COLOURS[status]
        # The highlight, translucent on the white page, is the workbook cell's fill.
        highlight = style.background
        on_white = [
            round(255 * (1 - highlight.alphaF()) + channel * highlight.alphaF())
            for channel in (highlight.red(), highlight.green(), highlight.blue())
        ]
        assert on_white == [int(fill[i : i + 2], 16) for i in (2, 4, 6)], status
        assert "FF" + style.colour.name()[1:].upper() == bar  # the underline is the chart's bar
        assert font == "FF" + TEXT_DARK[1:]  # and the badge's text is the cell's


def test_the_workbook_names_the_window_command_that_brings_decisions_back(chinese_window: MainWindow) -> None:
    menus = {action.menu(): action.text() for action in chinese_window.menuBar().actions()}
    command = chinese_window.actions_by_id["import_decisions"]
    file_menu = next(menu for menu in menus if menu is not None and command in menu.actions())
    shown = f"{MNEMONIC.sub('', menus[file_menu])} → {MNEMONIC.sub('', command.text())}"
    assert shown == IMPORT_DECISIONS_MENU == "文件 → 导入核查结果…"


# -- file dialogs ---------------------------------------------------------------------------------


@pytest.mark.parametrize("save", [False, True])
def test_file_dialogs_speak_chinese(chinese: None, qtbot: QtBot, save: bool) -> None:
    dialog = make_dialog(None, "导入稿件", str(Path.home()), "稿件 (*.txt)", save=save)
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own dialog, as on Linux
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    texts += [button.toolTip() for button in dialog.findChildren(QAbstractButton)]
    english = [text for text in texts if re.search(r"[A-Za-z]", MNEMONIC.sub("", text))]
    assert not english
    assert "查找范围：" in texts
    # The Type column of a folder (Qt's catalogue has no Chinese for it).
    provider = dialog.iconProvider()
    assert provider is not None and provider.type(QFileInfo(str(Path.home()))) == "文件夹"


# -- dates ----------------------------------------------------------------------------------------


def test_a_dateline_takes_its_year_from_the_publication_date() -> None:
    assert article_date("9月13日", "2023-09-14") == "2023年9月13日"
    assert article_date("12月30日", "2024-01-02") == "2023年12月30日"  # the paper came out after New Year
    assert article_date("2021年5月1日", "2023-09-14") == "2021年5月1日"  # the copy's own year wins
    assert article_date("", "2023-09-14") == "2023年9月14日"
    assert article_date("2023-09-14") == "2023年9月14日"
    assert article_date("9月13日") == "9月13日"  # no year known: none is made up


def test_setting_the_publication_date_gives_the_articles_their_year(window: MainWindow) -> None:
    article = window.session.articles[0]
    assert article.date == "9月13日"
    tooltip = window.articles_panel.model.index(0, ArticleColumn.DATE).data(Qt.ItemDataRole.ToolTipRole)
    assert "no year" in tooltip
    assert window.session.set_publication_date(article.document_id, dt.date(2023, 9, 14))
    listed = window.articles_panel.model.articles()
    same_file = [a for a in listed if a.document_id == article.document_id]
    assert all(a.date.startswith("2023年") for a in same_file if a.date)
    assert window.article_view.toPlainText().count("2023年9月13日") == 1  # the date line of the article
    assert window.session.publication_date(article.document_id) == dt.date(2023, 9, 14)


# -- F1 -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_help_lists_every_key_once_without_mnemonics(qtbot: QtBot, tmp_path: Path, language: str) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    install_translator(app, language)
    try:
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, ask_editor=False)
        qtbot.addWidget(window)
        window.show_shortcuts()
        dialog = window.shortcuts_dialog
        assert isinstance(dialog, ShortcutsDialog)
        listed = dialog.listed()
        for command, shown in listed.items():
            assert "&" not in command and not MNEMONIC.search(command), command
            names = shown.split(" / ")
            assert len(names) == len(set(names)), f"{command}: {shown}"
        for spec in ACTIONS:
            sequences = key_sequences(spec)
            if not sequences or spec.id.startswith("tag_"):
                continue
            shown = listed[plain_text(window.actions_by_id[spec.id].text())]
            for name in key_names(sequences):
                assert name in shown.split(" / "), (spec.id, name)
        assert any(shown == "1 … 9" for shown in listed.values())
        enter = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
        assert enter in listed.values()  # the note's Ctrl+Enter, a field's own key, is listed too
        dialog.close()
        window.close()
    finally:
        install_translator(app, "en")


# -- 1024 px ---------------------------------------------------------------------------------------


def test_a_narrow_article_list_keeps_headlines_readable_and_counts_whole(
    qtbot: QtBot, chinese: None, store: ReviewStore
) -> None:
    panel = ArticleListPanel()
    qtbot.addWidget(panel)
    panel.set_articles(store.articles())
    panel.resize(250, 600)  # the left pane of a 1024 px window
    panel.show()
    qtbot.waitExposed(panel)
    header = panel.table.horizontalHeader()
    metrics = panel.table.fontMetrics()
    assert header.sectionSize(ArticleColumn.HEADLINE) >= metrics.horizontalAdvance("滨州获国家基本")
    progress = header.sectionSize(ArticleColumn.PROGRESS)
    for row in range(panel.model.rowCount()):
        text = str(panel.model.index(row, ArticleColumn.PROGRESS).data())
        assert metrics.horizontalAdvance(f"✓ {text}") < progress, text
    assert header.isSectionHidden(ArticleColumn.FILE)  # the file name gave way first
    panel.resize(480, 600)
    qtbot.waitUntil(lambda: not header.isSectionHidden(ArticleColumn.FILE))
    assert not header.isSectionHidden(ArticleColumn.DATE)
