"""desktop/checks is core: every module imports without Qt (in a fresh interpreter)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import desktop.checks

SCRIPT = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
sys.exit(f"Qt loaded: {qt}" if qt else 0)
"""


def test_checks_import_without_pyside6() -> None:
    names = ["desktop.checks"] + [
        m.name for m in pkgutil.walk_packages(desktop.checks.__path__, prefix="desktop.checks.")
    ]
    assert "desktop.checks.relations.sum" in names
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *names], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
