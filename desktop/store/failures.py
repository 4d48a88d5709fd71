"""What an SQLite failure means to the editor: DatabaseUnavailable instead of a raw sqlite3 error.

Translated by SQLite's result code (``sqlite_errorcode``; its low byte is the
primary code, the rest says which variant), never by the message text, which
changes between SQLite versions.  Errors with no code here (a constraint, a
misuse) are bugs and pass through unchanged.
"""

from __future__ import annotations

import functools
import inspect
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from desktop.store.errors import DatabaseUnavailable, UnavailableKind

_KINDS: dict[int, UnavailableKind] = {
    sqlite3.SQLITE_BUSY: "busy",
    sqlite3.SQLITE_LOCKED: "busy",
    sqlite3.SQLITE_FULL: "full",
    sqlite3.SQLITE_READONLY: "readonly",
    sqlite3.SQLITE_CORRUPT: "damaged",
    sqlite3.SQLITE_NOTADB: "damaged",
    sqlite3.SQLITE_IOERR: "io",
    sqlite3.SQLITE_CANTOPEN: "io",
    sqlite3.SQLITE_PROTOCOL: "io",
}

_REASONS: dict[UnavailableKind, str] = {
    "busy": (
        "another FactDesk window or import kept the database busy for longer than FactDesk"
        " waits for it; nothing was saved, try again in a moment"
    ),
    "full": (
        "the disk holding the database is full (or the database reached its size limit);"
        " nothing was saved: free some space and try again"
    ),
    "readonly": (
        "the database cannot be written here (the file or its folder is read-only, or it was"
        " opened read-only); nothing was saved"
    ),
    "damaged": (
        "the database file is damaged (SQLite found a malformed page); stop using it and restore"
        " the newest copy from the backups folder beside it"
    ),
    "io": (
        "the disk reported an error reading or writing the database (a failing drive, a removed"
        " disk or a lost network share); check the drive and try again"
    ),
}


def kind_of(error: sqlite3.Error) -> UnavailableKind | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else _KINDS.get(code & 0xFF)


def unavailable(path: Path, kind: UnavailableKind, detail: str = "") -> DatabaseUnavailable:
    reason = _REASONS[kind]
    return DatabaseUnavailable(path, kind, f"{reason} ({detail})" if detail else reason)


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """Raise DatabaseUnavailable for an SQLite error that says the database is unusable right now."""
    try:
        yield
    except sqlite3.Error as error:
        kind = kind_of(error)
        if kind is None:
            raise
        name = getattr(error, "sqlite_errorname", "") or str(error)
        raise unavailable(path, kind, name) from error


_Store = TypeVar("_Store")


def translate_public_methods(cls: type[_Store]) -> type[_Store]:
    """Wrap every public method of a store class in translated(self.path).

    A class decorator rather than one per method: a method added later is
    covered without anyone remembering to.  Generators (streamed exports) are
    wrapped so that errors raised while they are consumed are translated too.
    """
    for name, member in list(vars(cls).items()):
        if name.startswith("_") or not inspect.isfunction(member):
            continue
        setattr(cls, name, _generator(member) if inspect.isgeneratorfunction(member) else _function(member))
    return cls


def _function(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        with translated(self.path):
            return method(self, *args, **kwargs)

    return wrapper


def _generator(method: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        with translated(self.path):
            yield from method(self, *args, **kwargs)

    return wrapper
