"""`factdesk check` reports the same figure stated twice: across the files given, within each, or not at all."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PAGES = REPO / "tests" / "data" / "repeats"
B, C = PAGES / "b_linhe_2024-01-20.txt", PAGES / "c_linhe_2024-03-02.txt"


def _check(*args: str) -> list[dict[str, object]]:
    run = subprocess.run(
        [sys.executable, "-m", "desktop", "check", *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return [json.loads(line) for line in run.stdout.splitlines()]


def _repeats(records: list[dict[str, object]]) -> list[dict[str, object]]:
    return [r for r in records if r["check"] == "repeat"]


def _decoded(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


def test_a_conflict_across_files_names_the_other_file_and_points_at_both_figures() -> None:
    repeats = _repeats(_check(str(B), str(C)))
    conflicts = [r for r in repeats if r["holds"] is False]
    assert conflicts, repeats
    for record in conflicts:
        own = Path(str(record["file"]))
        operands = record["operands"]
        assert isinstance(operands, list) and {o["role"] for o in operands} == {"first", "second"}
        others = [o for o in operands if "file" in o]
        assert len(others) == 1 and Path(others[0]["file"]) in (B, C) and Path(others[0]["file"]) != own
        for operand in operands:
            text = _decoded(Path(operand.get("file", own)))
            shown = text[operand["source_start"] : operand["source_end"]]
            assert "".join(shown.split()) == operand["text"]
        assert record["message"] and "亿元" in str(record["message"])


def test_within_each_file_finds_no_figure_of_another_and_none_finds_nothing() -> None:
    within = _repeats(_check("--repeats", "within", str(B), str(C)))
    assert all("file" not in o for r in within for o in r["operands"])  # type: ignore[attr-defined]
    assert not _repeats(_check("--repeats", "none", str(B), str(C)))
    # The other checks are unchanged by the choice.
    kinds = {r["check"] for r in _check("--repeats", "none", str(B), str(C))}
    assert "repeat" not in kinds
