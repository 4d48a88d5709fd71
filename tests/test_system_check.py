"""The check `make run` makes before Qt starts on an X11 desktop.

Only the library lookup is replaced (it is a parameter); everything else runs
as it does for the editor.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop import system_check
from desktop.system_check import LIBRARIES, check, missing_libraries, uses_xcb

X11 = {"DISPLAY": ":0"}
DEBIAN = {"ID": "debian"}
UBUNTU = {"ID": "ubuntu", "ID_LIKE": "debian"}
FEDORA = {"ID": "fedora"}

# A fresh Debian 12 desktop, as issue 10 found it.
FRESH_DEBIAN = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}


def absent(*sonames: str) -> Callable[[str], bool]:
    return lambda soname: soname not in sonames


def test_a_fresh_debian_desktop_is_told_the_two_packages_and_the_apt_line() -> None:
    message = check(X11, "linux", absent(*FRESH_DEBIAN), DEBIAN)
    assert "2 system libraries it needs are missing" in message
    named = [line.split()[0] for line in message.splitlines() if line.startswith("  lib")]
    assert named == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]  # not xcb-cursor, as Qt would say
    assert "  sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in message.splitlines()


def test_the_command_follows_the_distribution() -> None:
    missing = absent("libxcb-cursor.so.0", "libxcb-randr.so.0", "libxcb-shm.so.0")
    ubuntu = check(X11, "linux", missing, UBUNTU)
    assert "sudo apt-get install libxcb-cursor0 libxcb-randr0 libxcb-shm0" in ubuntu
    assert "dnf" not in ubuntu
    fedora = check(X11, "linux", missing, FEDORA)
    # Two libraries of one Fedora package: the package is named once.
    assert "  sudo dnf install xcb-util-cursor libxcb" in fedora.splitlines()
    assert "apt-get" not in fedora
    unknown = check(X11, "linux", missing, {})
    assert "apt-get install" in unknown and "dnf install" in unknown


def test_one_missing_library_is_worded_as_one() -> None:
    message = check(X11, "linux", absent("libxkbcommon-x11.so.0"), DEBIAN)
    assert "1 system library it needs is missing" in message
    assert "sudo apt-get install libxkbcommon-x11-0" in message


def test_nothing_is_said_when_every_library_is_there() -> None:
    assert check(X11, "linux", absent(), DEBIAN) == ""
    assert missing_libraries(absent()) == []


def test_only_the_xcb_platform_on_linux_is_checked() -> None:
    nothing = absent(*(library.soname for library in LIBRARIES))
    assert check({}, "linux", nothing, DEBIAN) == ""  # no display: Qt will not draw on X11
    assert check({**X11, "QT_QPA_PLATFORM": "offscreen"}, "linux", nothing, DEBIAN) == ""
    assert check(X11, "darwin", nothing, DEBIAN) == ""
    assert check(X11, "win32", nothing, DEBIAN) == ""
    assert check(X11, "linux", nothing, DEBIAN) != ""


@pytest.mark.parametrize(
    ("environ", "xcb"),
    [
        ({"DISPLAY": ":0"}, True),
        ({}, False),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "minimal"}, False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb:nograb"}, True),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, False),  # a Wayland session: Qt takes wayland
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}, False),
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}, True),
    ],
)
def test_when_qt_uses_xcb(environ: dict[str, str], xcb: bool) -> None:
    assert uses_xcb(environ) is xcb


def test_the_real_lookup_asks_the_dynamic_loader() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the loader names are Linux's")
    assert system_check.loadable("libc.so.6")
    assert not system_check.loadable("libfactdesk-no-such-library.so.0")


def test_os_release_is_read_as_the_file_says(tmp_path: Path) -> None:
    path = tmp_path / "os-release"
    path.write_text(
        '# comment\nNAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n\nVERSION_ID="24.04"\n', encoding="utf-8"
    )
    assert system_check.read_os_release(path) == {
        "NAME": "Ubuntu",
        "ID": "ubuntu",
        "ID_LIKE": "debian",
        "VERSION_ID": "24.04",
    }
    assert system_check.read_os_release(tmp_path / "missing") == {}


def test_the_table_covers_every_x11_library_the_installed_xcb_plugin_links() -> None:
    # Against the PySide6 actually installed: a newer wheel that links one
    # more X11 library fails here, not on an editor's desktop.
    ldd = shutil.which("ldd")
    if not sys.platform.startswith("linux") or ldd is None:
        pytest.skip("needs Linux and ldd")
    import PySide6  # a path only: Qt itself is not started

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        pytest.skip(f"this PySide6 has no xcb plugin at {plugin}")
    output = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=True).stdout
    # ldd lists a library it cannot find as "name => not found": those count too.
    linked = set(re.findall(r"^\s*(\S+\.so\S*) =>", output, flags=re.MULTILINE))
    x11 = {name for name in linked if name.startswith(("libxcb", "libxkb", "libX11"))}
    assert x11, output
    assert x11 <= {library.soname for library in LIBRARIES}


def test_factdesk_gui_names_the_missing_package_before_starting_qt(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from desktop import cli, system_check

    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":99")
    # The one stand-in: the system loader, as if libxcb-icccm4 were not installed.
    monkeypatch.setattr(system_check, "loadable", lambda soname: soname != "libxcb-icccm.so.4")
    started: list[object] = []
    monkeypatch.setattr("desktop.ui.app.run", lambda **kwargs: started.append(kwargs) or 0)

    assert cli.main(["gui", "--db", str(tmp_path / "review.sqlite")]) == 1
    assert "libxcb-icccm4" in capsys.readouterr().err
    assert started == []
