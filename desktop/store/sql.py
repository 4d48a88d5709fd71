"""The few ways the store talks to its connection: a write transaction, rows as dicts, an audit entry."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from desktop.store import rows as convert

# How often a writer that found the lock taken tries again.  SQLite's own
# busy handler sleeps up to 100 ms between tries, so a bulk import had to
# leave the lock free longer than that after each of its transactions for a
# waiting window to find it free; trying this often, a window takes it in
# a pause of a few tens of milliseconds (writing.PAUSE_SECONDS).
RETRY_SECONDS = 0.002


@contextmanager
def transaction(db: Database) -> Iterator[None]:
    """One write transaction, committed when the block ends, rolled back if it raises."""
    _begin(db)
    try:
        yield
    except BaseException:
        db.rollback()
        raise
    try:
        db.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


def _begin(db: Database) -> None:
    """BEGIN IMMEDIATE, trying again every RETRY_SECONDS for as long as the connection's busy timeout."""
    # IMMEDIATE takes the write lock up front, so a check made inside the
    # transaction (a version, "already imported?") cannot be overtaken by
    # another process.
    wait_ms = int(db.execute("PRAGMA busy_timeout").fetchone()[0])
    deadline = time.monotonic() + wait_ms / 1000
    db.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                busy = error.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY
                if not busy or time.monotonic() >= deadline:
                    raise
            time.sleep(RETRY_SECONDS)
    finally:
        db.execute(f"PRAGMA busy_timeout = {wait_ms}")


def rows(db: Database, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
    return list(db.query(sql, params))


def insert(db: Database, table: str, row: dict[str, Any]) -> int:
    pk = db.table(table).insert(row).last_pk
    assert pk is not None  # every table here has an integer primary key
    return int(pk)


def audit(
    db: Database, editor: str, claim_id: str, action: str, before: dict[str, object], after: dict[str, object]
) -> int:
    cursor = db.execute(
        "INSERT INTO audit (at, editor, claim_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)",
        [convert.now(), editor, claim_id, action, convert.to_json(before), convert.to_json(after)],
    )
    return int(cursor.lastrowid or 0)
