"""Before the window opens on an X11 desktop: are the system libraries Qt's xcb platform needs there?

The PySide6 wheel brings Qt itself, but the plugin Qt draws with on an X11
desktop (platforms/libqxcb.so) links some twenty libraries of the system.  A
fresh Debian or Ubuntu desktop lacks a few of them (libxcb-icccm4,
libxcb-keysyms1, libxcb-cursor0, ...), and Qt then aborts with "Could not
load the Qt platform plugin "xcb"", naming xcb-cursor whichever one is
missing.  `make run` runs this module first (`python -m desktop.system_check`):
it names each missing library, the package that brings it and the command
that installs them, and exits 1; else it says nothing and exits 0.

Nothing here imports Qt: a missing library must be found without loading it.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Library:
    soname: str  # the name the plugin asks the dynamic loader for
    debian: str  # the Debian/Ubuntu package that brings it
    fedora: str  # the Fedora package


# What PySide6 6.11's platforms/libqxcb.so and libQt6XcbQpa.so.6 link outside
# the wheel (`readelf -d`), less what every Linux system has (libc, libstdc++,
# zlib, glib; ICU ships in the wheel); tests/test_system_check.py checks the
# X11 ones against the installed wheel with ldd.  Qt's "X11 requirements"
# page also lists libxcb-xinerama and libxcb-xinput: Qt 6 no longer uses the
# first, and the wheel's Qt is built with its own copy of the second.
LIBRARIES: tuple[Library, ...] = (
    Library("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    Library("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    Library("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    Library("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    Library("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    Library("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    Library("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    Library("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    Library("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    Library("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    Library("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    Library("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    Library("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    Library("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    Library("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    Library("libxcb.so.1", "libxcb1", "libxcb"),
    Library("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    Library("libX11.so.6", "libx11-6", "libX11"),
    Library("libGL.so.1", "libgl1", "libglvnd-glx"),
    Library("libEGL.so.1", "libegl1", "libglvnd-egl"),
    Library("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    Library("libfreetype.so.6", "libfreetype6", "freetype"),
    Library("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
)


def loadable(soname: str) -> bool:
    """Whether the dynamic loader finds and loads `soname`.

    The loader itself is asked, the one Qt will ask, so LD_LIBRARY_PATH, the
    ldconfig cache and each distribution's own library folders all count,
    as they will for Qt.
    """
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str]) -> bool:
    """Whether Qt will draw through its xcb platform with this environment."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        # "xcb", or a list tried in order such as "wayland;xcb"; offscreen,
        # minimal or wayland alone need none of these libraries.
        return "xcb" in (name.split(":")[0].strip() for name in chosen.split(";"))
    # Unset: Qt takes wayland in a Wayland session, else xcb when there is an X display.
    if environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland":
        return False
    return bool(environ.get("DISPLAY"))


def missing_libraries(is_present: Callable[[str], bool] = loadable) -> list[Library]:
    return [library for library in LIBRARIES if not is_present(library.soname)]


def read_os_release(path: Path = Path("/etc/os-release")) -> dict[str, str]:
    """The fields of os-release(5); empty when there is none."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    fields: dict[str, str] = {}
    for line in text.splitlines():
        key, equals, value = line.partition("=")
        if equals and not key.startswith("#"):
            fields[key.strip()] = value.strip().strip("\"'")
    return fields


def report(missing: Sequence[Library], os_release: Mapping[str, str]) -> str:
    """What to tell the person at the desk: the missing libraries, their packages, the command."""
    family = {os_release.get("ID", ""), *os_release.get("ID_LIKE", "").split()}
    debian = " ".join(dict.fromkeys(library.debian for library in missing))
    fedora = " ".join(dict.fromkeys(library.fedora for library in missing))
    if family & {"debian", "ubuntu"}:
        commands = [f"sudo apt-get install {debian}"]
    elif family & {"fedora", "rhel", "centos"}:
        commands = [f"sudo dnf install {fedora}"]
    else:
        commands = [
            f"sudo apt-get install {debian}    (Debian, Ubuntu)",
            f"sudo dnf install {fedora}    (Fedora)",
        ]
    width = max(len(library.soname) for library in missing)
    lines = [
        f"factdesk: Qt cannot open a window on this X11 desktop: {len(missing)} system "
        f"librar{'y' if len(missing) == 1 else 'ies'} it needs "
        f"{'is' if len(missing) == 1 else 'are'} missing.",
        *(
            f"  {library.soname:<{width}}  Debian/Ubuntu: {library.debian}, Fedora: {library.fedora}"
            for library in missing
        ),
        f"Install {'it' if len(missing) == 1 else 'them'}, then start FactDesk again:",
        *(f"  {command}" for command in commands),
        "(Qt itself would stop with 'Could not load the Qt platform plugin \"xcb\"' and name xcb-cursor,"
        " whichever library is missing.)",
    ]
    return "\n".join(lines)


def check(
    environ: Mapping[str, str],
    platform: str,
    is_present: Callable[[str], bool] = loadable,
    os_release: Mapping[str, str] | None = None,
) -> str:
    """ "" when Qt can start here (or needs no X11 libraries); else the report."""
    if not platform.startswith("linux") or not uses_xcb(environ):
        return ""
    missing = missing_libraries(is_present)
    if not missing:
        return ""
    return report(missing, read_os_release() if os_release is None else os_release)


def main() -> int:
    message = check(os.environ, sys.platform, loadable)  # looked up at call time
    if message:
        print(message, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
