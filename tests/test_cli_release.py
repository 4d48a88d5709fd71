"""attach-source, match --db and confirm-matching, run as a user runs them, on a real database file."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

PAIRS = Path(__file__).resolve().parent / "data" / "release_pairs"
PAIR = "06_cn-grain-output-2017"
ARTICLE = PAIRS / f"{PAIR}.article.txt"
RELEASE = PAIRS / f"{PAIR}.source.txt"


def factdesk(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "FACTDESK_EDITOR": "测试编辑"},
    )


def jsonl(run: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    assert run.returncode == 0, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "review.sqlite"
    run = factdesk("import", ARTICLE, "--db", path)
    assert run.returncode == 0, run.stderr
    return path


def test_attach_match_and_confirm_from_the_command_line(db: Path) -> None:
    from_files = jsonl(factdesk("match", ARTICLE, "--source", RELEASE))
    counts = Counter(str(r["match"]) for r in from_files)

    attached = factdesk("attach-source", "1", RELEASE, "--db", db)
    assert attached.returncode == 0, attached.stderr
    assert f"imported {RELEASE}" in attached.stdout
    assert f"attached {RELEASE.name}" in attached.stdout
    assert (
        f"{len(from_files)} figure(s): same {counts['same']}, rounded {counts['rounded']},"
        f" different {counts['different']}, absent {counts['absent']}"
    ) in attached.stdout
    again = factdesk("attach-source", "1", RELEASE, "--db", db)
    assert "already in the database" in again.stdout

    # The stored article gives the records the files give, with its id.
    stored = jsonl(factdesk("match", "--db", db))
    assert [{k: v for k, v in r.items() if k not in ("file", "source")} for r in stored] == [
        {**{k: v for k, v in r.items() if k not in ("file", "source")}, "article_id": 1} for r in from_files
    ]
    assert [r["source"] and r["source"]["source_start"] for r in stored] == [  # type: ignore[index]
        r["source"] and r["source"]["source_start"]  # type: ignore[index]
        for r in from_files
    ]
    assert jsonl(factdesk("match", "--db", db, "--article", "1")) == stored
    table = factdesk("match", "--db", db, "--format", "table")
    assert "来源稿中没有" in table.stdout and "一致" in table.stdout

    confirmed = factdesk("confirm-matching", "1", "--db", db, "--editor", "王编辑")
    assert confirmed.returncode == 0, confirmed.stderr
    same = [r["claim"] for r in from_files if r["match"] == "same" and r["claim"]]
    assert f"{len(same)} claim(s) confirmed from {RELEASE.name}, tagged {RELEASE.name}" in confirmed.stdout
    claims = {
        c["id"]: c for c in jsonl(factdesk("claims", "--db", db, "--format", "jsonl", "--article", "1"))
    }
    for claim_id, claim in claims.items():
        if claim_id in same:
            assert (claim["status"], claim["sources"], claim["editor"]) == (
                "confirmed",
                [RELEASE.name],
                "王编辑",
            )
        else:
            assert claim["status"] == "pending"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM audit WHERE action = 'confirm-matching'").fetchone() == (1,)


def test_refusals_exit_1_with_the_reason(db: Path, tmp_path: Path) -> None:
    no_source = factdesk("confirm-matching", "1", "--db", db)
    assert no_source.returncode == 1
    assert "no source release attached" in no_source.stderr
    missing = factdesk("attach-source", "1", tmp_path / "gone.txt", "--db", db)
    assert missing.returncode == 1 and "gone.txt" in missing.stderr
    unknown = factdesk("attach-source", "99", RELEASE, "--db", db)
    assert unknown.returncode == 1 and "no article with id 99" in unknown.stderr
    own = factdesk("attach-source", "1", ARTICLE, "--db", db)
    assert own.returncode == 1 and "its own source" in own.stderr
    nothing = factdesk("match", "--db", db, "--article", "1")
    assert nothing.returncode == 1 and "no source release attached" in nothing.stderr
    both = factdesk("match", ARTICLE, "--db", db)
    assert both.returncode == 1
    neither = factdesk("match")
    assert neither.returncode == 2 and "--source" in neither.stderr
