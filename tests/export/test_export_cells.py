"""Value conversions the sheet relies on: number formats and timestamps."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.export.cells import excel_number, parse_timestamp
from desktop.export.columns import display_width
from desktop.export.readback import _text


@pytest.mark.parametrize(
    ("value", "number", "number_format"),
    [
        ("14005000000", 14005000000, "#,##0"),
        ("1.4005E+10", 14005000000, "#,##0"),
        ("13000.0", 13000, "#,##0"),
        ("65.04", 65.04, "#,##0.00"),
        ("2.50", 2.5, "#,##0.0"),
        ("-3.5", -3.5, "#,##0.0"),
        ("1E-7", 1e-7, "#,##0.0000000"),
        ("0", 0, "#,##0"),
    ],
)
def test_numbers_keep_their_digits_and_places(value: str, number: float, number_format: str) -> None:
    assert excel_number(Decimal(value)) == (number, number_format)
    assert type(excel_number(Decimal(value))[0]) is type(number)


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-(10**12), max_value=10**12))
def test_a_written_number_reads_back_as_the_same_value(value: Decimal) -> None:
    number, _ = excel_number(value)
    assert Decimal(_text(number)) == value


def test_timestamps_become_naive_local_times() -> None:
    utc = datetime(2024, 3, 5, 2, 3, 4, tzinfo=UTC)
    local = utc.astimezone().replace(tzinfo=None)
    assert parse_timestamp("2024-03-05T02:03:04+00:00") == local
    assert parse_timestamp("2024-03-05T02:03:04Z") == local
    assert parse_timestamp("2024-03-05T02:03:04") == local  # the store's times are UTC
    assert parse_timestamp("") is None
    assert parse_timestamp("yesterday") is None


def test_display_width_counts_cjk_twice() -> None:
    assert display_width("abc") == 3
    assert display_width("核查明细") == 8
    assert display_width("用时(秒)") == 8


def test_a_value_a_double_cannot_hold_is_written_as_exact_text() -> None:
    assert excel_number(Decimal("805828844756.5019")) == ("805828844756.5019", "@")
    assert excel_number(Decimal("805828844756.5")) == (805828844756.5, "#,##0.0")


@pytest.mark.parametrize(
    ("outside", "inside"),
    [
        ("1E+400", "1E+300"),  # openpyxl raised OverflowError converting 1E+400 to a double
        ("-1E+309", "-9.99999999999999E+307"),
        ("1E-400", "1E-307"),  # 1E-400 became 0.0
        ("1.5E-330", "1.5E-300"),
        ("1E-320", "2.5E-307"),  # a subnormal double, which Excel does not have
        ("12345678901234567", "12345678901234500"),  # Excel shows 15 digits
        ("1234567890123456", "123456789012345"),
        ("123456789012345678901234567890", "123456789012345000000000000000"),
    ],
)
def test_a_value_excel_cannot_hold_is_exact_positional_text(outside: str, inside: str) -> None:
    number, number_format = excel_number(Decimal(outside))
    # Positional, as the store writes it: the corrected-value parser reads
    # "1E+400" as 1 with the unit "E+400".
    assert (number, number_format) == (format(Decimal(outside), "f"), "@")
    # Just inside Excel's limits a value stays a number, and reads back the same.
    number, number_format = excel_number(Decimal(inside))
    assert not isinstance(number, str) and number_format != "@"
    assert Decimal(_text(float(number))) == Decimal(inside)
