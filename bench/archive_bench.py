"""A paper's archive imported to seed the memory of verified figures (issue 13 §2).

    python -m bench.archive_bench [ARTICLES]     (default 10,000; `make bench` reads
                                                  FACTDESK_BENCH_ARCHIVE for a short run)

The archive is built as an export of pages would be: one file per page, each
page one of the shipped seed pages or the held-out test pages, with every
figure's last digit drawn afresh and a line of its own, so each file is new
content with new figures (the store skips a copy it already holds).  Files
are added until the archive holds ARTICLES articles (as the segmenter
splits them) and ARTICLES x 2,500 characters (issue 13: 10,000 articles,
about 25 M characters): the pages here have shorter articles than that, so
the characters are the bound and the archive holds more articles than
asked.  The same phrases come back in every copy, so the word tagger's cache
helps more than on a real archive.

The archive is imported through `ReviewStore.import_files` with a pool as
the machine's cores allow when free (on two cores: one detection process and
the writer, both cores busy), into a fresh
database on the real disk beside the checkout, and the bench reports

- the wall time, and when the first ARTICLES articles were in;
- the peak memory of the whole process tree: the largest sum of the RSS of
  this process and every process under it, sampled every 0.1 s from /proc,
  and getrusage's peak of this process and of its largest child;
- that progress was reported, forward, to the end;
- a second import of the same files into another fresh database, cancelled
  once half of them are through: how long after the cancel it stopped, and
  that what it reported written is in the database, whole.

Goals: at most 2 minutes and 500 MB; a cancel stops within about a second.
"""

from __future__ import annotations

import os
import random
import re
import resource
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

from desktop.ingest.reader import read_file
from desktop.ingest.segment import segment
from desktop.paths import seed_files
from desktop.store import ReviewStore
from desktop.store.importing import default_workers
from desktop.store.records import ImportReport

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "build" / "bench"
ARTICLES = 10_000
CHARACTERS_PER_ARTICLE = 2_500
GOAL_SECONDS = 120
GOAL_MB = 500

_LAST_DIGIT = re.compile(r"(?<=[0-9])[0-9](?![0-9])")


def templates() -> list[tuple[str, int]]:
    """(text, articles) of every page the archive is made of."""
    pages = [*seed_files(), *sorted((ROOT / "tests" / "data" / "heldout").glob("*.txt"))]
    found = []
    for page in pages:
        source = read_file(page)
        found.append((source.text, len(segment(source).articles)))
    return found


def build_archive(folder: Path, articles: int, characters: int) -> tuple[list[Path], int, int]:
    """Files holding at least `articles` articles and `characters` characters: (files, articles, characters)."""
    pages = templates()
    chance = random.Random(13)
    files: list[Path] = []
    held = chars = 0
    while held < articles or chars < characters:
        text, count = pages[len(files) % len(pages)]
        # Every figure's last digit afresh: new figures, the same magnitudes.
        text = _LAST_DIGIT.sub(lambda _: str(chance.randrange(10)), text)
        text += f"\n\n（本报资料库第{len(files) + 1}页）\n"
        path = folder / f"{len(files):05d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
        held += count
        chars += len(text)
    return files, held, chars


class TreeMemory:
    """The peak, over time, of the summed RSS of this process and all its descendants (Linux /proc).

    And the CPU time they used (the last figure seen of each), with the load
    average: on a machine others share, what the work cost apart from the
    wait for a core.
    """

    def __init__(self) -> None:
        self.peak = 0
        self.cpu: dict[int, float] = {}
        self.loads: list[float] = []
        self._before: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        # What the processes had used before (this one built the archive):
        # not the import's.
        ticks = os.sysconf("SC_CLK_TCK")
        self._before = {pid: used / ticks for pid, used in tree_usage(os.getpid())[1].items()}
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        ticks = os.sysconf("SC_CLK_TCK")
        while not self._stop.wait(0.1):
            resident, cpu = tree_usage(os.getpid())
            self.peak = max(self.peak, resident)
            self.cpu.update({pid: used / ticks - self._before.get(pid, 0.0) for pid, used in cpu.items()})
            self.loads.append(os.getloadavg()[0])

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())

    @property
    def available(self) -> bool:
        return Path("/proc/self/status").exists()


def tree_usage(root: int) -> tuple[int, dict[int, int]]:
    """Bytes resident in `root` and every process under it, and the CPU ticks each has used."""
    parents: dict[int, int] = {}
    resident: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:  # gone meanwhile
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry.name)
        parents[pid] = int(fields.get("PPid", "0").strip() or 0)
        resident[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        after_name = stat.rsplit(")", 1)[1].split()
        ticks[pid] = int(after_name[11]) + int(after_name[12])  # utime, stime
    total = 0
    used: dict[int, int] = {}
    for pid in resident:
        walk = pid
        while walk and walk != root:
            walk = parents.get(walk, 0)
        if walk == root:
            total += resident[pid]
            used[pid] = ticks.get(pid, 0)
    return total, used


def import_archive(
    files: list[Path], database: Path, wanted: int, workers: int
) -> tuple[float, float | None, ImportReport, list[int]]:
    """(seconds, seconds until `wanted` articles were in, report, progress counts)."""
    seen: list[int] = []
    articles = 0
    reached: float | None = None
    start = time.perf_counter()

    def heard(report: ImportReport) -> None:
        nonlocal articles, reached
        articles += report.articles_added
        if reached is None and articles >= wanted:
            reached = time.perf_counter() - start

    with ReviewStore.open(database, seed_if_new=False) as store:
        report = store.import_files(
            files, progress=lambda done, total, name: seen.append(done), on_file=heard, workers=workers
        )
    return time.perf_counter() - start, reached, report, seen


def cancel_midway(files: list[Path], database: Path, workers: int) -> tuple[float, ImportReport, int, int]:
    """(seconds from the cancel to the import's return, report, complete and incomplete documents stored)."""
    asked: list[float] = []
    half = len(files) // 2
    progressed = [0]

    def should_cancel() -> bool:
        if asked or progressed[0] >= half:
            if not asked:
                asked.append(time.perf_counter())
            return True
        return False

    def progress(done: int, total: int, name: str) -> None:
        progressed[0] = done

    with ReviewStore.open(database, seed_if_new=False) as store:
        report = store.import_files(files, progress=progress, should_cancel=should_cancel, workers=workers)
    stopped = time.perf_counter() - asked[0] if asked else float("nan")
    with sqlite3.connect(database) as db:
        complete = db.execute("SELECT count(*) FROM documents WHERE complete").fetchone()[0]
        incomplete = db.execute("SELECT count(*) FROM documents WHERE NOT complete").fetchone()[0]
    return stopped, report, int(complete), int(incomplete)


def main() -> int:
    wanted = (
        int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("FACTDESK_BENCH_ARCHIVE", ARTICLES))
    )
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="archive-", dir=BENCH_DIR))
    try:
        files, articles, chars = build_archive(folder, wanted, wanted * CHARACTERS_PER_ARTICLE)
        size = sum(path.stat().st_size for path in files)
        # Both cores, whatever else the machine is running (the default
        # would leave a busy machine's import to one process).
        workers = max(1, default_workers(len(files), size, load=0))
        print(
            f"archive  {len(files):,} files, {articles:,} articles, {chars:,} characters ({size / 1e6:.1f} MB);"
            f" {workers} detection process(es) and the writer"
        )
        with TreeMemory() as memory:
            seconds, reached, report, seen = import_archive(files, folder / "archive.sqlite", wanted, workers)
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        assert report.documents_added == len(files) and not report.refused, report
        forward = seen == sorted(seen) and seen[-1] == len(files)
        print(
            f"archive  imported {report.documents_added:,} documents, {report.articles_added:,} articles,"
            f" {report.claims_added:,} claims in {seconds:.1f} s"
            + (f" (the first {wanted:,} articles in {reached:.1f} s)" if reached is not None else "")
            + f"; goal {GOAL_SECONDS} s: {'met' if seconds <= GOAL_SECONDS else 'MISSED'}"
        )
        peak = memory.peak / 1e6
        print(
            f"archive  peak memory of the process tree {peak:.0f} MB sampled"
            f" (this process {own:.0f} MB, largest child {children:.0f} MB by getrusage);"
            f" goal {GOAL_MB} MB: {'met' if max(peak, own) <= GOAL_MB else 'MISSED'}"
        )
        load = sum(memory.loads) / len(memory.loads) if memory.loads else float("nan")
        print(
            f"archive  CPU time of the process tree {memory.cpu_seconds:.0f} s"
            f" ({memory.cpu_seconds / 2:.0f} s of wall at best on two free cores),"
            f" {memory.cpu.get(os.getpid(), 0.0):.0f} s of it this process (the only writer);"
            f" load average during the import {load:.1f} on {os.cpu_count()} cores"
        )
        print(f"archive  progress reported {len(seen):,} times, forward to the end: {forward}")
        stopped, cancelled, complete, incomplete = cancel_midway(files, folder / "cancelled.sqlite", workers)
        kept = cancelled.cancelled and complete == cancelled.documents_added and incomplete == 0
        print(
            f"archive  cancelled at half way: stopped {stopped:.2f} s after the cancel,"
            f" {cancelled.documents_added:,} of {len(files):,} documents written and all of them whole in"
            f" the database: {kept}"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
