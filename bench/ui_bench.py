"""The article pane on the longest seed article: opening it, and moving to the next claim.

    .venv/bin/python -m bench.ui_bench

Opens the longest seed article 20 times and prints the median time of
`show_article` (document + every highlight) and of `set_current_claim` over
each of its claims, both with and without the synchronous repaint that
follows on screen.  Targets: opening ≤ 50 ms, next claim ≤ 16 ms (one frame).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.paths import seed_files  # noqa: E402
from desktop.store import ReviewStore  # noqa: E402
from desktop.ui.article_view import ArticleView  # noqa: E402

OPENS = 20


def _ms(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def bench_article_view(store: ReviewStore) -> dict[str, float]:
    """Median milliseconds for the article pane on the store's longest article."""
    article = max(store.articles(), key=lambda a: len(store.article(a.id).text))
    detail, claims = store.article(article.id), store.claims(article.id)
    view = ArticleView()
    view.resize(900, 700)
    view.show()
    QApplication.processEvents()

    def show_and_paint() -> None:
        view.show_article(detail, claims)
        view.viewport().repaint()

    opens = [_ms(lambda: view.show_article(detail, claims)) for _ in range(OPENS)]
    painted_opens = [_ms(show_and_paint) for _ in range(OPENS)]
    moves, painted_moves = [], []
    for claim in claims:
        moves.append(_ms(lambda c=claim: view.set_current_claim(c.id)))
    view.show_article(detail, claims)
    for claim in claims:

        def move_and_paint(claim_id: str = claim.id) -> None:
            view.set_current_claim(claim_id)
            view.viewport().repaint()

        painted_moves.append(_ms(move_and_paint))
    view.close()
    return {
        "article_chars": float(len(detail.text)),
        "claims": float(len(claims)),
        "show_article_ms": statistics.median(opens),
        "show_article_painted_ms": statistics.median(painted_opens),
        "set_current_claim_ms": statistics.median(moves),
        "set_current_claim_max_ms": max(moves),
        "set_current_claim_painted_ms": statistics.median(painted_moves),
    }


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    with (
        tempfile.TemporaryDirectory() as folder,
        ReviewStore.open(Path(folder) / "review.sqlite", seed_if_new=False) as store,
    ):
        store.import_files(seed_files())
        results = bench_article_view(store)
    for name, value in results.items():
        print(f"{name:32} {value:10.2f}")
    del app


if __name__ == "__main__":
    main()
