"""How long matching an article against its release takes (issue 13 §3).

Detection is not timed (bench.detect_bench does that): the article and the
release are read and detected once, then `match_release` alone is timed,
best of REPEATS runs, on each dev pair (tests/data/release_pairs) and on a
large case: every dev article four times against every dev release eight
times (about 12,000 against 29,000 characters), far longer than any real
pair.

    python -m bench.match_bench
"""

from __future__ import annotations

import time
from pathlib import Path

from desktop.checks.release import match_release
from desktop.checks.release.document import PlacedDocument, placed
from desktop.ingest.model import SourceText
from desktop.pipeline import process_file, process_source

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "release_pairs"
REPEATS = 5


def best_ms(article: PlacedDocument, release: PlacedDocument) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        match_release(article.text, article.claims, release.text, release.claims)
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main() -> None:
    articles = sorted(DATA.glob("*.article.txt"))
    for path in articles:
        article = placed(process_file(path))
        release = placed(process_file(Path(str(path).replace(".article.txt", ".source.txt"))))
        print(
            f"{path.name.removesuffix('.article.txt'):45} {len(article.claims):4} claims  {best_ms(article, release):7.1f} ms"
        )
    big_article = "".join(p.read_text(encoding="utf-8") for p in articles) * 4
    big_release = "".join(p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.source.txt"))) * 8
    article = placed(process_source(SourceText(Path("article.txt"), big_article, "utf-8")))
    release = placed(process_source(SourceText(Path("release.txt"), big_release, "utf-8")))
    print(
        f"{len(big_article):,} characters against {len(big_release):,}: "
        f"{best_ms(article, release):.0f} ms ({len(article.claims)} against {len(release.claims)} claims)"
    )


if __name__ == "__main__":
    main()
