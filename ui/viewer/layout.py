"""Where each page sits on the view's canvas (logical pixels), for a zoom and a reading mode.

In "fit width" and "fit page" every page gets its own scale (a sideways scan fills the width like
its portrait neighbours); a percentage gives all pages the same scale. 100 % shows a point as
1/72 inch at 96 logical dots per inch.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from PySide6.QtCore import QRectF

from review_model.dossier.geometry import PageGeometry

MARGIN = 10.0
GAP = 10.0
POINT = 96.0 / 72.0  # logical pixels per point at 100 %
MIN_PERCENT, MAX_PERCENT = 25, 400
MAX_SIDE = 1_000_000.0  # logical pixels: an absurdly large page still lays out (and never renders whole)
FIT_WIDTH, FIT_PAGE = "fit-width", "fit-page"


def parse_zoom(spec: str) -> tuple[str, float]:
    """("fit-width"|"fit-page"|"percent", percent) from a zoom spec such as "fit-width" or "150"."""
    if spec in (FIT_WIDTH, FIT_PAGE):
        return spec, 100.0
    try:
        value = float(str(spec).rstrip("%"))
    except ValueError:
        return FIT_WIDTH, 100.0
    return "percent", min(max(value, MIN_PERCENT), MAX_PERCENT)


def zoom_spec(mode: str, percent: float) -> str:
    return mode if mode in (FIT_WIDTH, FIT_PAGE) else f"{round(percent):d}"


@dataclass
class PageLayout:
    rects: list[QRectF]
    scales: list[float]  # logical pixels per point, per page
    width: float
    height: float
    pages: list[int]  # which pages are laid out (all, or the current one in single-page mode)

    def __post_init__(self) -> None:
        self._slot = {page: n for n, page in enumerate(self.pages)}

    def rect(self, page: int) -> QRectF | None:
        n = self._slot.get(page)
        return None if n is None else self.rects[n]

    def scale(self, page: int) -> float:
        n = self._slot.get(page)
        return self.scales[n] if n is not None else (self.scales[0] if self.scales else 1.0)

    def page_at(self, y: float) -> int:
        """The laid-out page at canvas height y (the nearest one in a gap)."""
        tops = [r.top() for r in self.rects]
        i = max(0, bisect_right(tops, y) - 1)
        return self.pages[i] if self.pages else 0

    def visible(self, area: QRectF) -> list[int]:
        return [p for p, r in zip(self.pages, self.rects) if r.intersects(area)]


def page_scale(size: tuple[float, float], mode: str, percent: float, viewport_w: float, viewport_h: float) -> float:
    w, h = max(size[0], 1e-3), max(size[1], 1e-3)
    if mode == FIT_WIDTH:
        scale = (viewport_w - 2 * MARGIN) / w
    elif mode == FIT_PAGE:
        scale = min((viewport_w - 2 * MARGIN) / w, (viewport_h - 2 * MARGIN) / h)
    else:
        scale = percent / 100.0 * POINT
    scale = max(scale, 0.02)
    return min(scale, MAX_SIDE / max(w, h))


def lay_out(pages: list[PageGeometry], rotations: list[int], mode: str, percent: float, viewport_w: float,
            viewport_h: float, only: int | None = None) -> PageLayout:
    """Rotations are the total turns (PDF + view) per page; `only` lays out just that page."""
    indices = list(range(len(pages))) if only is None else [only]
    rects, scales, widths = [], [], []
    y = MARGIN
    for i in indices:
        size = pages[i].display_size(rotations[i])
        scale = page_scale(size, mode, percent, viewport_w, viewport_h)
        w, h = size[0] * scale, size[1] * scale
        rects.append(QRectF(0, y, w, h))
        scales.append(scale)
        widths.append(w)
        y = round(y + h + GAP)  # pages start on whole pixels: pieces are drawn 1:1, never resampled
    width = max([viewport_w] + [w + 2 * MARGIN for w in widths])
    for r in rects:
        r.moveLeft(round((width - r.width()) / 2))
    height = max(y - GAP + MARGIN, viewport_h if only is not None else 0)
    return PageLayout(rects, scales, width, height, indices)
