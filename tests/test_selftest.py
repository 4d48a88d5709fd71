"""The installation self-test, run the way an editor runs it (unfrozen here).

`make package` runs the same check on the frozen app in dist/FactDesk.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

import desktop
from desktop import selftest

CHECKOUT = Path(desktop.__file__).resolve().parent.parent


def test_self_test_passes_from_the_command_line(tmp_path: Path) -> None:
    # A private cache folder: the trimmed jieba dictionary is written afresh,
    # which is what a first start on an editor's machine does.
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "self-test ok"
    # Every step ran, offscreen whatever the caller's platform was.
    for step in ("qt", "icon", "translation", "import", "decide", "export", "read back", "window"):
        assert any(line.startswith(f"  ok  {step}") for line in lines), (step, done.stdout)
    assert "platform offscreen" in done.stdout
    assert "Confirm → 确认" in done.stdout


def test_a_failing_step_is_named_and_exits_non_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # restored afterwards; the self-test sets it
    monkeypatch.setattr(selftest, "seed_files", lambda: [])
    out = io.StringIO()
    code = selftest.main(["--self-test"], out=out)
    assert code == 1
    assert (
        out.getvalue().splitlines()[-1]
        == "self-test FAILED at import: AssertionError: no demo pages in seeds/"
    )


def test_a_missing_translation_fails_at_its_step(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(selftest, "KNOWN_TRANSLATION", ("ClaimInspector", "No such message", "无"))
    out = io.StringIO()
    assert selftest.main(["--self-test"], out=out) == 1
    last = out.getvalue().splitlines()[-1]
    assert last.startswith("self-test FAILED at translation: AssertionError: ClaimInspector/No such message")


def test_importing_the_module_does_not_import_qt() -> None:
    code = "import sys, desktop.selftest, desktop.cli; assert not any(m.startswith('PySide6') for m in sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=CHECKOUT, timeout=60)
