"""Why an import left a file out, in the editor's language.

The reader and the import say why in English (for the command line and the
log) and with a kind (desktop.ingest.reader.READ_ERROR_KINDS, or
DETECTION_FAILED); the window words the kind.  The English reason's details
(a byte offset, a size limit) stay in the log: what the editor needs is what
to do about the file.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.ingest.reader import display_name
from desktop.store.records import DETECTION_FAILED, FileRefusal

__all__ = ["file_refusal_text", "refusal_sentence"]


def refusal_sentence(kind: str, english_reason: str = "") -> str:
    """One sentence for a refused file's kind; an unknown kind falls back to the English reason."""
    # Literal translate() calls, so pyside6-lupdate finds every sentence.
    sentences = {
        "missing": QCoreApplication.translate("FileRefusals", "the file does not exist (moved or deleted?)"),
        "symlink_loop": QCoreApplication.translate(
            "FileRefusals", "a loop of symbolic links that never reaches a file"
        ),
        "permission": QCoreApplication.translate(
            "FileRefusals", "no permission to read the file or a folder on its path"
        ),
        "directory": QCoreApplication.translate(
            "FileRefusals", "a folder, not a file (choose the files inside it)"
        ),
        "special": QCoreApplication.translate(
            "FileRefusals", "not a regular file (a device, pipe or socket)"
        ),
        "unsupported": QCoreApplication.translate(
            "FileRefusals", "not a file type FactDesk reads (.txt, .md or .docx; save other documents as one)"
        ),
        "unreadable": QCoreApplication.translate(
            "FileRefusals", "the system could not read the file (check the drive or network share)"
        ),
        "too_large": QCoreApplication.translate(
            "FileRefusals", "the file is too large to be one article page (split it and import the parts)"
        ),
        "empty": QCoreApplication.translate("FileRefusals", "the file is empty or holds only blank space"),
        "binary": QCoreApplication.translate("FileRefusals", "not a text file (binary data)"),
        "undecodable": QCoreApplication.translate(
            "FileRefusals",
            "the text is not Chinese in UTF-8, UTF-16 or GB18030 (save it again in UTF-8)",
        ),
        "corrupt": QCoreApplication.translate(
            "FileRefusals", "not a Word document, or a damaged one (open it in Word and save it again)"
        ),
        DETECTION_FAILED: QCoreApplication.translate(
            "FileRefusals", "FactDesk could not find the claims in this file (an internal error, logged)"
        ),
    }
    return sentences.get(kind, english_reason)


def file_refusal_text(refusal: FileRefusal) -> str:
    """'name: why', one line for the list of files an import left out."""
    return QCoreApplication.translate("FileRefusals", "{name}: {why}").format(
        name=display_name(refusal.path), why=refusal_sentence(refusal.kind, refusal.reason)
    )
