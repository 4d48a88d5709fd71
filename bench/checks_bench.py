"""How long the checks take (issue 12 §5).

    .venv/bin/python -m bench.checks_bench [COPIES]

- all checks (relations and usage) for the five seed pages, in-process, on
  claims already detected: best of 20 runs (goal ≤ 100 ms);
- `factdesk detect` against `factdesk check` on COPIES copies of the seed
  files minus the same on one copy (so interpreter start cancels, as in
  bench.detect_bench), best of 5, runs interleaved (goal: check ≤ 1.3 ×
  detect).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop.checks import check_article
from desktop.paths import seed_files
from desktop.pipeline import DocumentResult, process_file


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
        walls: dict[tuple[str, int], list[float]] = {}
        for _ in range(5):
            for command in ("detect", "check"):
                for batch in (files, one_copy):
                    start = time.perf_counter()
                    subprocess.run(
                        [sys.executable, "-m", "desktop", command, *batch],
                        check=True,
                        stdout=subprocess.DEVNULL,
                    )
                    walls.setdefault((command, len(batch)), []).append(time.perf_counter() - start)
        many, one = len(files), len(one_copy)
        detect_s = min(walls[("detect", many)]) - min(walls[("detect", one)])
        check_s = min(walls[("check", many)]) - min(walls[("check", one)])
        print(
            f"cli      factdesk detect / check, {copies} copies minus 1 copy of the seeds: {detect_s:.2f} s / "
            f"{check_s:.2f} s = {check_s / detect_s:.3f}× (goal ≤ 1.3×); whole runs on {many} files: "
            f"{min(walls[('detect', many)]):.2f} s / {min(walls[('check', many)]):.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
