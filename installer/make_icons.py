"""Render ``resources/icons/drafter.svg`` to the PNG and ICO files that installers need.

Run after changing the SVG: ``.venv/bin/python installer/make_icons.py``.  Qt's own
SVG renderer draws every size, so the icons need no other tool.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZE = 256
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "drafter.svg"))
    if not renderer.isValid():
        print("drafter.svg cannot be read", file=sys.stderr)
        return 1

    def render(size: int) -> QImage:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        return image

    render(PNG_SIZE).save(str(ICONS / "drafter.png"), "PNG")
    # An ICO holds one PNG-compressed image per size; Qt's ico plugin writes one image,
    # so the directory is written here (the format is four small headers).
    images = []
    for size in ICO_SIZES:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        render(size).save(buffer, "PNG")
        images.append((size, bytes(data.data())))
    (ICONS / "drafter.ico").write_bytes(_ico(images))
    del app
    return 0


def _ico(images: list[tuple[int, bytes]]) -> bytes:
    header = (
        (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(images).to_bytes(2, "little")
    )
    offset = 6 + 16 * len(images)
    directory, payload = b"", b""
    for size, png in images:
        side = size % 256  # 256 is written as 0
        directory += (
            bytes([side, side, 0, 0])
            + (1).to_bytes(2, "little")
            + (32).to_bytes(2, "little")
            + len(png).to_bytes(4, "little")
            + (offset + len(payload)).to_bytes(4, "little")
        )
        payload += png
    return header + directory + payload


if __name__ == "__main__":
    sys.exit(main())
