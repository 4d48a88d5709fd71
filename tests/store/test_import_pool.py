"""A batch import: small pages several to a bounded transaction, the lock left free between them, each file heard of."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop.paths import seed_files
from desktop.store import ReviewStore, importing, sql, writing
from desktop.store.records import ImportReport


def _pages(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    seeds = seed_files()
    pages = []
    for n in range(count):
        page = folder / f"page{n:02d}.txt"
        page.write_text(
            seeds[n % len(seeds)].read_text(encoding="utf-8") + f"\n\n（第{n + 1}份）\n", encoding="utf-8"
        )
        pages.append(page)
    return pages


def test_small_pages_share_transactions_that_stay_bounded_with_the_lock_free_between(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = _pages(tmp_path / "in", 12)
    monkeypatch.setattr(writing, "BATCH_WORK", 400)
    monkeypatch.setattr(writing, "CLAIMS_PER_TRANSACTION", 600)
    spans: list[tuple[float, float, int]] = []  # (began, committed, documents completed)
    real = sql.transaction

    def complete(db: Database) -> int:
        return int(db.execute("SELECT count(*) FROM documents WHERE complete").fetchone()[0])

    @contextmanager
    def timed(db: Database) -> Iterator[None]:
        began = time.monotonic()
        with real(db):
            before = complete(db)
            yield
            added = complete(db) - before
        spans.append((began, time.monotonic(), added))

    monkeypatch.setattr(sql, "transaction", timed)
    with ReviewStore.open(tmp_path / "review.sqlite", seed_if_new=False) as store:
        report = store.import_files(pages, workers=0)
        assert report.documents_added == len(pages) == len(store.documents())
        stored = len(store.claims())
    assert stored == report.claims_added
    # Fewer commits than pages, every page whole in one of them.
    assert sum(added for _, _, added in spans) == len(pages)
    assert max(added for _, _, added in spans) > 1
    assert len(spans) < len(pages)
    # Another process's writer finds the lock free a while between them.
    for (_, committed, _), (began, _, _) in zip(spans, spans[1:], strict=False):
        assert began - committed >= writing.PAUSE_SECONDS - 0.01


def test_each_file_is_heard_of_once_in_order_with_its_refusal(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "in", 4)
    broken = tmp_path / "in" / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02" * 100)
    batch = [pages[0], broken, pages[1], pages[0], pages[2], pages[3]]
    heard: list[ImportReport] = []
    with ReviewStore.open(tmp_path / "review.sqlite", seed_if_new=False) as store:
        report = store.import_files(batch, workers=0, on_file=heard.append)
    assert len(heard) == len(batch)
    assert [r.refused[0][0] for r in heard if r.refused] == [broken]
    assert [r.duplicates[0] for r in heard if r.duplicates] == [pages[0]]
    assert sum(r.documents_added for r in heard) == report.documents_added == 4
    assert sum(r.claims_added for r in heard) == report.claims_added > 0


def test_a_pool_pays_only_for_a_batch_big_enough_and_cores_left_free() -> None:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    big = 100 * importing.PARALLEL_MIN_BYTES
    assert importing.default_workers(importing.PARALLEL_MIN_FILES - 1, big, load=0) == 0
    assert importing.default_workers(500, importing.PARALLEL_MIN_BYTES - 1, load=0) == 0
    assert importing.default_workers(500, big, load=0) == max(0, min(cores - 1, importing.MAX_WORKERS))
    # Every core but one busy with other work: a worker would only share a core.
    assert importing.default_workers(500, big, load=cores) == 0
    assert importing.default_workers(500, big, load=cores - 1) == 0
    if cores >= 2:
        assert importing.default_workers(500, big, load=cores - 1.7) == 1


def _factdesk(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_factdesk_import_with_workers_stores_what_one_process_stores(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "in", 9)
    broken = tmp_path / "in" / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02" * 100)
    batch = [*pages[:3], broken, *pages[3:]]
    outputs = []
    claims = []
    for jobs in ("0", "1"):
        database = tmp_path / f"jobs{jobs}.sqlite"
        run = _factdesk("import", "--db", database, "--jobs", jobs, *batch)
        assert run.returncode == 0, run.stderr
        assert run.stderr.count("broken.txt") == 1
        outputs.append(run.stdout.splitlines()[-1])
        with ReviewStore.open(database) as store:
            claims.append([(c.id, c.text, c.subject) for c in store.claims()])
    assert outputs[0] == outputs[1]
    assert outputs[0].startswith("imported 9 document(s)") and outputs[0].endswith("1 file(s) refused")
    assert claims[0] == claims[1] and claims[0]
    refused = _factdesk("import", "--db", tmp_path / "x.sqlite", "--jobs", "-1", pages[0])
    assert refused.returncode != 0 and "--jobs" in refused.stderr
