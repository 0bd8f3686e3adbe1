"""The icons shipped (window, menu entry, file types) are the SVGs as drawn, at every size."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("packaging_icons", ROOT / "packaging" / "icons.py")
icons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(icons)


@pytest.mark.parametrize("name", [icons.APP_ICON, *icons.MIME_ICONS])
def test_every_png_is_its_svg_rendered_at_that_size(qapp, name):
    """A changed SVG with stale PNGs fails here: run `python packaging/icons.py`."""
    for size in icons.SIZES:
        shipped = QImage(str(icons.png_path(name, size)))
        assert (shipped.width(), shipped.height()) == (size, size), (name, size)
        fresh = icons.render(icons.ROOT / "resources" / "icons" / f"{name}.svg", size)
        fresh = fresh.convertToFormat(shipped.format())
        worst = max(abs(a - b) for a, b in zip(bytes(shipped.constBits()), bytes(fresh.constBits())))
        assert worst <= 2, (name, size, worst)  # rounding in PNG's un-premultiplied alpha only
    assert (icons.ICONS / f"{name}.ico").stat().st_size > 1000


def test_the_small_app_icon_still_shows_its_check_mark(qapp):
    """At 16 px the red check on the white sheet must survive: count clearly red pixels."""
    image = QImage(str(icons.png_path(icons.APP_ICON, 16)))
    red = sum(1 for x in range(16) for y in range(16)
              if (c := image.pixelColor(x, y)).red() > 170 and c.green() < 110 and c.blue() < 110)
    white = sum(1 for x in range(16) for y in range(16) if min(image.pixelColor(x, y).getRgb()[:3]) > 220)
    assert red >= 6 and white >= 20
