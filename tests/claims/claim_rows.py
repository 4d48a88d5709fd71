"""The rows the table-driven detector tests assert: a sentence's whole list of claims as (span, value, unit, kind)."""

from __future__ import annotations

import pytest

from desktop.claims.detector import detect

Row = tuple[str, str, str, str]


def same_unit(unit: str) -> str:
    # The standard: "％ and % are the same unit".
    return unit.replace("％", "%")


def claims_of(text: str) -> list[Row]:
    """The detector's claims as (span, value, unit, kind), in reading order."""
    return [(c.text, str(c.value), same_unit(c.unit), c.kind) for c in detect(text)]


def C(span: str, value: str, unit: str, kind: str) -> Row:
    """One expected claim; the value is the exact decimal as a string."""
    return (span, value, same_unit(unit), kind)


def case(id_: str, text: str, *expected: Row) -> object:
    """A parametrize row: `text` must give exactly `expected`, in order."""
    return pytest.param(text, list(expected), id=id_)
