"""Opening a database: fill a new one, refuse bad files untouched, migrate with a backup."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlite_utils import Database
from store_inputs import version_2_database

from desktop import pipeline
from desktop.cli.review import opened
from desktop.ingest.reader import read_file
from desktop.paths import default_database_path, seed_files
from desktop.store import DatabaseRefused, DatabaseUnavailable, ReviewStore, migrations


def sidecars(path: Path) -> list[Path]:
    return [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")) if p.exists()]


def _import_seeds(store: ReviewStore) -> None:
    store.import_files(seed_files())


def test_on_create_fills_a_new_database_once(db_path: Path) -> None:
    created: list[Path] = []

    def fill(store: ReviewStore) -> None:
        created.append(store.path)
        _import_seeds(store)

    with ReviewStore.open(db_path, on_create=fill) as store:
        assert len(store.articles()) == 20
        assert len(store.documents()) == 5
        reviewed, total = store.progress()
        assert reviewed == 0 and total > 0
    with ReviewStore.open(db_path, on_create=fill) as store:
        assert len(store.documents()) == 5
    assert created == [db_path]  # an existing database is never filled again
    with ReviewStore.open(db_path.with_name("other.sqlite")) as store:
        assert store.documents() == []  # the store itself adds nothing


def test_a_new_database_whose_filling_fails_is_closed(db_path: Path) -> None:
    def broken(store: ReviewStore) -> None:
        raise RuntimeError("filling failed")

    with pytest.raises(RuntimeError):
        ReviewStore.open(db_path, on_create=broken)
    with ReviewStore.open(db_path) as store:  # the connection was closed, the file is usable
        assert store.documents() == []


def test_asking_the_store_to_seed_is_refused(db_path: Path) -> None:
    # The demo pages are the caller's business now; True must not quietly mean nothing.
    with pytest.raises(TypeError, match="on_create"):
        ReviewStore.open(db_path, seed_if_new=True)  # type: ignore[arg-type]
    assert not db_path.exists()


def test_only_the_per_user_database_starts_with_the_demo_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    per_user = tmp_path / "data" / "factdesk.sqlite"
    monkeypatch.setattr("desktop.cli.review.default_database_path", lambda: per_user)
    with opened(argparse.Namespace(db=None, command="articles")) as store:
        assert store.path == per_user
        assert len(store.documents()) == 5
    named = tmp_path / "named.sqlite"
    with opened(argparse.Namespace(db=str(named), command="articles")) as store:
        assert store.path == named
        assert store.documents() == []


def test_the_default_database_lives_in_the_user_data_folder() -> None:
    path = default_database_path()
    assert path.name == "factdesk.sqlite"
    assert path.parent.name == "FactDesk"


def test_the_connection_is_durable_and_shareable(db_path: Path) -> None:
    with ReviewStore.open(db_path):
        conn = sqlite3.connect(db_path)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        conn.close()
    with ReviewStore.open(db_path) as store:
        pragmas = {
            name: store._db.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("synchronous", "busy_timeout", "foreign_keys")
        }
    assert pragmas == {"synchronous": 2, "busy_timeout": 5000, "foreign_keys": 1}


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*"))


def _refused_untouched(path: Path, words: str) -> None:
    before = path.read_bytes()
    files_before = _listing(path.parent)
    with pytest.raises(DatabaseRefused) as refused:
        ReviewStore.open(path)
    assert str(path) in str(refused.value)
    assert words in refused.value.reason
    assert path.read_bytes() == before
    assert sidecars(path) == []
    assert _listing(path.parent) == files_before  # no backup, no -wal/-shm, nothing


def test_a_database_from_a_newer_factdesk_is_refused_untouched(db_path: Path) -> None:
    with ReviewStore.open(db_path):
        pass
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert sidecars(db_path) == []
    _refused_untouched(db_path, "newer FactDesk")


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("这不是数据库\n" * 50, encoding="utf-8")
    _refused_untouched(path, "not an SQLite file")


def test_a_damaged_database_is_refused_untouched(db_path: Path, seed_copy: Path) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files([seed_copy])
    data = bytearray(db_path.read_bytes())
    page = 4096
    # Scribble over every page but the first: the header still says SQLite.
    for offset in range(page, len(data), page):
        data[offset : offset + 64] = b"\xa5" * 64
    db_path.write_bytes(bytes(data))
    _refused_untouched(db_path, "damaged")


def test_a_truncated_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "short.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00")
    _refused_untouched(path, "damaged")


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    _refused_untouched(path, "not a FactDesk database")


def _add_column(db: Database) -> None:
    db.table("documents").add_column("desk", str, not_null_default="")


def test_migrating_an_older_database_backs_it_up_first(
    db_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ReviewStore.open(db_path) as store:
        store.import_files([seed_copy])
        claim = store.claims()[0]
        store.decide(claim.id, "confirmed", editor="张")
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, _add_column])
    latest = migrations.latest_version()

    with ReviewStore.open(db_path, on_create=_import_seeds) as store:
        assert store.claim(claim.id).status == "confirmed"
        assert len(store.documents()) == 1  # an existing database is never filled again
    backups = list(db_path.parent.glob(f"review.before-v{latest}.*.sqlite"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == latest - 1
    assert (
        old.execute("SELECT status FROM decisions WHERE claim_id = ?", [claim.id]).fetchone()[0]
        == "confirmed"
    )
    old.close()
    new = sqlite3.connect(db_path)
    assert new.execute("PRAGMA user_version").fetchone()[0] == latest
    assert "desk" in [row[1] for row in new.execute("PRAGMA table_info(documents)")]
    new.close()


def _broken(db: Database) -> None:
    db.table("documents").add_column("half_done", str)
    raise RuntimeError("migration bug")


def test_a_failed_migration_leaves_the_database_as_it_was(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ReviewStore.open(db_path):
        pass
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, _broken])
    latest = migrations.latest_version()
    with pytest.raises(RuntimeError):
        ReviewStore.open(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest - 1
    assert "half_done" not in [row[1] for row in conn.execute("PRAGMA table_info(documents)")]
    conn.close()


def test_daily_backups_keep_the_last_seven(db_path: Path) -> None:
    folder = db_path.parent / "backups"
    folder.mkdir()
    old_days = [dt.date(2020, 1, day) for day in range(1, 11)]
    for day in old_days:
        (folder / f"review.sqlite.{day.isoformat()}.sqlite").write_bytes(b"old")
    with ReviewStore.open(db_path):
        pass
    today = folder / f"review.sqlite.{dt.date.today().isoformat()}.sqlite"
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == sorted([today.name] + [f"review.sqlite.{d.isoformat()}.sqlite" for d in old_days[-6:]])
    made = today.stat().st_mtime_ns
    with ReviewStore.open(db_path):
        pass
    assert today.stat().st_mtime_ns == made  # one backup a day, not one per open
    conn = sqlite3.connect(today)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
    conn.close()


def test_two_databases_with_one_stem_keep_their_own_daily_backups(tmp_path: Path, seed_copy: Path) -> None:
    sqlite_file, db_file = tmp_path / "review.sqlite", tmp_path / "review.db"
    with ReviewStore.open(sqlite_file) as store:
        store.import_files([seed_copy])
    shutil.rmtree(tmp_path / "backups")  # today's first backup was taken before the import
    for path in (sqlite_file, db_file):
        with ReviewStore.open(path):
            pass
    backups = sorted((tmp_path / "backups").iterdir())
    assert len(backups) == 2
    claims = []
    for backup in backups:
        conn = sqlite3.connect(backup)
        claims.append(conn.execute("SELECT count(*) FROM claims").fetchone()[0])
        conn.close()
    assert sorted(claims)[0] == 0 and sorted(claims)[1] > 0  # each database's own contents


def test_the_store_does_not_import_qt() -> None:
    script = textwrap.dedent(
        """
        import sys
        import desktop.store, desktop.store.service, desktop.store.migrations
        assert not [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))], "Qt imported"
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True)


@pytest.mark.parametrize("version", [-1, -2147483648])
def test_an_impossible_schema_version_is_refused_every_time_without_a_backup(
    db_path: Path, version: int
) -> None:
    with ReviewStore.open(db_path):
        pass
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    for _ in range(2):  # each command that opens it hears the same reason, and copies nothing
        _refused_untouched(db_path, f"schema version ({version}) is not one FactDesk ever writes")


def test_a_symlink_loop_as_the_database_path_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "a.sqlite").symlink_to(tmp_path / "b.sqlite")
    (tmp_path / "b.sqlite").symlink_to(tmp_path / "a.sqlite")
    for path in (tmp_path / "a.sqlite", tmp_path / "a.sqlite" / "review.sqlite"):
        with pytest.raises(DatabaseRefused) as refused:
            ReviewStore.open(path)
        assert "loop of symbolic links" in refused.value.reason


def test_a_read_only_open_migrates_nothing_and_backs_up_nothing(tmp_path: Path, seed_copy: Path) -> None:
    path = tmp_path / "old.sqlite"
    version_2_database(path, [pipeline.process_source(read_file(seed_copy))], {})
    before, files_before = path.read_bytes(), _listing(tmp_path)
    with pytest.raises(DatabaseUnavailable) as refused:
        ReviewStore.open(path, read_only=True)
    assert refused.value.kind == "readonly"
    assert "older FactDesk" in refused.value.reason and "write access" in refused.value.reason
    assert path.read_bytes() == before and _listing(tmp_path) == files_before
    with pytest.raises(DatabaseRefused):
        ReviewStore.open(tmp_path / "missing.sqlite", read_only=True)
    assert not (tmp_path / "missing.sqlite").exists()

    with ReviewStore.open(path):  # upgraded where it may be written
        pass
    shutil.rmtree(tmp_path / "backups")
    with ReviewStore.open(path, read_only=True) as store:
        assert store.claims()
    assert not (tmp_path / "backups").exists()
