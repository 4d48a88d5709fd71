"""Who is reviewing: asked once, recorded with every decision."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget


def ask_editor_name(parent: QWidget) -> str:
    """The name the editor types, asked again while it is blank; "" when the editor cancels."""
    translate = QCoreApplication.translate  # the window's context, where these were first translated
    while True:
        name, ok = QInputDialog.getText(
            parent,
            translate("MainWindow", "Who is reviewing?"),
            translate("MainWindow", "Your name (saved with every decision):"),
        )
        if not ok:
            return ""
        if name.strip():
            return str(name).strip()
