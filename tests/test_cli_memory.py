"""`factdesk memory`: a stored article's figures stated in other articles, run as the user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "data" / "repeats"


def factdesk(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def _article_of(db: Path, prefix: str) -> int:
    run = factdesk("articles", "--db", db)
    assert run.returncode == 0, run.stderr
    for line in run.stdout.splitlines():
        if prefix in line:
            return int(line.split()[0])
    raise AssertionError(run.stdout)


def test_memory_prints_each_hit_verified_or_not_equal_or_conflicting(tmp_path: Path) -> None:
    db = tmp_path / "review.sqlite"
    assert (
        factdesk(
            "import", PAGES / "b_linhe_2024-01-20.txt", PAGES / "c_linhe_2024-03-02.txt", "--db", db
        ).returncode
        == 0
    )
    c_article = _article_of(db, "c_linhe")
    run = factdesk("memory", "--db", db, "--article", c_article)
    assert run.returncode == 0, run.stderr
    hits = [json.loads(line) for line in run.stdout.splitlines()]
    by_text = {(h["text"], h["other_text"]): h for h in hits}
    conflict = by_text[("3251.6亿元", "3215.6亿元")]
    assert conflict["relation"] == "conflict" and conflict["verified"] is False
    assert conflict["other_file"].startswith("b_linhe") and "3215.6亿元" in conflict["message"]
    assert conflict["other_article"] != c_article and conflict["other_headline"]
    equal = by_text[("38652元", "38652元")]
    assert equal["relation"] == "equal" and equal["value"] == equal["other_value"] == "38652"

    # Verified in the earlier article: the hit says so, with its source and editor.
    decided = factdesk(
        "decide", equal["other_claim"], "confirm", "--db", db, "--editor", "王编辑", "--source", "统计公报"
    )
    assert decided.returncode == 0, decided.stderr
    again = [
        json.loads(line)
        for line in factdesk("memory", "--db", db, "--article", c_article).stdout.splitlines()
    ]
    verified = next(h for h in again if h["other_claim"] == equal["other_claim"])
    assert (
        verified["verified"] is True
        and verified["sources"] == ["统计公报"]
        and verified["editor"] == "王编辑"
    )
    same_claim = [h for h in again if h["claim"] == verified["claim"]]
    assert same_claim[0] is verified  # a claim's verified hits first

    table = factdesk("memory", "--db", db, "--article", c_article, "--format", "table")
    assert table.returncode == 0 and "矛盾" in table.stdout and "hit(s)" in table.stderr

    # The conflict is a finding of `factdesk check --db` too.
    check = factdesk("check", "--db", db, "--article", c_article)
    repeats = [json.loads(line) for line in check.stdout.splitlines() if '"repeat"' in line]
    conflict_finding = next(r for r in repeats if r["holds"] is False and r["text"] == "3251.6亿元")
    other = next(o for o in conflict_finding["operands"] if o["text"] == "3215.6亿元")
    assert other["file"] == "b_linhe_2024-01-20.txt" and other["source_start"] == -1


def test_memory_of_no_article_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "review.sqlite"
    assert factdesk("import", PAGES / "b_linhe_2024-01-20.txt", "--db", db).returncode == 0
    run = factdesk("memory", "--db", db, "--article", "999")
    assert run.returncode == 1 and "999" in run.stderr
