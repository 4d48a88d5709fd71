"""Read editors' decisions back from an exported (and edited) workbook.

Columns are found by their header text, not their position, so a sheet whose
columns were reordered, or that gained columns, still reads.  Only reading
happens here: whether a status or a corrected value is valid is the store's
call when it applies the edits.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from desktop.export.columns import COLUMNS, DETAIL_SHEET
from desktop.store.records import TAG_SEPARATORS, DecisionEdit

# Headers the claim id column is recognised by, after strip + casefold.
CLAIM_ID_HEADERS = frozenset({"claim id", "claim_id", "claimid", "id", "数字id", "编号"})
# Without any of these the sheet cannot say what the editor decided, and
# reading a missing 备注 column as "no note" would wipe every note.
REQUIRED_KEYS = ("status", "corrected_value", "corrected_unit", "sources", "note")
# The store splits tags on the same characters, so no stored tag contains one.
SOURCE_SEPARATORS = TAG_SEPARATORS


class WorkbookError(Exception):
    """The file cannot be read as a FactDesk workbook at all."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason


def read_decision_edits(path: Path) -> tuple[list[DecisionEdit], list[tuple[int, str]]]:
    """The decisions in `path`'s 核查明细 sheet, and the rows that could not be read.

    Blank rows are skipped; a row with content but no claim id is reported
    as (row number, reason).
    """
    path = Path(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise WorkbookError(path, "file not found") from None
    except InvalidFileException as err:
        raise WorkbookError(path, f"not an .xlsx workbook ({err})") from None
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as err:
        raise WorkbookError(path, f"not an .xlsx workbook, or a damaged one ({err})") from None
    except OSError as err:
        raise WorkbookError(path, f"cannot read the file ({err.strerror or err})") from None
    try:
        if DETAIL_SHEET not in workbook.sheetnames:
            found = "、".join(workbook.sheetnames)
            raise WorkbookError(path, f"no sheet named {DETAIL_SHEET} (sheets: {found})")
        sheet = workbook[DETAIL_SHEET]
        # Files saved by other programs may carry a wrong or missing size;
        # without this, read-only mode trusts it and can stop early.
        sheet.reset_dimensions()
        # Cells, not bare values: a percentage typed into 更正值 is stored as
        # 0.125 and only its number format says it was "12.5%".
        rows = sheet.iter_rows()
        header = next(rows, None)
        columns = _find_columns(path, [cell.value for cell in header or ()])
        edits: list[DecisionEdit] = []
        problems: list[tuple[int, str]] = []
        for number, cells in enumerate(rows, start=2):
            values = [_value(cell) for cell in cells]
            if all(_is_blank(value) for value in values):
                continue
            edit = _edit(number, values, columns)
            if isinstance(edit, str):
                problems.append((number, edit))
            else:
                edits.append(edit)
        return edits, problems
    finally:
        workbook.close()


def _find_columns(path: Path, header: Sequence[object]) -> dict[str, int]:
    by_header = {column.header: column.key for column in COLUMNS}
    found: dict[str, int] = {}
    for index, value in enumerate(header):
        name = _text(value).strip()
        key = "claim_id" if name.casefold() in CLAIM_ID_HEADERS else by_header.get(name)
        if key is not None and key not in found:  # the leftmost copy wins
            found[key] = index
    missing = [key for key in ("claim_id", *REQUIRED_KEYS) if key not in found]
    if missing:
        headers = {column.key: column.header for column in COLUMNS}
        names = "、".join(headers[key] for key in missing)
        raise WorkbookError(path, f"the {DETAIL_SHEET} sheet has no column headed {names} in row 1")
    return found


def _value(cell: object) -> object:
    """A cell's value; a number formatted as a percentage becomes its percentage text.

    Excel stores "12.5%" typed into a cell as 0.125 with a % format; read as
    a bare number it would become a correction of 0.125.
    """
    value = getattr(cell, "value", None)
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        number_format = getattr(cell, "number_format", None) or ""
        text = _text(value)
        if "%" in _unquoted(number_format) and text not in ("nan", "inf", "-inf"):
            return _plain(Decimal(text) * 100) + "%"
    return value


def _unquoted(number_format: str) -> str:
    """A number format without its quoted literals and escaped characters ("%" in quotes is text)."""
    return re.sub(r'"[^"]*"|\\.', "", number_format)


def _edit(number: int, values: Sequence[object], columns: dict[str, int]) -> DecisionEdit | str:
    """The row's decision, or why it cannot be read."""

    def cell(key: str) -> object:
        index = columns[key]
        return values[index] if index < len(values) else None

    claim_id = _text(cell("claim_id")).strip()
    if not claim_id:
        return f"no {COLUMNS[0].header} in this row"
    version: int | None = None
    if "version" in columns:
        written = _text(cell("version")).strip()
        if written:
            if not written.isdigit():
                return f"{_header('version')} {written!r} is not a whole number; export the workbook again"
            version = int(written)
    sources = tuple(tag.strip() for tag in SOURCE_SEPARATORS.split(_text(cell("sources"))) if tag.strip())
    return DecisionEdit(
        row=number,
        claim_id=claim_id,
        status=_text(cell("status")).strip(),
        corrected_value=_text(cell("corrected_value")).strip(),
        corrected_unit=_text(cell("corrected_unit")).strip(),
        sources=sources,
        note=_text(cell("note")),
        # Optional: "" keeps the claim's current reason, so an older or
        # trimmed sheet without this column changes nothing.
        reason=_text(cell("reason")).strip() if "reason" in columns else "",
        # Optional too: a workbook exported before the 版本 column existed
        # applies without the check for decisions made since.
        version=version,
    )


def _header(key: str) -> str:
    return next(column.header for column in COLUMNS if column.key == key)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: object) -> str:
    """A cell's value as the text an editor sees, numbers without float noise.

    13000.0 reads as "13000" and 65.04 as "65.04": the shortest repr of a
    double is the decimal that was typed, and Decimal keeps it exact.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        return _plain(Decimal(repr(value)))
    if isinstance(value, Decimal):
        return _plain(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _plain(value: Decimal) -> str:
    """Digits without an exponent or trailing zeros: 1.3E+4 -> 13000, 2.50 -> 2.5."""
    if value == value.to_integral_value():
        return f"{value.quantize(Decimal(1)):f}"
    return f"{value.normalize():f}"
