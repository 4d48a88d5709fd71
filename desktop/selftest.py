"""Check an installation for real: `factdesk --self-test`, `FactDesk --self-test`.

Run after every packaged build (`make package`) and by an editor or IT when
an installed copy misbehaves.  Each step uses the same code the app uses, on
the files the installation ships: the icon and the Chinese translation load,
the bundled demo pages import into a scratch database (jieba and its
dictionaries must load for claims to get a subject), a decision is saved,
an .xlsx export is written and read back, and the main window opens and
closes offscreen.  It prints ``self-test ok`` and exits 0, or prints
``self-test FAILED at <step>: <error>`` and exits 1.

`--self-test --first-paint DATABASE` instead opens the window on DATABASE
the way the app starts and prints the wall-clock time of its first paint as
JSON, for bench/frozen_startup.py.

Qt is imported inside the functions only: importing this module keeps the
core Qt-free.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from desktop.paths import resource_path, seed_files

OK_LINE = "self-test ok"
EDITOR = "self-test"
# A message the Chinese translation must carry; a missing or stale .qm fails.
KNOWN_TRANSLATION = ("ClaimInspector", "Confirm", "确认")
# How long the main window stays up offscreen, so that it lays out and paints.
WINDOW_MS = 300


class StepFailed(Exception):
    def __init__(self, step: str, error: str) -> None:
        super().__init__(f"{step}: {error}")
        self.step = step
        self.error = error


def _check(condition: object, message: str) -> None:
    if not condition:
        raise AssertionError(message)


@contextmanager
def _step(name: str, out: TextIO) -> Iterator[list[str]]:
    """Run one step; its detail (appended to the list) is printed when it passes."""
    detail: list[str] = []
    try:
        yield detail
    except Exception as error:  # every failure names its step; the traceback goes to stderr
        traceback.print_exc(file=sys.stderr)
        raise StepFailed(name, f"{type(error).__name__}: {error}") from error
    print(f"  ok  {name}{': ' if detail else ''}{'; '.join(detail)}", file=out, flush=True)


def _application() -> Any:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before the QApplication exists
    from desktop.ui.app import make_application

    return make_application([sys.argv[0] if sys.argv else "factdesk"])


def _wait(app: Any, milliseconds: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
    app.processEvents()


def run_self_test(out: TextIO) -> None:
    """Every step in turn; raises StepFailed at the first that fails."""
    from desktop import __version__

    where = Path(getattr(sys, "_MEIPASS", "")) if getattr(sys, "frozen", False) else resource_path().parent
    print(f"FactDesk {__version__} self-test ({'frozen' if getattr(sys, 'frozen', False) else 'checkout'}: {where})",
          file=out, flush=True)  # fmt: skip

    with _step("qt", out) as detail:
        app = _application()
        from PySide6 import __version__ as pyside_version

        detail.append(f"PySide6 {pyside_version}, platform {app.platformName()}")

    with _step("icon", out) as detail:
        from PySide6.QtGui import QIcon

        for name in ("factdesk.svg", "factdesk.png"):
            path = resource_path("icons", name)
            _check(path.is_file(), f"{path} is missing")
            pixmap = QIcon(str(path)).pixmap(64, 64)
            _check(not pixmap.isNull(), f"{path} does not load (image format plugin missing?)")
            detail.append(f"{name} {pixmap.width()}x{pixmap.height()}")

    with _step("translation", out) as detail:
        from PySide6.QtCore import QTranslator

        qm = resource_path("i18n", "factdesk_zh_CN.qm")
        translator = QTranslator()
        _check(translator.load(str(qm)), f"cannot load {qm}")
        context, source, wanted = KNOWN_TRANSLATION
        got = translator.translate(context, source)
        _check(got == wanted, f"{context}/{source} translates to {got!r}, expected {wanted!r}")
        detail.append(f"{source} → {got}")

    with tempfile.TemporaryDirectory(prefix="factdesk-selftest-") as folder:
        _store_steps(Path(folder), out)
        with _step("window", out) as detail:
            _open_window(app, Path(folder), detail)


def _store_steps(folder: Path, out: TextIO) -> None:
    from desktop.export.readback import read_decision_edits
    from desktop.export.xlsx import export_workbook
    from desktop.store import ReviewStore
    from desktop.store.records import STATUS_LABELS_ZH

    database = folder / "selftest.sqlite"
    with ReviewStore.open(database, seed_if_new=False) as store:
        with _step("import", out) as detail:
            seeds = seed_files()
            _check(seeds, "no demo pages in seeds/")
            report = store.import_files(seeds)
            _check(not report.refused, f"refused: {report.refused}")
            articles = store.articles()
            claims = store.claims()
            _check(articles, "no articles found")
            _check(claims, "no claims detected")
            # The subject is read with jieba's tagger: none at all means jieba
            # or its dictionaries did not load.
            with_subject = sum(1 for claim in claims if claim.subject)
            _check(with_subject, "no claim has a subject (jieba did not load)")
            import jieba

            if getattr(sys, "frozen", False):
                bundle = Path(sys._MEIPASS).resolve()  # type: ignore[attr-defined]
                _check(
                    bundle in Path(jieba.__file__).resolve().parents,
                    f"jieba loaded from {jieba.__file__}, not the bundle",
                )
            detail.append(
                f"{len(seeds)} files, {len(articles)} articles, {len(claims)} claims, {with_subject} with a subject"
            )

        with _step("decide", out) as detail:
            first = claims[0]
            change = store.decide(first.id, "confirmed", editor=EDITOR, note="self-test")
            _check(store.claim(first.id).status == "confirmed", "the decision was not saved")
            detail.append(f"{first.text} confirmed (version {change.claim.version})")

        with _step("export", out) as detail:
            workbook = folder / "selftest.xlsx"
            written = export_workbook(
                workbook, store.export_rows(), store.articles(), total=len(claims), editor=EDITOR
            )
            _check(written.rows == len(claims), f"{written.rows} rows written for {len(claims)} claims")
            detail.append(f"{written.rows} rows, {workbook.stat().st_size:,} bytes")

        with _step("read back", out) as detail:
            edits, problems = read_decision_edits(workbook)
            _check(not problems, f"unreadable rows: {problems}")
            _check(len(edits) == len(claims), f"{len(edits)} rows read back, {len(claims)} written")
            by_id = {edit.claim_id: edit for edit in edits}
            status = by_id[first.id].status if first.id in by_id else "(row missing)"
            _check(
                status in ("confirmed", STATUS_LABELS_ZH["confirmed"]),
                f"the decided claim reads back as {status!r}",
            )
            detail.append(f"{len(edits)} rows, decided claim {status}")


def _open_window(app: Any, folder: Path, detail: list[str]) -> None:
    from PySide6.QtCore import QSettings

    from desktop.ui import settings as keys
    from desktop.ui.main_window import MainWindow

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(keys.EDITOR_NAME, EDITOR)
    window = MainWindow(settings, ask_editor=False)
    try:
        window.show()
        _check(window.open_database(folder / "selftest.sqlite"), "the window refused the database")
        _wait(app, WINDOW_MS)
        _check(window.isVisible(), "the window is not visible")
        detail.append(f"{window.width()}x{window.height()}, {window.windowTitle()}")
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()


def first_paint(database: Path, out: TextIO) -> None:
    """Open the window on `database` as the app does; print when it first painted."""
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer

    from desktop.ui import settings as keys
    from desktop.ui.app import install_translator, make_application
    from desktop.ui.main_window import MainWindow

    # Unlike the self-test, the bench keeps the platform it is given (Xvfb).
    app = make_application([sys.argv[0] if sys.argv else "factdesk"])
    with tempfile.TemporaryDirectory(prefix="factdesk-bench-") as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue(keys.EDITOR_NAME, "bench")
        install_translator(app, keys.text_value(settings, keys.LANGUAGE, keys.DEFAULT_LANGUAGE))
        window = MainWindow(settings, ask_editor=False)

        class FirstPaint(QObject):
            done = False

            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
                if event.type() == QEvent.Type.Paint and not self.done:
                    self.done = True
                    report = {
                        "painted": time.time(),
                        "platform": app.platformName(),
                        "jieba": "jieba" in sys.modules,
                    }
                    print(json.dumps(report), file=out, flush=True)
                    QTimer.singleShot(0, app.quit)
                return False

        watcher = FirstPaint()
        window.article_view.installEventFilter(watcher)
        for child in window.article_view.findChildren(QObject):
            child.installEventFilter(watcher)
        window.show()
        window.open_database(database)
        app.exec()
        window.close()


def _output() -> TextIO:
    """stdout; a windowed Windows build has none, so a file in the temp folder then."""
    if sys.stdout is not None:
        return sys.stdout
    return open(Path(tempfile.gettempdir()) / "factdesk-self-test.txt", "w", encoding="utf-8")  # noqa: SIM115


def main(argv: Sequence[str], out: TextIO | None = None) -> int:
    """`--self-test [--first-paint DATABASE]`; 0 when every step passed."""
    out = out or _output()
    args = list(argv)
    if "--first-paint" in args:
        index = args.index("--first-paint")
        if index + 1 >= len(args):
            print("usage: factdesk --self-test --first-paint DATABASE", file=sys.stderr)
            return 2
        first_paint(Path(args[index + 1]), out)
        return 0
    try:
        run_self_test(out)
    except StepFailed as failed:
        print(f"self-test FAILED at {failed.step}: {failed.error}", file=out, flush=True)
        return 1
    print(OK_LINE, file=out, flush=True)
    return 0
