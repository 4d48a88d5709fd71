"""The export runs headless: importing it must not pull in Qt."""

from __future__ import annotations

import subprocess
import sys

MODULES = [
    "desktop.export",
    "desktop.export.cells",
    "desktop.export.columns",
    "desktop.export.labels",
    "desktop.export.notes",
    "desktop.export.readback",
    "desktop.export.streaming",
    "desktop.export.summary",
    "desktop.export.xlsx",
]


def test_export_imports_without_pyside6() -> None:
    script = (
        "import importlib, sys\n"
        "for name in sys.argv[1:]:\n"
        "    importlib.import_module(name)\n"
        "qt = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "sys.exit(', '.join(qt) or None)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *MODULES], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
