"""A big import writes in short transactions: other windows keep saving, and kill -9 leaves whole documents or none."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlite_utils import Database
from store_inputs import big_result

from desktop.paths import seed_files
from desktop.store import ReviewStore, database, sql, writing

HERE = Path(__file__).resolve().parent

# Imports a document of ARTICLES articles (about 750 claims each), printing
# "importing" just before it starts writing and "done" when it is stored.
IMPORTER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[2])
    from store_inputs import big_result
    from desktop.store import ReviewStore

    result = big_result(int(sys.argv[3]), 1000)
    with ReviewStore.open(Path(sys.argv[1])) as store:
        print("importing", flush=True)
        report = store.import_result(result)
    print("done", report.claims_added, flush=True)
    """
)

# Another window: decides claims of the seed article, one after another, with
# the store's own busy timeout, until its input closes; prints each outcome.
DECIDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from desktop.store import ReviewStore, StoreError

    with ReviewStore.open(Path(sys.argv[1])) as store:
        claims = store.claims(int(sys.argv[2]))
        print("ready", flush=True)
        sys.stdin.readline()
        n = 0
        while True:
            claim = claims[n % len(claims)]
            status = "rejected" if store.claim(claim.id).status == "confirmed" else "confirmed"
            started = time.monotonic()
            try:
                store.decide(claim.id, status, editor="window")
            except StoreError as error:
                print("failed", type(error).__name__, error, flush=True)
            else:
                print("saved", f"{time.monotonic() - started:.3f}", flush=True)
            n += 1
            time.sleep(0.05)
    """
)


def _python(script: str, *args: str, stdin: int | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.communicate()


def test_a_document_is_written_a_bounded_number_of_claims_at_a_time(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writing, "CLAIMS_PER_TRANSACTION", 50)
    written: list[int] = []
    real = sql.transaction

    def claims(db: Database) -> int:
        return int(db.execute("SELECT count(*) FROM claims").fetchone()[0])

    @contextmanager
    def counted(db: Database) -> Iterator[None]:
        with real(db):
            before = claims(db)
            yield
            written.append(claims(db) - before)

    monkeypatch.setattr(sql, "transaction", counted)
    with ReviewStore.open(db_path) as store:
        report = store.import_files(seed_files()[:1])
        assert len(store.claims()) == report.claims_added > 100
    assert sum(written) == report.claims_added
    assert max(written) <= 50 and len(written) >= report.claims_added // 50


def test_a_decision_in_another_process_is_saved_while_a_big_document_imports(
    db_path: Path, store: ReviewStore
) -> None:
    article = store.claims()[0].article_id
    store.close()
    decider = _python(DECIDER, str(db_path), str(article), stdin=subprocess.PIPE)
    importer = _python(IMPORTER, str(db_path), str(HERE), "100")
    try:
        assert decider.stdout is not None and decider.stdin is not None and importer.stdout is not None
        assert decider.stdout.readline().strip() == "ready"
        assert importer.stdout.readline().strip() == "importing"
        decider.stdin.write("go\n")
        decider.stdin.flush()
        outcomes = []
        while importer.poll() is None:
            outcomes.append(decider.stdout.readline().split())
        done = importer.stdout.read().split()
        assert done[:1] == ["done"] and int(done[1]) > 70_000, importer.stderr
    finally:
        _stop(decider)
        _stop(importer)
    # Each decision waited at most for one short import step (here about
    # 0.5 s), far inside the store's 5 s busy timeout; it used to wait for the
    # whole document, or fail.
    assert len(outcomes) > 10
    assert [o for o in outcomes if o[:1] != ["saved"]] == [], outcomes
    assert max(float(o[1]) for o in outcomes) < database.BUSY_TIMEOUT_MS / 1000 / 2
    # And it got the lock in the first pause after the step it waited for
    # (the pause is short, 30 ms, and a waiting writer tries every 2 ms):
    # had it missed the pause it would have waited two steps and more.
    assert max(float(o[1]) for o in outcomes) < 2 * writing.STEP_SECONDS


def _count(db_path: Path, sql: str) -> int:
    conn = sqlite3.connect(db_path, timeout=5)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


KILLED_ARTICLES = 30


@pytest.fixture
def killed_import(db_path: Path) -> Iterator[int]:
    """A database where an import of a 22,000-claim document was killed half-way; yields its size in claims."""
    ReviewStore.open(db_path).close()
    importer = _python(IMPORTER, str(db_path), str(HERE), str(KILLED_ARTICLES))
    try:
        assert importer.stdout is not None
        assert importer.stdout.readline().strip() == "importing"
        deadline = time.monotonic() + 60
        # Killed as soon as some of its claims are committed.
        while _count(db_path, "SELECT count(*) FROM claims") == 0 and time.monotonic() < deadline:
            time.sleep(0.005)
    finally:
        _stop(importer)
    yield KILLED_ARTICLES


def test_an_import_killed_half_way_shows_nothing_until_imported_again(
    db_path: Path, killed_import: int
) -> None:
    result = big_result(killed_import, 1000)
    claims = sum(len(article.claims) for article in result.articles)
    written = _count(db_path, "SELECT count(*) FROM claims")
    assert 0 < written < claims, "the import was not in the middle of its document"
    with ReviewStore.open(db_path) as store:
        assert store.documents() == [] and store.articles() == [] and store.claims() == []
        assert store.progress() == (0, 0) and store.count_export_rows() == 0
        assert list(store.export_rows()) == [] and store.search("养老床位") == []
        # Importing the file again finishes the document: every claim once, one import entry.
        report = store.import_result(result)
        assert (report.documents_added, report.claims_added) == (1, claims)
        assert len(store.claims()) == claims == store.progress()[1]
        assert [d.version for d in store.documents()] == [1]
        assert store.import_result(result).duplicates  # and it stays idempotent
    assert _count(db_path, "SELECT count(*) FROM decisions") == claims
    assert _count(db_path, "SELECT count(*) FROM audit WHERE action = 'import'") == 1
