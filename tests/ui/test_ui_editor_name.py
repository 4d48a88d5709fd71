"""The editor's name: asked until it is not blank, trimmed, and nothing when the editor cancels."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.editor_name import ask_editor_name


def answer(answers: list[str | None], asked: list[str]) -> None:
    """Type the next answer into the open name dialog (None: cancel), and once more for the next dialog."""

    def step() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible()
        )
        asked.append(dialog.labelText())
        typed = answers.pop(0)
        if typed is None:
            dialog.reject()
        else:
            dialog.setTextValue(typed)
            dialog.accept()
        if answers:
            QTimer.singleShot(0, step)

    QTimer.singleShot(0, step)


def test_a_blank_name_is_asked_again_and_the_name_is_trimmed(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    asked: list[str] = []
    answer(["   ", "  王编辑 "], asked)
    assert ask_editor_name(parent) == "王编辑"
    assert len(asked) == 2 and asked[0] == asked[1]


def test_cancel_gives_no_name(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    asked: list[str] = []
    answer([None], asked)
    assert ask_editor_name(parent) == ""
    assert len(asked) == 1
