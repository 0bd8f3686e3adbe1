"""Drawing a page view: pages, their rendered pieces (or a stand-in while they render), search
hits, text selection, evidence overlays, the selected region and the brief flash."""
from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTransform

BACKGROUND = QColor("#6b7280")
HIT = QColor(250, 204, 21, 110)
HIT_CURRENT = QColor(249, 115, 22, 150)
SELECTION = QColor(59, 130, 246, 80)
OVERLAY = QColor(37, 99, 235)
REGION = QColor(5, 150, 105)
FLASH = QColor(234, 88, 12)


@dataclass(frozen=True)
class Overlay:
    """A mark the workspace puts on a page: an evidence link of a rubric item, for instance.
    `rect` is in unrotated page points (None: the whole page)."""

    key: object
    material_id: int
    page_index: int
    rect: tuple[float, float, float, float] | None
    label: str


def paint_page_frame(p: QPainter, r: QRectF) -> None:
    p.fillRect(r.translated(2, 2), QColor(0, 0, 0, 60))
    p.fillRect(r, Qt.GlobalColor.white)


def paint_stand_in(p: QPainter, r: QRectF, image, view_rotation: int) -> None:
    """A thumbnail stretched over the page while its sharp pieces render: never a blank page."""
    if image is None or image.isNull():
        return
    if view_rotation:
        image = image.transformed(QTransform().rotate(view_rotation))
    p.save()
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    p.drawImage(r, image)
    p.restore()


def paint_message(p: QPainter, r: QRectF, text: str) -> None:
    p.fillRect(r, QColor("#f3f4f6"))
    p.setPen(QColor("#991b1b"))
    box = r.adjusted(r.width() * 0.1, 0, -r.width() * 0.1, 0)
    p.drawText(box, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), text)


def paint_rects(p: QPainter, rects: list[QRectF], color: QColor) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    for r in rects:
        p.drawRect(r)


def _badge(p: QPainter, anchor: QPointF, text: str, color: QColor, right: bool = False) -> QRectF:
    font = QFont(p.font())
    font.setPointSizeF(max(font.pointSizeF() * 0.85, 7))
    p.setFont(font)
    metrics = QFontMetricsF(font)
    w, h = metrics.horizontalAdvance(text) + 8, metrics.height() + 2
    box = QRectF(anchor.x() - (w if right else 0), anchor.y(), w, h)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawRoundedRect(box, 3, 3)
    p.setPen(Qt.GlobalColor.white)
    p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
    return box


def paint_overlay(p: QPainter, page_rect: QRectF, box: QRectF | None, label: str) -> QRectF:
    """Draw one overlay; return the area that answers a click (the box, or the label of a whole page)."""
    fill = QColor(OVERLAY)
    fill.setAlpha(36)
    if box is None:
        p.setPen(QPen(OVERLAY, 3))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(page_rect.adjusted(1.5, 1.5, -1.5, -1.5))
        return _badge(p, QPointF(page_rect.right() - 6, page_rect.top() + 6), label, OVERLAY, right=True)
    p.setPen(QPen(OVERLAY, 1.5))
    p.setBrush(fill)
    p.drawRect(box)
    if label:
        metrics = QFontMetricsF(p.font())
        above = box.top() - metrics.height() - 3
        _badge(p, QPointF(box.left(), above if above > page_rect.top() else box.top() + 2), label, OVERLAY)
    return box


def paint_region(p: QPainter, box: QRectF) -> None:
    fill = QColor(REGION)
    fill.setAlpha(40)
    pen = QPen(REGION, 1.5, Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(fill)
    p.drawRect(box)


def paint_flash(p: QPainter, box: QRectF, elapsed: float, duration: float) -> None:
    strength = max(0.0, 1.0 - elapsed / duration) * (0.6 + 0.4 * math.sin(elapsed * 12))
    color = QColor(FLASH)
    color.setAlpha(int(200 * strength))
    p.setPen(QPen(color, 4))
    fill = QColor(FLASH)
    fill.setAlpha(int(70 * strength))
    p.setBrush(fill)
    p.drawRect(box.adjusted(-3, -3, 3, 3))
