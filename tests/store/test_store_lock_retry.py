"""A writer that finds the lock taken tries again often, so an importer's short pauses are enough."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from desktop.store import ReviewStore, sql


def _hold_lock(path: Path, seconds: float, taken: threading.Event) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    taken.set()
    time.sleep(seconds)
    conn.execute("COMMIT")
    conn.close()


def test_the_lock_is_taken_within_milliseconds_of_its_release(db_path: Path, store: ReviewStore) -> None:
    taken = threading.Event()
    holder = threading.Thread(target=_hold_lock, args=(db_path, 0.25, taken))
    holder.start()
    taken.wait()
    began = time.monotonic()
    with sql.transaction(store._db):
        waited = time.monotonic() - began
    holder.join()
    # SQLite's own busy handler tries at 228 ms and next at 328 ms.
    assert 0.2 < waited < 0.25 + 0.04
    assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_the_busy_timeout_still_bounds_the_wait_and_is_restored(db_path: Path, store: ReviewStore) -> None:
    taken = threading.Event()
    holder = threading.Thread(target=_hold_lock, args=(db_path, 0.5, taken))
    holder.start()
    taken.wait()
    store._db.execute("PRAGMA busy_timeout = 100")
    began = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="locked"), sql.transaction(store._db):
        pass
    assert 0.09 < time.monotonic() - began < 0.4
    assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] == 100
    holder.join()
    assert not store._db.conn.in_transaction
