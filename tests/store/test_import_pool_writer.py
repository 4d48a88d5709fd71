"""The pooled import's writer: it detects in the pause rather than sleep, keeps the lock free between
transactions, bounds what it holds, and carries on alone when a worker dies."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from desktop.paths import seed_files
from desktop.store import ReviewStore, import_pool, sql, writing
from desktop.store.records import ImportReport


def _pages(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    seeds = seed_files()
    pages = []
    for n in range(count):
        page = folder / f"page{n:03d}.txt"
        page.write_text(
            seeds[n % len(seeds)].read_text(encoding="utf-8") + f"\n\n（第{n + 1}份）\n", encoding="utf-8"
        )
        pages.append(page)
    return pages


def _stored(database: Path) -> list[tuple[Any, ...]]:
    """Every document in the order written, and every claim: what an import must not change."""
    with ReviewStore.open(database) as store:
        documents = [
            (row["id"], row["file_name"], row["content_hash"])
            for row in store._db.query("SELECT id, file_name, content_hash FROM documents ORDER BY id")
        ]
        claims = [
            (row["id"], row["document_id"], row["text"], row["value"], row["subject"])
            for row in store._db.query("SELECT id, document_id, text, value, subject FROM claims ORDER BY id")
        ]
    return documents + claims


def _import(database: Path, pages: list[Path], workers: int, **options: Any) -> ImportReport:
    with ReviewStore.open(database, seed_if_new=False) as store:
        return store.import_files(pages, workers=workers, **options)


def test_the_writer_detects_rather_than_sleeps_and_still_leaves_the_lock_free_between_transactions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = _pages(tmp_path / "in", 40)
    # Small transactions, so that there are many pauses to spend.
    monkeypatch.setattr(writing, "BATCH_WORK", 300)
    monkeypatch.setattr(import_pool, "MIN_WRITE_WORK", 200)
    monkeypatch.setattr(writing, "CLAIMS_PER_TRANSACTION", 400)
    spans: list[tuple[float, float]] = []  # (began, committed) of each write transaction
    real_transaction = sql.transaction

    @contextmanager
    def timed(db: Database) -> Iterator[None]:
        began = time.monotonic()
        with real_transaction(db):
            yield
        spans.append((began, time.monotonic()))

    handed: list[int] = []  # files handed to the writer so far, as progress reports them
    slept_after: list[int] = []  # how many had been handed in at each sleep
    real_sleep = time.sleep

    def sleep(seconds: float) -> None:
        slept_after.append(len(handed))
        real_sleep(seconds)

    monkeypatch.setattr(sql, "transaction", timed)
    monkeypatch.setattr(writing.time, "sleep", sleep)
    report = _import(
        tmp_path / "pool.sqlite", pages, 1, progress=lambda done, total, name: handed.append(done)
    )
    monkeypatch.undo()
    assert report.documents_added == len(pages)
    assert len(spans) > 5
    # Another process's writer finds the lock free a while between them.
    for (_, committed), (began, _) in zip(spans, spans[1:], strict=False):
        assert began - committed >= writing.PAUSE_SECONDS - 0.01
    # Sleeping only once every file was detected and queued (the last
    # transactions of the batch); before that the pause went to detection.
    assert all(after >= len(pages) for after in slept_after), slept_after
    assert _stored(tmp_path / "pool.sqlite") == _stored_alone(tmp_path, pages)


def _stored_alone(tmp_path: Path, pages: list[Path]) -> list[tuple[Any, ...]]:
    database = tmp_path / "alone.sqlite"
    if not database.exists():
        assert _import(database, pages, 0).documents_added == len(pages)
    return _stored(database)


def test_what_the_pool_holds_ahead_of_the_writer_stays_bounded_and_the_order_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = _pages(tmp_path / "in", 30)
    largest = max(len(page.read_text(encoding="utf-8")) for page in pages)
    bound = 3 * largest
    monkeypatch.setattr(import_pool, "HELD_CHARACTERS_PER_WORKER", bound)
    # The workers would be given every file at once but for the bound.
    monkeypatch.setattr(import_pool, "POOL_AHEAD_CHARACTERS", 10**9)
    held: list[int] = []
    for name in ("_feed", "_detect_here"):
        real = getattr(import_pool.PoolImport, name)

        def recorded(self: import_pool.PoolImport, *args: Any, _real: Any = real) -> None:
            _real(self, *args)
            held.append(self._held_characters)

        monkeypatch.setattr(import_pool.PoolImport, name, recorded)
    report = _import(tmp_path / "pool.sqlite", pages, 1)
    monkeypatch.undo()
    assert report.documents_added == len(pages)
    # A file is taken while under the bound, so one file at most goes over it.
    assert held and max(held) <= bound + largest
    assert _stored(tmp_path / "pool.sqlite") == _stored_alone(tmp_path, pages)


def test_when_writing_is_the_slower_part_the_writers_queue_stays_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = _pages(tmp_path / "in", 30)
    # A long pause after every transaction: detection runs far ahead of the writing.
    monkeypatch.setattr(writing, "PAUSE_SECONDS", 0.3)
    monkeypatch.setattr(writing, "CLAIMS_PER_TRANSACTION", 600)
    monkeypatch.setattr(import_pool, "QUEUED_WORK", 600)
    queued: list[int] = []
    costs: list[int] = []
    real_add = writing.Writer.add

    def add(self: writing.Writer, outcome: Any, *, write: bool = True) -> None:
        real_add(self, outcome, write=write)
        queued.append(self.waiting)
        costs.append(getattr(outcome, "cost", 0))

    monkeypatch.setattr(writing.Writer, "add", add)
    report = _import(tmp_path / "pool.sqlite", pages, 1)
    monkeypatch.undo()
    assert report.documents_added == len(pages)
    # A document is queued while the queue is under the bound.
    assert max(queued) <= 600 + max(costs)
    assert sum(costs) > 3 * 600  # without the bound, the queue would have held far more
    assert _stored(tmp_path / "pool.sqlite") == _stored_alone(tmp_path, pages)


def test_every_file_given_to_a_worker_at_once_is_still_written_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker is handed the whole batch as soon as it is ready: this
    # process can only take back files it has not started.
    pages = _pages(tmp_path / "in", 30)
    monkeypatch.setattr(import_pool, "POOL_AHEAD_CHARACTERS", 10**9)
    monkeypatch.setattr(import_pool, "HELD_CHARACTERS_PER_WORKER", 10**9)
    heard: list[ImportReport] = []
    report = _import(tmp_path / "pool.sqlite", pages, 1, on_file=heard.append)
    assert report.documents_added == len(pages) == sum(r.documents_added for r in heard)
    assert _stored(tmp_path / "pool.sqlite") == _stored_alone(tmp_path, pages)


def _grandchildren() -> list[int]:
    """Processes whose parent is a child of this one: the pool's workers (under the forkserver)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("PPid:"):
                    parents[int(entry.name)] = int(line.split()[1])
    children = {pid for pid, parent in parents.items() if parent == os.getpid()}
    return [pid for pid, parent in parents.items() if parent in children]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="finds the worker in /proc")
def test_a_worker_killed_midway_leaves_its_files_to_this_process(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "in", 60)
    killed: list[int] = []

    def progress(done: int, total: int, name: str) -> None:
        if not killed and done >= total // 3:
            killed.extend(_grandchildren())
            for pid in killed:
                os.kill(pid, signal.SIGKILL)

    report = _import(tmp_path / "pool.sqlite", pages, 1, progress=progress)
    assert killed, "no worker was running a third of the way through"
    assert report.documents_added == len(pages) and not report.refused
    assert _stored(tmp_path / "pool.sqlite") == _stored_alone(tmp_path, pages)


def test_a_pool_broken_before_the_import_leaves_every_file_to_this_process(tmp_path: Path) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pages = _pages(tmp_path / "in", 12)
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("forkserver"))
    os.kill(pool.submit(os.getpid).result(), signal.SIGKILL)
    with pytest.raises(BrokenProcessPool):  # the pool knows, and refuses work from now on
        for _ in range(100):
            pool.submit(os.getpid).result(timeout=10)
            time.sleep(0.05)
    with ReviewStore.open(tmp_path / "pool.sqlite", seed_if_new=False) as store:
        writer = writing.Writer(store._db)
        run = import_pool.PoolImport(store._db, pages, writer, pool, 1)
        assert run.run(None, None) is False
        writer.flush()
    pool.shutdown()
    assert run.pool is None and run.here == len(pages)
    assert _stored(tmp_path / "pool.sqlite") == _stored_alone(tmp_path, pages)
