"""A figure of an article or a release, normalised for comparison.

The detector's claims already carry the value with its magnitude applied
(25萬9,445 and 259,445 are both 259445; 1兆645億元 is 1064500000000 元) and
the unit as written; here the unit is folded to one spelling per family
(Traditional → Simplified, ％ → %, 個百分點 → 个百分点) and each figure gets
its written precision, which tells a rounding (705.5億元 for 70,551 百万元)
from a different figure.

Releases also print figures the detector does not count as claims: the
cells of a results table under a unit header (``(人民币百万元)``) and bare
index levels (``工業生產指數129.62``).  `bare_figures` finds those that are
unmistakably figures — written with a decimal point or thousands
separators — outside every claim, and reads them with the one number parser
(desktop/claims/numerals.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from desktop.checks.figures import figure_of
from desktop.checks.release.script import to_simplified
from desktop.checks.usage import r09_magnitudes
from desktop.claims.model import Claim
from desktop.claims.numerals import NumberError, parse_number

ONE = Decimal(1)

_UNIT_SPELLING = {"％": "%", "百分点": "个百分点", "个百分点": "个百分点", "‰": "‰"}


@dataclass(frozen=True)
class TextFigure:
    """A figure placed in a text: where it is, its value, unit family and precision.

    `step` is one unit of the last written digit, in the value's terms
    (705.5億元 -> 10000000, 3.84% -> 0.01); `claim` is None for a figure the
    detector does not count (a table cell, a bare index level).
    """

    start: int
    end: int
    text: str
    value: Decimal
    unit: str
    kind: str
    step: Decimal
    approx: str = ""
    claim: Claim | None = None
    # Written against GB/T 15835 so that its value is unclear (3万5000千人):
    # never confirmed, but it can still be found to differ from the release.
    unclear: bool = False
    # The unit a table header gives a bare cell ("百万元"), shown beside it.
    note: str = ""
    # A cell under a per-share header ((每股人民币元)): a figure per share, not a total.
    per_share: bool = False

    @property
    def significant_digits(self) -> int:
        """How many significant digits the figure is written with (0.01 -> 1, 129.62 -> 5)."""
        if self.value == 0 or self.step <= 0:
            return 1
        digits = int((abs(self.value) / self.step).to_integral_value())
        return len(str(digits).rstrip("0")) if digits else 1

    @property
    def written_digits(self) -> int:
        """Digits written from the first significant one to the last (1.0 -> 2, 8000 -> 1)."""
        if self.value == 0 or self.step <= 0:
            return 1
        return len(str(int((abs(self.value) / self.step).to_integral_value())))


def normal_unit(unit: str) -> str:
    """One spelling per unit: Simplified characters, % for ％, 个百分点 for 百分點."""
    simple = to_simplified(unit.strip())
    return _UNIT_SPELLING.get(simple, simple)


def figure_of_claim(claim: Claim, text: str) -> TextFigure:
    """The TextFigure of a claim whose `start`/`end` index `text`."""
    written = figure_of(claim, text)
    step = written.step
    if _TRILLION_MIXED.search(claim.text):
        # 1兆645億元: exact to its last magnitude (checks.figures reads only the digits before 兆).
        step = _SCALES[_TRILLION_MIXED.search(claim.text).group("last")]  # type: ignore[union-attr]
    return TextFigure(
        start=claim.start,
        end=claim.end,
        text=claim.text,
        value=claim.value,
        unit=normal_unit(claim.unit),
        kind=claim.kind,
        step=step,
        approx=written.approx,
        claim=claim,
    )


# 兆 followed by digits and a smaller magnitude, as Taiwan prints large sums.
_TRILLION_MIXED = re.compile(r"[0-9]兆[0-9,]+(?P<last>億|亿|萬|万)")

# A number that cannot be a year, a date or a code: decimals or grouping.
_BARE = re.compile(
    r"(?<![0-9.,０-９A-Za-z])(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+\.[0-9]+)(?![0-9A-Za-z]|[.．][0-9])"
)
# What follows a number that makes it a date, a time or a version, not a figure.
_NOT_AFTER = re.compile(r"\s*[年月日号時时点點:：版]")
# A table's unit header: (人民币百万元,另有指明者除外), （单位：亿元）, (每股人民币元).
_SCALE_WORDS = r"(?P<scale>千|百万|百萬|万|萬|千万|千萬|亿|億|十亿|十億)?"
UNIT_HEADER = re.compile(
    r"[(（]\s*(?:单位|單位)?[:：]?\s*(?P<per>每股)?\s*(?:人民币|人民幣|港币|港幣|港元|美元|新台币|新臺幣)?"
    + _SCALE_WORDS
    + r"(?P<unit>元)"
    # Any other unit only after 单位: (单位：%), 单位：万人, （單位：千公噸）.
    + r"|(?:单位|單位)\s*[:：]\s*"
    + _SCALE_WORDS.replace("scale", "scale2")
    + r"(?P<unit2>%|％|[\u4e00-\u9fff]{1,3}(?=[\s)）,，;；]|$))"
)
_SCALES = {
    "": ONE,
    "千": Decimal(10**3),
    "万": Decimal(10**4),
    "萬": Decimal(10**4),
    "百万": Decimal(10**6),
    "百萬": Decimal(10**6),
    "千万": Decimal(10**7),
    "千萬": Decimal(10**7),
    "亿": Decimal(10**8),
    "億": Decimal(10**8),
    "十亿": Decimal(10**9),
    "十億": Decimal(10**9),
}
# A row under a per-share header starts with a dash (-基本, -摊薄).
_SUB_ROW = re.compile(r"\s*[-－—–]")


@dataclass(frozen=True)
class _Header:
    line: int
    scale: Decimal
    per_share: bool
    written: str  # the scale and unit as the header writes them: 百万元, 元, %
    unit: str  # the unit its cells take: 元, %, 人


def bare_figures(text: str, claims: Sequence[Claim]) -> list[TextFigure]:
    """Figures written with decimals or grouping that no claim covers.

    Under a table's unit header a cell is money in that unit (70,551 under
    ``(人民币百万元)`` is 70551000000 元); a per-share header (``(每股人民币元)``)
    holds only for the dash rows right under it, as results tables print
    them.  Elsewhere the figure has no unit (an index level).
    """
    covered = sorted((c.start, c.end) for c in claims)
    lines = text.split("\n")
    line_starts = [0]
    for line in lines[:-1]:
        line_starts.append(line_starts[-1] + len(line) + 1)
    headers = [
        _header(i, m) for i, line in enumerate(lines) for m in [UNIT_HEADER.search(line)] if m is not None
    ]
    found: list[TextFigure] = []
    for match in _BARE.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in covered) or _NOT_AFTER.match(text, end):
            continue
        try:
            number = parse_number(match.group())
        except NumberError:
            continue
        digits = match.group().replace(",", "")
        places = len(digits.split(".")[1]) if "." in digits else 0
        header = _table_header(headers, lines, _line_of(line_starts, start))
        scale = header.scale if header else ONE
        found.append(
            TextFigure(
                start=start,
                end=end,
                text=match.group(),
                value=_canonical(number * scale),
                unit=header.unit if header else "",
                kind=_kind_of(header.unit) if header else "measure",
                step=ONE.scaleb(-places) * scale,
                note=header.written if header else "",
                per_share=bool(header and header.per_share),
            )
        )
    return found


def _canonical(value: Decimal) -> Decimal:
    """As the number parser returns values: integral ones with exponent 0 (1,137.2 万 -> 11372000)."""
    return value.quantize(ONE) if value == value.to_integral_value() else value.normalize()


def _header(line: int, match: re.Match[str]) -> _Header:
    scale = match.group("scale") or match.group("scale2") or ""
    unit = normal_unit(match.group("unit") or match.group("unit2"))
    return _Header(line, _SCALES.get(scale, ONE), bool(match.group("per")), scale + unit, unit)


def _kind_of(unit: str) -> str:
    if unit == "%":
        return "percent"
    return "money" if unit.endswith("元") else "measure"


def _line_of(line_starts: list[int], offset: int) -> int:
    low, high = 0, len(line_starts)
    while high - low > 1:
        middle = (low + high) // 2
        if line_starts[middle] <= offset:
            low = middle
        else:
            high = middle
    return low


def _table_header(headers: Sequence[_Header], lines: Sequence[str], line: int) -> _Header | None:
    """The unit header that holds for a cell on `line`, if any."""
    main: _Header | None = None
    per_share: _Header | None = None
    for header in headers:
        if header.line > line:
            break
        if header.per_share:
            per_share = header
        else:
            main, per_share = header, None
    if per_share is not None and all(_SUB_ROW.match(lines[i]) for i in range(per_share.line + 1, line + 1)):
        return per_share
    return main


# The measure word after an unclear figure: one character that is not a
# conjunction or punctuation (3万5000千人或7.44% -> 人).
_MEASURE_AFTER = re.compile(r"[\u4e00-\u9fff]")
_NOT_MEASURE = frozenset("或和及至到与、")


def unclear_figures(text: str, claims: Sequence[Claim]) -> list[TextFigure]:
    """Figures the detector refuses because their value is unclear (3万5000千人), outside every claim.

    Found by the number-usage rule that flags them (rule 9, desktop/checks/usage); the value is
    the figure read as written (3万5000 × 千), for the record only: an unclear figure is never
    confirmed by a release.
    """
    covered = [(c.start, c.end) for c in claims]
    found = []
    for finding in r09_magnitudes.find(text):
        if finding.message.code != "usage.r9.unclear":
            continue
        start, end = finding.start, finding.end
        if any(s < end and start < e for s, e in covered):
            continue
        written = text[start:end]
        try:
            value = parse_number(written[:-1]) * _SMALL_MAGNITUDES[written[-1]]
        except (NumberError, KeyError):
            continue
        after = _MEASURE_AFTER.match(text, end)
        unit = after.group() if after and after.group() not in _NOT_MEASURE else ""
        found.append(
            TextFigure(
                start=start,
                end=end + len(unit),
                text=text[start : end + len(unit)],
                value=value,
                unit=normal_unit(unit),
                kind="count",
                step=ONE,
                unclear=True,
            )
        )
    return found


_SMALL_MAGNITUDES = {"千": Decimal(1000), "百": Decimal(100), "十": Decimal(10)}
