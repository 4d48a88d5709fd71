"""The review database: claims, decisions, sources and the audit log in SQLite.

Only this package writes SQL; everything else goes through ReviewStore and
gets the records of desktop.store.records back.
"""

from __future__ import annotations

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
)
from desktop.store.service import ReviewStore, default_database_path

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
    "default_database_path",
]
