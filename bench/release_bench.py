"""Source releases in the store (issue 13 §3): matching a stored article, proposing its release.

    .venv/bin/python -m bench.release_bench [DOCUMENTS]

- `release_matches(article)` for the longest dev article (tests/data/release_pairs):
  computed (nothing kept yet) and read back (kept, fingerprint checked),
  best of REPEATS;
- the same for a long article (every dev article body four times, about
  12,000 characters) against every dev release;
- `propose_source(article)` for each dev article in a database of DOCUMENTS
  documents (default 2,000): the six dev releases and their articles, and
  copies of the processed seed pages, each its own file (bench.store_bench's
  `_copy`), as a newsroom's archive would hold; median and worst, and how
  many articles got their own release first.

The database is on the real disk next to the checkout (build/bench), as
store_bench's.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.store_bench import BENCH_DIR, _copy
from desktop.paths import seed_files
from desktop.pipeline import process_file
from desktop.store import ReviewStore

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "data" / "release_pairs"
REPEATS = 5


def _best_ms(work: object) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def bench_matches(folder: Path) -> None:
    with ReviewStore.open(folder / "pairs.sqlite") as store:
        for article_file in sorted(PAIRS.glob("*.article.txt")):
            store.import_files([article_file])
            attached = None
            for summary in store.articles():
                if summary.file_name != article_file.name:
                    continue
                release = article_file.with_name(article_file.name.replace(".article.", ".source."))
                if attached is None:
                    attached, _report = store.attach_source_file(summary.id, release, "bench")
                else:
                    store.attach_source(summary.id, attached.document_id, "bench")
        own = {s.id: s for s in store.articles() if s.file_name.endswith(".article.txt")}
        longest = max(own, key=lambda article_id: len(store.article(article_id).text))
        chars = len(store.article(longest).text)
        figures = len(store.release_matches(longest))
        db = store._db  # the bench clears what is kept, to time the computation itself

        def computed() -> None:
            db.execute("DELETE FROM release_matches")
            store.release_matches(longest)

        fresh = _best_ms(computed)
        kept = _best_ms(lambda: store.release_matches(longest))
        print(
            f"release  release_matches, longest dev article ({chars} chars, {figures} figures, "
            f"{own[longest].file_name}): computed {fresh:.1f} ms, kept {kept:.2f} ms"
        )


def bench_long(folder: Path) -> None:
    """A long article: every dev article body run together four times, against every dev release."""
    bodies = [p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted(PAIRS.glob("*.article.txt"))]
    article_file = folder / "long.article.txt"
    # One paragraph each: short lines would be taken for headlines starting other articles.
    article_file.write_text("长文\n" + "\n".join(b.replace("\n", "") for b in bodies * 4), encoding="utf-8")
    release_file = folder / "all.source.txt"
    release_file.write_text(
        "".join(p.read_text(encoding="utf-8") for p in sorted(PAIRS.glob("*.source.txt")))
    )
    with ReviewStore.open(folder / "long.sqlite") as store:
        store.import_files([article_file])
        article = max(store.articles(), key=lambda s: s.claims)
        store.attach_source_file(article.id, release_file, "bench")
        chars = len(store.article(article.id).text)
        figures = len(store.release_matches(article.id))
        db = store._db

        def computed() -> None:
            db.execute("DELETE FROM release_matches")
            store.release_matches(article.id)

        fresh = _best_ms(computed)
        kept = _best_ms(lambda: store.release_matches(article.id))
        print(
            f"release  release_matches, a long article ({chars:,} chars, {figures} figures) against all dev "
            f"releases: computed {fresh:.0f} ms, kept {kept:.1f} ms"
        )


def bench_propose(folder: Path, documents: int) -> None:
    path = folder / "archive.sqlite"
    pages = [process_file(p) for p in seed_files()]
    started = time.perf_counter()
    with ReviewStore.open(path) as store:
        store.import_files(sorted(PAIRS.glob("*.txt")))
        copy = 0
        while len(store.documents()) < documents:
            for result in pages:
                store.import_result(_copy(result, copy))
            copy += 1
        built = time.perf_counter() - started
        claims = store.progress()[1]
        articles = [s for s in store.articles() if s.file_name.endswith(".article.txt")]
        times, right = [], 0
        for summary in articles:
            start = time.perf_counter()
            proposed = store.propose_source(summary.id)
            times.append(time.perf_counter() - start)
            wanted = summary.file_name.replace(".article.", ".source.")
            right += bool(proposed) and proposed[0].file_name == wanted
        print(
            f"release  propose_source among {len(store.documents()):,} documents ({claims:,} claims, built in "
            f"{built:.0f} s): median {statistics.median(times) * 1000:.1f} ms, worst {max(times) * 1000:.1f} ms "
            f"over {len(articles)} dev articles; own release first for {right}/{len(articles)}"
        )


def run(documents: int = 2_000) -> None:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=BENCH_DIR))
    try:
        bench_matches(folder)
        bench_long(folder)
        bench_propose(folder, documents)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    run(*[int(a) for a in sys.argv[1:2]])
