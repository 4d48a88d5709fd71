"""How long the checks take (issue 12 §5).

    .venv/bin/python -m bench.checks_bench [COPIES]

- all checks (relations and usage) for the five seed pages, in-process, on
  claims already detected: best of 20 runs (goal ≤ 100 ms);
- detection alone against detection plus checks, in-process, on the seeds
  repeated COPIES times (default 40): the checks' marginal cost;
- `factdesk detect` against `factdesk check` on COPIES copies of the seed
  files, interpreter start included, alternating runs in the same session:
  median of 3 each (goal: check ≤ 1.3 × detect).
"""

from __future__ import annotations

import statistics
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

    def detect_only() -> None:
        for _ in range(copies):
            for p in seeds:
                process_file(p)

    def detect_and_check() -> None:
        for _ in range(copies):
            for p in seeds:
                result = process_file(p)
                for a in result.articles:
                    check_article(a.article.text, a.claims)

    # Alternated, so that a busy spell of the machine weighs on both alike.
    detect_runs, both_runs = [], []
    for _ in range(3):
        detect_runs.append(best_ms(detect_only, 1))
        both_runs.append(best_ms(detect_and_check, 1))
    detect_ms, both_ms = min(detect_runs), min(both_runs)
    print(
        f"marginal {copies}× seeds in-process: detect {detect_ms:.0f} ms, detect + checks {both_ms:.0f} ms "
        f"= {both_ms / detect_ms:.3f}×"
    )

    with tempfile.TemporaryDirectory() as folder:
        files = []
        for k in range(copies):
            for p in seeds:
                copy = Path(folder) / f"{k:02d}_{p.name}"
                copy.write_bytes(p.read_bytes())
                files.append(str(copy))
        walls: dict[str, list[float]] = {"detect": [], "check": []}
        for _ in range(3):
            for command in ("detect", "check"):
                start = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "desktop", command, *files], check=True, stdout=subprocess.DEVNULL
                )
                walls[command].append(time.perf_counter() - start)
        detect_s, check_s = statistics.median(walls["detect"]), statistics.median(walls["check"])
        print(
            f"cli      factdesk detect / check on {len(files)} files: median {detect_s:.2f} s / {check_s:.2f} s "
            f"= {check_s / detect_s:.3f}× (goal ≤ 1.3×)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
