"""An export killed with SIGKILL leaves the old workbook and no other file, here or in the temp folder."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from export_factories import make_row

from desktop.export import export_workbook
from desktop.export.columns import DETAIL_SHEET

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and flock are POSIX")

ROWS = 4000
# Run in a child: export ROWS claims to argv[1]; touch argv[2] once 1,000
# rows are written.  argv[3] == "named" makes it run as it does where there
# are no unnamed files (Windows, macOS, some network file systems).
EXPORT = f"""
import sys
from pathlib import Path
sys.path.insert(0, {str(Path(__file__).parent)!r})
from export_factories import make_row
from desktop.export import export_workbook
if sys.argv[3] == "named":
    try:
        from desktop.export import atomic
        atomic.unnamed_file = lambda folder: None
    except ImportError:  # before unnamed files existed every part file was named
        pass
ready = Path(sys.argv[2])

def progress(done, total):
    if done >= 1000 and not ready.exists():
        ready.touch()

rows = (make_row(i, note="新的备注" * 20, sentence="句子" * 40) for i in range({ROWS}))
export_workbook(Path(sys.argv[1]), rows, [], progress=progress)
"""


def start_export(target: Path, temp: Path, mode: str = "unnamed") -> tuple[subprocess.Popen[bytes], Path]:
    ready = temp.parent / f"ready-{time.monotonic_ns()}"
    child = subprocess.Popen(
        [sys.executable, "-c", EXPORT, str(target), str(ready), mode],
        env={**os.environ, "TMPDIR": str(temp)},
        stdout=subprocess.DEVNULL,
    )
    return child, ready


def wait_for(path: Path, child: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while not path.exists():
        assert child.poll() is None, "the export ended before it was killed"
        assert time.monotonic() < deadline
        time.sleep(0.01)


def kill(child: subprocess.Popen[bytes]) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait()


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path, bytes]:
    """The export folder holding last week's workbook, and an empty temp folder."""
    out, temp = tmp_path / "out", tmp_path / "temp"
    out.mkdir()
    temp.mkdir()
    export_workbook(out / "review.xlsx", [make_row(0, note="旧的")], [])
    return out, temp, (out / "review.xlsx").read_bytes()


def test_a_killed_export_leaves_the_old_workbook_and_nothing_else(folders: tuple[Path, Path, bytes]) -> None:
    out, temp, old = folders
    child, ready = start_export(out / "review.xlsx", temp)
    wait_for(ready, child)
    kill(child)
    assert [path.name for path in out.iterdir()] == ["review.xlsx"]
    assert (out / "review.xlsx").read_bytes() == old
    # openpyxl's scratch file for each sheet used to stay in the temp folder.
    assert list(temp.iterdir()) == []


def test_killed_at_any_moment_the_target_is_the_old_or_the_new_workbook(
    folders: tuple[Path, Path, bytes],
) -> None:
    out, temp, old = folders
    started = time.monotonic()
    child, ready = start_export(out / "review.xlsx", temp)
    wait_for(ready, child)
    to_ready = time.monotonic() - started
    child.wait()
    whole = time.monotonic() - started
    assert (out / "review.xlsx").read_bytes() != old
    results = []
    for attempt in range(4):
        export_workbook(out / "review.xlsx", [make_row(0, note="旧的")], [])
        old = (out / "review.xlsx").read_bytes()
        child, ready = start_export(out / "review.xlsx", temp)
        wait_for(ready, child)
        # Spread over the rest of the run, the save and the rename included.
        time.sleep((whole - to_ready) * (0.2 + 0.35 * attempt))
        kill(child)
        assert sorted(path.name for path in out.iterdir()) == ["review.xlsx"]
        assert list(temp.iterdir()) == []
        now = (out / "review.xlsx").read_bytes()
        if now == old:
            results.append("old")
            continue
        workbook = openpyxl.load_workbook(out / "review.xlsx", read_only=True)
        assert sum(1 for _ in workbook[DETAIL_SHEET].iter_rows(values_only=True)) == ROWS + 1
        workbook.close()
        results.append("new")
    assert "old" in results  # the kills did land mid-export


def test_where_the_part_file_has_a_name_the_next_export_removes_it(folders: tuple[Path, Path, bytes]) -> None:
    out, temp, old = folders
    child, ready = start_export(out / "review.xlsx", temp, mode="named")
    wait_for(ready, child)
    kill(child)
    (left,) = [path for path in out.iterdir() if path.name != "review.xlsx"]
    assert left.name.startswith(".review.xlsx.") and left.name.endswith(".part")
    assert (out / "review.xlsx").read_bytes() == old

    export_workbook(out / "other.xlsx", [make_row(0)], [])
    assert sorted(path.name for path in out.iterdir()) == ["other.xlsx", "review.xlsx"]


def test_a_part_still_being_written_is_left_alone(tmp_path: Path) -> None:
    abandoned = tmp_path / ".review.xlsx.0badc0de.part"
    abandoned.write_bytes(b"PK half a workbook")
    live = tmp_path / ".review.xlsx.1234abcd.part"
    live.write_bytes(b"PK another export is writing this")
    unrelated = tmp_path / ".notes.part"
    unrelated.write_bytes(b"not ours")
    # Another export holds its lock (flock: per open file, so this process conflicts with itself).
    writer = os.open(live, os.O_RDWR)
    fcntl.flock(writer, fcntl.LOCK_EX)
    try:
        export_workbook(tmp_path / "review.xlsx", [make_row(0)], [])
    finally:
        os.close(writer)
    assert sorted(path.name for path in tmp_path.iterdir()) == [".notes.part", live.name, "review.xlsx"]
