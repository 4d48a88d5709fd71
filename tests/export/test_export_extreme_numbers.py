"""Figures and corrections of any size go through the workbook and come back equal."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
from export_factories import make_row
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.export import export_workbook, read_decision_edits
from desktop.export.columns import DETAIL_SHEET, HEADERS
from desktop.export.readback import _text

# Any digits at any exponent a decimal can carry into the store: tiny, huge,
# and everything around Excel's limits (15 digits, about 1E-307 to 1E+308).
ANY_DECIMAL = st.builds(
    lambda sign, digits, exponent: Decimal((sign, tuple(digits), exponent)),
    st.integers(0, 1),
    st.lists(st.integers(0, 9), min_size=1, max_size=40),
    st.one_of(
        st.integers(-40, 40),
        st.integers(-3000, 3000),
        st.sampled_from([-345, -330, -324, -320, -308, -307, 290, 292, 293, 307, 308, 309, 400]),
    ),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(ANY_DECIMAL, min_size=1, max_size=6))
def test_huge_and_tiny_values_export_and_read_back_equal(tmp_path: Path, values: list[Decimal]) -> None:
    path = tmp_path / "numbers.xlsx"
    rows = [
        make_row(i, value=value, status="corrected", corrected_value=value, corrected_unit="元")
        for i, value in enumerate(values)
    ]
    export_workbook(path, rows, [])  # no OverflowError, whatever the value

    workbook = openpyxl.load_workbook(path, read_only=True)
    column = HEADERS.index("数值")
    shown = [row[column] for row in workbook[DETAIL_SHEET].iter_rows(min_row=2, values_only=True)]
    workbook.close()
    assert [Decimal(_text(cell)) for cell in shown] == values

    edits, problems = read_decision_edits(path)
    assert problems == []
    assert [Decimal(edit.corrected_value) for edit in edits] == values


def test_a_correction_too_long_for_a_cell_reads_back_whole(tmp_path: Path) -> None:
    # 1E+40000 is 40,001 digits written out: more than a cell holds.
    values = [Decimal("1E+40000"), Decimal("-1E-40000"), Decimal("7E+400")]
    path = tmp_path / "long.xlsx"
    rows = [make_row(i, status="corrected", corrected_value=value) for i, value in enumerate(values)]
    export_workbook(path, rows, [])
    edits, problems = read_decision_edits(path)
    assert problems == []
    assert [edit.corrected_value for edit in edits] == [format(value, "f") for value in values]
