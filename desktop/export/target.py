"""Whether a path may receive an exported workbook: never the database, never a file that is not a workbook.

`factdesk export review.sqlite` used to replace the review database with a
workbook and report success.  An export now writes only to a name ending in
.xlsx, and replaces an existing file only when that file is itself an .xlsx
workbook.  The review database and its -wal, -shm and -journal files are
recognised by what they are (device and inode), not only by name, so a
symlink or a hard link to them is refused too.

Order matters: closing any Python descriptor of a file drops this process's
POSIX locks on it, and SQLite's locks on the open database are POSIX locks,
so the database must be ruled out by os.stat alone before any candidate is
opened to look at its content.
"""

from __future__ import annotations

import contextlib
import os
import stat
import zipfile
from pathlib import Path

# The parts every .xlsx package has; a zip without them is some other file.
WORKBOOK_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
SQLITE_HEADER = b"SQLite format 3\x00"
DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")


class TargetRefused(Exception):
    """An export target that must not be written; nothing was written.

    `kind` is stable, for code to branch on:

    - "database": the review database or one of its -wal/-shm/-journal files
    - "not-a-file": a folder, device, pipe or socket
    - "not-xlsx": the name does not end in .xlsx
    - "sqlite": an existing SQLite database (a backup, another review)
    - "not-a-workbook": an existing file that is not an .xlsx workbook
    - "unreadable": an existing file that cannot be looked at, so cannot be judged
    """

    def __init__(self, path: Path, kind: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.kind = kind
        self.reason = reason


def check_target(path: Path, *, database: Path | None = None) -> TargetRefused | None:
    """Why the workbook must not be written to `path`, or None when it may be.

    `database` is the review database the export reads; pass it whenever
    there is one.  Returns the refusal rather than raising it, so a dialog
    can show it next to the file name; `raise` it to stop an export.
    """
    path = Path(path)
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        return TargetRefused(
            path, "unreadable", f"cannot look at the existing file ({error.strerror or error})"
        )

    if database is not None:
        for companion in _companions(Path(database)):
            if _same_file(path, info, companion):
                what = (
                    "the review database"
                    if companion == Path(database)
                    else f"the review database's {companion.name} file"
                )
                return TargetRefused(path, "database", f"this is {what}; choose a new .xlsx file name")

    if info is not None and not stat.S_ISREG(info.st_mode):
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        return TargetRefused(path, "not-a-file", f"this is {what}; choose an .xlsx file name")

    if path.suffix.lower() != ".xlsx":
        return TargetRefused(path, "not-xlsx", "the workbook is written only to a file name ending in .xlsx")

    if info is None:
        return None
    return _existing_refusal(path)


def _companions(database: Path) -> list[Path]:
    return [database.with_name(database.name + suffix) for suffix in DATABASE_COMPANIONS]


def _same_file(path: Path, info: os.stat_result | None, other: Path) -> bool:
    """Whether `path` is `other`, comparing device and inode (symlinks and hard links
    included), or the resolved names when either does not exist yet."""
    try:
        other_info = os.stat(other)
    except OSError:
        other_info = None
    if info is not None and other_info is not None:
        return os.path.samestat(info, other_info)
    # A database without its -wal right now still gets one on the next
    # write: a workbook must not take that name either.
    return os.path.realpath(path) == os.path.realpath(other)


def _existing_refusal(path: Path) -> TargetRefused | None:
    """Whether the existing file at `path` (known not to be the database) may be replaced."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
            if head == SQLITE_HEADER:
                return TargetRefused(
                    path, "sqlite", "this is an SQLite database, not a workbook; it is not replaced"
                )
            handle.seek(0)
            with contextlib.closing(zipfile.ZipFile(handle)) as archive:
                names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, EOFError):
        names = set()
    except OSError as error:
        return TargetRefused(path, "unreadable", f"cannot read the existing file ({error.strerror or error})")
    if not all(part in names for part in WORKBOOK_PARTS):
        return TargetRefused(
            path, "not-a-workbook", "the existing file is not an .xlsx workbook; it is not replaced"
        )
    return None
