"""Opening the SQLite file safely: refuse what is not ours, migrate, back up.

A file is examined through a read-only connection before anything opens it
for writing, so a database from a newer FactDesk, a damaged file or some
other program's file is refused without a single byte of it (or a -wal/-shm
beside it) being written.  Only then is it opened read-write, switched to
WAL and migrated, with an online backup taken first.  A database the user
may not write is opened read-only instead (connect_read_only), untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import glob
import logging
import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from desktop.store import failures, migrations
from desktop.store.errors import DatabaseRefused

_log = logging.getLogger(__name__)

# A database is at least one page; the smallest page SQLite writes is 512 bytes.
_SMALLEST_DATABASE = 512
# PRAGMA application_id of every FactDesk database ("FDK1"): tells our files
# from any other program's SQLite file.
APPLICATION_ID = 0x46444B31
BUSY_TIMEOUT_MS = 5000
DAILY_BACKUPS_KEPT = 7


@dataclass(frozen=True)
class Examined:
    new: bool  # missing or empty: to be created (and seeded)
    version: int  # PRAGMA user_version as found


def examine(path: Path) -> Examined:
    """Check a database file without writing to it; raise DatabaseRefused if unusable.

    Only SQLite itself ever opens the file.  POSIX locks belong to the process,
    not to a descriptor: closing any descriptor of the database file drops all
    of this process's locks on it, so reading the header with Python's open()
    while the window (or a job) holds a connection would silently release that
    connection's WAL locks; another process would then checkpoint and delete
    the WAL under it, and every later decision would go into a deleted file
    (SQLite's "How To Corrupt An SQLite Database File", section 2.2).  SQLite
    shares one descriptor per file among the process's connections and defers
    closing it while any lock is held, so its own connections are safe.
    """
    try:
        info = path.stat()  # stat() opens nothing
    except FileNotFoundError:
        return Examined(new=True, version=0)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise DatabaseRefused(
                path,
                "the path is a loop of symbolic links (they point at each other, never at a file)",
                "symlink-loop",
            ) from error
        raise DatabaseRefused(
            path, f"the file cannot be read ({error.strerror})", "unreadable", detail=str(error.strerror)
        ) from error
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseRefused(path, "this is not a file", "not-a-file")
    if info.st_size == 0:
        return Examined(new=True, version=0)  # SQLite treats an empty file as an empty database
    if info.st_size < _SMALLEST_DATABASE:
        raise DatabaseRefused(
            path, "the file is too small to be a database: damaged, or not an SQLite file", "too-small"
        )

    immutable = _may_read_immutable(path)
    try:
        found = _read_header_facts(path, immutable=immutable)
    except DatabaseRefused:
        if not immutable or _may_read_immutable(path):
            raise
        found = None
    if found is None or (found[3] != ["ok"] and immutable and not _may_read_immutable(path)):
        # Read without locks (immutable), a file that another process began
        # writing (a -wal appeared) can look damaged; only a locked read decides.
        found = _read_header_facts(path, immutable=False)
    version, application_id, tables, problems = found

    if problems != ["ok"]:
        shown = "; ".join(str(p) for p in problems[:3])
        raise DatabaseRefused(path, f"the database file is damaged ({shown})", "damaged", detail=shown)
    if application_id != APPLICATION_ID and (application_id != 0 or tables):
        raise DatabaseRefused(
            path, "this is not a FactDesk database (another program's SQLite file)", "other-program"
        )
    latest = migrations.latest_version()
    if version > latest:
        raise DatabaseRefused(
            path,
            f"this database was made by a newer FactDesk (schema version {version}; "
            f"this FactDesk knows versions up to {latest}); open it with a newer FactDesk",
            "newer",
            version=str(version),
            latest=str(latest),
        )
    if version < 0 or (version == 0 and tables):
        # FactDesk sets the version in the transaction that creates the
        # tables, so this file was changed by some other tool; migrating it
        # would run migrations over tables they did not make.
        raise DatabaseRefused(
            path,
            f"its schema version ({version}) is not one FactDesk ever writes: the file was changed by "
            "another program; restore it from a backup",
            "altered",
            version=str(version),
        )
    return Examined(new=not tables, version=version)


def _read_header_facts(path: Path, *, immutable: bool) -> tuple[int, int, list[str], list[str]]:
    """user_version, application_id, table names and quick_check, read through SQLite."""
    uri = _read_only_uri(path) + ("&immutable=1" if immutable else "")
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise DatabaseRefused(
            path, f"the database cannot be opened ({error})", "cannot-open", detail=str(error)
        ) from error
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
            raise DatabaseRefused(
                path, "this is not a FactDesk database (not an SQLite file)", "not-sqlite"
            ) from error
        raise DatabaseRefused(
            path, f"the database file is damaged ({error})", "damaged", detail=str(error)
        ) from error
    finally:
        conn.close()
    return version, application_id, tables, problems


def _may_read_immutable(path: Path) -> bool:
    # Without a -wal or hot journal the main file is the whole database, and
    # immutable=1 stops SQLite creating a -shm beside a WAL-mode file just to
    # read it (a refused file is left without a byte written beside it).  With
    # a -wal present the file is in use (or was left by a crash) and its pages
    # must be read through the WAL.
    return not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal"))


def _read_only_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def may_write(path: Path) -> bool:
    """False for an existing database this user may not write (the file, or the folder
    where SQLite keeps its -wal and -shm); asked of the file system, never by opening it."""
    if not path.exists():
        return True
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def connect(path: Path) -> Database:
    """Open an examined file read-write with the settings every connection needs."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseRefused(
            path, f"its folder cannot be created ({error.strerror})", "folder", detail=str(error.strerror)
        ) from error
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise _cannot_open(path, error) from error
    try:
        db = Database(conn)
        # WAL lets the GUI read while another process writes; synchronous=FULL
        # fsyncs the WAL at every commit, so a decision reported saved survives
        # a power cut as well as a killed process.
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.enable_wal()
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as error:
        conn.close()
        raise _cannot_open(path, error) from error
    return db


def connect_read_only(path: Path) -> Database:
    """Open an examined file so that SQLite itself refuses every write (SQLITE_READONLY)."""
    uri = _read_only_uri(path)
    if _may_read_immutable(path) and not os.access(path.parent, os.W_OK | os.X_OK):
        # SQLite reads a WAL-mode file through a -shm beside it, and in a
        # folder it may not write it cannot make one (SQLITE_READONLY_DIRECTORY).
        # With no -wal there, no one is writing the file (a writer would
        # have made one), so it is read as it stands.
        uri += "&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except sqlite3.Error as error:
        raise _cannot_open(path, error) from error
    return db


def _cannot_open(path: Path, error: sqlite3.Error) -> Exception:
    kind = failures.kind_of(error)
    if kind is not None:
        return failures.unavailable(path, kind, str(error))
    return DatabaseRefused(path, f"the database cannot be opened ({error})", "cannot-open", detail=str(error))


def migrate(db: Database, path: Path, examined: Examined) -> None:
    """Bring the schema to the latest version, backing up an existing database first."""
    latest = migrations.latest_version()
    if examined.version >= latest:
        return
    if not examined.new:
        backup(db, path.with_name(f"{path.stem}.before-v{latest}.{_timestamp()}.sqlite"))
    for target in range(examined.version + 1, latest + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            if user_version(db) < target:
                migrations.MIGRATIONS[target - 1](db)
                db.execute(f"PRAGMA user_version = {int(target)}")
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute("COMMIT")
        except BaseException:
            db.rollback()
            raise
    _reclaim_free_space(db, path)


def _reclaim_free_space(db: Database, path: Path) -> None:
    # A database written before sentences were stored once can be mostly
    # copies of one long sentence; once migration 3 has dropped them, VACUUM
    # gives the space back (1.1 GB became a few MB).  Only when most pages are
    # free: VACUUM rewrites the whole file.
    free = int(db.execute("PRAGMA freelist_count").fetchone()[0])
    pages = int(db.execute("PRAGMA page_count").fetchone()[0])
    if free < 1024 or free * 2 < pages:
        return
    try:
        db.execute("VACUUM")
    except sqlite3.Error as error:  # the file is intact, only larger than it needs to be
        _log.warning("VACUUM of %s after migration failed: %s", path, error)


def database_id(db: Database) -> str:
    return str(db.execute("SELECT value FROM meta WHERE key = 'database_id'").fetchone()[0])


def user_version(db: Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def backup(db: Database, target: Path) -> None:
    """A consistent copy of the live database through SQLite's online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    dest = sqlite3.connect(str(partial))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    # Renamed into place only when complete: a crash mid-copy never leaves a
    # file that looks like a good backup.
    os.replace(partial, target)


def daily_backup(db: Database, path: Path, today: dt.date | None = None) -> Path | None:
    """Keep one backup per day in backups/ beside the database, the newest DAILY_BACKUPS_KEPT."""
    day = (today or dt.date.today()).isoformat()
    folder = path.parent / "backups"
    # Named by the whole file name: review.sqlite and review.db in one folder
    # are two databases, and a stem alone gave them one backup (and pruned
    # each other's).
    target = folder / f"{path.name}.{day}.sqlite"
    made = None
    if not target.exists():
        try:
            backup(db, target)
            made = target
        except (OSError, sqlite3.Error) as error:
            # A missing daily copy must not stop the day's review; the
            # database itself is intact, so say so and carry on.
            _log.warning("daily backup %s failed: %s", target, error)
    # ISO dates sort as text, so the oldest come first.
    backups = sorted(folder.glob(f"{glob.escape(path.name)}.????-??-??.sqlite"))
    for old in backups[:-DAILY_BACKUPS_KEPT]:
        with contextlib.suppress(OSError):  # another process may have removed it already
            old.unlink()
    return made


def _timestamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
