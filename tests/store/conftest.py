"""Each store test gets its own SQLite file in tmp_path, never a mock."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.paths import seed_files
from desktop.store import ReviewStore


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "review.sqlite"


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The first bundled seed, copied so a test may change it."""
    folder = tmp_path / "in"
    folder.mkdir()
    return Path(shutil.copy(seed_files()[0], folder / "article.txt"))


@pytest.fixture
def store(db_path: Path, seed_copy: Path) -> Iterator[ReviewStore]:
    """A database holding one imported seed file (six articles)."""
    with ReviewStore.open(db_path) as opened:
        report = opened.import_files([seed_copy])
        assert report.documents_added == 1
        yield opened
