"""A file whose name is not valid UTF-8 imports through the store, as the window imports."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.ingest.reader import display_name
from desktop.store import ReviewStore

ARTICLE = "本报讯 全市新开公交线路3条，日均客流1.2万人次。\n"


def test_a_gbk_file_name_is_imported_and_stored_as_shown(db_path: Path, tmp_path: Path) -> None:
    # 中文稿件.txt in GBK, as a Windows share hands it over: not UTF-8, so
    # Python holds its odd bytes as lone surrogates, which SQLite refuses.
    path = tmp_path / os.fsdecode("中文稿件.txt".encode("gbk"))
    path.write_bytes(ARTICLE.encode("gbk"))
    with ReviewStore.open(db_path, seed_if_new=False) as store:
        report = store.import_files([path])
        assert report.documents_added == 1 and report.refused == ()
        (document,) = store.documents()
        assert document.file_name == display_name(path)
        assert document.file_name.startswith("\\xd6\\xd0") and document.file_name.endswith(".txt")
        # Importing it again is recognised as the same file, not a new version.
        again = store.import_files([path])
        assert again.documents_added == 0
