"""Run FactDesk on hostile input inside hard limits, and fail plainly when it breaks them.

The goal of the hostile-input suite: any single file of up to 50 MB is
processed or refused within 60 s of CPU and 1 GB of memory.  The bounds are
enforced, not timed: the code under test runs in a child process with
RLIMIT_AS (address space) and RLIMIT_CPU set, plus a wall-clock timeout for
what uses no CPU (a blocked open of a FIFO), so a regression is killed at the
bound and reported as "went past its limit", never a flaky timing assert.

    run = run_factdesk("import", "--db", db, str(path))
    assert_within_bounds(run)           # not killed, no MemoryError, no traceback
    assert "limit 16 MB" in run.stderr

    said, run = read_bounded(path)      # read_file in a bounded child: {"kind", "reason"} or {"chars"}

A test can pass tighter Bounds; every run records peak RSS and CPU time
(`run.describe()`), which is how the figures in the tests' docstrings were
measured.

To add a case: write a maker for the file in hostile_files.py (it builds the
file in the test's tmp_path, in well under a second; never commit a big
file), run it through run_factdesk or read_bounded, call
assert_within_bounds, then assert the refusal's kind and reason.  The whole
suite should stay well under two minutes on two cores.

bounded.py is the child that applies the limits and measures; this module
runs it.  Module names here are imported plainly (pytest puts this folder on
sys.path), so they must stay unique across tests/.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
MB = 1024 * 1024


@dataclass(frozen=True)
class Bounds:
    memory_bytes: int = 1024 * MB  # RLIMIT_AS of the process under test
    cpu_seconds: int = 60  # RLIMIT_CPU
    # What uses no CPU (waiting on a FIFO, a lock, the disk) is caught by the
    # clock; the margin over cpu_seconds is for a loaded CI machine.
    wall_seconds: float = 90.0


DEFAULT_BOUNDS = Bounds()


@dataclass(frozen=True)
class BoundedRun:
    argv: tuple[str, ...]
    returncode: int  # negative: killed by that signal
    stdout: str
    stderr: str
    peak_rss: int  # bytes
    cpu_seconds: float
    wall_seconds: float
    timed_out: bool
    bounds: Bounds

    def describe(self) -> str:
        return (
            f"exit {self.returncode}, {self.wall_seconds:.2f} s wall, {self.cpu_seconds:.2f} s CPU, "
            f"peak RSS {self.peak_rss / MB:.0f} MB"
        )

    def problem(self) -> str | None:
        """Why this run broke its bounds (or crashed), or None when it stayed within them."""
        if self.timed_out:
            return f"still running after {self.bounds.wall_seconds:.0f} s of wall-clock time; killed"
        if (
            self.returncode in (-signal.SIGXCPU, -signal.SIGKILL)
            and self.cpu_seconds >= self.bounds.cpu_seconds
        ):
            return f"used its {self.bounds.cpu_seconds} s of CPU (RLIMIT_CPU); killed"
        if "MemoryError" in self.stderr or "Cannot allocate memory" in self.stderr:
            return f"ran out of its {self.bounds.memory_bytes // MB} MB of address space (RLIMIT_AS)"
        if self.returncode < 0:
            return f"killed by signal {signal.Signals(-self.returncode).name}"
        if "Traceback (most recent call last)" in self.stderr:
            return "ended with a Python traceback"
        return None


def run_bounded(
    argv: list[str],
    *,
    bounds: Bounds = DEFAULT_BOUNDS,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    merge_output: bool = False,
) -> BoundedRun:
    """Run `argv` under `bounds` and collect what it printed and used.

    `merge_output` sends stderr into stdout, to see the order in which
    results and refusals came out.
    """
    with tempfile.TemporaryDirectory(prefix="bounded-") as scratch:
        report = Path(scratch) / "report.json"
        wrapper = [
            sys.executable,
            str(HERE / "bounded.py"),
            str(report),
            str(bounds.memory_bytes),
            str(bounds.cpu_seconds),
            "--",
            *argv,
        ]
        started = time.monotonic()
        # A session of its own, so a timeout kills the command and anything it started.
        process = subprocess.Popen(
            wrapper,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT if merge_output else subprocess.PIPE,
            cwd=cwd,
            env=env,
            start_new_session=True,
        )
        timed_out = False
        try:
            out, err = process.communicate(timeout=bounds.wall_seconds)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(process.pid, signal.SIGKILL)
            out, err = process.communicate()
        wall = time.monotonic() - started
        used = json.loads(report.read_text()) if report.exists() else {}
    return BoundedRun(
        argv=tuple(argv),
        returncode=int(used.get("returncode", -signal.SIGKILL)),
        stdout=out.decode("utf-8", "backslashreplace"),
        stderr=(err or b"").decode("utf-8", "backslashreplace"),
        peak_rss=int(used.get("peak_rss", 0)),
        cpu_seconds=float(used.get("cpu_seconds", 0.0)),
        wall_seconds=wall,
        timed_out=timed_out,
        bounds=bounds,
    )


def factdesk_env(**extra: str) -> dict[str, str]:
    """The environment of an editor's terminal: UTF-8, strict (a desktop locale, not C)."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        # Python relaxes stdout to surrogateescape in the C locale; an editor's
        # UTF-8 desktop locale does not, so an unprintable name would fail there.
        "PYTHONIOENCODING": "utf-8:strict",
        "PYTHONPATH": os.pathsep.join([str(REPO), str(HERE)]),
        "FACTDESK_EDITOR": "测试编辑",
        "QT_QPA_PLATFORM": "offscreen",
    }
    if "PYTHONDONTWRITEBYTECODE" in os.environ:  # keep the checkout as the caller wants it
        env["PYTHONDONTWRITEBYTECODE"] = os.environ["PYTHONDONTWRITEBYTECODE"]
    env.update(extra)
    return env


def run_factdesk(
    *args: str | Path, bounds: Bounds = DEFAULT_BOUNDS, cwd: Path | None = None, merge_output: bool = False
) -> BoundedRun:
    """`factdesk ARGS...` as an editor runs it, under `bounds`."""
    argv = [sys.executable, "-m", "desktop", *(os.fsdecode(a) for a in args)]
    return run_bounded(argv, bounds=bounds, cwd=cwd, env=factdesk_env(), merge_output=merge_output)


def call_bounded(function: str, *args: str, bounds: Bounds = DEFAULT_BOUNDS) -> BoundedRun:
    """Call `module:function(*args)` in a child under `bounds`; it reports by printing.

    The module is looked up on the repository and this folder, so a probe in
    tests/hostile/probes.py is "probes:read_kind".
    """
    module, _, name = function.partition(":")
    code = f"import {module}; {module}.{name}(*__import__('sys').argv[1:])"
    return run_bounded([sys.executable, "-c", code, *args], bounds=bounds, env=factdesk_env())


def assert_within_bounds(run: BoundedRun) -> None:
    problem = run.problem()
    assert problem is None, f"{' '.join(run.argv[-3:])}: {problem} ({run.describe()})\n{run.stderr[-2000:]}"


def read_bounded(path: Path, *, bounds: Bounds = DEFAULT_BOUNDS) -> tuple[dict[str, object], BoundedRun]:
    """read_file(path) in a bounded child: what it said (probes.read) and the run."""
    run = call_bounded("probes:read", os.fsdecode(path), bounds=bounds)
    assert_within_bounds(run)
    return json.loads(run.stdout), run
