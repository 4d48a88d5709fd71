"""Print how long each pipeline stage takes on the shipped seeds and on 1 MB files.

Run with `make bench`.  Each figure is the best of several runs, so a busy
machine inflates it as little as possible.  The figures README quotes come
from here.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from desktop.claims import context
from desktop.ingest.reader import read_file
from desktop.paths import seed_files
from desktop.pipeline import process_file

REPEATS = 5


def best_ms(work: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def megabyte_of(text: str, codec: str) -> bytes:
    """The text repeated until it takes at least 1 MB in `codec`."""
    return (text * (1_000_000 // len(text.encode(codec)) + 1)).encode(codec)


def main() -> int:
    # The export's peak memory is measured in child processes, and Linux
    # starts a child's peak RSS at its parent's: run it first, while this
    # process is still small.
    subprocess.run([sys.executable, "-m", "bench.export_bench"], check=True)
    seeds = seed_files()
    if not seeds:
        print("bench: no seed files found", file=sys.stderr)
        return 1
    size = sum(p.stat().st_size for p in seeds)
    ms = best_ms(lambda: [read_file(p) for p in seeds])
    print(f"read     {len(seeds)} seed files, {size / 1024:.0f} KiB: {ms:.2f} ms")

    sample = "\n".join(read_file(p).text for p in seeds)
    with tempfile.TemporaryDirectory() as folder:
        for codec in ("utf-8", "gb18030", "utf-16"):
            path = Path(folder) / f"{codec}.txt"
            path.write_bytes(megabyte_of(sample, codec))
            ms = best_ms(partial(read_file, path))
            print(f"read     {path.stat().st_size / 1e6:.2f} MB {codec} file: {ms:.2f} ms")

        bench_detection(sample, Path(folder))
    bench_cli(seeds[0])
    # The marginal rate of `factdesk detect` (issue 11 §4), against
    # FACTDESK_BENCH_BASELINE=<revision> too when it is set.
    subprocess.run([sys.executable, "-m", "bench.detect_bench"], check=True)
    # The checks (issue 12 §5): in-process on the seeds, `factdesk check` against
    # `detect` on 40 copies, and what they add to an import.
    subprocess.run([sys.executable, "-m", "bench.checks_bench"], check=True)
    # 200 files imported in one process and with a detection pool (issue 11 §4).
    subprocess.run([sys.executable, "-m", "bench.import_bench"], check=True)
    # Source releases in the store (issue 13 §3): release_matches on the longest
    # dev article, propose_source among 2,000 documents.
    subprocess.run([sys.executable, "-m", "bench.release_bench"], check=True)
    # A paper's archive imported (issue 13 §2): 10,000 articles by default,
    # FACTDESK_BENCH_ARCHIVE=<articles> for a shorter run.
    subprocess.run([sys.executable, "-m", "bench.archive_bench"], check=True)
    # The memory of verified figures (issue 13 §2): memory_for(article) with
    # 300,000 verified figures, and one new page keyed against them.
    subprocess.run([sys.executable, "-m", "bench.memory_bench"], check=True)
    # The slower parts last, each in its own interpreter (see main()).
    subprocess.run([sys.executable, "-m", "bench.store_bench"], check=True)
    if os.environ.get("FACTDESK_BENCH_GUI", "1") != "0":
        # Each GUI figure runs in its own interpreter: one QApplication each.
        for module in ("bench.gui_startup", "bench.gui_keys", "bench.ui_bench"):
            subprocess.run([sys.executable, "-m", module], check=True)
    return 0


def bench_detection(sample: str, folder: Path) -> None:
    """End to end on one core: read, reflow, segment, detect, context."""
    path = folder / "seeds-1mb.txt"
    copies = 1_000_000 // len(sample) + 1
    path.write_text("\n\n".join([sample] * copies), encoding="utf-8")
    chars = len(read_file(path).text)
    process_file(path)  # load jieba once, as a long-running app would have

    def cold() -> None:
        context.clear_caches()
        process_file(path)

    ms = best_ms(cold)
    print(
        f"detect   {chars:,} chars (seeds x{copies}), end to end: {ms:.0f} ms = {chars / ms * 1000:,.0f} chars/s"
    )
    # The replicas repeat the seeds' phrases, so the tagging cache helps more
    # than it would on fresh copy.  This is the figure without that cache.
    with context.tagging_cache_disabled():
        ms = best_ms(lambda: process_file(path))
    print(
        f"detect   same, every phrase tagged afresh (no cache): {ms:.0f} ms = {chars / ms * 1000:,.0f} chars/s"
    )


def bench_cli(seed: Path) -> None:
    """`factdesk detect` on one seed file, interpreter start included."""
    walls = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "desktop", "detect", str(seed)], check=True, stdout=subprocess.DEVNULL
        )
        walls.append(time.perf_counter() - start)
    print(
        f"cli      factdesk detect {seed.name}: median {statistics.median(walls):.2f} s, "
        f"worst {max(walls):.2f} s wall (interpreter start included)"
    )


if __name__ == "__main__":
    sys.exit(main())
