"""A database busy, full, read-only, damaged or failing: DatabaseUnavailable with its kind, never a raw sqlite3 error.

Each kind is provoked for real: another process holding a write transaction,
SQLite's own page limit (max_page_count) standing in for a full disk, a
read-only connection, pages overwritten and a write-ahead log cut short by
another process while the store has the file open.
"""

from __future__ import annotations

import inspect
import re
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.paths import seed_files
from desktop.store import UNAVAILABLE_KINDS, DatabaseUnavailable, ReviewStore, StoreError
from desktop.store.records import DecisionEdit

HOLD_WRITE_LOCK = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE sources SET last_used = last_used")
    print("holding", flush=True)
    sys.stdin.readline()
    conn.execute("ROLLBACK")
    """
)


@pytest.fixture
def lock_holder(db_path: Path, store: ReviewStore) -> Iterator[subprocess.Popen[str]]:
    """Another process in the middle of a long write transaction on the store's database."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE_LOCK, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    yield holder
    holder.stdin.write("done\n")
    holder.stdin.close()
    holder.wait(timeout=30)
    holder.stdout.close()


def _unavailable(kind: str, error: pytest.ExceptionInfo[DatabaseUnavailable], path: Path) -> None:
    assert error.value.kind == kind
    assert error.value.path == path
    assert isinstance(error.value, StoreError)
    assert isinstance(error.value.__cause__, sqlite3.Error)
    assert error.value.reason and str(path) in str(error.value)


def test_a_write_while_another_process_holds_the_lock_is_refused_as_busy(
    db_path: Path, store: ReviewStore, lock_holder: subprocess.Popen[str]
) -> None:
    store._db.execute("PRAGMA busy_timeout = 200")  # the real 5 s, shortened for the test
    claim = store.claims()[0]
    with pytest.raises(DatabaseUnavailable) as busy:
        store.decide(claim.id, "confirmed", editor="张")
    _unavailable("busy", busy, db_path)
    assert "busy" in busy.value.reason
    with pytest.raises(DatabaseUnavailable) as busy:
        store.add_source("统计公报")
    assert busy.value.kind == "busy"
    # Reading goes on while another process writes (WAL).
    assert store.claim(claim.id).version == 0


def test_a_full_disk_refuses_the_write_and_keeps_what_was_saved(
    db_path: Path, store: ReviewStore, tmp_path: Path
) -> None:
    claim = store.claims()[0]
    store.decide(claim.id, "confirmed", editor="张")
    # SQLite reports a full disk when it cannot grow the file; its page limit does the same.
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DatabaseUnavailable) as full:
        store.import_files(seed_files()[1:3])
    _unavailable("full", full, db_path)
    assert len(store.documents()) == 1
    assert store.claim(claim.id).status == "confirmed"
    store._db.execute("PRAGMA max_page_count = 1073741823")  # space freed: the import now goes through
    assert store.import_files(seed_files()[1:3]).documents_added == 2


def _digits_no_claim_covers(store: ReviewStore) -> tuple[int, int, int]:
    """(article id, start, end) of a figure the detector left out (a date's year), for a manual claim."""
    for summary in store.articles():
        text = store.article(summary.id).text
        taken = [(c.start, c.end) for c in store.claims(summary.id)]
        for found in re.finditer(r"[0-9]+", text):
            if all(found.end() <= start or end <= found.start() for start, end in taken):
                return summary.id, found.start(), found.end()
    raise AssertionError("every figure is a claim")


def test_a_read_only_database_reads_and_refuses_every_write(db_path: Path, store: ReviewStore) -> None:
    claim = store.claims()[0]
    article_id, start, end = _digits_no_claim_covers(store)
    store.close()
    with ReviewStore.open(db_path, read_only=True) as reader:
        assert reader.read_only
        assert reader.claim(claim.id) == claim
        assert reader.articles() and reader.search("签约") is not None and list(reader.export_rows())
        writes = {
            "decide": lambda: reader.decide(claim.id, "confirmed", editor="张"),
            "add_source": lambda: reader.add_source("统计公报"),
            "set_publication_date": lambda: reader.set_publication_date(claim.document_id, "2024-01-02"),
            "add_manual_claim": lambda: reader.add_manual_claim(article_id, start, end, "张"),
            "import_files": lambda: reader.import_files(seed_files()[1:2]),
            "redetect": lambda: reader.redetect(force=True),
            "apply_edits": lambda: reader.apply_edits(
                [
                    DecisionEdit(
                        row=2, claim_id=claim.id, status="已确认", corrected_value="", corrected_unit=""
                    )
                ],
                editor="张",
            ),
        }
        for name, write in writes.items():
            with pytest.raises(DatabaseUnavailable) as refused:
                write()
            assert refused.value.kind == "readonly", name
    with ReviewStore.open(db_path) as reopened:
        assert reopened.claim(claim.id) == claim
        assert reopened.sources() == []


SCRIBBLE = textwrap.dedent(
    """
    import sys
    # Another process (a failing disk, a sync tool) overwrites every page but the header's.
    with open(sys.argv[1], "r+b") as f:
        size = f.seek(0, 2)
        for offset in range(4096, size, 4096):
            f.seek(offset)
            f.write(bytes([0xA5]) * 4096)
    """
)

TRUNCATE_WAL = "import os, sys; os.truncate(sys.argv[1] + '-wal', 32)"


def _another_process(script: str, db_path: Path) -> None:
    # Never from this process: closing any descriptor of the file would drop
    # the store connection's locks (see test_store_processes.py).
    subprocess.run([sys.executable, "-c", script, str(db_path)], check=True)


def test_pages_damaged_under_an_open_store_are_reported_as_damaged(db_path: Path, store: ReviewStore) -> None:
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file
    store._db.execute("PRAGMA cache_size = 1")  # pages are read from the disk again
    store._db.execute("PRAGMA shrink_memory")
    _another_process(SCRIBBLE, db_path)
    with pytest.raises(DatabaseUnavailable) as damaged:
        store.claims()
    _unavailable("damaged", damaged, db_path)
    with pytest.raises(DatabaseUnavailable) as damaged:
        list(store.export_rows())  # raised while the export is being read, too
    assert damaged.value.kind == "damaged"


def test_a_disk_error_under_an_open_store_is_reported_as_io(db_path: Path, store: ReviewStore) -> None:
    writer = sqlite3.connect(db_path, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("UPDATE decisions SET note = '已核' WHERE version = 0")
        # The log the store must now read its pages from loses its frames: a
        # short read, as from a failing disk or a dropped network share.
        _another_process(TRUNCATE_WAL, db_path)
        with pytest.raises(DatabaseUnavailable) as failed:
            store.claims()
        _unavailable("io", failed, db_path)
    finally:
        writer.close()


def test_every_public_store_method_translates_sqlite_failures() -> None:
    public = [
        name
        for name, member in vars(ReviewStore).items()
        if not name.startswith("_") and inspect.isfunction(member)
    ]
    assert {"decide", "claims", "export_rows", "apply_edits", "import_files", "search"} <= set(public)
    unwrapped = [name for name in public if not hasattr(getattr(ReviewStore, name), "__wrapped__")]
    assert unwrapped == []
    assert set(UNAVAILABLE_KINDS) == {"busy", "full", "readonly", "damaged", "io"}
