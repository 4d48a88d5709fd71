"""`factdesk detect` through the command line: the marginal rate, and a revision to compare with.

The figure of issue 11 §4: the whole process (interpreter start, imports,
jieba's dictionary, reading, reflow, detection, context, JSON out) on 40
copies of the seed pages, minus the same on one copy, so the fixed start-up
cost cancels and what is left is the cost per character of the work.  Each
side is the best of REPEATS runs, the two sides interleaved, so a busy
machine (two shared cores) inflates it as little as possible.  Two figures:
from the wall clock, and from the CPU time the process used (user and
system), which other work on the machine disturbs much less.

With FACTDESK_BENCH_BASELINE=<git revision> (make bench FACTDESK_BENCH_BASELINE=HEAD~3)
the same is measured for that revision, exported from git into a temporary
folder and run with the same interpreter, in the same run: before and after
on the same machine at the same moment.  Several revisions may be given,
separated by commas: a working tree that other work has changed too is then
left out of the comparison by naming both sides (HEAD~3,HEAD).

    python -m bench.detect_bench            # this checkout
    FACTDESK_BENCH_BASELINE=HEAD~1 python -m bench.detect_bench
    FACTDESK_BENCH_BASELINE=HEAD~3,HEAD python -m bench.detect_bench
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

from desktop.ingest.reader import read_file
from desktop.paths import seed_files

REPO = Path(__file__).resolve().parents[1]
COPIES = 40
REPEATS = 5


def copies_of_seeds(folder: Path, copies: int) -> list[Path]:
    """`copies` copies of every seed page under distinct names (the CLI keeps no database, so no duplicates are skipped)."""
    out = []
    for n in range(copies):
        for seed in seed_files():
            target = folder / f"{n:03d}_{seed.name}"
            shutil.copyfile(seed, target)
            out.append(target)
    return out


def run_detect(root: Path, files: list[Path]) -> tuple[float, float]:
    """(wall, CPU) seconds of `python -m desktop detect FILES --format jsonl` with `root` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "desktop", "detect", *map(str, files), "--format", "jsonl"],
        cwd=root,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def export_revision(revision: str, folder: Path) -> Path:
    """The package, resources and seeds of `revision`, as `git archive` gives them."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", revision, "desktop", "resources", "seeds"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
            tar.extractall(folder, filter="data")
        else:  # pragma: no cover - our own repository's files
            tar.extractall(folder)  # noqa: S202
    return folder


def marginal_rates(roots: dict[str, Path], folder: Path) -> dict[str, tuple[float, float, float, float]]:
    """For each root: chars/s marginal by the wall clock, best wall seconds on 40 copies and on 1, chars/s by CPU time."""
    (folder / "many").mkdir()
    many = copies_of_seeds(folder / "many", COPIES)
    one = many[: len(seed_files())]
    chars = sum(len(read_file(path).text) for path in seed_files())
    inf = float("inf")
    best: dict[str, list[float]] = {name: [inf, inf, inf, inf] for name in roots}
    for _ in range(REPEATS):
        for name, root in roots.items():  # interleaved: a slow moment hits every side alike
            wall_many, cpu_many = run_detect(root, many)
            wall_one, cpu_one = run_detect(root, one)
            mark = best[name]
            best[name] = [
                min(mark[0], wall_many),
                min(mark[1], wall_one),
                min(mark[2], cpu_many),
                min(mark[3], cpu_one),
            ]
    work = (COPIES - 1) * chars
    return {
        name: (
            work / max(wall_many - wall_one, 1e-9),
            wall_many,
            wall_one,
            work / max(cpu_many - cpu_one, 1e-9),
        )
        for name, (wall_many, wall_one, cpu_many, cpu_one) in best.items()
    }


def main() -> int:
    baseline = os.environ.get("FACTDESK_BENCH_BASELINE", "").strip()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        roots = {"this checkout": REPO}
        for number, revision in enumerate(filter(None, (r.strip() for r in baseline.split(",")))):
            roots[f"baseline {revision}"] = export_revision(revision, folder / f"baseline{number}")
        for name, (rate, t_many, t_one, cpu_rate) in marginal_rates(roots, folder).items():
            print(
                f"cli      factdesk detect, {COPIES} copies of the seeds minus 1 ({name}): "
                f"{rate:,.0f} chars/s marginal ({t_many:.2f} s - {t_one:.2f} s wall, best of {REPEATS}); "
                f"{cpu_rate:,.0f} chars/s by CPU time"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
