"""Page geometry without Qt or MuPDF: one coordinate system for every region the viewer reports.

A region (an evidence link, a search hit, a selected word) is a rectangle in points in the
**unrotated page**: origin at the top-left of the page as stored, y downwards, ignoring both the
PDF's own /Rotate and the expert's view rotation (PyMuPDF's "derotated" page space). So the same
rectangle comes back whatever the zoom and however the page is turned on screen.

The page is shown turned clockwise by `rotation` = (the PDF's /Rotate + the expert's turn) mod 360;
"display" coordinates are points in that turned page, "device" coordinates are display × scale.
"""
from __future__ import annotations

from dataclasses import dataclass

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1


def normal_degrees(degrees: int) -> int:
    """0, 90, 180 or 270 for any multiple of 90 (negative turns count anticlockwise)."""
    if degrees % 90:
        raise ValueError(f"rotation {degrees} is not a multiple of 90")
    return degrees % 360


@dataclass(frozen=True)
class PageGeometry:
    width: float  # of the unrotated page, in points
    height: float
    pdf_rotation: int = 0  # the PDF's own /Rotate, clockwise

    def turned(self, view_rotation: int) -> int:
        return normal_degrees(self.pdf_rotation + view_rotation)

    def display_size(self, rotation: int) -> tuple[float, float]:
        """Size in points of the page turned by `rotation` (the total, see `turned`)."""
        return (self.height, self.width) if rotation in (90, 270) else (self.width, self.height)

    def to_display(self, x: float, y: float, rotation: int) -> tuple[float, float]:
        w, h = self.width, self.height
        if rotation == 90:
            return h - y, x
        if rotation == 180:
            return w - x, h - y
        if rotation == 270:
            return y, w - x
        return x, y

    def from_display(self, u: float, v: float, rotation: int) -> tuple[float, float]:
        w, h = self.width, self.height
        if rotation == 90:
            return v, h - u
        if rotation == 180:
            return w - u, h - v
        if rotation == 270:
            return w - v, u
        return u, v

    def rect_to_display(self, rect: Rect, rotation: int) -> Rect:
        (a, b), (c, d) = self.to_display(rect[0], rect[1], rotation), self.to_display(rect[2], rect[3], rotation)
        return min(a, c), min(b, d), max(a, c), max(b, d)

    def rect_from_display(self, rect: Rect, rotation: int) -> Rect:
        (a, b), (c, d) = self.from_display(rect[0], rect[1], rotation), self.from_display(rect[2], rect[3], rotation)
        return min(a, c), min(b, d), max(a, c), max(b, d)

    def clamp(self, rect: Rect) -> Rect:
        x0, y0, x1, y1 = (min(max(v, 0.0), lim) for v, lim in zip(rect, (self.width, self.height) * 2))
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def display_matrix(geometry: PageGeometry, rotation: int, scale: float) -> tuple[float, float, float, float, float, float]:
    """The affine map (a, b, c, d, e, f) from unrotated page points to device pixels of the page
    turned by `rotation` at `scale`: u = a·x + c·y + e, v = b·x + d·y + f (PyMuPDF's Matrix order)."""
    w, h = geometry.width, geometry.height
    base = {0: (1, 0, 0, 1, 0, 0), 90: (0, 1, -1, 0, h, 0), 180: (-1, 0, 0, -1, w, h), 270: (0, -1, 1, 0, 0, w)}[rotation]
    return tuple(v * scale for v in base)  # type: ignore[return-value]
