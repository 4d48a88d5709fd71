"""Start to first paint of the packaged app, process start included.

    make package && .venv/bin/python -m bench.frozen_startup

Like bench/gui_startup.py, but runs the frozen dist/FactDesk/FactDesk: the
parent notes the time, starts `FactDesk --self-test --first-paint DB` (the
window opened as the app opens it, on a database holding the demo pages,
desktop/selftest.py), and reads back when the window first painted.  Five
runs offscreen, and five on an X server (Xvfb, started once here) when Xvfb
is installed, which exercises the bundled xcb plugin too.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.paths import seed_files
from desktop.store import ReviewStore

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "FactDesk" / ("FactDesk.exe" if sys.platform == "win32" else "FactDesk")
GOAL_S = 2.5


@contextmanager
def xvfb() -> Iterator[str | None]:
    """An X display on Xvfb for the duration, or None when Xvfb is missing."""
    binary = shutil.which("Xvfb")
    if binary is None:
        yield None
        return
    display = next(n for n in range(99, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen(
        [binary, f":{display}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{display}").exists():
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        yield f":{display}"
    finally:
        server.terminate()
        server.wait(10)


def first_paints(database: Path, env: dict[str, str], repeats: int) -> list[float]:
    walls = []
    for _ in range(repeats):
        started = time.time()
        out = subprocess.run(
            [str(FROZEN), "--self-test", "--first-paint", str(database)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=60,
        )
        report = json.loads(out.stdout.strip().splitlines()[-1])
        if report["platform"] != env["QT_QPA_PLATFORM"]:
            raise RuntimeError(f"ran on {report['platform']}, not {env['QT_QPA_PLATFORM']}")
        walls.append(report["painted"] - started)
    return walls


def run(repeats: int = 5) -> dict[str, float]:
    if not FROZEN.exists():
        print(f"frozen   {FROZEN} not built (make package); skipped")
        return {}
    result: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "review.sqlite"
        with ReviewStore.open(database, seed_if_new=False) as store:
            store.import_files(seed_files())
        first_paints(database, {**os.environ, "QT_QPA_PLATFORM": "offscreen"}, 1)  # warm the file cache
        platforms = {"offscreen": {**os.environ, "QT_QPA_PLATFORM": "offscreen"}}
        with xvfb() as display:
            if display is not None:
                platforms["xcb (Xvfb)"] = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
            for name, env in platforms.items():
                walls = first_paints(database, env, repeats)
                result[f"{name} median_s"] = statistics.median(walls)
                result[f"{name} worst_s"] = max(walls)
                print(
                    f"frozen   start to first paint ({name}): median {statistics.median(walls):.2f} s, "
                    f"worst {max(walls):.2f} s over {repeats} runs (goal ≤ {GOAL_S} s)"
                )
    return result


if __name__ == "__main__":
    run()
