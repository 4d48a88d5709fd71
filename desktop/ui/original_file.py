"""The original file of an article: is it still where it was imported from, and opening it.

The review never needs the file (the store keeps its text), so a file that
moved is no loss to the review, only to the editor who wants to see it in
its own program: the window then says where it was looked for, in the
editor's language, and opens nothing.  A file that is there but changed
since the import is opened all the same, with a word that line numbers may
no longer match.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ingest.reader import ReadError, read_file
from desktop.pipeline import content_hash
from desktop.store.records import DocumentSource
from desktop.ui.review_session import ReviewSession


class Original(Enum):
    SAME = "same"  # there, with the content that was imported
    CHANGED = "changed"  # there, but edited (or replaced) since the import
    UNREADABLE = "unreadable"  # there, but it cannot be read to compare (opened all the same)
    MISSING = "missing"  # nothing at the recorded place (moved, renamed, deleted, a drive not mounted)


# How the file is handed to the system; a test puts a recorder here instead of launching a program.
open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl


def original_state(source: DocumentSource) -> Original:
    path = Path(source.path)
    # A relative path was recorded by a command run in some folder: it names no place now.
    if not path.is_absolute() or not path.is_file():
        return Original.MISSING
    try:
        read = read_file(path)
    except (ReadError, OSError):
        return Original.UNREADABLE
    return Original.SAME if content_hash(read.text) == source.content_hash else Original.CHANGED


def open_original(source: DocumentSource) -> tuple[bool, str]:
    """Open the file in the program the system uses for it; (opened, what to tell the editor)."""
    state = original_state(source)
    translate = QCoreApplication.translate
    if state is Original.MISSING:
        return False, translate(
            "OriginalFile",
            "The original file “{name}” is no longer where it was imported from ({path}): it was moved, "
            "renamed or deleted, or its drive is not connected. Nothing was opened; the article's text is "
            "kept in the database, so the review goes on.",
        ).format(name=source.file_name, path=source.path)
    if not open_url(QUrl.fromLocalFile(source.path)):
        return False, translate(
            "OriginalFile", "The system has no program to open “{name}” ({path})."
        ).format(name=source.file_name, path=source.path)
    if state is Original.CHANGED:
        return True, translate(
            "OriginalFile",
            "Opened “{name}”; it was changed after the import, so the line shown may no longer match.",
        ).format(name=source.file_name)
    return True, translate("OriginalFile", "Opened “{name}”.").format(name=source.file_name)


def open_current(parent: QWidget, session: ReviewSession, tell: Callable[[str], None]) -> None:
    """Open the current claim's original file; a refusal in a message box, anything else told."""
    claim = session.current_claim
    source = session.document_source(claim.document_id) if claim is not None else None
    if source is None:
        return
    opened, message = open_original(source)
    if opened:
        tell(message)
    else:
        QMessageBox.warning(parent, QCoreApplication.translate("OriginalFile", "Original file"), message)
