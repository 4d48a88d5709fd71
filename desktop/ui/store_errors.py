"""What the window says when the database cannot be used, in the editor's language.

The store raises DatabaseUnavailable with an English `reason` (for the
command line and logs) and a `kind`.  Each kind asks the editor for
something different — wait, free disk space, use a writable copy, restore
a backup, check the drive — so each gets its own sentence here, ending with
what matters most: the change was not saved.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.store.errors import DatabaseUnavailable, StoreError

__all__ = ["store_error_text", "unavailable_text"]


def unavailable_text(error: DatabaseUnavailable) -> str:
    # Literal translate() calls, so pyside6-lupdate finds every sentence.
    sentences = {
        "busy": QCoreApplication.translate(
            "StoreErrors",
            "The database is in use by another program (perhaps an import in progress). "
            "Please try again in a moment; your change was not saved.",
        ),
        "full": QCoreApplication.translate(
            "StoreErrors",
            "The disk that holds the database is full. "
            "Free some space and try again; your change was not saved.",
        ),
        "readonly": QCoreApplication.translate(
            "StoreErrors",
            "The database cannot be written here (the file or its folder is read-only). "
            "Copy it to a folder you can write to and open it there; your change was not saved.",
        ),
        "damaged": QCoreApplication.translate(
            "StoreErrors",
            "The database file is damaged. Stop working in it and restore the newest copy "
            "from the backups folder beside it; your change was not saved.",
        ),
        "io": QCoreApplication.translate(
            "StoreErrors",
            "The disk reported an error reading or writing the database (a failing drive, "
            "a removed disk or a lost network share). Check it and try again; your change was not saved.",
        ),
    }
    # A kind added to the store later still says something, in English, rather than nothing.
    return sentences.get(error.kind, error.reason)


def store_error_text(error: StoreError) -> str:
    """The sentence to show for any store error."""
    if isinstance(error, DatabaseUnavailable):
        return unavailable_text(error)
    return str(error)
