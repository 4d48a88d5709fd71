"""The review store under load: decision commits and listing claims in a big database.

    .venv/bin/python -m bench.store_bench [ARTICLES CLAIMS]

Builds a database of at least 10,000 articles and 300,000 claims (copies of
the processed seeds, each with its own content hash and claim ids, through
the store's bulk import path), on the real disk next to the checkout rather
than in a RAM-backed temp folder, so fsync costs what it costs.  Then:

- `claims(article_id)` for 300 random articles: median and 95th percentile;
- `decide()` on 500 random claims, each its own committed transaction.
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.export_bench import bare_write_only, plain_values
from desktop.export.xlsx import export_workbook
from desktop.paths import seed_files
from desktop.pipeline import ArticleResult, DocumentResult, process_file
from desktop.store import ReviewStore
from desktop.store.records import ArticleSummary

BENCH_DIR = Path(__file__).resolve().parent.parent / "build" / "bench"


def _copy(result: DocumentResult, copy: int) -> DocumentResult:
    tag = f"{copy:06x}"
    articles = tuple(
        ArticleResult(a.article, tuple(replace(c, id=tag + c.id[6:]) for c in a.claims))
        for a in result.articles
    )
    # Each copy is its own file: a file name seen before would be a new
    # version superseding the old one, not more articles.
    source = replace(
        result.page.source, path=result.page.source.path.with_name(f"{tag}-{result.page.source.path.name}")
    )
    page = replace(result.page, source=source)
    return replace(result, page=page, content_hash=tag + result.content_hash[6:], articles=articles)


def build(path: Path, want_articles: int, want_claims: int) -> tuple[int, int, float]:
    results = [process_file(p) for p in seed_files()]
    started = time.perf_counter()
    articles = claims = copy = 0
    with ReviewStore.open(path, seed_if_new=False) as store:
        while articles < want_articles or claims < want_claims:
            for result in results:
                store.import_result(_copy(result, copy))
                articles += len(result.articles)
                claims += sum(len(a.claims) for a in result.articles)
            copy += 1
    return articles, claims, time.perf_counter() - started


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(ordered) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms"


def _export_from_store(store: ReviewStore, summaries: list[ArticleSummary], folder: Path) -> None:
    """100,000 claims from the database to .xlsx, next to bare openpyxl on the same rows."""
    chosen: list[int] = []
    count = 0
    for summary in summaries:
        if count >= 100_000:
            break
        chosen.append(summary.id)
        count += summary.claims
    articles = [s for s in summaries if s.id in set(chosen)]
    start = time.perf_counter()
    report = export_workbook(
        folder / "ours.xlsx", store.export_rows((), chosen), articles, total=count, editor="bench"
    )
    ours = time.perf_counter() - start
    start = time.perf_counter()
    rows = list(store.export_rows((), chosen))
    reading = time.perf_counter() - start
    plain = plain_values(rows)
    start = time.perf_counter()
    bare_write_only(folder / "bare.xlsx", plain)
    bare = time.perf_counter() - start
    print(
        f"export   {report.rows:,} claims from the database to .xlsx: {ours:.2f} s end to end "
        f"of which reading the rows from SQLite {reading:.2f} s; bare openpyxl write-only on the same rows "
        f"already in memory {bare:.2f} s; ratio writing only {(ours - reading) / bare:.2f}, end to end {ours / bare:.2f}"
    )


def run(want_articles: int = 10_000, want_claims: int = 300_000) -> None:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=BENCH_DIR))
    try:
        path = folder / "big.sqlite"
        articles, claims, seconds = build(path, want_articles, want_claims)
        size = path.stat().st_size / 1e6
        print(f"store    built {articles:,} articles / {claims:,} claims in {seconds:.0f} s ({size:.0f} MB)")
        rng = random.Random(7)
        with ReviewStore.open(path, seed_if_new=False) as store:
            summaries = store.articles()
            listing = []
            for summary in rng.sample(summaries, 300):
                start = time.perf_counter()
                store.claims(summary.id)
                listing.append(time.perf_counter() - start)
            print(f"store    claims(article) in a {claims:,}-claim database: {_ms(listing)} (goal ≤ 10 ms)")

            targets = [c.id for s in rng.sample(summaries, 100) for c in store.claims(s.id)][:500]
            commits = []
            for i, claim_id in enumerate(targets):
                start = time.perf_counter()
                store.decide(claim_id, "confirmed" if i % 3 else "rejected", editor="bench", note=f"第{i}条")
                commits.append(time.perf_counter() - start)
            print(f"store    decide() committed (WAL, synchronous=FULL): {_ms(commits)} (goal ≤ 5 ms median)")
            _export_from_store(store, summaries, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    numbers = [int(a) for a in sys.argv[1:3]]
    run(*numbers)
