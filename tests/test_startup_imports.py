"""What the window's start does not load: libraries only some actions need.

openpyxl (export, read-back), python-docx (a .docx import) and jieba (word
segmentation, at import and in the checks) each cost the start tenths of a
second; they are loaded when first used.  A fresh interpreter tells,
since this test session has long loaded all of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import desktop.export

PROBE = """
import json, sys
import desktop.ui.main_window
print(json.dumps({name: name in sys.modules for name in ("openpyxl", "docx", "jieba")}))
"""


def test_the_window_module_loads_no_workbook_docx_or_segmentation_library() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {
        "openpyxl": False,
        "docx": False,
        "jieba": False,
    }


def test_every_name_the_export_package_offers_is_found_where_it_says() -> None:
    assert sorted(desktop.export.__all__) == sorted(desktop.export._HOMES)
    for name in desktop.export.__all__:
        assert getattr(desktop.export, name) is not None
    assert desktop.export.export_workbook.__module__ == "desktop.export.xlsx"


WORKER_PROBE = """
import json, sys
import desktop.store.prepared
print(json.dumps("desktop.store.service" in sys.modules))
"""


def test_an_import_worker_loads_the_detection_without_the_store_service() -> None:
    # Each detection process of a bulk import starts with this module alone.
    out = subprocess.run([sys.executable, "-c", WORKER_PROBE], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) is False
    import desktop.store

    assert desktop.store.ReviewStore.__module__ == "desktop.store.service"
