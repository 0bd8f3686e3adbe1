"""Asking the worker for the tiles a page view needs: the visible ones first, then a little ahead
(the next screenful, or the next and previous page in single-page mode), so that turning a page
finds it ready. Tiles no longer needed are cancelled before the worker spends time on them."""
from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QTimer

from review_model.dossier.protocol import PREFETCH, VISIBLE
from review_model.errors import Problem

from .layout import PageLayout, lay_out
from .tiles import TILE, merge_tiles, scale_key


class TileRequests:
    """Mixed into PageView."""

    def _device(self, page: int) -> tuple[tuple, int, int, float]:
        dpr = self.viewport().devicePixelRatioF()
        scale = self.layout.scale(page) * dpr
        rotation = self.total_rotation(page)
        w, h = self.material.pages[page].display_size(rotation)
        return (self.material_id, page, rotation, scale_key(scale)), math.ceil(w * scale), math.ceil(h * scale), scale

    def schedule(self) -> None:
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self._request_tiles)

    def _wanted(self) -> list[tuple[int, int, QRectF, PageLayout]]:
        area = self.visible_area()
        wanted = [(VISIBLE, page, area, self.layout) for page in self.layout.visible(area)]
        if self.continuous:
            ahead = area.adjusted(0, area.height(), 0, area.height())
            behind = area.adjusted(0, -area.height() * 0.5, 0, -area.height())
            wanted += [(PREFETCH, page, zone, self.layout) for zone in (ahead, behind) for page in self.layout.visible(zone)]
        else:
            for page in (self.current + 1, self.current - 1):
                if 0 <= page < self.page_count():
                    rotations = [self.total_rotation(i) for i in range(self.page_count())]
                    other = lay_out(list(self.material.pages), rotations, self.zoom_mode, self.percent,
                                    self.viewport().width(), self.viewport().height(), page)
                    top = other.rect(page)
                    wanted.append((PREFETCH, page, QRectF(top.x(), top.y(), area.width(), area.height()), other))
        return wanted

    def _request_tiles(self) -> None:
        self._scheduled = False
        if self.material is None or not self.isVisible():
            return
        dpr = self.viewport().devicePixelRatioF()
        needed: set[tuple] = set()
        for priority, page, zone, layout in self._wanted():
            if page in self.failed:
                continue
            r = layout.rect(page)
            scale = layout.scale(page) * dpr
            rotation = self.total_rotation(page)
            w, h = self.material.pages[page].display_size(rotation)
            key, pw, ph = (self.material_id, page, rotation, scale_key(scale)), math.ceil(w * scale), math.ceil(h * scale)
            part = zone.intersected(r).translated(-r.x(), -r.y())
            device = (math.floor(part.left() * dpr), math.floor(part.top() * dpr),
                      math.ceil(part.right() * dpr), math.ceil(part.bottom() * dpr))
            tiles = self.cache.missing(key, device, pw, ph)
            needed.update((key, t) for t in tiles)
            busy = {t for k, ts in self._requests.values() if k == key for t in ts}
            fresh = [t for t in tiles if t not in busy]
            limit = int(self.bridge.renderer.worker.slot_size * 0.9)
            for clip in merge_tiles(fresh, pw, ph, limit):
                covered = {t for t in fresh if clip[0] <= t[0] * TILE < clip[2] and clip[1] <= t[1] * TILE < clip[3]}
                box: dict = {}
                rid = self.bridge.render(self.material_id, page, self.rotations.of(page), scale, clip,
                                         lambda result, k=key, b=box: self._arrived(b["rid"], k, result), priority)
                box["rid"] = rid
                self._requests[rid] = (key, covered)
        stale = [rid for rid, (key, tiles) in self._requests.items() if not any((key, t) in needed for t in tiles)]
        for rid in stale:
            del self._requests[rid]
        self.bridge.cancel(stale)

    def _arrived(self, rid: int, key: tuple, result) -> None:
        """A rendered piece (kept even if no longer needed: it was paid for) or a page that failed."""
        request = self._requests.pop(rid, None)
        if self.material is None or key[0] != self.material_id:
            return
        if isinstance(result, Problem):
            if request is not None and result.params.get("cause") not in ("cancelled", "worker_gone"):
                self.failed[key[1]] = result
        else:
            piece, image = result
            rotation, scale = key[2], key[3]
            w, h = self.material.pages[key[1]].display_size(rotation)
            self.cache.add(key, piece.x, piece.y, image, piece.pixels, math.ceil(w * scale), math.ceil(h * scale),
                           request[1] if request else frozenset())
        self.viewport().update()
        self.schedule()

    def cancel_all(self) -> None:
        self.bridge.cancel(list(self._requests) + list(self._text_requests.values()) + list(self._find_requests))
        self._requests.clear()

    def rendered(self) -> bool:
        """Whether every visible part of every visible page is drawn sharp (or known to be unreadable)."""
        if self.material is None:
            return True
        dpr = self.viewport().devicePixelRatioF()
        area = self.visible_area()
        for page in self.layout.visible(area):
            if page in self.failed:
                continue
            key, pw, ph, _ = self._device(page)
            r = self.layout.rect(page)
            part = area.intersected(r).translated(-r.x(), -r.y())
            device = (math.floor(part.left() * dpr), math.floor(part.top() * dpr),
                      math.ceil(part.right() * dpr), math.ceil(part.bottom() * dpr))
            if self.cache.missing(key, device, pw, ph):
                return False
        return True
