"""The whole hostile batch at once, with the five demo pages among it.

One `factdesk import` of every kind of bad input the other tests in this
folder take one at a time, interleaved with the seeds: the batch must finish
within the harness's bounds (1 GB, 60 s of CPU), import every seed, and print
exactly one line per refused file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import hostile_files as make
from harness import assert_within_bounds, run_factdesk

from desktop.paths import seed_files


def test_the_mixed_hostile_batch_imports_every_seed_and_refuses_each_bad_file_once(tmp_path: Path) -> None:
    bad = [
        make.fifo(tmp_path / "pipe.txt"),
        make.symlink(tmp_path / "zero.txt", "/dev/zero"),
        make.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt"),
        make.docx_bomb(tmp_path / "bomb.docx", 1),
        make.docx_bomb(tmp_path / "liar.docx", 1, declared_size=4096),
        make.docx_xml_flood(tmp_path / "flood.docx", 60),
        make.zip_directory_flood(tmp_path / "entries.docx", 20_000),
        make.digits_text(tmp_path / "digits.txt", 50),
        make.chinese_text(tmp_path / "huge.txt", 50),
    ]
    japanese = tmp_path / "japanese.txt"
    japanese.write_bytes("東京都の人口は約1400万人で、前年より0.3%増えた。".encode("shift_jis") * 20)
    bad.append(japanese)
    seeds = seed_files()
    # Bad and good files alternate, so a refusal that stopped the batch would
    # leave seeds out.
    batch: list[Path] = []
    for i, path in enumerate(bad):
        batch.append(path)
        if i < len(seeds):
            batch.append(seeds[i])
    database = tmp_path / "review.sqlite"

    run = run_factdesk("import", "--db", database, *batch)

    assert_within_bounds(run)
    assert run.returncode == 0, run.describe()
    assert f"imported {len(seeds)} document(s)" in run.stdout
    assert f"{len(bad)} file(s) refused" in run.stdout
    refused = [line.split(":")[1].strip() for line in run.stderr.splitlines()]
    assert refused == [path.name for path in bad]
    with sqlite3.connect(database) as db:
        names = {row[0] for row in db.execute("SELECT file_name FROM documents")}
    assert names == {seed.name for seed in seeds}
