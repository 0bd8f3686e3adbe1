"""Render the icons: resources/icons/*.svg → png/<size>/<name>.png (16–512 px) and <name>.ico (Windows).

`python packaging/icons.py` after editing an SVG; the PNGs and ICOs are committed, so the window
icon works from a plain `pip install` too. tests/test_icons.py fails when a PNG is stale.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)  # the hicolor theme's usual sizes
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # what Windows Explorer picks from
APP_ICON = "reviewdesk"
MIME_ICONS = ("application-x-reviewdesk-package", "application-x-reviewdesk-return", "application-x-reviewdesk-result")


def render(svg: Path, size: int):
    """The SVG drawn at size × size as a QImage (antialiased, transparent background)."""
    # Qt only when icons are drawn: the test reads the icon list and sizes without it
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_path(name: str, size: int) -> Path:
    return ICONS / "png" / str(size) / f"{name}.png"


def _ico(name: str) -> bytes:
    # Pillow only for the Windows .ico
    from PIL import Image

    images = [Image.open(png_path(name, size)) for size in ICO_SIZES]
    out = io.BytesIO()
    images[-1].save(out, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    return out.getvalue()


def main() -> int:
    # Qt only when icons are drawn: the test reads the icon list and sizes without it
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["icons", "-platform", "offscreen"])
    for name in (APP_ICON, *MIME_ICONS):
        for size in SIZES:
            target = png_path(name, size)
            target.parent.mkdir(parents=True, exist_ok=True)
            if not render(ICONS / f"{name}.svg", size).save(str(target), "PNG"):
                raise OSError(f"could not write {target}")
        (ICONS / f"{name}.ico").write_bytes(_ico(name))
        print(name)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
