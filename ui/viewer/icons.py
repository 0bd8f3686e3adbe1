"""Small status marks drawn in code (no font has them all, and no image files are needed)."""
from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

SIZE = 32


def _canvas() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, p


@cache
def status_icon(status: str) -> QIcon:
    """complete: a green tick; encrypted: an amber padlock; missing: a red cross."""
    pixmap, p = _canvas()
    colour = QColor({"encrypted": "#b45309", "missing": "#b91c1c"}.get(status, "#15803d"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawEllipse(QRectF(2, 2, SIZE - 4, SIZE - 4))
    pen = QPen(Qt.GlobalColor.white, 3.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    if status == "missing":
        p.drawLine(QPointF(11, 11), QPointF(21, 21))
        p.drawLine(QPointF(21, 11), QPointF(11, 21))
    elif status == "encrypted":
        p.setPen(QPen(Qt.GlobalColor.white, 2.4))
        path = QPainterPath()
        path.moveTo(12, 16)
        path.lineTo(12, 12.5)
        path.arcTo(QRectF(12, 8, 8, 9), 180, -180)
        path.lineTo(20, 16)
        p.drawPath(path)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(Qt.GlobalColor.white)
        p.drawRoundedRect(QRectF(10, 15, 12, 9), 1.5, 1.5)
    else:
        path = QPainterPath()
        path.moveTo(10, 16.5)
        path.lineTo(14.5, 21)
        path.lineTo(22.5, 11.5)
        p.drawPath(path)
    p.end()
    return QIcon(pixmap)
