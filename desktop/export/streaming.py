"""Two changes to write-only sheets: a faster `append`, and scratch files without a name.

`fast_rows` speeds up `append` for rows that mix plain values and styled
cells.  openpyxl's `WriteOnlyWorksheet._values_to_row` binds each value into one
reused cell.  A styled `Cell` in the row (a number format, wrap, a guarded
text) costs three extra steps there: a failed bind that raises and formats a
ValueError, an isinstance check, and a fresh cell for the values after it.
With four styled cells a row that added about 15% to a 100,000-row export.

`fast_rows` replaces that generator on one sheet with one that passes our
cells through untouched.  It relies on the private hook `_values_to_row`
(openpyxl 3.0 and 3.1); if a later openpyxl drops it, nothing is installed
and `append` takes the normal path, which handles the same rows correctly,
only slower.  tests/export checks the hook still exists.

`stream_to_unnamed_file` keeps a killed export from leaving the sheet's
scratch file in the temp folder; it relies on `_get_writer` the same way.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import MethodType
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter

from desktop.export.atomic import descriptor_path, unnamed_file

HOOK = "_values_to_row"
WRITER_HOOK = "_get_writer"


def hook_available() -> bool:
    return callable(getattr(WriteOnlyWorksheet, HOOK, None))


def writer_hook_available() -> bool:
    return callable(getattr(WriteOnlyWorksheet, WRITER_HOOK, None)) and hasattr(WriteOnlyWorksheet, "_writer")


def stream_to_unnamed_file(sheet: Any) -> bool:
    """Let `sheet` stream its XML into a file without a name (Linux); True when installed.

    openpyxl streams each write-only sheet into a NamedTemporaryFile that it
    deletes on save or at interpreter exit, so an export killed with SIGKILL
    left one in the temp folder per sheet, the detail sheet's a few hundred
    MB.  `_get_writer` (openpyxl 3.0 and 3.1) creates the sheet's writer on
    the first append; this one hands the writer the path of an unnamed file
    instead (openpyxl opens the path to write, and zipfile opens it again
    to read on save) and replaces its `cleanup`, which would delete a named
    file, by closing the descriptor.  Where there are no unnamed files, or
    the hook is gone, openpyxl's own behaviour stays.
    """
    if not writer_hook_available() or sheet._writer is not None:
        return False
    folder = Path(tempfile.gettempdir())

    def get_writer(self: Any) -> None:
        if self._writer is not None:
            return
        fd = unnamed_file(folder)
        if fd is None:
            writer = WorksheetWriter(self)
        else:
            try:
                writer = WorksheetWriter(self, out=descriptor_path(fd))
            except BaseException:
                os.close(fd)
                raise
            writer.cleanup = _closer(fd)
        self._writer = writer
        writer.write_top()

    setattr(sheet, WRITER_HOOK, MethodType(get_writer, sheet))
    return True


def _closer(fd: int) -> Any:
    """Close `fd` once: called again (an abandoned workbook's cleanup after a save
    that failed halfway), it must not close whatever reuses the number."""
    closed = False

    def close() -> None:
        nonlocal closed
        if not closed:
            closed = True
            with contextlib.suppress(OSError):
                os.close(fd)

    return close


def fast_rows(sheet: Any) -> bool:
    """Install the faster row generator on `sheet`; True when it was installed."""
    if not hook_available():
        return False
    setattr(sheet, HOOK, MethodType(_values_to_row, sheet))
    return True


def _values_to_row(sheet: Any, values: Iterable[Any], row_idx: int) -> Iterator[Cell]:
    # The writer writes each cell before asking for the next, so one scratch
    # cell serves every plain value, as in openpyxl's own version.
    scratch = WriteOnlyCell(sheet)
    cell: Any
    for col_idx, value in enumerate(values, 1):
        if value is None:
            continue
        if value.__class__ is Cell:
            cell = value
        else:
            cell = scratch
            cell.value = value  # raises ValueError for a type Excel cannot hold
        cell.column = col_idx
        cell.row = row_idx
        yield cell
        # A datetime gives the scratch cell a date format; later values must not inherit it.
        if cell is scratch and scratch.has_style:
            scratch = WriteOnlyCell(sheet)
