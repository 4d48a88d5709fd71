"""The memory of verified figures under load (issue 13 §2): lookups with 300,000 verified figures.

    .venv/bin/python -m bench.memory_bench [VERIFIED [ARCHIVE...]]
        VERIFIED: verified figures looked up among (default 300,000)
        ARCHIVE: archive sizes (articles) keyed by refresh_memory (default 600;
        2000 8000 show how keying grows with the archive: each takes its import first)

The database (on the real disk beside the checkout, as store_bench's):

- the shipped seed pages and the made-up city paper of tests/data/repeats,
  imported as an editor would and keyed by refresh_memory: the articles
  looked up;
- an archive of VERIFIED confirmed figures written with executemany: copies
  of those articles' claims (same text, subject and unit family, so their
  metric keys are the seeds' keys), each copy with another place
  (a city of a list) and period (a year), a value kept or moved, a source
  tag and an editor, keyed (metric_keys, metric_buckets) as refresh_memory
  keys them; and for every keyed figure of the looked-up articles, links to
  ten of its archived statements (equal when the value was kept,
  conflicting when it moved), as a real archive's repeats would be.

It reports

- `memory_for(article)` for every looked-up article: median, 95th
  percentile and worst of the best of REPEATS runs (goal ≤ 20 ms);
- `refresh_memory` of one new page against the archive: its candidates
  looked up through the buckets and compared by find_repeats;
- `refresh_memory` keying COPIES articles of an archive as
  bench.archive_bench builds one (the seed and held-out pages, each figure's
  last digit drawn afresh), imported in this process first: the cost per
  article of seeding the memory with a paper's archive, wall and CPU time
  (the machine is shared; CPU time is what the keying itself costs).
"""

from __future__ import annotations

import hashlib
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.store_bench import BENCH_DIR
from desktop.checks.model import Finding, Message, Operand
from desktop.paths import seed_files
from desktop.store import ReviewStore, memory

PAGES = Path(__file__).resolve().parents[1] / "tests" / "data" / "repeats"
REPEATS = 5
# Archived statements linked to each keyed figure of a looked-up article: a figure an
# archive states ten times (most are stated once or twice).
LINKS_PER_CLAIM = 10
_CITIES = ("临河", "东港", "青川", "滨州", "南湖", "西城", "北岸", "江口", "新平", "安阳", "石门", "白沙")
_EDITORS = ("王编辑", "李编辑", "张编辑", "赵编辑")
_TAGS = ("统计公报", "政府工作报告", "新闻发布会", "年报", "卫健委公报")


def build(folder: Path, verified: int) -> tuple[Path, Path]:
    """The database, and a page kept out of it to refresh against the archive.

    Prints how long refresh_memory took to key the imported pages (the
    articles against each other, from nothing).
    """
    path = folder / "memory.sqlite"
    pages = sorted(PAGES.glob("*.txt"))
    late = next(p for p in pages if p.name.startswith("e_"))  # imported last: it restates d_ and b_
    pages.remove(late)
    with ReviewStore.open(path) as store:
        store.import_files([*seed_files(), *pages])
        start = time.perf_counter()
        keyed = store.refresh_memory()
        spent = (time.perf_counter() - start) * 1000
        print(
            f"memory   refresh_memory keying {keyed} imported articles: {spent:.0f} ms, {spent / keyed:.1f} ms each"
        )
    _archive(path, verified)
    return path, late


def _archive(path: Path, verified: int) -> None:
    """VERIFIED confirmed copies of the keyed claims, keyed and partly linked (see the module)."""
    rng = random.Random(13)
    with ReviewStore.open(path) as store:
        db = store._db  # the bench writes rows in bulk, as no window ever does
        cursor = db.execute(
            "SELECT c.*, k.family, k.subject AS key_subject, k.qualifiers"
            " FROM claims c JOIN metric_keys k ON k.claim_id = c.id ORDER BY c.article_id, c.span_start"
        )
        names = [d[0] for d in cursor.description]
        real = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        columns = [d[0] for d in db.execute("SELECT * FROM claims LIMIT 0").description if d[0] != "pk"]
        of_article: dict[int, list[dict[str, Any]]] = {}
        for row in real:
            of_article.setdefault(row["article_id"], []).append(row)
        templates = sorted(of_article)
        buckets: dict[str, list[str]] = {}
        for bucket, claim_id in db.execute("SELECT bucket, claim_id FROM metric_buckets").fetchall():
            buckets.setdefault(claim_id, []).append(bucket)
        articles = db.execute("SELECT * FROM articles ORDER BY id").fetchall()
        article_columns = [d[0] for d in db.execute("SELECT * FROM articles LIMIT 0").description]
        by_id = {row[0]: dict(zip(article_columns, row, strict=True)) for row in articles}
        for tag in _TAGS:
            store.add_source(tag)
        source_ids = [
            int(db.execute("SELECT id FROM sources WHERE tag = ?", [tag]).fetchone()[0]) for tag in _TAGS
        ]

        copies = verified  # at least one figure each: the loop stops at VERIFIED figures
        db.execute("BEGIN IMMEDIATE")
        next_document = int(db.execute("SELECT COALESCE(MAX(id), 0) FROM documents").fetchone()[0]) + 1
        next_article = int(db.execute("SELECT COALESCE(MAX(id), 0) FROM articles").fetchone()[0]) + 1
        made = 0
        links: list[list[Any]] = []
        linked: dict[str, int] = {}
        for copy in range(copies):
            if made >= verified:
                break
            year = 2014 + copy % 10
            city = _CITIES[copy % len(_CITIES)]
            template = by_id[templates[rng.randrange(len(templates))]]
            document_id, article_id = next_document + copy, next_article + copy
            db.execute(
                "INSERT INTO documents (id, file_name, path, content_hash, encoding, imported_at,"
                " publication_date, version, source_text, dropped_cr, detector_version, complete)"
                " VALUES (?, ?, ?, ?, 'utf-8', ?, ?, 1, ?, ?, ?, 1)",
                [
                    document_id,
                    f"archive-{copy:06d}.txt",
                    f"/archive/archive-{copy:06d}.txt",
                    hashlib.sha256(f"archive {copy}".encode()).hexdigest(),
                    "2024-01-01T00:00:00Z",
                    f"{year}-{1 + copy % 12:02d}-{1 + copy % 28:02d}",
                    template["text"],
                    b"",
                    "",
                ],
            )
            db.execute(
                "INSERT INTO articles (id, document_id, idx, headline, deck, byline, date, text, offsets, parts)"
                " VALUES (?, ?, 0, ?, '', '', ?, ?, ?, ?)",
                [
                    article_id,
                    document_id,
                    f"{year}年{city}{template['headline']}",
                    f"{year}年",
                    template["text"],
                    template["offsets"],
                    template["parts"],
                ],
            )
            claim_rows, decision_rows, source_rows, key_rows, bucket_rows = [], [], [], [], []
            for index, original in enumerate(of_article[template["id"]]):
                claim_id = f"a{copy:07x}{index:04x}{hashlib.md5(original['id'].encode()).hexdigest()[:4]}"
                kept = rng.random() < 0.5
                value = (
                    original["value"]
                    if kept
                    else str(round(float(original["value"]) * rng.uniform(0.5, 1.5), 2))
                )
                row = {**original, "id": claim_id, "article_id": article_id, "document_id": document_id}
                row["value"] = value
                claim_rows.append([row[c] for c in columns])
                editor = _EDITORS[index % len(_EDITORS)]
                decision_rows.append([claim_id, article_id, "confirmed", editor, "2024-03-01T08:00:00Z", 1])
                source_rows.append([claim_id, source_ids[index % len(source_ids)], 0])
                place = f"{city}市" if copy % 3 else original.get("place") or ""
                key_rows.append(
                    [
                        claim_id,
                        article_id,
                        original["family"],
                        value,
                        original["key_subject"],
                        place,
                        f"{year}年",
                        original["qualifiers"],
                    ]
                )
                bucket_rows.extend(
                    [bucket, article_id, claim_id] for bucket in buckets.get(original["id"], [])
                )
                if linked.get(original["id"], 0) < LINKS_PER_CLAIM:
                    linked[original["id"]] = linked.get(original["id"], 0) + 1
                    links.append(_link(original, claim_id, article_id, kept))
                made += 1
            db.conn.executemany(
                f"INSERT INTO claims ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                claim_rows,
            )
            db.conn.executemany(
                "INSERT INTO decisions (claim_id, article_id, status, editor, decided_at, version)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                decision_rows,
            )
            db.conn.executemany(
                "INSERT INTO claim_sources (claim_id, source_id, position) VALUES (?, ?, ?)", source_rows
            )
            db.conn.executemany(
                "INSERT INTO metric_keys (claim_id, article_id, family, value, subject, place, period, qualifiers)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                key_rows,
            )
            db.conn.executemany(
                "INSERT INTO metric_buckets (bucket, article_id, claim_id) VALUES (?, ?, ?)", bucket_rows
            )
            db.execute(
                "INSERT INTO memory_articles (article_id, version, keyed_at) SELECT ?, ? || detector_version, ?"
                " FROM documents WHERE id = ?",
                [article_id, memory._version(""), "2024-03-01T08:00:00Z", document_id],
            )
        db.conn.executemany(
            "INSERT INTO memory_links (article_id, claim_id, other_article_id, other_claim_id, reading, finding)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            links,
        )
        db.execute("COMMIT")
        db.execute("ANALYZE")


def _link(original: dict[str, Any], claim_id: str, article_id: int, kept: bool) -> list[Any]:
    reading = "same" if kept else "conflict"
    finding = Finding(
        check="repeat",
        holds=kept,
        start=original["span_start"],
        end=original["span_end"],
        message=Message(
            f"repeat.{reading}.other",
            (
                ("article", "存档"),
                ("document", "archive.txt"),
                ("other", original["text"]),
                ("stated", original["text"]),
            ),
        ),
        operands=(
            Operand(
                "first",
                original["text"],
                original["span_start"],
                original["span_end"],
                claim_id,
                "",
                "archive.txt",
            ),
            Operand(
                "second", original["text"], original["span_start"], original["span_end"], original["id"], ""
            ),
        ),
        reading=reading,
        claim_ids=(claim_id, original["id"]),
    )
    return [original["article_id"], original["id"], article_id, claim_id, reading, memory._to_json(finding)]


def run(verified: int) -> None:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=BENCH_DIR))
    try:
        began = time.perf_counter()
        path, late = build(folder, verified)
        built = time.perf_counter() - began
        with ReviewStore.open(path) as store:
            total = store._db.execute(
                "SELECT COUNT(*) FROM decisions WHERE status IN ('confirmed', 'corrected')"
            ).fetchone()[0]
            looked_up = [a.id for a in store.articles() if not a.file_name.startswith("archive-")]
            times: list[float] = []
            hits = 0
            for article_id in looked_up:
                best = float("inf")
                for _ in range(REPEATS):
                    start = time.perf_counter()
                    found = store.memory_for(article_id)
                    best = min(best, time.perf_counter() - start)
                hits += sum(len(h) for h in found.values())
                times.append(best * 1000)
            times.sort()
            print(
                f"memory   memory_for(article) with {total:,} verified figures ({built:.0f} s to build):"
                f" {len(times)} articles, {hits:,} hits; median {statistics.median(times):.2f} ms,"
                f" p95 {times[int(0.95 * (len(times) - 1))]:.2f} ms, worst {times[-1]:.2f} ms (goal ≤ 20 ms)"
            )
            store.import_files([late])
            start = time.perf_counter()
            keyed = store.refresh_memory()
            spent = (time.perf_counter() - start) * 1000
            new = [a.id for a in store.articles() if a.file_name == late.name]
            linked = sum(len(h) for a in new for h in store.memory_for(a).values())
            print(
                f"memory   refresh_memory of one new page ({keyed} articles) against the archive:"
                f" {spent:.0f} ms, {linked} hits"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# Articles of the archive keyed by `keying_copies`: enough for its buckets to fill
# (each article is compared with the latest statements of its figures).
COPIES = 600


def keying_copies(articles: int = COPIES) -> None:
    """refresh_memory over an archive of copies of pages, after importing it (see the module)."""
    from bench.archive_bench import build_archive

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=BENCH_DIR))
    try:
        (folder / "pages").mkdir()
        files, _, _ = build_archive(folder / "pages", articles, 0)
        with ReviewStore.open(folder / "copies.sqlite", seed_if_new=False) as store:
            store.import_files(files, workers=0)
            wall, cpu = time.perf_counter(), time.process_time()
            keyed = store.refresh_memory()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(
            f"memory   refresh_memory keying {keyed} articles of an archive of copies of pages:"
            f" {wall * 1000 / keyed:.1f} ms each ({cpu * 1000 / keyed:.1f} ms CPU)"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    verified = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    run(verified)
    for articles in [int(arg) for arg in sys.argv[2:]] or [COPIES]:
        keying_copies(articles)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
