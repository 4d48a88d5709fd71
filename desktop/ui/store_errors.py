"""What the window says when the store refuses something, in the editor's language.

The store raises its errors with an English `reason` (for the command line
and logs) and, where the window must tell cases apart, a code:
DatabaseUnavailable a `kind`, a refused decision (RefusedDecision, and the
Refusal of a workbook row) a `code` with its details, and a value the
parser refused its NumberError as the cause.  Each gets its own sentence
here.  A database that cannot be used asks the editor for something
different per kind — wait, free disk space, use a writable copy, restore a
backup, check the drive — and ends with what matters most: the change was
not saved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from desktop.claims.numerals import NumberError
from desktop.store.decisions import RefusedDecision
from desktop.store.errors import (
    DatabaseRefused,
    DatabaseUnavailable,
    ForeignWorkbook,
    InvalidDecision,
    StaleDecision,
    StoreError,
    UnknownArticle,
    UnknownClaim,
    UnknownDocument,
    UnknownFinding,
)
from desktop.store.records import REJECT_REASONS, STATUSES
from desktop.ui.number_refusals import number_code_text, number_refusal_text
from desktop.ui.wording import local_time, reason_label, status_label

__all__ = ["decision_refusal_text", "stale_text", "store_error_text", "unavailable_text"]


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


def decision_refusal_text(code: str, details: Mapping[str, str]) -> str:
    """Why a decision (or a workbook row) was not saved, from its code (desktop.store.decisions)."""
    translate = QCoreApplication.translate
    if code == "not-a-number":
        return number_code_text(details.get("number_code", ""), details.get("value", ""))
    if code == "stale":
        return stale_text(details.get("editor", ""), details.get("at", ""))
    sentences = {
        "unknown-status": translate(
            "StoreErrors", "“{status}” is not a status; use one of {choices}."
        ).format(status=details.get("status", ""), choices=_choices(status_label, STATUSES)),
        "unknown-reason": translate(
            "StoreErrors",
            "“{reason}” is not a reason for rejecting; use one of {choices}, or leave it empty.",
        ).format(reason=details.get("reason", ""), choices=_choices(reason_label, REJECT_REASONS)),
        "unknown-claim": translate(
            "StoreErrors", "There is no claim {claim} in this database (was its id changed?)."
        ).format(claim=details.get("claim_id", "")),
        "no-editor": translate("StoreErrors", "Set your name first: every decision records who made it."),
        "reason-needs-rejected": translate(
            "StoreErrors", "A reason for rejecting goes only with the status {status}."
        ).format(status=status_label("rejected")),
        "value-needs-corrected": translate(
            "StoreErrors", "A corrected value goes only with the status {status}."
        ).format(status=status_label("corrected")),
        "needs-value": translate("StoreErrors", "The status {status} needs the corrected value.").format(
            status=status_label("corrected")
        ),
        "unit-mismatch": translate(
            "StoreErrors", "The corrected value says {written} but the unit given is {given}."
        ).format(written=details.get("written", ""), given=details.get("given", "")),
        "tag-separator": translate(
            "StoreErrors", "A source tag cannot contain 、 , ， ; ； or a line break: “{tag}”."
        ).format(tag=details.get("tag", "")),
        "empty-tag": translate("StoreErrors", "A source needs a tag."),
        "span-outside": translate("StoreErrors", "The selection is not inside the article's text."),
        "not-in-source": translate(
            "StoreErrors",
            "“{text}” is not in the file as imported (FactDesk added it while repairing the layout).",
        ).format(text=details.get("text", "")),
        "already-a-claim": translate("StoreErrors", "“{text}” is a claim already.").format(
            text=details.get("text", "")
        ),
        "not-a-date": translate("StoreErrors", "“{date}” is not a date; write it as 2026-03-15.").format(
            date=details.get("date", "")
        ),
        "no-source": translate(
            "StoreErrors",
            "This article has no source release yet: attach one first (File → Attach the source release…).",
        ),
        "source-is-own-document": translate("StoreErrors", "An article cannot be its own source release."),
        "source-unreadable": translate(
            "StoreErrors", "The release file {file} cannot be read: {reason}"
        ).format(file=details.get("file", ""), reason=details.get("reason", "")),
        "source-not-imported": translate(
            "StoreErrors", "The release file {file} could not be imported."
        ).format(file=details.get("file", "")),
        "no-linked": translate(
            "StoreErrors",
            "No pending number states this figure again with the same value: nothing to confirm.",
        ),
        "no-source-tags": translate(
            "StoreErrors",
            "This number has no source tag to give the same figure elsewhere: tag its source (T) first.",
        ),
        "finding-dismissed": translate("StoreErrors", "This check was dismissed already."),
        "finding-not-dismissed": translate("StoreErrors", "This check is not dismissed: nothing to restore."),
        "finding-holds": translate(
            "StoreErrors", "This check holds: only a failing check can be accepted as an error."
        ),
        "finding-no-claim": translate(
            "StoreErrors",
            "This check is on no claim, so there is nothing to reject or correct; dismiss it instead.",
        ),
    }
    return sentences.get(code) or translate(
        "StoreErrors", "The change could not be saved as given; nothing was written."
    )


def stale_text(editor: str, at: str) -> str:
    """Another window saved the claim first."""
    return QCoreApplication.translate(
        "StoreErrors", "{who} changed this claim at {when}; it has been reloaded. Decide again if needed."
    ).format(
        who=editor or QCoreApplication.translate("StoreErrors", "Another editor"),
        when=local_time(at) or "—",
    )


def store_error_text(error: StoreError) -> str:
    """The sentence to show for any store error."""
    translate = QCoreApplication.translate
    if isinstance(error, DatabaseUnavailable):
        return unavailable_text(error)
    if isinstance(error, RefusedDecision):
        cause = error.__cause__
        if isinstance(cause, NumberError):
            return number_refusal_text(cause)
        return decision_refusal_text(error.code, error.details)
    if isinstance(error, InvalidDecision):
        # Without a code (a claim marked by hand, a date): the parser's cause is the one worded case.
        cause = error.__cause__
        if isinstance(cause, NumberError):
            return number_refusal_text(cause)
        return translate("StoreErrors", "The change could not be saved as given; nothing was written.")
    if isinstance(error, StaleDecision):
        return stale_text(error.editor, error.at)
    if isinstance(error, UnknownClaim):
        return translate(
            "StoreErrors", "This claim is no longer in the database (the article was detected again)."
        )
    if isinstance(error, UnknownArticle):
        return translate("StoreErrors", "This article is no longer in the database.")
    if isinstance(error, UnknownDocument):
        return translate("StoreErrors", "This document is no longer in the database.")
    if isinstance(error, UnknownFinding):
        return translate(
            "StoreErrors", "The checks no longer find this (the article changed since); nothing was saved."
        )
    if isinstance(error, ForeignWorkbook):
        return translate(
            "StoreErrors",
            "This workbook was exported from another review database (id {workbook}), not from this one "
            "(id {database}): its claim ids and versions mean nothing here, so nothing of it was imported. "
            "Import it into the database it came from, or export again from this one.",
        ).format(workbook=error.workbook_id, database=error.database_id)
    if isinstance(error, DatabaseRefused):
        return refused_database_text(error)
    return str(error)


def refused_database_text(error: DatabaseRefused) -> str:
    """Why a database file was not opened (it was not touched), from its code (desktop.store.errors)."""
    translate = QCoreApplication.translate
    detail = error.details.get("detail", "")
    sentences = {
        "symlink-loop": translate(
            "StoreErrors", "The path is a loop of symbolic links that never reaches a file."
        ),
        "unreadable": translate("StoreErrors", "The file cannot be read ({detail}).").format(detail=detail),
        "not-a-file": translate("StoreErrors", "This is not a file (a folder or a device?)."),
        "too-small": translate(
            "StoreErrors",
            "The file is too small to be a database: it is damaged, or not a FactDesk database.",
        ),
        "damaged": translate(
            "StoreErrors",
            "The database file is damaged ({detail}). Restore the newest copy from the backups folder beside it.",
        ).format(detail=detail),
        "other-program": translate("StoreErrors", "This is another program's database, not a FactDesk one."),
        "not-sqlite": translate(
            "StoreErrors", "This is not a FactDesk database (not a database file at all)."
        ),
        "newer": translate(
            "StoreErrors",
            "This database was made by a newer FactDesk (schema version {version}; this one knows up to "
            "{latest}). Open it with a newer FactDesk.",
        ).format(version=error.details.get("version", ""), latest=error.details.get("latest", "")),
        "altered": translate(
            "StoreErrors",
            "Another program changed this database (schema version {version} is not one FactDesk writes). "
            "Restore it from a backup.",
        ).format(version=error.details.get("version", "")),
        "cannot-open": translate("StoreErrors", "The database cannot be opened ({detail}).").format(
            detail=detail
        ),
        "folder": translate("StoreErrors", "The database's folder cannot be created ({detail}).").format(
            detail=detail
        ),
        "none-read-only": translate(
            "StoreErrors", "There is no review database here yet, and it cannot be created read-only."
        ),
    }
    sentence = sentences.get(error.code, error.reason)
    return translate("StoreErrors", "{sentence} The file was not changed.").format(sentence=sentence)


def _choices(label: Callable[[str], str], keys: tuple[str, ...]) -> str:
    return "、".join(label(key) for key in keys)
