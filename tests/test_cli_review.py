"""The review commands, run as a user runs them, against a real database file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from desktop.paths import seed_files

SEEDS = seed_files()


def factdesk(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "FACTDESK_EDITOR": "测试编辑"},
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "review.sqlite"
    run = factdesk("import", *SEEDS, "--db", path)
    assert run.returncode == 0, run.stderr
    return path


def claims_of(db: Path, *extra: str) -> list[dict[str, object]]:
    run = factdesk("claims", "--db", db, "--format", "jsonl", *extra)
    assert run.returncode == 0, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


def test_import_reports_what_it_added_and_is_idempotent(tmp_path: Path, db: Path) -> None:
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4")
    again = factdesk("import", SEEDS[0], bad, "--db", db)
    assert again.returncode == 0
    assert "already imported" in again.stdout and "imported 0 document(s)" in again.stdout
    assert "scan.pdf" in again.stderr


def test_a_named_new_database_holds_only_what_is_imported(tmp_path: Path) -> None:
    path = tmp_path / "one.sqlite"
    run = factdesk("import", SEEDS[2], "--db", path)
    assert "imported 1 document(s), 3 article(s)" in run.stdout
    listing = factdesk("articles", "--db", path)
    assert len(listing.stdout.splitlines()) == 1 + 3


def test_decide_correct_parses_the_value_with_the_detector_parser(db: Path) -> None:
    claim = claims_of(db)[0]
    run = factdesk(
        "decide", claim["id"], "correct", "1.3万", "--source", "统计公报", "--note", "已电话核实", "--db", db
    )
    assert run.returncode == 0, run.stderr
    (after,) = [c for c in claims_of(db) if c["id"] == claim["id"]]
    assert after["status"] == "corrected"
    assert after["corrected_value"] == "13000"
    assert after["sources"] == ["统计公报"]
    assert after["editor"] == "测试编辑"


def test_an_unparsable_value_is_refused_and_nothing_is_written(db: Path) -> None:
    claim = claims_of(db)[0]
    run = factdesk("decide", claim["id"], "correct", "若干", "--db", db)
    assert run.returncode == 1
    assert "not a number" in run.stderr or "not a quantity" in run.stderr
    history = factdesk("history", claim["id"], "--db", db)
    assert "decide" not in history.stdout


def test_unknown_claim_is_refused_and_usage_errors_exit_two(db: Path) -> None:
    assert factdesk("decide", "0000000000000000", "confirm", "--db", db).returncode == 1
    assert factdesk("decide", "0000000000000000", "--db", db).returncode == 2
    assert factdesk("decide", "0000000000000000", "approve", "--db", db).returncode == 2


def test_history_lists_every_change_with_before_and_after(db: Path) -> None:
    claim = claims_of(db)[3]
    factdesk("decide", claim["id"], "reject", "--reason", "not-a-claim", "--db", db)
    factdesk("decide", claim["id"], "confirm", "--db", db)
    lines = factdesk("history", claim["id"], "--db", db).stdout.splitlines()
    decisions = [line for line in lines if " decide " in line]
    assert len(decisions) == 2
    assert "'pending' → 'rejected'" in decisions[0]
    assert "'rejected' → 'confirmed'" in decisions[1]


def test_search_finds_chinese_substrings(db: Path) -> None:
    run = factdesk("search", "签约覆盖率", "--db", db)
    assert run.returncode == 0
    rows = [row.split() for row in run.stdout.splitlines()[1:]]
    assert any(row[1] == "61.25%" for row in rows), run.stdout  # the claim whose subject matched


def test_articles_filter_by_status(db: Path) -> None:
    article_claims = claims_of(db, "--article", "3")
    for claim in article_claims:
        factdesk("decide", claim["id"], "confirm", "--db", db)
    done = factdesk("articles", "--db", db, "--status", "done").stdout.splitlines()[1:]
    pending = factdesk("articles", "--db", db, "--status", "pending").stdout.splitlines()[1:]
    assert [row.split()[0] for row in done] == ["3"] + [r.split()[0] for r in done[1:]]
    assert "3" not in [row.split()[0] for row in pending]


def test_export_and_import_decisions_round_trip(tmp_path: Path, db: Path) -> None:
    claim = claims_of(db, "--article", "1")[0]
    out = tmp_path / "review.xlsx"
    run = factdesk("export", out, "--db", db, "--article", "1")
    assert run.returncode == 0, run.stderr
    workbook = openpyxl.load_workbook(out)
    sheet = workbook["核查明细"]
    header = [cell.value for cell in sheet[1]]
    ids = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert claim["id"] in ids
    row = ids.index(claim["id"]) + 2
    sheet.cell(row, header.index("状态") + 1, "已更正")
    sheet.cell(row, header.index("更正值") + 1, "120")
    sheet.cell(row, header.index("备注") + 1, "见年报第3页")
    bad_row = sheet.max_row + 1
    sheet.cell(bad_row, 1, "ffffffffffffffff")
    sheet.cell(bad_row, header.index("状态") + 1, "已确认")
    workbook.save(out)

    back = factdesk("import-decisions", out, "--db", db)
    assert back.returncode == 0, back.stderr
    assert "1 decision(s) changed" in back.stdout
    assert "ffffffffffffffff" in back.stderr
    (after,) = [c for c in claims_of(db) if c["id"] == claim["id"]]
    assert (after["status"], after["corrected_value"], after["note"]) == ("corrected", "120", "见年报第3页")


# -- bad arguments: a usage error or a refusal in one line, never a traceback --


def test_an_empty_db_path_is_a_usage_error_and_touches_nothing(tmp_path: Path) -> None:
    # Empty used to mean "the per-user database", seeded with the demo pages.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    for command in (["claims"], ["import", str(SEEDS[0])], ["articles"], ["gui"], ["decide", "x", "confirm"]):
        run = subprocess.run(
            [sys.executable, "-m", "desktop", *command, "--db", ""],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            env=env,
        )
        assert run.returncode == 2, command
        assert "argument --db: the database path is empty; name a file, or leave --db out" in run.stderr
        assert "Traceback" not in run.stderr
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize(("value", "stored"), [("-3.2%", "-3.2"), ("-1.3万", "-13000"), ("-5", "-5")])
def test_a_negative_corrected_value_needs_no_double_dash(db: Path, value: str, stored: str) -> None:
    claim = claims_of(db)[0]
    run = factdesk("decide", claim["id"], "correct", value, "--db", db)
    assert run.returncode == 0, run.stderr
    (after,) = [c for c in claims_of(db) if c["id"] == claim["id"]]
    assert after["corrected_value"] == stored


def test_an_unknown_option_is_still_a_usage_error(db: Path) -> None:
    claim = claims_of(db)[0]
    run = factdesk("decide", claim["id"], "confirm", "--bogus", "--db", db)
    assert run.returncode == 2
    assert "unrecognized arguments: --bogus" in run.stderr


def test_output_into_a_closed_pipe_ends_quietly(db: Path) -> None:
    # `factdesk claims | head -1`: the reader goes away.  Exit as a command
    # killed by SIGPIPE does (141), with nothing on stderr.
    for command in (["claims"], ["claims", "--format", "jsonl"], ["articles"]):
        with subprocess.Popen(
            [sys.executable, "-m", "desktop", *command, "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as process:
            assert process.stdout is not None and process.stderr is not None
            process.stdout.close()  # before anything is written: every write fails
            error = process.stderr.read()
            assert process.wait() == 141, (command, error)
        assert error == b"", command


def test_text_that_is_not_utf8_is_refused_in_one_line(db: Path) -> None:
    claim = claims_of(db)[0]
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "decide",
            claim["id"],
            "confirm",
            "--note",
            b"\xff\xfe",
            "--db",
            db,
        ],
        capture_output=True,
        check=False,
    )
    assert run.returncode == 2
    assert run.stderr.decode() == "factdesk: --note: not valid UTF-8 text (check the terminal's encoding)\n"
    assert " decide " not in factdesk("history", claim["id"], "--db", db).stdout


def test_an_article_id_too_big_for_sqlite_is_a_usage_error(db: Path) -> None:
    run = factdesk("claims", "--article", "99999999999999999999", "--db", db)
    assert run.returncode == 2
    assert "argument --article: no such id: 99999999999999999999" in run.stderr


def test_import_reports_each_refusal_with_its_reason(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    folder = tmp_path / "folder"
    folder.mkdir()
    run = factdesk("import", loop, SEEDS[2], folder, "--db", tmp_path / "review.sqlite")
    assert run.returncode == 0
    assert run.stderr.splitlines() == [
        "factdesk: loop.txt: a loop of symbolic links that never reaches a file",
        "factdesk: folder: is a folder, not a file; name the files in it (for example folder/*.txt)",
    ]
    assert "imported 1 document(s), 3 article(s)" in run.stdout and "2 file(s) refused" in run.stdout
