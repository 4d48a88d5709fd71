"""How long the checks take (issue 12 §5).

    .venv/bin/python -m bench.checks_bench [COPIES]

Run by `make bench` (bench/__main__.py).

- all checks (relations and usage) for the five seed pages, in-process, on
  claims already detected: best of 20 runs (goal ≤ 100 ms);
- `factdesk detect` against `factdesk check --repeats within` (every check
  of each article) on COPIES copies of the seed files minus the same on one
  copy (so interpreter start cancels, as in bench.detect_bench), best of 5,
  runs interleaved (goal: check ≤ 1.3 × detect); and plain `factdesk check`,
  repeats across every file, in this worst case of identical copies;
- the store: importing the seed files COPIES times (each copy made
  different) into a fresh database in this process, with the checks run and
  stored (desktop.store.findings) and without (their two calls replaced by
  no-ops), best of 3, interleaved: what the checks add to an import.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.checks import check_article
from desktop.paths import seed_files
from desktop.pipeline import DocumentResult, process_file
from desktop.store import ReviewStore, findings

BENCH_DIR = Path(__file__).resolve().parent.parent / "build" / "bench"


def best_ms(work: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def check_all(results: list[DocumentResult]) -> int:
    return sum(len(check_article(a.article.text, a.claims)) for r in results for a in r.articles)


def main(argv: list[str]) -> int:
    copies = int(argv[0]) if argv else 40
    seeds = sorted(seed_files())
    results = [process_file(p) for p in seeds]
    articles = sum(len(r.articles) for r in results)
    claims = sum(len(a.claims) for r in results for a in r.articles)
    findings = check_all(results)
    ms = best_ms(lambda: check_all(results), 20)
    print(
        f"checks   {len(seeds)} seed pages, {articles} articles, {claims} claims -> {findings} findings: "
        f"{ms:.1f} ms (best of 20, in-process, claims already detected; goal ≤ 100 ms)"
    )

    with tempfile.TemporaryDirectory() as folder:
        files = []
        for k in range(copies):
            for p in seeds:
                copy = Path(folder) / f"{k:02d}_{p.name}"
                copy.write_bytes(p.read_bytes())
                files.append(str(copy))
        one_copy = files[: len(seeds)]
        # As bench.detect_bench measures detection: COPIES copies minus one copy,
        # so interpreter start and imports cancel; best of 5, the runs interleaved.
        # `check` as issue 12 measures it (every check of each article, repeats within each file),
        # and as it runs by default (repeats across all the files given: 40 copies of the
        # same pages make every figure repeat 40 times, the worst case there is).
        commands = {
            "detect": ["detect"],
            "check": ["check", "--repeats", "within"],
            "check across": ["check"],
        }
        walls: dict[tuple[str, int], list[float]] = {}
        for _ in range(5):
            for name, command in commands.items():
                for batch in (files, one_copy):
                    start = time.perf_counter()
                    subprocess.run(
                        [sys.executable, "-m", "desktop", *command, *batch],
                        check=True,
                        stdout=subprocess.DEVNULL,
                    )
                    walls.setdefault((name, len(batch)), []).append(time.perf_counter() - start)
        many, one = len(files), len(one_copy)

        def marginal(name: str) -> float:
            return min(walls[(name, many)]) - min(walls[(name, one)])

        detect_s, check_s, across_s = marginal("detect"), marginal("check"), marginal("check across")
        print(
            f"cli      factdesk detect / check --repeats within, {copies} copies minus 1 copy of the seeds: "
            f"{detect_s:.2f} s / {check_s:.2f} s = {check_s / detect_s:.3f}× (goal ≤ 1.3×); whole runs on "
            f"{many} files: {min(walls[('detect', many)]):.2f} s / {min(walls[('check', many)]):.2f} s"
        )
        print(
            f"cli      factdesk check (repeats across all {many} files, each figure {copies} times): "
            f"{across_s:.2f} s = {across_s / detect_s:.3f}× detect"
        )
    bench_import(seeds, copies)
    return 0


@contextmanager
def _checks_off() -> Iterator[None]:
    """The store's import as it was before the checks: their two calls in the import made no-ops."""
    rows, store = findings.document_rows, findings.store_rows

    def no_rows(result: Any) -> dict[int, list[dict[str, Any]]]:
        return {}

    def no_store(db: Any, article_id: int, new_rows: Any) -> None:
        return None

    findings.document_rows, findings.store_rows = no_rows, no_store  # type: ignore[assignment]
    try:
        yield
    finally:
        findings.document_rows, findings.store_rows = rows, store  # type: ignore[assignment]


def bench_import(seeds: list[Path], copies: int) -> None:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=BENCH_DIR) as folder:
        files = []
        for k in range(copies):
            for p in seeds:
                copy = Path(folder) / f"{k:03d}_{p.name}"
                # A line of its own, or the store would skip the copy as a duplicate.
                copy.write_text(p.read_text(encoding="utf-8") + f"\n（第{k}份）\n", encoding="utf-8")
                files.append(copy)

        def run(checks: bool) -> float:
            db = Path(folder) / f"{time.monotonic_ns()}.sqlite"
            with ReviewStore.open(db) as store:
                start = time.perf_counter()
                if checks:
                    store.import_files(files)
                else:
                    with _checks_off():
                        store.import_files(files)
                return time.perf_counter() - start

        run(True)  # the tagger loaded, the caches warm
        times: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(3):
            for checks in (False, True):
                times[checks].append(run(checks))
        without, with_checks = min(times[False]), min(times[True])
        print(
            f"store    import of {len(files)} files ({copies} copies of the seeds) in one process: "
            f"{without:.2f} s without the checks, {with_checks:.2f} s with them stored = "
            f"{with_checks / without:.3f}× (best of 3, interleaved)"
        )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
