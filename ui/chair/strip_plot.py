"""A strip plot of the experts' totals for one applicant: one dot per expert on the points scale,
the final score as a line, abnormal (畸高畸低) experts in red. Where a chair would rather look than read."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

DOT, ABNORMAL, FINAL, AXIS = QColor("#2563eb"), QColor("#dc2626"), QColor("#15803d"), QColor("#6b7280")


class StripPlot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[tuple[str, Decimal, bool]] = []
        self._final: Decimal | None = None
        self._maximum = Decimal(100)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(74)

    def sizeHint(self) -> QSize:
        return QSize(360, 74)

    def set_data(self, points: list[tuple[str, Decimal, bool]], final: Decimal | None, maximum: Decimal) -> None:
        """`points`: (label, total, abnormal) per scoring expert; `maximum`: the rubric's maximum with bonus."""
        self._points, self._final, self._maximum = list(points), final, maximum or Decimal(100)
        self.setToolTip("\n".join(f"{label}: {value}" for label, value, _ in points))
        self.update()

    def _x(self, value: Decimal, rect: QRectF) -> float:
        return rect.left() + float(value / self._maximum) * rect.width()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(14, 8, -14, -22)
        axis_y = rect.bottom()
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(QPointF(rect.left(), axis_y), QPointF(rect.right(), axis_y))
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 1.5, 7))
        painter.setFont(small)
        step = 10 if self._maximum <= 120 else 20
        for tick in range(0, int(self._maximum) + 1, step):
            x = self._x(Decimal(tick), rect)
            painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 4))
            painter.drawText(QRectF(x - 16, axis_y + 5, 32, 14), Qt.AlignmentFlag.AlignHCenter, str(tick))
        if self._final is not None:
            x = self._x(self._final, rect)
            painter.setPen(QPen(FINAL, 2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, axis_y))
        placed: list[float] = []
        for label, value, abnormal in sorted(self._points, key=lambda p: p[1]):
            x = self._x(value, rect)
            row = sum(1 for other in placed if abs(other - x) < 22)  # stack labels of close dots
            placed.append(x)
            y = axis_y - 10 - (row % 3) * 14
            colour = ABNORMAL if abnormal else DOT
            painter.setPen(QPen(colour, 1))
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(x, y), 4.5, 4.5)
            painter.drawText(QRectF(x + 6, y - 8, 44, 14), Qt.AlignmentFlag.AlignLeft, label)
        painter.end()
