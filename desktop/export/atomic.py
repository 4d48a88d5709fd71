"""Replace a file so that, whatever happens, it is the old file or the new one, and nothing is left over.

The export used to build the workbook in `.NAME.xxxxxxxx.part` beside the
target and delete it on any error; an export killed with SIGKILL (or a power
cut) left the part behind for good.  Now, on Linux, the workbook is built in
a file with no name at all (O_TMPFILE in the target's folder, so the final
move stays on one file system): if the process dies it simply vanishes.
When it is complete it is linked in under a part name and renamed over the
target in one step, as before.

Where O_TMPFILE is missing (Windows, macOS, some network file systems) the
part file is named from the start.  Its writer holds an exclusive flock on
it while it lives, so the next export in that folder can tell a part whose
writer died (the lock is free) from one still being written, and removes
only the first kind.  On Windows an open file cannot be deleted, which does
the same job.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

PART_NAME = re.compile(r"\..+\.[0-9a-f]{8}\.part")
_PROC_FD = "/proc/self/fd"
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)  # Windows would otherwise translate line ends


def part_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")


def unnamed_file(folder: Path) -> int | None:
    """A descriptor of a new file in `folder` that has no name, or None where there is no such thing.

    It needs O_TMPFILE and /proc (to hand the file to code that wants a
    path, and to link it in at the end).  Permissions are the usual ones
    (0666 less the umask), as for any file the user creates.
    """
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir(_PROC_FD):
        return None
    try:
        return os.open(folder, flag | os.O_RDWR | _CLOEXEC, 0o666)
    except OSError:  # EOPNOTSUPP, EISDIR on kernels before 3.11, ...
        return None


def descriptor_path(fd: int) -> str:
    """A path that opens the file behind `fd`, named or not (Linux)."""
    return f"{_PROC_FD}/{fd}"


@contextlib.contextmanager
def replacing(target: Path, before_replace: Callable[[], None] | None = None) -> Iterator[BinaryIO]:
    """A binary file that replaces `target` when the block finishes without an error.

    The data is flushed to disk before the rename and the folder after it.
    `before_replace` runs last of all before the rename and may raise to
    stop it (a check that the target is still one that may be replaced).
    On an error, or a kill, `target` is as it was and no file is left over.
    """
    target = Path(target)
    folder = target.parent
    remove_abandoned_parts(folder)
    part: Path | None = None
    fd = unnamed_file(folder)
    if fd is None:
        fd, part = _named_part(target)
    else:
        _lock(fd)
    handle = os.fdopen(fd, "w+b")
    try:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        if before_replace is not None:
            before_replace()
        if part is None:
            part = _link_in(handle.fileno(), target)
        os.replace(part, target)
        part = None
        _sync_folder(folder)
    finally:
        if part is not None:
            with contextlib.suppress(OSError):
                part.unlink()
        handle.close()


def remove_abandoned_parts(folder: Path) -> list[Path]:
    """Delete the part files in `folder` whose export died; returns what was deleted."""
    try:
        with os.scandir(folder) as scan:
            candidates = [Path(entry.path) for entry in scan if PART_NAME.fullmatch(entry.name)]
    except OSError:
        return []
    return [path for path in candidates if _remove_if_abandoned(path)]


def _remove_if_abandoned(path: Path) -> bool:
    if fcntl is None:
        try:
            path.unlink()  # refused while its writer has it open
        except OSError:
            return False
        return True
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
    except OSError:  # gone already, a symlink, not ours to read
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # a live export holds it
            return False
        try:
            if not os.path.samestat(os.fstat(fd), os.lstat(path)):
                return False
            path.unlink()
        except OSError:
            return False
        return True
    finally:
        os.close(fd)


def _link_in(fd: int, target: Path) -> Path:
    """Give the unnamed file behind `fd` a part name beside `target`.

    linkat() with AT_SYMLINK_FOLLOW links the file the /proc entry points
    to, which needs no privilege (AT_EMPTY_PATH would).  os.link uses
    linkat only when given a folder descriptor; plain link() would try to
    link the /proc symlink itself and fail with EXDEV.
    """
    part = part_path(target)
    folder = os.open(target.parent, os.O_RDONLY | _CLOEXEC)
    try:
        os.link(descriptor_path(fd), part.name, dst_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)
    return part


def _named_part(target: Path) -> tuple[int, Path]:
    while True:
        part = part_path(target)
        fd = os.open(part, os.O_RDWR | os.O_CREAT | os.O_EXCL | _CLOEXEC | _BINARY, 0o666)
        _lock(fd)
        # Between the open and the lock another export may have found the
        # file unlocked and deleted it; then start again under a new name.
        try:
            if os.path.samestat(os.fstat(fd), os.stat(part)):
                return fd, part
        except FileNotFoundError:
            pass
        os.close(fd)


def _lock(fd: int) -> None:
    if fcntl is not None:
        with contextlib.suppress(OSError):  # a file system without flock still writes
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder this way."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | _CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
