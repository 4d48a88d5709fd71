"""Where a workbook may be written: never over the database, never over a file that is not a workbook."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from export_factories import make_row

from desktop.export import TargetRefused, check_target, export_workbook


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Path]:
    """A live WAL database with its -wal and -shm files, as the store keeps it."""
    path = tmp_path / "review.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE t (x)")
    connection.execute("INSERT INTO t VALUES (1)")
    connection.commit()
    yield path
    connection.close()


def kind(path: Path, database: Path | None = None) -> str | None:
    refusal = check_target(path, database=database)
    return None if refusal is None else refusal.kind


def test_the_database_and_its_companions_are_refused_by_identity(tmp_path: Path, database: Path) -> None:
    assert (tmp_path / "review.sqlite-wal").exists() and (tmp_path / "review.sqlite-shm").exists()
    for name in ("review.sqlite", "review.sqlite-wal", "review.sqlite-shm", "review.sqlite-journal"):
        assert kind(tmp_path / name, database) == "database", name
    # The same file under other names: a symlink, a hard link, a relative path.
    (tmp_path / "link.xlsx").symlink_to(database)
    os.link(database, tmp_path / "hard.xlsx")
    (tmp_path / "wal.xlsx").symlink_to(tmp_path / "review.sqlite-wal")
    for name in ("link.xlsx", "hard.xlsx", "wal.xlsx"):
        assert kind(tmp_path / name, database) == "database", name
    assert kind(Path(os.path.relpath(database)), database) == "database"


def test_a_refusal_is_an_exception_with_a_stable_kind_and_an_english_reason(
    tmp_path: Path, database: Path
) -> None:
    refusal = check_target(database, database=database)
    assert isinstance(refusal, TargetRefused)
    assert (refusal.path, refusal.kind) == (database, "database")
    assert refusal.reason == "this is the review database; choose a new .xlsx file name"
    assert str(refusal) == f"{database}: {refusal.reason}"


def test_other_sqlite_files_and_non_workbooks_are_refused(tmp_path: Path, database: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    backup = backups / "review.sqlite.2024-03-05.sqlite"
    backup.write_bytes(database.read_bytes())
    assert kind(backup, database) == "not-xlsx"
    # An SQLite file that calls itself a workbook is still not replaced.
    disguised = tmp_path / "old-review.xlsx"
    disguised.write_bytes(database.read_bytes())
    assert kind(disguised, database) == "sqlite"
    text = tmp_path / "notes.xlsx"
    text.write_text("编辑的笔记", encoding="utf-8")
    assert kind(text, database) == "not-a-workbook"
    empty = tmp_path / "empty.xlsx"
    empty.touch()
    assert kind(empty, database) == "not-a-workbook"
    assert kind(tmp_path / "review.csv", database) == "not-xlsx"
    assert kind(tmp_path / "review", database) == "not-xlsx"
    (tmp_path / "folder.xlsx").mkdir()
    assert kind(tmp_path / "folder.xlsx", database) == "not-a-file"
    os.mkfifo(tmp_path / "pipe.xlsx")
    assert kind(tmp_path / "pipe.xlsx", database) == "not-a-file"  # and opening it would have hung


def test_a_new_name_or_an_existing_workbook_may_be_written(tmp_path: Path, database: Path) -> None:
    assert kind(tmp_path / "review.xlsx", database) is None
    assert kind(tmp_path / "REVIEW.XLSX", database) is None
    workbook = tmp_path / "last-week.xlsx"
    export_workbook(workbook, [make_row(0)], [])
    assert kind(workbook, database) is None
    assert kind(workbook) is None  # no database named: the name and content checks still apply


def test_the_database_is_never_opened_by_python(
    tmp_path: Path, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Closing any descriptor of the database drops this process's SQLite locks on it.
    opened: list[str] = []
    real_open = open

    def watching_open(file: object, *args: object, **kwargs: object) -> object:
        opened.append(os.path.realpath(str(file)))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", watching_open)
    (tmp_path / "link.xlsx").symlink_to(database)
    for target in (database, tmp_path / "review.sqlite-wal", tmp_path / "link.xlsx"):
        assert kind(target, database) == "database"
    assert opened == []


def test_export_workbook_refuses_before_writing_anything(tmp_path: Path, database: Path) -> None:
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    for target in (database, tmp_path / "review.sqlite-wal", tmp_path / "out.csv"):
        with pytest.raises(TargetRefused):
            export_workbook(target, [make_row(0)], [], database=database)
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before
    notes = tmp_path / "notes.xlsx"
    notes.write_text("不是表格", encoding="utf-8")
    with pytest.raises(TargetRefused, match="not an .xlsx workbook"):
        export_workbook(notes, [make_row(0)], [])
    assert notes.read_text(encoding="utf-8") == "不是表格"
