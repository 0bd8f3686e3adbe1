"""Selecting text on a page. On a text layer: from the character nearest the press to the one
nearest the mouse, in reading order, the way a reader expects (not a rectangle of characters).
On a scan read by OCR (whose lines may be skewed, in columns, or broken by a seal): the words
inside the rectangle dragged, in reading order."""
from __future__ import annotations

from dataclasses import dataclass

Char = tuple[str, float, float, float, float]


def _distance(char: Char, x: float, y: float) -> float:
    _, x0, y0, x1, y1 = char
    dx = max(x0 - x, 0.0, x - x1)
    dy = max(y0 - y, 0.0, y - y1)
    return dx * dx + dy * dy * 4  # prefer the right line over the nearest column


@dataclass
class PageText:
    lines: tuple[tuple[Char, ...], ...]

    def __post_init__(self) -> None:
        self.chars = [c for line in self.lines for c in line]
        self.line_of = [n for n, line in enumerate(self.lines) for _ in line]

    def nearest(self, x: float, y: float) -> int | None:
        if not self.chars:
            return None
        return min(range(len(self.chars)), key=lambda i: _distance(self.chars[i], x, y))

    def select(self, a: tuple[float, float], b: tuple[float, float]) -> tuple[int, ...] | None:
        """The characters selected by a drag from `a` to `b` (unrotated page points)."""
        start, end = self.nearest(*a), self.nearest(*b)
        if start is None or end is None:
            return None
        start, end = min(start, end), max(start, end)
        return tuple(range(start, end + 1))

    def text(self, selected: tuple[int, ...]) -> str:
        out = []
        for n, i in enumerate(selected):
            if n and self.line_of[i] != self.line_of[selected[n - 1]]:
                out.append("\n")
            out.append(self._char(i, n == 0 or out[-1] == "\n"))
        return "".join(out)

    def _char(self, i: int, first: bool) -> str:
        return self.chars[i][0]

    def rects(self, selected: tuple[int, ...]) -> list[tuple[float, float, float, float]]:
        return [tuple(self.chars[i][1:]) for i in selected]


class OcrPageText(PageText):
    """A scan's OCR characters (ocr.ocr_lines): a drag selects those whose middle lies inside it."""

    def select(self, a: tuple[float, float], b: tuple[float, float]) -> tuple[int, ...] | None:
        x0, x1 = sorted((a[0], b[0]))
        y0, y1 = sorted((a[1], b[1]))
        inside = tuple(i for i, (_, cx0, cy0, cx1, cy1) in enumerate(self.chars)
                       if x0 <= (cx0 + cx1) / 2 <= x1 and y0 <= (cy0 + cy1) / 2 <= y1)
        return inside or None

    def _char(self, i: int, first: bool) -> str:
        c = self.chars[i][0]
        return c.lstrip() if first else c  # a word's leading space (ocr.ocr_lines) only between words
