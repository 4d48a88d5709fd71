"""`factdesk export` and `import-decisions` never destroy or silently change data (issue 9 §4)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import openpyxl.packaging.custom
import pytest

from desktop.export.columns import HEADERS
from desktop.paths import seed_files
from desktop.store import ReviewStore


def factdesk(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "FACTDESK_EDITOR": "测试编辑"},
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "review.sqlite"
    run = factdesk("import", seed_files()[0], "--db", path)
    assert run.returncode == 0, run.stderr
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_refuses_the_database_its_companions_and_any_non_workbook(tmp_path: Path, db: Path) -> None:
    backups = sorted((tmp_path / "backups").glob("*.sqlite"))
    assert backups, "the store keeps a daily backup beside the database"
    (tmp_path / "link.xlsx").symlink_to(db)
    notes = tmp_path / "notes.xlsx"
    notes.write_text("编辑的笔记", encoding="utf-8")
    before = {path: digest(path) for path in [db, *backups, notes]}
    names = sorted(path.name for path in tmp_path.iterdir())
    claims = factdesk("claims", "--db", db, "--format", "jsonl").stdout

    for target, reason in [
        (db, "this is the review database"),
        (tmp_path / "review.sqlite-wal", "this is the review database's review.sqlite-wal file"),
        (tmp_path / "review.sqlite-shm", "this is the review database's review.sqlite-shm file"),
        (tmp_path / "link.xlsx", "this is the review database"),
        (backups[0], "the workbook is written only to a file name ending in .xlsx"),
        (tmp_path / "review.csv", "the workbook is written only to a file name ending in .xlsx"),
        (notes, "the existing file is not an .xlsx workbook"),
    ]:
        run = factdesk("export", target, "--db", db)
        assert run.returncode == 1, (target, run.stdout)
        assert f"factdesk: {target}: {reason}" in run.stderr and "nothing was written" in run.stderr
        assert "wrote" not in run.stdout

    assert {path: digest(path) for path in before} == before
    assert sorted(path.name for path in tmp_path.iterdir()) == names
    assert factdesk("claims", "--db", db, "--format", "jsonl").stdout == claims


def test_a_100000_character_note_round_trips_unchanged(tmp_path: Path, db: Path) -> None:
    note = "".join(f"第{i}次核实：与统计公报第{i % 97}页一致。" for i in range(6000))[:100_000]
    with ReviewStore.open(db, seed_if_new=False) as store:
        claim = store.claims()[0]
        version = store.decide(claim.id, "confirmed", editor="甲", note=note).claim.version
    out = tmp_path / "review.xlsx"
    assert factdesk("export", out, "--db", db).returncode == 0

    run = factdesk("import-decisions", out, "--db", db)
    assert run.returncode == 0, run.stderr
    assert "0 decision(s) changed, 0 row(s) refused" in run.stdout
    with ReviewStore.open(db, seed_if_new=False) as store:
        after = store.claim(claim.id)
    assert (len(after.note), after.note, after.version) == (100_000, note, version)


def test_a_workbook_from_another_database_is_refused_and_changes_nothing(tmp_path: Path, db: Path) -> None:
    other = tmp_path / "other" / "review.sqlite"
    other.parent.mkdir()
    assert factdesk("import", seed_files()[0], "--db", other).returncode == 0
    out = tmp_path / "review.xlsx"
    assert factdesk("export", out, "--db", db).returncode == 0
    workbook = openpyxl.load_workbook(out)
    sheet = workbook["核查明细"]
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row, HEADERS.index("状态") + 1, "已确认")
    workbook.save(out)
    before = factdesk("claims", "--db", other, "--format", "jsonl").stdout

    run = factdesk("import-decisions", out, "--db", other)
    assert run.returncode == 1
    assert (
        "factdesk: review.xlsx: refused, nothing was changed: this workbook was exported from another review database"
        in run.stderr
    )
    assert factdesk("claims", "--db", other, "--format", "jsonl").stdout == before

    # An older export carries no id and is accepted as before.
    del workbook["说明"]
    workbook.custom_doc_props = openpyxl.packaging.custom.CustomPropertyList()
    workbook.save(out)
    run = factdesk("import-decisions", out, "--db", other)
    assert run.returncode == 0, run.stderr
    assert '"status": "pending"' not in factdesk("claims", "--db", other, "--format", "jsonl").stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_import_decisions_refuses_a_pipe_a_device_and_a_folder_without_opening_them(
    db: Path, tmp_path: Path
) -> None:
    pipe = tmp_path / "pipe.xlsx"
    os.mkfifo(pipe)  # opening it for reading would wait for a writer forever
    device = tmp_path / "zero.xlsx"
    device.symlink_to("/dev/zero")  # reading it would never end
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    for target in (pipe, device, folder):
        run = subprocess.run(
            [sys.executable, "-m", "desktop", "import-decisions", str(target), "--db", str(db)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            check=False,
        )
        assert run.returncode == 1
        assert "not a regular file" in run.stderr
