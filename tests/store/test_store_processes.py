"""Decisions survive several stores and processes on one database, and kill -9.

POSIX advisory locks belong to a process and a file, not to a descriptor:
closing *any* descriptor of the database file drops every lock the process
holds on it, including SQLite's WAL locks (SQLite's "How To Corrupt An SQLite
Database File", section 2.2).  Another process then believes it is alone,
checkpoints and deletes the WAL, and the first process goes on writing into a
deleted file.  These tests run what the window does (a store for the window, a
second one for a job, in one process) next to other processes, and kill it.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import IO

from desktop.store import ReviewStore

# The window: its own store, then a job's store opened and closed in the same
# process (as an import or export job does), then decisions, each printed only
# after decide() has returned.
WINDOW = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from desktop.store import ReviewStore

    path = Path(sys.argv[1])
    window = ReviewStore.open(path)
    with ReviewStore.open(path) as job:
        job.progress()
    print("ready", flush=True)
    sys.stdin.readline()  # the parent lets another process read first
    for claim in window.claims()[:50]:
        change = window.decide(claim.id, "confirmed", editor="window")
        print(change.claim.id, change.claim.version, flush=True)
    print("done", flush=True)
    sys.stdin.readline()  # wait to be killed
    """
)

READER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from desktop.store import ReviewStore

    with ReviewStore.open(Path(sys.argv[1])) as store:
        print(len(store.claims()), flush=True)
    """
)


def _python(script: str, *args: str, stdin: int | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def _kill(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()


def _line(stream: IO[str] | None) -> str:
    assert stream is not None
    return stream.readline().strip()


def test_decisions_survive_a_second_store_a_reading_process_and_kill_9(
    db_path: Path, store: ReviewStore
) -> None:
    store.close()  # the database holds one imported seed; the window opens it afresh
    window = _python(WINDOW, str(db_path), stdin=subprocess.PIPE)
    try:
        assert _line(window.stdout) == "ready"
        reader = subprocess.run(
            [sys.executable, "-c", READER, str(db_path)], capture_output=True, text=True, check=True
        )
        assert int(reader.stdout) > 50
        assert window.stdin is not None
        window.stdin.write("go\n")
        window.stdin.flush()
        saved = {}
        while (line := _line(window.stdout)) != "done":
            claim_id, version = line.split()
            saved[claim_id] = int(version)
        assert len(saved) == 50
        # A second reader while the window still runs: it must not delete the
        # window's WAL either.
        subprocess.run([sys.executable, "-c", READER, str(db_path)], capture_output=True, check=True)
    finally:
        _kill(window)
    assert window.returncode == -signal.SIGKILL

    with ReviewStore.open(db_path) as reopened:
        lost = [c for c, v in saved.items() if reopened.claim(c).version < v]
        assert lost == [], f"{len(lost)} of {len(saved)} decisions reported saved are gone"
        assert all(reopened.claim(c).editor == "window" for c in saved)


# A window-like process for the stress test: a store it keeps, plus a job's
# store opened and closed every few decisions; it decides only its own share of
# the claims (so the two windows never contend for one claim) and prints each
# decision after decide() returned.
STRESS_WINDOW = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from desktop.store import ReviewStore

    path, share, shares = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    window = ReviewStore.open(path)
    mine = [c.id for c in window.claims()][share::shares]
    print("ready", flush=True)
    n = 0
    while True:
        for claim_id in mine:
            claim = window.claim(claim_id)
            status = "rejected" if claim.status == "confirmed" else "confirmed"
            change = window.decide(claim_id, status, editor=f"w{share}", expected_version=claim.version)
            print(change.claim.id, change.claim.version, flush=True)
            n += 1
            if n % 7 == 0:
                with ReviewStore.open(path) as job:
                    job.progress()
                    next(iter(job.export_rows()), None)
    """
)

STRESS_READER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from desktop.store import ReviewStore

    while True:
        with ReviewStore.open(Path(sys.argv[1])) as store:
            store.progress()
            store.articles()
        time.sleep(0.01)
    """
)


def test_two_windows_with_jobs_and_a_reader_killed_at_random_lose_nothing(
    db_path: Path, store: ReviewStore
) -> None:
    store.close()
    rng = random.Random(9)
    saved: dict[str, int] = {}
    rounds = 6
    for _ in range(rounds):
        reader = _python(STRESS_READER, str(db_path))
        windows = [_python(STRESS_WINDOW, str(db_path), str(i), "2") for i in range(2)]
        try:
            for window in windows:
                assert _line(window.stdout) == "ready"
            deadline = time.monotonic() + rng.uniform(0.3, 1.2)
            # Read the windows' reports in turn until a random moment, then kill
            # everything at once: a decision printed is a decision promised.
            while time.monotonic() < deadline:
                for window in windows:
                    claim_id, version = _line(window.stdout).split()
                    saved[claim_id] = max(saved.get(claim_id, 0), int(version))
        finally:
            for process in (*windows, reader):
                _kill(process)

    assert len(saved) > 20
    with ReviewStore.open(db_path) as reopened:
        lost = [c for c, v in saved.items() if reopened.claim(c).version < v]
    assert lost == [], f"{len(lost)} of {len(saved)} claims lost a decision reported saved"
