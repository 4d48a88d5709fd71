"""GUI tests run offscreen with a fresh SQLite review database each."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.paths import seed_files  # noqa: E402
from desktop.store import ReviewStore  # noqa: E402


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ReviewStore]:
    """A review database holding the five demo pages (20 articles)."""
    with ReviewStore.open(tmp_path / "review.sqlite", seed_if_new=False) as opened:
        opened.import_files(seed_files())
        yield opened
