"""The few ways the store talks to its connection: a write transaction, rows as dicts, an audit entry."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from desktop.store import rows as convert


@contextmanager
def transaction(db: Database) -> Iterator[None]:
    """One write transaction, committed when the block ends, rolled back if it raises."""
    # IMMEDIATE takes the write lock up front, so a check made inside the
    # transaction (a version, "already imported?") cannot be overtaken by
    # another process.
    db.execute("BEGIN IMMEDIATE")
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
