"""Big plain-text files: refused by size unread, or read and processed within bounds.

Before: a 50 MB text of digits ran past 400 s (3 GB, killed); 50 MB of
Chinese copy took 171 s and 2.8 GB to import.  Now a text file over 8 MB is
refused before it is opened, one over 2,000,000 characters once decoded, and
the longest text accepted is imported within the bounds.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import hostile_files as make
from harness import MB, assert_within_bounds, read_bounded, run_factdesk


def test_50_mb_of_digits_is_refused_unread(tmp_path: Path) -> None:
    path = make.digits_text(tmp_path / "digits.txt", 50)
    said, run = read_bounded(path)
    assert said == {"kind": "too_large", "reason": "too large for an article (50 MB, limit 8 MB)"}
    assert run.peak_rss < 100 * MB, run.describe()


def test_50_mb_of_chinese_is_refused_unread(tmp_path: Path) -> None:
    path = make.chinese_text(tmp_path / "copy.txt", 50)
    said, _run = read_bounded(path)
    assert said["kind"] == "too_large"


def test_a_text_under_the_byte_limit_but_too_long_is_refused_after_decoding(tmp_path: Path) -> None:
    path = make.digits_text(tmp_path / "digits.txt", 7)
    said, _run = read_bounded(path)
    assert said == {
        "kind": "too_large",
        "reason": f"too long for an article ({7 * MB:,} characters of text, limit 2,000,000)",
    }


def test_the_longest_text_accepted_is_imported_within_bounds(tmp_path: Path) -> None:
    # Just under 2,000,000 characters of claim-dense copy (the demo pages
    # repeated): the most work one text file can ask for.
    from desktop.paths import seed_files

    page = "\n\n".join(p.read_text(encoding="utf-8") for p in seed_files())
    path = tmp_path / "issue.txt"
    path.write_text((page * (2_000_000 // len(page) + 1))[:1_999_000], encoding="utf-8")
    database = tmp_path / "review.sqlite"
    run = run_factdesk("import", "--db", database, path)
    assert_within_bounds(run)
    assert run.returncode == 0, run.stderr
    with sqlite3.connect(database) as db:
        (claims,) = db.execute("SELECT count(*) FROM claims").fetchone()
    assert claims > 30_000, run.describe()
