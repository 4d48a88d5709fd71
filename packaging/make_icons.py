"""Render resources/icons/factdesk.svg to the icon files the packages need.

    .venv/bin/python packaging/make_icons.py

Writes factdesk.png (256 px, for Linux and the self-test), factdesk.ico
(Windows: 16-256 px) and factdesk.icns (macOS: 16-1024 px).  Qt draws the
sizes offscreen; the .ico and .icns containers hold PNG images, which both
formats accept (Windows Vista and later, macOS 10.7 and later), so no image
library beyond Qt is needed.  Run again after editing the SVG; the outputs
are committed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns chunk types holding PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def render(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(images))
        images += png
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    chunks = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png for size, png in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (QImage and fonts need it)
    svg = ICONS / "factdesk.svg"
    sizes = sorted(set(ICO_SIZES) | set(ICNS_TYPES))
    pngs = {size: render(svg, size) for size in sizes}
    (ICONS / "factdesk.png").write_bytes(pngs[256])
    (ICONS / "factdesk.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "factdesk.icns").write_bytes(icns({s: pngs[s] for s in ICNS_TYPES}))
    for name in ("factdesk.png", "factdesk.ico", "factdesk.icns"):
        print(f"{ICONS / name}: {(ICONS / name).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
