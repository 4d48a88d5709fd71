"""The review database: claims, decisions, sources and the audit log in SQLite.

Only this package writes SQL; everything else goes through ReviewStore and
gets the records of desktop.store.records back.
"""

from __future__ import annotations

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
