"""How many keys it takes to confirm every claim of the demo pages.

    .venv/bin/python -m bench.gui_keys

Drives the real window offscreen: Y confirms the current claim and the window
moves on to the next pending one, across articles.  Every key press counts,
including any needed to reach a claim the automatic move skipped.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.paths import seed_files  # noqa: E402
from desktop.store import ReviewStore  # noqa: E402
from desktop.ui import settings as keys  # noqa: E402
from desktop.ui.app import make_application  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402


def press(app: QApplication, window: MainWindow, key: Qt.Key) -> None:
    QTest.keyClick(app.focusWidget() or window, key)


def run() -> dict[str, float]:
    app = make_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "review.sqlite"
        with ReviewStore.open(database, seed_if_new=False) as store:
            store.import_files(seed_files())
        settings = keys.settings_in_file(Path(folder) / "settings.ini")
        settings.setValue(keys.EDITOR_NAME, "bench")
        window = MainWindow(settings, ask_editor=False)
        window.show()
        window.activateWindow()
        window.open_database(database)
        app.processEvents()
        reviewed, total = window.store.progress()
        presses = 0
        latencies = []
        while reviewed < total and presses < total * 3:
            if window.current_claim is not None and window.current_claim.status == "pending":
                started = time.perf_counter()
                press(app, window, Qt.Key.Key_Y)
                latencies.append(time.perf_counter() - started)
            else:
                press(app, window, Qt.Key.Key_J)  # a claim the move skipped: walk to it
            presses += 1
            reviewed, total = window.store.progress()
        window.close()
    latencies.sort()
    result = {
        "claims": total,
        "keys": presses,
        "per_claim": presses / total,
        "median_ms": latencies[len(latencies) // 2] * 1000,
        "p95_ms": latencies[int(len(latencies) * 0.95)] * 1000,
    }
    print(
        f"gui      confirming all {total} demo claims took {presses} keys = {result['per_claim']:.2f} per claim "
        f"(goal ≤ 1.1); Y → decision saved and next claim highlighted: median {result['median_ms']:.1f} ms, "
        f"p95 {result['p95_ms']:.1f} ms"
    )
    return result


if __name__ == "__main__":
    run()
