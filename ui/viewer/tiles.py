"""Rendered pieces of pages, kept within a memory budget, and what is still missing.

A page at a given scale and turn is cut into a grid of TILE×TILE device pixels; the view asks the
worker for the missing visible tiles (merged into a few rectangles), and each rendered piece
covers the tiles inside it. Least recently drawn pieces go first when the budget is exceeded:
memory stays bounded however far the expert pages (a 300-page scan kept whole would need ~5 GB).
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from PySide6.QtGui import QImage

TILE = 512
BUDGET = 96 * 1024 * 1024  # ~17 screenfuls of RGB at fit width on a 1920-px screen, 3× that of grey
Key = tuple[int, int, int, float]  # material, page, total rotation, device scale (rounded)


def scale_key(scale: float) -> float:
    return round(scale, 4)


@dataclass(eq=False)
class CachedPiece:
    key: Key
    x: int
    y: int
    width: int
    height: int
    image: QImage
    pixels: bytes  # the memory `image` reads
    size: int = field(default=0)


class TileCache:
    def __init__(self, budget: int = BUDGET) -> None:
        self.budget = budget
        self.used = 0
        self._pieces: OrderedDict[int, CachedPiece] = OrderedDict()
        self._covered: dict[Key, dict[tuple[int, int], CachedPiece]] = {}

    def add(self, key: Key, x: int, y: int, image: QImage, pixels: bytes, page_w: int, page_h: int,
            requested: set[tuple[int, int]] = frozenset()) -> CachedPiece:
        """Keep a rendered piece; it covers the tiles inside it and the tiles it was requested for
        (so a piece a pixel short at the page's edge never makes the view ask again and again)."""
        piece = CachedPiece(key, x, y, image.width(), image.height(), image, pixels, len(pixels))
        self._pieces[id(piece)] = piece
        self.used += piece.size
        covered = self._covered.setdefault(key, {})
        for tx in range(x // TILE, (x + piece.width) // TILE + 1):
            for ty in range(y // TILE, (y + piece.height) // TILE + 1):
                x0, y0 = tx * TILE, ty * TILE
                x1, y1 = min(x0 + TILE, page_w), min(y0 + TILE, page_h)
                if x0 >= x - 1 and y0 >= y - 1 and x1 <= x + piece.width + 1 and y1 <= y + piece.height + 1 and x1 > x0 and y1 > y0:
                    covered[(tx, ty)] = piece
        for tile in requested:
            covered[tile] = piece
        self._evict()
        return piece

    def _evict(self) -> None:
        while self.used > self.budget and len(self._pieces) > 1:
            _, old = self._pieces.popitem(last=False)
            self.used -= old.size
            tiles = self._covered.get(old.key, {})
            for tile in [t for t, p in tiles.items() if p is old]:
                del tiles[tile]
            if not tiles:
                self._covered.pop(old.key, None)

    def pieces(self, key: Key) -> list[CachedPiece]:
        found = {id(p): p for p in self._covered.get(key, {}).values()}
        for pid in found:
            self._pieces.move_to_end(pid)
        return sorted(found.values(), key=lambda p: (p.y, p.x))

    def other_scales(self, material: int, page: int, rotation: int, scale: float) -> list[CachedPiece]:
        return [p for p in self._pieces.values()
                if p.key[:3] == (material, page, rotation) and p.key[3] != scale]

    def missing(self, key: Key, area: tuple[int, int, int, int], page_w: int, page_h: int) -> list[tuple[int, int]]:
        """Tiles of the page (device size page_w × page_h) meeting `area` (x0, y0, x1, y1) not yet rendered."""
        x0, y0 = max(area[0], 0), max(area[1], 0)
        x1, y1 = min(area[2], page_w), min(area[3], page_h)
        if x1 <= x0 or y1 <= y0:
            return []
        covered = self._covered.get(key, {})
        return [(tx, ty) for ty in range(y0 // TILE, (y1 - 1) // TILE + 1)
                for tx in range(x0 // TILE, (x1 - 1) // TILE + 1) if (tx, ty) not in covered]

    def clear(self) -> None:
        self._pieces.clear()
        self._covered.clear()
        self.used = 0


def merge_tiles(tiles: list[tuple[int, int]], page_w: int, page_h: int, max_bytes: int) -> list[tuple[int, int, int, int]]:
    """Few device rectangles covering `tiles`: each row's run of tiles, rows with the same run merged
    while the rectangle stays under `max_bytes` (RGB)."""
    rows: dict[int, tuple[int, int]] = {}
    for tx, ty in tiles:
        lo, hi = rows.get(ty, (tx, tx))
        rows[ty] = (min(lo, tx), max(hi, tx))
    rects: list[list[int]] = []
    for ty in sorted(rows):
        lo, hi = rows[ty]
        x0, x1 = lo * TILE, min((hi + 1) * TILE, page_w)
        y0, y1 = ty * TILE, min((ty + 1) * TILE, page_h)
        last = rects[-1] if rects else None
        if last and last[0] == x0 and last[2] == x1 and last[3] == y0 and (x1 - x0) * (y1 - last[1]) * 3 <= max_bytes:
            last[3] = y1
        else:
            rects.append([x0, y0, x1, y1])
    out = []
    for x0, y0, x1, y1 in rects:  # a single row too wide for a slot (a giant page at 400 %) is split across
        step = max(TILE, (max_bytes // (3 * max(y1 - y0, 1))) // TILE * TILE)
        for left in range(x0, x1, step):
            out.append((left, y0, min(left + step, x1), y1))
    return out
