"""The core (everything outside desktop/ui) must import without Qt.

It runs in a fresh interpreter: in this one pytest-qt has loaded PySide6
already.  Modules are imported one by one so a failure names the module that
pulled Qt in.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

CORE_MODULES = [
    "desktop",
    "desktop.paths",
    "desktop.ingest.model",
    "desktop.ingest.reader",
    "desktop.ingest.reflow",
    "desktop.ingest.segment",
    "desktop.claims.model",
    "desktop.claims.numerals",
    "desktop.claims.detector",
    "desktop.pipeline",
    "desktop.cli",
    "desktop.cli.review",
    "desktop.store",
    "desktop.export.xlsx",
    "desktop.export.readback",
]

SCRIPT = textwrap.dedent(
    """
    import importlib
    import sys

    for name in sys.argv[1:]:
        importlib.import_module(name)
        qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
        if qt:
            sys.exit(f"importing {name} loaded {', '.join(qt)}")
    print("imported", len(sys.argv) - 1, "modules without Qt")
    """
)


def test_core_imports_without_pyside6() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *CORE_MODULES],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"imported {len(CORE_MODULES)} modules without Qt" in result.stdout
