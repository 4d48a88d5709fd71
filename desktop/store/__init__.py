"""The review database: claims, decisions, sources and the audit log in SQLite.

Only this package writes SQL; everything else goes through ReviewStore and
gets the records of desktop.store.records back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# Handed on for the window, which imports it from here; it lives in
# desktop.paths: where the user's database is is not the store's to say.
from desktop.paths import default_database_path
from desktop.store.errors import (
    UNAVAILABLE_KINDS,
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

if TYPE_CHECKING:
    from desktop.store.service import ReviewStore

__all__ = [
    "UNAVAILABLE_KINDS",
    "DatabaseRefused",
    "DatabaseUnavailable",
    "ForeignWorkbook",
    "InvalidDecision",
    "ReviewStore",
    "StaleDecision",
    "StoreError",
    "UnknownArticle",
    "UnknownClaim",
    "UnknownDocument",
    "UnknownFinding",
    "default_database_path",
]


def __getattr__(name: str) -> Any:
    # ReviewStore (and all of the store behind it) is loaded on first use:
    # an import's detection processes load desktop.store.prepared alone,
    # and a fifth of a second of imports at each one's start was the
    # service's, which they never use.
    if name == "ReviewStore":
        from desktop.store.service import ReviewStore

        return ReviewStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
