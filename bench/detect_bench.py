"""`factdesk detect` through the command line: the marginal rate, and a revision to compare with.

The figure of issue 11 §4: the whole process (interpreter start, imports,
jieba's dictionary, reading, reflow, detection, context, JSON out) on 40
copies of the seed pages, minus the same on one copy, so the fixed start-up
cost cancels and what is left is the cost per character of the work.  Each
side is the best of REPEATS runs, the two sides interleaved, so a busy
machine (two shared cores) inflates it as little as possible.

With FACTDESK_BENCH_BASELINE=<git revision> (make bench FACTDESK_BENCH_BASELINE=HEAD~3)
the same is measured for that revision, exported from git into a temporary
folder and run with the same interpreter, in the same run: before and after
on the same machine at the same moment.

    python -m bench.detect_bench            # this checkout
    FACTDESK_BENCH_BASELINE=HEAD~1 python -m bench.detect_bench
"""

from __future__ import annotations

import os
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


def run_detect(root: Path, files: list[Path]) -> float:
    """Wall seconds of `python -m desktop detect FILES --format jsonl` with `root` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "desktop", "detect", *map(str, files), "--format", "jsonl"],
        cwd=root,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


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


def marginal_rates(roots: dict[str, Path], folder: Path) -> dict[str, tuple[float, float, float]]:
    """For each root: (chars/s marginal, best seconds on 40 copies, best seconds on 1 copy)."""
    (folder / "many").mkdir()
    many = copies_of_seeds(folder / "many", COPIES)
    one = many[: len(seed_files())]
    chars = sum(len(read_file(path).text) for path in seed_files())
    best: dict[str, list[float]] = {name: [float("inf"), float("inf")] for name in roots}
    for _ in range(REPEATS):
        for name, root in roots.items():  # interleaved: a slow moment hits every side alike
            best[name][0] = min(best[name][0], run_detect(root, many))
            best[name][1] = min(best[name][1], run_detect(root, one))
    return {
        name: ((COPIES - 1) * chars / max(t_many - t_one, 1e-9), t_many, t_one)
        for name, (t_many, t_one) in best.items()
    }


def main() -> int:
    baseline = os.environ.get("FACTDESK_BENCH_BASELINE", "").strip()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        roots = {"this checkout": REPO}
        if baseline:
            roots[f"baseline {baseline}"] = export_revision(baseline, folder / "baseline")
        for name, (rate, t_many, t_one) in marginal_rates(roots, folder).items():
            print(
                f"cli      factdesk detect, {COPIES} copies of the seeds minus 1 ({name}): "
                f"{rate:,.0f} chars/s marginal ({t_many:.2f} s - {t_one:.2f} s, best of {REPEATS})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
