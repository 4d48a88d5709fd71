"""Answering the window's modal dialogs as an editor would, from the event loop (no sleeps).

A modal dialog runs its own event loop, so the test schedules the answer
before the command that opens it; the answer polls (on a timer, never a
sleep) until the dialog is the active modal widget.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot


def answer_next_dialog(seen: list[str], answer: Callable[[QDialog], None] | None = None) -> None:
    """Record the next modal dialog's text (a message box's) or title, then `answer` it (default: accept)."""

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and QApplication.activeWindow() is not dialog:
            # Keys go through the dialog's shortcuts (its mnemonics) only once it is active.
            dialog.activateWindow()
            QTimer.singleShot(20, close)
        elif isinstance(dialog, QDialog):
            seen.append(dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle())
            (answer or QDialog.accept)(dialog)
        else:
            QTimer.singleShot(20, close)

    QTimer.singleShot(20, close)


def scope_answer(qtbot: QtBot, *choices: tuple[str, str]) -> Callable[[QDialog], None]:
    """Answer File → Export's scope dialog by keys: Alt+letter for each (letter, radio button), then Return."""

    def answer(dialog: QDialog) -> None:
        for letter, button in choices:
            QTest.keyClick(QApplication.focusWidget() or dialog, letter, Qt.KeyboardModifier.AltModifier)
            # A mnemonic clicks its button as a click looks: pressed, released a moment later.
            qtbot.waitUntil(getattr(dialog, button).isChecked)
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return)

    return answer
