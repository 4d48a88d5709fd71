"""Match two texts through the real pipeline (reader's text model, segmenter, detector)."""

from __future__ import annotations

from pathlib import Path

from desktop.checks.release import ReleaseMatch, match_release
from desktop.checks.release.document import placed
from desktop.ingest.model import SourceText
from desktop.pipeline import process_source


def match_texts(article: str, release: str) -> list[ReleaseMatch]:
    a = placed(process_source(SourceText(Path("article.txt"), article, "utf-8")))
    r = placed(process_source(SourceText(Path("release.txt"), release, "utf-8")))
    return match_release(a.text, a.claims, r.text, r.claims)


def label_of(matches: list[ReleaseMatch], text: str, nth: int = 0) -> ReleaseMatch:
    """The match of the `nth` article figure written `text`."""
    found = [m for m in matches if m.figure.text == text]
    assert len(found) > nth, [m.figure.text for m in matches]
    return found[nth]
