"""Start to first paint of the review window, interpreter start included.

    .venv/bin/python -m bench.gui_startup

The parent notes the time, starts a fresh interpreter that opens the window
on an existing database (the demo pages already imported, as on every start
after the first), and reads back the moment the window first painted.  The
child also reports whether jieba was loaded by then (it must not be: word
segmentation is only needed when files are imported or checked).  Goal
(issue 10): at most 1 s.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop.paths import seed_files
from desktop.store import ReviewStore

CHILD = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from desktop.ui.app import make_application
from desktop.ui import settings as keys
from desktop.ui.main_window import MainWindow

app = make_application(sys.argv[:1])
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
settings.setValue(keys.EDITOR_NAME, "bench")
window = MainWindow(settings, ask_editor=False)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "done"):
            self.done = True
            print(json.dumps({"painted": time.time(), "jieba": "jieba" in sys.modules,
                              "articles": len(window._articles)}), flush=True)
            QTimer.singleShot(0, app.quit)
        return False

watcher = FirstPaint()
window.article_view.installEventFilter(watcher)
for child in window.article_view.findChildren(QObject):
    child.installEventFilter(watcher)
window.open_database(Path(sys.argv[1]))
window.show()
app.exec()
"""


def run(repeats: int = 5) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "review.sqlite"
        with ReviewStore.open(database, seed_if_new=False) as store:
            store.import_files(seed_files())
            # As the window leaves a database after its import (ImportJob keys the
            # memory of figures in the background): a start after the first finds it keyed.
            store.refresh_memory()
        settings = Path(folder) / "settings.ini"
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        # An installed FactDesk starts from compiled bytecode (pip compiles what
        # it installs, the frozen app ships it); a checkout run with
        # PYTHONDONTWRITEBYTECODE would compile every edited module on every
        # start instead.  So bytecode is written, and the first start (which
        # writes it) is not counted.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        walls = []
        jieba_loaded = False
        for run_number in range(repeats + 1):
            started = time.time()
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(database), str(settings)],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            )
            report = json.loads(out.stdout.strip().splitlines()[-1])
            if run_number == 0:
                continue
            walls.append(report["painted"] - started)
            jieba_loaded = jieba_loaded or report["jieba"]
    result = {
        "median_s": statistics.median(walls),
        "worst_s": max(walls),
        "jieba_loaded": float(jieba_loaded),
    }
    print(
        f"gui      start to first paint ({env['QT_QPA_PLATFORM']}): median {result['median_s']:.2f} s, "
        f"worst {result['worst_s']:.2f} s; jieba loaded at start-up: {'yes' if jieba_loaded else 'no'} (goal ≤ 1 s)"
    )
    return result


if __name__ == "__main__":
    run()
