"""The pages of one open material: continuous or one at a time, zoomed, turned, marked.

Only what is visible (plus a little ahead) is rendered, in tiles, by the worker process; while a
tile renders the page shows a stretched thumbnail or an older zoom. Every region this view takes
or gives is in unrotated page points (review_model/dossier/geometry.py).
"""
from __future__ import annotations

import math
import time

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QWidget

from review_model.dossier.library import Rotations
from review_model.dossier.renderer import OpenedMaterial
from review_model.errors import Problem
from ui.messages import describe

from . import painting
from .bridge import RenderBridge
from .interaction import Interaction
from .layout import FIT_WIDTH, POINT, PageLayout, lay_out, parse_zoom, zoom_spec
from .painting import Overlay
from .selection import PageText
from .tile_requests import TileRequests
from .tiles import TileCache

FLASH_SECONDS = 1.6
THUMB_WIDTH = 96  # logical pixels; the thumbnail strip uses the same images


class PageView(Interaction, TileRequests, QAbstractScrollArea):
    currentPageChanged = Signal(int)
    zoomChanged = Signal(str)
    regionSelected = Signal(int, object)  # page, (x0, y0, x1, y1) in unrotated points
    overlayClicked = Signal(object)
    textSelected = Signal(str)

    def __init__(self, bridge: RenderBridge, cache: TileCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.cache = cache
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # fit-width never oscillates
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.viewport().setMouseTracking(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.verticalScrollBar().setSingleStep(40)
        self.horizontalScrollBar().setSingleStep(40)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(self._scrolled)
        self.material: OpenedMaterial | None = None
        self.rotations = Rotations()
        self.zoom_mode, self.percent = FIT_WIDTH, 100.0
        self.continuous = True
        self.current = 0
        self.layout = PageLayout([], [], 0, 0, [])
        self.stand_ins: dict[int, object] = {}  # page -> thumbnail QImage
        self.failed: dict[int, Problem] = {}
        self.texts: dict[int, PageText] = {}
        self.search_query = ""
        self.search_pages: set[int] = set()
        self.hit_rects: dict[int, tuple] = {}
        self.current_hit: tuple[int, int] | None = None
        self.overlays: list[Overlay] = []
        self.region: tuple[int, tuple] | None = None
        self._flash: tuple[int, tuple | None, float] | None = None
        self._requests: dict[int, tuple] = {}  # request id -> (key, tiles)
        self._text_requests: dict[int, int] = {}  # page -> request id
        self._find_requests: set[int] = set()
        self._scheduled = False
        self._announced = False
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(30)
        self._flash_timer.timeout.connect(self._flash_tick)
        self.setup_interaction()

    # --- what is shown ------------------------------------------------------------------------
    def set_material(self, material: OpenedMaterial | None, rotations: Rotations, page: int = 0) -> None:
        self.cancel_all()
        self.material, self.rotations = material, rotations
        self.stand_ins, self.failed, self.texts, self.hit_rects = {}, {}, {}, {}
        self._text_requests, self._find_requests = {}, set()
        self.region, self._flash, self.current_hit = None, None, None
        self.clear_selection()
        self.current = 0
        self.relayout()
        if material is not None:
            self.go_to(min(max(page, 0), len(material.pages) - 1))
        self.viewport().update()

    @property
    def material_id(self) -> int | None:
        return self.material.material.material_id if self.material else None

    def page_count(self) -> int:
        return len(self.material.pages) if self.material else 0

    def total_rotation(self, page: int) -> int:
        return self.material.pages[page].turned(self.rotations.of(page))

    def set_rotations(self, rotations: Rotations) -> None:
        anchor = self._anchor(QPointF(self.viewport().width() / 2, self.viewport().height() / 2))
        self.rotations = rotations
        self.relayout(anchor, keep_relative=False)

    def zoom(self) -> str:
        return zoom_spec(self.zoom_mode, self.percent)

    def effective_percent(self) -> float:
        return self.layout.scale(self.current) / POINT * 100 if self.material else self.percent

    def set_zoom(self, spec: str, at: QPointF | None = None) -> None:
        mode, percent = parse_zoom(spec)
        if (mode, percent) == (self.zoom_mode, self.percent) and mode != "percent":
            return
        anchor = self._anchor(at if at is not None else QPointF(self.viewport().width() / 2, self.viewport().height() / 2))
        self.zoom_mode, self.percent = mode, percent
        self.relayout(anchor)
        self.zoomChanged.emit(self.zoom())

    def zoom_by(self, factor: float, at: QPointF | None = None) -> None:
        if self.material is None or factor <= 0:
            return
        self.set_zoom(f"{self.effective_percent() * factor:.0f}", at)

    def set_continuous(self, continuous: bool) -> None:
        if continuous != self.continuous:
            self.continuous = continuous
            page = self.current
            self.relayout()
            self.go_to(page)

    # --- layout and scrolling -----------------------------------------------------------------
    def relayout(self, anchor=None, keep_relative: bool = True) -> None:
        vw, vh = self.viewport().width(), self.viewport().height()
        if self.material is None:
            self.layout = PageLayout([], [], vw, vh, [])
        else:
            rotations = [self.total_rotation(i) for i in range(self.page_count())]
            self.layout = lay_out(list(self.material.pages), rotations, self.zoom_mode, self.percent, vw, vh,
                                  None if self.continuous else self.current)
        for bar, total, step in ((self.horizontalScrollBar(), self.layout.width, vw),
                                 (self.verticalScrollBar(), self.layout.height, vh)):
            bar.setRange(0, max(0, math.ceil(total - step)))
            bar.setPageStep(max(step, 1))
        if anchor is not None:
            self._restore_anchor(anchor, keep_relative)
        self.schedule()
        self.viewport().update()

    def _anchor(self, at: QPointF):
        """The page and the point of it (relative) under viewport point `at`."""
        if self.material is None:
            return None
        canvas = at + self.offset()
        page = self.page_at(canvas, nearest=True)
        r = self.layout.rect(page)
        return page, (canvas.x() - r.x()) / max(r.width(), 1), (canvas.y() - r.y()) / max(r.height(), 1), at

    def _restore_anchor(self, anchor, keep_relative: bool) -> None:
        page, rx, ry, at = anchor
        if not self.continuous and page != self.current:
            return
        r = self.layout.rect(page)
        if r is None:
            return
        if not keep_relative:
            rx, ry = 0.5, 0.0
            at = QPointF(at.x(), 0)
        self.horizontalScrollBar().setValue(round(r.x() + rx * r.width() - at.x()))
        self.verticalScrollBar().setValue(round(r.y() + ry * r.height() - at.y()))

    def offset(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def visible_area(self) -> QRectF:
        return QRectF(self.offset(), self.viewport().size().toSizeF())

    def page_at(self, canvas: QPointF, nearest: bool = False) -> int | None:
        for page in self.layout.visible(QRectF(canvas.x() - 0.5, canvas.y() - 0.5, 1, 1)):
            return page
        return self.layout.page_at(canvas.y()) if nearest and self.layout.pages else None

    def go_to(self, page: int, rect: tuple | None = None) -> None:
        """Show `page` (and make `rect`, unrotated points, visible). Never takes the keyboard focus."""
        if self.material is None:
            return
        page = min(max(page, 0), self.page_count() - 1)
        if not self.continuous and page != self.current:
            self.current = page
            self.relayout()
        r = self.layout.rect(page)
        target_y, target_x = r.y() - 6, self.horizontalScrollBar().value()
        if rect is not None:
            box = self.to_view(page, rect)
            area = self.visible_area()
            target_y = box.center().y() - area.height() / 2 if box.height() < area.height() else box.y() - 20
            target_x = box.center().x() - area.width() / 2 if not area.contains(box) else target_x
        self.horizontalScrollBar().setValue(round(target_x))
        self.verticalScrollBar().setValue(round(target_y))
        self._set_current(page)
        self.schedule()

    def _scrolled(self) -> None:
        if self.material is not None and self.continuous:
            self._set_current(self.layout.page_at(self.verticalScrollBar().value() + self.viewport().height() * 0.4))
        self.schedule()
        self.viewport().update()

    def _set_current(self, page: int) -> None:
        if page != self.current or not self._announced:
            self.current = page
            self._announced = True
            self.currentPageChanged.emit(page)

    # --- coordinates --------------------------------------------------------------------------
    def to_view(self, page: int, rect: tuple) -> QRectF:
        """Canvas rectangle of an unrotated-page rectangle."""
        r, scale = self.layout.rect(page), self.layout.scale(page)
        x0, y0, x1, y1 = self.material.pages[page].rect_to_display(rect, self.total_rotation(page))
        return QRectF(r.x() + x0 * scale, r.y() + y0 * scale, (x1 - x0) * scale, (y1 - y0) * scale)

    def from_view(self, page: int, canvas: QPointF) -> tuple[float, float]:
        r, scale = self.layout.rect(page), self.layout.scale(page)
        return self.material.pages[page].from_display((canvas.x() - r.x()) / scale, (canvas.y() - r.y()) / scale,
                                                      self.total_rotation(page))

    # --- painting -----------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = QPainter(self.viewport())
        p.fillRect(self.viewport().rect(), painting.BACKGROUND)
        if self.material is None:
            p.end()
            return
        offset = self.offset()
        p.translate(-offset)
        dpr = self.viewport().devicePixelRatioF()
        area = self.visible_area()
        self._click_areas = []
        for page in self.layout.visible(area):
            self._paint_page(p, page, dpr)
        p.end()

    def _paint_page(self, p: QPainter, page: int, dpr: float) -> None:
        r = self.layout.rect(page)
        painting.paint_page_frame(p, r)
        if page in self.failed:
            painting.paint_message(p, r, describe(self.failed[page]))
            return
        key, pw, ph, scale = self._device(page)
        part = self.visible_area().intersected(r).translated(-r.x(), -r.y())
        device = (math.floor(part.left() * dpr), math.floor(part.top() * dpr),
                  math.ceil(part.right() * dpr), math.ceil(part.bottom() * dpr))
        if self.cache.missing(key, device, pw, ph):
            if page not in self.stand_ins:
                self.stand_ins[page] = self.bridge.cached_thumbnail(self.material_id, page, self.stand_in_width())
            painting.paint_stand_in(p, r, self.stand_ins.get(page), self.rotations.of(page))
            for old in self.cache.other_scales(*key[:3], key[3]):
                ratio = scale / dpr / old.key[3]
                p.drawImage(QRectF(r.x() + old.x * ratio, r.y() + old.y * ratio, old.width * ratio, old.height * ratio),
                            old.image, QRectF(old.image.rect()))
        for piece in self.cache.pieces(key):
            p.drawImage(QRectF(r.x() + piece.x / dpr, r.y() + piece.y / dpr, piece.width / dpr, piece.height / dpr),
                        piece.image, QRectF(piece.image.rect()))
        self.paint_marks(p, page, r)

    def stand_in_width(self) -> int:
        return round(THUMB_WIDTH * self.viewport().devicePixelRatioF())

    def paint_marks(self, p: QPainter, page: int, r: QRectF) -> None:
        if page in self.search_pages:
            rects = self.hit_rects.get(page)
            if rects is None:
                self._request_hits()
            else:
                boxes = [self.to_view(page, rect) for rect in rects]
                painting.paint_rects(p, boxes, painting.HIT)
                if self.current_hit and self.current_hit[0] == page and self.current_hit[1] < len(boxes):
                    painting.paint_rects(p, [boxes[self.current_hit[1]]], painting.HIT_CURRENT)
        self.paint_selection(p, page)
        for overlay in self.overlays:
            if overlay.page_index == page:
                box = None if overlay.rect is None else self.to_view(page, overlay.rect)
                self._click_areas.append((painting.paint_overlay(p, r, box, overlay.label), overlay.key))
        if self.region and self.region[0] == page:
            painting.paint_region(p, self.to_view(page, self.region[1]))
        if self._flash and self._flash[0] == page:
            rect = r if self._flash[1] is None else self.to_view(page, self._flash[1])
            painting.paint_flash(p, rect, time.monotonic() - self._flash[2], FLASH_SECONDS)

    # --- search hits, overlays, flash ---------------------------------------------------------
    def set_search(self, query: str, pages: set[int], current: tuple[int, int] | None = None,
                   known: dict[int, tuple] | None = None) -> None:
        """`known`: pages whose hit rectangles the index already has (OCR hits on scans)."""
        if query != self.search_query:
            self.hit_rects = {}
        self.hit_rects.update(known or {})
        self.search_query, self.search_pages, self.current_hit = query, set(pages), current
        self.viewport().update()

    def _request_hits(self) -> None:
        if self._find_requests or not self.search_query:
            return
        pages = [pg for pg in self.layout.visible(self.visible_area().adjusted(0, -400, 0, 400))
                 if pg in self.search_pages and pg not in self.hit_rects]
        if not pages:
            return
        query, material_id = self.search_query, self.material_id

        def found(rects: dict) -> None:
            self._find_requests.discard(rid)
            if query == self.search_query and material_id == self.material_id:
                for page in pages:
                    self.hit_rects[page] = tuple(rects.get(page, ()))
                self.viewport().update()
        rid = self.bridge.find(material_id, pages, query, found)
        self._find_requests.add(rid)

    def show_hit(self, page: int) -> None:
        """Go to a page with search hits and bring its first hit into view, marked as the current one."""
        self.current_hit = (page, 0)
        rects = self.hit_rects.get(page)
        self.go_to(page, rects[0] if rects else None)
        if rects is not None or not self.search_query:
            return
        query, material_id = self.search_query, self.material_id

        def found(result: dict) -> None:
            if query == self.search_query and material_id == self.material_id:
                self.hit_rects[page] = tuple(result.get(page, ()))
                if self.hit_rects[page] and self.current == page:
                    self.go_to(page, self.hit_rects[page][0])
                self.viewport().update()
        self.bridge.find(material_id, [page], query, found)

    def set_overlays(self, overlays: list[Overlay]) -> None:
        self.overlays = [o for o in overlays if o.material_id == self.material_id]
        self.viewport().update()

    def flash(self, page: int, rect: tuple | None) -> None:
        self.go_to(page, rect)
        self._flash = (page, rect, time.monotonic())
        self._flash_timer.start()

    def _flash_tick(self) -> None:
        if self._flash is None or time.monotonic() - self._flash[2] > FLASH_SECONDS:
            self._flash = None
            self._flash_timer.stop()
        self.viewport().update()

    def resizeEvent(self, event) -> None:
        anchor = self._anchor(QPointF(0, 0))
        super().resizeEvent(event)
        self.relayout(anchor)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.schedule()
