"""Python values to write-only cells: exact numbers, real datetimes, and text
that a spreadsheet never evaluates.

`WriteOnlyWorksheet.append` takes plain values (cheap: openpyxl reuses one
cell for them) or `Cell` objects (needed for a number format, an alignment or
a forced data type).  `CellMaker` hands out plain values wherever it can and
reuses one template `Cell` per column and style otherwise, which keeps a
100,000-row export close to the cost of writing bare values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from decimal import Decimal

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from desktop.colours import STATUS_COLOURS as WINDOW_STATUS_COLOURS
from desktop.colours import TEXT_DARK

# A cell typed with one of these first characters is a formula to Excel,
# LibreOffice and the CSV they save (OWASP "CSV injection").
FORMULA_STARTS = frozenset("=+-@\t\r")
_ERROR_CODES = frozenset(ERROR_CODES)
_ILLEGAL: re.Pattern[str] = ILLEGAL_CHARACTERS_RE

INTEGER_FORMAT = "#,##0"
TEXT_FORMAT = "@"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
SECONDS_FORMAT = "0.0"
SHARE_FORMAT = "0%"
# Excel shows at most 15 significant digits; more places than this are noise.
MAX_PLACES = 10
EXCEL_DIGITS = 15
# Powers of ten Excel holds: its smallest positive number is about 2.2E-308, its largest 9.99E+307.
EXCEL_MIN_EXPONENT = -307
EXCEL_MAX_EXPONENT = 307

# A cell holds at most 32,767 characters, counted in UTF-16 units, and
# openpyxl silently cuts a longer string there.
CELL_LIMIT = 32_767
# A text of at most this many code points fits whatever they are (two units
# each outside the BMP), so only longer texts are measured.
ALWAYS_FITS = CELL_LIMIT // 2
PREVIEW = 16_000  # code points of a long text shown in its own cell
# Sheets that are never read back (文章汇总, 说明) show a long text's start and say so.
_CLIPPED = "……〔未完：全文共 {length} 字〕"

WRAP = Alignment(wrap_text=True, vertical="top")
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill(fill_type="solid", start_color="FFD9E1F2", end_color="FFD9E1F2")
_THIN = Side(style="thin", color="FF8EA9DB")
HEADER_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_ALIGNMENT = Alignment(wrap_text=True, horizontal="center", vertical="center")
TITLE_FONT = Font(bold=True, size=12)


def needs_guard(text: str) -> bool:
    """True when a spreadsheet would read `text` as a formula or an error value."""
    return bool(text) and (text[0] in FORMULA_STARTS or text in _ERROR_CODES)


def has_illegal(text: str) -> bool:
    return _ILLEGAL.search(text) is not None


def clean_text(text: str) -> str:
    """`text` without the control characters XML 1.0 cannot carry.

    openpyxl raises on them halfway through a streamed row, which leaves the
    sheet broken; a stray form feed in an article is not worth failing an
    export for.
    """
    return _ILLEGAL.sub("", text)


def fits(text: str) -> bool:
    """True when `text` fits in one cell as it is."""
    length = len(text)
    if length <= ALWAYS_FITS:
        return True
    return length <= CELL_LIMIT and len(text.encode("utf-16-le")) // 2 <= CELL_LIMIT


def clipped(text: str) -> str:
    """A text too long for a cell, cut visibly: its start and how long it is."""
    return text[:PREVIEW] + _CLIPPED.format(length=len(text))


def decimal_format(places: int) -> str:
    return _FORMATS[max(0, min(places, MAX_PLACES))]


_FORMATS = tuple(INTEGER_FORMAT + ("." + "0" * places if places else "") for places in range(MAX_PLACES + 1))


def excel_number(value: Decimal) -> tuple[int | float | str, str]:
    """The number to store for `value` and the format that shows it as written.

    Whole values go in as int, so 14005000000 is stored digit for digit;
    others as a double, which is what Excel holds.  The format keeps the
    value's own decimal places: 65.04 shows 65.04, 2.5 shows 2.5, 13000.0
    (1.3万 scaled) shows 13,000.  A value Excel cannot hold as written is
    stored as exact text (`fits_excel`): an editor checking a number must
    see its digits, not Excel's rounding of them.
    """
    text = str(value)
    # Up to 15 characters without an exponent is at most 15 digits between
    # 1E-6 and 1E+15: always a number.  Only longer values (rare in copy) pay
    # for the full check.
    if (len(text) > EXCEL_DIGITS or "E" in text) and not fits_excel(value):
        # Positional digits, as the store keeps them: the corrected-value
        # parser reads "1E+400" as 1 with the unit "E+400".
        return format(value, "f"), TEXT_FORMAT
    return _excel_number(value)


def fits_excel(value: Decimal) -> bool:
    """True when Excel holds `value` exactly and shows every digit of it.

    Excel keeps 15 significant digits and numbers from about 2.2E-308 to
    9.99E+307.  The old rule looked only at values that became a double with
    more than 16 characters, so a whole number went in as a Python int of
    any size (openpyxl then overflowed converting 1E+400 to a double, or
    wrote 17 digits as "%.16g") and 1E-400 became 0.0.  Any decimal of at
    most 15 significant digits in the normal range survives the double and
    openpyxl's "%.16g" unchanged: the shortest repr of that double is the
    decimal again.
    """
    if not value:
        return True
    digits = value.as_tuple().digits
    significant = len(digits)
    while significant > 1 and digits[significant - 1] == 0:
        significant -= 1
    return significant <= EXCEL_DIGITS and EXCEL_MIN_EXPONENT <= value.adjusted() <= EXCEL_MAX_EXPONENT


def _excel_number(value: Decimal) -> tuple[int | float, str]:
    # Reading the places off str() is several times faster than
    # normalize().as_tuple(), and this runs for every row.
    text = str(value)
    if "E" not in text:
        point = text.find(".")
        if point < 0:
            return int(value), INTEGER_FORMAT
        places = len(text.rstrip("0")) - point - 1
        if places == 0:
            return int(value), INTEGER_FORMAT
        return float(value), _FORMATS[min(places, MAX_PLACES)]
    if value == value.to_integral_value():
        return int(value), INTEGER_FORMAT
    exponent = value.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) else 0
    return float(value), decimal_format(places)


def parse_timestamp(text: str) -> datetime | None:
    """A store timestamp (ISO-8601, UTC) as a naive local datetime, the only kind Excel has."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:  # the store writes UTC; an unmarked time is UTC too
        moment = moment.replace(tzinfo=UTC)
    # Through the epoch: three times faster than astimezone().replace(tzinfo=None).
    return datetime.fromtimestamp(moment.timestamp())


class CellMaker:
    """Cells for one write-only sheet.

    A template is reused for every row: `append` writes the row out before
    it returns, so by the next row the template is free again.  Each column
    gets its own templates, because two columns of one row may share a
    format but never a cell.

    A text too long for a cell goes to `long_text(text, column)`, which
    returns what the cell shows instead (the 核查明细 sheet keeps the whole
    text elsewhere, `desktop.export.longtext`); without it the cell shows the
    text's start and says it was cut.
    """

    def __init__(self, sheet: object, long_text: Callable[[str, int], str] | None = None) -> None:
        self._sheet = sheet
        self._templates: dict[tuple[int, str, bool], Cell] = {}
        self._long_text = long_text

    def template(self, column: int, number_format: str, wrap: bool = False) -> Cell:
        key = (column, number_format, wrap)
        cell = self._templates.get(key)
        if cell is None:
            cell = WriteOnlyCell(self._sheet)
            cell.number_format = number_format
            if wrap:
                cell.alignment = WRAP
            self._templates[key] = cell
        return cell

    def fitted(self, value: str, column: int) -> str:
        """`value`, or what its cell shows when it is longer than a cell holds."""
        if fits(value):
            return value
        if self._long_text is not None:
            return self._long_text(value, column)
        return clipped(value)

    def text(self, value: str, column: int = -1) -> str | Cell | None:
        """`value` as a cell that is always text; None (no cell at all) for "".

        Callers clean out illegal control characters first (`clean_text`);
        this runs for every text cell, so it only looks at the first
        character and the length.
        """
        if not value:
            return None
        if len(value) > ALWAYS_FITS:
            value = self.fitted(value, column)
        if value[0] in FORMULA_STARTS or value in _ERROR_CODES:
            return self.guarded(value)
        return value

    def wrapped(self, value: str, column: int) -> Cell | None:
        if not value:
            return None
        if len(value) > ALWAYS_FITS:
            value = self.fitted(value, column)
        if value[0] in FORMULA_STARTS or value in _ERROR_CODES:
            return self.guarded(value, wrap=True)
        cell = self.template(column, "General", wrap=True)
        cell.value = value
        return cell

    def guarded(self, value: str, wrap: bool = False) -> Cell:
        """A text cell for text a spreadsheet would otherwise evaluate.

        openpyxl turns a str starting with "=" into a formula and "#N/A" into
        an error value, so the type is forced back to "s" after the value is
        set.  Excel's quotePrefix (the hidden leading apostrophe) is set as
        well, so an editor who opens the cell and presses Enter still gets
        text, and "+1", "-2", "@x" stay text in any client.  The stored value
        is the original text, character for character.
        """
        cell = WriteOnlyCell(self._sheet)
        cell.value = value
        cell.data_type = "s"
        cell.quotePrefix = True
        if wrap:
            cell.alignment = WRAP
        return cell

    def number(self, value: Decimal | None, column: int) -> Cell | str | None:
        if value is None:
            return None
        if not value.is_finite():  # NaN/Infinity have no cell type; show what we have
            return str(value)
        number, number_format = excel_number(value)
        if isinstance(number, str) and len(number) > ALWAYS_FITS:
            number = self.fitted(number, column)
        cell = self.template(column, number_format)
        cell.value = number
        return cell

    def formatted(self, value: float | datetime | None, column: int, number_format: str) -> Cell | None:
        if value is None:
            return None
        cell = self.template(column, number_format)
        cell.value = value
        return cell


def header_cells(sheet: object, headers: Sequence[str]) -> list[Cell]:
    cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = HEADER_BORDER
        cell.alignment = HEADER_ALIGNMENT
        cells.append(cell)
    return cells


def bold_cell(sheet: object, value: str, font: Font = TITLE_FONT) -> Cell:
    """A label cell (a section title, 合计); our own text, so no formula guard."""
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = font
    return cell


def _argb(colour: str) -> str:
    return "FF" + colour.removeprefix("#").upper()


# Fill and text of a status cell, and the bar colour in the chart: the window's
# (desktop/colours.py), so a status looks the same in the window and the workbook.
STATUS_COLOURS = {
    status: (_argb(colours.fill), _argb(TEXT_DARK), _argb(colours.line))
    for status, colours in WINDOW_STATUS_COLOURS.items()
}
