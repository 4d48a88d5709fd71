"""A database the editor may not write (a colleague's file, a read-only share) still answers the reading commands.

The file and its folder are made read-only and the commands run as a user
that owns neither; as root (who may write anything) they run as `nobody`,
when `nobody` may run this Python at all.
"""

from __future__ import annotations

import argparse
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli.review import opened
from desktop.paths import seed_files
from desktop.store import ReviewStore

REPO = Path(__file__).resolve().parents[2]
READ_ONLY_DIR = stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH
OPEN_DIR = READ_ONLY_DIR | stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def _other_user() -> dict[str, object]:
    if os.geteuid() != 0:
        return {}
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("running as root and there is no user `nobody` to run as")
    as_nobody: dict[str, object] = {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}
    try:
        subprocess.run([sys.executable, "-c", ""], check=True, **as_nobody)  # type: ignore[call-overload]
    except (OSError, subprocess.CalledProcessError):
        pytest.skip(f"running as root, and `nobody` may not run {sys.executable}")
    return as_nobody


def test_the_reading_commands_open_a_database_they_may_not_write_read_only(
    db_path: Path, store: ReviewStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.close()
    # What the file system says for a read-only file or folder (root may write anything).
    monkeypatch.setattr(ReviewStore, "may_write", staticmethod(lambda path=None: False))
    for command in ("articles", "claims", "history", "search", "export"):
        with opened(argparse.Namespace(db=str(db_path), command=command)) as reading:
            assert reading.read_only, command
    for command in ("import", "decide", "import-decisions", "redetect"):
        with opened(argparse.Namespace(db=str(db_path), command=command)) as writing:
            assert not writing.read_only, command


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[Path]:
    """A database with one article file imported, in a folder nobody but its owner may write."""
    # Outside pytest's own temporary folder, which only its owner may enter.
    folder = Path(tempfile.mkdtemp(prefix="factdesk-shared-"))
    try:
        path = folder / "review.sqlite"
        with ReviewStore.open(path) as store:
            store.import_files(seed_files()[:1])
        shutil.rmtree(folder / "backups")
        path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        folder.chmod(READ_ONLY_DIR)
        yield path
    finally:
        folder.chmod(OPEN_DIR)
        shutil.rmtree(folder)


def _factdesk(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "PYTHONPATH": str(REPO),
        "FACTDESK_EDITOR": "只读编辑",
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=home,
        timeout=120,
        **_other_user(),  # type: ignore[call-overload]
    )


def test_the_reading_commands_work_on_a_database_that_cannot_be_written(shared: Path) -> None:
    out = Path(tempfile.mkdtemp(prefix="factdesk-out-"))
    out.chmod(OPEN_DIR)
    try:
        before = shared.read_bytes()
        articles = _factdesk("articles", "--db", shared, home=out)
        assert articles.returncode == 0, articles.stderr
        assert len(articles.stdout.splitlines()) > 2
        claims = _factdesk("claims", "--db", shared, "--format", "jsonl", home=out)
        assert claims.returncode == 0, claims.stderr
        claim_id = claims.stdout.split('"id": "', 1)[1].split('"', 1)[0]
        for command in (["history", claim_id], ["search", "签约覆盖率"], ["export", out / "review.xlsx"]):
            run = _factdesk(*command, "--db", shared, home=out)
            assert run.returncode == 0, (command, run.stderr)
        assert (out / "review.xlsx").stat().st_size > 0
        # A change is refused in plain words, not a traceback.
        decide = _factdesk("decide", claim_id, "confirm", "--db", shared, home=out)
        assert decide.returncode == 1 and "Traceback" not in decide.stderr
        assert "cannot be written" in decide.stderr or "read-only" in decide.stderr
        assert shared.read_bytes() == before
        assert sorted(p.name for p in shared.parent.iterdir()) == ["review.sqlite"]
    finally:
        shutil.rmtree(out)
