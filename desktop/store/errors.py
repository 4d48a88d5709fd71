"""What the review store refuses, and why, in words an editor can act on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from desktop.store.records import ClaimView


class StoreError(Exception):
    """Base of every error the store raises on purpose."""


# Why a database file is refused, for the window to word in the editor's language
# (desktop/ui/store_errors.py); `reason` stays in English for the command line.
REFUSED_CODES = (
    "symlink-loop",
    "unreadable",  # detail: the system's error
    "not-a-file",
    "too-small",
    "damaged",  # detail: what SQLite found
    "other-program",  # another program's SQLite file
    "not-sqlite",
    "newer",  # version, latest
    "altered",  # version: a schema version FactDesk never writes
    "cannot-open",  # detail
    "folder",  # detail: its folder cannot be created
    "none-read-only",  # nothing there, and a read-only open cannot make it
)


class DatabaseRefused(StoreError):
    """A database file the store will not open; the file has not been touched.

    `code` (one of REFUSED_CODES) and `details` say why for a window to word;
    `reason` says it in English.
    """

    def __init__(self, path: Path, reason: str, code: str = "cannot-open", /, **details: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.code = code
        self.details = details


# Why a database that opened fine cannot be used right now; each kind asks the
# editor for something different (wait, free disk space, use a writable copy,
# restore a backup, check the drive), so the window words each one its own way.
UnavailableKind = Literal["busy", "full", "readonly", "damaged", "io"]
UNAVAILABLE_KINDS: tuple[UnavailableKind, ...] = ("busy", "full", "readonly", "damaged", "io")


class DatabaseUnavailable(StoreError):
    """SQLite could not read or write the database: nothing of the failed change was saved.

    `kind` is one of UNAVAILABLE_KINDS, `reason` says in English what happened
    and what to do.
    """

    def __init__(self, path: Path, kind: UnavailableKind, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.kind: UnavailableKind = kind
        self.reason = reason


class ForeignWorkbook(StoreError):
    """An edited workbook exported from another review database; nothing of it was applied."""

    def __init__(self, workbook_id: str, database_id: str) -> None:
        self.workbook_id = workbook_id
        self.database_id = database_id
        self.reason = (
            f"this workbook was exported from another review database (database id {workbook_id}),"
            f" not from this one (database id {database_id}); its claims and versions mean nothing"
            " here. Import it into the database it came from, or export again from this one"
        )
        super().__init__(self.reason)


class InvalidDecision(StoreError):
    """A decision (or manual claim) that cannot be saved as given; nothing was written."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class StaleDecision(StoreError):
    """Someone else saved this claim since it was loaded; nothing was written.

    `current` is the claim as it is now, so the caller can show it and let the
    editor decide again.
    """

    def __init__(self, current: ClaimView, expected_version: int) -> None:
        who = current.editor or "another editor"
        super().__init__(
            f"claim {current.id} was changed by {who} at {current.decided_at} "
            f"(version {current.version}, expected {expected_version}); reload it and decide again"
        )
        self.current = current
        self.editor = current.editor
        self.at = current.decided_at
        self.expected_version = expected_version


class UnknownClaim(StoreError, LookupError):
    def __init__(self, claim_id: str) -> None:
        super().__init__(f"no claim with id {claim_id!r}")
        self.claim_id = claim_id


class UnknownArticle(StoreError, LookupError):
    def __init__(self, article_id: int) -> None:
        super().__init__(f"no article with id {article_id}")
        self.article_id = article_id


class UnknownDocument(StoreError, LookupError):
    def __init__(self, document_id: int) -> None:
        super().__init__(f"no document with id {document_id}")
        self.document_id = document_id


class UnknownFinding(StoreError, LookupError):
    """No such finding: the checks ran again and no longer find it (or never did)."""

    def __init__(self, finding_id: int) -> None:
        super().__init__(f"no finding with id {finding_id}")
        self.finding_id = finding_id
