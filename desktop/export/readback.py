"""Read editors' decisions back from an exported (and edited) workbook.

Columns are found by their header text, not their position, so a sheet whose
columns were reordered, or that gained columns, still reads.  Only reading
happens here: whether a status or a corrected value is valid is the store's
call when it applies the edits.

Before openpyxl parses anything the archive is checked against size limits
(`desktop.export.archive`).  Texts longer than a cell are joined again from
the 长文本 sheet (`desktop.export.longtext`).  A cell the import reads that
holds a formula without a saved result (a script wrote it, nothing
calculated it) refuses its row: read as empty it would wipe the note.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from desktop.export.archive import UnsafeArchive, inspect_archive
from desktop.export.columns import (
    COLUMNS,
    DATABASE_ID_LABEL,
    DATABASE_ID_PROPERTY,
    DETAIL_SHEET,
    LONG_TEXT_SHEET,
    NOTES_SHEET,
)
from desktop.export.errors import WorkbookError
from desktop.export.longtext import NO_LONG_TEXTS, LongTexts, read_long_texts
from desktop.store.records import TAG_SEPARATORS, DecisionEdit, Refusal

# Headers the claim id column is recognised by, after strip + casefold: today's, and
# "claim id", the header of workbooks exported before it was Chinese.
CLAIM_ID_HEADERS = frozenset({"数字编号", "claim id", "claim_id", "claimid", "id", "数字id", "编号"})
# Without any of these the sheet cannot say what the editor decided, and
# reading a missing 备注 column as "no note" would wipe every note.
REQUIRED_KEYS = ("status", "corrected_value", "corrected_unit", "sources", "note")
# The store splits tags on the same characters, so no stored tag contains one.
SOURCE_SEPARATORS = TAG_SEPARATORS
# The 说明 sheet keeps its labels near the top; an edited one is not searched to the end.
_NOTES_ROWS_SEARCHED = 50


# Why a file cannot be read as a workbook at all, for a window to word in its
# editor's language (WorkbookError.kind); `reason` says it in English.
WORKBOOK_ERROR_KINDS = (
    "unsafe",  # refused before reading: too big, too many parts, a bomb
    "missing",  # no file there
    "not-a-workbook",  # not an .xlsx, or a damaged one
    "unreadable",  # encrypted, an unknown compression, an I/O error
    "no-detail-sheet",  # no 核查明细 sheet; details: sheets
    "missing-columns",  # details: columns (the headers missing, 、-separated)
    "two-databases",  # the workbook names two review databases
)


@dataclass(frozen=True)
class WorkbookEdits:
    """What an edited workbook says: the decisions, the rows that could not be read, and its origin."""

    edits: list[DecisionEdit]
    problems: list[tuple[int, Refusal]]  # (row number, reason with its code)
    # The review database the workbook was exported from; None for a
    # workbook exported before FactDesk wrote one.
    database_id: str | None


def read_decision_edits(path: Path) -> tuple[list[DecisionEdit], list[tuple[int, Refusal]]]:
    """The decisions in `path`'s 核查明细 sheet, and the rows that could not be read."""
    read = read_workbook(path)
    return read.edits, read.problems


def read_workbook(path: Path) -> WorkbookEdits:
    """The decisions in `path`'s 核查明细 sheet, the rows that could not be read, and the database id.

    Blank rows are skipped; a row with content but no claim id, a cut long
    text or a formula without a result is reported as (row number, reason)
    and the other rows are still read.
    """
    path = Path(path)
    try:
        facts = inspect_archive(path)
    except UnsafeArchive as error:
        raise WorkbookError(path, f"refused before reading: {error.reason}", "unsafe") from None
    except FileNotFoundError:
        raise WorkbookError(path, "file not found", "missing") from None
    except (zipfile.BadZipFile, EOFError, ValueError) as error:
        raise WorkbookError(
            path, f"not an .xlsx workbook, or a damaged one ({error})", "not-a-workbook"
        ) from None
    except (RuntimeError, NotImplementedError) as error:  # encrypted, or an unknown compression
        raise WorkbookError(path, f"cannot be read ({error})") from None
    except OSError as error:
        raise WorkbookError(path, f"cannot read the file ({error.strerror or error})") from None
    workbook = _open(path, data_only=True)
    formulas = None
    try:
        if facts.formulas:
            # Opened a second time to see formulas: the first shows only their saved results.
            formulas = _open(path, data_only=False)
        if DETAIL_SHEET not in workbook.sheetnames:
            found = "、".join(workbook.sheetnames)
            raise WorkbookError(
                path, f"no sheet named {DETAIL_SHEET} (sheets: {found})", "no-detail-sheet", sheets=found
            )
        database_id = _database_id(path, workbook)
        long_texts = NO_LONG_TEXTS
        if LONG_TEXT_SHEET in workbook.sheetnames:
            long_texts = read_long_texts(_rows(workbook[LONG_TEXT_SHEET], values_only=True))
        edits, problems = _read_detail(
            path, workbook[DETAIL_SHEET], formulas[DETAIL_SHEET] if formulas else None, long_texts
        )
    finally:
        workbook.close()
        if formulas is not None:
            formulas.close()
    return WorkbookEdits(edits=edits, problems=problems, database_id=database_id)


def _open(path: Path, *, data_only: bool) -> Any:
    try:
        return load_workbook(path, read_only=True, data_only=data_only, keep_links=False)
    except FileNotFoundError:
        raise WorkbookError(path, "file not found", "missing") from None
    except InvalidFileException as err:
        raise WorkbookError(path, f"not an .xlsx workbook ({err})", "not-a-workbook") from None
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as err:
        raise WorkbookError(
            path, f"not an .xlsx workbook, or a damaged one ({err})", "not-a-workbook"
        ) from None
    except OSError as err:
        raise WorkbookError(path, f"cannot read the file ({err.strerror or err})") from None


def _rows(sheet: Any, *, values_only: bool = False) -> Iterator[Any]:
    # Files saved by other programs may carry a wrong or missing size;
    # without this, read-only mode trusts it and can stop early.
    sheet.reset_dimensions()
    return iter(sheet.iter_rows(values_only=values_only))


def _read_detail(
    path: Path, sheet: Any, formula_sheet: Any, long_texts: LongTexts
) -> tuple[list[DecisionEdit], list[tuple[int, Refusal]]]:
    # Cells, not bare values: a percentage typed into 更正值 is stored as
    # 0.125 and only its number format says it was "12.5%".
    rows = _rows(sheet)
    formula_rows = _rows(formula_sheet) if formula_sheet is not None else None
    header = next(rows, None)
    if formula_rows is not None:
        next(formula_rows, None)
    columns = _find_columns(path, [cell.value for cell in header or ()])
    read_columns = sorted(columns.items(), key=lambda item: item[1])
    edits: list[DecisionEdit] = []
    problems: list[tuple[int, Refusal]] = []
    for number, cells in enumerate(rows, start=2):
        formula_cells = next(formula_rows, ()) if formula_rows is not None else ()
        values = [_value(cell) for cell in cells]
        problem = _formula_problem(values, formula_cells, read_columns)
        if problem is None and all(_is_blank(value) for value in values):
            continue
        if problem is None:
            problem = _restore_long_texts(values, columns, long_texts)
        edit = problem if problem is not None else _edit(number, values, columns)
        if isinstance(edit, Refusal):
            problems.append((number, edit))
        else:
            edits.append(edit)
    return edits, problems


def _formula_problem(
    values: Sequence[object], formula_cells: Sequence[Any], read_columns: Sequence[tuple[str, int]]
) -> Refusal | None:
    """Why the row is refused when a column the import reads holds a formula without a saved result.

    A spreadsheet saves a formula's result with it; a script (openpyxl,
    for one) saves only the formula, and reading the empty result would
    wipe the note or the status.  A formula whose result was saved is read
    as that result, as an editor sees it.
    """
    if not formula_cells:
        return None
    for key, index in read_columns:
        if index >= len(formula_cells) or getattr(formula_cells[index], "data_type", None) != "f":
            continue
        if index < len(values) and not _is_blank(values[index]):
            continue
        formula = formula_cells[index].value
        shown = formula if isinstance(formula, str) else getattr(formula, "text", "a formula")
        return Refusal(
            f"{_header(key)} holds a formula ({shown}) with no saved result; type the value itself, "
            f"or open and save the workbook in a spreadsheet program so the result is stored",
            "formula",
            column=_header(key),
        )
    return None


def _restore_long_texts(
    values: list[object], columns: dict[str, int], long_texts: LongTexts
) -> Refusal | None:
    """Put back the whole of each text that was too long for its cell; why not, when it cannot be."""
    claim_id = ""
    for key, index in columns.items():
        if index >= len(values):
            continue
        value = values[index]
        if not isinstance(value, str) or not value.endswith("〕"):
            continue
        if not claim_id:
            claim_id = _text(
                values[columns["claim_id"]] if columns["claim_id"] < len(values) else None
            ).strip()
        whole = long_texts.restore(value, claim_id, _header(key))
        if whole is None:
            return Refusal(
                long_texts.why_not(value, claim_id, _header(key)), "long-text", column=_header(key)
            )
        values[index] = whole
    return None


def _database_id(path: Path, workbook: Any) -> str | None:
    """The review database the workbook was exported from, from its property and its 说明 sheet.

    Either alone will do (a spreadsheet program may drop one); two that
    disagree mean sheets were copied between workbooks, and the workbook
    is refused rather than guessed about.
    """
    found: set[str] = set()
    for prop in getattr(workbook, "custom_doc_props", None) or ():
        if (
            getattr(prop, "name", None) == DATABASE_ID_PROPERTY
            and isinstance(prop.value, str)
            and prop.value.strip()
        ):
            found.add(prop.value.strip())
    if NOTES_SHEET in workbook.sheetnames:
        for number, row in enumerate(_rows(workbook[NOTES_SHEET], values_only=True)):
            if number >= _NOTES_ROWS_SEARCHED:
                break
            if len(row) >= 2 and _text(row[0]).strip() == DATABASE_ID_LABEL and _text(row[1]).strip():
                found.add(_text(row[1]).strip())
                break
    if len(found) > 1:
        raise WorkbookError(
            path,
            f"the workbook names two review databases ({' and '.join(sorted(found))}); "
            f"its sheets were probably copied from another workbook; export again",
            "two-databases",
        )
    return next(iter(found), None)


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
        raise WorkbookError(
            path,
            f"the {DETAIL_SHEET} sheet has no column headed {names} in row 1",
            "missing-columns",
            columns=names,
        )
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


def _edit(number: int, values: Sequence[object], columns: dict[str, int]) -> DecisionEdit | Refusal:
    """The row's decision, or why it cannot be read."""

    def cell(key: str) -> object:
        index = columns[key]
        return values[index] if index < len(values) else None

    claim_id = _text(cell("claim_id")).strip()
    if not claim_id:
        return Refusal(f"no {COLUMNS[0].header} in this row", "no-claim-id")
    version: int | None = None
    if "version" in columns:
        written = _text(cell("version")).strip()
        if written:
            if not written.isdigit():
                return Refusal(
                    f"{_header('version')} {written!r} is not a whole number; export the workbook again",
                    "bad-version",
                    value=written,
                )
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
        # Optional: how the correction was typed, kept while it reads as 更正值.
        corrected_text=_text(cell("corrected_text")).strip() if "corrected_text" in columns else "",
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
    """Digits without an exponent or trailing zeros: 1.3E+4 -> 13000, 2.50 -> 2.5.

    By formatting alone: quantize() and normalize() round to the context's
    28 digits, and quantize() raises on a whole number longer than that
    (1E+300 typed into Excel).
    """
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
