"""Refusals from the parser and the store, said in the window's language (here Chinese), never in their English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.claims.numerals import REFUSAL_CODES, NumberError, parse_quantity
from desktop.ingest.reader import READ_ERROR_KINDS
from desktop.store import ReviewStore
from desktop.store.decisions import REFUSAL_CODES as DECISION_CODES
from desktop.store.memory import MEMORY_REFUSAL_CODES
from desktop.store.records import DETECTION_FAILED
from desktop.store.releases import RELEASE_REFUSAL_CODES
from desktop.ui.file_refusals import refusal_sentence
from desktop.ui.main_window import MainWindow
from desktop.ui.number_refusals import number_code_text
from desktop.ui.store_errors import decision_refusal_text
from desktop.ui.workers import import_outcome

# Latin words of three letters or more: English that leaked into a Chinese sentence.
ENGLISH = re.compile(r"[A-Za-z]{3,}")


def english_words(text: str) -> list[str]:
    return [
        word
        for word in ENGLISH.findall(text)
        if word not in ("FactDesk", "Excel", "Word", "UTF", "txt", "docx")
    ]


@pytest.mark.parametrize("code", REFUSAL_CODES)
def test_every_number_refusal_code_has_a_chinese_sentence(chinese: None, code: str) -> None:
    text = number_code_text(code, "1e5000")
    assert "1e5000" in text or code == "empty"
    assert not english_words(text.replace("1e5000", "")), text
    assert text != number_code_text("a code added later", "1e5000")


@pytest.mark.parametrize("code", (*DECISION_CODES, *RELEASE_REFUSAL_CODES, *MEMORY_REFUSAL_CODES))
def test_every_decision_refusal_code_has_a_chinese_sentence(chinese: None, code: str) -> None:
    text = decision_refusal_text(code, {"number_code": "no_number", "value": "abc"})
    assert not english_words(text.replace("abc", "")), text


@pytest.mark.parametrize("kind", (*READ_ERROR_KINDS, DETECTION_FAILED))
def test_every_reason_a_file_is_left_out_of_an_import_has_a_chinese_sentence(
    chinese: None, kind: str
) -> None:
    text = refusal_sentence(kind, "the English reason")
    assert text != "the English reason" and not english_words(text), text


def test_the_files_an_import_left_out_are_listed_in_chinese(chinese: None, tmp_path: Path) -> None:
    binary = tmp_path / "扫描件.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    empty = tmp_path / "空白.md"
    empty.write_text("   \n", "utf-8")
    page = tmp_path / "稿件.txt"
    page.write_text("今年前三季度，全市新增市场主体1.2万户，同比增长8.5%。\n", "utf-8")
    with ReviewStore.open(tmp_path / "review.sqlite", seed_if_new=False) as store:
        store.import_files([binary, empty, page])
        message, left_out = import_outcome(store.import_files([page, binary]))
    assert left_out == ["扫描件.txt：不是文本文件（二进制数据）", "稿件.txt：已导入过"], left_out
    assert not english_words(message), message


def test_a_typed_value_the_parser_refuses_is_explained_in_chinese(
    qtbot: QtBot, chinese: None, window: MainWindow
) -> None:
    window.article_view.setFocus()
    qtbot.waitUntil(window.article_view.hasFocus)
    qtbot.keyClick(window.article_view, "E")
    field = window.inspector.value_edit
    assert field.hasFocus()
    field.clear()
    qtbot.keyClicks(field, "abc")
    with pytest.raises(NumberError):
        parse_quantity("abc")
    assert window.inspector.correction_error_text() == "“abc”开头不是数字。"
    field.clear()
    qtbot.keyClicks(field, "1e5")
    assert "科学记数法" in window.inspector.correction_error_text()


def test_a_decision_the_store_refuses_is_said_in_chinese(
    qtbot: QtBot, chinese: None, window: MainWindow
) -> None:
    claim = window.current_claim
    assert claim is not None
    # A value saying % with the unit 元: the store refuses it whatever the field let through.
    assert not window.session.correct(claim.id, "12%", "元")
    assert window.inspector.refusal_text() == "更正值写的单位是“%”，单位栏却是“元”。"


def test_a_stale_decision_names_who_in_chinese(
    qtbot: QtBot, chinese: None, window: MainWindow, tmp_path: Path
) -> None:
    claim = window.current_claim
    assert claim is not None
    with ReviewStore.open(tmp_path / "review.sqlite") as other:
        other.decide(claim.id, "confirmed", editor="另一位编辑")
    assert not window.session.confirm()
    refusal = window.inspector.refusal_text()
    assert refusal.startswith("另一位编辑 已于 ") and not english_words(refusal)


def test_selected_text_that_is_no_number_or_a_claim_already_is_said_in_chinese(
    qtbot: QtBot, chinese: None, window: MainWindow
) -> None:
    claim = window.current_claim
    assert claim is not None
    text = window.store.article(claim.article_id).text
    start = text.index("主题系列")
    window.article_view.add_claim_requested.emit(start, start + 4)
    assert window.inspector.refusal_text() == "无法把“主题系列”添加为数字。“主题系列”开头不是数字。"
    other = window.session.claims[3]
    window.article_view.add_claim_requested.emit(other.start, other.end)
    assert window.current_claim is not None and window.current_claim.id == other.id
    assert window.inspector.refusal_text() == f"“{other.text}”已经是一个数字了，已选中它。"
