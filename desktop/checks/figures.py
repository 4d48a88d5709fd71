"""What a written figure says about the true value: its precision and direction.

A figure in an article is rounded to its last written digit (3.5万 is
somewhere in 3.45万–3.55万) and may carry an approximation word that keeps a
direction: 近/逼近/将近 just under, 逾/超过/突破/余/多 over, 约/左右 either
side.  `Figure` holds the interval the true value lies in; the relation
checks compute with those intervals, so a relation holds when the figures as
written allow it and fails only when no reading of them does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, DivisionByZero, InvalidOperation, localcontext

from desktop.claims.model import Claim

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)

# The approximation a word gives, by where it stands.  Words inside the span
# come from the detector (Claim.approx); verbs such as 超过 and 突破 stay
# outside the span (docs/numeric-claims.md) and are read from the text.
UNDER, OVER, ABOUT, EXACT = "under", "over", "about", ""
_APPROX_IN_SPAN = {
    "近": UNDER,
    "约": ABOUT,
    "約": ABOUT,
    "左右": ABOUT,
    "来": ABOUT,
    "來": ABOUT,
    "余": OVER,
    "餘": OVER,
    "多": OVER,
    "超": OVER,
    "逾": OVER,
    "以上": OVER,
    "以下": UNDER,
}
_APPROX_BEFORE = re.compile(
    r"(?P<under>将近|接近|逼近|不到|不足|低于|少于|近)$|(?P<over>超过|突破|逾|高于|多于|超)$|(?P<about>大约|约为|大概|约)$"
)
_APPROX_AFTER = re.compile(r"^(?P<about>左右|上下)|^(?P<over>以上|多)|^(?P<under>以下|以内)")
# How far an approximation word reaches: at most one unit of the figure's
# last significant digit, and at most a fifth of the figure (近10亿 is 8亿–10亿,
# not 0–10亿).
_APPROX_REACH = Decimal("0.2")

_ARABIC = re.compile(r"[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
# A digit run after a magnitude (84萬2615) makes the figure exact to the unit.
_MIXED = re.compile(r"[0-9０-９][万萬亿億千][0-9０-９]")
# 千 or 百 as a magnitude after Arabic digits (3万5000千人, 5百人): GB/T 15835
# allows only 万 and 亿 there, and such a figure cannot be trusted to be
# what the writer meant, so no arithmetic is done with it.
_IRREGULAR = re.compile(r"[0-9０-９][千百](?![克米瓦伏帕焦卡赫])")


@dataclass(frozen=True)
class Interval:
    low: Decimal
    high: Decimal

    @staticmethod
    def point(value: Decimal) -> Interval:
        return Interval(value, value)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def __mul__(self, other: Interval) -> Interval:
        corners = [a * b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(corners), max(corners))

    def __truediv__(self, other: Interval) -> Interval | None:
        if other.low <= ZERO <= other.high:
            return None
        corners = [a / b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(corners), max(corners))

    def scale(self, factor: Decimal) -> Interval:
        a, b = self.low * factor, self.high * factor
        return Interval(min(a, b), max(a, b))

    def meets(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high


@dataclass(frozen=True)
class Figure:
    """A written figure: its value as written and where the true value lies.

    `step` is the value of one unit in the last written digit (3.5万 -> 1000,
    51% -> 1); `places` the decimals written; `approx` the direction an
    approximation word gives (UNDER, OVER, ABOUT or EXACT).
    """

    value: Decimal
    step: Decimal
    places: int
    approx: str
    significant: Decimal  # one unit of the last non-zero written digit (7000 -> 1000)
    rounded: bool  # whether the written figure is itself a rounding (3.5万, 8000, 51%)
    irregular: bool = False  # written against GB/T 15835 (3万5000千): its value is doubtful

    @property
    def interval(self) -> Interval:
        """Where the true value lies, as an operand of a computation."""
        half = self.step / 2 if self.rounded else ZERO
        reach = self._reach()
        if self.approx == UNDER:
            return Interval(self.value - reach, self.value + half)
        if self.approx == OVER:
            return Interval(self.value - half, self.value + reach)
        if self.approx == ABOUT:
            return Interval(self.value - reach, self.value + reach)
        return Interval(self.value - half, self.value + half)

    @property
    def stated(self) -> Interval:
        """The values a computed figure may take for this figure to be right.

        Exact: anything that rounds to the figure at its own precision.  With
        an approximation word: the side the word points to.
        """
        half = self.step / 2
        reach = self._reach()
        if self.approx == UNDER:
            return Interval(self.value - reach, self.value)
        if self.approx == OVER:
            return Interval(self.value, self.value + reach)
        if self.approx == ABOUT:
            return Interval(self.value - reach, self.value + reach)
        return Interval(self.value - half, self.value + half)

    def _reach(self) -> Decimal:
        return max(min(self.significant, abs(self.value) * _APPROX_REACH), self.step / 2)

    def agrees(self, computed: Decimal) -> bool:
        """The gold's test: the computed value, rounded to this figure's precision, is this figure."""
        if self.approx != EXACT:
            window = self.stated
            return window.low <= computed <= window.high
        return round_to(computed, self.step) == self.value

    def allows(self, computed: Interval) -> bool:
        """Whether any value the operands allow agrees with this figure."""
        return computed.meets(self.stated)


def round_to(value: Decimal, step: Decimal) -> Decimal:
    if step <= ZERO:
        return value
    with localcontext() as ctx:
        ctx.prec = 60
        return (value / step).quantize(ONE, rounding=ROUND_HALF_UP) * step


def approx_direction(text: str, claim: Claim) -> str:
    """The direction an approximation word gives the claim, in or around its span."""
    direction = _APPROX_IN_SPAN.get(claim.approx, EXACT)
    if direction != EXACT:
        return direction
    before = _APPROX_BEFORE.search(text, max(0, claim.start - 3), claim.start)
    if before and before.lastgroup:
        return before.lastgroup
    after = _APPROX_AFTER.match(text, claim.end)
    if after and after.lastgroup:
        return after.lastgroup
    return EXACT


def is_irregular(claim_text: str) -> bool:
    """Whether a span writes its figure against GB/T 15835 (3万5000千人), so its value is doubtful."""
    return _IRREGULAR.search(claim_text) is not None


def figure_of(claim: Claim, text: str = "") -> Figure:
    """The Figure a claim's span writes."""
    value = claim.value
    direction = approx_direction(text, claim) if text else _APPROX_IN_SPAN.get(claim.approx, EXACT)
    match = _ARABIC.search(claim.text)
    if _IRREGULAR.search(claim.text):
        return Figure(value, ONE, 0, direction, ONE, rounded=False, irregular=True)
    if match is None or _MIXED.search(claim.text):
        # Chinese numerals (两倍, 三千) and mixed forms (84萬2615) are exact.
        return Figure(value, ONE, 0, direction, _last_nonzero(value), rounded=False)
    digits = match.group().translate(_FULLWIDTH).replace(",", "")
    written = Decimal(digits)
    places = len(digits.split(".")[1]) if "." in digits else 0
    try:
        multiplier = value / written if written else ONE
    except (InvalidOperation, DivisionByZero):
        multiplier = ONE
    step = Decimal(1).scaleb(-places) * multiplier
    significant = _last_nonzero(written) * multiplier
    trailing_zeros = len(digits) - len(digits.rstrip("0")) if places == 0 else 0
    # A magnitude word, decimals or a percentage mean the figure was rounded;
    # so do three trailing zeros (月增8000人); a plain 269件 is exact.
    rounded = multiplier != ONE or places > 0 or claim.unit in ("%", "％", "‰", "倍", "个百分点")
    if not rounded and trailing_zeros >= 3:
        rounded = True
        step = Decimal(10) ** trailing_zeros
    return Figure(value, step, places, direction, significant, rounded)


def _last_nonzero(number: Decimal) -> Decimal:
    """One unit of the last non-zero digit: 7000 -> 1000, 8.77 -> 0.01, 10 -> 10."""
    if number == ZERO:
        return ONE
    exponent = number.normalize().as_tuple().exponent
    return Decimal(1).scaleb(int(exponent)) if isinstance(exponent, int) else ONE


def plain(value: Decimal, places: int | None = None) -> str:
    """A decimal as an editor writes it: no exponent, no trailing zeros."""
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        text = f"{value:f}"
    else:
        text = f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    return text.replace("-", "−")
