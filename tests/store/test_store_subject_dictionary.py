"""The trimmed jieba dictionary cached per user (desktop/claims/context.py) is an optimisation, never a risk.

Every import reads subjects with it, so a cache folder that cannot be
written must not refuse files, and a cache file left empty or cut short must
not silently change subjects.  Each case runs in a fresh interpreter: the
tagger is loaded once per process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.paths import seed_files

REPO = Path(__file__).resolve().parents[2]

SUBJECTS = """
import json, sys
from pathlib import Path
from desktop import pipeline
result = pipeline.process_file(Path(sys.argv[1]))
print(json.dumps([claim.subject for _, claim in result.claims()], ensure_ascii=False))
"""


def _subjects(cache_home: Path, scratch: Path) -> list[str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home), TMPDIR=str(scratch), PYTHONPATH=str(REPO))
    run = subprocess.run(
        [sys.executable, "-c", SUBJECTS, str(seed_files()[0])],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    subjects: list[str] = json.loads(run.stdout)
    return subjects


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    # jieba keeps its own cache in the temporary folder: one per test, not the machine's.
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The subjects with a cache made from scratch in a folder of its own."""
    folder = tmp_path_factory.mktemp("reference")
    (folder / "tmp").mkdir()
    subjects = _subjects(folder / "cache", folder / "tmp")
    assert sum(1 for subject in subjects if subject) > 50
    return subjects


def test_a_cache_folder_that_cannot_be_written_changes_nothing(
    tmp_path: Path, scratch: Path, expected: list[str]
) -> None:
    # A file where the cache folder should be: no folder can be made there, even by root.
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    assert _subjects(blocked, scratch) == expected


@pytest.mark.parametrize("kept_lines", [0, 2000])
def test_a_cache_file_left_empty_or_cut_short_is_made_again(
    tmp_path: Path, scratch: Path, expected: list[str], kept_lines: int
) -> None:
    cache_home = tmp_path / "cache"
    assert _subjects(cache_home, scratch) == expected
    cached = sorted((cache_home / "factdesk").glob("jieba-*.txt"))
    assert cached
    for path in cached:  # as a full disk or a crash before the data reached the disk leaves it
        lines = path.read_bytes().splitlines(keepends=True)
        path.write_bytes(b"".join(lines[:kept_lines]))
    assert _subjects(cache_home, scratch) == expected
