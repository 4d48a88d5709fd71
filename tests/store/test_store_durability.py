"""A decision reported saved survives the process being killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from desktop.store import ReviewStore

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from desktop.store import ReviewStore

    store = ReviewStore.open(Path(sys.argv[1]))
    print("ready", flush=True)
    while True:  # decide everything, over and over, until killed
        for claim in store.claims():
            status = "rejected" if claim.status == "confirmed" else "confirmed"
            change = store.decide(claim.id, status, editor="writer", note=str(claim.version + 1))
            print(change.claim.id, change.claim.status, change.claim.version, flush=True)
    """
)


def test_every_decision_printed_before_sigkill_is_in_the_database(db_path: Path, store: ReviewStore) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path)], stdout=subprocess.PIPE, text=True, encoding="utf-8"
    )
    assert writer.stdout is not None
    try:
        assert writer.stdout.readline().strip() == "ready"
        saved: dict[str, tuple[str, int]] = {}
        for _ in range(40):
            claim_id, status, version_text = writer.stdout.readline().split()
            saved[claim_id] = (status, int(version_text))
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL

    with ReviewStore.open(db_path) as reopened:
        for claim_id, (status, version) in saved.items():
            claim = reopened.claim(claim_id)
            # The writer may have saved more after the last line we read, never less.
            assert claim.version >= version
            if claim.version == version:
                assert claim.status == status
            assert claim.editor == "writer"
        # Meanwhile this process's own connection still works and sees them too.
        assert store.claim(next(iter(saved))).editor == "writer"
