"""Cheap checks of the packaging files; `make package` does the real build.

build.spec takes its lists from packaging/spec_support.py, which is
imported here without PyInstaller.
"""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import desktop

CHECKOUT = Path(desktop.__file__).resolve().parent.parent
sys.path.insert(0, str(CHECKOUT / "packaging"))
import spec_support  # noqa: E402

SPEC = CHECKOUT / "build.spec"
ISS = CHECKOUT / "packaging" / "windows" / "factdesk.iss"


@pytest.fixture(scope="module")
def datas() -> dict[str, str]:
    """Bundle path (folder/name) → source, for every data file the spec adds."""
    return {f"{folder}/{Path(source).name}": source for source, folder in spec_support.data_files(CHECKOUT)}


def test_the_spec_is_python_and_uses_the_computed_lists() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    calls = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= calls
    text = SPEC.read_text(encoding="utf-8")
    for used in (
        "support.data_files(",
        "support.excluded_modules(",
        "support.hidden_imports(",
        "support.version()",
    ):
        assert used in text
    keywords = {
        kw.arg: kw.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "EXE"
        for kw in node.keywords
    }
    assert isinstance(keywords["console"], ast.Constant) and keywords["console"].value is False
    assert isinstance(keywords["upx"], ast.Constant) and keywords["upx"].value is False
    assert (
        isinstance(keywords["exclude_binaries"], ast.Constant) and keywords["exclude_binaries"].value is True
    )


def test_every_translation_icon_and_dictionary_is_bundled(datas: dict[str, str]) -> None:
    for qm in (CHECKOUT / "resources" / "i18n").glob("*.qm"):
        assert f"resources/i18n/{qm.name}" in datas
    assert not [name for name in datas if name.endswith(".ts")]  # sources, not needed at run time
    assert "resources/jieba/domain_dict.txt" in datas
    assert "resources/icons/factdesk.svg" in datas
    assert "resources/icons/factdesk.png" in datas
    # jieba's own dictionary, beside the frozen package where context.py looks for it.
    assert Path(datas["jieba/dict.txt"]) == spec_support.jieba_dir() / "dict.txt"
    assert Path(datas["jieba/dict.txt"]).stat().st_size > 1_000_000


def test_every_seed_is_bundled(datas: dict[str, str]) -> None:
    seeds = sorted((CHECKOUT / "seeds").glob("*.txt"))
    assert seeds
    assert [name for name in datas if name.startswith("seeds/")] == [f"seeds/{p.name}" for p in seeds]


def test_jieba_tagger_tables_are_modules_the_analysis_follows() -> None:
    # posseg and finalseg import their HMM tables (prob_*.py) on CPython;
    # the pickled *.p copies are for Jython only and stay out of the bundle.
    folder = spec_support.jieba_dir()
    for package in ("posseg", "finalseg"):
        source = (folder / package / "__init__.py").read_text(encoding="utf-8")
        assert "from .prob_emit import P as emit_P" in source
    assert spec_support.keep_data("jieba/dict.txt")
    assert not spec_support.keep_data("jieba/posseg/prob_emit.p")
    assert not spec_support.keep_data("jieba/analyse/idf.txt")
    assert spec_support.keep_data("jieba/posseg/prob_emit.p", keep={"jieba-data"})


def test_qt_plugins_kept_and_dropped() -> None:
    keep = spec_support.keep_binary
    for wanted in (
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqminimal.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/QtWidgets.abi3.so",
    ):
        assert keep(wanted), wanted
    for unwanted in (
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqminimalegl.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    ):
        assert not keep(unwanted), unwanted
    assert keep("PySide6/Qt/plugins/platforms/libqwayland.so", keep={"qt-platforms"})


def test_qt_translations_only_chinese_and_english() -> None:
    assert spec_support.keep_data("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert spec_support.keep_data("PySide6/Qt/translations/qtbase_en.qm")
    assert not spec_support.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not spec_support.keep_data("PySide6/Qt/translations/qtwebengine_zh_CN.qm")


def test_libraries_only_dropped_plugins_need_are_dropped(tmp_path: Path) -> None:
    files = {name: tmp_path / name for name in ("qxcb", "qwayland", "Core", "Gui", "WaylandClient", "ext")}
    for path in files.values():
        path.write_bytes(b"")
    links = {"qxcb": ["Gui"], "qwayland": ["WaylandClient", "Gui"], "Gui": ["Core"], "ext": ["Core"]}
    src = {name: str(path) for name, path in files.items()}
    kept = [(name, src[name]) for name in ("qxcb", "Core", "Gui", "WaylandClient", "ext")]
    unneeded = spec_support.unneeded_libraries(
        kept, [("qwayland", src["qwayland"])], lambda path: links.get(Path(path).name, [])
    )
    assert unneeded == {"WaylandClient"}


def test_excluded_modules_are_not_imported_by_the_app() -> None:
    excluded = set(spec_support.excluded_modules())
    assert {"PySide6.QtNetwork", "PySide6.QtTest", "tkinter", "unittest", "pydoc"} <= excluded
    for path in (CHECKOUT / "desktop").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            for name in names:
                for module in excluded:
                    assert not (name == module or name.startswith(module + ".")), (path, name)
                if isinstance(node, ast.ImportFrom) and name == "PySide6":
                    imported = {f"PySide6.{alias.name}" for alias in node.names}
                    assert not imported & excluded, (path, imported)


def test_archive_name_carries_the_package_version() -> None:
    assert spec_support.version() == version("factdesk") == desktop.__version__
    name = spec_support.archive_name(system="Linux", machine="x86_64")
    assert name == f"FactDesk-{version('factdesk')}-linux-x86_64.tar.gz"
    makefile = (CHECKOUT / "Makefile").read_text(encoding="utf-8")
    assert 'spec_support.py archive-name "$$(uname -s)" "$$(uname -m)"' in makefile


def test_exclusion_groups_can_be_switched_off_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTDESK_SPEC_KEEP", "stdlib,strip")
    assert spec_support.kept_groups() == {"stdlib", "strip"}
    assert "tkinter" not in spec_support.excluded_modules(spec_support.kept_groups())
    monkeypatch.setenv("FACTDESK_SPEC_KEEP", "nonsense")
    with pytest.raises(SystemExit):
        spec_support.kept_groups()


def test_windows_installer_is_per_user_with_a_start_menu_icon() -> None:
    iss = ISS.read_text(encoding="utf-8")
    setup = dict(
        line.split("=", 1)
        for line in iss.split("[Setup]")[1].split("\n[")[0].splitlines()
        if re.match(r"^\w+=", line)
    )
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{autopf}\{#AppName}"
    assert setup["AppVersion"] == "{#AppVersion}"
    assert setup["UninstallDisplayIcon"] == r"{app}\{#AppExe}"
    assert "#ifndef AppVersion" in iss
    icons = iss.split("[Icons]")[1].split("\n[")[0]
    assert re.search(r'^Name: "\{group\}\\.*Filename: "\{app\}\\\{#AppExe\}"', icons, re.MULTILINE)
    assert r'Source: "{#Root}\dist\FactDesk\*"' in iss


def test_icons_exist_for_every_platform() -> None:
    icons = CHECKOUT / "resources" / "icons"
    assert (icons / "factdesk.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (icons / "factdesk.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (icons / "factdesk.icns").read_bytes()[:4] == b"icns"
