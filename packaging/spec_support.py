"""What build.spec puts in the frozen app, and what it leaves out.

Kept apart from build.spec so that `make test` can check the lists without
running PyInstaller (tests/test_packaging.py), and so that every list is
computed from the checkout and the installed packages rather than typed in.

Each exclusion belongs to a named group.  FACTDESK_SPEC_KEEP=group,group
switches groups off for one build, which is how the savings in README.md
were measured (`make package-sizes`).
"""

from __future__ import annotations

import fnmatch
import os
import platform
import sys
from collections.abc import Callable, Iterable
from importlib.metadata import version as package_version
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
NAME = "FactDesk"
BUNDLE_ID = "org.factdesk.FactDesk"

# Files under resources/ that are sources for something shipped, not shipped.
RESOURCE_SOURCES = ("*.ts",)

# Qt's own translations kept (qtbase_*: the standard dialogs and context menus).
QT_LANGUAGES = ("zh_CN", "en")

# Python modules the app never imports at run time; PyInstaller's analysis
# would otherwise follow optional imports into them.
EXCLUDED_MODULES: dict[str, tuple[str, ...]] = {
    "qt-modules": (
        "PySide6.QtNetwork",
        "PySide6.QtQml",
        "PySide6.QtQuick",
        "PySide6.QtQuickWidgets",
        "PySide6.QtQuickControls2",
        "PySide6.Qt3DCore",
        "PySide6.QtPdf",
        "PySide6.QtPdfWidgets",
        "PySide6.QtWebEngineCore",
        "PySide6.QtWebEngineWidgets",
        "PySide6.QtMultimedia",
        "PySide6.QtSql",
        "PySide6.QtTest",
        "PySide6.QtDBus",
        "PySide6.QtOpenGL",
        "PySide6.QtOpenGLWidgets",
        "PySide6.QtPrintSupport",
        "PySide6.QtDesigner",
        "PySide6.QtUiTools",
        "PySide6.QtHelp",
        "PySide6.QtXml",
        "PySide6.QtConcurrent",
        "PySide6.scripts",
    ),
    "stdlib": (
        "tkinter",
        "_tkinter",
        "turtle",
        "unittest",
        "doctest",
        "pdb",
        "pydoc",
        "pydoc_data",
        "lib2to3",
        "idlelib",
        "ensurepip",
        "venv",
        "xmlrpc",
        "test",
    ),
    # jieba tries pkg_resources first and falls back to plain open(); the
    # fallback reads the same files from the bundle without setuptools.
    "setuptools": ("pkg_resources", "setuptools", "distutils", "_distutils_hack"),
    # jieba's keyword extraction and its PaddlePaddle mode; we only tag words.
    "jieba-extras": ("jieba.analyse", "jieba.lac_small", "paddle"),
}

# Qt plugins, by type, named without "lib" and extension so that one list
# serves Linux (.so), Windows (.dll) and macOS (.dylib): what the app loads.
# Plugins of any other type or name are dropped, and with them the Qt
# libraries that only they needed.
QT_PLUGINS: dict[str, tuple[str, ...]] = {
    # xcb for X11 (and XWayland), offscreen for --self-test, minimal for
    # scripted runs; Wayland, EGL/KMS, VNC and framebuffer are left out.
    "platforms": ("qxcb", "qoffscreen", "qminimal", "qwindows", "qcocoa"),
    "xcbglintegrations": ("qxcb-glx-integration",),
    # The window icon is resources/icons/factdesk.svg (desktop/ui/app.py).
    "imageformats": ("qsvg",),
    "iconengines": ("qsvgicon",),
    # Dead keys and compose, and IBus (how most Linux desktops type Chinese).
    "platforminputcontexts": ("composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"),
    "styles": ("*",),
}
# Plugin types in QT_PLUGINS, grouped for measuring; the rest is "qt-plugins-other".
PLUGIN_GROUPS = {
    "qt-platforms": ("wayland-*", "egldeviceintegrations", "platforms", "xcbglintegrations"),
    "qt-platformthemes": ("platformthemes",),
    "qt-imageformats": ("imageformats",),
}

# Linux only: debug symbols out of every binary (libpython ships with them).
STRIP = sys.platform.startswith("linux")

GROUPS = (
    *EXCLUDED_MODULES,
    *PLUGIN_GROUPS,
    "qt-plugins-other",
    "qt-translations",
    "jieba-data",
    "strip",
)


def kept_groups() -> frozenset[str]:
    """Exclusion groups switched off for this build (FACTDESK_SPEC_KEEP)."""
    wanted = {name.strip() for name in os.environ.get("FACTDESK_SPEC_KEEP", "").split(",") if name.strip()}
    if "all" in wanted:
        return frozenset(GROUPS)
    unknown = wanted - set(GROUPS)
    if unknown:
        raise SystemExit(f"FACTDESK_SPEC_KEEP: unknown groups {sorted(unknown)} (known: {', '.join(GROUPS)})")
    return frozenset(wanted)


def version() -> str:
    """The installed package's version: pyproject.toml is the single source."""
    return package_version("factdesk")


def archive_name(version_: str | None = None, system: str | None = None, machine: str | None = None) -> str:
    """dist/FactDesk-<version>-linux-x86_64.tar.gz and its kin."""
    system = (system or platform.system()).lower()
    machine = machine or platform.machine()
    return f"{NAME}-{version_ or version()}-{system}-{machine}.tar.gz"


def jieba_dir() -> Path:
    import jieba

    return Path(jieba.__file__).resolve().parent


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for every data file the app reads.

    resources/ and seeds/ land where desktop/paths.py looks under
    sys._MEIPASS; jieba's dictionary lands beside the frozen jieba package,
    where `Path(jieba.__file__).with_name("dict.txt")` finds it.  jieba's
    HMM tables (finalseg, posseg) are Python modules on CPython, collected
    by the import analysis, so their pickled copies (*.p, read on Jython
    only) are not needed.
    """
    found: list[tuple[str, str]] = []
    for path in sorted((root / "resources").rglob("*")):
        if path.is_file() and not any(fnmatch.fnmatch(path.name, p) for p in RESOURCE_SOURCES):
            found.append((str(path), str(path.parent.relative_to(root).as_posix())))
    found += [(str(path), "seeds") for path in sorted((root / "seeds").glob("*.txt"))]
    found.append((str(jieba_dir() / "dict.txt"), "jieba"))
    return found


def excluded_modules(keep: Iterable[str] = ()) -> list[str]:
    keep = set(keep)
    return [module for group, modules in EXCLUDED_MODULES.items() if group not in keep for module in modules]


def hidden_imports() -> list[str]:
    """Modules imported in a way the analysis cannot see.

    desktop.selftest and desktop.ui.app are imported inside functions; the
    analysis follows those imports too, but naming the entry points here
    keeps the frozen app whole if that ever changes.  jieba.posseg's tables
    are imported by relative imports the analysis does see.
    """
    return ["desktop.selftest", "desktop.ui.app", "desktop.ui.main_window", "jieba.posseg", "jieba.finalseg"]


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def plugin_type(dest: str) -> str | None:
    """'platforms' for PySide6/Qt/plugins/platforms/libqxcb.so, else None."""
    parts = _parts(dest)
    for index in range(1, len(parts) - 2):
        # PySide6/Qt/plugins/… on Linux and macOS, PySide6/plugins/… on Windows.
        if parts[index] == "plugins" and parts[0] == "PySide6":
            return parts[index + 1]
    return None


def _plugin_group(kind: str) -> str:
    for group, patterns in PLUGIN_GROUPS.items():
        if any(fnmatch.fnmatch(kind, pattern) for pattern in patterns):
            return group
    return "qt-plugins-other"


def keep_binary(dest: str, keep: Iterable[str] = ()) -> bool:
    """Whether a binary (by its place in the bundle) goes into the app."""
    kind = plugin_type(dest)
    if kind is None:
        return True
    if _plugin_group(kind) in set(keep):
        return True
    name = _parts(dest)[-1].split(".")[0]
    name = name.removeprefix("lib")
    return any(fnmatch.fnmatch(name, pattern) for pattern in QT_PLUGINS.get(kind, ()))


def keep_data(dest: str, keep: Iterable[str] = ()) -> bool:
    """Whether a data file (by its place in the bundle) goes into the app."""
    keep = set(keep)
    parts = _parts(dest)
    if "qt-translations" not in keep and len(parts) >= 2 and parts[-2] == "translations" and "Qt" in parts:
        stem = PurePosixPath(parts[-1]).stem
        return stem in {f"{catalog}_{language}" for catalog in ("qt", "qtbase") for language in QT_LANGUAGES}
    if "jieba-data" not in keep and parts[:1] == ("jieba",):
        return parts[1:] == ("dict.txt",)
    return True


def unneeded_libraries(
    kept: Iterable[tuple[str, str]],
    dropped: Iterable[tuple[str, str]],
    get_imports: Callable[[str], Iterable[str]],
) -> set[str]:
    """Names of the bundled libraries that only dropped binaries needed.

    Both lists are (name in the bundle, source path) of the binaries kept
    and dropped by keep_binary; `get_imports(path)` names the libraries a
    binary links to (PyInstaller's bindepend.get_imports).  A library is
    unneeded when some dropped plugin reaches it and no kept binary outside
    that reach does: the Wayland client library, GTK with its Cairo and
    Pango behind the GTK theme plugin, and so on.
    """
    kept = [(dest, src) for dest, src in kept if os.path.isfile(src)]
    by_name = {base_name(dest): src for dest, src in kept}

    def reach(sources: Iterable[str]) -> set[str]:
        found: set[str] = set()
        todo = list(sources)
        while todo:
            for imported in get_imports(todo.pop()):
                name = base_name(imported)
                if name in by_name and name not in found:
                    found.add(name)
                    todo.append(by_name[name])
        return found

    suspects = reach(src for _dest, src in dropped if os.path.isfile(src))
    roots = [src for dest, src in kept if base_name(dest) not in suspects]
    return suspects - reach(roots)


def base_name(path: str) -> str:
    """libqxcb.so for PySide6/Qt/plugins/platforms/libqxcb.so, on any platform."""
    return PurePosixPath(str(path).replace("\\", "/")).name


def is_qt_library(name: str) -> bool:
    return name.startswith(("libQt6", "Qt6", "libicu")) or fnmatch.fnmatch(name, "Qt*.framework")


if __name__ == "__main__":  # for the Makefile: `spec_support.py archive-name "$(uname -s)" "$(uname -m)"`
    if sys.argv[1:2] != ["archive-name"] or len(sys.argv) > 4:
        raise SystemExit("usage: spec_support.py archive-name [SYSTEM [MACHINE]]")
    print(archive_name(None, *sys.argv[2:4]))
