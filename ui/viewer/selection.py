"""Selecting text on a page: from the character nearest the press to the one nearest the mouse,
in reading order, the way a reader expects (not a rectangle of characters)."""
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
        self.line_ends = set()
        count = 0
        for line in self.lines:
            count += len(line)
            self.line_ends.add(count - 1)

    def nearest(self, x: float, y: float) -> int | None:
        if not self.chars:
            return None
        return min(range(len(self.chars)), key=lambda i: _distance(self.chars[i], x, y))

    def span(self, a: tuple[float, float], b: tuple[float, float]) -> tuple[int, int] | None:
        start, end = self.nearest(*a), self.nearest(*b)
        if start is None or end is None:
            return None
        return (start, end) if start <= end else (end, start)

    def text(self, span: tuple[int, int]) -> str:
        out = []
        for i in range(span[0], span[1] + 1):
            out.append(self.chars[i][0])
            if i in self.line_ends and i != span[1]:
                out.append("\n")
        return "".join(out)

    def rects(self, span: tuple[int, int]) -> list[tuple[float, float, float, float]]:
        return [tuple(self.chars[i][1:]) for i in range(span[0], span[1] + 1)]
