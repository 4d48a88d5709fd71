"""Paths that are not plain article files: one of them must never stop a batch.

Before: a FIFO blocked `factdesk import` forever, a symlink to /dev/zero read
until memory ran out (23 GB here, then killed), a GBK-encoded file name ended
the import with a UnicodeEncodeError traceback (the database refused the
name), a symlink loop was "file not found", and refusals were printed only
once the whole batch was done.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import hostile_files as make
import pytest
from harness import Bounds, assert_within_bounds, run_factdesk

from desktop.ingest.reader import display_name

# Nothing here needs more than a few seconds; a FIFO that blocks the open is
# caught by the clock, well before the default 90 s.
QUICK = Bounds(cpu_seconds=30, wall_seconds=30)

OTHER_ARTICLE = "本报讯 全市今年新建学校14所，新增学位2.1万个。\n"


def test_one_bad_path_does_not_stop_an_import(tmp_path: Path) -> None:
    first = make.chinese_text(tmp_path / "first.txt", 0.001)
    last = tmp_path / "last.txt"
    last.write_text(OTHER_ARTICLE, encoding="utf-8")
    gbk_name = make.non_utf8_name(tmp_path)
    gbk_name.write_bytes("本报讯 新开公交线路3条，日均客流1.2万人次。\n".encode("gbk"))
    folder = tmp_path / "folder"
    folder.mkdir()
    paths = [
        make.fifo(tmp_path / "pipe.txt"),
        first,
        make.symlink(tmp_path / "zero.txt", "/dev/zero"),
        gbk_name,
        make.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt"),
        folder,
        last,
    ]
    run = run_factdesk("import", "--db", tmp_path / "review.sqlite", *paths, bounds=QUICK)
    assert_within_bounds(run)
    assert run.returncode == 0
    assert "imported 3 document(s)" in run.stdout and "4 file(s) refused" in run.stdout
    assert run.stderr.splitlines() == [
        "factdesk: pipe.txt: not a regular file (a named pipe); it was not opened",
        "factdesk: zero.txt: not a regular file (a device); it was not opened",
        "factdesk: loop.txt: a loop of symbolic links that never reaches a file",
        "factdesk: folder: is a folder, not a file; name the files in it (for example folder/*.txt)",
    ]
    with sqlite3.connect(tmp_path / "review.sqlite") as db:
        names = {row[0] for row in db.execute("SELECT file_name FROM documents")}
    # 中文稿件.txt in GBK, stored as it is shown (SQLite takes only UTF-8):
    # the bytes that are not UTF-8 as escapes.
    shown = display_name(gbk_name)
    assert shown.startswith("\\xd6\\xd0") and shown.endswith(".txt")
    assert names == {"first.txt", shown, "last.txt"}


def test_refusals_come_out_as_they_happen(tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_text(make.ARTICLE, encoding="utf-8")
    last = tmp_path / "last.txt"
    last.write_text(OTHER_ARTICLE, encoding="utf-8")
    pipe = make.fifo(tmp_path / "pipe.txt")
    run = run_factdesk("detect", first, pipe, last, bounds=QUICK, merge_output=True)
    assert_within_bounds(run)
    lines = run.stdout.splitlines()
    refusal = lines.index("factdesk: pipe.txt: not a regular file (a named pipe); it was not opened")
    files = [json.loads(line)["file"] for line in lines if line.startswith("{")]
    # The first file's claims, then the refusal, then the last file's: not
    # every refusal saved up for the end of the batch.
    assert files[:refusal] == [str(first)] * refusal and refusal > 0
    assert set(files[refusal:]) == {str(last)}


def test_detect_keeps_a_non_utf8_name_exactly(tmp_path: Path) -> None:
    path = make.non_utf8_name(tmp_path)
    run = run_factdesk("detect", path, bounds=QUICK)
    assert_within_bounds(run)
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert records
    # Written as \udcXX escapes, the name comes back as the file's own bytes.
    assert {os.fsencode(r["file"]) for r in records} == {os.fsencode(path)}


@pytest.mark.skipif(os.geteuid() == 0, reason="root enters any folder; tests/ingest simulates the refusal")
def test_a_file_in_a_folder_nobody_may_enter(tmp_path: Path) -> None:
    inside = make.untraversable(tmp_path / "locked")
    try:
        run = run_factdesk("detect", inside, bounds=QUICK)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert_within_bounds(run)
    assert run.returncode == 1
    assert run.stderr.strip() == (
        "factdesk: inside.txt: permission denied (to the file, or to a folder on its path)"
    )
